"""sportlint.italian.numwords: numbers in words and the form of "one" before a noun."""

from __future__ import annotations

import pytest

from sportlint.italian.numwords import gender, number_word, one_before


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
