"""File names as people read them: a name is any bytes but a slash, so it may hold a line
break (which would split a report's line in two) or bytes that are not UTF-8 (kept by
Python as lone surrogates, ``\\udcff``). For text reports and messages they are escaped
the way Python writes them in a string (``\\n``, ``\\t``, ``\\x1b``, ``\\xff``) and a
backslash is doubled only when the name needs escaping, so ordinary names read as they
are. Machine formats keep the name exactly (json_format.py)."""

from __future__ import annotations

import regex

from sportlint.util import lazyregex

_NEEDS = lazyregex.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def display_path(path: str) -> str:
    """``path`` with control characters and undecodable bytes escaped (unchanged when it
    has none)."""
    if not _NEEDS.search(path):
        return path
    return _NEEDS.sub(_escape, path.replace("\\", "\\\\"))


def _escape(m: regex.Match[str]) -> str:
    ch = m.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:        # an undecodable byte, as surrogateescape keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
