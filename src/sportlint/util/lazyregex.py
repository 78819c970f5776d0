"""Regular expressions of the data rules: compiled on first use, and kept compiled.

The ``regex`` module parses a pattern in Python, so compiling is slow (milliseconds for the
long alternations of the data rules). Two remedies, both invisible to the rules:

- `LazyPattern` stands for a compiled pattern and compiles it when first used: the groups
  of a ``consistency`` rule whose words a text lacks, the patterns of a rule that is off,
  are never compiled. Only patterns built from escaped literals belong there (a pattern a
  user wrote is compiled at once, so that an error shows when the rule loads).
- `compile` keeps what ``regex`` compiled in sportlint's cache folder (`sportlint.util.cache`):
  the same data ``regex`` pickles a pattern to (its compiled code), stored with marshal and
  a checksum, per ``regex`` version, and handed back to ``regex``'s own constructor as
  unpickling does. A missing, damaged or foreign entry means compiling as usual.
"""

from __future__ import annotations

import atexit
import marshal
import sys
import zlib
from typing import Any

_MAGIC = b"sportlint-regex-1\n"
MAX_ENTRIES = 2000
_store: dict[tuple[str, int], Any] | None = None
_added: dict[tuple[str, int], Any] = {}


def _store_path() -> Any:
    import regex

    from sportlint.util.cache import cache_dir

    folder = cache_dir()
    tag = f"{regex.__version__}-{sys.implementation.cache_tag}"
    return None if folder is None else folder / f"regex-{tag}.marshal"


def _load() -> dict[tuple[str, int], Any]:
    global _store
    if _store is None:
        _store = {}
        try:
            path = _store_path()
            raw = path.read_bytes() if path is not None else b""
            head, crc, body = raw[:len(_MAGIC)], raw[len(_MAGIC):len(_MAGIC) + 4], \
                raw[len(_MAGIC) + 4:]
            if head == _MAGIC and int.from_bytes(crc, "little") == zlib.crc32(body):
                entries = marshal.loads(body)
                if isinstance(entries, dict):
                    _store = entries
        except (OSError, EOFError, ValueError, TypeError):
            pass
    return _store


def flush() -> None:
    """Store the patterns compiled so far now rather than at exit."""
    _save()


def _save() -> None:
    """Add this run's new patterns to the stored ones (at exit; never fails a run)."""
    if not _added:
        return
    from sportlint.util.cache import write_atomic

    try:
        path = _store_path()
        if path is None:
            return
        global _store
        _store = None                      # another process may have stored more
        entries = {**_load(), **_added}
        if len(entries) > MAX_ENTRIES:   # patterns of rules long since edited: start over
            entries = dict(_added)
        body = marshal.dumps(entries)
        write_atomic(path.parent, "regex", path,
                     _MAGIC + zlib.crc32(body).to_bytes(4, "little") + body)
    except (OSError, ValueError):
        pass
    _added.clear()


def compile(source: str, flags: int = 0) -> Any:
    """``regex.compile(source, flags)``, taken from the cache when it holds the pattern."""
    import regex

    key = (source, int(flags))
    data = _load().get(key) or _added.get(key)
    if data is not None:
        try:
            pattern = regex._regex.compile(*data)
            if pattern.pattern == source:
                return pattern
        except Exception:   # a damaged entry: compile it again
            pass
    pattern = regex.compile(source, flags)
    if not int(flags) & regex.LOCALE:
        try:
            data = pattern._pickled_data
            marshal.dumps(data)
        except (AttributeError, ValueError):
            return pattern
        if not _added:
            atexit.register(_save)
        _added[key] = data
    return pattern


class LazyPattern:
    """``compile(source, flags)``, done on the first attribute access."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: Any = None

    def compiled(self) -> Any:
        if self._compiled is None:
            self._compiled = compile(self._source, self._flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source!r}, {self._flags})"
