#!/usr/bin/env python3
"""What the time limit on YAML patterns costs (config ``regex_timeout``, rules/kinds/timelimit.py).

    python bench/bench_timeouts.py [PATH ...] [--repeat N]

Runs every data rule (the YAML rules) over the drafts (default: the seed and
tests/articles) with the limits as shipped and with no limit at all, alternating, and
prints the ratio; then the raw cost of ``timeout=`` on one scan by the `regex` module of
the largest literal pattern (the spelling.misspellings forms), which is why the forms of
substitution and consistency rules (escaped literals, linear) run unlimited.
"""

from __future__ import annotations

import argparse

from benchlib import best_of, drafts

from sportlint.config.loader import from_mapping
from sportlint.italian.resources import Resources
from sportlint.rules import registry
from sportlint.rules.base import Context
from sportlint.rules.kinds import consistency, pattern, substitution, timelimit
from sportlint.rules.kinds.base import DataRule
from sportlint.segment.segmenter import segment
from sportlint.source import document

KIND_MODULES = (pattern, substitution, consistency)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    config = from_mapping({"enable": ["ALL"]}, None)
    docs = [document.from_text(f.read_text(encoding="utf-8"), f.name) for f in drafts(args.paths)]
    contexts = [Context(d, segment(d), config, Resources()) for d in docs]
    rules = [cls({}) for cls in registry.all_rules().values() if issubclass(cls, DataRule)]

    def run_rules() -> None:
        for ctx in contexts:
            for rule in rules:
                list(rule.check(ctx))

    def unlimited(ctx: Context) -> None:
        return None

    limited_times, free_times = [], []
    for _ in range(args.repeat):       # alternate, so load on a shared machine hits both
        for fn, out in ((timelimit.pattern_timeout, limited_times), (unlimited, free_times)):
            for module in KIND_MODULES:
                module.pattern_timeout = fn      # type: ignore[attr-defined]
            out.append(best_of(run_rules, 1))
    for module in KIND_MODULES:
        module.pattern_timeout = timelimit.pattern_timeout    # type: ignore[attr-defined]
    words = sum(len(d.text.split()) for d in docs)
    print(f"{len(docs)} drafts, {words} words, {len(rules)} data rules (best of {args.repeat})")
    print(f"  data rules, no limit           {min(free_times) * 1000:8.2f} ms")
    print(f"  data rules, limits as shipped  {min(limited_times) * 1000:8.2f} ms   "
          f"x {min(limited_times) / min(free_times):.3f}")

    literal = registry.get("spelling.misspellings").pattern    # type: ignore[attr-defined]
    text = "\n\n".join(d.masked for d in docs)
    plain = best_of(lambda: list(literal.finditer(text)), args.repeat)
    timed = best_of(lambda: list(literal.finditer(text, timeout=1.0)), args.repeat)
    print(f"raw scan of the drafts by the spelling.misspellings forms: {plain * 1000:.2f} ms; "
          f"with timeout=1.0: x {timed / plain:.3f}")


if __name__ == "__main__":
    main()
