"""A cache of data derived from shipped files (decompressed lexicon, gazetteer sets), so a
check that starts cold reads it in milliseconds instead of rebuilding it.

Never required and never trusted blindly: an entry is keyed by sportlint's version, the
Python version, a format tag and the size and modification time (ns) of every source file
it comes from (the data files, and the module whose code derives the entry), like Python's
bytecode caches; a missing, stale, unreadable or corrupt entry is rebuilt
from the sources, and a cache that cannot be written is simply not written. Entries are
``marshal`` files (plain data only: str, bytes, numbers, lists, tuples, dicts, sets).

Location: ``$SPORTLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/sportlint``, else
``~/.cache/sportlint``. ``SPORTLINT_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import marshal
import os
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
FORMAT = "1"


def cache_dir() -> Path | None:
    """Where entries go, or None when caching is off."""
    if os.environ.get("SPORTLINT_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("SPORTLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "sportlint"
    try:
        return Path.home() / ".cache" / "sportlint"
    except RuntimeError:   # no home directory
        return None


def _key(name: str, sources: Sequence[Path], extra: str = "") -> str:
    import sys

    from sportlint import __version__

    parts = [FORMAT, __version__, str(sys.implementation.cache_tag), name, extra]
    for path in sources:
        st = path.stat()
        parts.append(f"{os.path.abspath(path)}\0{st.st_size}\0{st.st_mtime_ns}")
    return "\n".join(parts)


def cached(name: str, sources: Sequence[Path], build: Callable[[], T], extra: str = "") -> T:
    """``build()``, or the entry it left in the cache for these exact ``sources`` (and
    ``extra``, more of the key: a checksum of a source that may change in place)."""
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        key = _key(name, sources, extra)
    except OSError:   # a source that cannot be read: build says why
        return build()
    # the file name tells entries apart; the full key inside decides
    path = folder / f"{name}-{zlib.crc32(key.encode('utf-8', 'surrogatepass')):08x}.marshal"
    try:
        stored_key, value = marshal.loads(path.read_bytes())
        if stored_key == key:
            return value
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    _store(folder, name, path, (key, value))
    return value


def _store(folder: Path, name: str, path: Path, entry: Any) -> None:
    try:
        data = marshal.dumps(entry)
    except ValueError:   # not plain data: not cached
        return
    if write_atomic(folder, name, path, data):
        _prune(folder, name)


def write_atomic(folder: Path, name: str, path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` in ``folder`` atomically (a temporary file named after
    ``name``, renamed over it); False when the folder cannot take it."""
    import tempfile

    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        return False
    return True


def cached_blob(name: str, sources: Sequence[Path], build: Callable[[], bytes]) -> Any:
    """The bytes ``build()`` returns, memory-mapped from the cache when it holds them for
    these exact ``sources`` (read-only; nothing is copied until used). The blob is stored
    as it is, its key in a file beside it, written after it."""
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        key = _key(name, sources).encode("utf-8", "surrogatepass")
    except OSError:
        return build()
    stem = f"{name}-{zlib.crc32(key):08x}"
    blob, keyfile = folder / f"{stem}.bin", folder / f"{stem}.key"
    try:
        stored = keyfile.read_bytes()
        if stored.startswith(key + b"\n"):
            import mmap

            with open(blob, "rb") as fh:
                mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
            if stored == key + b"\n" + str(len(mapped)).encode():
                return mapped
            mapped.close()
    except (OSError, ValueError):
        pass
    data = build()
    if write_atomic(folder, name, blob, data) and \
            write_atomic(folder, name, keyfile, key + b"\n" + str(len(data)).encode()):
        _prune(folder, name)
    return data


def _prune(folder: Path, name: str, days: float = 30) -> None:
    """Forget entries of ``name`` unused for ``days`` (sources since changed; several
    checkouts may share the folder, so recent entries of other sources stay)."""
    import time

    limit = time.time() - days * 86400
    try:
        for old in (*folder.glob(f"{name}-*.marshal"), *folder.glob(f"{name}-*.bin"),
                    *folder.glob(f"{name}-*.key")):
            if old.stat().st_atime < limit and old.stat().st_mtime < limit:
                old.unlink(missing_ok=True)
    except OSError:
        pass
