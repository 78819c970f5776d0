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

It also prints the sentence layer's share of the lint: the CPU time spent in the tagger's
``tag`` and the parser's ``parse`` (timed by wrapping both) against the whole lint, and how
many of the sentences each was run on (they run only where a rule has a candidate, and are
memoised per sentence, so later passes hardly call them).

PATHs are drafts or folders (default: tests/articles and the seed; the 56 Wikinews
articles in ../shared/eval/articles are a fairer sample when present). ``--all`` enables
every rule, as bench_pipeline.py does. CPU time, so that other processes on the machine
disturb the numbers less; compare the ratios between commits.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import regex
from benchlib import drafts

from sportlint.config.loader import from_mapping
from sportlint.engine import linter
from sportlint.italian import resources
from sportlint.segment.segmenter import segment
from sportlint.source import document


class Timed:
    """Wraps a model's method: the calls, and the CPU seconds they took."""

    def __init__(self, owner: object, name: str) -> None:
        self.calls = 0
        self.seconds = 0.0
        inner: Callable[..., object] = getattr(owner, name)

        def wrapped(*args: object) -> object:
            start = time.process_time()
            try:
                return inner(*args)
            finally:
                self.seconds += time.process_time() - start
                self.calls += 1
        setattr(owner, name, wrapped)

    def reset(self) -> None:
        self.calls, self.seconds = 0, 0.0


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
    tagger = Timed(resources.get("tagger"), "tag")
    parser = Timed(resources.get("parser"), "parse")
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

    sentences = sum(len(segment(d).sentences) for d in docs)
    tagger.reset()
    parser.reset()
    first = run()
    layer = [(m.calls, m.seconds) for m in (tagger, parser)]
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
    print(f"sentence layer in the first pass ({sentences} sentences in the documents; the "
          "second look at a fix adds some):")
    for label, (calls, seconds) in zip(("tagger", "parser"), layer, strict=True):
        print(f"  {label:<28} {calls:5} sentences   {seconds * 1000:9.1f} ms   "
              f"{seconds / first:6.1%} of the lint")


if __name__ == "__main__":
    main()
