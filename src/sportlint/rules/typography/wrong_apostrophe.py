"""A quotation mark or an accent typed as an apostrophe (l‘esonero, l`esonero)."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.rules.typography.mixed_apostrophes import apostrophes
from sportlint.util import lazyregex

# An opening single quote, a backtick, an acute accent or a prime between two letters.
WRONG = lazyregex.compile(r"(?<=\p{L})[‘`´′](?=\p{L})")


class WrongApostrophe(Rule):
    """A character that is not an apostrophe used as one: l‘esonero, l`esonero, dell´Inter.

    What it catches:
    An opening quotation mark (‘), a backtick (`), an acute accent (´) or a prime (′) where
    the apostrophe belongs, as autocorrect and keyboards often put them.

    Why:
    They look almost the same on screen but break searches, hyphenation and quote pairing.

    Example:
        Dopo l‘esonero di D`Ambrosio.
        -> Dopo l'esonero di D'Ambrosio.

    Fix:
    Puts the apostrophe the article already uses (its majority), or the house style's
    (`style.apostrophe`) when the article has none.

    Fix safety:
    Safe.
    """

    id = "typography.wrong-apostrophe"
    severity = Severity.ERROR

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        used = [text[off] for off in apostrophes(ctx)]
        straight, curly = used.count("'"), used.count("’")
        want = "'" if straight > curly else "’" if curly > straight else \
            str(ctx.style.get("apostrophe", "'"))
        for m in WRONG.finditer(ctx.doc.masked):
            yield self.finding(m.start(), m.end(),
                               f"«{m.group()}» usato come apostrofo: scrivi «{want}».", [want],
                               fix=Applicability.SAFE)
