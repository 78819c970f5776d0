"""Recognise calendar dates in Italian copy (a helper for the date rules, not a rule).

Finds ``[weekday] day month [year]`` ("domenica 8 maggio 2017", "sabato, 1° settembre",
"il primo maggio"), a weekday and day whose month follows ("martedì 27 e mercoledì 28
novembre 2012"), and numeric dates ("31/09/2017", "31.09.2017"). Weekdays and month
lengths come from the standard library (``datetime``, ``calendar``), not from tables.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from sportlint.italian.words import MONTHS, WEEKDAYS
from sportlint.segment.segmenter import Segmentation
from sportlint.source.document import Document
from sportlint.util import lazyregex
from sportlint.util.anchored import matches_at, offsets

_WEEKDAY_NAMES = ("lunedì", "lunedi", "lunedí", "martedì", "martedi", "martedí", "mercoledì",
                  "mercoledi", "mercoledí", "giovedì", "giovedi", "giovedí", "venerdì", "venerdi",
                  "venerdí", "sabato", "domenica")
_WEEKDAY = "(?:" + "|".join(_WEEKDAY_NAMES) + ")"
_MONTH = "(?:" + "|".join(MONTHS) + ")"
_DATE = lazyregex.compile(
    rf"""(?<![\p{{L}}\d])
    (?:(?P<wd>{_WEEKDAY})(?:\s*,\s*|\s+(?:(?:il|l['’])\s*)?))?
    (?P<day>\d{{1,2}}(?:°|º)?|primo)\s+(?P<month>{_MONTH})
    (?:\s+(?:del\s+|dell['’]\s*)?(?P<year>\d{{2,5}}))?(?![\p{{L}}\d])""",
    regex.IGNORECASE | regex.VERBOSE)
# "martedì 27 e mercoledì 28 novembre": a weekday and a day whose month comes later.
_OPEN_DAY = lazyregex.compile(
    rf"(?<![\p{{L}}\d])(?P<wd>{_WEEKDAY})\s+(?P<day>\d{{1,2}})(?=\s*(?:e|ed|,|-|–)\s+)",
    regex.IGNORECASE)
_NUMERIC = lazyregex.compile(rf"(?:(?P<wd>{_WEEKDAY})(?:\s*,)?\s+)?"
                             r"(?<![\d.,/\-])(?P<day>\d{1,2})(?P<sep>[/.\-])(?P<month>\d{1,2})"
                             r"(?P=sep)(?P<year>\d{4})(?![\d.,/\-]?\d)", regex.IGNORECASE)


@dataclass(frozen=True)
class Date:
    start: int
    end: int
    day: int
    month: int                  # 1..12
    year: int | None            # a four-digit year, None when absent or malformed
    year_text: str              # the year as written ("" when absent)
    year_start: int             # offset of the year (-1 when absent)
    weekday: str                # as written ("" when absent)
    weekday_start: int          # offset of the weekday (-1 when absent)
    numeric: bool = False       # 31/09/2017

    @property
    def possible(self) -> bool:
        return 1 <= self.day <= days_in(self.month, self.year)

    def real_weekday(self) -> int | None:
        """0 = Monday ... 6 = Sunday, or None when the date is incomplete or impossible."""
        if self.year is None or not self.possible or not 1 <= self.year <= 9999:
            return None
        return datetime.date(self.year, self.month, self.day).weekday()


def days_in(month: int, year: int | None) -> int:
    """Days in a month; February has 29 when the year is unknown."""
    import calendar

    if not 1 <= month <= 12:
        return 0
    if year is None or not 1 <= year <= 9999:
        return 29 if month == 2 else calendar.monthrange(2001, month)[1]
    return calendar.monthrange(year, month)[1]


def weekday_index(word: str) -> int:
    """0 = lunedì ... 6 = domenica, accepting lunedi/lunedí."""
    w = word.casefold()     # as the case-insensitive regex matched it: "ſabato" is sabato
    if w.endswith(("i", "í")):
        w = w[:-1] + "ì"
    return WEEKDAYS.index(w)


# The article's own date: a metadata header (" date 2021-02") or a front-matter line
# ("date: 2021-02-14").
_HEADER_DATE = lazyregex.compile(r"\A\ufeff?[ \t]*(?:date|data)[ \t]+(\d{4})-(\d{2})", regex.IGNORECASE)
_FRONT_DATE = lazyregex.compile(r"\A\ufeff?---[ \t]*\r?\n(?:.*\r?\n)*?[ \t]*(?:date|data)[ \t]*:[ \t]*[\"']?"
                                r"(\d{4})-(\d{2})", regex.IGNORECASE)


def article_date(doc: Document) -> tuple[int, int] | None:
    """(year, month) of the article from its metadata header or front matter, if any."""
    m = _HEADER_DATE.match(doc.text) or _FRONT_DATE.match(doc.text[:2000])
    if m is None or not 1 <= int(m[2]) <= 12:
        return None
    return int(m[1]), int(m[2])


def likely_year(month: int, published: tuple[int, int]) -> int | None:
    """The year of a date written without one, in an article published in ``published``:
    this year up to next month, last year for the six months before; else unknown."""
    year, current = published
    if month <= current + 1:
        return year
    if current - month + 12 <= 6:
        return year - 1
    return None


def _day(text: str) -> int:
    return 1 if text.lower() == "primo" else int(text.rstrip("°º"))


def _year(text: str | None) -> int | None:
    return int(text) if text and len(text) == 4 else None


# Shapes that every match of a pattern contains, found much faster than the pattern (which
# tries its weekday names at every letter): a text without them is not searched with it.
# A numeric date has digits, a separator, digits, the same separator and a year; a date a
# day and a month; an open day a weekday before its day and "e", "," or a dash after it.
_NUMERIC_HINT = lazyregex.compile(r"\d[/.\-]\d{1,2}[/.\-]\d{4}")
_DATE_HINT = lazyregex.compile(rf"(?:\d[°º]?|primo)\s+{_MONTH}", regex.IGNORECASE)
_OPEN_DAY_HINTS = (lazyregex.compile(r"\d\s*(?:e|ed|,|-|–)\s", regex.IGNORECASE),
                   lazyregex.compile(r"(?:d[iìí]|sabato|domenica)\s+\d", regex.IGNORECASE))


def find_dates(seg: Segmentation) -> list[Date]:
    """The dates of the document, in text order (computed once per segmentation; the list
    is shared: callers must not change it)."""
    cached = seg.memo.get("dates")
    if cached is None:
        cached = seg.memo["dates"] = _find_dates(seg)
    return cached  # type: ignore[return-value]


_DIGITS = lazyregex.compile(r"\d+")


def _date_matches(seg: Segmentation, text: str) -> Iterator[Any]:
    """``_DATE.finditer(text)``, trying the pattern only where a date can start: a run of
    digits, a weekday or "primo" (found in the lower-cased text when that is faithful,
    see `Segmentation.caseless_lower`); tried in order, each after the last match."""
    lowered = seg.caseless_lower()
    if lowered is None:
        yield from _DATE.finditer(text)
        return
    starts = {m.start() for m in _DIGITS.finditer(text)}
    starts |= offsets(lowered, (*_WEEKDAY_NAMES, "primo"))
    yield from matches_at(_DATE, text, starts)


def _find_dates(seg: Segmentation) -> list[Date]:
    text = seg.doc.masked
    dates: list[Date] = []
    for m in _date_matches(seg, text) if _DATE_HINT.search(text) else ():
        dates.append(Date(
            m.start(), m.end(), _day(m["day"]), MONTHS.index(m["month"].casefold()) + 1,
            _year(m["year"]), m["year"] or "", m.start("year") if m["year"] else -1,
            m["wd"] or "", m.start("wd") if m["wd"] else -1))
    open_day = all(hint.search(text) for hint in _OPEN_DAY_HINTS)
    for m in _OPEN_DAY.finditer(text) if open_day else ():
        later = next((d for d in dates if m.end() < d.start <= m.end() + 40), None)
        if later is None or later.day <= int(m["day"]) or \
                not regex.fullmatch(r"\s*(?:e|ed|,|-|–)\s+", text[m.end():later.start], regex.IGNORECASE):
            continue
        dates.append(Date(m.start(), m.end(), int(m["day"]), later.month, later.year,
                          "", -1, m["wd"], m.start("wd")))
    for m in _NUMERIC.finditer(text) if _NUMERIC_HINT.search(text) else ():
        dates.append(Date(m.start(), m.end(), int(m["day"]), int(m["month"]), int(m["year"]),
                          m["year"], m.start("year"), m["wd"] or "",
                          m.start("wd") if m["wd"] else -1, numeric=True))
    dates.sort(key=lambda d: d.start)
    return dates
