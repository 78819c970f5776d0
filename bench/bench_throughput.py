#!/usr/bin/env python3
"""Lint throughput as `sportlint check` sees it: one document per file, the default rule
set, resources already loaded. Prints words per second and the time per 10k words as a
ratio against a regex word split of the same text, measured in the same run, for

- the first pass over the files: every word is new to the per-word caches (lexicon
  readings, spelling candidates ...), as in an archive run; lazy indexes are built
  beforehand by a pass over other texts (the seed and tests/articles);
- later passes (best of N): the words are known, as when the same names and words come
  back article after article.

    python bench/bench_throughput.py [PATH ...] [--repeat N] [--all]

PATHs are drafts or folders (default: tests/articles and the seed; the 56 Wikinews
articles in ../shared/eval/articles are a fairer sample when present). ``--all`` enables
every rule, as bench_pipeline.py does. CPU time, so that other processes on the machine
disturb the numbers less; compare the ratios between commits.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import regex
from benchlib import drafts

from sportlint.config.loader import from_mapping
from sportlint.engine import linter
from sportlint.italian import resources
from sportlint.source import document


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--all", action="store_true", help="enable every rule, not the defaults")
    args = ap.parse_args()

    config = from_mapping({"enable": ["ALL"]} if args.all else {}, None)
    rules = linter.active_rules(config)
    for name in resources.LOADERS:
        resources.get(name)
    targets = drafts(args.paths)
    warm = [f for f in drafts() if f not in targets]
    for f in warm or targets[:1]:
        linter.lint(document.from_text(f.read_text(encoding="utf-8"), str(f)), config, rules)

    docs = [document.from_text(f.read_text(encoding="utf-8"), str(f)) for f in targets]
    words = sum(len(d.text.split()) for d in docs)
    text = "\n\n".join(d.text for d in docs)
    scale = 10_000 / max(words, 1)

    def run() -> float:
        start = time.process_time()
        for d in docs:
            linter.lint(d, config, rules)
        return time.process_time() - start

    first = run()
    later = min(run() for _ in range(args.repeat))
    baseline = min((lambda t: (regex.findall(r"\w+", text), time.process_time() - t)[1])(time.process_time())
                   for _ in range(20))

    print(f"{len(docs)} files, {words} words, {len(rules)} rules "
          f"({'all' if args.all else 'default'}); times per 10k words")
    print(f"baseline (regex word split)   {baseline * scale * 1000:9.2f} ms")
    passes = (("first pass (new words)", first), (f"later passes (best of {args.repeat})", later))
    for label, seconds in passes:
        print(f"  {label:<28} {seconds * scale * 1000:9.2f} ms   x{seconds / baseline:8.1f} baseline"
              f"   {words / seconds:10,.0f} words/s")


if __name__ == "__main__":
    main()
