"""The scores.* family: a score restated, a score that really repeats, the format fix,
numbers in words. (The score recogniser itself: tests/unit/italian/test_scores.py.)"""

from __future__ import annotations

import pytest

from sportlint import fix_text, lint_text


def restated(text: str) -> list[str]:
    return [text[f.start:f.end] for f in lint_text(text, None, {"select": ["scores.restated"]})]


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


def test_numbers_in_words_off_by_default() -> None:
    text = "Il Foggia ha raccolto soltanto 1 punto."
    assert lint_text(text, None, {"select": ["style"]}) == []
    on = lint_text(text, None, {"select": ["style"], "style": {"numbers_in_words": 10}})
    assert [(f.rule, f.suggestions) for f in on] == [("style.numbers-in-words", ("un",))]


