"""A quotation never closed before its paragraph ends, or closed but never opened."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex

from sportlint.findings import Finding, Severity
from sportlint.italian.frequencies import english_zipf
from sportlint.rules.base import Context, Rule
from sportlint.rules.quotes._marks import shape
from sportlint.rules.typography.wrong_apostrophe import WRONG
from sportlint.segment.quotes import PAIRS, Quote
from sportlint.util import lazyregex

# Dialect words that open with an apostrophe ('ndrangheta, 'o sole): not an opening quote.
_APHERESIS = lazyregex.compile(r"['’](?:ndr|nu\b|na\b|o\b|a\b|e\b|u\b|st[aeio]\b|mbriach|nzomma)",
                           regex.IGNORECASE)
# The word right after a mark, and the words around it (letters, inner apostrophes kept).
_WORD_AFTER = lazyregex.compile(r"\p{L}+(?:['’]\p{L}+)*")
_NEXT_WORD = lazyregex.compile(r"[ \t]+(\p{L}+)")
_WORD_BEFORE = lazyregex.compile(r"(\p{L}+)[ \t]*$")
_ELIDED_LETTER = lazyregex.compile(r"(?<=\p{L} )['’‘]\p{L}['’](?= \p{L})")
#: an English word is one wordfreq's English list has from this Zipf frequency on ...
ENGLISH_ZIPF = 3.5
#: ... and, for a neighbour, this much more often than the Italian list ("Thought", "Knew")
ENGLISH_MARGIN = 1.0


def _english(word: str, margin: float, italian: Callable[[str], float]) -> bool:
    low = word.lower()
    en = english_zipf(low)
    return en >= ENGLISH_ZIPF and en >= italian(low) + margin


def foreign_elision(text: str, at: int, p_start: int, italian: Callable[[str], float]) -> bool:
    """The mark at ``at`` elides the start of an English word inside an English phrase
    (a title: Thought 'Ya Knew; 'til the end, rock and 'em): an apostrophe, not a quote.
    The word after the mark is English, and so is a neighbour of it, clearly (much more
    frequent in English than in Italian text). A lone letter between two marks (rock ’n’
    roll) is an elided word too."""
    if _ELIDED_LETTER.match(text, at):
        return True
    word = _WORD_AFTER.match(text, at + 1)
    if word is None or not _english(word.group(), 0.0, italian):
        return False
    before = _WORD_BEFORE.search(text[max(p_start, at - 40):at])
    after = _NEXT_WORD.match(text, word.end())
    return any(w is not None and _english(w.group(1), ENGLISH_MARGIN, italian) for w in (before, after))


def crossing(quotes: list[Quote]) -> set[int]:
    """Ids of the half-quotes that are really two pairs crossing each other (‘a “b’ c”):
    reported by quotes.nesting, not here. Each mark opened and never closed is paired with
    the first later mark of its paragraph that closes its kind and was never opened (and
    not paired already); one pass over the quotes, with the open ones waiting in order."""
    out: set[int] = set()
    waiting: dict[str, list[Quote]] = {}     # closing mark -> open halves, in order
    taken: dict[str, int] = {}               # closing mark -> how many of them are paired
    paragraph = -1
    for q in quotes:
        if q.paragraph != paragraph:
            paragraph, waiting, taken = q.paragraph, {}, {}
        if q.open is not None and q.close is None:
            waiting.setdefault(PAIRS[q.open_char], []).append(q)
        elif q.open is None and q.close is not None:
            queue = waiting.get(q.close_char) or []
            n = taken.get(q.close_char, 0)
            if n < len(queue) and q.close > queue[n].open:  # type: ignore[operator]
                out.update((id(queue[n]), id(q)))
                taken[q.close_char] = n + 1
    return out


class QuotesUnbalanced(Rule):
    """A quotation opened and never closed in its paragraph, or closed and never opened.

    What it catches:
    A quotation lives inside one paragraph. An opening mark with no closing one before the
    paragraph ends («Siamo pronti, ha detto il tecnico.) or a closing mark with no opening
    one (Siamo pronti» ha detto).

    Stays silent on:
    A quotation that runs over several paragraphs following the Italian convention (each
    paragraph opens again with the same mark, only the last one closes). Apostrophes
    (l'esonero, D'Ambrosio, po', al 23', anni '80, 7'37"), dialect words that start with
    an apostrophe ('ndrangheta) and the elided start of an English word inside an English
    phrase, straight or typographic (the titles Thought 'Ya Knew, Missed ’Em All: the word
    and a neighbour are far more frequent in English than in Italian; rock ’n’ roll) are
    not quotation marks.

    Why:
    A quote left open leaves the reader guessing where the quoted words end.

    Example:
        «Siamo pronti, ha detto il tecnico.
        -> «Siamo pronti», ha detto il tecnico.

    Fix:
    None: only the writer knows where the quotation ends; close it where the words end.

    Fix safety:
    No fix.
    """

    id = "quotes.unbalanced"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        text, seg = ctx.text, ctx.seg
        skip = crossing(seg.quotes)
        for q in seg.quotes:
            if id(q) in skip:
                continue
            if q.close is None and q.open is not None:
                if _APHERESIS.match(text, q.open) or self._continues(ctx, q) or \
                        WRONG.match(text, q.open) or (   # l‘esonero: typography.wrong-apostrophe
                            q.open_char in "'‘" and self._elision(ctx, q.open, q.paragraph)):
                    continue
                yield self.finding(q.open, q.open + 1,
                                   f"Virgolette aperte ({q.open_char}) e mai chiuse prima della "
                                   "fine del paragrafo.")
            elif q.open is None and q.close is not None:
                if q.close_char == "’" and (self._elision(ctx, q.close, q.paragraph) or
                                            _ELIDED_LETTER.match(text, q.close - 2)):
                    continue    # Missed ’Em All, rock ’n’ roll: apostrophes
                yield self.finding(q.close, q.close + 1,
                                   f"Virgolette chiuse ({q.close_char}) ma mai aperte.")

    @staticmethod
    def _elision(ctx: Context, at: int, paragraph: int) -> bool:
        return foreign_elision(ctx.text, at, ctx.seg.paragraphs[paragraph].start,
                               ctx.resources.get("vocabulary").zipf)

    @staticmethod
    def _continues(ctx: Context, q: Quote) -> bool:
        """A quotation continued in the next paragraph, which opens with the same kind."""
        paragraphs = ctx.seg.paragraphs
        if q.paragraph + 1 >= len(paragraphs) or q.depth > 0:
            return False
        first = ctx.text[paragraphs[q.paragraph + 1].start]
        return first in PAIRS and shape(first) == shape(q.open_char)
