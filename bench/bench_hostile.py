#!/usr/bin/env python3
"""Hostile input (issue 18): how long `sportlint check` takes, and how much memory it
needs, on drafts made to hurt it, as ratios against an ordinary draft of the same size
checked in the same run (wall-clock numbers alone mean little on a shared machine).

    python bench/bench_hostile.py [--size-mb 1] [--big-mb 30] [--only NAME ...]

Each draft is checked by the command line in its own process (``-j 1``, JSON report to
/dev/null), timed, with the process's peak memory (``ru_maxrss``). The drafts: 1 MB of
ordinary prose (the baseline: the project's own articles repeated), 1 MB of nested
quotation marks, one 1 MB token, 1 MB of similar names, 200 KB of "([" (200,000
findings before the cap), /dev/zero (stopped by max_file_size), and a 30 MB draft of prose
(read with ``max_file_size: 0``) whose memory must stay under 1 GB. The issue's targets:
each 1 MB draft under 15 s here, the 30 MB draft under 1 GB.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchlib import ROOT

ARTICLES = sorted((ROOT / "tests" / "articles").glob("clean_*.txt"))


def prose(size: int) -> str:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in ARTICLES)
    return (text * (size // len(text) + 1))[:size]


def similar_names(size: int) -> str:
    # surnames one letter apart, capitalised mid-sentence: what name clustering compares
    names = [f"{a}{b}{c}ini" for a in "BCDFGLMNPRST" for b in "aeiou" for c in "lmnrst"]
    out, n = [], 0
    while n < size:
        line = f"Ha segnato {names[len(out) % len(names)]} al {len(out) % 90 + 1}'. "
        out.append(line)
        n += len(line)
    return "".join(out)[:size]


def drafts(size: int) -> dict[str, Callable[[], str]]:
    half = size // 2
    return {
        "prose (baseline)": lambda: prose(size),
        "nested quotes": lambda: "«“‘" * (half // 3) + "’”»" * (half // 3),
        "nested «»": lambda: "«" * half + "»" * half,
        "one token": lambda: "a" * size,
        "similar names": lambda: similar_names(size),
        "200 KB of ([": lambda: "([" * 100_000,
    }


def check(path: str, config: Path | None = None) -> tuple[float, float, int, bytes]:
    """Seconds, peak MB, exit code and standard error of one `sportlint check`."""
    args = [sys.executable, "-m", "sportlint", "check", "-j", "1", "--format", "json",
            "-o", os.devnull, path]
    if config is not None:
        args[4:4] = ["--config", str(config)]
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)    # this child's own peak, not the largest so far
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    return seconds, usage.ru_maxrss / 1024, proc.returncode, err   # ru_maxrss: KB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--big-mb", type=float, default=30.0, help="0: skip the big draft")
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args()
    size = int(args.size_mb * 1_000_000)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base: float | None = None
        print(f"{'draft':<22} {'chars':>10} {'seconds':>8} {'ratio':>6} {'peak MB':>8}  exit")
        for name, make in drafts(size).items():
            if args.only and name not in args.only and not name.startswith("prose"):
                continue
            path = folder / (name.split()[0] + ".txt")
            text = make()
            path.write_text(text, encoding="utf-8")
            seconds, peak, code, err = check(str(path))
            base = seconds if base is None else base
            note = err.decode("utf-8", "replace").strip().splitlines()
            print(f"{name:<22} {len(text):>10} {seconds:>8.1f} {seconds / base:>6.2f} "
                  f"{peak:>8.0f}  {code} {note[0][:60] if note else ''}", flush=True)
        if os.path.exists("/dev/zero"):
            seconds, peak, code, err = check("/dev/zero")
            print(f"{'/dev/zero':<22} {'-':>10} {seconds:>8.1f} {seconds / (base or 1):>6.2f} "
                  f"{peak:>8.0f}  {code} {err.decode()[:60].strip()}", flush=True)
        if args.big_mb:
            big = folder / "big.txt"
            big.write_text(prose(int(args.big_mb * 1_000_000)), encoding="utf-8")
            config = folder / "unbounded.yaml"
            config.write_text("max_file_size: 0\n", encoding="utf-8")
            seconds, peak, code, err = check(str(big), config)
            print(f"{f'prose {args.big_mb:g} MB':<22} {big.stat().st_size:>10} {seconds:>8.1f} "
                  f"{seconds / (base or 1):>6.2f} {peak:>8.0f}  {code} (target: < 1024 MB)",
                  flush=True)


if __name__ == "__main__":
    main()
