"""A space after an elided article or preposition (l' esonero)."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.segment.tokens import ELISION


class ElisionSpace(Rule):
    """A space typed after the apostrophe of an elision ("l' esonero", "dell' Inter").

    An elided article or preposition is glued to the next word: "l'esonero", "dell'Inter",
    "un'amica". A space after the apostrophe splits them (and, online, may break the line
    between them). Truncations keep their space ("un po' di calma", "de' Medici"), and a
    closing quotation mark is never taken for an elision.

    Example: "Dopo l' esonero dell' allenatore" -> "Dopo l'esonero dell'allenatore"
    (safe fix: the space is removed).
    """

    id = "typography.elision-space"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for off, role in ctx.seg.marks.items():
            if role != ELISION:
                continue
            end = off + 1
            while end < len(text) and text[end] in " \t":
                end += 1
            if end > off + 1 and end < len(text) and text[end].isalpha():
                tok = ctx.seg.token_at(off)
                word = tok.text if tok else text[off]
                yield self.finding(off + 1, end, f"Spazio dopo l'apostrofo di «{word}»: "
                                   "l'elisione si scrive attaccata alla parola che segue.", [""],
                                   fix=Applicability.SAFE)
