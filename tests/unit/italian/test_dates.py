"""sportlint.italian.dates: dates found once per document, and its shortcut finds what the
full search finds."""

from __future__ import annotations

import random

import pytest

from sportlint.italian.dates import find_dates
from sportlint.segment.segmenter import segment
from sportlint.source import document


@pytest.mark.parametrize("text, expected", [
    ("Si gioca il 1° maggio.", [(1, 5, None)]),
    ("Era il primo Maggio 2019.", [(1, 5, 2019)]),
    ("LUNEDÌ 3 MAGGIO 2021 si riparte.", [(3, 5, 2021)]),
    ("Il 31/09/2017 e il 3.4.2018 no.", [(31, 9, 2017), (3, 4, 2018)]),
    ("Martedì 27 e mercoledì 28 novembre 2012.", [(27, 11, 2012), (28, 11, 2012)]),
    ("Nessuna data: 3 gol e 2 assist, sabato.", []),
])
def test_dates_found_once_per_document(text: str, expected: list[tuple[int, int, int | None]]) -> None:
    seg = segment(document.from_text(text))
    found = find_dates(seg)
    assert [(d.day, d.month, d.year) for d in found] == expected
    assert find_dates(seg) is found


def test_date_shortcut_finds_what_the_full_search_finds() -> None:
    from sportlint.italian import dates

    rng = random.Random(11)
    pieces = ["Domenica", "LUNEDÌ", "martedi", "sabato,", "il", "l'", "1°", "primo", "Primo",
              "3", "31", "123", "maggio", "Settembre", "del", "dell’", "2017", "20014", "e",
              ",", "-", "x", "a3", "«", "\n\n", "8"]
    found = 0
    for _ in range(1000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        if rng.random() < 0.3:
            text = text.replace(" ", "")
        seg = segment(document.from_text(text))
        full = [m.span() for m in dates._DATE.finditer(seg.doc.masked)]
        assert [m.span() for m in dates._date_matches(seg, seg.doc.masked)] == full
        found += len(full)
    assert found > 20


# -- dates ---------------------------------------------------------------------------------
def test_dates_use_the_calendar() -> None:
    seg = segment(document.from_text("Sabato 29 febbraio 2020 e martedì 27 e mercoledì 28 "
                                      "novembre 2012, poi l'8/5/2017."))
    found = find_dates(seg)
    assert [(d.day, d.month, d.year, d.weekday) for d in found] == [
        (29, 2, 2020, "Sabato"), (27, 11, 2012, "martedì"), (28, 11, 2012, "mercoledì"),
        (8, 5, 2017, "")]
    assert all(d.possible for d in found)
    assert found[0].real_weekday() == 5


def test_year_of_a_date_without_one() -> None:
    from sportlint.italian.dates import article_date, likely_year
    assert article_date(document.from_text(" date 2021-02 Testo.")) == (2021, 2)
    assert article_date(document.from_text("---\ntitle: x\ndate: '2020-11-03'\n---\nTesto.")) == (2020, 11)
    assert article_date(document.from_text("Testo del 2021-02.")) is None
    assert likely_year(1, (2021, 2)) == 2021
    assert likely_year(3, (2021, 2)) == 2021      # next month: a preview
    assert likely_year(9, (2021, 2)) == 2020      # the autumn before
    assert likely_year(5, (2021, 2)) is None      # too far either way
