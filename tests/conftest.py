"""Shared fixtures and options."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from fake_languagetool import FakeServer, start, stop
from sportlint.rules.languagetool import _client as ltclient

_CACHE_DIR: str | None = None


def pytest_configure(config: pytest.Config) -> None:
    """sportlint.util.cache writes to the user's cache folder; tests (and the CLI processes
    they start) use a temporary one, from collection on."""
    global _CACHE_DIR
    import os
    import tempfile

    if "SPORTLINT_CACHE_DIR" not in os.environ:
        _CACHE_DIR = tempfile.mkdtemp(prefix="sportlint-test-cache-")
        os.environ["SPORTLINT_CACHE_DIR"] = _CACHE_DIR
    # the result cache would hand one test the findings another computed for the same
    # text; its own tests (tests/unit/runner/test_resultcache.py) turn it back on
    os.environ.setdefault("SPORTLINT_NO_RESULT_CACHE", "1")


def pytest_unconfigure(config: pytest.Config) -> None:
    import os
    import shutil

    if _CACHE_DIR is not None:
        from sportlint.util import lazyregex

        lazyregex.flush()   # now, not at exit once the folder is gone
        os.environ.pop("SPORTLINT_CACHE_DIR", None)
        shutil.rmtree(_CACHE_DIR, ignore_errors=True)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-snapshots", action="store_true", default=False,
                     help="rewrite tests/e2e/snapshots/*.out from the current CLI output")


@pytest.fixture(autouse=True)
def _not_in_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI picks `--format github` by itself under GitHub Actions; tests that expect
    the text format must not depend on where they run (tests/e2e/test_ci_formats.py sets it)."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


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
