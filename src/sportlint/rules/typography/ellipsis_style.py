"""Ellipses not written the house style's way (off by default)."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.rules.typography.mixed_ellipsis import ellipses


class EllipsisStyle(Rule):
    """Ellipses not written the house style's way ("..." or "…").

    What it catches:
    A house-style rule, off by default: enable it when the newsroom wants one form of the
    ellipsis everywhere (`style.ellipsis`: "..." or "…"), even in an article that is
    consistent in the other form.

    Stays silent on:
    Nothing else: mixed forms in one article are flagged anyway by typography.mixed-ellipsis.

    Why:
    A newsroom's typography wants one ellipsis in every article.

    Example:
    With `style: {ellipsis: "…"}`:

        E poi... il gol.
        -> E poi… il gol.

    Fix:
    Writes the ellipsis in the house style's form.

    Fix safety:
    Safe.
    """

    id = "typography.ellipsis-style"
    severity = Severity.SUGGESTION
    default_enabled = False

    def check(self, ctx: Context) -> Iterator[Finding]:
        want = str(ctx.style.get("ellipsis", "..."))
        text = ctx.text
        found = ellipses(ctx)
        if len({e - s for s, e in found}) > 1:
            return  # mixed: typography.mixed-ellipsis reports them, following the house style
        for s, e in found:
            if text[s:e] != want:
                yield self.finding(s, e, f"Lo stile della redazione scrive i puntini così: «{want}».",
                                   [want], fix=Applicability.SAFE)
