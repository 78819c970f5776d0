"""A year mistyped with a digit too many or too few ("maggio 20014")."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.dates import find_dates
from sportlint.italian.words import MONTHS
from sportlint.rules.base import Context, Rule
from sportlint.util import lazyregex

# Words before a number that make it a year ("nel 2014", "stagione 2014").
_YEAR_WORDS = frozenset("""
nel del dal al anno stagione estate inverno primavera autunno entro dall nell all
""".split())
_YEARS = lazyregex.compile(r"(?<![\d.,])(1[89]\d\d|20\d\d)(?![\d.,]?\d)")
LOW, HIGH = 1850, 2100


class YearTypo(Rule):
    """A year mistyped with a digit too many or too few ("8 maggio 20014", "nel 20014").

    What it catches:
    A five-digit number where a year is expected (after a month name, or after "nel",
    "del", "dal", "stagione" ... when nothing follows it), and a three-digit year after a
    month name ("maggio 201").

    Why:
    A typo in a year is easy to miss and changes the fact.

    Example:
        Il 7 maggio 20014 ha vinto.
        -> Il 7 maggio 2014 ha vinto.

    Fix:
    Suggests the years that deleting one digit gives, the likeliest first (a doubled digit
    typed twice, then the year nearest to the other years of the article).

    Fix safety:
    Suggestion only: which digit is wrong is the editor's call (no fix when no year comes
    out of it).
    """

    id = "scores.year-typo"
    severity = Severity.ERROR

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.doc.masked
        seg = ctx.seg
        others = [int(m.group()) for m in _YEARS.finditer(text)]
        seen: set[int] = set()
        for date in find_dates(seg):
            if date.year_start >= 0 and len(date.year_text) in (3, 5) and not date.numeric:
                seen.add(date.year_start)
                yield self._finding(date.year_start, date.year_text, others)
        for tok in seg.tokens:
            if tok.start in seen or tok.kind != "number" or not regex.fullmatch(r"[12]\d{4}", tok.text):
                continue
            prev = seg.prev_token(tok)
            nxt = seg.next_token(tok)
            before = prev.text.lower().rstrip("'’") if prev is not None else ""
            if before not in _YEAR_WORDS and before not in MONTHS:
                continue
            if before not in MONTHS and nxt is not None and nxt.is_word and \
                    nxt.text.lower() not in ("e", "ed", "o"):
                continue   # "del 10000 metri", "nel 20000 a.C."
            if _candidates(tok.text, others):
                yield self._finding(tok.start, tok.text, others)

    def _finding(self, start: int, year: str, others: list[int]) -> Finding:
        fixes = _candidates(year, others)
        return self.finding(
            start, start + len(year),
            f"Anno probabilmente sbagliato: «{year}» non ha quattro cifre.",
            fixes, fix=Applicability.SUGGESTION if fixes else None)


def _candidates(year: str, others: list[int]) -> list[str]:
    """Plausible years from deleting one digit, best first."""
    if len(year) != 5:
        return []
    found: dict[str, bool] = {}
    for i in range(len(year)):
        cand = year[:i] + year[i + 1:]
        if cand[0] != "0" and LOW <= int(cand) <= HIGH:
            doubled = (i > 0 and year[i - 1] == year[i]) or (i + 1 < len(year) and year[i + 1] == year[i])
            found[cand] = found.get(cand, False) or doubled
    centre = sorted(others)[len(others) // 2] if others else 2000

    def rank(c: str) -> tuple[bool, int]:
        return (not found[c], abs(int(c) - centre))

    return sorted(found, key=rank)
