"""`--diff-base REF`: only findings on lines added or changed since a git ref, asked of
git itself, in a temporary repository."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from sportlint.cli.diffbase import parse_hunks
from sportlint.cli.main import ExitCode, main

pytestmark = pytest.mark.skipif(shutil.which("git") is None,
                                reason="git is not installed (needed by --diff-base)")
BASIC = ["--select", "spelling.accents,spelling.repeated-word", "--format", "json"]
OLD = "Il il Bari ha perso.\n\nLa Ternana vince poichè segna.\n\nRiga pulita.\n"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c",
                           "user.email=test@example.org", "-c", "commit.gpgsign=false", *args],
                          check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    git(tmp_path, "init", "-q")
    (tmp_path / "pezzo.md").write_text(OLD, encoding="utf-8")
    git(tmp_path, "add", "pezzo.md")
    git(tmp_path, "commit", "-qm", "prima stesura")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lines_reported(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[int]]:
    code = main(["check", *BASIC, *args])
    out = capsys.readouterr().out
    return code, [f["line"] for f in json.loads(out)["findings"]] if out.strip() else []


def test_parse_hunks() -> None:
    diff = "@@ -1 +1 @@\n-a\n+b\n@@ -5,0 +6,2 @@\n+c\n+d\n@@ -9,3 +10,0 @@\n-x\n"
    assert parse_hunks(diff) == {1, 6, 7}


def test_only_changed_lines(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert lines_reported(capsys, "pezzo.md")[1] == [1, 3]
    # nothing changed since HEAD: nothing to report, exit 0
    assert lines_reported(capsys, "--diff-base", "HEAD", "pezzo.md") == (ExitCode.OK, [])
    # edit line 5 (new slip) and add a line 7; the old slips on lines 1 and 3 stay unreported
    (repo / "pezzo.md").write_text(OLD.replace("Riga pulita.", "Riga pulita pulita.")
                                   + "\nAncora poichè.\n", encoding="utf-8")
    code, lines = lines_reported(capsys, "--diff-base", "HEAD", "pezzo.md")
    assert (code, lines) == (ExitCode.FINDINGS, [5, 7])


def test_against_an_older_commit_and_branch_name(repo: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    base = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "branch", "-q", "base")
    (repo / "pezzo.md").write_text(OLD.replace("Il il Bari ha perso.", "Il il Bari ha vinto."),
                                   encoding="utf-8")
    git(repo, "commit", "-qam", "correzione")
    assert lines_reported(capsys, "--diff-base", base, "pezzo.md")[1] == [1]
    assert lines_reported(capsys, "--diff-base", "base", "pezzo.md")[1] == [1]
    assert lines_reported(capsys, "--diff-base", "HEAD", "pezzo.md")[1] == []


def test_untracked_and_new_files_are_new_throughout(repo: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "nuovo.md").write_text(OLD, encoding="utf-8")
    assert lines_reported(capsys, "--diff-base", "HEAD", "nuovo.md")[1] == [1, 3]
    git(repo, "add", "nuovo.md")
    assert lines_reported(capsys, "--diff-base", "HEAD", "nuovo.md")[1] == [1, 3]


def test_directory_walk_in_subfolder(repo: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / "sport").mkdir()
    (repo / "sport" / "calcio.md").write_text("Pulito.\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "cartella")
    (repo / "sport" / "calcio.md").write_text("Pulito.\nMa poichè no.\n", encoding="utf-8")
    monkeypatch.chdir(repo / "sport")
    assert lines_reported(capsys, "--diff-base", "HEAD", ".", str(repo / "pezzo.md"))[1] == [2]


def test_errors(repo: Path, tmp_path_factory: pytest.TempPathFactory,
                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--diff-base", "no-such-ref", "pezzo.md"]) == ExitCode.ERROR
    assert "unknown git revision 'no-such-ref'" in capsys.readouterr().err
    outside = tmp_path_factory.mktemp("fuori") / "a.md"
    outside.write_text("Testo.\n", encoding="utf-8")
    assert main(["check", "--diff-base", "HEAD", str(outside)]) == ExitCode.ERROR
    assert "not inside a git repository" in capsys.readouterr().err


def test_a_bad_ref_is_one_error_and_exit_2(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """It used to be printed once per file, on both streams."""
    for n in range(3):
        (repo / f"altro{n}.md").write_text(OLD, encoding="utf-8")
    code = main(["check", *BASIC, "--diff-base", "no-such-ref", "."])
    out, err = capsys.readouterr()
    assert code == ExitCode.ERROR
    # no finding, only the error: as a JSON document, so that a CI parser reads one
    document = json.loads(out)
    assert document["findings"] == [] and len(document["errors"]) == 1
    assert "unknown git revision 'no-such-ref'" in document["errors"][0]["message"]
    assert err.count("unknown git revision 'no-such-ref'") == 1 and err.count("\n") == 1
    for flag in ("--fix", "--diff"):
        assert main(["check", *BASIC, flag, "--diff-base", "no-such-ref", "."]) == ExitCode.ERROR
        assert capsys.readouterr().err.count("\n") == 1
    assert (repo / "altro0.md").read_text(encoding="utf-8") == OLD


def test_fix_with_diff_base_fixes_only_the_changed_lines(repo: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """The fix hook on an old article must not rewrite the lines nobody touched."""
    edited = OLD.replace("Riga pulita.", "Riga pulita pulita.") + "\nAncora poichè.\n"
    (repo / "pezzo.md").write_text(edited, encoding="utf-8")
    code = main(["check", "--select", "spelling.accents,spelling.repeated-word", "--fix",
                 "--diff-base", "HEAD", "pezzo.md"])
    out = capsys.readouterr().out
    assert code == ExitCode.OK
    assert (repo / "pezzo.md").read_text(encoding="utf-8") == \
        OLD + "\nAncora poiché.\n"      # lines 1 and 3 keep their (old) slips
    assert "Fixed 2 problems, 0 remaining" in out
    # --diff shows the same, and writes nothing
    (repo / "pezzo.md").write_text(edited, encoding="utf-8")
    assert main(["check", "--select", "spelling.accents", "--diff", "--diff-base", "HEAD",
                 "pezzo.md"]) == ExitCode.OK
    diff = capsys.readouterr().out
    assert "+Ancora poiché." in diff and "poichè segna" not in diff
