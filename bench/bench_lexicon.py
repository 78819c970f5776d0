#!/usr/bin/env python3
"""Benchmark the Italian lexicon: load time, memory, look-up speed and the cost of the
grammar.* rules that use it, as ratios against baselines measured in the same run
(wall-clock numbers alone mean little on a shared machine).

    python bench/bench_lexicon.py [--repeat N]

Baselines: loading wordfreq's Italian frequency list (the other heavy resource), and
segmenting a made-up article. Memory is tracemalloc's peak during each load and what stays
allocated after it.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

from sportlint.italian import lexicon
from sportlint.segment.segmenter import segment
from sportlint.source import document

TEXT = (
    "Il Bari ha battuto il Teramo 2-1 al San Nicola con un gol al 23' di Rossi. "
    "La squadra, schierata con il 4-2-3-1, ha dominato il primo tempo e nella ripresa "
    "ha gestito il vantaggio. L'allenatore ha parlato di una vittoria meritata. "
) * 40


def timed(fn: Callable[[], Any], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def memory(fn: Callable[[], Any]) -> tuple[int, int]:
    """(retained, peak) bytes allocated by fn, while its result is still alive."""
    gc.collect()
    tracemalloc.start()
    keep = fn()
    retained, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del keep
    return retained, top


def segment_text() -> Any:
    return segment(document.from_text(TEXT, None))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import wordfreq

    words = sorted({w.strip(".,'").lower() for w in TEXT.split()})
    lex = lexicon.load()

    def wf_load() -> Any:
        if hasattr(wordfreq, "get_frequency_dict") and hasattr(wordfreq.get_frequency_dict,
                                                               "cache_clear"):
            wordfreq.get_frequency_dict.cache_clear()
        return wordfreq.get_frequency_dict("it", wordlist="best")

    def lookups() -> None:
        lex.analyses.cache_clear()
        for w in words:
            lex.analyses(w)

    t_lex = timed(lexicon.load, args.repeat)
    t_wf = timed(wf_load, args.repeat)
    t_seg = timed(segment_text, args.repeat)
    t_look = timed(lookups, args.repeat)
    from sportlint import lint_text

    lint_text(TEXT, None, {"select": ["grammar"]})  # warm: lexicon and wordfreq loaded
    t_rules = timed(lambda: lint_text(TEXT, None, {"select": ["grammar"]}), args.repeat)
    r_lex, m_lex = memory(lexicon.load)
    r_wf, m_wf = memory(wf_load)
    r_seg, m_seg = memory(segment_text)

    print(f"lexicon load        {t_lex * 1000:8.1f} ms   "
          f"x{t_lex / t_wf:5.2f} wordfreq load   x{t_lex / t_seg:6.2f} segmenting "
          f"{len(TEXT)} chars")
    print(f"wordfreq load       {t_wf * 1000:8.1f} ms")
    print(f"segmenting          {t_seg * 1000:8.1f} ms")
    print(f"lexicon memory peak {m_lex / 2**20:8.1f} MiB  x{m_lex / m_wf:5.2f} wordfreq   "
          f"x{m_lex / m_seg:6.2f} segmentation")
    print(f"lexicon retained    {r_lex / 2**20:8.1f} MiB  x{r_lex / r_wf:5.2f} wordfreq   "
          f"x{r_lex / r_seg:6.2f} segmentation")
    print(f"wordfreq memory     {m_wf / 2**20:8.1f} MiB peak, {r_wf / 2**20:.1f} MiB retained")
    print(f"{len(words)} cold look-ups   {t_look * 1000:8.1f} ms   "
          f"x{t_look / t_seg:5.2f} segmenting ({t_look / len(words) * 1e6:.0f} us each)")
    print(f"grammar.* rules     {t_rules * 1000:8.1f} ms   x{t_rules / t_seg:5.2f} segmenting "
          "(segmentation included)")


if __name__ == "__main__":
    main()
