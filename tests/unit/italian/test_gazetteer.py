"""The gazetteer's fast loading paths answer as the plain ones would."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from sportlint.italian import gazetteer
from sportlint.italian.gazetteer import ODD_SPACES, Gazetteer, name_tokens, normalise, read_list


def test_odd_spaces_are_every_space_but_lf_space_and_tab() -> None:
    spaces = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    breaks = {c for c in map(chr, range(0x3000)) if len(f"a{c}b".splitlines()) > 1}
    assert set(ODD_SPACES) == (spaces | breaks) - {"\n", " ", "\t"}


@pytest.mark.parametrize("text", [
    "Bari\nLecce\n", "Bari\nLecce", "# a comment\nBari\n\n Lecce \n", "Bari\r\nLecce\r\n",
    "Bari\u2028Lecce\n", "Bari \nLecce", "\n\nBari\n", "Bari\xa0\nLecce", "\tBari\n",
    "Bari\n#Lecce\n", "", "\n",
])
def test_read_list_fast_path_is_the_plain_reading(tmp_path: Path, text: str) -> None:
    path = tmp_path / "clubs.test.txt"
    path.write_text(text, encoding="utf-8", newline="")
    lines = (line.strip() for line in text.splitlines())
    assert read_list(path) == [line for line in lines if line and not line.startswith("#")]


def test_first_list_wins(tmp_path: Path) -> None:
    (tmp_path / "clubs.a.txt").write_text("Roma\nBari\n", encoding="utf-8")
    (tmp_path / "places.b.txt").write_text("Roma\nGenova\n", encoding="utf-8")
    names, _ = gazetteer.read_names(tmp_path.glob("*.txt"))
    assert names == {"Roma": "club", "Bari": "club", "Genova": "place"}


def test_tokens_and_names_with_token_as_computed_name_by_name() -> None:
    names = {"Ugo Pastrelli": "player", "D’Ambrosio": "player", "Cafe\u0301 Roma": "club",
             "Jean-Pierre O'Neil": "coach", "Line\nBreak": "club", "Roma": "club",
             "AS Roma 1927": "club", "Romano Rossi": "player"}
    gaz = Gazetteer(names)
    expected = {t for n in names for t in name_tokens(normalise(n))}
    assert gaz._tokens == expected
    for tok in expected | {"Rom", "Zzz"}:
        assert set(gaz.names_with_token(tok)) == \
            {normalise(n) for n in names if tok in name_tokens(normalise(n))}, tok
    tidy = Gazetteer({n: k for n, k in names.items() if "\n" not in n})
    assert tidy.names_with_token("Roma") == ["Roma", "Café Roma", "AS Roma 1927"]
    assert tidy.names_with_token("Pierre") == []
