"""Bad input through the command line (issue 8): every odd file gets correct findings or
an error naming it (exit code 2) while the other files are still checked, with one process
or several; large files; offsets with CRLF and a BOM; standard input that cannot be read;
an unknown `--encoding`. (Decoding is tested in tests/unit/source/test_document.py, the
safe write of `--fix` in tests/unit/runner/test_write.py.)"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from clirun import BASIC, HAS_FORK, IS_ROOT, JOBS, check_json, run
from sportlint.cli.main import ExitCode

OTHER = "Il il Bari ha vinto.\n"       # the good file beside each bad one: one finding


# --- bad input: an error naming the file, the others still checked -------------------

BAD_INPUTS: dict[str, tuple[bytes | None, str]] = {
    # name: (content, None for a path that does not exist; what the error must say)
    "invalid-utf8": (b"Prima riga.\nSeconda riga.\nIl Bari \xe8 primo, poi \xff.\n",
                     "not valid UTF-8 at line 3 (byte 34: invalid continuation byte); "
                     "if the file is in another encoding, name it with --encoding"),
    "latin-1": ("Il Bari è primo perchè ha vinto.\n".encode("latin-1"),
                "not valid UTF-8 at line 1"),
    "binary": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary content"),
    "nul-bytes": (b"Il Bari ha vinto.\x00\x00 Poi ha perso.\n", "binary content (NUL bytes)"),
    "utf-16": ("Il Bari è primo.\n".encode("utf-16"), "UTF-16"),
    "missing": (None, "No such file or directory"),
}


@pytest.mark.parametrize("jobs", JOBS)
@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_named_and_the_other_file_still_checked(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, jobs: str) -> None:
    content, problem = BAD_INPUTS[case]
    bad = tmp_path / f"{case}.txt"
    if content is not None:
        bad.write_bytes(content)
    other = tmp_path / "other.txt"
    other.write_text(OTHER, encoding="utf-8")
    for order in ([bad, other], [other, bad]):      # first in the main process, or a worker
        code, data, err = check_json(capsys, "--jobs", jobs, *map(str, order))
        assert code == ExitCode.ERROR
        assert f"sportlint: {bad}: {problem}" in err
        assert data["errors"] == [{"path": str(bad), "message": err.split(f"{bad}: ")[1].strip()}]
        assert [(f["path"], f["line"], f["column"]) for f in data["findings"]] == \
            [(str(other), 1, 3)]


@pytest.mark.parametrize("jobs", JOBS)
def test_broken_symlink_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                 jobs: str) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "other.txt").write_text(OTHER, encoding="utf-8")
    code, data, err = check_json(capsys, "--jobs", jobs, str(link), str(tmp_path / "other.txt"))
    assert code == ExitCode.ERROR
    assert f"{link}: broken symbolic link (to {tmp_path / 'nowhere.txt'})" in err
    assert len(data["findings"]) == 1


@pytest.mark.parametrize("jobs", JOBS)
def test_empty_file_has_no_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   jobs: str) -> None:
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    assert run(capsys, "check", "--jobs", jobs, str(empty))[:2] == (ExitCode.OK, "")
    (tmp_path / "other.txt").write_text(OTHER, encoding="utf-8")
    code, data, _ = check_json(capsys, "--jobs", jobs, str(empty), str(tmp_path / "other.txt"))
    assert code == ExitCode.FINDINGS and data["errors"] == []
    assert [f["path"] for f in data["findings"]] == [str(tmp_path / "other.txt")]


def _unreadable_folder(tmp_path: Path) -> Path:
    """A folder of drafts, some of which cannot be read: as any user can make them."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "a-good.txt").write_text(OTHER, encoding="utf-8")
    (folder / "b-gone.md").symlink_to(folder / "nowhere.md")
    (folder / "c-bad.txt").write_bytes(b"Il Bari \xe8 primo.\n")
    (folder / "d-folder.md").mkdir()                  # a folder is walked, not read
    (folder / "d-folder.md" / "inner.txt").write_text("Poi poichè no.\n", encoding="utf-8")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "e-pipe.md")               # found in a folder: skipped, never read
    (folder / "f-empty.txt").write_bytes(b"")
    (folder / "g-locked.txt").write_text(OTHER, encoding="utf-8")
    (folder / "g-locked.txt").chmod(0)
    return folder


@pytest.mark.parametrize("jobs", JOBS)
def test_folder_with_unreadable_files(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch, jobs: str) -> None:
    folder = _unreadable_folder(tmp_path)
    if IS_ROOT:
        # root reads a file whatever its mode: make the read fail as it would for anyone else
        if jobs != "1" and not HAS_FORK:
            pytest.skip("the simulated failure does not reach spawned workers")
        real = Path.open

        def open_file(self: Path, *args: Any, **kwargs: Any) -> Any:
            if self.name == "g-locked.txt":
                raise PermissionError(errno.EACCES, "Permission denied", str(self))
            return real(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", open_file)
    try:
        code, data, err = check_json(capsys, "--jobs", jobs, str(folder))
    finally:
        (folder / "g-locked.txt").chmod(0o644)
    assert code == ExitCode.ERROR
    errors = {Path(e["path"]).name: e["message"] for e in data["errors"]}
    assert errors == {"b-gone.md": f"broken symbolic link (to {folder / 'nowhere.md'})",
                      "c-bad.txt": errors["c-bad.txt"], "g-locked.txt": "Permission denied"}
    assert errors["c-bad.txt"].startswith("not valid UTF-8 at line 1")
    for name in errors:
        assert f"{folder / name}: " in err
    assert [(Path(f["path"]).name, f["line"]) for f in data["findings"]] == \
        [("a-good.txt", 1), ("inner.txt", 1)]


@pytest.mark.parametrize("jobs", JOBS)
def test_unreadable_subfolder_is_an_error_naming_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        jobs: str) -> None:
    folder = tmp_path / "drafts"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "hidden.txt").write_text(OTHER, encoding="utf-8")
    (folder / "a-good.txt").write_text(OTHER, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        # as `chmod 000 locked` does for anyone but root
        if Path(path).name == "locked":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, data, err = check_json(capsys, "--jobs", jobs, str(folder))
    assert code == ExitCode.ERROR       # a CI check must not pass over drafts it never read
    assert data["errors"] == [{"path": str(folder / "locked"), "message":
                               "cannot read the folder (Permission denied); "
                               "its drafts were not checked"}]
    assert f"{folder / 'locked'}: cannot read the folder" in err
    assert [Path(f["path"]).name for f in data["findings"]] == ["a-good.txt"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_named_on_the_command_line_is_read(tmp_path: Path) -> None:
    """As `sportlint check <(command)`: read to its end, in a subprocess with a timeout
    (if reading blocked, the test fails instead of hanging)."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    other = tmp_path / "other.txt"
    other.write_text(OTHER, encoding="utf-8")

    def feed() -> None:
        with open(fifo, "wb") as pipe:      # blocks until sportlint opens it
            pipe.write("Ha vinto poichè ha segnato.\n".encode())

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    proc = subprocess.run([sys.executable, "-m", "sportlint", "check", *BASIC, "--format",
                           "json", "--jobs", "2", str(fifo), str(other)],
                          capture_output=True, timeout=120, check=False)
    writer.join(timeout=5)
    assert proc.returncode == ExitCode.FINDINGS, proc.stderr
    found = [(Path(f["path"]).name, f["text"]) for f in json.loads(proc.stdout)["findings"]]
    assert found == [("pipe.txt", "poichè"), ("other.txt", " il")]


# --- large files ---------------------------------------------------------------------

SENTENCES = ["Il Bari ha vinto in casa.", "La Roma ha perso in trasferta.",
             "Il portiere ha parato un rigore.", "Il Milan ha pareggiato nel finale.",
             "L'allenatore ha cambiato modulo.", "La squadra ha giocato con grinta."]


@pytest.mark.slow
def test_20_mb_file_is_linted_to_the_last_line(tmp_path: Path) -> None:
    """A 20 MB draft of made-up sentences (in a subprocess, so that its memory is given
    back): it completes, with the slips planted at its start, middle and end reported at
    their lines and columns, and nothing else."""
    para = " ".join(SENTENCES)
    lines = [para if n % 2 else "" for n in range(20 * 2**20 // (len(para) // 2) + 2)]
    lines[0] = "Il il Bari ha vinto. " + para
    lines[40_000] = "Ha vinto perchè ha segnato. " + para
    lines[-2] = para + " Poi poi ha perso."
    text = "\n".join(lines) + "\n"
    assert len(text) >= 20 * 2**20
    big = tmp_path / "big.txt"
    big.write_text(text, encoding="utf-8")
    config = tmp_path / "large.yaml"     # over the default max_file_size (10 MB)
    config.write_text("max_file_size: 30000000\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "sportlint", "check", "--format", "json",
                           "--config", str(config),
                           "--select", "spelling.accents,spelling.repeated-word", str(big)],
                          capture_output=True, timeout=900, check=False)
    assert proc.returncode == ExitCode.FINDINGS, proc.stderr
    found = [(f["line"], f["column"], f["text"]) for f in json.loads(proc.stdout)["findings"]]
    assert found == [(1, 3, " il"), (40_001, 10, "perchè"),
                     (len(lines) - 1, len(para) + 5, " poi")]


@pytest.mark.parametrize("jobs", JOBS)
def test_single_1_mb_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str) -> None:
    middle = " ".join(SENTENCES) + " "
    text = "Il il Bari. " + middle * (2**20 // len(middle) + 1) + "Poi perchè no."
    assert "\n" not in text and len(text) > 2**20
    (tmp_path / "line.txt").write_text(text, encoding="utf-8")
    (tmp_path / "other.txt").write_text(OTHER, encoding="utf-8")
    code, data, _ = check_json(capsys, "--jobs", jobs, str(tmp_path / "line.txt"),
                               str(tmp_path / "other.txt"))
    assert code == ExitCode.FINDINGS
    found = [(Path(f["path"]).name, f["line"], f["column"], f["text"]) for f in data["findings"]]
    assert found == [("line.txt", 1, 3, " il"),
                     ("line.txt", 1, text.index("perchè") + 1, "perchè"),
                     ("other.txt", 1, 3, " il")]


# --- CRLF and BOM: JSON offsets into the decoded file ---------------------------------

LINE_ENDS = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}


@pytest.mark.parametrize("bom", [False, True])
@pytest.mark.parametrize("newline", sorted(LINE_ENDS))
def test_json_offsets_lines_and_columns_with_crlf_and_bom(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], newline: str, bom: bool) -> None:
    end = LINE_ENDS[newline]
    lines = ["Il il Bari ha vinto.", "", "Ha vinto perchè ha segnato, poichè sì.", "Fine fine."]
    text = ("\ufeff" if bom else "") + end.join(lines) + end
    path = tmp_path / "draft.txt"
    path.write_bytes(text.encode("utf-8"))
    code, data, _ = check_json(capsys, str(path))
    assert code == ExitCode.FINDINGS
    decoded = path.read_bytes().decode("utf-8")       # the BOM is a character of the text
    assert decoded == text
    found = []
    for f in data["findings"]:
        assert decoded[f["offset"]:f["end_offset"]] == f["text"]
        line_start = max(decoded.rfind("\n", 0, f["offset"]), decoded.rfind("\r", 0, f["offset"])) + 1
        assert f["column"] == f["offset"] - line_start + 1
        assert f["line"] == len(decoded[:f["offset"]].replace("\r\n", "\n").replace("\r", "\n")
                                .split("\n"))
        found.append((f["line"], f["text"]))
    assert found == [(1, " il"), (3, "perchè"), (3, "poichè"), (4, " fine")]


# --- an --encoding that does not exist, standard input that cannot be read ------------

@pytest.mark.parametrize("name", ["klingon", "rot13", "base64", ""])
def test_unknown_encoding_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           name: str) -> None:
    (tmp_path / "a.txt").write_text(OTHER, encoding="utf-8")
    code, out, err = run(capsys, "check", "--encoding", name, str(tmp_path / "a.txt"))
    assert code == ExitCode.ERROR and out == ""
    assert "--encoding" in err and repr(name) in err


@pytest.mark.parametrize("stdin", ["closed", "unreadable"])
def test_stdin_that_cannot_be_read_is_an_error_naming_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        stdin: str) -> None:
    """`sportlint check - <&-` (sys.stdin is None) was a traceback with exit code 1."""
    class Broken:
        class buffer:
            @staticmethod
            def read(size: int = -1) -> bytes:
                raise OSError(5, "Input/output error")

    monkeypatch.setattr("sys.stdin", None if stdin == "closed" else Broken())
    other = tmp_path / "a.txt"
    other.write_text(OTHER, encoding="utf-8")
    code, out, err = run(capsys, "check", *BASIC, "--format", "json", "-", str(other))
    assert code == ExitCode.ERROR
    assert "sportlint: <stdin>: cannot read standard input (" in err
    assert "a.txt" in out          # the file is still checked
