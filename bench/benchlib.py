"""What the benchmark scripts share: the drafts they read and best-of-N timers.

The scripts run as ``python bench/NAME.py``, so this folder is on ``sys.path`` and they
import this module by name.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# every `sportlint check` a benchmark starts checks its files again: a second run of the
# same text is no measure if the result cache answers it (runner/resultcache.py)
os.environ.setdefault("SPORTLINT_NO_RESULT_CACHE", "1")
#: the drafts read when none are named: the seed and the project's own articles
DEFAULT_DRAFTS = (ROOT / "seeds", ROOT / "tests" / "articles")


def drafts(paths: Iterable[str | Path] = ()) -> list[Path]:
    """The files named, and the *.txt / *.md files under the folders named (sorted);
    with no path, those of `DEFAULT_DRAFTS`."""
    out: list[Path] = []
    for raw in list(paths) or DEFAULT_DRAFTS:
        p = Path(raw)
        out += sorted(q for q in p.rglob("*") if q.suffix in (".txt", ".md")) if p.is_dir() else [p]
    return out


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs of ``fn``, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def best_process(code: str, repeat: int, printed: bool = False) -> float:
    """The fastest of ``repeat`` fresh Python processes running ``code``, in seconds: the
    whole process, or (``printed``) the number the code prints last (a time it measured
    itself, free of the interpreter's start)."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", code], capture_output=True,
                             text=True, check=False).stdout
        runs.append(float(out.split()[-1]) if printed else time.perf_counter() - start)
    return min(runs)
