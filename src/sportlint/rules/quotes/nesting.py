"""Quotations nested wrongly: the same marks inside each other, or two pairs crossing."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.rules.quotes._marks import preferred_pair
from sportlint.rules.quotes.unbalanced import crossing
from sportlint.segment.quotes import PAIRS, Quote


def enclosing(quotes: list[Quote], q: Quote) -> Quote | None:
    """The quotation that directly contains ``q`` (one level up, same paragraph)."""
    best = None
    for other in quotes:
        if other is q or other.paragraph != q.paragraph or other.depth != q.depth - 1:
            continue
        if other.open is not None and q.open is not None and other.open < q.open and \
                (other.close is None or (q.close is not None and q.close < other.close)):
            best = other
    return best


class QuotesNesting(Rule):
    """Quotation marks nested wrongly: «a «b» c», or two pairs crossing (‘a “b’ c”).

    What it catches:
    A quotation inside a quotation uses the next level of marks: in Italian « » outside, “ ”
    inside them, ‘ ’ innermost («Il “muro” giallorosso», ha scritto). The rule flags the
    same marks nested inside each other («Il «muro» giallorosso») and two pairs that cross
    each other (“a ‘b” c’).

    Why:
    Same-mark nesting makes the reader lose track of where each quote ends; crossing pairs
    are always a slip.

    Example:
        «Il «muro» regge», ha detto.
        -> «Il “muro” regge», ha detto.

    Fix:
    For same-mark nesting, replaces the inner pair with the house style's pair for its level
    (`style.quotes`). Crossing pairs get no fix.

    Fix safety:
    Unsafe (`--unsafe-fixes`): the writer may instead have forgotten to close the outer
    quote. No fix for crossing pairs.
    """

    id = "quotes.nesting"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        text, quotes = ctx.text, ctx.seg.quotes
        for q in quotes:
            if q.depth == 0 or q.open is None or q.close is None or not q.matched:
                continue
            outer = enclosing(quotes, q)
            if outer is None or outer.open_char != q.open_char or q.open_char in "\"'":
                continue
            pair = preferred_pair(ctx.style, q.depth)
            if pair[0] == q.open_char:
                pair = "“”" if q.open_char != "“" else "‘’"
            inner = text[q.open + 1:q.close]
            yield self.finding(q.open, q.close + 1,
                               f"Virgolette {q.open_char}{PAIRS[q.open_char]} annidate dentro "
                               f"virgolette dello stesso tipo: all'interno usa {pair[0]}…{pair[1]}.",
                               [pair[0] + inner + pair[1]], fix=Applicability.UNSAFE)
        skip = crossing(quotes)
        for q in quotes:
            if id(q) in skip and q.open is not None:
                yield self.finding(q.open, q.open + 1,
                                   f"Virgolette accavallate: la coppia aperta da {q.open_char} "
                                   "si chiude dopo quella che la contiene.")
