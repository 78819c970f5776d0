"""Work measured without a clock (tests never assert timings): the lines of sportlint's
own code that a call runs (``sys.settrace`` line events, in files under src/sportlint)
and the peak memory it allocates (tracemalloc). A linear check does about k times the
work on a text k times longer; a quadratic one k squared."""

from __future__ import annotations

import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import sportlint

PACKAGE = str(Path(sportlint.__file__).resolve().parent)


def lines_run(fn: Callable[[], Any]) -> int:
    """How many lines of sportlint's code ``fn()`` runs."""
    count = 0
    wanted: dict[str, bool] = {}

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        name = frame.f_code.co_filename
        ours = wanted.get(name)
        if ours is None:
            ours = wanted[name] = name.startswith(PACKAGE)
        return local if ours else None

    old = sys.gettrace()
    sys.settrace(calls)
    try:
        fn()
    finally:
        sys.settrace(old)
    return count


def peak_memory(fn: Callable[[], Any]) -> int:
    """The peak of memory allocated while ``fn()`` runs and its result is alive (bytes)."""
    tracemalloc.start()
    try:
        keep = fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del keep
    return peak


def growth(measure: Callable[[Callable[[], Any]], int], make: Callable[[int], Callable[[], Any]],
           n: int, k: int = 4) -> float:
    """How much more work ``make(k * n)()`` does than ``make(n)()``: about k when linear.
    A first run loads what the rules need (the word lists), which is not counted."""
    make(n)()
    small = measure(make(n))
    large = measure(make(k * n))
    return large / max(small, 1)
