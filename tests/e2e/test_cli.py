"""The CLI: exit codes, bad input, --fix/--diff/stdin, rule listing, the JSON format."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from clirun import run
from sportlint.cli.main import ExitCode, main

BASIC = ["--select", "spelling.accents,spelling.repeated-word"]
DIRTY = "Il il Bari ha vinto poichè ha segnato.\n"
CLEAN = "Il Bari ha vinto perché ha segnato.\n"


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    (tmp_path / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "notes.rst").write_text(DIRTY, encoding="utf-8")
    return tmp_path


def test_exit_codes(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "check", *BASIC, str(drafts / "clean.md"))[0] == ExitCode.OK
    code, out, _ = run(capsys, "check", *BASIC, str(drafts / "dirty.txt"))
    assert code == ExitCode.FINDINGS
    assert "dirty.txt:1:3: error [spelling.repeated-word]" in out
    assert run(capsys, "check", "--nope", str(drafts))[0] == ExitCode.ERROR
    assert run(capsys, "check", *BASIC, "--fail-level", "error", str(drafts / "clean.md"))[0] == 0


def test_fail_level_and_severity(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (drafts / "sev.yaml").write_text("severity:\n  spelling: suggestion\n")
    args = ["check", *BASIC, "--config", str(drafts / "sev.yaml"), str(drafts / "dirty.txt")]
    assert run(capsys, *args)[0] == ExitCode.OK
    assert run(capsys, *args, "--fail-level", "suggestion")[0] == ExitCode.FINDINGS


def test_directories_are_walked_for_md_and_txt(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", *BASIC, "--format", "json", str(drafts))
    paths = {Path(f["path"]).name for f in json.loads(out)["findings"]}
    assert paths == {"dirty.txt"}


@pytest.mark.parametrize("content", [b"\xff\xfe\x00b\x00a\x00d", b"Il Bari \xe8 primo.\n",
                                     b"\x89PNG\x00\x00"])
def test_bad_input_is_exit_2_and_others_still_checked(
        drafts: Path, capsys: pytest.CaptureFixture[str], content: bytes) -> None:
    bad = drafts / "bad.txt"
    bad.write_bytes(content)
    code, out, err = run(capsys, "check", *BASIC, "--format", "json", str(bad), str(drafts / "dirty.txt"))
    assert code == ExitCode.ERROR
    assert str(bad) in err
    data = json.loads(out)
    assert {Path(f["path"]).name for f in data["findings"]} == {"dirty.txt"}
    assert data["errors"][0]["path"] == str(bad)


def test_missing_file_and_bad_config(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", str(drafts / "nope.txt"), str(drafts / "dirty.txt"))
    assert code == ExitCode.ERROR and "nope.txt" in err
    (drafts / "bad.yaml").write_text("colour: blue\n")
    code, _, err = run(capsys, "check", "--config", str(drafts / "bad.yaml"), str(drafts))
    assert code == ExitCode.ERROR and "colour" in err and "bad.yaml" in err


def test_fix_writes_safe_fixes_once(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = drafts / "dirty.txt"
    code, _, _ = run(capsys, "check", *BASIC, "--fix", str(path))
    assert path.read_text(encoding="utf-8") == "Il Bari ha vinto poiché ha segnato.\n"
    assert code == ExitCode.OK
    before = path.read_bytes()
    run(capsys, "check", *BASIC, "--fix", str(path))
    assert path.read_bytes() == before


def test_diff_writes_nothing(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = drafts / "dirty.txt"
    _, out, _ = run(capsys, "check", *BASIC, "--diff", str(path))
    assert "-Il il Bari ha vinto poichè ha segnato." in out
    assert "+Il Bari ha vinto poiché ha segnato." in out
    assert path.read_text(encoding="utf-8") == DIRTY


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(DIRTY.encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run(capsys, "check", *BASIC, "--format", "json", "-")
    assert code == ExitCode.FINDINGS
    assert json.loads(out)["findings"][0]["path"] == "<stdin>"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DIRTY.encode()), encoding="utf-8"))
    code, out, _ = run(capsys, "check", *BASIC, "--fix", "-")
    assert out == "Il Bari ha vinto poiché ha segnato.\n"


def test_json_schema(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "Prima riga.\nSeconda: perchè no?\n"
    (drafts / "j.txt").write_text(text, encoding="utf-8")
    _, out, _ = run(capsys, "check", *BASIC, "--format", "json", str(drafts / "j.txt"))
    data = json.loads(out)
    assert data["version"] == 1
    (f,) = data["findings"]
    assert f["line"] == 2 and f["column"] == 10 and f["end_line"] == 2 and f["end_column"] == 16
    assert text[f["offset"]:f["end_offset"]] == f["text"] == "perchè"
    assert f["rule"] == "spelling.accents" and f["severity"] == "error"
    assert f["suggestions"] == ["perché"] and f["fix"] == "safe"
    assert isinstance(f["message"], str) and f["message"]


def test_rules_listing_and_documentation(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "spelling.repeated-word" in out and "spelling.accents" in out
    code, out, _ = run(capsys, "rules", "spelling.repeated-word")
    assert code == 0 and "Example" in out
    assert run(capsys, "rules", "nope.nope")[0] == ExitCode.ERROR


SCRIPT = shutil.which("sportlint", path=str(Path(sys.executable).parent)) or shutil.which("sportlint")


@pytest.mark.skipif(SCRIPT is None, reason="the sportlint console script is not installed")
def test_console_script_runs() -> None:
    assert SCRIPT is not None
    proc = subprocess.run([SCRIPT, "check", *BASIC, "-"], input=DIRTY, text=True,
                          capture_output=True, check=False)
    assert proc.returncode == 1 and "spelling.repeated-word" in proc.stdout


def test_fix_on_the_seed_changes_only_what_safe_fixes_say(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import difflib

    from sportlint.config.loader import from_mapping
    from sportlint.engine import linter
    from sportlint.source import document

    seed = Path(__file__).resolve().parents[2] / "seeds" / "000_ce6d04d1a70b5d49.txt"
    copy = tmp_path / "seed.txt"
    copy.write_bytes(seed.read_bytes())
    original = seed.read_text(encoding="utf-8")
    findings = linter.lint(document.from_text(original, str(copy)), from_mapping({}, None))
    safe = [e for f in findings if f.fix and f.fix.applicability.value == "safe" for e in f.fix.edits]
    run(capsys, "check", "--fix", str(copy))
    fixed = copy.read_text(encoding="utf-8")
    for tag, i1, i2, _, _ in difflib.SequenceMatcher(None, original, fixed, autojunk=False).get_opcodes():
        if tag != "equal":
            assert any(e.start <= i1 and i2 <= e.end + 1 for e in safe), (tag, original[i1 - 20:i2 + 20])
    before = copy.read_bytes()
    run(capsys, "check", "--fix", str(copy))
    assert copy.read_bytes() == before


def test_sportlint_lints_its_own_readme(capsys: pytest.CaptureFixture[str]) -> None:
    """The README and the hand-written docs/ pass (docs/rules.md, generated, quotes every
    rule's wrong examples on purpose)."""
    root = Path(__file__).resolve().parents[2]
    pages = [root / "README.md", *(p for p in sorted((root / "docs").glob("*.md")) if p.name != "rules.md")]
    assert len(pages) > 5
    code, out, _ = run(capsys, "check", "--report-unused-suppressions", *map(str, pages))
    assert code == ExitCode.OK, out


def test_fix_writes_through_a_symlink(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    link = drafts / "link.txt"
    link.symlink_to(drafts / "dirty.txt")
    run(capsys, "check", *BASIC, "--fix", str(link))
    assert link.is_symlink()
    assert (drafts / "dirty.txt").read_text(encoding="utf-8") == "Il Bari ha vinto poiché ha segnato.\n"
    assert not list(drafts.glob(".*sportlint-tmp"))


def test_fix_that_cannot_be_written_is_exit_2_and_others_still_fixed(
        drafts: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # the temporary file cannot be created (as on a read-only folder, even for root)
    import tempfile
    real_mkstemp = tempfile.mkstemp

    def mkstemp(*args: object, **kwargs: object) -> tuple[int, str]:
        if str(kwargs.get("prefix", "")).startswith(".dirty.txt"):
            raise PermissionError(13, "Permission denied")
        return real_mkstemp(*args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    other = drafts / "other.txt"
    other.write_text(DIRTY, encoding="utf-8")
    code, _, err = run(capsys, "check", *BASIC, "--jobs", "1", "--fix", str(drafts / "dirty.txt"),
                       str(other))
    assert code == ExitCode.ERROR
    assert "dirty.txt" in err and "cannot write" in err
    assert (drafts / "dirty.txt").read_text(encoding="utf-8") == DIRTY
    assert other.read_text(encoding="utf-8") == "Il Bari ha vinto poiché ha segnato.\n"


def test_stdin_given_twice_is_read_once(monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DIRTY.encode()), encoding="utf-8"))
    code, out, _ = run(capsys, "check", *BASIC, "--fix", "-", "-")
    assert code == ExitCode.OK
    assert out == "Il Bari ha vinto poiché ha segnato.\n"


def test_duplicate_paths_are_checked_once(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = drafts / "dirty.txt"
    _, out, _ = run(capsys, "check", *BASIC, "--format", "json", str(path), str(path),
                    str(drafts / "." / "dirty.txt"), str(drafts))
    assert len(json.loads(out)["findings"]) == 2


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs here")
def test_directory_walk_skips_fifos(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os
    os.mkfifo(drafts / "pipe.md")   # reading it would block for ever
    code, out, _ = run(capsys, "check", *BASIC, "--format", "json", str(drafts))
    assert code == ExitCode.FINDINGS
    assert {Path(f["path"]).name for f in json.loads(out)["findings"]} == {"dirty.txt"}


def test_utf16_file_is_named_as_such(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = drafts / "wide.txt"
    bad.write_bytes("Il Bari è primo.\n".encode("utf-16"))
    code, _, err = run(capsys, "check", *BASIC, str(bad))
    assert code == ExitCode.ERROR
    assert "wide.txt" in err and "UTF-16" in err


@pytest.mark.parametrize("flag", ["--select", "--ignore"])
def test_unknown_rule_prefix_on_the_command_line_is_exit_2(
        drafts: Path, capsys: pytest.CaptureFixture[str], flag: str) -> None:
    code, out, err = run(capsys, "check", flag, "spelling.acents", str(drafts / "dirty.txt"))
    assert code == ExitCode.ERROR
    assert flag in err and "spelling.acents" in err
    assert out == ""


def test_known_prefixes_and_dynamic_ids_are_accepted(drafts: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    for prefix in ("ALL", "spelling", "spelling.", "languagetool.AI_HAI", "sportlint"):
        assert run(capsys, "check", "--ignore", prefix, str(drafts / "clean.md"))[0] == ExitCode.OK


def test_rules_with_a_prefix_lists_that_family(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "spelling")
    assert code == ExitCode.OK
    ids = [line.split()[0] for line in out.splitlines()]
    assert "spelling.accents" in ids and all(i.startswith("spelling.") for i in ids)
    assert run(capsys, "rules", "spelling.")[1] == out
    code, _, err = run(capsys, "rules", "spelin")
    assert code == ExitCode.ERROR and "spelin" in err


def test_output_takes_the_diff_too(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = drafts / "fixes.diff"
    code, out, _ = run(capsys, "check", *BASIC, "--diff", "-o", str(target), str(drafts / "dirty.txt"))
    assert out == ""
    assert "+Il Bari ha vinto poiché ha segnato." in target.read_text(encoding="utf-8")
    assert code == ExitCode.OK


def test_output_onto_a_checked_draft_is_refused(drafts: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    draft = drafts / "dirty.txt"
    code, _, err = run(capsys, "check", *BASIC, "-o", str(draft), str(drafts))
    assert code == ExitCode.ERROR and "dirty.txt" in err
    assert draft.read_text(encoding="utf-8") == DIRTY


def test_broken_symlink_and_bad_utf8_line_are_named(drafts: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    (drafts / "gone.txt").symlink_to(drafts / "nowhere.txt")
    (drafts / "bad.txt").write_bytes(b"Prima riga.\nSeconda \xe8 qui.\n")
    code, _, err = run(capsys, "check", *BASIC, str(drafts / "gone.txt"), str(drafts / "bad.txt"))
    assert code == ExitCode.ERROR
    assert "gone.txt: broken symbolic link" in err
    assert "bad.txt: not valid UTF-8 at line 2" in err


def test_output_dash_is_standard_output(drafts: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(drafts)
    code, out, _ = run(capsys, "check", *BASIC, "--format", "json", "-o", "-", "dirty.txt")
    assert code == ExitCode.FINDINGS
    assert json.loads(out)["findings"]
    assert not (drafts / "-").exists()


def test_fix_leaves_a_read_only_draft_alone(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = drafts / "dirty.txt"
    draft.chmod(0o444)
    try:
        code, _, err = run(capsys, "check", *BASIC, "--fix", str(draft))
        assert code == ExitCode.ERROR and "dirty.txt" in err and "read-only" in err
        assert draft.read_text(encoding="utf-8") == DIRTY
    finally:
        draft.chmod(0o644)


@pytest.mark.parametrize("data", [b"Il Bari \xe8 primo.\r\n", b"bin\x00ary"])
def test_fix_as_a_filter_echoes_input_it_cannot_read(
        monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes],
        data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code = main(["check", *BASIC, "--fix", "-"])
    out, err = capsysbinary.readouterr()
    assert code == ExitCode.ERROR and b"<stdin>" in err
    assert out == data       # `sportlint check --fix - < a > b` must not leave b empty


def test_diff_is_a_valid_patch_without_final_newline_and_with_cr(
        drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (drafts / "a.txt").write_bytes(b"Il il Bari vince.")
    (drafts / "b.txt").write_bytes("Il il Bari.\rPoi poichè no.\r".encode())
    _, out, _ = run(capsys, "check", *BASIC, "--diff", str(drafts / "a.txt"), str(drafts / "b.txt"))
    lines = out.split("\n")
    assert lines[3:7] == ["-Il il Bari vince.", "\\ No newline at end of file",
                          "+Il Bari vince.", "\\ No newline at end of file"]
    assert lines[7] == f"--- {drafts / 'b.txt'}"
    assert lines[9:] == ["@@ -1 +1 @@", "-Il il Bari.\rPoi poichè no.\r",
                         "\\ No newline at end of file", "+Il Bari.\rPoi poiché no.\r",
                         "\\ No newline at end of file", ""]
