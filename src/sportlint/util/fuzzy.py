"""rapidfuzz (the fuzzy matcher), imported on first use: importing it costs ~10-20 ms of
a cold start, and many checks never need a fuzzy search (issue 21)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

_osa: Any = None
_extract: Any = None


def osa_distance(a: str, b: str, score_cutoff: int | None = None) -> int:
    """rapidfuzz's optimal-string-alignment distance (an adjacent transposition is one
    edit); above ``score_cutoff``, ``score_cutoff + 1``, as rapidfuzz returns."""
    if score_cutoff is not None and abs(len(a) - len(b)) > score_cutoff:
        return score_cutoff + 1     # the lengths alone exceed it: no need of rapidfuzz
    global _osa
    if _osa is None:
        from rapidfuzz.distance import OSA

        _osa = OSA.distance
    return int(_osa(a, b, score_cutoff=score_cutoff))


def extract_osa(word: str, choices: Iterable[str],
                max_distance: int) -> list[tuple[str, float, Any]]:
    """``rapidfuzz.process.extract`` of ``word`` among ``choices`` by OSA distance, every
    match within ``max_distance`` (no limit)."""
    global _osa, _extract
    if _extract is None:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        _osa, _extract = OSA.distance, process.extract
    return list(_extract(word, choices, scorer=_osa, score_cutoff=max_distance, limit=None))
