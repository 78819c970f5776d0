"""A weekday that does not match its date."""

from __future__ import annotations

from collections.abc import Iterator

from ..dates import find_dates, weekday_index
from ..model import Applicability, Finding, Severity
from ..rule import Context, Rule
from ..scores import MONTHS, WEEKDAYS


class DateWeekday(Rule):
    """A weekday that does not match the date it names ("domenica 8 maggio 2017").

    Catches "weekday day month year" where the calendar says otherwise: 8 May 2017 was a
    Monday, so "domenica 8 maggio 2017" is flagged on "domenica" with the suggestion
    "lunedì" (capitalised as written). Also "martedì 27 e mercoledì 28 novembre 2012" and
    numeric dates. The weekday comes from the standard library's calendar.

    A date without its year ("sabato 3 maggio") is not checked: the year is unknown.

    Why: a wrong weekday is a factual slip readers notice; it often means the day or the
    year is wrong, so the editor checks which (the fix is a suggestion only).
    """

    id = "scores.date-weekday"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        for date in find_dates(ctx.seg):
            if not date.weekday:
                continue
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
                f"{date.year} cade di {WEEKDAYS[real]}, non di {date.weekday.lower()}.",
                [right], fix=Applicability.SUGGESTION)
