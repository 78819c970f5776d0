"""numbers.time-format: seconds of a time written with one digit (1'7" -> 1'07")."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Edit, Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.util import lazyregex

# minutes ' seconds " [hundredths]: 1'7", 1'7"45, 2h1'7'' (the seconds one digit)
_TIME = lazyregex.compile(r"(?:\d{1,2}[.:])?\d{1,2}['’](?P<sec>\d)(?:[\"”]|''|’’)\d{0,2}")


class TimeFormat(Rule):
    """The seconds of a time written with one digit: 1'7" -> 1'07".

    What it catches:
    A race time in minutes and seconds whose seconds have a single digit (chiuso in
    1'7", 3'5"45): seconds always take two digits, as on the clock.

    Stays silent on:
    Times written right (1'07", 7'37", 9"58), minute marks (al 23', 45'+2).

    Why:
    1'7" is ambiguous with 1'70" and looks like a typo to every reader of results.

    Example:
        Ha chiuso in 1'7" davanti a tutti.
        -> Ha chiuso in 1'07" davanti a tutti.

    Fix:
    Writes a 0 before the single digit of the seconds.

    Fix safety:
    Safe: the value does not change. (No options.)
    """

    id = "numbers.time-format"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        for tok in ctx.seg.tokens:
            if tok.kind != "time":
                continue
            m = _TIME.fullmatch(tok.text)
            if m is None:
                continue
            at = tok.start + m.start("sec")
            right = tok.text[:m.start("sec")] + "0" + tok.text[m.start("sec"):]
            yield self.finding(tok.start, tok.end,
                               f"I secondi si scrivono con due cifre: «{right}», non «{tok.text}».",
                               [right], fix=Applicability.SAFE, edits=[Edit(at, at, "0")])
