"""sportlint.runner.single's safe write: `--fix` never loses a byte. The fixed file
replaces the original only whole (a temporary file renamed over it, or the draft rewritten
in place when it has hard links), with its line ends, BOM, permissions and owner, never
over a change someone else made meanwhile; and what stops a write is named (issue 8 and
its review: a colleague's draft, long file names, hard-linked twins, a folder this user
may not write)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from clirun import BASIC, HAS_FORK, IS_ROOT, JOBS, check_json, run
from sportlint.cli.main import ExitCode
from sportlint.runner import single, write

DIRTY = "Il il Bari ha vinto.\n"
FIXED = "Il Bari ha vinto.\n"


def leftovers(folder: Path) -> list[str]:
    """Temporary or backup files sportlint may have left behind."""
    return sorted(p.name for p in folder.iterdir() if "sportlint" in p.name)


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
    path.write_text(DIRTY, encoding="utf-8")
    path.chmod(mode)
    inode = path.stat().st_ino
    assert run(capsys, "check", *BASIC, "--fix", str(path))[0] == ExitCode.OK
    assert path.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert path.stat().st_ino != inode      # a new file, renamed over the old one
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not IS_ROOT, reason="only root may give a file away")
def test_fix_keeps_owner_and_group(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(DIRTY, encoding="utf-8")
    os.chown(path, 1234, 5678)
    run(capsys, "check", *BASIC, "--fix", str(path))
    assert path.read_text(encoding="utf-8") == FIXED
    assert (path.stat().st_uid, path.stat().st_gid) == (1234, 5678)


def test_fix_through_a_symlink_writes_the_target(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    real = tmp_path / "store"
    real.mkdir()
    target = real / "draft.txt"
    target.write_text(DIRTY, encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(os.path.relpath(target, tmp_path))
    run(capsys, "check", *BASIC, "--fix", str(link))
    assert link.is_symlink() and os.readlink(link) == os.path.join("store", "draft.txt")
    assert target.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == leftovers(real) == []


def test_a_stale_temporary_name_does_not_block_the_fix(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The temporary file's name is unique (mkstemp): a leftover with the old fixed name,
    or a second sportlint on the same file, cannot collide with it."""
    path = tmp_path / "draft.txt"
    path.write_text(DIRTY, encoding="utf-8")
    (tmp_path / ".draft.txt.sportlint-tmp").mkdir()
    assert run(capsys, "check", *BASIC, "--fix", str(path))[0] == ExitCode.OK
    assert path.read_text(encoding="utf-8") == FIXED
    assert leftovers(tmp_path) == [".draft.txt.sportlint-tmp"]


def _change_during_check(monkeypatch: pytest.MonkeyPatch, path: Path, new: bytes) -> None:
    """Another program writes ``path`` while sportlint computes its fixes: the same size
    and modification time, other bytes (as a fast editor may leave them)."""
    real = single.fix_result
    info = path.stat()

    def fix_result(*args: object, **kwargs: object) -> object:
        result = real(*args, **kwargs)
        path.write_bytes(new)
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
        return result

    monkeypatch.setattr(single, "fix_result", fix_result)


@pytest.mark.parametrize("jobs", JOBS)
@pytest.mark.parametrize("links", [1, 2])
def test_file_changed_on_disk_is_not_overwritten(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        jobs: str, links: int) -> None:
    if jobs != "1" and not HAS_FORK:
        pytest.skip("the simulated change does not reach spawned workers")
    path = tmp_path / "draft.txt"
    path.write_text(DIRTY, encoding="utf-8")
    if links == 2:
        os.link(path, tmp_path / "hard.txt")
    new = b"Il il Bari ha perso.\n"
    assert len(new) == len(DIRTY.encode())
    _change_during_check(monkeypatch, path, new)
    other = tmp_path / "other.txt"
    other.write_text(DIRTY, encoding="utf-8")
    code, _, err = run(capsys, "check", *BASIC, "--jobs", jobs, "--fix", str(path), str(other))
    assert code == ExitCode.ERROR
    assert f"sportlint: {path}: changed on disk while sportlint was checking it; " \
           "not overwritten" in err
    assert path.read_bytes() == new
    assert other.read_text(encoding="utf-8") == FIXED   # (changed too: the same bytes)
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("failing", ["replace", "fsync", "write"])
def test_failed_write_leaves_the_original_and_no_temporary_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        failing: str) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(CRLF_BOM.encode("utf-8"))
    path.chmod(0o640)
    other = tmp_path / "other.txt"
    other.write_text(DIRTY, encoding="utf-8")

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
    path.write_text(DIRTY, encoding="utf-8")
    path.chmod(0o444)
    other = tmp_path / "other.txt"
    other.write_text(DIRTY, encoding="utf-8")
    code, _, err = run(capsys, "check", *BASIC, "--fix", str(path), str(other))
    assert code == ExitCode.ERROR and f"{path}: cannot write the fixes (the file is read-only)" in err
    assert path.read_text(encoding="utf-8") == DIRTY and stat.S_IMODE(path.stat().st_mode) == 0o444
    assert other.read_text(encoding="utf-8") == FIXED
    assert leftovers(tmp_path) == []


def test_fix_leaves_a_fifo_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        write.write(str(fifo), b"new", b"old")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
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
        write.write(str(path), b"new text", original)
    assert path.read_bytes() == original == (tmp_path / "twin.txt").read_bytes()
    assert leftovers(tmp_path) == []


def test_write_refuses_a_file_that_no_longer_holds_what_was_read(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(b"abc")
    with pytest.raises(write.ChangedOnDisk):
        write.write(str(path), b"new", b"abd")
    assert path.read_bytes() == b"abc" and leftovers(tmp_path) == []


def test_in_place_write_that_cannot_be_undone_keeps_the_backup(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(DIRTY, encoding="utf-8")
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
    assert (tmp_path / backup).read_text(encoding="utf-8") == DIRTY
    assert err.strip().endswith(str(tmp_path / backup))


def test_in_place_write_that_cannot_open_the_file_leaves_no_backup(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(b"old")
    os.link(path, tmp_path / "twin.txt")

    def no_open(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(write, "open", no_open, raising=False)
    with pytest.raises(PermissionError):
        write.write(str(path), b"new", b"old")
    assert path.read_bytes() == b"old" and leftovers(tmp_path) == []


def test_interrupted_undo_of_an_in_place_write_keeps_the_backup(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The write failed half-way and putting the old text back was interrupted: the draft
    may hold neither text, so the backup must stay (it was removed)."""
    path = tmp_path / "draft.txt"
    path.write_bytes(b"old text")
    os.link(path, tmp_path / "twin.txt")
    calls: list[bytes] = []
    real_overwrite = write._overwrite

    def overwrite(handle: object, data: bytes) -> None:
        calls.append(data)
        if len(calls) == 1:
            real_overwrite(handle, data[:3])  # type: ignore[arg-type]
            raise OSError(28, "No space left on device")
        raise KeyboardInterrupt

    monkeypatch.setattr(write, "_overwrite", overwrite)
    with pytest.raises(KeyboardInterrupt):
        write.write(str(path), b"new text", b"old text")
    (backup,) = leftovers(tmp_path)
    assert (tmp_path / backup).read_bytes() == b"old text"
    assert capsys.readouterr().err.rstrip().endswith(f"it is saved in {tmp_path / backup}")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_hard_linked_names_of_one_draft_are_checked_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str) -> None:
    """Two workers fixed the same file through its two names at once: one of them always
    found it 'changed on disk' (exit 2) although nobody else had touched it."""
    first = tmp_path / "a.txt"
    first.write_text(DIRTY, encoding="utf-8")
    twin = tmp_path / "b.txt"
    twin.write_text(DIRTY * 300, encoding="utf-8")
    os.link(twin, tmp_path / "c.txt")
    code, _, err = run(capsys, "check", *BASIC, "--jobs", jobs, "--fix",
                       str(first), str(twin), str(tmp_path / "c.txt"))
    assert (code, err) == (ExitCode.OK, "")
    assert twin.read_text(encoding="utf-8") == FIXED * 300
    assert (tmp_path / "c.txt").stat().st_ino == twin.stat().st_ino
    assert leftovers(tmp_path) == []


# --- --fix on a draft this process may not write, or whose owner it cannot keep --------

def test_fix_refuses_a_draft_this_user_may_not_write(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A colleague's draft (rw-r--r--, theirs) in a folder everyone may write: renaming
    over it would work, but it is not ours to change (and would become ours)."""
    path = tmp_path / "draft.txt"
    path.write_text(DIRTY, encoding="utf-8")
    real_access = os.access

    def access(target: object, mode: int, *args: object, **kwargs: object) -> bool:
        if mode & os.W_OK and os.path.realpath(str(target)) == os.path.realpath(path):
            return False
        return real_access(target, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    code, _, err = run(capsys, "check", *BASIC, "--fix", str(path))
    monkeypatch.undo()
    assert code == ExitCode.ERROR
    assert f"{path}: cannot write the fixes (you may not write this file); file left unchanged" in err
    assert path.read_text(encoding="utf-8") == DIRTY
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not IS_ROOT, reason="only root may give a file away")
def test_fix_that_cannot_keep_the_owner_writes_in_place(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A group-writable draft of a colleague: this process may write it but cannot make a
    new file theirs, so the draft is rewritten in place (owner, group and inode kept)."""
    path = tmp_path / "draft.txt"
    path.write_text(DIRTY, encoding="utf-8")
    os.chown(path, 1234, 5678)
    path.chmod(0o664)
    inode = path.stat().st_ino

    def fchown(*args: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "fchown", fchown)
    code, _, _ = run(capsys, "check", *BASIC, "--fix", str(path))
    monkeypatch.undo()
    assert code == ExitCode.OK
    assert path.read_text(encoding="utf-8") == FIXED
    info = path.stat()
    assert (info.st_uid, info.st_gid, info.st_ino, info.st_mode & 0o777) == (1234, 5678, inode, 0o664)
    assert leftovers(tmp_path) == []


def test_fix_in_a_folder_that_is_not_writable_says_so(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The draft itself is writable, its folder is not (no temporary file can be made
    there): 'Permission denied' alone sent the user to the draft's own permissions."""
    import tempfile

    path = tmp_path / "draft.txt"
    path.write_text(DIRTY, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(DIRTY, encoding="utf-8")
    real_mkstemp = tempfile.mkstemp

    def mkstemp(*args: object, **kwargs: object) -> tuple[int, str]:
        if ".draft.txt." in str(kwargs.get("prefix")):
            raise PermissionError(13, "Permission denied")     # as in a dr-xr-xr-x folder
        return real_mkstemp(*args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    code, _, err = run(capsys, "check", *BASIC, "--jobs", "1", "--fix", str(path), str(other))
    monkeypatch.undo()
    assert code == ExitCode.ERROR
    assert f"sportlint: {path}: cannot write the fixes (cannot create a temporary file in " \
           f"{tmp_path}: Permission denied); file left unchanged" in err
    assert path.read_text(encoding="utf-8") == DIRTY
    assert other.read_text(encoding="utf-8") == FIXED
    assert leftovers(tmp_path) == []


# --- a long file name: the temporary name beside it must still fit ------------------------

@pytest.mark.parametrize("stem", ["a" * 240, "è" * 120, "partita-" * 30])
def test_fix_a_draft_with_a_long_name(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      stem: str) -> None:
    """A name near the file system's limit (255 bytes): the temporary file beside it
    (".NAME.XXXXXXXX.sportlint-tmp") was longer than that, and --fix failed."""
    path = tmp_path / f"{stem}.txt"
    path.write_text(DIRTY, encoding="utf-8")
    os.link(path, tmp_path / "twin.txt")    # the in-place write's backup too
    code, _, err = run(capsys, "check", *BASIC, "--fix", str(path))
    assert (code, err) == (ExitCode.OK, "")
    assert path.read_text(encoding="utf-8") == FIXED
    os.unlink(tmp_path / "twin.txt")
    path.write_text(DIRTY, encoding="utf-8")
    code, _, err = run(capsys, "check", *BASIC, "--fix", str(path))
    assert (code, err) == (ExitCode.OK, "")
    assert path.read_text(encoding="utf-8") == FIXED
    assert leftovers(tmp_path) == []
