"""Quotations nested wrongly: the same marks inside each other, or two pairs crossing."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.rules.quotes._marks import pair_edits, preferred_pair
from sportlint.rules.quotes.unbalanced import crossing
from sportlint.segment.quotes import PAIRS, Quote


def enclosing(quotes: list[Quote]) -> dict[int, Quote]:
    """For each quotation (by id), the one that directly contains it (one level up, same
    paragraph): the latest opened at the level above, if it is still open where this one
    closes. One pass over the quotes (sorted by position), however deep they nest."""
    out: dict[int, Quote] = {}
    latest: dict[int, Quote] = {}       # depth -> the latest quotation opened at it
    paragraph = -1
    for q in quotes:
        if q.paragraph != paragraph:
            paragraph, latest = q.paragraph, {}
        if q.open is None:
            continue
        other = latest.get(q.depth - 1)
        if other is not None and other.open is not None and other.open < q.open and \
                (other.close is None or (q.close is not None and q.close < other.close)):
            out[id(q)] = other
        latest[q.depth] = q
    return out


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
        parents = enclosing(quotes)
        for q in quotes:
            if q.depth == 0 or q.open is None or q.close is None or not q.matched:
                continue
            outer = parents.get(id(q))
            if outer is None or outer.open_char != q.open_char or q.open_char in "\"'":
                continue
            pair = preferred_pair(ctx.style, q.depth)
            if pair[0] == q.open_char:
                pair = "“”" if q.open_char != "“" else "‘’"
            span, edits, shown = pair_edits(text, q.open, q.close, pair)
            yield self.finding(*span,
                               f"Virgolette {q.open_char}{PAIRS[q.open_char]} annidate dentro "
                               f"virgolette dello stesso tipo: all'interno usa {pair[0]}…{pair[1]}.",
                               shown, fix=Applicability.UNSAFE, edits=None if shown else edits)
        skip = crossing(quotes)
        for q in quotes:
            if id(q) in skip and q.open is not None:
                yield self.finding(q.open, q.open + 1,
                                   f"Virgolette accavallate: la coppia aperta da {q.open_char} "
                                   "si chiude dopo quella che la contiene.")
