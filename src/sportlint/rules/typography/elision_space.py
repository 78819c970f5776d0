"""A space after an elided article or preposition (l' esonero)."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.segment.tokens import ELISION


class ElisionSpace(Rule):
    """A space typed after the apostrophe of an elision ("l' esonero", "dell' Inter").

    What it catches:
    A space after the apostrophe of an elided article or preposition, which is glued to the
    next word: "l'esonero", "dell'Inter", "un'amica".

    Stays silent on:
    Truncations, which keep their space ("un po' di calma", "de' Medici"); a closing
    quotation mark is never taken for an elision.

    Why:
    A space after the apostrophe splits the two words (and, online, may break the line
    between them).

    Example:
        Dopo l' esonero dell' allenatore.
        -> Dopo l'esonero dell'allenatore.

    Fix:
    Removes the space.

    Fix safety:
    Safe.
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
