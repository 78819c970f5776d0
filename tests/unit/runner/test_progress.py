"""The progress bar (runner/progress.py): only on a terminal, not with quiet, not before
half a second, erased at the end."""

from __future__ import annotations

import io

import pytest

from sportlint.runner import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def _a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("TERM", raising=False)


def test_on_a_terminal() -> None:
    stream, clock = Terminal(), Clock()
    bar = progress.Bar(400, stream=stream, clock=clock)
    bar.advance(1, 3)
    assert stream.getvalue() == ""          # not in the first half second
    clock.now += 2
    bar.advance(99, 4)
    shown = stream.getvalue()
    assert shown.startswith("\r[") and "100/400 files, 7 findings, 50 files/s, ETA 0:06" in shown
    clock.now += 0.01
    bar.advance(1, 0)
    assert stream.getvalue() == shown       # at most ten redraws a second
    bar.close()
    assert stream.getvalue().endswith("\r" + " " * (len(shown) - 1) + "\r")


@pytest.mark.parametrize("quiet, stream", [(True, Terminal()), (False, io.StringIO())])
def test_off_with_quiet_or_off_a_terminal(quiet: bool, stream: io.StringIO) -> None:
    clock = Clock()
    bar = progress.Bar(400, stream=stream, quiet=quiet, clock=clock)
    clock.now += 5
    bar.advance(10, 1)
    bar.close()
    assert stream.getvalue() == "" and not bar.enabled
    assert (bar.done, bar.findings) == (10, 1)


def test_off_for_a_dumb_terminal_and_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "dumb")
    assert not progress.is_terminal(Terminal())
    monkeypatch.delenv("TERM")
    monkeypatch.setenv("CI", "true")
    assert not progress.is_terminal(Terminal())


def test_the_time_left() -> None:
    assert progress._clock_time(None) == "?"
    assert progress._clock_time(75) == "1:15"
    assert progress._clock_time(3725) == "1:02:05"
