"""Bad input and safe writing (issue 8): every odd file gets correct findings or an error
naming it (exit code 2) while the other files are still checked, with one process or
several; `--encoding` for drafts that are not UTF-8; and `--fix` never loses a byte: the
fixed file replaces the original only whole, with its line ends, BOM, permissions and
owner, and never over a change someone else made meanwhile."""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from clirun import run
from sportlint.cli.main import ExitCode, main
from sportlint.runner import single as runner
from sportlint.source import document

BASIC = ["--select", "spelling.accents,spelling.repeated-word"]
OTHER = "Il il Bari ha vinto.\n"       # the good file beside each bad one: one finding
FIXED_OTHER = "Il Bari ha vinto.\n"
JOBS = ["1", "2"]
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
HAS_FORK = "fork" in multiprocessing.get_all_start_methods()


def check_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict, str]:
    code, out, err = run(capsys, "check", *BASIC, "--format", "json", *args)
    return code, json.loads(out), err


def leftovers(folder: Path) -> list[str]:
    """Temporary or backup files sportlint may have left behind."""
    return sorted(p.name for p in folder.iterdir() if "sportlint" in p.name)


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
        real = Path.read_bytes

        def read_bytes(self: Path) -> bytes:
            if self.name == "g-locked.txt":
                raise PermissionError(errno.EACCES, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
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


def test_fix_leaves_a_fifo_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        runner.write(str(fifo), b"new", b"old")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert leftovers(tmp_path) == []


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
    proc = subprocess.run([sys.executable, "-m", "sportlint", "check", "--format", "json",
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


@pytest.mark.parametrize("name", ["klingon", "rot13", "base64", ""])
def test_unknown_encoding_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           name: str) -> None:
    (tmp_path / "a.txt").write_text(OTHER, encoding="utf-8")
    code, out, err = run(capsys, "check", "--encoding", name, str(tmp_path / "a.txt"))
    assert code == ExitCode.ERROR and out == ""
    assert "--encoding" in err and repr(name) in err


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


# --- --fix never loses data -------------------------------------------------------------

CRLF_BOM = ("\ufeffIl il Bari ha vinto.\r\n\r\nPoi poichè è caduto, perchè sì.\r\n"
            "Città città ok, e e basta.\r\nFine.")


def test_fix_changes_only_the_edited_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A CRLF file with a BOM and several fixes: each region between the edits is the
    same bytes, at its shifted place, and each edit is its replacement."""
    path = tmp_path / "draft.txt"
    original = CRLF_BOM.encode("utf-8")
    path.write_bytes(original)
    _, data, _ = check_json(capsys, str(path))
    edits = sorted((e["offset"], e["end_offset"], e["replacement"])
                   for f in data["findings"] if f["fix"] == "safe" for e in f["edits"])
    assert len(edits) >= 4
    code, _, _ = run(capsys, "check", *BASIC, "--fix", str(path))
    assert code == ExitCode.OK
    fixed = path.read_bytes()
    assert fixed.startswith(b"\xef\xbb\xbf") and fixed.count(b"\r\n") == original.count(b"\r\n")
    assert b"\n" not in fixed.replace(b"\r\n", b"")

    def nbytes(text: str) -> int:
        return len(text.encode("utf-8"))

    pos_old = pos_new = 0           # byte positions in the original and in the fixed file
    char = 0
    for start, end, replacement in edits:
        keep = nbytes(CRLF_BOM[char:start])
        assert fixed[pos_new:pos_new + keep] == original[pos_old:pos_old + keep]
        pos_old += keep
        pos_new += keep
        assert fixed[pos_new:pos_new + nbytes(replacement)] == replacement.encode("utf-8")
        pos_old += nbytes(CRLF_BOM[start:end])
        pos_new += nbytes(replacement)
        char = end
    assert fixed[pos_new:] == original[pos_old:]
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("mode", [0o640, 0o755, 0o600, 0o664])
def test_fix_keeps_permissions(tmp_path: Path, capsys: pytest.CaptureFixture[str], mode: int) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(OTHER, encoding="utf-8")
    path.chmod(mode)
    inode = path.stat().st_ino
    assert run(capsys, "check", *BASIC, "--fix", str(path))[0] == ExitCode.OK
    assert path.read_text(encoding="utf-8") == FIXED_OTHER
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert path.stat().st_ino != inode      # a new file, renamed over the old one
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not IS_ROOT, reason="only root may give a file away")
def test_fix_keeps_owner_and_group(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(OTHER, encoding="utf-8")
    os.chown(path, 1234, 5678)
    run(capsys, "check", *BASIC, "--fix", str(path))
    assert path.read_text(encoding="utf-8") == FIXED_OTHER
    assert (path.stat().st_uid, path.stat().st_gid) == (1234, 5678)


def test_fix_through_a_symlink_writes_the_target(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    real = tmp_path / "store"
    real.mkdir()
    target = real / "draft.txt"
    target.write_text(OTHER, encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(os.path.relpath(target, tmp_path))
    run(capsys, "check", *BASIC, "--fix", str(link))
    assert link.is_symlink() and os.readlink(link) == os.path.join("store", "draft.txt")
    assert target.read_text(encoding="utf-8") == FIXED_OTHER
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == leftovers(real) == []


def test_a_stale_temporary_name_does_not_block_the_fix(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The temporary file's name is unique (mkstemp): a leftover with the old fixed name,
    or a second sportlint on the same file, cannot collide with it."""
    path = tmp_path / "draft.txt"
    path.write_text(OTHER, encoding="utf-8")
    (tmp_path / ".draft.txt.sportlint-tmp").mkdir()
    assert run(capsys, "check", *BASIC, "--fix", str(path))[0] == ExitCode.OK
    assert path.read_text(encoding="utf-8") == FIXED_OTHER
    assert leftovers(tmp_path) == [".draft.txt.sportlint-tmp"]


def _change_during_check(monkeypatch: pytest.MonkeyPatch, path: Path, new: bytes) -> None:
    """Another program writes ``path`` while sportlint computes its fixes: the same size
    and modification time, other bytes (as a fast editor may leave them)."""
    real = runner.fix_result
    info = path.stat()

    def fix_result(*args: object, **kwargs: object) -> object:
        result = real(*args, **kwargs)
        path.write_bytes(new)
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
        return result

    monkeypatch.setattr(runner, "fix_result", fix_result)


@pytest.mark.parametrize("jobs", JOBS)
@pytest.mark.parametrize("links", [1, 2])
def test_file_changed_on_disk_is_not_overwritten(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        jobs: str, links: int) -> None:
    if jobs != "1" and not HAS_FORK:
        pytest.skip("the simulated change does not reach spawned workers")
    path = tmp_path / "draft.txt"
    path.write_text(OTHER, encoding="utf-8")
    if links == 2:
        os.link(path, tmp_path / "hard.txt")
    new = b"Il il Bari ha perso.\n"
    assert len(new) == len(OTHER.encode())
    _change_during_check(monkeypatch, path, new)
    other = tmp_path / "other.txt"
    other.write_text(OTHER, encoding="utf-8")
    code, _, err = run(capsys, "check", *BASIC, "--jobs", jobs, "--fix", str(path), str(other))
    assert code == ExitCode.ERROR
    assert f"sportlint: {path}: changed on disk while sportlint was checking it; " \
           "not overwritten" in err
    assert path.read_bytes() == new
    assert other.read_text(encoding="utf-8") == FIXED_OTHER   # (changed too: the same bytes)
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("failing", ["replace", "fsync", "write"])
def test_failed_write_leaves_the_original_and_no_temporary_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        failing: str) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(CRLF_BOM.encode("utf-8"))
    path.chmod(0o640)
    other = tmp_path / "other.txt"
    other.write_text(OTHER, encoding="utf-8")

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    if failing == "write":
        # the temporary file's write itself
        real_fdopen = os.fdopen

        class Full:
            def __init__(self, fd: int, *args: object) -> None:
                self.handle = real_fdopen(fd, "wb")

            def __enter__(self) -> Full:
                return self

            def __exit__(self, *exc: object) -> None:
                self.handle.close()

            def fileno(self) -> int:
                return self.handle.fileno()

            write = disk_full

        monkeypatch.setattr(os, "fdopen", Full)
    else:
        monkeypatch.setattr(os, failing, disk_full)
    code, _, err = run(capsys, "check", *BASIC, "--jobs", "1", "--fix", str(path))
    monkeypatch.undo()
    assert code == ExitCode.ERROR
    assert f"{path}: cannot write the fixes (No space left on device); file left unchanged" in err
    assert path.read_bytes() == CRLF_BOM.encode("utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


def test_read_only_file_is_left_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(OTHER, encoding="utf-8")
    path.chmod(0o444)
    other = tmp_path / "other.txt"
    other.write_text(OTHER, encoding="utf-8")
    code, _, err = run(capsys, "check", *BASIC, "--fix", str(path), str(other))
    assert code == ExitCode.ERROR and f"{path}: cannot write the fixes (the file is read-only)" in err
    assert path.read_text(encoding="utf-8") == OTHER and stat.S_IMODE(path.stat().st_mode) == 0o444
    assert other.read_text(encoding="utf-8") == FIXED_OTHER
    assert leftovers(tmp_path) == []


# --- hard links: rewritten in place, so that every name sees the fixes -----------------

def test_fix_keeps_hard_links(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(CRLF_BOM.encode("utf-8"))
    path.chmod(0o640)
    twin = tmp_path / "twin.txt"
    os.link(path, twin)
    inode = path.stat().st_ino
    assert run(capsys, "check", *BASIC, "--fix", str(path))[0] == ExitCode.OK
    assert path.stat().st_ino == twin.stat().st_ino == inode and path.stat().st_nlink == 2
    fixed = path.read_bytes()
    assert fixed != CRLF_BOM.encode("utf-8") and twin.read_bytes() == fixed
    assert fixed.startswith(b"\xef\xbb\xbf") and b"Il Bari" in fixed
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


def test_failed_in_place_write_puts_the_original_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "draft.txt"
    original = CRLF_BOM.encode("utf-8")
    path.write_bytes(original)
    os.link(path, tmp_path / "twin.txt")
    calls = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:         # the backup is on disk; the new text's flush fails
            raise OSError(errno.EIO, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OSError, match="Input/output error"):
        runner.write(str(path), b"new text", original)
    assert path.read_bytes() == original == (tmp_path / "twin.txt").read_bytes()
    assert leftovers(tmp_path) == []


def test_write_refuses_a_file_that_no_longer_holds_what_was_read(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(b"abc")
    with pytest.raises(runner.ChangedOnDisk):
        runner.write(str(path), b"new", b"abd")
    assert path.read_bytes() == b"abc" and leftovers(tmp_path) == []


def test_decode_and_encode_round_trip_the_bytes() -> None:
    samples = {None: ["\ufeffa\r\nb".encode(), b"", "è’«".encode()],
               "latin-1": ["è\r\n".encode("latin-1"), bytes(range(1, 256))],
               "utf-16": [b"\xff\xfea\x00", b"\xfe\xff\x00a", "a".encode("utf-16-le")],
               "utf-8-sig": [b"\xef\xbb\xbfa", b"a"]}
    for encoding, datas in samples.items():
        for data in datas:
            text = document.decode(data, "x", encoding)
            assert document.encode(text, encoding, "x", data) == data, (encoding, data)


def test_in_place_write_that_cannot_be_undone_keeps_the_backup(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(OTHER, encoding="utf-8")
    os.link(path, tmp_path / "twin.txt")
    real_fsync = os.fsync
    calls = []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) > 1:          # the backup reaches the disk, then nothing else does
            raise OSError(errno.EIO, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    code, _, err = run(capsys, "check", *BASIC, "--jobs", "1", "--fix", str(path))
    monkeypatch.undo()
    assert code == ExitCode.ERROR
    assert f"{path}: cannot write the fixes (Input/output error) nor put the original text " \
           "back: it is saved in " in err
    (backup,) = leftovers(tmp_path)
    assert (tmp_path / backup).read_text(encoding="utf-8") == OTHER
    assert err.strip().endswith(str(tmp_path / backup))


def test_in_place_write_that_cannot_open_the_file_leaves_no_backup(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(b"old")
    os.link(path, tmp_path / "twin.txt")

    def no_open(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(runner, "open", no_open, raising=False)
    with pytest.raises(PermissionError):
        runner.write(str(path), b"new", b"old")
    assert path.read_bytes() == b"old" and leftovers(tmp_path) == []


def test_error_lines_count_cr_and_crlf_line_ends(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    for name, data in (("cr.txt", b"Uno.\rDue.\rIl Bari \xe8 primo.\r"),
                       ("crlf.txt", b"Uno.\r\nDue.\r\nIl Bari \xe8 primo.\r\n")):
        (tmp_path / name).write_bytes(data)
        code, _, err = run(capsys, "check", *BASIC, str(tmp_path / name))
        assert code == ExitCode.ERROR and f"{name}: not valid UTF-8 at line 3 " in err
