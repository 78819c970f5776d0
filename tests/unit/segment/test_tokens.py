"""Tokens and their precomputed attributes, and the segmentation's next/previous-word
tables: the same answers as the plain token helpers."""

from __future__ import annotations

from sportlint.segment.segmenter import segment
from sportlint.segment.tokens import Token
from sportlint.source import document

TEXT = ("L'allenatore dell'Inter, D'Ambrosio e il c.t. Rossi: «Abbiamo vinto 2-1 al 90'».\n\n"
        "Negli anni '80 la squadra giocò sabato 3 maggio; po' di tempo dopo, perche' no?")


def test_token_attributes_follow_the_text() -> None:
    for tok in segment(document.from_text(TEXT)).tokens:
        assert tok.is_word == (tok.kind == "word")
        assert tok.elided == (tok.kind == "word" and tok.text[-1] in "'’")
        assert tok.capitalised == tok.text[:1].isupper()
        assert tok.low == tok.text.lower().replace("’", "'")
        assert tok.bare == tok.text.rstrip("'’")


def test_token_equality_hash_and_repr() -> None:
    a = Token(0, 4, "Dell’", "word", 0, 0)
    b = Token(0, 4, "Dell’", "word", 0, 0)
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != Token(0, 4, "Dell’", "word", 1, 0)
    assert a.elided and a.low == "dell'" and a.bare == "Dell"
    assert repr(a) == "Token(start=0, end=4, text='Dell’', kind='word', index=0, sentence=0)"


def test_word_tables_match_the_token_helpers() -> None:
    seg = segment(document.from_text(TEXT))
    assert seg.word_tokens == [t for t in seg.tokens if t.kind == "word"]
    assert list(seg.words) == seg.word_tokens
    for tok in seg.tokens:
        nxt, prev = seg.next_token(tok), seg.prev_token(tok)
        assert seg.next_words[tok.index] == (nxt if nxt is not None and nxt.is_word else None)
        assert seg.prev_words[tok.index] == (prev if prev is not None and prev.is_word else None)


def test_the_shipped_abbreviations_and_those_that_are_words() -> None:
    from sportlint.segment.segmenter import segment
    from sportlint.source import document

    text = ("Vince il primo set. Poi perde. Il Sig. Rossi, cfr. p. 3, e il Dir. Bianchi. "
            "Gol al 12 min. della ripresa. All.: Gasperini.")
    seg = segment(document.from_text(text))
    assert [text[s.start:s.end].split()[0] for s in seg.sentences] == \
        ["Vince", "Poi", "Il", "Gol", "All.:"]
    assert [t.text for t in seg.tokens if t.kind == "abbr"] == \
        ["Sig.", "cfr.", "p.", "Dir.", "min.", "All."]


def test_the_abbreviation_list_is_sorted_lower_case_and_flagged_right() -> None:
    from sportlint.util.datapaths import data_dir

    path = data_dir() / "curated" / "abbreviations" / "abbreviations.txt"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    assert lines == sorted(lines)
    for line in lines:
        entry, _, flag = line.partition(" ")
        assert entry == entry.lower() and not entry.endswith(".") and flag in ("", "word"), line


def test_an_era_abbreviation_ends_a_sentence_before_a_capital() -> None:
    from sportlint.segment.segmenter import segment
    from sportlint.source import document

    text = "Nacque nel VI secolo d.C. Alla fine del secolo morì. La S.p.A. Juventus vince."
    seg = segment(document.from_text(text))
    assert [text[s.start:s.end] for s in seg.sentences] == [
        "Nacque nel VI secolo d.C.", "Alla fine del secolo morì.", "La S.p.A. Juventus vince."]
