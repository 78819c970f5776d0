"""A date that does not exist ("31 settembre", "30 febbraio")."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Finding, Severity
from sportlint.italian.dates import days_in, find_dates
from sportlint.italian.numwords import with_article
from sportlint.italian.words import MONTHS
from sportlint.rules.base import Context, Rule


class ImpossibleDate(Rule):
    """A date that does not exist ("31 settembre", "30 febbraio", "29 febbraio 2023").

    What it catches:
    A day past the end of its month (April, June, September and November have 30 days;
    February 28, or 29 in a leap year), day 0, and numeric dates with a month past 12
    ("31/09/2017", "12/13/2020"). Month lengths come from the standard library's calendar.

    Stays silent on:
    "29 febbraio" without a year, which is accepted.

    Why:
    A slip in a date is a factual error.

    Example:
        Il 31 settembre il Bari gioca a Lecce.
        -> Il 30 settembre il Bari gioca a Lecce.

    Fix:
    None: the right date cannot be guessed (the corrected form above is one guess), so
    there is no suggestion; the finding is on the date ("31 settembre").

    Fix safety:
    No fix.
    """

    id = "scores.impossible-date"
    severity = Severity.ERROR

    def check(self, ctx: Context) -> Iterator[Finding]:
        for date in find_dates(ctx.seg):
            if date.possible:
                continue
            if not 1 <= date.month <= 12:
                message = f"Data impossibile: il mese {date.month} non esiste."
            elif date.day == 0:
                message = "Data impossibile: il giorno 0 non esiste."
            else:
                name = MONTHS[date.month - 1]
                days = days_in(date.month, date.year)
                most = "al massimo " if date.month == 2 and date.year is None else ""
                message = f"Data impossibile: {name} ha {most}{days} giorni."
                if date.month == 2 and date.day == 29 and date.year is not None:
                    message = f"Data impossibile: {with_article(str(date.year))} non è bisestile."
            start = date.start if date.weekday_start < 0 else date.weekday_start + len(date.weekday)
            while ctx.text[start] in " ,\t\n":
                start += 1
            yield self.finding(start, date.end, message)
