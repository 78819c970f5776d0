"""Quote spans: the quotation marks of a paragraph paired leniently (a ‘ closed by a
straight ' is still a span, marked as mismatched) with their nesting depth.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from sportlint.segment.tokens import ACCENT, APOSTROPHES, QUOTE, TIME
from sportlint.source.document import MASK
from sportlint.util import lazyregex


@dataclass(frozen=True, slots=True)
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
_ALWAYS_OPENS = frozenset("«„‚")
_MAY_OPEN = frozenset("‘“\"'")     # the other marks (» ” ’) only ever close
_QUOTE_MARK = lazyregex.compile("[" + regex.escape("".join(sorted(set(PAIRS) | _CLOSING))) + "]")


def pair_quotes(quotes: list[Quote], roles: dict[int, str], text: str, p_index: int, p_start: int,
                p_end: int) -> None:
    """Pair the quotation marks of one paragraph (a quote never spans paragraphs): the
    spans go to ``quotes``, each mark's role to ``roles``.

    Linear in the number of marks: besides the stack of open marks, ``open_for`` lists,
    for each closing mark, the stack positions of the open marks it closes (in stack
    order), so that finding what a mark closes never walks the stack."""
    stack: list[tuple[int, str]] = []
    open_for: dict[str, list[int]] = {close: [] for close in set(PAIRS.values())}

    def push(i: int, ch: str) -> None:
        open_for[PAIRS[ch]].append(len(stack))
        stack.append((i, ch))

    def pop() -> tuple[int, str]:
        o, oc = stack.pop()
        open_for[PAIRS[oc]].pop()       # the highest position of its list: the top
        return o, oc

    first = len(quotes)     # the earlier paragraphs' quotes are sorted and all before
    for found in _QUOTE_MARK.finditer(text, p_start, p_end):
        i = found.start()
        ch = text[i]
        role = roles.get(i)
        if role is not None and role != QUOTE:
            continue
        if ch in _ALWAYS_OPENS:    # « „ ‚ open whatever surrounds them
            push(i, ch)
            continue
        if ch in APOSTROPHES:
            roles[i] = QUOTE
        if ch in _MAY_OPEN:       # ‘ “ " ': opening or closing, by what surrounds them
            before = text[i - 1] if i > p_start else " "
            after = text[i + 1] if i + 1 < p_end else " "
            opens_here = (before.isspace() or before in "([{«“‘\"'—–-/" or before == MASK) \
                and not after.isspace()
            closes_here = not before.isspace() and (after.isspace() or not after.isalnum())
            if ch in _OPENING and not (ch == "‘" and closes_here and not opens_here and stack) \
                    and not (ch == "“" and stack and stack[-1][1] == "„"):
                push(i, ch)
                continue
            if ch in '"\'' and opens_here and not (stack and stack[-1][1] == ch):
                push(i, ch)
                continue
            if ch == "'" and not closes_here and not stack:
                roles[i] = ACCENT if text[i - 1:i].isalpha() else QUOTE
                continue
        # a closing mark: find what it closes
        waiting = open_for.get(ch)
        match = waiting[-1] if waiting else None
        if match is None and ch in "'’" and i > p_start and text[i - 1].isalpha() and \
                not (open_for["'"] or open_for["’"]):
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
            o, oc = pop()
            quotes.append(Quote(o, None, oc, "", k, p_index))
        o, oc = pop()
        quotes.append(Quote(o, i, oc, ch, match, p_index))
    for depth in range(len(stack) - 1, -1, -1):
        o, oc = pop()
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
