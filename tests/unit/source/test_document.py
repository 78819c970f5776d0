"""sportlint.source.document: a draft's bytes decoded (UTF-8 and its BOM, `--encoding`,
UTF-16 and UTF-32, errors naming the line) and the fixed text encoded back byte for byte,
as the command line uses them; and the search over the regions a document ignores."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

from clirun import BASIC, JOBS, check_json, run
from sportlint.cli.main import ExitCode, main
from sportlint.source import document
from sportlint.source.document import Document

OTHER = "Il il Bari ha vinto.\n"       # the good file beside each bad one: one finding


def leftovers(folder: Path) -> list[str]:
    """Temporary or backup files sportlint may have left behind."""
    return sorted(p.name for p in folder.iterdir() if "sportlint" in p.name)


# --- decoding ------------------------------------------------------------------------

def test_decode_and_encode_round_trip_the_bytes() -> None:
    samples = {None: ["\ufeffa\r\nb".encode(), b"", "è’«".encode()],
               "latin-1": ["è\r\n".encode("latin-1"), bytes(range(1, 256))],
               "utf-16": [b"\xff\xfea\x00", b"\xfe\xff\x00a", "a".encode("utf-16-le")],
               "utf-8-sig": [b"\xef\xbb\xbfa", b"a"]}
    for encoding, datas in samples.items():
        for data in datas:
            text = document.decode(data, "x", encoding)
            assert document.encode(text, encoding, "x", data) == data, (encoding, data)


def test_error_lines_count_cr_and_crlf_line_ends(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    for name, data in (("cr.txt", b"Uno.\rDue.\rIl Bari \xe8 primo.\r"),
                       ("crlf.txt", b"Uno.\r\nDue.\r\nIl Bari \xe8 primo.\r\n")):
        (tmp_path / name).write_bytes(data)
        code, _, err = run(capsys, "check", *BASIC, str(tmp_path / name))
        assert code == ExitCode.ERROR and f"{name}: not valid UTF-8 at line 3 " in err


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-be"])
def test_utf32_is_named_as_utf32(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                 codec: str) -> None:
    """Its BOM (FF FE 00 00) begins like UTF-16's: the error said UTF-16 and its hint,
    --encoding utf-16, only led to a second error."""
    path = tmp_path / "draft.txt"
    bom = "" if codec == "utf-32" else "\ufeff"      # utf-32 writes its own
    path.write_bytes(f"{bom}Il il Bari ha vinto.\n".encode(codec))
    code, _, err = run(capsys, "check", *BASIC, str(path))
    assert code == ExitCode.ERROR and "UTF-32 text" in err and "--encoding utf-32" in err
    code, out, err = run(capsys, "check", *BASIC, "--encoding", "utf-32", "--format", "json",
                         str(path))
    assert code == ExitCode.FINDINGS and err == "" and "spelling.repeated-word" in out


# --- --encoding ------------------------------------------------------------------------

LATIN = "Il Bari è primo perchè ha vinto là.\n"


@pytest.mark.parametrize("jobs", JOBS)
@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "ISO-8859-15"])
def test_encoding_decodes_the_files(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    encoding: str, jobs: str) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(LATIN.encode(encoding))
    code, _, err = run(capsys, "check", *BASIC, str(path))
    assert code == ExitCode.ERROR and "--encoding" in err
    (tmp_path / "other.txt").write_text(OTHER, encoding=encoding)
    code, data, _ = check_json(capsys, "--encoding", encoding, "--jobs", jobs, str(path),
                               str(tmp_path / "other.txt"))
    assert code == ExitCode.FINDINGS
    (f, g) = data["findings"]
    assert (f["line"], f["column"], f["text"]) == (1, LATIN.index("perchè") + 1, "perchè")
    assert LATIN[f["offset"]:f["end_offset"]] == "perchè"
    assert (g["path"], g["text"]) == (str(tmp_path / "other.txt"), " il")


def test_cp1252_typographic_characters_are_read(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    text = "«Un gol all’ultimo… perchè no?»\r\n"
    path = tmp_path / "win.txt"
    path.write_bytes(text.encode("cp1252"))
    code, data, _ = check_json(capsys, "--encoding", "cp1252", str(path))
    assert code == ExitCode.FINDINGS
    assert [(f["column"], f["text"]) for f in data["findings"]] == [(21, "perchè")]


def test_invalid_bytes_in_the_named_encoding_are_an_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ascii.txt"
    path.write_bytes(b"Riga.\nIl Bari \xe8 primo.\n")
    code, _, err = run(capsys, "check", *BASIC, "--encoding", "ascii", str(path))
    assert code == ExitCode.ERROR
    assert f"{path}: not valid ascii at line 2 (byte 14: ordinal not in range(128))" in err


def test_utf16_with_encoding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for codec, bom in (("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")):
        path = tmp_path / f"{codec}.txt"
        path.write_bytes(bom + "Il il Bari è primo.\r\n".encode(codec))
        code, data, _ = check_json(capsys, "--encoding", "utf-16", str(path))
        assert code == ExitCode.FINDINGS
        (f,) = data["findings"]
        assert (f["offset"], f["column"], f["text"]) == (3, 4, " il")   # after the BOM
        run(capsys, "check", *BASIC, "--encoding", "utf-16", "--fix", str(path))
        assert path.read_bytes() == bom + "Il Bari è primo.\r\n".encode(codec)


def test_stdin_honours_encoding(monkeypatch: pytest.MonkeyPatch,
                                capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    import io
    data = "Il il Bari è primo.\n".encode("latin-1")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code = main(["check", *BASIC, "--encoding", "latin-1", "--format", "json", "-"])
    out, _ = capsysbinary.readouterr()
    assert code == ExitCode.FINDINGS
    assert [f["text"] for f in json.loads(out)["findings"]] == [" il"]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code = main(["check", *BASIC, "--encoding", "latin-1", "--fix", "-"])
    out, _ = capsysbinary.readouterr()
    assert code == ExitCode.OK
    assert out == "Il Bari è primo.\n".encode("latin-1")


# --- encoding the fixed text back ----------------------------------------------------

@pytest.mark.parametrize("jobs", JOBS)
def test_fix_writes_back_in_the_named_encoding(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               jobs: str) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Il il Bari è primo poichè ha vinto.\r\n".encode("latin-1"))
    code, _, _ = run(capsys, "check", *BASIC, "--encoding", "latin-1", "--jobs", jobs, "--fix",
                     str(path), str(path.with_name("x.txt")))
    assert code == ExitCode.ERROR        # x.txt is missing; latin.txt is still fixed
    assert path.read_bytes() == "Il Bari è primo poiché ha vinto.\r\n".encode("latin-1")


def _ellipsis_config(tmp_path: Path) -> str:
    config = tmp_path / "ellipsis.yaml"
    config.write_text("enable: [typography.ellipsis-style]\nstyle:\n  ellipsis: \"…\"\n",
                      encoding="utf-8")
    return str(config)


@pytest.mark.parametrize("jobs", JOBS)
def test_fix_the_encoding_cannot_hold_leaves_the_file_unchanged(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str) -> None:
    before = "Il il Bari è primo.\nE poi... niente.\n".encode("latin-1")
    path = tmp_path / "latin.txt"
    path.write_bytes(before)
    other = tmp_path / "other.txt"
    other.write_bytes(b"E poi... il il Bari.\n")
    args = ["check", "--select", "spelling,typography.ellipsis-style", "--config",
            _ellipsis_config(tmp_path), "--encoding", "latin-1", "--jobs", jobs]
    code, _, err = run(capsys, *args, "--fix", str(path), str(other))
    assert code == ExitCode.ERROR
    assert f"{path}: the fixes need '…' (HORIZONTAL ELLIPSIS) at line 2, column 6, which " \
           "latin-1 cannot hold; file left unchanged" in err
    assert path.read_bytes() == before
    assert other.read_bytes() == b"E poi... il il Bari.\n"     # needs … too: also untouched
    assert leftovers(tmp_path) == []
    # --diff says the same, and prints no diff for it
    code, out, err = run(capsys, *args, "--diff", str(path))
    assert code == ExitCode.ERROR and out == "" and "HORIZONTAL ELLIPSIS" in err
    # cp1252 has the ellipsis: written, in cp1252
    run(capsys, *args[:-4], "--encoding", "cp1252", "--fix", str(path))
    assert path.read_bytes() == "Il Bari è primo.\nE poi… niente.\n".encode("cp1252")


def test_diff_is_in_the_files_encoding(tmp_path: Path,
                                       capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Là il il Bari.\n".encode("latin-1"))
    code = main(["check", *BASIC, "--encoding", "latin-1", "--diff", str(path)])
    out = capsysbinary.readouterr().out
    assert code == ExitCode.OK
    # the patch applies to the file's bytes: its lines are latin-1, as the file's
    assert "-Là il il Bari.\n+Là il Bari.\n".encode("latin-1") in out


@pytest.mark.parametrize("mode", ["--fix", "--diff"])
def test_encoding_that_does_not_round_trip_changes_no_other_byte(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], mode: str) -> None:
    """UTF-7 spells «à» both '+AOA-' and '+AOA': re-encoding the whole text changed bytes
    far from the fix (and a diff's context no longer matched the file)."""
    path = tmp_path / "draft.txt"
    original = b"Citt+AOA- bella. Il il Bari ha vinto.\n"
    path.write_bytes(original)
    code, out, err = run(capsys, "check", *BASIC, "--encoding", "utf-7", mode, str(path))
    assert code == ExitCode.ERROR and (mode == "--fix" or out == "")   # no diff
    assert f"{path}: its bytes do not read back the same in utf-7" in err
    assert path.read_bytes() == original
    assert leftovers(tmp_path) == []


def test_is_ignored_with_many_regions_agrees_with_a_plain_scan() -> None:
    rng = random.Random(7)
    for _ in range(100):
        spans = []
        for _ in range(rng.randint(9, 30)):
            a = rng.randint(0, 200)
            spans.append((a, a + rng.randint(0, 20)))
        doc = Document("x.txt", "a" * 250)
        doc.ignored = spans
        for _ in range(100):
            start = rng.randint(0, 230)
            end = start + rng.randint(0, 10)
            plain = any(s < max(end, start + 1) and start < e for s, e in spans)
            assert doc.is_ignored(start, end) == plain
