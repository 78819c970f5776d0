"""The non-word and final-accent spelling rules: candidate search, form guesser, the
optional lexicon and gazetteer, fix safety."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from sportlint import fix_text, lint_text
from sportlint.findings import Applicability
from sportlint.italian import resources
from sportlint.italian.frequencies import Vocabulary
from sportlint.italian.wordforms import explain


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return resources.get("vocabulary")


def unknown(text: str, **config: Any) -> list[Any]:
    return lint_text(text, config={"select": ["spelling.unknown-word"], **config})


def test_candidates_cover_the_four_edits(vocab: Vocabulary) -> None:
    assert vocab.candidates("squadar")[0].word == "squadra"          # swap
    assert vocab.candidates("campionto")[0].word == "campionato"     # insert
    assert vocab.candidates("allenatorre")[0].word == "allenatore"   # delete
    assert "portiere" in [c.word for c in vocab.candidates("portiare")]  # substitute
    assert all(c.distance == 1 for c in vocab.candidates("squadar"))


def test_candidate_search_looks_in_few_buckets(vocab: Vocabulary) -> None:
    vocab.candidates("gol")
    buckets = vocab._buckets()
    biggest = max(len(words) for words in buckets.values())
    # a query reads at most (2d+1) lengths x 2 initials buckets, each a small share
    assert biggest < len(list(vocab.words(vocab.index_zipf))) / 20


def test_guesser_knows_regular_forms(vocab: Vocabulary) -> None:
    for word in ("aggiudicarsela", "esordiranno", "tiratissimi", "giocatasi",
                 "degenerassero", "rivenderglieli", "astista", "canoista", "neotecnico",
                 "mediogioco", "controriscatto"):
        assert explain(word, vocab.zipf), word
    for word in ("modificalo", "eseguine", "reimposta"):
        assert explain(word, vocab.zipf), word
    for typo in ("ottenero", "rendini", "centavanti", "graudatoria", "giaciono",
                 "lentemente", "gironata"):
        assert explain(typo, vocab.zipf) is None, typo


def test_inflection_is_kept_when_ranking() -> None:
    # ottenero: ottenere is more frequent, ottennero keeps the ending -ero
    findings = unknown("I due club ottenero la promozione.")
    assert findings and findings[0].suggestions[0] == "ottennero"
    assert findings[0].fix is not None
    assert findings[0].fix.applicability is Applicability.SUGGESTION   # several candidates


def test_one_clear_candidate_is_a_safe_fix() -> None:
    findings = unknown("La squadar ha vinto.")
    assert findings[0].fix is not None
    assert findings[0].fix.applicability is Applicability.SAFE
    assert fix_text("La squadar ha vinto.", config={"select": ["spelling"]}) == \
        "La squadra ha vinto."


def test_names_are_never_checked() -> None:
    assert unknown("Ha segnato Squadar, poi SQUADAR e McSquadar.") == []


def test_names_accept_list() -> None:
    assert unknown("La squadar ha vinto.", names={"accept": ["Marco squadar"]}) == []


class FakeLexicon:
    def __init__(self, words: set[str]) -> None:
        self.words = words

    def is_word(self, form: str) -> bool:
        return form in self.words

    def analyses(self, form: str) -> tuple[()]:
        return ()


class FakeGazetteer:
    def __init__(self, tokens: set[str]) -> None:
        self.tokens = tokens

    def has_token(self, word: str) -> bool:
        return word in self.tokens

    def is_known(self, name: str) -> bool:
        return name in self.tokens


@pytest.fixture
def optional_resources(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """Install stand-in `lexicon` and `gazetteer` resources for one test."""
    installed: dict[str, Any] = {}
    monkeypatch.setitem(resources.LOADERS, "lexicon", "fake:lexicon")
    monkeypatch.setitem(resources.LOADERS, "gazetteer", "fake:gazetteer")
    real_get = resources.get

    def get(name: str) -> Any:
        return installed[name] if name in installed else real_get(name)

    monkeypatch.setattr(resources, "get", get)
    yield installed


def test_lexicon_words_are_not_misspellings(optional_resources: dict[str, Any]) -> None:
    optional_resources["lexicon"] = FakeLexicon({"squadar", "squadra"})
    optional_resources["gazetteer"] = FakeGazetteer(set())
    assert unknown("La squadar ha vinto.") == []


def test_lexicon_filters_candidates(optional_resources: dict[str, Any]) -> None:
    # only lexicon words are suggested: ottennero, not ottenere's neighbours
    optional_resources["lexicon"] = FakeLexicon({"ottennero", "la"})
    optional_resources["gazetteer"] = FakeGazetteer(set())
    findings = unknown("I due club ottenero la promozione.")
    assert [f.suggestions for f in findings] == [("ottennero",)]


def test_gazetteer_tokens_are_not_misspellings(optional_resources: dict[str, Any]) -> None:
    optional_resources["lexicon"] = FakeLexicon({"squadra"})
    optional_resources["gazetteer"] = FakeGazetteer({"Squadar"})
    assert unknown("Il gol di van squadar al novantesimo.") == []


def test_without_optional_resources_the_rule_still_works(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(resources.LOADERS, "lexicon", raising=False)
    monkeypatch.delitem(resources.LOADERS, "gazetteer", raising=False)
    assert [f.suggestions[0] for f in unknown("Il centrocampsita ha segnato.")] == \
        ["centrocampista"]


def test_final_accent_fix_safety() -> None:
    config = {"select": ["spelling.final-accent"]}
    safe = lint_text("Ha avuto la possibilita di segnare.", config=config)
    assert safe[0].fix is not None and safe[0].fix.applicability is Applicability.SAFE
    assert fix_text("Percio ha vinto.", config=config) == "Perciò ha vinto."


def test_final_accent_leaves_accents_rule_forms_alone() -> None:
    # perchè belongs to spelling.accents: one finding, not two
    findings = lint_text("Perchè ha vinto?", config={"select": ["spelling"]})
    assert [f.rule for f in findings] == ["spelling.accents"]


@pytest.mark.parametrize(("text", "safe"), [
    ("Il centavanti ha segnato.", True),          # an edit inside the word
    ("Il campionatoo è finito.", False),   # at the edge: maybe a foreign word's inflection
])
def test_safe_only_for_an_edit_inside_the_word(text: str, safe: bool) -> None:
    (f,) = lint_text(text, config={"select": ["spelling.unknown-word"]})
    assert f.fix is not None
    assert (f.fix.applicability is Applicability.SAFE) == safe


def test_jargon_list_is_sorted_and_lower_case() -> None:
    from sportlint.util.datapaths import data_dir

    lines = [line for line in (data_dir() / "curated" / "spelling" / "jargon.txt").read_text(
        encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert lines == sorted(set(lines))
    assert all(line.islower() and line.isalpha() for line in lines)
