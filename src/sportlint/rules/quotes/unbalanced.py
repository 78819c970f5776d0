"""A quotation never closed before its paragraph ends, or closed but never opened."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from sportlint.findings import Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.rules.quotes._marks import shape
from sportlint.rules.typography.wrong_apostrophe import WRONG
from sportlint.segment.quotes import PAIRS, Quote
from sportlint.util import lazyregex

# Dialect words that open with an apostrophe ('ndrangheta, 'o sole): not an opening quote.
_APHERESIS = lazyregex.compile(r"['’](?:ndr|nu\b|na\b|o\b|a\b|e\b|u\b|st[aeio]\b|mbriach|nzomma)",
                               regex.IGNORECASE)


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
    (l'esonero, D'Ambrosio, po', al 23', anni '80, 7'37") and dialect words that start with
    an apostrophe ('ndrangheta) are not quotation marks.

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
                        WRONG.match(text, q.open):   # l‘esonero: typography.wrong-apostrophe
                    continue
                yield self.finding(q.open, q.open + 1,
                                   f"Virgolette aperte ({q.open_char}) e mai chiuse prima della "
                                   "fine del paragrafo.")
            elif q.open is None and q.close is not None:
                yield self.finding(q.close, q.close + 1,
                                   f"Virgolette chiuse ({q.close_char}) ma mai aperte.")

    @staticmethod
    def _continues(ctx: Context, q: Quote) -> bool:
        """A quotation continued in the next paragraph, which opens with the same kind."""
        paragraphs = ctx.seg.paragraphs
        if q.paragraph + 1 >= len(paragraphs) or q.depth > 0:
            return False
        first = ctx.text[paragraphs[q.paragraph + 1].start]
        return first in PAIRS and shape(first) == shape(q.open_char)
