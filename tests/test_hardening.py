"""Review of issue 8's reliability work: the cases a newsroom hits that the first tests
missed (a colleague's draft in a shared folder, long file names, hard-linked twins checked
in parallel, Ctrl-C during a parallel --fix ...). Each test failed before its fix."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sportlint.cli import ExitCode, main

BASIC = ["--select", "spelling.accents,spelling.repeated-word"]
DIRTY = "Il il Bari ha vinto.\n"
FIXED = "Il Bari ha vinto.\n"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "sportlint" in p.name)


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
