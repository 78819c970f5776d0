"""Italian article tables, the readings of a word's initial, and article agreement used by
substitution fixes."""

from __future__ import annotations

from pathlib import Path

import pytest

from sportlint.italian import determiners
from sportlint.rules.kinds.substitution import SubstitutionRule


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


@pytest.mark.parametrize(("word", "rules", "fixes"), [
    ("campo", 0, 0),
    ("stadio", 1, 1),
    ("zaino", 1, 1),
    ("gnomo", 1, 1),
    ("psicologo", 1, 1),
    ("xilofono", 1, 1),
    ("arbitro", 2, 2),
    ("ìndice", 2, 2),
    ("hotel", -1, 2),      # the rules abstain; a fix writes "l'hotel"
    ("yogurt", -1, 1),     # the rules abstain; a fix writes "lo yogurt"
    ("iato", 2, 1),        # a vowel for the rules; "lo iato" for a fix
    ("whisky", -1, 0),
    ("10", -1, 0),
])
def test_the_two_readings_of_an_initial(word: str, rules: int, fixes: int) -> None:
    assert determiners.initial_class(word) == rules
    assert determiners.sound_class(word) == fixes


@pytest.mark.parametrize(("family", "gender", "number", "word", "expected"), [
    ("il", "m", "s", "stadio", "lo"),
    ("il", "m", "p", "arbitri", "gli"),
    ("il", "f", "s", "ala", "l'"),
    ("il", "f", "p", "ali", "le"),
    ("un", "m", "s", "zaino", "uno"),
    ("un", "f", "s", "ala", "un'"),
    ("di", "m", "p", "campi", "dei"),
    ("a", "m", "s", "allenatore", "all'"),
    ("da", "f", "s", "squadra", "dalla"),
    ("in", "m", "p", "stadi", "negli"),
    ("su", "m", "s", "hotel", "sul"),  # an unclear initial counts as a plain consonant
])
def test_article_for(family: str, gender: str, number: str, word: str, expected: str) -> None:
    assert determiners.article_for(family, gender, number, word) == expected


def test_agreement_forms() -> None:
    forms = determiners.AGREEMENT_FORMS
    assert forms["gli"] == ("il", "m", "p")
    assert forms["delle"] == ("di", "f", "p")
    assert forms["una"] == ("un", "f", "s")
    assert forms["dell'"] == ("di", "m", "s")  # an elided form is read as masculine
    assert "l'" not in forms and "un'" not in forms
    assert sorted(f for f, (family, _, _) in forms.items() if family == "il") == \
        ["gli", "i", "il", "la", "le", "lo"]
    assert sorted(f for f, (family, _, _) in forms.items() if family == "un") == \
        ["un", "una", "uno"]


def test_every_form_parses_back_to_its_family() -> None:
    for family in determiners.FAMILIES:
        for cls in (0, 1, 2):
            for gender, number in (("m", "s"), ("f", "s"), ("m", "p"), ("f", "p")):
                word = determiners.article_by_class(family, gender, number, cls)
                if not word:
                    continue
                article = determiners.parse(word, gender)
                assert article is not None, word
                assert (article.family, article.plural) == (family, number == "p")


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
    from sportlint.config.loader import Config
    from sportlint.engine.linter import lint
    from sportlint.source.document import Document

    spec = {"id": "style.test", "kind": "substitution", "summary": "Test.", "fix": "unsafe",
            "entries": [{"wrong": "match", "right": "partita", "gender": "f", "wrong_gender": "m",
                         "also": [{"right": "incontro", "gender": "m"}, "confronto"]}]}
    rule = SubstitutionRule.from_spec(spec, Path("style.test.yaml"))
    text = "Il match di ieri."
    (finding,) = lint(Document("x.txt", text), Config(), [rule()])
    assert text[finding.start:finding.end] == "Il match"
    assert finding.suggestions == ("La partita", "L'incontro", "Il confronto")


def test_a_quantifier_after_its_plural_noun_is_its_adjective() -> None:
    from sportlint.italian.determiners import postposed
    from sportlint.italian.lexicon import Analysis

    noun = [Analysis("risultato", "NOUN", "m", "p")]
    assert postposed("diversi", noun)
    assert not postposed("diverse", noun)                       # another gender
    assert not postposed("alcuni", noun)                        # never an adjective
    assert not postposed("vari", [Analysis("il", "ART", "m", "p")])
    assert not postposed("tanti", [Analysis("risultato", "NOUN", "m", "s")])
