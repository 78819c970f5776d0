"""A progress bar on standard error for long runs (``--jobs`` and ``--dask-scheduler``):
files done of all, findings so far, files per second and the time left.

It shows only on a terminal (never in a pipe, a log or CI), only once a run has lasted
`DELAY` seconds (a quick check shows nothing), and never with ``quiet``; it is erased when
the run ends, so what the run prints is the same with or without it. `advance` may be
called from any thread (a pool's or Dask's callbacks).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import TextIO

#: seconds before the bar first appears, and between two redraws
DELAY = 0.5
INTERVAL = 0.1


class Bar:
    def __init__(self, total: int, *, quiet: bool = False, stream: TextIO | None = None,
                 enabled: bool | None = None, clock: object = None) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            enabled = is_terminal(self.stream)
        self.enabled = bool(enabled) and not quiet and total > 1
        self.done = 0
        self.findings = 0
        self._clock = clock if callable(clock) else time.monotonic
        self._start = self._clock()
        self._drawn_at: float | None = None
        self._width = 0
        self._lock = threading.Lock()

    def advance(self, files: int = 1, findings: int = 0) -> None:
        """Files done, with their findings (the runners' ``progress`` callback)."""
        with self._lock:
            self.done = min(self.done + files, self.total)
            self.findings += findings
            if not self.enabled:
                return
            now = self._clock()
            if now - self._start < DELAY:
                return
            if self._drawn_at is not None and now - self._drawn_at < INTERVAL and \
                    self.done < self.total:
                return
            self._draw(now)

    def line(self, now: float | None = None) -> str:
        """The bar's text: ``[#####-----] 120/400 files, 37 findings, 85 files/s, ETA 0:03``."""
        elapsed = max((self._clock() if now is None else now) - self._start, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else None
        noun = "finding" if self.findings == 1 else "findings"
        tail = (f" {self.done}/{self.total} files, {self.findings} {noun}, "
                f"{rate:,.0f} files/s, ETA {_clock_time(left)}")
        import shutil

        columns = shutil.get_terminal_size((80, 24)).columns - 1
        room = max(10, min(40, columns - len(tail) - 2))
        filled = room * self.done // max(self.total, 1)
        return (f"[{'#' * filled}{'-' * (room - filled)}]{tail}")[:columns]

    def _draw(self, now: float) -> None:
        text = self.line(now)
        pad = " " * max(0, self._width - len(text))
        self._write(f"\r{text}{pad}")
        self._width = len(text)
        self._drawn_at = now

    def clear(self) -> None:
        """Erase the bar (before other output goes to the same terminal); the next
        `advance` draws it again."""
        with self._lock:
            if self._width:
                self._write("\r" + " " * self._width + "\r")
                self._width = 0
                self._drawn_at = None

    def close(self) -> None:
        self.clear()
        self.enabled = False

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):   # the terminal went away: no more bar
            self.enabled = False

    def __enter__(self) -> Bar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def is_terminal(stream: TextIO) -> bool:
    """A terminal that can take a bar redrawn in place (not TERM=dumb, not CI)."""
    if os.environ.get("TERM") == "dumb" or os.environ.get("CI"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _clock_time(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"
