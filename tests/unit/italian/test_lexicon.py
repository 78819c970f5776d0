"""The Italian lexicon: its public interface, the file format helpers, and its shipping."""

from __future__ import annotations

import gzip
import random

import pytest

from sportlint.italian import lexicon, resources
from sportlint.italian.lexicon import Analysis, Lexicon, decode, encode
from sportlint.util.datapaths import data_dir


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return resources.get("lexicon")


def tags(lex: Lexicon, form: str) -> set[str]:
    return {a.tag for a in lex.analyses(form)}


def test_resource_is_registered_and_cached(lex: Lexicon) -> None:
    assert resources.LOADERS["lexicon"] == "sportlint.italian.lexicon:load"
    assert resources.get("lexicon") is lex


@pytest.mark.parametrize(("form", "tag"), [
    ("occasione", "NOUN-F:s"), ("occasioni", "NOUN-F:p"),
    ("esonerato", "VER:part+past+s+m"), ("esonero", "NOUN-M:s"),
    ("segue", "VER:ind+pres+3+s"), ("seguì", "VER:ind+past+3+s"),
    ("convinsero", "VER:ind+past+3+p"), ("è", "AUX:ind+pres+3+s"), ("ebbe", "AUX:ind+past+3+s"),
])
def test_required_analyses(lex: Lexicon, form: str, tag: str) -> None:
    assert tag in tags(lex, form)


def test_analysis_fields(lex: Lexicon) -> None:
    reading = next(a for a in lex.analyses("seguì") if a.pos == "VER")
    assert reading == Analysis("seguire", "VER", "", "s", "ind", "past", "3")
    assert reading.finite
    noun = next(a for a in lex.analyses("occasioni") if a.pos == "NOUN")
    assert (noun.lemma, noun.gender, noun.number) == ("occasione", "f", "p")
    assert not noun.finite


def test_is_word(lex: Lexicon) -> None:
    for word in ("calcio", "della", "l'", "hanno", "seguitò", "In"):
        assert lex.is_word(word), word
    for word in ("sparatk", "ottenero", "centavanti", "", "zzzz"):
        assert not lex.is_word(word), word


def test_search_edges(lex: Lexicon) -> None:
    # the first and last lines of each section, and prefixes of real words
    text = lex._text
    first_form = text[lex._forms[0]:text.index("\t", lex._forms[0])]
    assert lex.is_word(first_form)
    last_line = text[:-1].rsplit("\n", 1)[1]
    assert lex.is_word(last_line.split("\t")[0])
    assert not lex.is_word("occasion")
    assert not lex.is_word("#forms")


def test_generation(lex: Lexicon) -> None:
    assert lex.forms("seguire", "VER", mood="ind", tense="past", person="3", number="s") == ("seguì",)
    assert lex.forms("occasione", "NOUN", number="p") == ("occasioni",)
    assert "esonerata" in lex.forms("esonerare", "VER", mood="part", gender="f", number="s")
    assert lex.forms("essere", "AUX", mood="ind", tense="past", person="3", number="p") == ("furono",)
    assert lex.forms("nonesiste") == ()
    assert {p.pos for p in lex.paradigms("amico")} >= {"NOUN", "ADJ"}


def test_capitalised_form_falls_back_to_lower_case(lex: Lexicon) -> None:
    assert tags(lex, "Segue") == tags(lex, "segue")


@pytest.mark.parametrize(("word", "base"), [
    ("seguì", "seguire"), ("seguire", "seguire"), ("", "x"), ("andavamo", "andare"),
    ("vado", "andare"), ("l'", "l'"),
])
def test_encode_round_trip(word: str, base: str) -> None:
    assert decode(encode(word, base), base) == word


def test_file_is_sorted_latin1_and_small() -> None:
    path = data_dir() / lexicon.FILE
    assert path.stat().st_size < 4_000_000
    text = gzip.decompress(path.read_bytes()).decode("latin-1")
    paradigms, forms = text.split("#forms\n")
    for section in (paradigms.split("#paradigms\n")[1], forms):
        lines = section.rstrip("\n").split("\n")
        assert lines == sorted(lines)
        keys = [line.split("\t", 1)[0] for line in lines]
        assert all(keys)
    assert len(forms.split("\n")) > 250_000


def test_licence_and_attribution_ship_with_the_data() -> None:
    folder = data_dir() / "generated" / "lexicon"
    sources = (folder / "SOURCES.md").read_text(encoding="utf-8")
    assert "Morph-it!" in sources and "CC BY-SA 2.0" in sources and "LGPL" in sources
    assert (folder / "LICENSE-CC-BY-SA-2.0.txt").is_file()


def test_typographic_apostrophe(lex: Lexicon) -> None:
    assert lex.analyses("dell’") == lex.analyses("dell'") != ()


def test_readings_found_by_code_equal_the_decoded_paradigms(lex: Lexicon) -> None:
    # analyses() compares each paradigm slot's code with encode(form, lemma) instead of
    # decoding the paradigm: the same readings, in the same order, as Paradigm.readings
    text = lex._text
    forms = [line.split("\t", 1)[0] for line in text[text.index("#forms\n") + 7:].splitlines()]
    fresh = Lexicon(lex._data)
    for form in [*forms[::97], "seguì", "ha", "è", "parte", "chiuse", "la", "Roma", "l’"]:
        expected: list[Analysis] = []
        for line in fresh._lines(form.replace("’", "'"), fresh._forms) or \
                fresh._lines(form.lower().replace("’", "'"), fresh._forms):
            key = line.split("\t", 1)[0]
            for ref in line.split("\t", 1)[1].split(" "):
                for paradigm in fresh.paradigms(decode(ref[:-1], key), lexicon._POS_OF[ref[-1]]):
                    expected.extend(paradigm.readings(key))
        assert fresh.analyses(form) == tuple(dict.fromkeys(expected)), form
    # every code of every paradigm is encode()'s: the comparison needs nothing else
    start, end = text.index("#paradigms\n") + 11, text.index("#forms\n")
    for line in text[start:end].splitlines()[::7]:
        lemma, _, _, codes = line.split("\t")
        for code in codes.split(","):
            word = decode(code, lemma)
            assert code == ("-" if not word else encode(word, lemma)), (lemma, code)


def test_index_only_answers_equal_those_of_the_readings(lex: Lexicon) -> None:
    text = lex._text
    forms = [line.split("\t", 1)[0] for line in text[text.index("#forms\n") + 7:].splitlines()]
    fresh = Lexicon(lex._data)
    probes = forms[::41] + [f.capitalize() for f in forms[::401]] + ["Roma", "l’", "xyzzy", ""]
    for form in probes:
        readings = fresh.analyses(form)
        assert fresh.is_word(form) == bool(readings), form
        assert fresh.parts_of_speech(form) == {a.pos for a in readings}, form
        for pos in ("VER", "AUX", "NOUN", "ADJ", "ADV"):
            assert fresh.lemmas(form, pos) == {a.lemma for a in readings if a.pos == pos}, form


def test_lexicon_line_search_finds_every_key_of_a_sorted_section() -> None:
    from sportlint.italian.lexicon import Lexicon

    rng = random.Random(2)
    keys = sorted({"".join(rng.choice("abcèz'") for _ in range(rng.randint(1, 7)))
                   for _ in range(3000)})
    lines = sorted(f"{k}\t{n}" for k in keys for n in range(rng.randint(1, 3)))
    lex = Lexicon("#header\n#paradigms\n" + "\n".join(lines) + "\n#forms\n" + "\n".join(lines) + "\n")
    assert len(lex._fences(lex._forms).lines) > 5
    probes = keys + [k + "a" for k in keys[::7]] + [k[:-1] for k in keys[::5]] + ["", "zzzzzzzz", "0"]
    for key in probes:
        expected = [line for line in lines if line.startswith(key + "\t")]
        assert lex._lines(key, lex._forms) == expected
        assert lex._lines(key, lex._paradigms) == expected
