"""sportlint's part-of-speech tagger: the shipped model, its file format and its training."""

from __future__ import annotations

import gzip

import pytest

from sportlint.italian import resources, tagger


@pytest.fixture(scope="module")
def shipped() -> tagger.Tagger:
    return resources.get("tagger")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("La squadra è partita forte .", "DET NOUN AUX VERB ADJ PUNCT"),
    ("I tifosi hanno cantato per novanta minuti .", "DET NOUN AUX VERB ADP NUM NOUN PUNCT"),
    ("Il gol della vittoria è arrivato nel finale .", "DET NOUN ADP+DET NOUN AUX VERB ADP+DET NOUN PUNCT"),
])
def test_shipped_model_tags(shipped: tagger.Tagger, sentence: str, expected: str) -> None:
    tags = shipped.tag(sentence.split())
    assert [t.pos for t in tags] == expected.split()
    assert all(0 < t.confidence <= 1 for t in tags)


def test_clitic_and_article_told_apart(shipped: tagger.Tagger) -> None:
    """"la" before a verb is a clitic, before a noun an article: what the rules need."""
    assert shipped.tag("Non la vedo .".split())[1].pos == "PRON"
    assert shipped.tag("Vedo la partita .".split())[1].pos == "DET"


def test_empty_sentence(shipped: tagger.Tagger) -> None:
    assert shipped.tag([]) == []


def test_train_dumps_parse_round_trip() -> None:
    lexicon = resources.get("lexicon")
    sentences = [("la squadra vince".split(), "DET NOUN VERB".split()),
                 ("il tifoso canta".split(), "DET NOUN VERB".split())] * 5
    model = tagger.train(sentences, lexicon, iterations=3, buckets=1 << 10)
    data = tagger.dumps(model, {"note": "test"})
    again = tagger.parse(gzip.decompress(data), lexicon)
    assert again.tags == model.tags
    words = "la squadra canta".split()
    assert [t.pos for t in again.tag(words)] == [t.pos for t in model.tag(words)]
    assert tagger.dumps(again, {"note": "test"}) == data     # reproducible


def test_damaged_model_is_refused() -> None:
    lexicon = resources.get("lexicon")
    model = tagger.train([("la squadra".split(), "DET NOUN".split())], lexicon, iterations=1,
                         buckets=1 << 10)
    raw = gzip.decompress(tagger.dumps(model, {}))
    with pytest.raises(ValueError, match="damaged"):
        tagger.parse(raw[:-2], lexicon)


def test_features_do_not_depend_on_case_or_apostrophe() -> None:
    assert tagger.normalise("L’Inter") == "l'inter"
    assert tagger.normalise("2-1") == "9-9"


def test_loaded_only_when_a_rule_needs_it() -> None:
    """A text where no grammar rule finds a candidate never loads the model."""
    import subprocess
    import sys

    code = ("from sportlint import lint_text; from sportlint.italian import resources;"
            "lint_text('Il Bari ha vinto 2-1 al San Nicola.');"
            "print('tagger' in resources.load_times)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"


def test_grouped_scores_are_the_features_scores(shipped: tagger.Tagger) -> None:
    """`Tagger.tag` sums the features that do not depend on the tags once per word; its
    scores must be those of `features`, the list training reads."""
    words = "Ieri l'Inter ha battuto 2-1 la Roma di Mourinho a San Siro .".split()
    scored: list[tuple[int, list[int]]] = []
    tags = shipped._tag(words, scored)
    norms = [*tagger.START, *map(tagger.normalise, words), *tagger.END]
    ambs = [*tagger.START, *(tagger.ambiguity(shipped.lexicon, w) for w in words),
            *tagger.END]
    prev, prev2 = tagger.START
    by_word = dict(scored)
    for i, tag in enumerate(tags):
        if i in by_word:
            rows = [shipped._row(f) for f in tagger.features(words, norms, ambs, i, prev, prev2)]
            assert by_word[i] == [sum(col) for col in zip(*rows, strict=True)]
        prev2, prev = prev, tag.pos


def test_noisy_copies_keep_the_tags() -> None:
    lexicon = resources.get("lexicon")
    assert "gli" in tagger.variants(lexicon, "il", "DET")
    assert "della" in tagger.variants(lexicon, "dei", "ADP+DET")
    assert "squadre" in tagger.variants(lexicon, "squadra", "NOUN")
    assert "hanno" in tagger.variants(lexicon, "ha", "AUX")
    assert tagger.variants(lexicon, "per", "ADP") == []
    sentences = [("La squadra ha vinto la partita".split(), "DET NOUN AUX VERB DET NOUN".split())]
    copies = tagger.noisy(sentences * 20, lexicon, rate=0.5)
    assert copies and all(ts == sentences[0][1] for _, ts in copies)
    assert all(ws != sentences[0][0] for ws, _ in copies)
    assert all(ws[0][0].isupper() for ws, _ in copies)     # the capital kept


def _build_tagger() -> object:
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[3] / "scripts" / "build_tagger.py"
    spec = importlib.util.spec_from_file_location("build_tagger", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("row", "expected"), [
    ("5 suo suo PRON _ _ 6 det:poss", "DET"),           # PUD: "il suo libro"
    ("5 suo suo DET _ _ 6 det:poss", "DET"),
    ("1 Ciò ciò DET _ _ 3 nsubj", "PRON"),
    ("2 questa questo DET _ _ 3 det", "DET"),
    ("1 tutto tutto NOUN _ _ 3 nsubj", "PRON"),
    ("1 tutti tutto ADJ _ _ 3 amod", "DET"),
    ("2 altri altro DET _ _ 3 det", "ADJ"),
    ("4 cresciute crescere ADJ _ _ 3 amod", "VERB"),
    ("4 corretto corretto ADJ _ _ 3 amod", "ADJ"),
    ("1 se se ADP _ _ 3 mark", "SCONJ"),
    ("3 milioni milione NUM _ _ 2 obj", "NOUN"),
    ("3 squadra squadra NOUN _ _ 2 obj", "NOUN"),
])
def test_one_tagging_convention(row: str, expected: str) -> None:
    """The build maps the treebanks' disagreeing tags to one convention (by relation and
    lemma: PUD's possessive pronouns, "ciò" DET ...)."""
    build = _build_tagger()
    cols = [*row.split(" "), "_", "_"]
    assert build.convention(cols) == expected  # type: ignore[attr-defined]
