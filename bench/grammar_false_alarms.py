#!/usr/bin/env python3
"""Findings per 10,000 words of the sentence-level grammar rules on correct text: the
held-out treebank sentences the tagger was not trained on, and any drafts named.

    python bench/grammar_false_alarms.py TREEBANKS_DIR [DRAFT_OR_FOLDER ...] [--select ID ...]
                                         [--show N]

The held-out sentences are those of ``scripts/build_tagger.py`` (every tenth sentence of PUD,
MarkIT's and ParlaMint's test files), rebuilt as text from their CoNLL-U ``# text`` lines:
edited, correct Italian, so every finding is a false alarm (or a slip in the treebank). The
drafts are read as they are; judge their findings by hand.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from benchlib import drafts  # noqa: E402
from build_tagger import TREEBANKS, is_held_out  # noqa: E402

from sportlint import lint_text  # noqa: E402
from sportlint.api import resolve_config  # noqa: E402

RULES = ["grammar.np-agreement", "grammar.participle-agreement", "grammar.subject-verb"]
_WORD = re.compile(r"\w+")


def held_out_texts(folder: Path) -> list[str]:
    out = []
    for name, (repo, _, _) in TREEBANKS.items():
        for path in sorted((folder / repo).glob("*.conllu")):
            texts = [line[len("# text = "):] for line in
                     path.read_text(encoding="utf-8").splitlines()
                     if line.startswith("# text = ")]
            out += [t for i, t in enumerate(texts) if is_held_out(name, path.name, i)]
    return out


def run(title: str, texts: list[str], config: object, show: int) -> None:
    words = sum(len(_WORD.findall(t)) for t in texts)
    found = []
    for t in texts:
        for f in lint_text(t, None, config):  # type: ignore[arg-type]
            found.append((f.rule, t[f.start:f.end], t))
    print(f"{title}: {len(texts)} texts, {words} words, {len(found)} findings, "
          f"{10000 * len(found) / max(words, 1):.2f} per 10k words")
    for rule, span, text in found[:show]:
        print(f"    {rule}: «{span}» in {text[:160]!r}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("treebanks", type=Path)
    ap.add_argument("drafts", nargs="*")
    ap.add_argument("--select", action="append", default=[])
    ap.add_argument("--show", type=int, default=20)
    args = ap.parse_args()
    config = resolve_config({"select": args.select or RULES})
    run("held-out treebank sentences", held_out_texts(args.treebanks), config, args.show)
    if args.drafts:
        texts = [p.read_text(encoding="utf-8") for p in drafts(args.drafts)]
        run("drafts", texts, config, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
