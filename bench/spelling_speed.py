#!/usr/bin/env python3
"""Cost of the spelling rules: resource load times, the indexed candidate search against
a brute-force scan of the same vocabulary, and linting time with and without them.

  python bench/spelling_speed.py [--repeat N]

Every figure is a ratio against a baseline measured in the same run, so the numbers are
comparable across machines; the absolute times are printed for information.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from pathlib import Path

import wordfreq
from rapidfuzz import process
from rapidfuzz.distance import OSA

from sportlint import lint_text
from sportlint.italian import resources

ROOT = Path(__file__).resolve().parent.parent
TYPOS = ["squadar", "campionto", "centrocampsita", "allenatroe", "portiare", "gradatoria",
         "sorpendentemente", "giaciono", "rendini", "ottenero", "centavanti", "possibilta"]


def timed(func, repeat: int = 1) -> float:   # type: ignore[no-untyped-def]
    started = time.perf_counter()
    for _ in range(repeat):
        func()
    return (time.perf_counter() - started) / repeat


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    resources.clear()
    vocab = resources.get("vocabulary")    # a cold load, timed by the resource registry
    load = resources.load_times["vocabulary"]
    wordfreq.get_frequency_dict.cache_clear()
    wordfreq.get_frequency_list.cache_clear()
    tracemalloc.start()                    # again, for the memory it takes
    resources.clear()
    vocab = resources.get("vocabulary")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    index = timed(lambda: vocab.candidates("calcio"))
    print(f"vocabulary: {len(vocab)} forms, cold load {load * 1000:.0f} ms "
          f"(peak {peak / 2**20:.0f} MiB), candidate index built in {index * 1000:.0f} ms")

    words = list(vocab.words(vocab.index_zipf))

    def brute() -> None:
        for typo in TYPOS:
            process.extract(typo, words, scorer=OSA.distance, score_cutoff=2, limit=None)

    def indexed() -> None:
        for typo in TYPOS:
            vocab.candidates(typo, 2)

    t_brute, t_index = timed(brute, args.repeat), timed(indexed, args.repeat)
    print(f"candidate search, {len(TYPOS)} typos over {len(words)} words: "
          f"indexed {t_index * 1000:.1f} ms, brute force {t_brute * 1000:.1f} ms "
          f"(x{t_brute / t_index:.0f} faster)")

    seed = (ROOT / "seeds" / "000_ce6d04d1a70b5d49.txt").read_text(encoding="utf-8")
    text = "\n\n".join([seed] * 10)
    words_in_text = len(text.split())
    lint_text(text, config={"select": ["spelling"]})   # warm: resources loaded
    base = timed(lambda: lint_text(text, config={"select": ["spelling.repeated-word"]}),
                 args.repeat)
    spelling = timed(lambda: lint_text(text, config={"select": [
        "spelling.unknown-word", "spelling.final-accent", "spelling.repeated-word"]}),
        args.repeat)
    print(f"lint {words_in_text} words: repeated-word alone {base * 1000:.0f} ms, with "
          f"unknown-word and final-accent {spelling * 1000:.0f} ms (x{spelling / base:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
