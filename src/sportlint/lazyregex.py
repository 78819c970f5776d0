"""Regular expressions compiled on first use.

The ``regex`` module parses a pattern in Python, so compiling is slow (milliseconds for the
long alternations of the data rules). A rule file holds many patterns that a run may never
need: the groups of a ``consistency`` rule whose words the text lacks, the patterns of a
rule that is off. `LazyPattern` stands for a compiled pattern and compiles it when first
used; only patterns built from escaped literals belong here (a pattern a user wrote is
compiled at once, so that an error shows when the rule loads).
"""

from __future__ import annotations

from typing import Any


class LazyPattern:
    """``regex.compile(source, flags)``, done on the first attribute access."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: Any = None

    def compiled(self) -> Any:
        if self._compiled is None:
            import regex

            self._compiled = regex.compile(self._source, self._flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source!r}, {self._flags})"
