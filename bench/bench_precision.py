#!/usr/bin/env python3
"""Precision on clean copy that no rule was written against: false alarms per 10,000 words
per rule with the default config, and the safe fixes that would change a correct word.

    python bench/bench_precision.py [--treebanks DIR] [--list] [--json] [PATH ...]

The copy is read at bench time, never shipped:

- the sentences (``# text =``) of the edited treebanks under ``--treebanks`` (default
  ``../shared/data/treebanks`` beside the repository): UD_Italian-PUD (news and Wikipedia,
  professionally edited; its ``# newdoc`` groups make the documents) and
  UD_Italian-ParlaMint (Senate transcripts; 20 sentences a document). MarkIT and Valico
  are not professional copy and are left out: MarkIT is school essays whose text survives
  only as tokens joined by spaces (``l' uomo ,``), and once rejoined its findings are the
  students' own slips (cosidette, pressochè, "3 Gennaio", "sul autobus") and rejoining
  artefacts; Valico is learner essays with errors on purpose, and its corrections (the
  ``# err`` lines) are minimal repairs of learner Italian, nested and partial, not edited
  copy;
- the copy written for this benchmark in ``bench/precision/`` (sports, news, politics,
  business, culture and travel pieces by the sportlint developers, MIT: names that are
  words, minute marks, formations, repeated scores, quotes in « », “ ”, ‘ ’ and English
  titles with apostrophes, foreign names in their own spelling, numbers and times), read
  by default; more ``*.txt`` / ``*.md`` files or folders may be named on the command line.

The figures are printed for the whole and for each source (PUD, ParlaMint, the written
copy), so a change that helps one genre and hurts another shows.

Every finding on clean copy counts as a false alarm, unless an editor has judged it a real
slip of that copy: ``bench/precision_judged.tsv`` lists those (rule, flagged text,
judgement), and they are counted as catches. ``--list`` shows each finding in its
context, to judge. A "bad safe fix" is a false alarm whose safe fix (the one ``--fix``
applies) changes a letter or digit of the text, i.e. rewrites a correct word. Targets
(printed with PASS/FAIL): at most 0.5 false alarms per 10,000 words overall, and no bad
safe fix.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from benchlib import ROOT, drafts

from sportlint.config.loader import from_mapping
from sportlint.engine import linter
from sportlint.findings import Applicability, Finding
from sportlint.source import document

TREEBANKS = ROOT.parent.parent / "shared" / "data" / "treebanks"
if not TREEBANKS.is_dir():   # a worktree under /work/wt/NAME, or the main checkout
    TREEBANKS = ROOT.parent / "shared" / "data" / "treebanks"
CLEAN = {"UD_Italian-PUD": None, "UD_Italian-ParlaMint": 20}
WRITTEN = ROOT / "bench" / "precision"
JUDGED = ROOT / "bench" / "precision_judged.tsv"
TARGET_PER_10K = 0.5


def judged(path: Path) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(rule, flagged text) -> [(a piece of the text around it, the judgement)], for the
    findings judged real slips."""
    out: dict[tuple[str, str], list[tuple[str, str]]] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                rule, text, around, why = line.split("\t")
                out.setdefault((rule, text), []).append((around, why))
    return out


def verdict(real: dict[tuple[str, str], list[tuple[str, str]]], text: str,
            f: Finding) -> str | None:
    """The judgement of a finding judged a real slip, or None (a false alarm)."""
    window = text[max(0, f.start - 40):f.end + 40]
    return next((why for around, why in real.get((f.rule, text[f.start:f.end]), [])
                 if around in window), None)


def treebank_documents(folder: Path) -> Iterator[tuple[str, str]]:
    """(name, text) of each document of the clean treebanks: one sentence a line."""
    for bank, size in CLEAN.items():
        for conllu in sorted((folder / bank).glob("*.conllu")):
            sentences: list[str] = []
            number = 0
            for line in conllu.read_text(encoding="utf-8").splitlines():
                if line.startswith("# newdoc") and size is None and sentences:
                    number += 1
                    yield f"{conllu.name}#{number}", " ".join(sentences) + "\n"
                    sentences = []
                elif line.startswith("# text = "):
                    sentences.append(line[len("# text = "):].strip())
                    if size is not None and len(sentences) == size:
                        number += 1
                        yield f"{conllu.name}#{number}", " ".join(sentences) + "\n"
                        sentences = []
            if sentences:
                number += 1
                yield f"{conllu.name}#{number}", " ".join(sentences) + "\n"


def source(name: str) -> str:
    """The source a document comes from: its treebank, or "written" for the copy on disk."""
    if "#" in name:
        return name.split("-ud-")[0].removeprefix("it_")
    return "written"


def changes_a_word(text: str, f: Finding) -> bool:
    """The finding's safe fix rewrites a letter or a digit (not only spaces or marks)."""
    if f.fix is None or f.fix.applicability is not Applicability.SAFE:
        return False
    for e in f.fix.edits:
        old, new = text[e.start:e.end], e.replacement
        if [c for c in old if c.isalnum()] != [c for c in new if c.isalnum()]:
            return True
    return False


def context(text: str, f: Finding, width: int = 40) -> str:
    left = text[max(0, f.start - width):f.start].replace("\n", " ")
    right = text[f.end:f.end + width].replace("\n", " ")
    return f"{left}[[{text[f.start:f.end]}]]{right}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", help="more clean copy (*.txt, *.md or folders)")
    ap.add_argument("--treebanks", type=Path, default=TREEBANKS)
    ap.add_argument("--judged", type=Path, default=JUDGED,
                    help="the findings judged real slips (rule TAB text TAB judgement)")
    ap.add_argument("--list", action="store_true", help="print every finding in context")
    ap.add_argument("--json", action="store_true", help="the figures as JSON")
    args = ap.parse_args(argv)

    docs: list[tuple[str, str]] = []
    if args.treebanks.is_dir():
        docs += list(treebank_documents(args.treebanks))
    else:
        print(f"note: no treebanks at {args.treebanks}", file=sys.stderr)
    for p in drafts([WRITTEN, *args.paths]):
        docs.append((str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p),
                     p.read_text(encoding="utf-8")))
    if not docs:
        print("no clean copy to measure", file=sys.stderr)
        return 2

    config = from_mapping({}, None)
    rules = linter.active_rules(config)
    real = judged(args.judged)
    words = 0
    per_rule: Counter[str] = Counter()
    catches: Counter[str] = Counter()
    bad_fixes: list[tuple[str, str, Finding]] = []
    listed: list[tuple[str, str, Finding]] = []
    source_words: Counter[str] = Counter()
    source_alarms: Counter[str] = Counter()
    for name, text in docs:
        words += len(text.split())
        src = source(name)
        source_words[src] += len(text.split())
        for f in linter.lint(document.from_text(text, name), config, rules):
            listed.append((name, text, f))
            if verdict(real, text, f):
                catches[f.rule] += 1
                continue
            per_rule[f.rule] += 1
            source_alarms[src] += 1
            if changes_a_word(text, f):
                bad_fixes.append((name, text, f))

    total = sum(per_rule.values())
    rate = 10_000 * total / words if words else 0.0
    figures = {
        "documents": len(docs), "words": words, "findings": len(listed),
        "real_slips": sum(catches.values()), "false_alarms": total,
        "per_10k_words": round(rate, 3),
        "per_rule_per_10k_words": {r: round(10_000 * n / words, 3)
                                   for r, n in per_rule.most_common()},
        "per_rule": dict(per_rule.most_common()),
        "bad_safe_fixes": len(bad_fixes),
        "per_source": {src: {"words": source_words[src], "false_alarms": source_alarms[src],
                             "per_10k_words": round(10_000 * source_alarms[src]
                                                    / source_words[src], 3)}
                       for src in sorted(source_words)},
    }
    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
    else:
        print(f"{len(docs)} documents, {words} words: {len(listed)} findings, "
              f"{sum(catches.values())} of them real slips ({args.judged.name}), "
              f"{total} false alarms: {rate:.2f} per 10k words (target <= {TARGET_PER_10K}: "
              f"{'PASS' if rate <= TARGET_PER_10K else 'FAIL'})")
        for rule, n in per_rule.most_common():
            print(f"  {rule:40} {n:4}  {10_000 * n / words:6.2f} / 10k words")
        for src in sorted(source_words):
            n, w = source_alarms[src], source_words[src]
            print(f"  source {src:33} {n:4}  {10_000 * n / w:6.2f} / 10k words ({w} words)")
        print(f"safe fixes that change a word: {len(bad_fixes)} "
              f"(target 0: {'PASS' if not bad_fixes else 'FAIL'})")
        for name, text, f in bad_fixes:
            print(f"  BAD FIX {name}: {f.rule}: {context(text, f)} -> {f.suggestions[:1]}")
    if args.list:
        for name, text, f in listed:
            fix = f.fix.applicability.value if f.fix else "-"
            why = verdict(real, text, f)
            label = f"REAL SLIP ({why})" if why else "FALSE ALARM"
            print(f"{label} {name}: {f.rule} [{fix}] {context(text, f)} :: {f.message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
