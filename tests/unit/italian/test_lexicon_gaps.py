"""Gaps of the Morph-it!-derived lexicon that scripts/build_lexicon.py fills (issue 14): each
row is a word the npm packages miss or mis-tag and the reading the grammar rules need."""

from __future__ import annotations

import pytest

from sportlint.italian import resources

# form, part of speech, gender, number (None: not asked), lemma (None: not asked)
GAPS = [
    ("che", "PRO", None, None, "che"),            # relative pronoun, not only a conjunction
    ("che", "CON", None, None, "che"),
    ("grande", "ADJ", "f", "s", "grande"),        # listed only as a noun
    ("grandi", "ADJ", "m", "p", "grande"),
    ("bello", "ADJ", "m", "s", "bello"),          # missing
    ("belle", "ADJ", "f", "p", "bello"),
    ("bei", "ADJ", "m", "p", None),               # truncated forms before a noun
    ("begli", "ADJ", "m", "p", None),
    ("buona", "ADJ", "f", "s", "buono"),          # missing
    ("buoni", "ADJ", "m", "p", "buono"),
    ("maggior", "ADJ", "f", "s", None),
    ("mio", "DET", "m", "s", "mio"),              # possessives had no gender or number
    ("sua", "DET", "f", "s", "sua"),
    ("suoi", "DET", "m", "p", "suoi"),
    ("nostre", "DET", "f", "p", "nostre"),
    ("lui", "PRO", "m", "s", "lui"),              # personal pronouns had none either
    ("lei", "PRO", "f", "s", "lei"),
    ("essi", "PRO", "m", "p", "essi"),
    ("noi", "PRO", "", "p", "noi"),
    ("io", "PRO", "", "s", "io"),
    ("coloro", "PRO", "", "p", "coloro"),         # missing (coloro was only "colorare")
    ("costoro", "PRO", "", "p", "costoro"),
    ("colui", "PRO", "m", "s", "colui"),
    ("colei", "PRO", "f", "s", "colei"),
    ("anche", "ADV", None, None, "anche"),        # adverbs listed only as conjunctions
    ("quindi", "ADV", None, None, "quindi"),
    ("però", "ADV", None, None, "però"),
    ("ormai", "ADV", None, None, "ormai"),        # adverbs missing
    ("tuttora", "ADV", None, None, "tuttora"),
    ("davvero", "ADV", None, None, "davvero"),
    ("soprattutto", "ADV", None, None, "soprattutto"),
    ("neanche", "ADV", None, None, "neanche"),
    ("purtroppo", "ADV", None, None, "purtroppo"),
    ("finora", "ADV", None, None, "finora"),
    ("nonostante", "CON", None, None, "nonostante"),
    ("siccome", "CON", None, None, "siccome"),
    ("tranne", "PRE", None, None, "tranne"),
    ("due", "DET", "", "p", "due"),               # numerals are plural
    ("mila", "DET", "", "p", "mila"),
    ("entrambe", "DET", "f", "p", "entrambe"),
    ("far", "VER", None, None, "fare"),           # truncated infinitives
    ("poter", "VER", None, None, "potere"),
    ("voce", "NOUN", "f", "s", "voce"),           # genders the noun package has wrong
    ("informazione", "NOUN", "f", "s", "informazione"),
    ("azione", "NOUN", "f", "s", "azione"),
    ("età", "NOUN", "f", "s", "età"),
    ("fasce", "NOUN", "f", "p", "fascia"),        # -cia/-gia plurals the package has wrong
    ("spiagge", "NOUN", "f", "p", "spiaggia"),
    ("province", "NOUN", "f", "p", "provincia"),
    ("cross", "NOUN", "m", "s", "cross"),         # sports nouns
    ("turnover", "NOUN", "m", "s", "turnover"),
    ("hat-trick", "NOUN", "m", "p", "hat-trick"),
    ("playoff", "NOUN", "m", "s", "playoff"),
]


@pytest.mark.parametrize(("form", "pos", "gender", "number", "lemma"), GAPS)
def test_gap_filled(form: str, pos: str, gender: str | None, number: str | None,
                    lemma: str | None) -> None:
    lex = resources.get("lexicon")
    found = [a for a in lex.analyses(form) if a.pos == pos
             and (gender is None or a.gender == gender)
             and (number is None or a.number == number)
             and (lemma is None or a.lemma == lemma)]
    assert found, f"{form}: {lex.analyses(form)}"


def test_truncated_infinitive_is_only_the_infinitive() -> None:
    lex = resources.get("lexicon")
    assert {a.mood for a in lex.analyses("far")} == {"inf"}


def test_generation_unchanged_by_truncated_forms() -> None:
    """The truncated forms are paradigms of their own: generating from "bello" still gives
    one masculine plural, so a fix that asks for it has a single candidate."""
    lex = resources.get("lexicon")
    assert lex.forms("bello", "ADJ", number="p", gender="m") == ("belli",)
    assert lex.forms("grande", "ADJ", number="p", gender="f") == ("grandi",)
