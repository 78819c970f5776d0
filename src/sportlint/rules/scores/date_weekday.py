"""A weekday that does not match its date."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.dates import article_date, find_dates, likely_year, weekday_index
from sportlint.italian.words import MONTHS, WEEKDAYS
from sportlint.rules.base import Context, Rule


class DateWeekday(Rule):
    """A weekday that does not match the date it names ("domenica 8 maggio 2017").

    What it catches:
    "weekday day month year" where the calendar says otherwise: 8 May 2017 was a Monday, so
    "domenica 8 maggio 2017" is flagged on "domenica". Also "martedì 27 e mercoledì 28
    novembre 2012" and numeric dates. The weekday comes from the standard library's
    calendar.

    A date without its year ("sabato 3 maggio") is checked only when the article carries
    its own date (a " date 2021-02" metadata header or a front-matter `date:`): the year is
    then the article's year up to the month after publication, the year before for the six
    months before it, and unknown otherwise (not checked). A finding on an inferred year is
    a suggestion, not a warning.

    Why:
    A wrong weekday is a factual slip readers notice; it often means the day or the year is
    wrong, so the editor checks which.

    Example:
        Si gioca domenica 8 maggio 2017 al San Nicola.
        -> Si gioca lunedì 8 maggio 2017 al San Nicola.

    Fix:
    Suggests the weekday the calendar gives ("lunedì", capitalised as written).

    Fix safety:
    Suggestion only: the day or the year may be the wrong part.
    """

    id = "scores.date-weekday"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        published = article_date(ctx.doc)
        for date in find_dates(ctx.seg):
            if not date.weekday:
                continue
            inferred = ""
            if date.year is None and published is not None and not date.year_text:
                year = likely_year(date.month, published)
                if year is None:
                    continue
                date = dataclasses.replace(date, year=year)
                inferred = " (anno dedotto dalla data dell'articolo)"
            real = date.real_weekday()
            if real is None or real == weekday_index(date.weekday):
                continue
            right = WEEKDAYS[real]
            if date.weekday[:1].isupper():
                right = right.capitalize()
            start = date.weekday_start
            article = "l'" if date.day in (1, 8, 11) else "il "
            yield self.finding(
                start, start + len(date.weekday),
                f"Giorno della settimana sbagliato: {article}{date.day} {MONTHS[date.month - 1]} "
                f"{date.year} cade di {WEEKDAYS[real]}, non di {date.weekday.lower()}{inferred}.",
                [right], fix=Applicability.SUGGESTION,
                severity=Severity.SUGGESTION if inferred else None)
