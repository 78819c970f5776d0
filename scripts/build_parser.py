#!/usr/bin/env python3
"""Build sportlint's dependency parser (data/generated/parser/it.parser.gz) from the
permissively licensed Italian Universal Dependencies treebanks.

    python scripts/build_parser.py TREEBANKS_DIR [--out FILE] [--iterations N]

TREEBANKS_DIR holds the four treebank clones of ``scripts/build_tagger.py`` (PUD, MarkIT,
ParlaMint and Valico at the commits listed there; never ISDT, VIT, ParTUT, PoSTWITA or
KIParlaForest, which are CC BY-NC-SA). The split is the tagger's: every tenth sentence of
PUD, MarkIT's test file and ParlaMint's test file are held out (rules are measured on them).

Words that UD splits (``della`` = ``di`` + ``la``, ``farlo``) become the written word, with
the tagger's joined tag (``ADP+DET``) and the head and relation of the part whose head lies
outside the word; arcs into a part go to the word. The parser is trained on jack-knifed
tags (four taggers, each trained with ``tagger.train`` on three quarters of the sentences,
tag the fourth), the tags it will read at run time, and on the shipped lexicon's number and
verb form of each word (``parser.morph``); the temperatures of its confidences are fitted
on PUD's held-out tenth with its jack-knifed tags. ``--tags-cache FILE`` keeps the
jack-knifed tags (the slow part) for the next build and for ``bench/bench_parser.py``.

The build is deterministic: the same treebanks, tagger code and lexicon give the same
file byte for byte (seeded shuffles, insertion-ordered tables, CRC32 buckets, a gzip
header without a time). The training code is ``sportlint.italian._train_parser``, which
nothing imports at run time.  The gold tags the jack-knifing taggers learn from are
mapped to the tagger's convention (``build_tagger.convention``), as the shipped tagger's are.
A rebuild moves the label confidences: check the punctuation rules' thresholds
(``CONFIDENT``, ``LABEL_CONFIDENT`` in ``rules/punctuation/_parse.py``) against their cases
and held-out text before shipping it. The model is a derived work of the treebanks: CC BY-SA 4.0
(see its SOURCES.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from build_tagger import TREEBANKS, convention, is_held_out, join_tags  # noqa: E402

from sportlint.italian._train_parser import Tree, dumps, fit_temperatures, train  # noqa: E402

OUT = ROOT / "data" / "generated" / "parser" / "it.parser.gz"


def read_trees(path: Path) -> Iterator[Tree]:
    """The sentences of a CoNLL-U file as written-word trees (see the module doc)."""
    rows: list[list[str]] = []
    spans: list[tuple[int, int, str]] = []

    def build() -> Tree | None:
        if not rows:
            return None
        ids = [int(r[0]) for r in rows]
        node = {}          # UD id -> written index
        starts = {a: (b, form) for a, b, form in spans}
        words: list[str] = []
        groups: list[list[int]] = []
        k = 0
        while k < len(ids):
            i = ids[k]
            if i in starts:
                b, form = starts[i]
                members = [j for j in ids if i <= j <= b]
                for j in members:
                    node[j] = len(words)
                words.append(form)
                groups.append(members)
                k += len(members)
            else:
                node[i] = len(words)
                words.append(rows[k][1])
                groups.append([i])
                k += 1
        by_id = {int(r[0]): r for r in rows}
        tags, heads, labels = [], [], []
        for g in groups:
            # the tagger's convention (build_tagger.convention), which it is trained on
            tags.append(join_tags([convention(by_id[j]) for j in g]) if len(g) > 1
                        else convention(by_id[g[0]]))
            outside = [j for j in g if int(by_id[j][6]) not in g] or g
            r = by_id[outside[0]]
            h = int(r[6])
            heads.append(-1 if h == 0 else node[h])
            labels.append(r[7])
        return Tree(words, tags, heads, labels)

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line:
            tree = build()
            if tree is not None:
                yield tree
            rows, spans = [], []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "." in cols[0]:
            continue
        if "-" in cols[0]:
            a, b = cols[0].split("-")
            spans.append((int(a), int(b), cols[1]))
            continue
        rows.append(cols)
    tree = build()
    if tree is not None:
        yield tree


def treebank_files(folder: Path) -> dict[str, list[tuple[str, list[Tree]]]]:
    out: dict[str, list[tuple[str, list[Tree]]]] = {}
    for name, (repo, _, _) in TREEBANKS.items():
        paths = sorted((folder / repo).glob("*.conllu"))
        if not paths:
            raise SystemExit(f"{folder / repo}: no .conllu files (clone {repo}, see --help)")
        out[name] = [(p.name, list(read_trees(p))) for p in paths]
    return out


def split(folder: Path) -> tuple[list[Tree], list[Tree]]:
    """(training trees, held-out trees), the tagger's split."""
    train_set: list[Tree] = []
    held: list[Tree] = []
    for name, per_file in treebank_files(folder).items():
        for file, trees in per_file:
            for i, t in enumerate(trees):
                (held if is_held_out(name, file, i) else train_set).append(t)
    return train_set, held


def jackknife(trees: list[Tree], folds: int = 4, iterations: int = 5,
              progress: Any = None) -> list[list[str]]:
    """The tags of ``trees`` as a tagger that never saw them gives them: ``folds`` taggers,
    each trained on the other folds (``tagger.train``) and tagging its own fold."""
    from sportlint.italian import resources
    from sportlint.italian.tagger import train as train_tagger

    lexicon = resources.get("lexicon")
    out: list[list[str]] = [[] for _ in trees]
    for k in range(folds):
        rest = [(t.words, t.tags) for i, t in enumerate(trees) if i % folds != k]
        tagger = train_tagger(rest, lexicon, iterations)
        for i, t in enumerate(trees):
            if i % folds == k:
                out[i] = [x.pos for x in tagger.tag(t.words)]
        if progress:
            progress(f"jack-knifed tags: fold {k + 1}/{folds}")
    return out


def with_tags(trees: list[Tree], tags: list[list[str]]) -> list[Tree]:
    return [Tree(t.words, ts, t.heads, t.labels) for t, ts in zip(trees, tags, strict=True)]


def cached_jackknife(folder: Path, cache: Path | None, progress: Any = None
                     ) -> dict[str, list[str]]:
    """Jack-knifed tags for every sentence of the training split and of PUD (the
    cross-validation's test folds too), keyed by the sentence's words; kept in ``cache``."""
    if cache is not None and cache.exists():
        return dict(json.loads(cache.read_text(encoding="utf-8")))
    train_set, _ = split(folder)
    pud_held = [t for i, t in enumerate(treebank_files(folder)["PUD"][0][1]) if i % 10 == 9]
    trees = train_set + pud_held
    tags = jackknife(trees, progress=progress)
    out = {" ".join(t.words): ts for t, ts in zip(trees, tags, strict=True)}
    if cache is not None:
        cache.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    return out


def retag(trees: list[Tree], tags: dict[str, list[str]]) -> list[Tree]:
    """``trees`` with their jack-knifed tags (gold tags where none was computed)."""
    out = []
    for t in trees:
        ts = tags.get(" ".join(t.words))
        out.append(Tree(t.words, ts, t.heads, t.labels) if ts and len(ts) == len(t.words)
                   else t)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("treebanks", type=Path, help="folder with the four treebank clones")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--iterations", type=int, default=8)
    parser.add_argument("--tags-cache", type=Path, default=None,
                        help="keep the jack-knifed tags in this JSON file (bench_parser.py "
                             "reads it too)")
    args = parser.parse_args()
    train_set, held = split(args.treebanks)
    print(f"{len(train_set)} training sentences, {len(held)} held out")
    tags = cached_jackknife(args.treebanks, args.tags_cache, progress=print)
    from sportlint.italian import resources

    model = train(retag(train_set, tags), args.iterations, progress=print,
                  lexicon=resources.get("lexicon"))
    # temperatures fitted on PUD's held-out tenth only (MarkIT/ParlaMint test stay unseen),
    # with its jack-knifed tags: the confidences are those of arcs parsed from the tagger's
    # tags, as at run time
    pud = retag([t for i, t in enumerate(treebank_files(args.treebanks)["PUD"][0][1])
                 if i % 10 == 9], tags)
    print(f"temperatures {fit_temperatures(model, pud)}")
    meta = {"treebanks": {name: f"{repo}@{commit}" for name, (repo, commit, _)
                          in TREEBANKS.items()}, "tags": "jack-knifed (4 folds)"}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(dumps(model, meta))
    print(f"{args.out}: {args.out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
