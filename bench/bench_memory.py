#!/usr/bin/env python3
"""Peak memory per input character of `sportlint check` on big drafts, beyond a fixed base.

    python bench/bench_memory.py [--sizes 3,30] [--tracemalloc]

The drafts are made here from the project's own copy (tests/articles, seeds/,
bench/precision, bench/names_articles), repeated, each copy with a first line of its own,
to about 3 and 30 million characters (``--sizes``, in millions). Each is checked by a fresh
``sportlint check --jobs 1`` process (with ``max_file_size: 0``, so that the 30 MB draft is
read at all); its peak memory is the maximum resident set size read with getrusage in a
wrapper process. The base is the same check of one copy of the copy (about 44,000
characters, every resource loaded): the figure is

    (peak RSS of the big draft - peak RSS of the base) / (characters - base characters)

against the target of at most 30 bytes per character (issue 21). A draft longer than
`linter.PIECE` is linted in pieces cut at blank lines, so the peak follows the piece, and
what grows with the draft is its text (held as the document and its prose mask) and the
findings. ``--tracemalloc`` also traces the Python allocations of the lint of the 3 MB draft
in this process (slow): the peak of the lint alone, per character.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchlib import ROOT, drafts

TARGET = 30.0
#: prints the children's peak RSS (KiB on Linux) and their CPU seconds
RSS_WRAPPER = ("import resource, subprocess, sys; "
               "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
               "stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL); "
               "r = resource.getrusage(resource.RUSAGE_CHILDREN); "
               "print(r.ru_maxrss, r.ru_utime + r.ru_stime)")


def copy_text() -> str:
    sources = drafts([ROOT / "tests" / "articles", ROOT / "seeds", ROOT / "bench" / "precision",
                      ROOT / "bench" / "names_articles"])
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sources)


def make_draft(path: Path, body: str, chars: int) -> int:
    parts, total, n = [], 0, 0
    while total < chars:
        chunk = f"Copia {n + 1}.\n\n{body}\n\n"
        parts.append(chunk)
        total += len(chunk)
        n += 1
    path.write_text("".join(parts), encoding="utf-8")
    return total


def sportlint() -> list[str]:
    script = Path(sys.executable).with_name("sportlint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "sportlint"]


def peak(path: Path, config: Path) -> tuple[int, float, float]:
    """Peak RSS (bytes), CPU seconds and wall seconds of one check of ``path``."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", RSS_WRAPPER, *sportlint(), "check", "--jobs",
                          "1", "-q", "--config", str(config), str(path)],
                         capture_output=True, text=True, check=True).stdout.split()
    return int(out[0]) * 1024, float(out[1]), time.perf_counter() - start


def traced(path: Path) -> float:
    """The peak of the Python allocations of linting ``path`` in this process, beyond what
    was allocated before, per character."""
    import tracemalloc

    from sportlint.config.loader import from_mapping
    from sportlint.engine import linter
    from sportlint.italian import resources
    from sportlint.source import document

    config = from_mapping({"max_file_size": 0}, None)
    rules = linter.active_rules(config)
    for name in resources.LOADERS:
        resources.get(name)
    text = path.read_text(encoding="utf-8")
    linter.lint(document.from_text(text[:50_000]), config, rules)
    doc = document.from_text(text)
    tracemalloc.start()
    linter.lint(doc, config, rules)
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return top / len(text)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="3,30", help="draft sizes in millions of characters")
    ap.add_argument("--tracemalloc", action="store_true")
    args = ap.parse_args()
    body = copy_text()
    with tempfile.TemporaryDirectory(prefix="sportlint-memory-") as tmp:
        folder = Path(tmp)
        config = folder / "config.yaml"
        config.write_text("max_file_size: 0\n", encoding="utf-8")
        base = folder / "base.txt"
        base_chars = make_draft(base, body, 1)
        peak(base, config)      # untimed: fills the start-up cache
        base_rss, base_cpu, _ = peak(base, config)
        print(f"base: one copy, {base_chars:,} characters: peak RSS {base_rss / 2**20:.1f} MiB, "
              f"CPU {base_cpu:.2f} s")
        print(f"{'draft':>10}  {'peak RSS':>10}  {'beyond base':>12}  {'bytes/char':>10}  "
              f"{'target':>7}  {'CPU':>8}  chars/s vs base")
        failed = False
        for size in (float(s) for s in args.sizes.split(",")):
            path = folder / f"draft_{size:g}M.txt"
            chars = make_draft(path, body, int(size * 1_000_000))
            rss, cpu, _ = peak(path, config)
            per = (rss - base_rss) / (chars - base_chars)
            failed |= per > TARGET
            speed = (chars / cpu) / (base_chars / base_cpu)
            print(f"{chars / 1e6:8.1f} M  {rss / 2**20:7.1f} MiB  {(rss - base_rss) / 2**20:8.1f} MiB"
                  f"  {per:10.1f}  {'PASS' if per <= TARGET else 'FAIL':>7}  {cpu:6.1f} s"
                  f"  {speed:.2f}x")
            if args.tracemalloc and size == min(float(s) for s in args.sizes.split(",")):
                print(f"            lint alone, traced in this process: {traced(path):.1f} "
                      "bytes/char at its peak")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
