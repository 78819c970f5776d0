"""The shipped word-frequency tables (data/generated/frequencies/, scripts/build_frequencies.py):
searched in place, the same values as wordfreq, and wordfreq never imported at run time."""

from __future__ import annotations

import math
import random
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, version

import pytest

from sportlint.italian import frequencies as wordlist
from sportlint.italian.frequencies import FrequencyTable, Vocabulary, table, wordfreq_zipf

TABLES = [("it", "best"), ("en", "best"), ("en", "small"), ("fr", "small"), ("es", "small"),
          ("de", "small"), ("pt", "small")]
# made-up and ordinary words, with the shapes the rules ask about
WORDS = ["di", "squadra", "Squadra", "SQUADRA", "allenatore", "rigore", "goal", "the",
         "football", "Hospital", "l'allenatore", "d’Ambrosio", "O'Neill", "rock-and-roll",
         "Müller", "Vlahović", "Ødegaard", "straße", "jean-pierre", "xqzvw", "squadar", "à",
         "qu'il", "aujourd'hui", "Sparatk", "e", "zzzz"]


def wordfreq_matches_tables() -> bool:
    try:
        installed = version("wordfreq")
    except PackageNotFoundError:
        return False
    return table("it", "best").source == f"wordfreq-{installed}"


needs_wordfreq = pytest.mark.skipif(not wordfreq_matches_tables(),
                                    reason="wordfreq missing, or not the version the tables "
                                           "were built from")


@pytest.mark.parametrize(("lang", "wordlist_name"), TABLES)
def test_every_line_is_found(lang: str, wordlist_name: str) -> None:
    freqs = table(lang, wordlist_name)
    items = list(freqs.items())
    assert len(items) == len(freqs)
    assert [w.encode() for w, _ in items] == sorted(w.encode() for w, _ in items)
    # the first, the last and a spread of lines in between: binary search boundaries
    for word, cb in items[:3] + items[-3:] + items[::997]:
        assert freqs.cb(word) == cb, word
        assert cb <= freqs.floor_cb
    assert freqs.cb("") is None
    assert freqs.cb("\x00") is None
    assert freqs.cb("\U0010ffff") is None
    assert freqs.cb("\ud800") is None    # a lone surrogate cannot even be encoded


def test_fenced_search_finds_every_word_of_a_synthetic_table(
        tmp_path: pytest.TempPathFactory) -> None:
    # many fences, words that prefix each other, non-ASCII, an index section after the words
    rng = random.Random(5)
    words = {"".join(rng.choice("abzè'-.") for _ in range(rng.randint(1, 8))): rng.randint(100, 900)
             for _ in range(4000)}
    ordered = sorted(words, key=lambda w: w.encode("utf-8"))
    path = tmp_path / "x.freq"   # type: ignore[operator]
    path.write_text("#sportlint-frequencies 1 xx best 4000 900 test\n#words\n"
                    + "".join(f"{w}\t{words[w]}\n" for w in ordered)
                    + "#index 2.5\n3\ta\tabc\n", encoding="utf-8")
    freqs = FrequencyTable(path)
    probes = ordered + [w + "a" for w in ordered[::3]] + [w[:-1] for w in ordered[::3]]
    probes += ["", "3", "#index", "#words", "zzzzzzzzzz", "\x00", "\t"]
    for word in probes:
        assert freqs.cb(word) == words.get(word), word
    assert len(freqs._build_fences().lines) > 5


def test_a_broken_table_is_refused(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "x.freq"   # type: ignore[operator]
    path.write_text("not a table\n")
    with pytest.raises(ValueError):
        FrequencyTable(path)


def test_vocabulary_from_table_equals_vocabulary_from_mapping() -> None:
    shipped = wordlist.load_vocabulary()
    items = list(table("it", "best").items())
    sample = dict(sorted(((w, 10 ** (-cb / 100)) for w, cb in items[::50]),
                         key=lambda p: (-p[1], p[0])))
    mapping = Vocabulary(sample)
    for word in list(sample)[:2000] + WORDS:
        if word.lower() in sample:
            assert shipped.zipf(word) == mapping.zipf(word), word
            assert word in shipped
    assert shipped.zipf("xqzvw") == 0.0 and "xqzvw" not in shipped
    assert shipped.zipf("di") > 7


def test_shipped_index_is_the_computed_one() -> None:
    shipped = wordlist.load_vocabulary()
    buckets = shipped._buckets()
    floor = 10 ** (shipped.index_zipf - 9)
    expected: dict[tuple[int, str], list[str]] = {}
    frequent = [(cb, w) for w, cb in table("it", "best").items() if cb <= 700]
    for cb, word in sorted(frequent):
        if 10 ** (-cb / 100) >= floor and word.isalpha():
            expected.setdefault((len(word), word[0]), []).append(word)
    assert buckets == expected
    # another floor than the shipped index's: computed from the table
    other = Vocabulary(table("it", "best"), index_zipf=4.0)
    assert all(other.zipf(w) >= 4.0 for ws in other._buckets().values() for w in ws)
    assert other.candidates("squadar")[0].word == "squadra"


@needs_wordfreq
def test_same_values_as_wordfreq() -> None:
    import wordfreq

    freqs = wordfreq.get_frequency_dict("it", "best")
    shipped = wordlist.load_vocabulary()
    assert len(shipped) == len(freqs)
    for word in list(freqs)[::101] + WORDS:
        expected = freqs.get(word.lower())
        assert shipped.zipf(word) == (round(math.log10(expected) + 9, 2) if expected else 0.0)
    for lang, name in TABLES:
        floor = (9 - table(lang, name).floor_cb / 100) if name == "best" and lang != "it" else 0
        for word in WORDS:
            theirs = wordfreq.zipf_frequency(word, lang, name)
            assert wordfreq_zipf(word, lang, name) == (theirs if theirs >= floor else 0.0), \
                (word, lang, name)


def test_checking_never_imports_wordfreq() -> None:
    code = ("import sys; from sportlint import lint_text; "
            "lint_text('La Sampdroia di Mihajlovic ha battutto il Sparatk Mosca.'); "
            "print('wordfreq' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"


def test_sorted_lines_from_the_first_byte() -> None:
    from sportlint.util.sortedlines import Fences

    lines = sorted(f"{w}\t{n}" for n, w in enumerate(["ala", "bari", "calcio", "derby", "esterno"]))
    data = ("\n".join(lines) + "\n").encode()
    fences = Fences(data, 0, len(data), 8)
    for line in lines:
        key = line.split("\t")[0].encode() + b"\t"
        assert data[fences.first(key):].startswith(key)
    assert fences.first(b"zona\t") == -1 and fences.first(b"a\t") == -1
