"""No space after , ; : ! ? or a full stop."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.util import lazyregex

# A mark glued to the next word. Numbers (1.000, 2,5, 15:30) have digits after the mark,
# so they never match; a full stop, ! and ? only count before a capital letter (a new
# sentence), so domains (Gazzetta.it) stay quiet; abbreviations (S.p.A., a.C.) and initials
# (A.Rossi) are checked against the tokens.
_GLUED = lazyregex.compile(r"(?<=[\p{L}\p{M}\d)\]»”])(?:[,;:](?=\p{L})|[.!?](?=\p{Lu}))")


class SpaceAfterPunctuation(Rule):
    """No space after a comma, semicolon, colon, full stop, exclamation or question mark.

    What it catches:
    "ha vinto,poi" and "ha vinto.Poi": a full stop, ! or ? is flagged before a capital
    letter, and a comma, semicolon or colon before a letter.

    Stays silent on:
    Numbers (1.000, 2,5, 15:30), abbreviations (S.p.A., a.C., c.t.), initials, web
    addresses and domains (Gazzetta.it).

    Why:
    A missing space glues two words together.

    Example:
        Il Bari ha vinto,poi ha perso.La Ternana vola.
        -> Il Bari ha vinto, poi ha perso. La Ternana vola.

    Fix:
    Adds a space.

    Fix safety:
    Safe.
    """

    id = "typography.space-after-punct"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        seg = ctx.seg
        for m in _GLUED.finditer(ctx.doc.masked):
            mark = m.group()
            if mark == ".":
                tok = seg.token_at(m.start())
                before = seg.token_at(m.start() - 1)
                if (tok is not None and tok.kind == "abbr") or \
                        (before is not None and len(before.text) == 1):
                    continue
            yield self.finding(m.start(), m.end(), f"Manca lo spazio dopo «{mark}».", [mark + " "],
                               fix=Applicability.SAFE)
