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
written. Where the treebanks disagree on a closed-class word's tag (PUD's possessive
pronouns and the like), every row is mapped to one convention (`convention`). Training also
reads noisy copies of the sentences with slips of inflection (``tagger.noisy``). The model
is a derived work of the treebanks: CC BY-SA 4.0 (see its SOURCES.md).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator, Sequence
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


#: nominal relations: a determiner heading one of them stands alone, as a pronoun does
NOMINAL = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "nmod",
                     "root", "dislocated", "nsubj:outer", "xcomp"})
#: indefinites that PUD tags as nouns or adjectives where the other three treebanks (and
#: UD's Italian guidelines) have a pronoun standing alone, a determiner before a noun
INDEFINITE = frozenset({"tutto", "qualcuno", "qualcosa", "nessuno", "niente", "nulla",
                        "chiunque", "entrambi", "entrambe", "ognuno", "ciascuno"})
#: adjectives of quantity that PUD tags DET after an article (*gli altri, diverse volte*)
QUANTITY = frozenset({"altro", "diverso", "vario"})
#: a past participle's ending, and an infinitive's (a verb's lemma)
PARTICIPLE = re.compile(r"(?:at|it|ut|ss|st|tt|rs|ns|ls|rt|ort|ent)[oaie]$")
VERB_ENDINGS = ("are", "ere", "ire", "rre")


def convention(cols: Sequence[str]) -> str:
    """The UPOS of CoNLL-U row ``cols`` in the one convention the tagger is trained on.

    The four treebanks disagree on a few closed-class words, and PUD (converted from an
    older annotation) is the odd one out: it tags prenominal possessives PRON (*il suo
    libro*), *ciò* DET, *tutto* and *qualcuno* ADJ or NOUN, *gli altri* DET, *se* ADP,
    *fino* ADP and *milioni* NUM. Training on both conventions teaches the tagger neither;
    the rules need the majority's (a possessive before a noun agrees like a determiner),
    so each row is mapped to it by its relation and lemma, never by its word form:

    - a pronoun that is a possessive determiner (``det:poss``) is DET;
    - a determiner heading a nominal relation (*ciò è vero*) is PRON;
    - an indefinite tagged ADJ or NOUN is DET before a noun (``det``, ``det:predet``,
      ``amod``) and PRON standing alone;
    - *altro*, *diverso*, *vario* tagged DET are ADJ (``amod``), or PRON standing alone;
    - a past participle tagged ADJ with a verb for lemma (*le economie cresciute*, lemma
      *crescere*) is VERB, as the other treebanks tag a participle whose lemma is the verb
      (those lemmatised as adjectives, *corretto*, stay ADJ);
    - *se* tagged ADP is SCONJ; *fino* tagged ADP is ADV; *milione*, *miliardo* tagged
      NUM are NOUN.
    """
    upos, lemma, deprel = cols[3], cols[2].lower(), cols[7]
    if upos == "PRON" and deprel == "det:poss":
        return "DET"
    if upos == "DET" and lemma in QUANTITY:
        return "PRON" if deprel in NOMINAL else "ADJ"
    if upos == "DET" and deprel in NOMINAL:
        return "PRON"
    if upos in ("ADJ", "NOUN") and lemma in INDEFINITE:
        return "DET" if deprel in ("det", "det:predet", "amod") else "PRON"
    if upos == "NOUN" and lemma == "altro" and deprel in NOMINAL:
        return "PRON"
    if upos == "ADJ" and PARTICIPLE.search(cols[1].lower()) and lemma.endswith(VERB_ENDINGS):
        return "VERB"
    if upos == "ADP" and lemma == "se":
        return "SCONJ"
    if upos == "ADP" and lemma == "fino":
        return "ADV"
    if upos == "NUM" and lemma in ("milione", "miliardo"):
        return "NOUN"
    return upos


def read_conllu(path: Path, raw: bool = False) -> Iterator[Sentence]:
    """The sentences of a CoNLL-U file as (written words, tags): the tags in the tagger's
    convention (`convention`), or as the file has them if ``raw``."""
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
            span.append(cols[3] if raw else convention(cols))
            if int(ident) == span_end:
                tags[-1] = join_tags(span)
            continue
        words.append(cols[1])
        tags.append(cols[3] if raw else convention(cols))
    if words:
        yield words, tags


def files(folder: Path, raw: bool = False) -> dict[str, list[tuple[str, list[Sentence]]]]:
    """Treebank -> [(file name, sentences)], for the four treebanks under ``folder`` (tags
    as `read_conllu` gives them)."""
    out: dict[str, list[tuple[str, list[Sentence]]]] = {}
    for name, (repo, _, _) in TREEBANKS.items():
        paths = sorted((folder / repo).glob("*.conllu"))
        if not paths:
            raise SystemExit(f"{folder / repo}: no .conllu files (clone {repo}, see --help)")
        out[name] = [(p.name, list(read_conllu(p, raw))) for p in paths]
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
