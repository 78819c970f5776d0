"""Apostrophes that are not the house style's (off by default)."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.rules.typography.mixed_apostrophes import apostrophes


class ApostropheStyle(Rule):
    """Apostrophes that are not the house style's (' or ’), even when used consistently.

    What it catches:
    A house-style rule, off by default: enable it when the newsroom wants one apostrophe
    everywhere (`style.apostrophe`: "'" or "’"). Only apostrophes count (l'esonero,
    D'Ambrosio, po', anni '80).

    Stays silent on:
    Minute marks, seconds and quotation marks. Mixing both apostrophes in one article is
    flagged anyway by typography.mixed-apostrophes.

    Why:
    A newsroom with a typographic house style wants one apostrophe in every article.

    Example:
    With `style: {apostrophe: "’"}`:

        Dopo l'esonero il club cambia.
        -> Dopo l’esonero il club cambia.

    Fix:
    Replaces the apostrophe with the house style's.

    Fix safety:
    Safe.
    """

    id = "typography.apostrophe-style"
    severity = Severity.SUGGESTION
    default_enabled = False

    def check(self, ctx: Context) -> Iterator[Finding]:
        want = str(ctx.style.get("apostrophe", "'"))
        text = ctx.text
        name = "dritto (')" if want == "'" else "tipografico (’)"
        marks = apostrophes(ctx)
        if len({text[off] for off in marks}) > 1:
            return  # mixed: typography.mixed-apostrophes reports them, following the house style
        for off in marks:
            if text[off] != want:
                yield self.finding(off, off + 1, f"Lo stile della redazione vuole l'apostrofo {name}.",
                                   [want], fix=Applicability.SAFE)
