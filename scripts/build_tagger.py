#!/usr/bin/env python3
"""Build sportlint's part-of-speech tagger (data/generated/tagger/it.tagger.gz) from the
permissively licensed Italian Universal Dependencies treebanks.

    python scripts/build_tagger.py TREEBANKS_DIR [--out FILE] [--iterations N]

TREEBANKS_DIR holds one folder per treebank, each a clone of its upstream repository at the
commit below (only these four: the larger Italian treebanks, ISDT, VIT, ParTUT, PoSTWITA
and KIParlaForest, are CC BY-NC-SA and must not be used):

    https://github.com/UniversalDependencies/UD_Italian-PUD
        commit 71d932aa096368331ba2fd9bc906ec8dd853da8e
    https://github.com/UniversalDependencies/UD_Italian-MarkIT
        commit b01ee41ef48d6bca6bb392a79367a0f5b6ca3780
    https://github.com/UniversalDependencies/UD_Italian-ParlaMint
        commit fb2c561fb1824ccf28f7dd7228d6d69a5b0e1394
    https://github.com/UniversalDependencies/UD_Italian-Valico
        commit 8d60b2c84b8a877d900b2a75bb7644dfd84eb185

(``git clone URL`` then ``git -C UD_Italian-PUD checkout 71d932a`` and so on.) The model is trained on every
sentence except a held-out split that rules are measured on (false alarms on text the
tagger never saw): every tenth sentence of PUD, MarkIT's test file and ParlaMint's test file
(`held_out`). Words that UD splits (``della`` = ``di`` + ``la``, ``farlo``) are tagged as the
written word with the joined tags (``ADP+DET``, ``VERB+PRON``), since sportlint tags what is
written. The model is a derived work of the treebanks: CC BY-SA 4.0 (see its SOURCES.md).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sportlint.italian import resources  # noqa: E402
from sportlint.italian.tagger import Sentence, dumps, fit_temperature, train  # noqa: E402

OUT = ROOT / "data" / "generated" / "tagger" / "it.tagger.gz"
TREEBANKS = {
    "PUD": ("UD_Italian-PUD", "71d932aa096368331ba2fd9bc906ec8dd853da8e", "CC BY-SA 3.0"),
    "MarkIT": ("UD_Italian-MarkIT", "b01ee41ef48d6bca6bb392a79367a0f5b6ca3780", "CC BY 4.0"),
    "ParlaMint": ("UD_Italian-ParlaMint", "fb2c561fb1824ccf28f7dd7228d6d69a5b0e1394",
                  "CC BY-SA 4.0"),
    "Valico": ("UD_Italian-Valico", "8d60b2c84b8a877d900b2a75bb7644dfd84eb185", "CC BY-SA 4.0"),
}


#: the joined tags kept; rarer contractions (a handful in the treebanks) become X
JOINED = frozenset({"ADP+DET", "VERB+PRON", "AUX+PRON", "ADP+PRON"})


def join_tags(tags: list[str]) -> str:
    """``["ADP", "DET"]`` -> ``"ADP+DET"``; repeats fold (``dargliela`` is ``VERB+PRON``)."""
    out: list[str] = []
    for t in tags:
        if not out or out[-1] != t:
            out.append(t)
    joined = "+".join(out)
    return joined if len(out) == 1 or joined in JOINED else "X"


def read_conllu(path: Path) -> Iterator[Sentence]:
    """The sentences of a CoNLL-U file as (written words, tags)."""
    words: list[str] = []
    tags: list[str] = []
    span_end = 0
    span: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line:
            if words:
                yield words, tags
            words, tags, span_end = [], [], 0
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        ident = cols[0]
        if "." in ident:
            continue                      # empty nodes
        if "-" in ident:
            last = ident.split("-")[1]
            words.append(cols[1])
            tags.append("")
            span_end, span = int(last), []
            continue
        if int(ident) <= span_end:
            span.append(cols[3])
            if int(ident) == span_end:
                tags[-1] = join_tags(span)
            continue
        words.append(cols[1])
        tags.append(cols[3])
    if words:
        yield words, tags


def files(folder: Path) -> dict[str, list[tuple[str, list[Sentence]]]]:
    """Treebank -> [(file name, sentences)], for the four treebanks under ``folder``."""
    out: dict[str, list[tuple[str, list[Sentence]]]] = {}
    for name, (repo, _, _) in TREEBANKS.items():
        paths = sorted((folder / repo).glob("*.conllu"))
        if not paths:
            raise SystemExit(f"{folder / repo}: no .conllu files (clone {repo}, see --help)")
        out[name] = [(p.name, list(read_conllu(p))) for p in paths]
    return out


def is_held_out(treebank: str, file: str, index: int) -> bool:
    if treebank == "PUD":
        return index % 10 == 9
    return (treebank, file.endswith("-test.conllu")) in (("MarkIT", True), ("ParlaMint", True))


def split(folder: Path) -> tuple[list[Sentence], list[Sentence]]:
    """(training sentences, held-out sentences)."""
    train_set: list[Sentence] = []
    held: list[Sentence] = []
    for name, per_file in files(folder).items():
        for file, sentences in per_file:
            for i, s in enumerate(sentences):
                (held if is_held_out(name, file, i) else train_set).append(s)
    return train_set, held


def held_out(folder: Path) -> list[Sentence]:
    return split(folder)[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("treebanks", type=Path, help="folder with the four treebank clones")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--iterations", type=int, default=8)
    args = parser.parse_args()
    train_set, held = split(args.treebanks)
    print(f"{len(train_set)} training sentences, {len(held)} held out")
    lexicon = resources.get("lexicon")
    tagger = train(train_set, lexicon, args.iterations, progress=print)
    # the temperature is fitted on PUD's held-out tenth only (MarkIT and ParlaMint's test
    # files stay unseen for the benchmark)
    pud = [s for i, s in enumerate(files(args.treebanks)["PUD"][0][1]) if i % 10 == 9]
    print(f"temperature {fit_temperature(tagger, pud)}")
    meta = {"treebanks": {name: f"{repo}@{commit}" for name, (repo, commit, _)
                          in TREEBANKS.items()}}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(dumps(tagger, meta))
    print(f"{args.out}: {args.out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
