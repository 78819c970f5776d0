"""Ellipses not written the house style's way (off by default)."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.rules.typography.mixed_ellipsis import ellipses


class EllipsisStyle(Rule):
    """Ellipses not written the house style's way ("..." or "…").

    A house-style rule, off by default: enable it when the newsroom wants one form of the
    ellipsis everywhere (`style.ellipsis`: "..." or "…"). Mixed forms in one article are
    flagged anyway by typography.mixed-ellipsis.

    Example, with `style: {ellipsis: "…"}`: "E poi..." -> "E poi…" (safe fix).
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
