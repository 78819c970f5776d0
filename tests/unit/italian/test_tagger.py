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
