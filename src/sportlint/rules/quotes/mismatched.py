"""A quotation opened with one kind of mark and closed with another."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.rules.quotes._marks import pair_edits, preferred_pair, same_shape_pair, shape
from sportlint.segment.quotes import PAIRS


class QuotesMismatched(Rule):
    """A quotation opened with one kind of mark and closed with another (‘San Nicola').

    What it catches:
    The opening and closing marks of a quotation that are not a pair: « », “ ”, ‘ ’, or
    straight " " and ' ' are. A typographic mark closed by a straight one (‘San Nicola') or a
    pair of different kinds («basta”) is flagged.

    Stays silent on:
    Apostrophes, which are never taken for quotes: elisions (l'esonero), names
    (D'Ambrosio), po', minute marks (al 23'), elided years (anni '80) and seconds (7'37").

    Why:
    A mismatched pair looks careless and confuses readers about where the quote ends.

    Example:
        Ha vinto al ‘San Nicola' davanti ai suoi tifosi.
        -> Ha vinto al ‘San Nicola’ davanti ai suoi tifosi.

    Fix:
    Changes the mark that breaks the pair. When both marks have the same shape (single or
    double) the house style decides between the typographic and the straight form
    (`style.quotes`: « » and “ ” are typographic, " is straight). When the shapes differ («
    closed by ”) the house style's pair for that nesting level wins if one of the marks
    belongs to it, else the opener's pair.

    Fix safety:
    Safe when both marks have the same shape; unsafe (`--unsafe-fixes`) when the shapes
    differ, since the writer may have meant the other pair.
    """

    id = "quotes.mismatched"
    severity = Severity.ERROR

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for q in ctx.seg.quotes:
            if q.open is None or q.close is None or q.matched:
                continue
            if shape(q.open_char) == shape(q.close_char):
                pair = same_shape_pair(q.open_char, q.close_char, ctx.style)
                applicability = Applicability.SAFE
            else:
                house = preferred_pair(ctx.style, q.depth)
                pair = house if q.open_char == house[0] or q.close_char == house[1] \
                    else q.open_char + PAIRS[q.open_char]
                applicability = Applicability.UNSAFE
            span, edits, shown = pair_edits(text, q.open, q.close, pair)
            message = (f"Virgolette non appaiate: aperte con {q.open_char} e chiuse con "
                       f"{q.close_char}; usa {pair[0]}…{pair[1]}.")
            if len(edits) == 1:
                (edit,) = edits
                yield self.finding(edit.start, edit.end, message, [edit.replacement], fix=applicability)
            else:
                yield self.finding(*span, message, shown, fix=applicability,
                                   edits=None if shown else edits)
