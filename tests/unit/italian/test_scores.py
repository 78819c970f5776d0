"""sportlint.italian.scores, the score recogniser: what is a score and what is not
(formations, seasons, dates, minute marks, ranges), aggregates, intro phrases and labels."""

from __future__ import annotations

import pytest

from sportlint.italian.scores import find_scores, score_spans
from sportlint.segment.segmenter import segment
from sportlint.source import document


def scores(text: str) -> list[str]:
    seg = segment(document.from_text(text))
    return [text[s.start:s.end] for s in find_scores(seg)]


# -- what is a score ----------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("Il Bari vince per 2-1 sul Foggia.", ["2-1"]),
    ("Il Bari vince 2 a 1 sul Foggia.", ["2 a 1"]),
    ("Il Bari vince 2–1 sul Foggia.", ["2–1"]),
    ("Vince il Bari (2-1) e perde il Foggia.", ["2-1"]),
    ("Risultato: 1-0 finale per il Lecce.", ["1-0"]),
    ("Il Lecce batte il Parma 3-0 in casa.", ["3-0"]),
    ("Il Lecce si impone con il punteggio di 3-2 sulla Roma.", ["3-2"]),
    ("Il Lecce pareggia 1-1 con la Roma.", ["1-1"]),
    ("La gara si chiude con il risultato di 0-0.", ["0-0"]),
    ("Il Bari si porta sul 2-0 e poi subisce l'1-2.", ["2-0", "1-2"]),
    ("Bologna-Livorno 1-0 e Roma - Lazio 2-2.", ["1-0", "2-2"]),
    ("I set finiscono 25-18, 25-21 e 25-23.", ["25-18", "25-21", "25-23"]),
    ("Sinner vince 6-4, 6-3.", ["6-4", "6-3"]),
    ("Il Bari rimonta da 0-2 a 3-2.", ["0-2", "3-2"]),
])
def test_scores_are_recognised(text: str, expected: list[str]) -> None:
    assert scores(text) == expected


@pytest.mark.parametrize("text", [
    "Il Bari gioca con il 4-2-3-1 e il Lecce con il 3-4-2-1.",      # formations
    "Il Bari si schiera con un 4-4-2 e vince.",
    "Nella stagione 2020-21 e nel 2006-07 il Bari è retrocesso.",   # seasons
    "Nelle stagioni 1975-1976 e 08-09 il Bari vinse.",
    "Si gioca il 25-26 maggio e il 31/12/2020.",                     # dates
    "Il Bari segna al 23' e al 45'+2 con Rossi.",                    # minute marks
    "La Ternana è prima con un distacco di +11 sul Bari.",           # standings
    "Il Bari resta fuori per 10-15 minuti, tra i 20-25 anni.",       # ranges
    "Il tecnico passa da 2 a 3 attaccanti.",
    "Ha perso 2-3 giocatori per infortunio.",
    "Si gioca alle 20-21 di sera, pagine 10-12.",
])
def test_not_scores(text: str) -> None:
    assert scores(text) == []


def test_aggregate_score_is_marked() -> None:
    seg = segment(document.from_text("Vince 2-1 e passa il turno con il 4-3 complessivo."))
    found = find_scores(seg)
    assert [(s.value, s.aggregate) for s in found] == [((2, 1), False), ((4, 3), True)]


def test_score_spans_cover_unrecognised_pairs() -> None:
    text = "Ha perso 2-3 giocatori."
    seg = segment(document.from_text(text))
    assert [text[s:e] for s, e in score_spans(seg)] == ["2-3"]


def test_intro_phrase_and_label() -> None:
    seg = segment(document.from_text("Il Bari chiude il primo tempo con il punteggio di 1-0."))
    (score,) = find_scores(seg)
    assert score.intro == ("con", "il", "punteggio", "di")
    assert score.label == "tempo"
