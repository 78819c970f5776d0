"""numbers.thousands: the thousands separator of the house style (10.000 or 10 000)."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from sportlint.findings import Applicability, Edit, Finding, Severity
from sportlint.italian.lexicon import Lexicon
from sportlint.rules.base import Context, Rule
from sportlint.util import lazyregex

_SPACES = "\u00a0\u202f\u2009"
_SPACED = lazyregex.compile(rf"(?<![\d.,])\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?![\d]|[.,]\d)")
_DOTTED = lazyregex.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d]|[.,]\d)")
# Five digits or more with no separator, before what they count (30000 spettatori).
_BARE = lazyregex.compile(r"(?<![\d.,'’/\-])[1-9]\d{4,}(?![\d]|[.,/\-]\d)(?=[ \t]+(\p{Ll}+))")
_COUNTED = frozenset("euro dollari sterline franchi km metri chilometri chili tonnellate "
                     "ettari".split())
NBSP = "\u00a0"


class Thousands(Rule):
    """Thousands written against the house style: "10 000" where it writes "10.000", or the reverse.

    What it catches:
    With the house style `style.thousands: "."` (the default): groups separated by a
    non-breaking or thin space ("10 000"), and a count of five digits or more written with
    no separator before what it counts ("30000 spettatori"). With `" "`: groups separated by
    points ("10.000 spettatori").

    Stays silent on:
    Four-digit numbers (years, "1500 metri"), codes and postcodes ("00187", "20121 Milano"),
    decimals ("14,825"), dates ("3.5.2020").

    Why:
    One article, one notation: Italian separates thousands with a point or a thin space,
    never with a comma, and the house style picks one.

    Example:
        Allo stadio c'erano 30000 spettatori.
        -> Allo stadio c'erano 30.000 spettatori.

    Fix:
    Writes the house style's separator between the groups (a non-breaking space for `" "`).

    Fix safety:
    Safe, except a single point group under `" "` ("14.825" may be a decimal written with a
    point): unsafe. (No options: the separator is the house style's `style.thousands`.)
    """

    id = "numbers.thousands"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.doc.masked
        if str(ctx.style.get("thousands", ".")) == " ":
            for m in _DOTTED.finditer(text):
                right = m.group().replace(".", NBSP)
                fix = Applicability.SAFE if m.group().count(".") > 1 else Applicability.UNSAFE
                yield self._flag(m.start(), m.end(), m.group(), right, fix)
            return
        for m in _SPACED.finditer(text):
            right = regex.sub(f"[{_SPACES}]", ".", m.group())
            yield self._flag(m.start(), m.end(), m.group(), right, Applicability.SAFE)
        lex: Lexicon | None = None
        for m in _BARE.finditer(text):
            if lex is None:
                lex = ctx.resources.get("lexicon")
            noun = m[1]
            if noun not in _COUNTED and not any(a.pos == "NOUN" and a.number == "p"
                                                for a in lex.analyses(noun)):
                continue
            digits = m.group()
            right = f"{int(digits):,}".replace(",", ".")
            edits = [Edit(m.start() + i, m.start() + i, ".")
                     for i in range(len(digits) % 3 or 3, len(digits), 3)]
            yield self.finding(m.start(), m.end(), _message(digits, right), [right],
                               fix=Applicability.SAFE, edits=edits)

    def _flag(self, start: int, end: int, found: str, right: str, fix: Applicability) -> Finding:
        return self.finding(start, end, _message(found, right), [right], fix=fix)


def _message(found: str, right: str) -> str:
    return (f"Le migliaia si separano come vuole lo stile della casa: «{right}», "
            f"non «{found}».")
