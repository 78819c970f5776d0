#!/usr/bin/env python3
"""Benchmark the pipeline: time per 10k words for segmentation, each rule family and the
whole lint, and the cold load time of each heavy resource, all printed as ratios against a
baseline measured in the same process (a plain regex word split of the same text).

    python bench/bench_pipeline.py [PATH ...] [--repeat N]

PATHs are drafts or folders (default: the seed and tests/articles). Numbers are wall-clock
and vary by machine; the ratios are what to compare between commits.
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc
from collections import defaultdict

import regex
from benchlib import best_of, drafts

from sportlint.config.loader import from_mapping
from sportlint.engine import linter
from sportlint.italian import resources
from sportlint.italian.resources import Resources
from sportlint.rules.base import Context
from sportlint.segment.segmenter import segment
from sportlint.source import document


def corpus(paths: list[str]) -> str:
    return "\n\n".join(f.read_text(encoding="utf-8") for f in drafts(paths))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    text = corpus(args.paths)
    words = len(text.split())
    scale = 10_000 / max(words, 1)
    config = from_mapping({"enable": ["ALL"]}, None)
    rules = linter.active_rules(config)

    print(f"corpus: {words} words; times are per 10k words (best of {args.repeat})")
    # cold resource loads first, so that nothing is cached yet
    loads: dict[str, float] = {}
    memory: dict[str, float] = {}
    for name in resources.LOADERS:
        resources.clear()
        tracemalloc.start()
        start = time.perf_counter()
        resources.get(name)
        loads[name] = time.perf_counter() - start
        memory[name] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    for name in resources.LOADERS:  # warm again for the timings below
        resources.get(name)

    baseline = best_of(lambda: regex.findall(r"\w+", text), args.repeat) * scale
    doc = document.from_text(text, "bench.md")
    seg_time = best_of(lambda: segment(doc), args.repeat) * scale
    seg = segment(doc)
    ctx = Context(doc, seg, config, Resources())
    family: dict[str, float] = defaultdict(float)
    for rule in rules:
        family[rule.id.split(".")[0]] += best_of(lambda r=rule: list(r.check(ctx)), args.repeat) * scale
    total = best_of(lambda: linter.lint(doc, config, rules), args.repeat) * scale

    def row(label: str, seconds: float) -> None:
        print(f"  {label:<28} {seconds * 1000:9.2f} ms   x{seconds / baseline:8.1f} baseline")

    print(f"baseline (regex word split)   {baseline * 1000:9.2f} ms")
    row("segment", seg_time)
    for name, seconds in sorted(family.items()):
        row(f"rules {name}.*", seconds)
    row("lint (all enabled rules)", total)
    print("cold resource loads (ratio against segmenting 10k words):")
    for name, seconds in loads.items():
        print(f"  {name:<28} {seconds * 1000:9.2f} ms   x{seconds / seg_time:8.1f} segment"
              f"   peak {memory[name]:.1f} MiB")
    print(f"words per second, full lint: {statistics.fmean([10_000 / total]):,.0f}")


if __name__ == "__main__":
    main()
