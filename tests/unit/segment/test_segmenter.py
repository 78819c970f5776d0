"""The segmenter's Italian cases: every rule relies on them."""

from __future__ import annotations

import pytest

from sportlint.segment.segmenter import Segmentation, segment
from sportlint.segment.tokens import ELISION, MINUTE, NAME, QUOTE, TIME, TRUNCATION, YEAR
from sportlint.source import document


def seg(text: str, path: str | None = None) -> Segmentation:
    return segment(document.from_text(text, path))


def words(text: str) -> list[str]:
    return [t.text for t in seg(text).tokens if t.kind != "punct"]


def role(s: Segmentation, needle: str, index: int = 0) -> str:
    """The role of the apostrophe or quote mark at position ``index`` of ``needle``."""
    return s.marks[s.text.index(needle) + index]


@pytest.mark.parametrize(("text", "expected"), [
    ("l'esonero dell'allenatore", ["l'", "esonero", "dell'", "allenatore"]),
    ("un'amica e quest'anno", ["un'", "amica", "e", "quest'", "anno"]),
    ("la maglia dell'AEK", ["la", "maglia", "dell'", "AEK"]),
    ("L'Inter vince.", ["L'", "Inter", "vince"]),
    ("dell’ex difensore", ["dell’", "ex", "difensore"]),
    ("segna l'1-0 e l'11 agosto", ["segna", "l'", "1-0", "e", "l'", "11", "agosto"]),
    ("dopo vent'anni", ["dopo", "vent'", "anni"]),
])
def test_elisions_are_split(text: str, expected: list[str]) -> None:
    assert words(text) == expected
    s = seg(text)
    assert all(s.marks[i] == ELISION for i, ch in enumerate(text) if ch in "'’")


@pytest.mark.parametrize("name", ["D'Ambrosio", "N'Dicka", "Prem'er-Liga", "O'Neill", "Dell'Orco"])
def test_apostrophes_inside_names(name: str) -> None:
    text = f"Ha giocato con {name} ieri."
    s = seg(text)
    assert name in [t.text for t in s.tokens]
    assert role(s, name, name.index("'")) == NAME


def test_elided_preposition_with_lowercase_d_is_not_a_name() -> None:
    assert words("un gol d'autore") == ["un", "gol", "d'", "autore"]


@pytest.mark.parametrize(("text", "needle", "kind", "mark"), [
    ("Ha segnato al 23' di testa.", "23'", "minute", MINUTE),
    ("Pareggio al 45'+2 su rigore.", "45'+2", "minute", MINUTE),
    ("Negli anni '80 vinse tutto.", "'80", "year", YEAR),
    ("La pittura del '900 e del '600.", "'900", "year", YEAR),
    ("Ha corso in 7'37\" netti.", "7'37\"", "time", TIME),
])
def test_numbers_with_apostrophes(text: str, needle: str, kind: str, mark: str) -> None:
    s = seg(text)
    token = next(t for t in s.tokens if t.text == needle)
    assert token.kind == kind
    assert role(s, needle, needle.index("'")) == mark
    assert not s.quotes


def test_seconds_and_hundredths_are_not_quotes() -> None:
    s = seg("Ha chiuso in 19\"72, davanti a tutti.")
    assert [t.kind for t in s.tokens if t.text == "19\"72"] == ["time"]
    assert not s.quotes


def test_bare_seconds_are_not_quotes() -> None:
    """A gap in seconds (12", 41") with no straight quote open is a time mark."""
    text = "Secondo a 12\", terzo a 25\". Il leader ha 41\" di vantaggio."
    s = seg(text)
    assert not s.quotes
    assert all(s.marks[i] == TIME for i, ch in enumerate(text) if ch == '"')


def test_seconds_written_with_two_apostrophes_are_times() -> None:
    text = "Secondo a 12'' e il gruppo a 1'15''; al 90' il gol."
    s = seg(text)
    assert [t.text for t in s.tokens if t.kind == "time"] == ["12''", "1'15''"]
    assert [t.text for t in s.tokens if t.kind == "minute"] == ["90'"]
    assert not [q for q in s.quotes if not q.matched]


def test_a_quote_closing_after_a_number_still_closes() -> None:
    s = seg("Ha detto \"ne mancano 12\" e se n'è andato.")
    assert [(q.open_char, q.close_char) for q in s.quotes] == [('"', '"')]


def test_po_is_a_truncation() -> None:
    s = seg("Serve un po' di calma.")
    assert "po'" in [t.text for t in s.tokens]
    assert role(s, "po'", 2) == TRUNCATION


@pytest.mark.parametrize("text", [
    "Il c.t. Rossi ha parlato con la S.p.A. di Bari.",
    "Pali, traverse, ecc. sono stati sostituiti.",
    "Poi A. Rossi ha segnato il gol.",
    "Ne ha segnati 2.5 in media.",
])
def test_abbreviations_do_not_end_sentences(text: str) -> None:
    assert len(seg(text).sentences) == 1


def test_sentences_and_letter_after_serie() -> None:
    s = seg("Il Bari sale in Serie A. La città festeggia! Chi l'avrebbe detto? Nessuno.")
    assert [s.text[x.start:x.end] for x in s.sentences] == [
        "Il Bari sale in Serie A.", "La città festeggia!", "Chi l'avrebbe detto?", "Nessuno."]


def test_sentence_ends_after_closing_quote() -> None:
    s = seg("Ha detto: «Vinceremo.» Poi è uscito.")
    assert len(s.sentences) == 2


def test_headings() -> None:
    s = seg("La carriera di Massimo Carrera\n\nMassimo Carrera ha iniziato presto.")
    assert [p.heading for p in s.paragraphs] == [True, False]
    md = seg("# Il ritorno\nIl Bari ha vinto.\n", "draft.md")
    assert [p.heading for p in md.paragraphs] == [True, False]


def test_nested_quotes() -> None:
    text = "«Il “muro” giallorosso», ha scritto, «ha retto fino al recupero»."
    s = seg(text)
    pairs = [(q.open_char, q.close_char, q.depth) for q in s.quotes]
    assert pairs == [("«", "»", 0), ("“", "”", 1), ("«", "»", 0)]
    assert all(q.matched for q in s.quotes)
    assert s.in_quote(text.index("muro"))
    assert not s.in_quote(text.index("scritto"))


def test_mismatched_and_unclosed_quotes() -> None:
    s = seg("Vince al ‘San Nicola' davanti a tutti.")
    (q,) = s.quotes
    assert (q.open_char, q.close_char, q.matched) == ("‘", "'", False)
    s = seg("Ha detto «andiamo avanti e poi basta.")
    (q,) = s.quotes
    assert q.close is None and q.open_char == "«"


def test_straight_single_quotes_pair() -> None:
    s = seg("Lo chiamano 'il muro' da anni.")
    (q,) = s.quotes
    assert q.matched and s.marks[q.open] == QUOTE


def test_offsets_are_absolute_with_bom_crlf_and_header() -> None:
    text = "\ufeff date 2021-02 Il Bari vince.\r\n\r\nPoi perde al 90'.\r\n"
    doc = document.from_text(text)
    s = segment(doc)
    assert [text[t.start:t.end] for t in s.tokens][:3] == ["Il", "Bari", "vince"]
    assert "date" not in [t.text for t in s.tokens]
    assert len(s.paragraphs) == 2
    assert doc.position(text.index("Poi")) == (3, 1)


def test_front_matter_code_urls_and_comments_are_not_prose() -> None:
    text = ("---\nauthor: Il il autore\n---\nTesto con `codice codice` e https://example.org/a?b=c.\n"
            "<!-- nota nota -->\n```\nblocco blocco\n```\nFine.\n")
    s = seg(text, "draft.md")
    assert [t.text for t in s.tokens if t.kind == "word"] == ["Testo", "con", "e", "Fine"]
    # the front matter's prose fields (title, summary ...) are prose: see
    # tests/unit/source/test_front_matter.py


def test_in_quote_agrees_with_its_definition() -> None:
    """The binary search answers exactly "some quote opens before the span and ends at or
    after it", on nested, adjacent, mismatched and unclosed quotes."""
    text = ("Disse: «Vince “sempre” lui», poi ‘basta'. \"Due\" e «tre «quattro» cinque» ancora.\n\n"
            "«Aperta e mai chiusa, fino alla fine del paragrafo.")
    s = seg(text)
    for start in range(len(text)):
        for end in range(start + 1, min(len(text), start + 12) + 1):
            plain = any(qs < start and end <= qe for qs, qe in s._quoted)
            assert s.in_quote(start, end) == plain, (start, end)


def test_line_start_finds_the_last_line_end_of_any_kind() -> None:
    from sportlint.segment.sentences import line_start
    text = "a\r\nbb\rc\n\nd\r\r\ne"
    for offset in range(len(text) + 1):
        expected = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
        assert line_start(text, offset) == expected, offset


def test_sentence_initial_elision_after_a_long_paragraph() -> None:
    # the tokens before an apostrophe are looked at latest first, without copying them
    text = "Ha vinto. " * 2000 + "«L'Inter ha vinto» e poi D'Ambrosio. (L'Inter)"
    words = [t.text for t in segment(document.from_text(text)).tokens[-14:]]
    assert words[:3] == ["«", "L'", "Inter"]
    assert "D'Ambrosio" in words
    assert words[-4:] == ["(", "L'", "Inter", ")"]
