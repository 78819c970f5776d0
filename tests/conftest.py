"""Shared fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from fake_languagetool import FakeServer, start, stop
from sportlint import ltclient


@pytest.fixture(scope="session")
def fake_languagetool_server() -> Iterator[FakeServer]:
    server = start()
    yield server
    stop(server)


@pytest.fixture
def fake_languagetool(fake_languagetool_server: FakeServer,
                      monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeServer]:
    """The stand-in LanguageTool server, with a fresh client state for each test."""
    for name in ("NO_PROXY", "no_proxy"):   # a CI proxy must not catch 127.0.0.1
        monkeypatch.setenv(name, "127.0.0.1,localhost")
    ltclient.reset()
    fake_languagetool_server.requests.clear()
    fake_languagetool_server.delay = 0.0
    yield fake_languagetool_server
    ltclient.reset()
