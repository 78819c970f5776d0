"""Hostile encodings and file names (issue 18): --encoding takes only encodings of text
files (idna was an internal error); a file whose bytes are UTF-8 read in another encoding,
or text that decodes to mostly CJK characters (UTF-8 read as UTF-16 exited 0 with no
findings), is an error naming the file; a file name with a line break or an undecodable
byte is escaped in the text report and kept exactly in JSON (surrogate escapes) and SARIF
(percent-encoded bytes)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from clirun import run
from sportlint.cli.main import ExitCode
from sportlint.source import document
from sportlint.util.display import display_path

SELECT = ["--select", "spelling.repeated-word"]
TEXT = "Il il Bari è primo perché ha vinto.\n"


@pytest.mark.parametrize("name", ["idna", "punycode", "unicode_escape", "raw_unicode_escape",
                                  "rot13", "base64", "undefined"])
def test_encodings_of_no_text_file_are_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     name: str) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text(TEXT, encoding="utf-8")
    code, out, err = run(capsys, "check", "--format", "json", "--encoding", name, str(draft))
    assert code == ExitCode.ERROR
    assert "Traceback" not in err and "internal error" not in err
    assert json.loads(out)["errors"][0]["kind"] == "usage"


@pytest.mark.parametrize("name", ["utf-8", "latin-1", "cp1252", "utf-16", "utf-7", "iso8859-15",
                                  "mac-roman", "utf-8-sig", "ascii"])
def test_encodings_of_text_files_are_accepted(name: str) -> None:
    assert document.encoding_name(name) == name


@pytest.mark.parametrize(("encoding", "message"), [
    ("utf-16", "characters are Chinese, Japanese or Korean: it is not in utf-16 (mojibake)"),
    ("utf-16-be", "characters are Chinese, Japanese or Korean"),
    ("cp1252", "its bytes are UTF-8 (accented letters included), which cp1252 would misread "
               "(è as 'Ã¨')"),
    ("latin-1", "which latin-1 would misread"),
])
def test_utf8_read_in_another_encoding_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   encoding: str, message: str) -> None:
    draft = tmp_path / "a.txt"
    text = TEXT if encoding not in ("utf-16", "utf-16-be") else "Il il Bari ha vinto ieri.\n"
    draft.write_text(text, encoding="utf-8")
    other = tmp_path / "b.txt"             # a file truly in that encoding
    other.write_bytes("Il il Bari ha vinto.\n".encode(encoding))
    code, out, err = run(capsys, "check", *SELECT, "--encoding", encoding, str(draft), str(other))
    assert code == ExitCode.ERROR
    assert f"{draft}: " in err and message in err
    assert "b.txt:1:" in out and "[spelling.repeated-word]" in out   # still checked


def test_a_file_in_the_encoding_named_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "a.txt"
    draft.write_bytes(TEXT.encode("cp1252"))
    code, out, _ = run(capsys, "check", *SELECT, "--encoding", "cp1252", str(draft))
    assert code == ExitCode.FINDINGS and "a.txt:1:3" in out
    wide = tmp_path / "w.txt"
    wide.write_bytes(TEXT.encode("utf-16"))
    code, out, _ = run(capsys, "check", *SELECT, "--encoding", "utf-16", str(wide))
    assert code == ExitCode.FINDINGS and "w.txt:1:" in out


def test_a_chinese_quotation_is_no_mojibake() -> None:
    text = "Il tecnico ha detto: «我们赢了», cioè abbiamo vinto, e poi ha salutato tutti.\n"
    data = text.encode("utf-16")
    assert document.decode(data, "a.txt", "utf-16") == "\ufeff" + text    # the BOM kept


# --- file names ---------------------------------------------------------------------

def test_display_path_escapes_only_names_that_need_it() -> None:
    assert display_path("articoli/Bari è primo.md") == "articoli/Bari è primo.md"
    assert display_path("C:\\bozze\\a.md") == "C:\\bozze\\a.md"
    assert display_path("a\nb.md") == "a\\nb.md"
    assert display_path("a\\b\n.md") == "a\\\\b\\n.md"
    assert display_path("a\udcffb.md") == "a\\xffb.md"
    assert display_path("a\x1b[31mb.md") == "a\\x1b[31mb.md"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names")
def test_a_line_break_in_a_file_name_cannot_garble_the_report(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "bozza\n finta.txt:9:9: error [x] falso"
    draft.write_text("Il il Bari ha vinto.\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", *SELECT, str(draft))
    assert code == ExitCode.FINDINGS
    first = out.splitlines()[0]
    assert first.startswith(display_path(str(draft)) + ":1:3: error [spelling.repeated-word]")
    assert "\\n finta.txt" in first
    code, out, _ = run(capsys, "check", *SELECT, "--format", "json", str(draft))
    assert json.loads(out)["findings"][0]["path"] == str(draft)


@pytest.mark.skipif(sys.platform == "win32" or sys.getfilesystemencoding() != "utf-8",
                    reason="POSIX file names of bytes")
def test_an_undecodable_file_name_is_kept_exactly_in_json_and_sarif(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = os.fsencode(tmp_path) + b"/bozza-\xff.txt"
    try:
        with open(raw, "wb") as handle:
            handle.write(b"Il il Bari ha vinto.\n")
    except OSError:
        pytest.skip("the file system refuses names that are not UTF-8")
    name = os.fsdecode(raw)                       # "...bozza-\udcff.txt", as sys.argv has it
    code, out, _ = run(capsys, "check", *SELECT, str(name))
    assert code == ExitCode.FINDINGS and "bozza-\\xff.txt:1:3:" in out
    code, out, _ = run(capsys, "check", *SELECT, "--format", "json", name)
    out.encode("utf-8")                           # valid UTF-8: the byte is an escape
    assert "\\udcff" in out
    path = json.loads(out)["findings"][0]["path"]
    assert os.fsencode(path) == raw
    code, out, _ = run(capsys, "check", *SELECT, "--format", "sarif", name)
    assert code == ExitCode.FINDINGS
    uri = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"]["uri"]
    assert uri.endswith("/bozza-%FF.txt")
