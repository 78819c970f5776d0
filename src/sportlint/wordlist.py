"""Italian word frequencies from ``wordfreq`` (Zipf scale: 0 unknown, 7 'di').

The ``vocabulary`` resource is a `Vocabulary`: wordfreq's Italian frequencies as a
dictionary (fast ``zipf`` lookups) plus an index of the frequent words by length and
initial, so that looking for the correction of one unknown token compares it with a few
hundred words of similar length, not the whole list.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from rapidfuzz import process
from rapidfuzz.distance import OSA


@dataclass(frozen=True)
class Candidate:
    """A correction candidate: the word, its edit distance (with transpositions) and Zipf."""

    word: str
    distance: int
    zipf: float


class Vocabulary:
    """Italian word forms with their Zipf frequency, and a correction-candidate index.

    The index holds the words at or above ``index_zipf`` grouped by (length, first letter);
    `candidates` looks only in the groups a word within the edit distance can be in (same
    initial, or the second letter as initial for a swap of the first two letters).
    """

    def __init__(self, frequencies: dict[str, float], index_zipf: float = 2.5) -> None:
        self._freq = frequencies
        self.index_zipf = index_zipf
        self._index: dict[tuple[int, str], list[str]] | None = None

    def __contains__(self, word: str) -> bool:
        return word.lower() in self._freq

    def __len__(self) -> int:
        return len(self._freq)

    def zipf(self, word: str) -> float:
        freq = self._freq.get(word.lower())
        return round(math.log10(freq) + 9, 2) if freq else 0.0

    def words(self, min_zipf: float = 0.0) -> Iterable[str]:
        floor = 10 ** (min_zipf - 9)
        return (w for w, f in self._freq.items() if f >= floor)

    def _buckets(self) -> dict[tuple[int, str], list[str]]:
        if self._index is None:
            index: dict[tuple[int, str], list[str]] = {}
            for word in self.words(self.index_zipf):
                if word.isalpha():
                    index.setdefault((len(word), word[0]), []).append(word)
            self._index = index
        return self._index

    def candidates(self, word: str, max_distance: int = 1,
                   min_zipf: float | None = None) -> list[Candidate]:
        """Frequent words within ``max_distance`` edits (insert, delete, substitute, swap
        two adjacent letters), nearest first, then most frequent first."""
        word = word.lower()
        if not word:
            return []
        floor = self.index_zipf if min_zipf is None else max(min_zipf, self.index_zipf)
        buckets = self._buckets()
        initials = {word[0]} | ({word[1]} if len(word) > 1 else set())
        found: dict[str, int] = {}
        for length in range(len(word) - max_distance, len(word) + max_distance + 1):
            for initial in initials:
                choices = buckets.get((length, initial))
                if not choices:
                    continue
                for match, dist, _ in process.extract(
                        word, choices, scorer=OSA.distance, score_cutoff=max_distance,
                        limit=None):
                    if match != word:
                        found[match] = int(dist)
        out = [Candidate(w, d, self.zipf(w)) for w, d in found.items()]
        out = [c for c in out if c.zipf >= floor]
        out.sort(key=lambda c: (c.distance, -c.zipf, c.word))
        return out


def load_vocabulary() -> Vocabulary:
    import wordfreq

    return Vocabulary(dict(wordfreq.get_frequency_dict("it", wordlist="best")))


FOREIGN_LANGUAGES = ("en", "fr", "es", "de", "pt")


def foreign_zipf(word: str) -> float:
    """The highest Zipf frequency of ``word`` in the languages sports copy borrows from
    most (wordfreq's small lists: they load in milliseconds and hold the common words)."""
    import wordfreq

    return max(float(wordfreq.zipf_frequency(word, lang, wordlist="small"))
               for lang in FOREIGN_LANGUAGES)


@cache
def jargon() -> frozenset[str]:
    """Sports jargon that is no typo although wordfreq and the lexicon lack it
    (rules/spelling/jargon.txt: trivela, spizzata, smanacciato ...)."""
    from .paths import data_dir

    lines = (data_dir() / "spelling" / "jargon.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))
