#!/usr/bin/env python3
"""Benchmark suppression parsing on hostile drafts: many unclosed ``<!-- sportlint-``
comments must cost about what closed ones cost (parsing stays linear), printed as a ratio
against the closed baseline measured in the same run.

    python bench/bench_suppressions.py [--lines N]
"""

from __future__ import annotations

import argparse
import time

from sportlint.engine import suppressions
from sportlint.source import document


def timed(text: str) -> float:
    doc = document.from_text(text, "a.md")
    start = time.perf_counter()
    suppressions.parse(doc)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=20000)
    n = parser.parse_args().lines
    closed = timed("Il Bari vince.\n<!-- sportlint-disable x -->\n" * n)
    unclosed = timed("Il Bari vince.\n<!-- sportlint-disable x\n" * n)
    print(f"closed {closed:.3f}s, unclosed {unclosed:.3f}s, ratio {unclosed / closed:.1f}")


if __name__ == "__main__":
    main()
