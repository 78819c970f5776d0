"""`sportlint check --stdin-filename PATH -`: an editor or formatter pipes the buffer and
names the file it holds, for its config, its Markdown handling and the report."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from clirun import run

DOUBLE = "typography.double-space"


def feed(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8"))


def rules_found(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[list[str], list[str]]:
    _, out, _ = run(capsys, "check", "--format", "json", *args)
    findings = json.loads(out)["findings"]
    return [f["rule"] for f in findings], sorted({f["path"] for f in findings})


def test_the_config_is_found_from_the_named_files_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "quiet").mkdir()
    (tmp_path / "quiet" / ".sportlint.yaml").write_text(f"disable: [{DOUBLE}]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    feed(monkeypatch, "Il centravanti  ha segnato.\n")
    rules, _ = rules_found(capsys, "--stdin-filename", "quiet/pezzo.md", "-")
    assert DOUBLE not in rules
    feed(monkeypatch, "Il centravanti  ha segnato.\n")
    rules, paths = rules_found(capsys, "--stdin-filename", "pezzo.md", "-")
    assert DOUBLE in rules and paths == ["pezzo.md"]


def test_the_suffix_says_markdown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    text = "Il comando `ls  -l` elenca.\n"
    feed(monkeypatch, text)
    assert DOUBLE not in rules_found(capsys, "--stdin-filename", "a.md", "-")[0]   # code: not prose
    feed(monkeypatch, text)
    assert DOUBLE in rules_found(capsys, "--stdin-filename", "a.txt", "-")[0]


def test_fix_writes_standard_output_not_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    draft = tmp_path / "a.md"
    draft.write_text("on disk\n", encoding="utf-8")
    feed(monkeypatch, "Il centravanti  ha segnato.\n")
    code, out, _ = run(capsys, "check", "--fix", "--stdin-filename", "a.md", "-")
    assert out == "Il centravanti ha segnato.\n" and code == 0
    assert draft.read_text(encoding="utf-8") == "on disk\n"


def test_it_names_standard_input_only(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "check", "--stdin-filename", "a.md", str(tmp_path))
    assert code == 2 and "give - as the only PATH" in err
