"""The segmenter's apostrophe roles and quote spans (the typography rules build on them)."""

from __future__ import annotations

import pytest

from sportlint.segment.segmenter import Segmentation, segment
from sportlint.segment.tokens import ELISION, MINUTE, NAME, QUOTE, TIME, TRUNCATION, YEAR
from sportlint.source import document


def seg_of(text: str) -> Segmentation:
    return segment(document.from_text(text))


def roles(text: str) -> list[tuple[str, str]]:
    """(the word around each mark, its role), in text order."""
    seg = seg_of(text)
    out = []
    for offset in sorted(seg.marks):
        tok = seg.token_at(offset)
        out.append((tok.text if tok else text[offset], seg.marks[offset]))
    return out


@pytest.mark.parametrize(("text", "expected"), [
    ("Dopo l'esonero il Bari cambia.", [("l'", ELISION)]),
    ("Il ritorno dell'ex difensore.", [("dell'", ELISION)]),
    ("La vittoria dell’AEK Atene.", [("dell’", ELISION)]),
    ("Segna D'Ambrosio di testa.", [("D'Ambrosio", NAME)]),
    ("In difesa gioca N'Dicka.", [("N'Dicka", NAME)]),
    ("Lo Spartak vince la Prem'er-Liga.", [("Prem'er-Liga", NAME)]),
    ("Serve un po' di calma.", [("po'", TRUNCATION)]),
    ("Il gol arriva al 23' del primo tempo.", [("23'", MINUTE)]),
    ("Pareggio al 45'+2 su rigore.", [("45'+2", MINUTE)]),
    ("Una squadra degli anni '80 in campo.", [("'80", YEAR)]),
    ("Chiude in 7'37\" la gara.", [("7'37\"", TIME), ("7'37\"", TIME)]),
    ("Corre i 200 in 19\"72 netti.", [("19\"72", TIME)]),
    ("Il tempo finale è 5.55'58\" dopo la salita.", [("5.55'58\"", TIME), ("5.55'58\"", TIME)]),
])
def test_apostrophes_that_are_not_quotes(text: str, expected: list[tuple[str, str]]) -> None:
    assert roles(text) == expected
    assert seg_of(text).quotes == []


@pytest.mark.parametrize("text", [
    "La stagione inizia l'11 agosto a Roma.",
    "Segna sull'1-0 e poi dell'80' non parla.",
])
def test_elision_before_a_number(text: str) -> None:
    seg = seg_of(text)
    assert seg.quotes == []
    first = min(seg.marks)
    assert seg.marks[first] == ELISION
    tok = seg.token_at(first)
    assert tok is not None and tok.elided


def test_straight_single_quotes_pair() -> None:
    seg = seg_of("Lo chiamano 'il muro' in città.")
    assert [(q.open_char, q.close_char, q.matched) for q in seg.quotes] == [("'", "'", True)]
    assert list(seg.marks.values()) == [QUOTE, QUOTE]


def test_mismatched_pair_is_one_span() -> None:
    seg = seg_of("Vince in casa al ‘Tardini' di Parma.")
    (q,) = seg.quotes
    assert (q.open_char, q.close_char, q.matched) == ("‘", "'", False)


def test_nested_quotes() -> None:
    text = "«Il “muro” giallorosso», ha scritto, «ha retto fino al recupero»."
    seg = seg_of(text)
    spans = [(text[q.open], text[q.close], q.depth, q.matched) for q in seg.quotes
             if q.open is not None and q.close is not None]
    assert spans == [("«", "»", 0, True), ("“", "”", 1, True), ("«", "»", 0, True)]
    muro = next(t for t in seg.tokens if t.text == "muro")
    assert seg.in_quote(muro.start, muro.end)
    scritto = next(t for t in seg.tokens if t.text == "scritto")
    assert not seg.in_quote(scritto.start, scritto.end)


@pytest.mark.parametrize("text", ["Dopo l' esonero il Bari cambia.", "Il ritorno dell’ Inter."])
def test_elision_typed_with_a_space(text: str) -> None:
    seg = seg_of(text)
    assert seg.quotes == []
    assert list(seg.marks.values()) == [ELISION]


def test_closing_quote_after_a_word_is_still_a_quote() -> None:
    seg = seg_of("Lo chiamano 'il muro' e basta.")
    assert [q.matched for q in seg.quotes] == [True]


def test_quote_closing_after_a_capital_letter_is_a_quote() -> None:
    seg = seg_of("Serve la 'vitamina C' e poi il resto.")
    assert [q.matched for q in seg.quotes] == [True]
