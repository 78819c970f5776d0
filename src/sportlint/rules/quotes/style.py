"""Quotation marks that are not the house style's (``style.quotes``)."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Edit, Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.rules.quotes._marks import preferred_pair, shape
from sportlint.rules.quotes.nesting import enclosing
from sportlint.rules.quotes.unbalanced import crossing
from sportlint.segment.quotes import Quote


class QuotesStyle(Rule):
    """Quotation marks that are not the house style's (« » or “ ” or " ", `style.quotes`).

    What it catches:
    Once the newsroom's config names its quotation marks (`style: {quotes: "“”"}`), a
    quotation in other double marks or guillemets: «Siamo pronti» where the house writes
    “Siamo pronti”, or "Siamo pronti" where it writes « ». A quotation inside another
    follows the house style's next level (« » outside, “ ” inside, ‘ ’ innermost; with “ ”
    outside, ‘ ’ inside; with straight " outside, straight ' inside), so «Il «muro»» is the
    nesting rule's and «Il ‘muro’» is fine, but “Il “muro”” is flagged under “ ”.

    Stays silent on:
    Every text while the config does not set `style.quotes` itself (the shipped default is
    no house style of the newsroom's); single quotes at the outer level (‘San Nicola’, a
    nickname, a term: many newsrooms keep them apart from speech); marks that do not pair
    (quotes.mismatched, quotes.unbalanced report them); apostrophes, minute marks (al 23'),
    elided years (anni '80) and seconds (7'37").

    Why:
    A house style is only a style if the whole paper keeps it; copy from agencies and
    freelancers arrives with every kind of mark.

    Example:
    With `style: {quotes: "«»"}`:
        Il tecnico ha detto: "Siamo pronti".
        -> Il tecnico ha detto: «Siamo pronti».

    Fix:
    Replaces both marks of the pair with the house style's pair for its nesting level.

    Fix safety:
    Safe when the pair is unambiguous: both marks found and matching, in a paragraph where
    every quotation is closed and none crosses another. Otherwise unsafe, since the
    pairing of straight marks may be a guess.

    Options:
    None; it reads `style.quotes`.
    """

    id = "quotes.style"
    severity = Severity.WARNING
    skip_quoted = False

    def check(self, ctx: Context) -> Iterator[Finding]:
        if "quotes" not in ctx.config.explicit_style:
            return
        text, quotes = ctx.text, ctx.seg.quotes
        crossed = crossing(quotes)
        parents = enclosing(quotes)
        unsure = {q.paragraph for q in quotes
                  if q.open is None or q.close is None or not q.matched or id(q) in crossed}
        for q in quotes:
            if q.open is None or q.close is None or not q.matched or shape(q.open_char) == "single":
                continue
            want = preferred_pair(ctx.style, q.depth)
            have = q.open_char + q.close_char
            if have == want or _nested_same(parents, q):
                continue
            safe = q.paragraph not in unsure and id(q) not in crossed
            edits = [Edit(q.open, q.open + 1, want[0]), Edit(q.close, q.close + 1, want[1])]
            level = "" if q.depth == 0 else " dentro altre virgolette"
            inner = text[q.open + 1:q.close]
            yield self.finding(
                q.open, q.close + 1,
                f"Virgolette {have[0]}…{have[1]}{level}: lo stile della redazione vuole "
                f"{want[0]}…{want[1]}.",
                [want[0] + inner + want[1]],
                fix=Applicability.SAFE if safe else Applicability.UNSAFE, edits=edits)


def _nested_same(parents: dict[int, Quote], q: Quote) -> bool:
    """The same marks inside each other («a «b» c»): quotes.nesting reports it."""
    outer = parents.get(id(q))
    return outer is not None and outer.open_char == q.open_char
