"""Both "..." and "…" in one article."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.util import lazyregex

ELLIPSIS = lazyregex.compile(r"(?<!\.)\.\.\.(?!\.)|…")


def ellipses(ctx: Context) -> list[tuple[int, int]]:
    return [m.span() for m in ELLIPSIS.finditer(ctx.doc.masked)]


class MixedEllipsis(Rule):
    """Both forms of the ellipsis ("..." and "…") in one article.

    What it catches:
    Three dots and the single character are both fine, but not together: an article should
    write its ellipses one way. The minority form is flagged.

    Stays silent on:
    Four or more dots, which are flagged by typography.repeated-punct.

    Why:
    Mixed forms look careless, and an article reads as one voice.

    Example:
        Poi... il gol… e la festa...
        -> Poi... il gol... e la festa...

    Fix:
    Turns the minority form into the majority one; a tie is broken by the house style
    (`style.ellipsis`), which always wins when typography.ellipsis-style is enabled (that
    rule also enforces the house style when an article is consistent).

    Fix safety:
    Safe.
    """

    id = "typography.mixed-ellipsis"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        found = ellipses(ctx)
        text = ctx.text
        dots = sum(1 for s, e in found if e - s == 3)
        single = len(found) - dots
        if not dots or not single:
            return
        house = dots == single or ctx.config.is_enabled("typography.ellipsis-style", False)
        want = str(ctx.style.get("ellipsis", "...")) if house else \
            "..." if dots > single else "…"
        for s, e in found:
            if text[s:e] != want:
                yield self.finding(s, e, f"Puntini di sospensione scritti in due modi: usa «{want}» "
                                   "come nel resto del testo.", [want], fix=Applicability.SAFE)
