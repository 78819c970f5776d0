"""Italian word frequencies from ``wordfreq`` (Zipf scale: 0 unknown, 7 'di')."""

from __future__ import annotations

from collections.abc import Callable


def load() -> Callable[[str], float]:
    import wordfreq

    def zipf(word: str) -> float:
        return float(wordfreq.zipf_frequency(word, "it", wordlist="best"))

    zipf("calcio")  # force the frequency table to load now, not inside a rule
    return zipf
