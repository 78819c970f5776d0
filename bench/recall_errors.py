#!/usr/bin/env python3
"""Recall of sportlint per error type on annotated Italian error data.

  python bench/recall_errors.py [ERRORS_DIR] [--select PREFIX ...] [--languagetool URL]
                                [--show-missed N]

ERRORS_DIR (default ../shared/eval/errors, from the current directory) holds
`merlin_it_single_edit.jsonl` (learner sentences with exactly one annotated edit) and
`languagetool_it_examples.jsonl` (the incorrect example sentences of LanguageTool's
Italian rules). Each record has `text`,
`start`, `end` (code points), `correction` and `type`. Every sentence is linted through
the public API (`sportlint.lint_text`) with whatever rules are installed; a sentence is
*caught* when a finding overlaps the error span and *fixed* when one of those findings'
suggestions, put in place of the finding's span, gives the corrected sentence. The
MERLIN types measured are `spelling` and `accent_apostrophe` (the others are grammar and
word choice a linter for professional copy is not built for), and `merlin/agreement`: the
`inflection` records whose wrong and corrected words are both in the lexicon (a real word
in the wrong form); LanguageTool examples are all kept and grouped by their type.

"Other findings" counts findings that do not touch the annotated error: in a one-edit
sentence the rest was judged correct by the annotators, so they approximate false alarms
(learner text is noisier than news copy, so read it as an upper bound). "On corrected"
counts the findings on the corrected sentences (MERLIN's `corrected`), which should be none.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from sportlint import lint_text
from sportlint.api import resolve_config

MERLIN_TYPES = ("spelling", "accent_apostrophe")
#: MERLIN's `inflection` records whose wrong and corrected words are both real words of the
#: lexicon, reported as `merlin/agreement`: a real word in the wrong form (agreement in
#: gender and number, subject and verb), what the grammar rules look for
AGREEMENT_TYPE = "inflection"
DEFAULT_DIR = Path("..") / "shared" / "eval" / "errors"   # from a checkout beside shared/


def load(folder: Path) -> list[tuple[str, dict[str, Any]]]:
    """(group, record) pairs: MERLIN records of the measured types, then LT examples."""
    out: list[tuple[str, dict[str, Any]]] = []
    merlin = folder / "merlin_it_single_edit.jsonl"
    if merlin.exists():
        for line in merlin.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if rec.get("type") in MERLIN_TYPES:
                out.append((f"merlin/{rec['type']}", rec))
            elif rec.get("type") == AGREEMENT_TYPE and real_words(rec):
                out.append(("merlin/agreement", rec))
    lt = folder / "languagetool_it_examples.jsonl"
    if lt.exists():
        for line in lt.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            out.append((f"languagetool/{rec.get('type', '?')}", rec))
    return out


def real_words(rec: dict[str, Any]) -> bool:
    from sportlint.italian import resources

    lex = resources.get("lexicon")
    return bool(rec["error_span"]) and lex.is_word(rec["error_span"]) and \
        lex.is_word(rec["correction"])


def squash(text: str) -> str:
    return re.sub(r"[ \t]+", " ", text).strip()


def overlaps(f_start: int, f_end: int, start: int, end: int) -> bool:
    f_end = max(f_end, f_start + 1)
    return f_start < max(end, start + 1) and start < f_end


def corrections(rec: dict[str, Any]) -> set[str]:
    text, start, end = rec["text"], rec["start"], rec["end"]
    wanted = {rec["correction"], *(rec.get("alternatives") or [])}
    return {squash(text[:start] + w + text[end:]) for w in wanted}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("errors", nargs="?", default=str(DEFAULT_DIR))
    ap.add_argument("--select", action="append", default=[], metavar="RULE_PREFIX",
                    help="only these rules (default: every rule enabled by default)")
    ap.add_argument("--languagetool", metavar="URL",
                    help="also use this LanguageTool server (rule languagetool)")
    ap.add_argument("--show-missed", type=int, default=0, metavar="N",
                    help="print up to N missed errors per group")
    args = ap.parse_args(argv)
    folder = Path(args.errors)
    records = load(folder)
    if not records:
        print(f"no error data in {folder}", file=sys.stderr)
        return 2
    settings: dict[str, Any] = {}
    if args.select:
        settings["select"] = args.select
    if args.languagetool:
        settings["languagetool"] = {"url": args.languagetool}
    config = resolve_config(settings)
    # n, caught, fixed, other findings, findings on the corrected sentence
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    rules_hit: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    missed: dict[str, list[str]] = defaultdict(list)
    started = time.perf_counter()
    for group, rec in records:
        text, start, end = rec["text"], rec["start"], rec["end"]
        findings = lint_text(text, None, config)
        hits = [f for f in findings if overlaps(f.start, f.end, start, end)]
        wanted = corrections(rec)
        fixed = any(squash(text[:f.start] + s + text[f.end:]) in wanted
                    for f in hits for s in f.suggestions)
        row = stats[group]
        row[0] += 1
        row[1] += bool(hits)
        row[2] += fixed
        row[3] += len(findings) - len(hits)
        if rec.get("corrected"):
            row[4] += len(lint_text(rec["corrected"], None, config))
        for f in hits:
            rules_hit[group][f.rule] += 1
        if not hits and len(missed[group]) < args.show_missed:
            missed[group].append(f"    {rec['error_span']!r} -> {rec['correction']!r}: {text}")
    elapsed = time.perf_counter() - started

    width = max(len(g) for g in stats)
    print(f"{'group':<{width}}  {'n':>5}  {'caught':>13}  {'fixed':>13}  {'other findings':>14}"
          f"  {'on corrected':>12}")
    totals = [0, 0, 0, 0, 0]
    for group in sorted(stats):
        n, caught, fixed, other, on_corrected = stats[group]
        totals = [a + b for a, b in zip(totals, stats[group], strict=True)]
        print(f"{group:<{width}}  {n:>5}  {caught:>5} {100 * caught / n:>6.1f}%  "
              f"{fixed:>5} {100 * fixed / n:>6.1f}%  {other:>14}  {on_corrected:>12}")
        top = sorted(rules_hit[group].items(), key=lambda kv: -kv[1])[:4]
        if top:
            print(" " * (width + 2) + "by rule: " + ", ".join(f"{r} {k}" for r, k in top))
        for line in missed[group]:
            print(line)
    n, caught, fixed, other, on_corrected = totals
    print(f"{'all':<{width}}  {n:>5}  {caught:>5} {100 * caught / n:>6.1f}%  "
          f"{fixed:>5} {100 * fixed / n:>6.1f}%  {other:>14}  {on_corrected:>12}")
    print(f"{n} sentences in {elapsed:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
