from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-snapshots", action="store_true", default=False,
                     help="rewrite tests/snapshots/*.txt from the current CLI output")


@pytest.fixture(autouse=True)
def _not_in_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI picks `--format github` by itself under GitHub Actions; tests that expect
    the text format must not depend on where they run (tests/test_ci_formats.py sets it)."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
