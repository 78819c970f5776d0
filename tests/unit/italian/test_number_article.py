"""The article before a number in digits, as it is read: the score message said
"il 1-0 è già indicato" (Italian says l'1-0)."""

from __future__ import annotations

import pytest

from sportlint import lint_text
from sportlint.italian.numwords import with_article


@pytest.mark.parametrize(("number", "expected"), [
    ("1-0", "l'1-0"), ("8-2", "l'8-2"), ("11-0", "l'11-0"), ("80", "l'80"), ("800", "l'800"),
    ("2-1", "il 2-1"), ("18-1", "il 18-1"), ("10-0", "il 10-0"), ("1990", "il 1990"),
    ("0-0", "lo 0-0")])
def test_with_article(number: str, expected: str) -> None:
    assert with_article(number) == expected


def test_the_restated_score_message() -> None:
    config = {"select": ["scores.restated"]}
    one = lint_text("Il Bari ha vinto per 1-0 sul Lecce con il punteggio di 1-0.", None, config)
    assert [f.message for f in one] == ["Punteggio ripetuto: l'1-0 è già indicato nella stessa frase."]
    two = lint_text("Il Bari ha vinto per 2-1 sul Lecce con il punteggio di 2-1.", None, config)
    assert "il 2-1 è già indicato" in two[0].message
