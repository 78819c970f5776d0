"""Quote spans: the quotation marks of a paragraph paired leniently (a ‘ closed by a
straight ' is still a span, marked as mismatched) with their nesting depth.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from sportlint.segment.tokens import ACCENT, APOSTROPHES, QUOTE, TIME
from sportlint.source.document import MASK


@dataclass(frozen=True)
class Quote:
    """A quote span. ``open``/``close`` are offsets of the marks; either may be None
    (never closed before the paragraph ended / closing mark never opened)."""

    open: int | None
    close: int | None
    open_char: str
    close_char: str
    depth: int
    paragraph: int

    @property
    def matched(self) -> bool:
        return self.open is not None and self.close is not None and \
            PAIRS.get(self.open_char) == self.close_char

    @property
    def inner(self) -> tuple[int, int]:
        """The quoted text's span (to the paragraph's end when never closed)."""
        start = self.open + 1 if self.open is not None else -1
        return start, self.close if self.close is not None else -1


PAIRS = {"«": "»", "“": "”", "„": "“", "‘": "’", '"': '"', "'": "'", "‚": "’"}
_OPENING = set("«“„‘‚")
_CLOSING = set("»”’")
_QUOTE_MARK = regex.compile("[" + regex.escape("".join(sorted(set(PAIRS) | _CLOSING))) + "]")


def pair_quotes(quotes: list[Quote], roles: dict[int, str], text: str, p_index: int, p_start: int,
                p_end: int) -> None:
    """Pair the quotation marks of one paragraph (a quote never spans paragraphs): the
    spans go to ``quotes``, each mark's role to ``roles``."""
    stack: list[tuple[int, str]] = []
    first = len(quotes)     # the earlier paragraphs' quotes are sorted and all before
    for found in _QUOTE_MARK.finditer(text, p_start, p_end):
        i = found.start()
        ch = text[i]
        role = roles.get(i)
        if role is not None and role != QUOTE:
            continue
        if ch in APOSTROPHES:
            roles[i] = QUOTE
        before = text[i - 1] if i > p_start else " "
        after = text[i + 1] if i + 1 < p_end else " "
        opens_here = (before.isspace() or before in "([{«“‘\"'—–-/" or before == MASK) and \
            not after.isspace()
        closes_here = not before.isspace() and (after.isspace() or not after.isalnum())
        if ch in _OPENING and not (ch == "‘" and closes_here and not opens_here and stack) \
                and not (ch == "“" and stack and stack[-1][1] == "„"):
            stack.append((i, ch))
            continue
        if ch in '"\'' and opens_here and not (stack and stack[-1][1] == ch):
            stack.append((i, ch))
            continue
        if ch == "'" and not closes_here and not stack:
            roles[i] = ACCENT if text[i - 1:i].isalpha() else QUOTE
            continue
        # a closing mark: find what it closes
        match = next((k for k in range(len(stack) - 1, -1, -1)
                      if PAIRS[stack[k][1]] == ch), None)
        if match is None and ch in "'’" and i > p_start and text[i - 1].isalpha() and \
                not any(PAIRS[s[1]] in "'’" for s in stack):
            # letter + apostrophe with no single quote open: an accent written as apostrophe
            roles[i] = ACCENT
            continue
        if match is None and ch in '"”' and _after_seconds(text, i, p_start):
            roles[i] = TIME          # a bare seconds mark with no quote open: a 12" lead
            continue
        if match is None and stack:
            match = len(stack) - 1   # mismatched pair: ‘San Nicola'
        if match is None:
            quotes.append(Quote(None, i, "", ch, 0, p_index))
            continue
        for k in range(len(stack) - 1, match, -1):   # opened inside and never closed
            o, oc = stack.pop()
            quotes.append(Quote(o, None, oc, "", k, p_index))
        o, oc = stack.pop()
        quotes.append(Quote(o, i, oc, ch, match, p_index))
    for depth in range(len(stack) - 1, -1, -1):
        o, oc = stack.pop()
        if oc == "'" and o > p_start and text[o - 1].isalpha():
            roles[o] = ACCENT
            continue
        quotes.append(Quote(o, None, oc, "", depth, p_index))
    quotes[first:] = sorted(quotes[first:],
                                key=lambda q: q.open if q.open is not None else q.close or 0)


def _after_seconds(text: str, i: int, p_start: int) -> bool:
    """True when the mark at ``i`` follows a number of one or two digits standing alone
    (``a 12"``, ``41" di vantaggio``): the seconds of a gap, not a closing quote."""
    j = i
    while j > p_start and text[j - 1].isdigit():
        j -= 1
    return 1 <= i - j <= 2 and (j == p_start or not (text[j - 1].isalnum() or text[j - 1] in ".,"))
