"""Italian article agreement used by substitution fixes."""

from __future__ import annotations

from pathlib import Path

import pytest

from sportlint import determiners
from sportlint.kinds.substitution import SubstitutionRule


@pytest.mark.parametrize(("article", "gender", "word", "expected"), [
    ("il", "m", "allenatore", "l'"),
    ("lo", "m", "gol", "il"),
    ("l'", "m", "portiere", "il"),
    ("del", "m", "allenatore", "dell'"),
    ("dell'", "m", "studio", "dello"),
    ("dei", "m", "allenatori", "degli"),
    ("agli", "m", "portieri", "ai"),
    ("un", "m", "zaino", "uno"),
    ("uno", "m", "allenatore", "un"),
    ("la", "f", "ala", "l'"),
    ("una", "f", "ala", "un'"),
    ("nell'", "f", "squadra", "nella"),
    ("le", "f", "ali", "le"),
    ("sul", "m", "iato", "sullo"),
])
def test_article_form_before_a_word(article: str, gender: str, word: str, expected: str) -> None:
    parsed = determiners.parse(article, gender)
    assert parsed is not None
    assert determiners.form(parsed, word) == expected


def test_words_that_are_not_articles() -> None:
    assert determiners.parse("di", "m") is None
    assert determiners.parse("la", "m") is None
    assert determiners.parse("con", "f") is None


@pytest.mark.parametrize("entry", [
    {"wrong": "coach", "right": "allenatore", "gender": "x"},
    {"wrong": "coach", "right": "allenatore", "exceptions": ["(unclosed"]},
    {"wrong": "coach", "right": "allenatore", "gender": "f", "wrong_gender": "n"},
])
def test_bad_substitution_entries_are_refused(entry: dict[str, object]) -> None:
    spec = {"id": "style.test", "kind": "substitution", "summary": "Test.", "entries": [entry]}
    with pytest.raises(ValueError):
        SubstitutionRule.from_spec(spec, Path("style.test.yaml"))


def test_alternatives_share_the_span_of_the_first_suggestion() -> None:
    from sportlint.config import Config
    from sportlint.document import Document
    from sportlint.linter import lint

    spec = {"id": "style.test", "kind": "substitution", "summary": "Test.", "fix": "unsafe",
            "entries": [{"wrong": "match", "right": "partita", "gender": "f", "wrong_gender": "m",
                         "also": [{"right": "incontro", "gender": "m"}, "confronto"]}]}
    rule = SubstitutionRule.from_spec(spec, Path("style.test.yaml"))
    text = "Il match di ieri."
    (finding,) = lint(Document("x.txt", text), Config(), [rule()])
    assert text[finding.start:finding.end] == "Il match"
    assert finding.suggestions == ("La partita", "L'incontro", "Il confronto")
