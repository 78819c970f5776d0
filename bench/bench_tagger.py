#!/usr/bin/env python3
"""Benchmark sportlint's part-of-speech tagger: UPOS accuracy, per class, the accuracy of
confident tags, speed, and the cost of loading it on a cold start of ``sportlint check``.

    python bench/bench_tagger.py TREEBANKS_DIR [--folds N] [--iterations N] [--repeat N]

TREEBANKS_DIR holds the four treebank clones of ``scripts/build_tagger.py``.

- **PUD, cross-validated**: PUD is split into ``--folds`` folds (sentence ``i`` in fold
  ``i % folds``); each fold is tagged by a tagger trained on the other folds and on the
  training split of the other treebanks (the held-out files of MarkIT and ParlaMint stay
  out), so no sentence is tagged by a model that saw it.
- **MarkIT test**: the shipped model, which was trained without MarkIT's test file.
- Gold tags are those of the build (``build_tagger.convention``: the four treebanks mapped to
  one convention where they disagree, PUD's possessive pronouns and the like); PUD's
  accuracy against its tags as released is printed too ("as released").
- Per class: the recall of each gold class the agreement rules need (NOUN, VERB, ADJ, DET,
  PRON, AUX, ADP+DET), and the accuracy and share of the tags whose confidence is at least
  `CONFIDENT` (what the rules act on), per predicted class.
- Speed: tokens per second of the shipped model on the held-out sentences, against a
  baseline measured in the same run: looking every token up in the lexicon (which the
  tagger does too), so the ratio is what the tagging adds.
- Cold start: ``sportlint check`` on one article in a fresh process, as it is and with the
  tagger loaded first, best of ``--repeat``: the ratio and the difference in milliseconds.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from benchlib import best_process  # noqa: E402
from build_tagger import files, is_held_out  # noqa: E402

from sportlint.italian import resources  # noqa: E402
from sportlint.italian.tagger import Sentence, Tagger, fit_temperature, train  # noqa: E402

CLASSES = ("NOUN", "VERB", "ADJ", "DET", "PRON", "AUX", "ADP+DET")
CONFIDENT = 0.9


class Score:
    def __init__(self) -> None:
        self.right = self.total = 0
        self.gold: dict[str, list[int]] = defaultdict(lambda: [0, 0])       # right, total
        self.confident: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # right, total
        self.predicted: dict[str, int] = defaultdict(int)
        self.released = 0       # right against the treebank's own tags

    def add(self, tagger: Tagger, sentences: Sequence[Sentence],
            released: Sequence[Sentence] | None = None) -> None:
        for k, (words, gold) in enumerate(sentences):
            own = released[k][1] if released is not None else gold
            for tag, truth, as_released in zip(tagger.tag(words), gold, own, strict=True):
                ok = tag.pos == truth
                self.released += tag.pos == as_released
                self.right += ok
                self.total += 1
                self.gold[truth][0] += ok
                self.gold[truth][1] += 1
                self.predicted[tag.pos] += 1
                if tag.confidence >= CONFIDENT:
                    self.confident[tag.pos][0] += ok
                    self.confident[tag.pos][1] += 1

    def report(self, title: str) -> None:
        print(f"{title}: UPOS {100 * self.right / self.total:.2f}% of {self.total} tokens "
              f"({100 * self.released / self.total:.2f}% against the tags as released)")
        print(f"  {'class':<8} {'recall':>8} {'n':>6}   {'confident':>9} {'share':>6}")
        for c in CLASSES:
            r, n = self.gold[c]
            cr, cn = self.confident[c]
            p = self.predicted[c] or 1
            print(f"  {c:<8} {100 * r / max(n, 1):>7.2f}% {n:>6}   "
                  f"{100 * cr / max(cn, 1):>8.2f}% {100 * cn / p:>5.1f}%")
        cr = sum(v[0] for v in self.confident.values())
        cn = sum(v[1] for v in self.confident.values())
        print(f"  all tags with confidence >= {CONFIDENT}: {100 * cr / max(cn, 1):.2f}% right, "
              f"{100 * cn / self.total:.1f}% of tokens")


def cross_validate(folder: Path, folds: int, iterations: int) -> Score:
    lexicon = resources.get("lexicon")
    per = files(folder)
    pud = per["PUD"][0][1]
    released = files(folder, raw=True)["PUD"][0][1]
    others = [s for name, fs in per.items() if name != "PUD" for file, ss in fs
              for i, s in enumerate(ss) if not is_held_out(name, file, i)]
    # the temperature is fitted on sentences no fold trains on (ParlaMint's test file), as
    # the build fits it on held-out sentences: on training data it would come out too low
    unseen = [s for file, ss in per["ParlaMint"] if file.endswith("-test.conllu") for s in ss]
    score = Score()
    for k in range(folds):
        test = [s for i, s in enumerate(pud) if i % folds == k]
        test_released = [s for i, s in enumerate(released) if i % folds == k]
        rest = [s for i, s in enumerate(pud) if i % folds != k]
        tagger = train(others + rest, lexicon, iterations)
        fit_temperature(tagger, unseen[::2])
        score.add(tagger, test, test_released)
        print(f"  fold {k + 1}/{folds}: {score.right / score.total:.4f} so far", flush=True)
    return score


def speed(tagger: Tagger, sentences: Sequence[Sentence], repeat: int) -> None:
    lexicon = resources.get("lexicon")
    words = [w for ws, _ in sentences for w in ws]
    for ws, _ in sentences:      # warm both (the lexicon's memo, the tagger's rows)
        tagger.tag(ws)

    def best(fn: object) -> float:
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            fn()  # type: ignore[operator]
            runs.append(time.perf_counter() - start)
        return min(runs)

    lookup = best(lambda: [lexicon.analyses.__wrapped__(lexicon, w.lower()) for w in words])
    tagging = best(lambda: [tagger.tag(ws) for ws, _ in sentences])
    print(f"speed: {len(words) / tagging:,.0f} tokens/s tagging, {len(words) / lookup:,.0f} "
          f"tokens/s lexicon look-ups alone (baseline); tagging / baseline time "
          f"{tagging / lookup:.2f}x")


def cold_start(repeat: int) -> None:
    """``sportlint check`` on one article in a fresh process (best of ``repeat``), and what
    loading the tagger adds to it, measured in fresh processes too: the lexicon first (the
    grammar rules load it anyway), then the tagger, timed alone (a whole-process difference
    drowns in the noise of a shared machine)."""
    article = ROOT / "tests" / "articles" / "clean_cronaca_serie_a.txt"
    run = ("import sys; from sportlint.cli.main import main; sys.argv[0] = 'sportlint';"
           f" main(['check', {str(article)!r}])")
    load = ("import time; from sportlint.italian import resources; resources.get('lexicon');"
            " t = time.perf_counter(); resources.get('tagger');"
            " print(time.perf_counter() - t)")

    def best(code: str, printed: bool = False) -> float:
        return best_process(code, repeat, printed)

    best(run)     # fill sportlint's start-up cache
    best(load, printed=True)
    check, tagger = best(run), best(load, printed=True)
    print(f"cold start of `sportlint check` on one article: {1000 * check:.0f} ms; loading the "
          f"tagger in a fresh process: {1000 * tagger:.1f} ms, so a check that needs it takes "
          f"{(check + tagger) / check:.3f}x (+{1000 * tagger:.1f} ms)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("treebanks", type=Path)
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--iterations", type=int, default=8)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--skip-cv", action="store_true", help="leave out the cross-validation")
    args = ap.parse_args()
    started = time.perf_counter()
    tagger = resources.get("tagger")
    print(f"tagger loaded in {1000 * (time.perf_counter() - started):.1f} ms "
          f"(lexicon included: {sorted(resources.load_times)})")
    per = files(args.treebanks)
    released = files(args.treebanks, raw=True)
    markit_test = next(ss for file, ss in per["MarkIT"] if file.endswith("-test.conllu"))
    score = Score()
    score.add(tagger, markit_test,
              next(ss for file, ss in released["MarkIT"] if file.endswith("-test.conllu")))
    score.report("MarkIT test, shipped model")
    held = [s for name, fs in per.items() for file, ss in fs for i, s in enumerate(ss)
            if is_held_out(name, file, i)]
    score = Score()
    score.add(tagger, held, [s for name, fs in released.items() for file, ss in fs
                             for i, s in enumerate(ss) if is_held_out(name, file, i)])
    score.report("all held-out sentences (PUD every 10th, MarkIT and ParlaMint test), shipped")
    speed(tagger, held, args.repeat)
    cold_start(args.repeat)
    if not args.skip_cv:
        cross_validate(args.treebanks, args.folds, args.iterations).report(
            f"PUD, {args.folds}-fold cross-validation")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
