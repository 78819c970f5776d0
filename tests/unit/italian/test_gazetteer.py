"""The gazetteer's fast loading paths answer as the plain ones would."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from sportlint.italian import gazetteer, resources
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


def test_the_token_index_finds_what_the_search_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past SCANS_BEFORE_INDEX searches, names_with_token reads an index of every name by
    its tokens: the same names in the same order as the search of the table."""
    from sportlint.italian.gazetteer import Table

    names = {"AS Roma 1927": "club", "Café Roma": "club", "D'Ambrosio": "player",
             "Jean-Pierre O'Neil": "coach", "Roma": "club", "Romano Rossi": "player",
             "Roma Roma": "club", "Ugo Pastrelli": "player"}
    table = Table.of(names)
    assert table is not None
    tokens = {t for n in names for t in name_tokens(n)}
    asked = sorted(tokens | {"Rom", "Zzz", "club"})
    monkeypatch.setattr(gazetteer, "SCANS_BEFORE_INDEX", 10**9)
    searched = Gazetteer.from_parts(table, set(), tokens)
    expected = {tok: searched._names_with(tok) for tok in asked}
    assert searched._by_token is None
    monkeypatch.setattr(gazetteer, "SCANS_BEFORE_INDEX", 1)
    indexed = Gazetteer.from_parts(table, set(), tokens)
    indexed._names_with("Ugo")                 # the one search before the index
    assert {tok: indexed._names_with(tok) for tok in asked} == expected
    assert indexed._by_token is not None
    assert indexed._names_with("Roma") == ["AS Roma 1927", "Café Roma", "Roma", "Roma Roma"]


def test_table_is_a_sorted_mapping_searched_in_place() -> None:
    from sportlint.italian.gazetteer import Table

    items = {"Roma": "club", "Roma Nord": "place", "D'Ambrosio": "player", "Étoile": "club"}
    table = Table.of(items)
    assert table is not None and len(table) == 4 and table == items
    assert table.get("Roma") == "club" and table.get("Roma Nord") == "place"
    assert "Rom" not in table and "Roma Nor" not in table and "Étoile" in table
    assert table.get("Zzz") is None and Table.of({"a\tb": "x"}) is None
    tokens = Table.of(["Roma", "Nord"])
    assert tokens is not None and set(tokens) == {"Roma", "Nord"} and tokens.get("Nord") == ""


def test_weak_tokens_come_only_from_the_lists_of_every_surname_and_comune(tmp_path) -> None:
    (tmp_path / "persons.x.txt").write_text("Carriera\nRossi\n", encoding="utf-8")
    (tmp_path / "comuni.x.txt").write_text("Genova\nCalcio\n", encoding="utf-8")
    (tmp_path / "places.y.txt").write_text("Genova\n", encoding="utf-8")
    (tmp_path / "players.y.txt").write_text("Paolo Rossi\n", encoding="utf-8")
    names, preferred = gazetteer.read_names(tmp_path.glob("*.txt"))
    assert names["Genova"] == "place"          # a weak list never wins a name's kind
    gaz = Gazetteer(names, preferred)
    assert gaz.has_token("Carriera") and gaz.weak_token("Carriera") and gaz.weak_token("Calcio")
    assert not gaz.weak_token("Rossi") and not gaz.weak_token("Genova")


def test_place_derivations_are_regular_demonyms_of_known_places() -> None:
    gaz = Gazetteer({"Milano": "place", "Palermo": "comune", "Bergamo": "comune",
                     "Milan": "club", "Parma": "club", "Antonio Conte": "coach", "Conte": "coach"})
    assert gaz.place_derivation("milanese") == "Milano"
    assert gaz.place_derivation("Palermitani") == "Palermo"
    assert gaz.place_derivation("bergamaschi") == "Bergamo"
    assert gaz.place_derivation("parmense") == "Parma"        # a club named after its city
    assert gaz.place_derivation("contese") is None            # a person's name is no place
    assert gaz.place_derivation("napoletano") is None          # irregular: not guessed
    shipped = resources.get("gazetteer")
    assert shipped.place_derivation("cagliaritani") == "Cagliari"
    assert shipped.place_derivation("Genovese") == "Genova"
