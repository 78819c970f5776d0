"""Shared helpers of the quote and typography rules (not a rule module).

House style names the preferred outer quotation marks; the inner levels follow the Italian
convention: « » outside, “ ” inside them, ‘ ’ innermost; with “ ” outside, ‘ ’ inside; with
straight " outside, straight ' inside.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sportlint.findings import Edit
from sportlint.segment.tokens import ELISION, NAME, TRUNCATION, YEAR
from sportlint.source.document import MASK

# House style "quotes" -> the pair to use at depth 0, 1, 2 ...
LEVELS: dict[str, tuple[str, ...]] = {
    "«»": ("«»", "“”", "‘’"),
    "“”": ("“”", "‘’", "‘’"),
    '""': ('""', "''", "''"),
}
SINGLE = set("‘’'‚")
DOUBLE = set("“”\"„")
STRAIGHT = set("'\"")
#: roles of the marks that are apostrophes (minute marks and seconds are primes, not apostrophes)
APOSTROPHE_ROLES = frozenset({ELISION, NAME, TRUNCATION, YEAR})
#: punctuation followed by a space in running text
SPACED_PUNCT = ",;:!?."


def preferred_pair(style: Mapping[str, Any], depth: int) -> str:
    levels = LEVELS.get(str(style.get("quotes", "«»")), LEVELS["«»"])
    return levels[min(depth, len(levels) - 1)]


def shape(mark: str) -> str:
    """'single', 'double' or 'angle' (« »)."""
    if mark in SINGLE:
        return "single"
    if mark in DOUBLE:
        return "double"
    return "angle"


def straight_style(style: Mapping[str, Any]) -> bool:
    return str(style.get("quotes", "«»")) == '""'


def same_shape_pair(open_char: str, close_char: str, style: Mapping[str, Any]) -> str:
    """The matching pair of the opener's shape, typographic or straight per house style."""
    if shape(open_char) == "single":
        return "''" if straight_style(style) else "‘’"
    return '""' if straight_style(style) else "“”"


def is_prose(masked: str, start: int, end: int) -> bool:
    """No masked (non-prose) character in masked[start:end]."""
    return MASK not in masked[start:end]


def line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    ends = [i for i in (text.find("\n", offset), text.find("\r", offset)) if i >= 0]
    return start, min(ends) if ends else len(text)


#: a quotation longer than this is flagged at its opening mark, not as a whole, and not
#: repeated in a suggestion (its fix edits the two marks): a finding's span is copied into
#: every report, so nested quotations would cost memory in the square of the text
MAX_SHOWN = 80


def pair_edits(text: str, open_at: int, close_at: int,
               pair: str) -> tuple[tuple[int, int], list[Edit], list[str]]:
    """The span to flag, the edits that put ``pair`` at the two marks, and the suggestion
    for that span: the whole quotation with its new marks when it is short enough to
    show, else the opening mark alone and no suggestion."""
    edits = [Edit(pos, pos + 1, want) for pos, want in ((open_at, pair[0]), (close_at, pair[1]))
             if text[pos] != want]
    if close_at - open_at - 1 > MAX_SHOWN:
        return (open_at, open_at + 1), edits, []
    return (open_at, close_at + 1), edits, [pair[0] + text[open_at + 1:close_at] + pair[1]]
