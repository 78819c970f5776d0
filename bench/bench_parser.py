#!/usr/bin/env python3
"""Benchmark sportlint's dependency parser: UAS and LAS, the accuracy of confident arcs,
speed, and the cost of loading it on a cold start of ``sportlint check``.

    python bench/bench_parser.py TREEBANKS_DIR [--folds N] [--iterations N] [--jobs N]

TREEBANKS_DIR holds the four treebank clones of ``scripts/build_tagger.py``.

- **PUD, cross-validated**: PUD is split into ``--folds`` folds (sentence ``i`` in fold
  ``i % folds``); each fold is parsed by a parser trained on the other folds and on the
  training split of the other treebanks (the held-out files of MarkIT and ParlaMint stay
  out), so no sentence is parsed by a model that saw it. Each fold is parsed twice: with
  jack-knifed tags (a tagger that never saw the sentence, as on unseen copy; the parser is
  trained on such tags too, see scripts/build_parser.py) and with gold tags.
- **Held out, shipped model**: the sentences neither the tagger nor the parser saw (every
  tenth PUD sentence, MarkIT's and ParlaMint's test files), with the tagger's tags.
- Scores count every written word (an articulated preposition is one word), punctuation
  included and excluded; the share and accuracy of arcs with confidence >= 0.8/0.9/0.95.
- Speed: sentences per second parsing (tags given), against tagging the same sentences in
  the same run (the baseline: the parser always runs after the tagger).
- Cold start: ``sportlint check`` on one article in a fresh process, and loading the
  parser in a fresh process (the lexicon and tagger loaded first), best of ``--repeat``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from benchlib import best_process  # noqa: E402
from build_parser import cached_jackknife, retag, treebank_files  # noqa: E402
from build_tagger import is_held_out  # noqa: E402

from sportlint.italian import resources  # noqa: E402
from sportlint.italian._train_parser import Tree, evaluate, fit_temperatures, train  # noqa: E402
from sportlint.italian.parser import Parser  # noqa: E402


def tagged(trees: Sequence[Tree]) -> list[list[str]]:
    tagger = resources.get("tagger")
    return [[t.pos for t in tagger.tag(tree.words)] for tree in trees]


def report(title: str, scores: dict[str, Any]) -> None:
    conf = ", ".join(f">= {c}: {100 * acc:.1f}% right on {100 * share:.0f}% of arcs"
                     for c, (acc, share) in scores["confident"].items())
    print(f"{title}: UAS {100 * scores['uas']:.2f}%, LAS {100 * scores['las']:.2f}% "
          f"(without punctuation UAS {100 * scores['uas_nopunct']:.2f}%, "
          f"LAS {100 * scores['las_nopunct']:.2f}%) on {scores['tokens']} words; "
          f"confident arcs {conf}", flush=True)


def _fold(args: tuple[Path, int, int, int, Path | None]
          ) -> tuple[dict[str, Any], dict[str, Any]]:
    folder, folds, k, iterations, cache = args
    tags = cached_jackknife(folder, cache)
    per = treebank_files(folder)
    pud = per["PUD"][0][1]
    others = [t for name, fs in per.items() if name != "PUD" for file, ts in fs
              for i, t in enumerate(ts) if not is_held_out(name, file, i)]
    test = [t for i, t in enumerate(pud) if i % folds == k]
    rest = [t for i, t in enumerate(pud) if i % folds != k]
    parser = train(retag(others + rest, tags), iterations, lexicon=resources.get("lexicon"))
    fit_temperatures(parser, rest[::10])
    return (evaluate(parser, test, [t.tags for t in retag(test, tags)]),
            evaluate(parser, test))


def merge(parts: Sequence[dict[str, Any]]) -> dict[str, Any]:
    total = sum(p["tokens"] for p in parts)
    out: dict[str, Any] = {"tokens": total}
    for key in ("uas", "las", "uas_nopunct", "las_nopunct"):
        out[key] = sum(p[key] * p["tokens"] for p in parts) / total
    out["confident"] = {}
    for c in parts[0]["confident"]:
        n = sum(p["confident"][c][1] * p["tokens"] for p in parts)
        right = sum(p["confident"][c][0] * p["confident"][c][1] * p["tokens"] for p in parts)
        out["confident"][c] = (right / max(n, 1), n / total)
    return out


def cross_validate(folder: Path, folds: int, iterations: int, jobs: int,
                   cache: Path | None) -> None:
    cached_jackknife(folder, cache)          # once, before the folds read it
    with ProcessPoolExecutor(jobs) as pool:
        results = list(pool.map(_fold, [(folder, folds, k, iterations, cache)
                                        for k in range(folds)]))
    report(f"PUD, {folds}-fold cross-validation, jack-knifed tags",
           merge([r[0] for r in results]))
    report(f"PUD, {folds}-fold cross-validation, gold tags", merge([r[1] for r in results]))


def speed(parser: Parser, trees: Sequence[Tree], repeat: int) -> None:
    tagger = resources.get("tagger")
    tags = tagged(trees)
    for tree, ts in zip(trees, tags, strict=True):
        parser.parse(tree.words, ts)

    def best(fn: Any) -> float:
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            fn()
            runs.append(time.perf_counter() - start)
        return min(runs)

    tagging = best(lambda: [tagger.tag(t.words) for t in trees])
    parsing = best(lambda: [parser.parse(t.words, ts) for t, ts in zip(trees, tags, strict=True)])
    print(f"speed: {len(trees) / parsing:,.0f} sentences/s parsing, {len(trees) / tagging:,.0f} "
          f"sentences/s tagging (baseline); parsing / tagging time {parsing / tagging:.2f}x")


def cold_start(repeat: int) -> None:
    article = ROOT / "tests" / "articles" / "clean_cronaca_serie_a.txt"
    run = ("import sys; from sportlint.cli.main import main; sys.argv[0] = 'sportlint';"
           f" main(['check', {str(article)!r}])")
    probe = ("import sys; from sportlint.cli.main import main; from sportlint.italian import "
             "resources; sys.argv[0] = 'sportlint';"
             f" main(['check', {str(article)!r}]); print(sorted(resources.load_times))")
    load = ("import time; from sportlint.italian import resources; resources.get('lexicon');"
            " resources.get('tagger'); t = time.perf_counter(); resources.get('parser');"
            " print(time.perf_counter() - t)")

    def best(code: str, printed: bool = False) -> float:
        return best_process(code, repeat, printed)

    best(run)
    best(load, printed=True)
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=False).stdout.strip().splitlines()[-1:]
    check, parser = best(run), best(load, printed=True)
    print(f"cold start of `sportlint check` on one article: {1000 * check:.0f} ms (resources "
          f"it loaded: {loaded[0] if loaded else '?'}); loading the parser in a fresh "
          f"process: {1000 * parser:.1f} ms, so a check that needs it takes "
          f"{(check + parser) / check:.3f}x (+{1000 * parser:.1f} ms)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("treebanks", type=Path)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--iterations", type=int, default=8)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--skip-cv", action="store_true", help="leave out the cross-validation")
    ap.add_argument("--tags-cache", type=Path, default=None,
                    help="the jack-knifed tags file of scripts/build_parser.py --tags-cache")
    args = ap.parse_args()
    started = time.perf_counter()
    parser = resources.get("parser")
    print(f"parser loaded in {1000 * (time.perf_counter() - started):.1f} ms")
    per = treebank_files(args.treebanks)
    held = [t for name, fs in per.items() for file, ts in fs for i, t in enumerate(ts)
            if is_held_out(name, file, i)]
    pud_held = [t for i, t in enumerate(per["PUD"][0][1]) if i % 10 == 9]
    report("PUD held-out tenth, shipped model, tagger's tags", evaluate(parser, pud_held,
                                                                       tagged(pud_held)))
    report("all held-out sentences, shipped model, tagger's tags",
           evaluate(parser, held, tagged(held)))
    speed(parser, held, args.repeat)
    cold_start(args.repeat)
    if not args.skip_cv:
        cross_validate(args.treebanks, args.folds, args.iterations, args.jobs, args.tags_cache)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
