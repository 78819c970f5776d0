#!/usr/bin/env python3
"""Recall of the names rules on injected name typos, by shape.

    python bench/recall_names.py [FOLDER ...] [--show-missed N]

The articles (default ``bench/names_articles/``: football, Formula 1, cycling, basketball,
athletics and a local match with made-up names, written for this benchmark) must be clean:
the names rules say nothing on them (the script checks and reports any finding as a
false alarm). Then, for each name mention of an article and each shape of slip, one copy of
the article gets that slip in the last occurrence of the name, and the names rules
(`select: [names]`) run on it:

- shapes: ``swap`` (two adjacent letters, Kean -> Kaen), ``drop`` / ``add`` (a letter
  inside), ``substitute`` (a keyboard neighbour), ``double`` / ``undouble`` (a letter
  doubled, a double typed once), ``end_add`` / ``end_drop`` (a letter added or dropped
  at the end: Lukakus, Osimhe);
- groups, over the same trials: ``short`` (names of four or five letters), ``one-vs-one``
  (names the article writes twice), ``once`` (names written once: only the gazetteer can
  tell), ``multi-word`` (a part of a run of names: Red Bul Racing), ``other sports``.

The copies are checked with the default configuration. A typo is *caught* when a names
finding overlaps it, *fixed* when that finding's first suggestion gives back the name;
*any rule* counts the typos some finding overlaps (a spelling rule on "Gran Permio").
One against one (neither form known), the finding stands on one of the two places and
names both, with both as suggestions: it counts as caught and fixed. A typo that makes a
known name, a word the rules treat as ordinary,
or the form of another mention of the article is skipped (no rule can tell it; counted).
Any finding that does not touch the typo is an *other finding* (a new false alarm).
Run it on copies of other articles with ``FOLDER``; the shared articles must never be
copied into the project.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter, defaultdict
from pathlib import Path

from sportlint import lint_text
from sportlint.italian import resources
from sportlint.italian.gazetteer import fold

ROOT = Path(__file__).resolve().parents[1]
CONFIG = {"select": ["names"]}
#: the trials run with the default configuration: a typo the spelling rules catch counts
#: in the "any rule" column
DEFAULT: dict[str, object] = {}
SHAPES = ("swap", "drop", "add", "substitute", "double", "undouble", "end_add", "end_drop")
FOOTBALL = {"calcio", "locale"}
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
NEIGHBOURS = {c: "".join(r[j] for j in (i - 1, i + 1) if 0 <= j < len(r))
              + "".join(o[i] for o in _ROWS if o is not r and i < len(o))
              for r in _ROWS for i, c in enumerate(r)}


def typo(word: str, shape: str, rng: random.Random) -> str | None:
    """``word`` with one slip of ``shape`` (first letter kept), or None when it has none."""
    n = len(word)
    inner = list(range(1, n - 1))
    if shape == "swap":
        spots = [i for i in range(1, n - 1) if word[i] != word[i + 1] and word[i + 1].isalpha()]
        if not spots:
            return None
        i = rng.choice(spots)
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if shape == "drop":
        spots = [i for i in inner if word[i] != word[i - 1] and word[i].isalpha()]
        return word[:(i := rng.choice(spots))] + word[i + 1:] if spots else None
    if shape == "add":
        i = rng.choice(inner) if inner else None
        if i is None:
            return None
        return word[:i] + rng.choice(NEIGHBOURS.get(word[i].lower(), "e")) + word[i:]
    if shape == "substitute":
        spots = [i for i in inner if word[i].lower() in NEIGHBOURS]
        if not spots:
            return None
        i = rng.choice(spots)
        return word[:i] + rng.choice(NEIGHBOURS[word[i].lower()]) + word[i + 1:]
    if shape == "double":
        spots = [i for i in inner if word[i].isalpha() and word[i] not in (word[i - 1], word[i + 1])]
        return word[:(i := rng.choice(spots))] + word[i] + word[i:] if spots else None
    if shape == "undouble":
        spots = [i for i in range(1, n) if word[i] == word[i - 1]]
        return word[:(i := rng.choice(spots))] + word[i + 1:] if spots else None
    if shape == "end_add":
        last = word[-1].lower()
        return word + ("s" if last in "aeiou" else rng.choice("aeio"))
    if shape == "end_drop":
        return word[:-1] if n > 4 else None
    raise ValueError(shape)


def mentions(text: str) -> tuple[list[tuple[str, int, int]], list[list[tuple[str, int, int]]]]:
    """The name mentions of ``text`` (form, start, end) and its runs of names, read the way
    the names rules read them."""
    from sportlint.config.loader import from_mapping
    from sportlint.rules.base import Context
    from sportlint.rules.names import _mentions, _runs
    from sportlint.segment.segmenter import segment
    from sportlint.source import document

    doc = document.from_text(text, "x.txt")
    ctx = Context(doc, segment(doc), from_mapping(CONFIG, None), resources.Resources())
    an = _mentions.analyse(ctx)
    singles = [(m.form, m.token.start, m.token.end) for m in an.mentions
               if len(m.form) >= 4 and not m.form.isupper() and not an.ordinary(m.form)]
    runs = [[(p, s, e) for p, (s, e) in zip(r.parts, r.spans, strict=True)]
            for r in _runs.runs(an)]
    return singles, runs


def trial(text: str, start: int, end: int, wrong: str, baseline: int
          ) -> tuple[bool, bool, bool, int]:
    """Caught by a names rule, fixed by it, caught by any rule; the findings that do not
    touch the typo, beyond the ``baseline`` findings of the clean copy."""
    new = text[:start] + wrong + text[end:]
    stop = start + len(wrong)
    found = lint_text(new, None, DEFAULT)
    hits = [f for f in found if f.start < stop and start < f.end]
    # one against one, the finding stands on one of the two places and names both
    hits += [f for f in found if f not in hits and f.rule == "names.consistency"
             and wrong in f.suggestions]
    names = [f for f in hits if f.rule.startswith("names.")]
    fixed = any(f.suggestions and (new[:f.start] + f.suggestions[0] + new[f.end:]) == text
                for f in names) or any(wrong in f.suggestions for f in names)
    return bool(names), fixed, bool(hits), max(0, len(found) - len(hits) - baseline)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="*", type=Path, default=[ROOT / "bench" / "names_articles"])
    ap.add_argument("--show-missed", type=int, default=0)
    ap.add_argument("--names-only", action="store_true",
                    help="run the names rules alone (faster; the 'any rule' column is theirs)")
    ap.add_argument("--per-article", type=int, default=0, metavar="N",
                    help="at most N names per article, drawn at random (0: all)")
    args = ap.parse_args()
    if args.names_only:
        DEFAULT.update(CONFIG)
    rng = random.Random(16)
    gaz = resources.get("gazetteer")
    vocab = resources.get("vocabulary")
    paths = sorted(p for folder in args.folders for p in folder.glob("*.txt"))
    total: dict[str, Counter[str]] = defaultdict(Counter)
    missed: list[str] = []
    clean_alarms = 0
    skipped = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        clean = lint_text(text, None, DEFAULT)
        clean_alarms += len(clean)
        for f in clean:
            print(f"clean copy {path.name}: {f.rule} {text[f.start:f.end]!r}: {f.message}")
        singles, runs = mentions(text)
        counts = Counter(form for form, _, _ in singles)
        forms = {fold(form).lower() for form, _, _ in singles}
        last = {form: (s, e) for form, s, e in singles}
        run_parts = {(s, e) for r in runs for _, s, e in r}

        def unfair(wrong: str, forms: set[str] = forms) -> bool:
            return gaz.has_token(wrong) or fold(wrong).lower() in forms or \
                vocab.zipf(wrong.lower()) >= 3.0

        jobs: list[tuple[str, int, int, list[str]]] = []
        for form, (s, e) in sorted(last.items()):
            groups = ["short"] if len(form) <= 5 else []
            groups += {1: ["once"], 2: ["one-vs-one"]}.get(counts[form], [])
            if (s, e) in run_parts:
                continue   # a part of a run: measured with the runs below
            jobs.append((form, s, e, groups))
        for r in runs:
            part, s, e = rng.choice([p for p in r if len(p[0]) >= 3] or r)
            jobs.append((part, s, e, ["multi-word"]))
        if args.per_article and len(jobs) > args.per_article:
            jobs = rng.sample(jobs, args.per_article)
        for form, s, e, groups in jobs:
            if path.stem not in FOOTBALL:
                groups = [*groups, "other sports"]
            for shape in SHAPES:
                wrong = typo(form, shape, rng)
                if wrong is None or wrong == form:
                    continue
                if unfair(wrong):
                    skipped += 1
                    continue
                caught, fixed, any_rule, other = trial(text, s, e, wrong, len(clean))
                for key in (shape, *groups, "all"):
                    total[key]["n"] += 1
                    total[key]["caught"] += caught
                    total[key]["fixed"] += fixed
                    total[key]["any"] += any_rule
                    total[key]["other"] += other
                if not caught:
                    missed.append(f"{path.name}: {form} -> {wrong} ({shape})")
    print(f"articles: {len(paths)}; findings on the clean copies: {clean_alarms}; "
          f"typos skipped (a known name, an ordinary word or another mention): {skipped}")
    print(f"{'shape':<14} {'typos':>6} {'caught':>8} {'fixed':>8} {'any rule':>9} "
          f"{'other findings':>15}")
    for key in (*SHAPES, "short", "one-vs-one", "once", "multi-word", "other sports", "all"):
        c = total.get(key)
        if not c:
            continue
        print(f"{key:<14} {c['n']:>6} {c['caught'] / c['n']:>7.0%} {c['fixed'] / c['n']:>8.0%} "
              f"{c['any'] / c['n']:>9.0%} {c['other']:>15}")
    for line in missed[:args.show_missed]:
        print("missed:", line)


if __name__ == "__main__":
    main()
