"""Straight and typographic apostrophes mixed in one article."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from sportlint.findings import Applicability, Finding, Severity
from sportlint.rules.base import Context, Option, Rule
from sportlint.rules.quotes._marks import APOSTROPHE_ROLES


def apostrophes(ctx: Context) -> list[int]:
    """Offsets of the marks used as apostrophes (elisions, names, po', '80) in prose."""
    masked = ctx.doc.masked
    return sorted(off for off, role in ctx.seg.marks.items()
                  if role in APOSTROPHE_ROLES and masked[off] in "'’")


class MixedApostrophes(Rule):
    """Straight (') and typographic (’) apostrophes mixed in one article.

    What it catches:
    An article should use one apostrophe throughout: "dell'ex ... l'esonero" or "dell’ex ...
    l’esonero". A lone ’ among straight ones (often pasted from another document) is
    flagged, and so is a lone ' among typographic ones. Only apostrophes count: elisions
    (l'esonero), names (D'Ambrosio), truncations (po') and elided years ('80).

    Stays silent on:
    Minute marks (al 23'), seconds (7'37") and quotation marks.

    Why:
    Two apostrophes in one article show in print and break searches.

    Example:
        Il ritorno dell’ex difensore dopo l'esonero e l'addio.
        -> Il ritorno dell'ex difensore dopo l'esonero e l'addio.

    Fix:
    Turns each minority apostrophe into the majority one. With option `follow: style`, or
    when typography.apostrophe-style is enabled, the house style (`style.apostrophe`) wins
    instead of the majority; a tie is always broken by it.

    Fix safety:
    Safe.

    Options:
    `follow`: `majority` (default) or `style` (the house style wins).
    """

    id = "typography.mixed-apostrophes"
    severity = Severity.WARNING
    options: ClassVar[dict[str, Option]] = {
        "follow": Option("majority", "str", "which apostrophe wins: the article's majority, or "
                                            "the house style (style.apostrophe)",
                          choices=("majority", "style"))}

    def check(self, ctx: Context) -> Iterator[Finding]:
        marks = apostrophes(ctx)
        text = ctx.text
        straight = sum(1 for off in marks if text[off] == "'")
        curly = len(marks) - straight
        if not straight or not curly:
            return
        house = str(ctx.style.get("apostrophe", "'"))
        # with the house-style rule enabled, the house style wins (and that rule stays quiet)
        if self.opts["follow"] == "style" or straight == curly or \
                ctx.config.is_enabled("typography.apostrophe-style", False):
            want = house
        else:
            want = "'" if straight > curly else "’"
        name = "dritto (')" if want == "'" else "tipografico (’)"
        for off in marks:
            if text[off] != want:
                yield self.finding(off, off + 1,
                                   f"Apostrofi misti nello stesso articolo: qui usa "
                                   f"l'apostrofo {name} come nel resto del testo.",
                                   [want], fix=Applicability.SAFE)
