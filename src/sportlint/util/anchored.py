"""Run a pattern only where a match can start, with the same matches as ``finditer``.

Case-insensitive alternations of many words are slow to scan a whole text with. When
every match must start with one of a few words (or digits), the offsets of those words in
the lower-cased text (see `Segmentation.caseless_lower`) are the only places to try:
`matches_at` tries the pattern there in order, each after the last match's end, which
finds exactly what ``finditer`` finds.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any


def offsets(lowered: str, words: Iterable[str]) -> set[int]:
    """Every offset where one of ``words`` stands in ``lowered``."""
    found: set[int] = set()
    for word in words:
        i = lowered.find(word)
        while i >= 0:
            found.add(i)
            i = lowered.find(word, i + 1)
    return found


def matches_at(pattern: Any, text: str, starts: Iterable[int]) -> Iterator[Any]:
    """``pattern.finditer(text)``, given every offset where a match may start."""
    end = 0
    for start in sorted(starts):
        if start < end:
            continue
        m = pattern.match(text, start)
        if m is not None:
            yield m
            end = m.end()
