"""The score recogniser and the scores.* family: what is a score, what is not, and a score
that really repeats."""

from __future__ import annotations

import pytest

from sportlint import fix_text, lint_text
from sportlint.italian.dates import find_dates
from sportlint.italian.numwords import gender, number_word, one_before
from sportlint.italian.scores import find_scores, score_spans
from sportlint.segment.segmenter import segment
from sportlint.source import document


def scores(text: str) -> list[str]:
    seg = segment(document.from_text(text))
    return [text[s.start:s.end] for s in find_scores(seg)]


def restated(text: str) -> list[str]:
    return [text[f.start:f.end] for f in lint_text(text, None, {"select": ["scores.restated"]})]


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


# -- a score restated, a score that really repeats ----------------------------------------
def test_restated_score_is_flagged_on_the_redundant_phrase() -> None:
    text = "Il Bari ha vinto per 2-1 contro il Foggia con il punteggio di 2-1."
    assert restated(text) == [" con il punteggio di 2-1"]
    fixed = fix_text(text, None, {"select": ["scores.restated"]}, unsafe=True)
    assert fixed == "Il Bari ha vinto per 2-1 contro il Foggia."
    # the fix is not applied without --unsafe-fixes (an editor may drop the first mention)
    assert fix_text(text, None, {"select": ["scores.restated"]}) == text


@pytest.mark.parametrize("text", [
    # two legs that both ended 2-2
    "All'andata finì 2-2 e al ritorno ancora 2-2.",
    "Finisce 2-2 all'andata, con il punteggio di 2-2 al ritorno.",
    "Entrambe le gare sono finite 2-2, con il punteggio di 2-2 anche a Lecce.",
    # two matches in one sentence
    "Il Milan ha battuto 2-0 il Lecce e l'Inter 2-0 il Torino.",
    "Il Milan ha battuto il Lecce per 2-0, l'Inter il Torino per 2-0.",
    "Il Milan vince per 2-0 a Lecce mentre l'Inter passa a Torino per 2-0.",
    "Il Bari vince 1-0 col Foggia che aveva battuto per 1-0 il Taranto.",
    # half time and full time, both named
    "Chiuso il primo tempo sul 2-1, la gara termina con il risultato di 2-1.",
    "Al riposo il Bari conduce per 1-0 e vince per 1-0 alla fine.",
    # sets, the same score on purpose, aggregate
    "Sinner si impone 6-4, 6-4.",
    "Vince 2-1 come all'andata, con lo stesso punteggio di 2-1.",
    "Vince 2-1 e passa il turno con il 2-1 complessivo.",
    # two sentences
    "Il Bari vince per 2-1. Con il punteggio di 2-1 sale al terzo posto.",
])
def test_scores_that_really_repeat(text: str) -> None:
    assert restated(text) == []


@pytest.mark.parametrize(("text", "fixed"), [
    ("La Roma si impone per 2-0 sul Genoa, con il risultato di 2-0, e resta prima.",
     "La Roma si impone per 2-0 sul Genoa, e resta prima."),
    ("L'Empoli vince 4-2 a Verona (4-2).", "L'Empoli vince 4-2 a Verona."),
    ("Il Cagliari batte 2 a 1 il Parma per 2 a 1.", "Il Cagliari batte 2 a 1 il Parma."),
])
def test_restated_fixes_read_well(text: str, fixed: str) -> None:
    config = {"select": ["scores.restated"]}
    assert fix_text(text, None, config, unsafe=True) == fixed
    assert fix_text(fixed, None, config, unsafe=True) == fixed


def test_format_fix_is_idempotent() -> None:
    text = "Il Bari vince 2 a 1 sul Foggia, il Lecce 3-0 sul Parma e il Genoa 1–0 sul Como."
    config = {"select": ["scores.format"]}
    once = fix_text(text, None, config)
    assert once == "Il Bari vince 2-1 sul Foggia, il Lecce 3-0 sul Parma e il Genoa 1-0 sul Como."
    assert fix_text(once, None, config) == once


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


# -- number words -------------------------------------------------------------------------
@pytest.mark.parametrize(("n", "word"), [(1, "uno"), (8, "otto"), (10, "dieci"),
                                         (17, "diciassette"), (21, "ventuno"),
                                         (38, "trentotto"), (40, "quaranta"), (100, "cento")])
def test_number_words(n: int, word: str) -> None:
    assert number_word(n) == word


@pytest.mark.parametrize(("noun", "forms"), [
    ("punto", ["un"]), ("stadio", ["uno"]), ("zaino", ["uno"]), ("rete", ["una"]),
    ("occasione", ["un'"]), ("gol", ["un"]), ("atleta", ["un", "un'"]),
    ("partita", ["una"]), ("problema", ["un"]),
])
def test_one_before_a_noun(noun: str, forms: list[str]) -> None:
    assert one_before(noun, gender(noun)) == forms


def test_numbers_in_words_off_by_default() -> None:
    text = "Il Foggia ha raccolto soltanto 1 punto."
    assert lint_text(text, None, {"select": ["style"]}) == []
    on = lint_text(text, None, {"select": ["style"], "style": {"numbers_in_words": 10}})
    assert [(f.rule, f.suggestions) for f in on] == [("style.numbers-in-words", ("un",))]


def test_year_of_a_date_without_one() -> None:
    from sportlint.italian.dates import article_date, likely_year
    assert article_date(document.from_text(" date 2021-02 Testo.")) == (2021, 2)
    assert article_date(document.from_text("---\ntitle: x\ndate: '2020-11-03'\n---\nTesto.")) == (2020, 11)
    assert article_date(document.from_text("Testo del 2021-02.")) is None
    assert likely_year(1, (2021, 2)) == 2021
    assert likely_year(3, (2021, 2)) == 2021      # next month: a preview
    assert likely_year(9, (2021, 2)) == 2020      # the autumn before
    assert likely_year(5, (2021, 2)) is None      # too far either way
