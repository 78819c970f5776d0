"""sportlint's dependency parser: the shipped model, its file format and its training."""

from __future__ import annotations

import gzip

import pytest

from sportlint.italian import _train_parser as training
from sportlint.italian import parser, resources


@pytest.fixture(scope="module")
def shipped() -> parser.Parser:
    return resources.get("parser")


def parse(model: parser.Parser, text: str) -> list[parser.Arc]:
    words = text.split()
    tags = [t.pos for t in resources.get("tagger").tag(words)]
    return model.parse(words, tags)


def test_shipped_model_finds_subject_and_object(shipped: parser.Parser) -> None:
    arcs = parse(shipped, "La Roma ha battuto il Milan .")
    assert arcs[1].head == 3 and arcs[1].label.startswith("nsubj")
    assert arcs[5].head == 3 and arcs[5].label == "obj"
    assert arcs[3].head == -1 and arcs[3].label == "root"
    assert all(0 <= a.confidence <= 1 and 0 <= a.label_confidence <= 1 for a in arcs)


def test_every_word_gets_one_head(shipped: parser.Parser) -> None:
    arcs = parse(shipped, "Dopo il gol di Rossi , che era arrivato in estate , la squadra "
                          "ha vinto e i tifosi hanno cantato .")
    assert len(arcs) == 22
    assert all(-1 <= a.head < 22 and a.head != k for k, a in enumerate(arcs))
    assert sum(a.head == -1 for a in arcs) >= 1


def test_empty_sentence(shipped: parser.Parser) -> None:
    assert shipped.parse([], []) == []


def test_projectivise_lifts_crossing_arcs() -> None:
    # padded: 0 start, words 1..4, 5 the root; 2 -> 4 crosses 3 -> root
    assert training.projectivise([-1, 3, 4, 5, 3, -1]) == [-1, 3, 3, 5, 3, -1]
    assert training.projectivise([-1, 2, 4, 2, -1]) == [-1, 2, 4, 2, -1]


def test_train_dumps_parse_round_trip() -> None:
    trees = [training.Tree("la squadra vince".split(), "DET NOUN VERB".split(), [1, 2, -1],
                         ["det", "nsubj", "root"]),
             training.Tree("il tifoso canta".split(), "DET NOUN VERB".split(), [1, 2, -1],
                         ["det", "nsubj", "root"])] * 5
    model = training.train(trees, iterations=3, label_iterations=2, buckets=1 << 10,
                         label_buckets=1 << 8)
    data = training.dumps(model, {"note": "test"})
    again = parser.parse_model(gzip.decompress(data))
    assert again.labels == model.labels
    words, tags = "la squadra canta".split(), "DET NOUN VERB".split()
    assert again.parse(words, tags) == model.parse(words, tags)
    assert [a.head for a in again.parse(words, tags)] == [1, 2, -1]
    assert training.dumps(again, {"note": "test"}) == data     # reproducible


def test_damaged_model_is_refused() -> None:
    model = training.train([training.Tree(["vince"], ["VERB"], [-1], ["root"])], iterations=1,
                         label_iterations=1, buckets=1 << 8, label_buckets=1 << 4)
    raw = gzip.decompress(training.dumps(model, {}))
    with pytest.raises(ValueError, match="damaged"):
        parser.parse_model(raw[:-2])


def test_morph_reads_number_and_verb_form() -> None:
    lex = resources.get("lexicon")
    assert parser.morph(lex, "squadre", "NOUN") == "p"
    assert parser.morph(lex, "hanno", "AUX") == "finp"
    assert parser.morph(lex, "giocare", "VERB") == "inf"
    assert parser.morph(lex, "di", "ADP") == ""
    assert parser.morph(None, "squadre", "NOUN") == ""


def test_training_code_is_not_loaded_at_run_time() -> None:
    import subprocess
    import sys

    code = ("import sys; from sportlint import lint_text; from sportlint.italian import "
            "resources; resources.get('parser').parse(['La', 'Roma', 'vince'], "
            "['DET', 'PROPN', 'VERB']); lint_text('Il capitano della Roma, ha segnato.'); "
            "print('sportlint.italian._train_parser' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"
