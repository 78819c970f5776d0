"""`sportlint names learn` and the config's `names.files`: a newsroom teaches sportlint its
local names. Every article here is made up for the test."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sportlint import lint_text
from sportlint.cli.main import main
from sportlint.config.loader import ConfigError, load_config

ARTICLES = {
    "uno.txt": "La Polisportiva Valdarno ha battuto il Borgorosso. Il gol di Scarpazzi ha "
               "deciso la gara; Scarpazzi ha esultato sotto la curva.",
    "due.txt": "Il Borgorosso perde ancora. Scarpazzi segna di nuovo per la Polisportiva "
               "Valdarno, e anche Scarpazi, entrato nel finale, ha sfiorato il gol.",
    "tre.md": "# Il Borgorosso cade\n\nIl Borgorosso cade in casa contro la Polisportiva "
              "Valdarno.\n",
}


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archivio"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_learn_writes_names_with_counts_and_variants_to_review(archive: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "nomi.yaml"
    assert main(["names", "learn", str(archive), "-o", str(out)]) == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    entries = {e["name"]: e for e in data["names"]}
    assert entries["Borgorosso"]["count"] == 4
    assert entries["Polisportiva Valdarno"]["count"] == 3
    assert entries["Scarpazzi"]["variants"] == [{"form": "Scarpazi", "count": 1, "review": True}]
    assert "Scarpazi" not in entries                      # a variant is not a name
    assert out.read_text(encoding="utf-8").startswith("# sportlint names file")
    assert main(["names", "learn", str(archive), "--min-count", "5"]) == 0
    assert yaml.safe_load(capsys.readouterr().out.split("\n", 4)[4]) == {"names": []}


def test_names_files_count_as_known_names(archive: Path, tmp_path: Path) -> None:
    names = tmp_path / "nomi.yaml"
    assert main(["names", "learn", str(archive), "-o", str(names)]) == 0
    config = tmp_path / ".sportlint.yaml"
    config.write_text("names:\n  files: [nomi.yaml]\n", encoding="utf-8")
    loaded = load_config(str(config))
    assert loaded.names["files"] == [str(names.resolve())]
    text = "Ha segnato Scrapazzi, il migliore in campo."
    with_file = {"select": ["names"], "names": {"files": [str(names)]}}
    (f,) = lint_text(text, None, with_file)
    assert f.rule == "names.gazetteer" and f.suggestions[0] == "Scarpazzi"
    assert lint_text("Ha segnato Scarpazzi, il migliore in campo.", None, with_file) == []


@pytest.mark.parametrize(("content", "problem"), [
    ("names: {a: 1}\n", "a mapping with a list 'names'"),
    ("names:\n  - [1, 2]\n", "entry 1 of 'names'"),
    ("names: [\n", "invalid YAML"),
])
def test_a_bad_names_file_is_a_config_error_naming_it(tmp_path: Path, content: str,
                                                      problem: str) -> None:
    bad = tmp_path / "nomi.yaml"
    bad.write_text(content, encoding="utf-8")
    config = tmp_path / ".sportlint.yaml"
    config.write_text("names:\n  files: [nomi.yaml]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=problem) as err:
        load_config(str(config))
    assert str(bad) in str(err.value)
    missing = tmp_path / "other.yaml"
    missing.write_text("names:\n  files: [assente.yaml]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"assente\.yaml"):
        load_config(str(missing))


def test_learn_on_nothing_is_an_error(tmp_path: Path) -> None:
    assert main(["names", "learn", str(tmp_path)]) == 2
