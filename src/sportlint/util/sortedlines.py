"""Look up a key in a stretch of sorted lines of bytes, in place (a memory map or bytes).

The lexicon and the frequency tables are files of sorted lines ``KEY<TAB>...``. A sparse
list of their lines (`Fences`: one every ``step`` bytes, built once) narrows a look-up to
the stretch between the last fence below the key and the next one; there a single
``find`` of ``\\nKEY<TAB>`` gives the first line of the key (a line below the key cannot
start with it). No line is decoded, and no Python loop runs over the lines.
"""

from __future__ import annotations

import bisect
from typing import Any


class Fences:
    """Every ``step`` bytes of ``data[lo:hi]`` (which starts a line), the next line and its
    start."""

    __slots__ = ("data", "hi", "lines", "lo", "starts")

    def __init__(self, data: Any, lo: int, hi: int, step: int) -> None:
        self.data, self.lo, self.hi = data, lo, hi
        self.lines: list[bytes] = []
        self.starts: list[int] = []
        pos = lo
        while pos < hi:
            start = pos if pos == lo else data.find(b"\n", pos, hi) + 1
            if start <= 0 or start >= hi:
                break
            end = data.find(b"\n", start)
            self.lines.append(bytes(data[start:end]))
            self.starts.append(start)
            pos = start + step

    def first(self, prefix: bytes) -> int:
        """The offset of the first line that starts with ``prefix`` (a key and its TAB),
        or -1."""
        i = bisect.bisect_left(self.lines, prefix)
        lo = self.starts[i - 1] if i > 0 else self.lo
        hi = min(self.starts[i] + len(prefix), self.hi) if i < len(self.starts) else self.hi
        if lo == 0 and self.data[:len(prefix)] == prefix:
            return 0        # the first line of the data: no line end before it
        found = self.data.find(b"\n" + prefix, max(lo - 1, 0), hi)
        return found + 1 if found >= 0 else -1
