"""Memoise per-word work across documents.

Rules answer the same questions about the same words in every article ("is «campionato» a
known word?", "what are the spelling candidates of «sorpendentemente»?"). Where the answer
depends only on the word, the rule's options and the loaded resources, a `WordMemo` keeps
it for the next document. The table starts afresh when a resource object changes (tests
reload resources) and when it grows past ``limit`` entries (an archive run over years of
copy keeps meeting new words).
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

V = TypeVar("V")


class WordMemo(Generic[V]):
    def __init__(self, limit: int = 200_000) -> None:
        self.limit = limit
        self._deps: tuple[Any, ...] | None = None
        self._table: dict[Any, V] = {}

    def table(self, *deps: Any) -> dict[Any, V]:
        """The memo table for these resources (compared by identity)."""
        old = self._deps
        if old is None or len(old) != len(deps) or len(self._table) > self.limit or \
                any(a is not b for a, b in zip(old, deps, strict=True)):
            self._deps = deps
            self._table = {}
        return self._table
