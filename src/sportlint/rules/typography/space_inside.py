"""Spaces just inside parentheses or quotation marks."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.util import lazyregex

# Not empty brackets: a Markdown task box "[ ]" holds one space on purpose.
_PAREN = lazyregex.compile(r"(?<=[(\[])[ \t\u00a0]+(?=[^\s\x00)\]])|(?<=[^\s\x00(\[])[ \t\u00a0]+(?=[)\]])")
_SPACES = " \t\u00a0"


class SpaceInside(Rule):
    """Spaces just inside parentheses or quotation marks: "( 2-1 )", "« Siamo pronti »".

    What it catches:
    A space right after an opening or right before a closing parenthesis, bracket or
    quotation mark. The check uses the segmenter's quote pairs.

    Stays silent on:
    An apostrophe next to a space (anni '80, l' esonero), which is never taken for a
    quotation mark.

    Why:
    Parentheses, brackets and quotation marks hug the words they enclose.

    Example:
        Ha detto « Siamo pronti » ( in conferenza ).
        -> Ha detto «Siamo pronti» (in conferenza).

    Fix:
    Removes the spaces.

    Fix safety:
    Safe.
    """

    id = "typography.space-inside"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        masked = ctx.doc.masked
        for m in _PAREN.finditer(masked):
            yield self._finding(m.start(), m.end(), "parentesi")
        for q in ctx.seg.quotes:
            if q.open is None or q.close is None or not q.matched:
                continue
            end = q.open + 1
            while end < q.close and masked[end] in _SPACES:
                end += 1
            if end > q.open + 1 and end < q.close:
                yield self._finding(q.open + 1, end, "virgolette")
            start = q.close
            while start > end and masked[start - 1] in _SPACES:
                start -= 1
            if start < q.close and start > end:
                yield self._finding(start, q.close, "virgolette")

    def _finding(self, start: int, end: int, what: str) -> Finding:
        return self.finding(start, end, f"Spazio all'interno delle {what}: va tolto.", [""],
                            fix=Applicability.SAFE)
