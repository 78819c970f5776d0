"""Review of issue 8's reliability work: the cases a newsroom hits that the first tests
missed (a colleague's draft in a shared folder, long file names, hard-linked twins checked
in parallel, Ctrl-C during a parallel --fix ...). Each test failed before its fix."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import Future
from pathlib import Path

import pytest

from clirun import run
from sportlint.cli.main import ExitCode, build_parser, load_settings
from sportlint.engine import linter
from sportlint.runner import single as runner

BASIC = ["--select", "spelling.accents,spelling.repeated-word"]
DIRTY = "Il il Bari ha vinto.\n"
FIXED = "Il Bari ha vinto.\n"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
HAS_FORK = "fork" in multiprocessing.get_all_start_methods()


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


# --- Ctrl-C during a parallel run ---------------------------------------------------------

def _drafts(folder: Path, count: int) -> list[str]:
    paths = []
    for n in range(count):
        path = folder / f"d{n:03}.txt"
        path.write_text(DIRTY * 20, encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.mark.skipif(not HAS_FORK, reason="the patched wait does not reach spawned workers")
def test_ctrl_c_during_a_parallel_fix_starts_no_other_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while the parent waits for the workers: the files not yet started stay as
    they are (the pool used to go on fixing every one of them before stopping), and the
    interrupt reaches the caller."""
    paths = _drafts(tmp_path, 40)
    config = load_settings(build_parser().parse_args(["check", *BASIC, "x"]))
    rules = linter.active_rules(config)
    real_result = Future.result

    def interrupted(self: Future, timeout: float | None = None) -> object:
        real_result(self, timeout)      # a worker has started: then Ctrl-C
        raise KeyboardInterrupt

    monkeypatch.setattr(Future, "result", interrupted)
    outcomes = runner.check_paths(paths, config, rules, runner.Options(fix=True), jobs=2)
    with pytest.raises(KeyboardInterrupt):
        list(outcomes)
    monkeypatch.undo()
    import gc

    assert gc.get_freeze_count() == 0       # a program using the API goes on collecting
    fixed = [p for p in paths if Path(p).read_text(encoding="utf-8") == FIXED * 20]
    untouched = [p for p in paths if Path(p).read_text(encoding="utf-8") == DIRTY * 20]
    assert len(fixed) + len(untouched) == len(paths)    # each file whole, old or new
    assert len(untouched) > len(paths) // 2
    assert leftovers(tmp_path) == []


def test_workers_leave_ctrl_c_to_the_parent() -> None:
    before = signal.getsignal(signal.SIGINT)
    try:
        config = load_settings(build_parser().parse_args(["check", *BASIC, "x"]))
        runner._init_worker(config, [], runner.Options())
        assert signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, before)
        runner._worker = None


def test_ctrl_c_is_a_line_and_exit_code_130(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "check_paths", interrupted)
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    code, out, err = run(capsys, "check", *BASIC, str(tmp_path / "a.txt"))
    assert (code, out, err) == (130, "", "sportlint: interrupted\n")


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="no process groups")
@pytest.mark.parametrize("fix", [False, True])
def test_ctrl_c_in_a_terminal(tmp_path: Path, fix: bool) -> None:
    """A real Ctrl-C (SIGINT to the whole process group) once the workers run: exit code
    130, one line on standard error and no traceback, no temporary file left."""
    _ctrl_c(tmp_path, fix, at_fork=False)


@pytest.mark.skipif(not os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children"),
                    reason="no /proc children list")
@pytest.mark.parametrize("attempt", range(3))
def test_ctrl_c_as_the_workers_start(tmp_path: Path, attempt: int) -> None:
    """Ctrl-C the instant the first worker is forked, before it could ignore it: a
    traceback from the fork's own code, a broken pool, and the run went on (exit code 1)."""
    _ctrl_c(tmp_path, False, at_fork=True)


def _ctrl_c(tmp_path: Path, fix: bool, at_fork: bool) -> None:
    paths = _drafts(tmp_path, 150)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    args = [sys.executable, "-m", "sportlint", "check", *BASIC, "--jobs", "2",
            *(["--fix"] if fix else []), str(tmp_path)]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            # the workers are running once the parent's first file and a worker's are done
            # (without --fix: once the workers exist)
            if fix and sum(Path(p).stat().st_size < len(DIRTY) * 20 for p in paths[:3]) >= 2:
                break
            if not fix and len(_children(proc.pid)) >= (1 if at_fork else 2):
                break
            if not at_fork:
                time.sleep(0.02)
        if proc.poll() is not None:
            pytest.skip("the check finished before the signal could be sent")
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 130, err
    assert err.decode() == "sportlint: interrupted\n"
    assert leftovers(tmp_path) == []


def _children(pid: int) -> list[str]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
            return handle.read().split()
    except OSError:
        return []


# --- one draft under two names (hard links), fixed by parallel workers ---------------------

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


# --- --encoding whose bytes do not read back the same ---------------------------------------

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


# --- a draft in a folder this user may not write ---------------------------------------------

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


# --- a newsroom's own rule file, edited without changing its size or time -------------------

def test_an_edited_rule_file_is_never_read_stale_from_the_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache knows a file by its size and time; a newsroom's rule file (written by a
    script, on a file system with coarse times) can change with both equal: it is known by
    its content too. (Shipped data changes only with an install.)"""
    from sportlint.util import datapaths as paths

    monkeypatch.setenv("SPORTLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SPORTLINT_NO_CACHE", raising=False)
    rule = tmp_path / "house.yaml"
    rule.write_text("id: style.house\nwords: [bove]\n", encoding="utf-8")
    info = rule.stat()
    assert paths.read_yaml(rule)["words"] == ["bove"]
    rule.write_text("id: style.house\nwords: [bava]\n", encoding="utf-8")
    os.utime(rule, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert rule.stat().st_size == info.st_size
    assert paths.read_yaml(rule)["words"] == ["bava"]
    assert paths.read_yaml(rule)["words"] == ["bava"]


# --- a UTF-32 draft ------------------------------------------------------------------------

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


# --- standard input closed or unreadable ------------------------------------------------------

@pytest.mark.parametrize("stdin", ["closed", "unreadable"])
def test_stdin_that_cannot_be_read_is_an_error_naming_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        stdin: str) -> None:
    """`sportlint check - <&-` (sys.stdin is None) was a traceback with exit code 1."""
    class Broken:
        class buffer:
            @staticmethod
            def read() -> bytes:
                raise OSError(5, "Input/output error")

    monkeypatch.setattr("sys.stdin", None if stdin == "closed" else Broken())
    other = tmp_path / "a.txt"
    other.write_text(DIRTY, encoding="utf-8")
    code, out, err = run(capsys, "check", *BASIC, "--format", "json", "-", str(other))
    assert code == ExitCode.ERROR
    assert "sportlint: <stdin>: cannot read standard input (" in err
    assert "a.txt" in out          # the file is still checked


# --- a second Ctrl-C while a hard-linked draft's old text is being put back -------------------

def test_interrupted_undo_of_an_in_place_write_keeps_the_backup(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The write failed half-way and putting the old text back was interrupted: the draft
    may hold neither text, so the backup must stay (it was removed)."""
    path = tmp_path / "draft.txt"
    path.write_bytes(b"old text")
    os.link(path, tmp_path / "twin.txt")
    calls: list[bytes] = []
    real_overwrite = runner._overwrite

    def overwrite(handle: object, data: bytes) -> None:
        calls.append(data)
        if len(calls) == 1:
            real_overwrite(handle, data[:3])  # type: ignore[arg-type]
            raise OSError(28, "No space left on device")
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "_overwrite", overwrite)
    with pytest.raises(KeyboardInterrupt):
        runner.write(str(path), b"new text", b"old text")
    (backup,) = leftovers(tmp_path)
    assert (tmp_path / backup).read_bytes() == b"old text"
    assert capsys.readouterr().err.rstrip().endswith(f"it is saved in {tmp_path / backup}")


# --- a system where worker processes cannot start ---------------------------------------------

@pytest.mark.parametrize("error", [OSError(38, "Function not implemented"),
                                   ImportError("This platform lacks a functioning sem_open "
                                               "implementation")])
def test_no_worker_processes_means_one_process(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        error: Exception) -> None:
    """AWS Lambda, a container without /dev/shm: multiprocessing's semaphores are missing
    and the pool cannot be made. --jobs is the default, so every run of several files was
    a traceback; the files are now checked in this process."""
    import concurrent.futures

    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(DIRTY, encoding="utf-8")

    def no_pool(*args: object, **kwargs: object) -> None:
        raise error

    serial = run(capsys, "check", *BASIC, "--format", "json", "--jobs", "1", str(tmp_path))
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    code, out, err = run(capsys, "check", *BASIC, "--format", "json", "--jobs", "2", str(tmp_path))
    assert (code, out) == serial[:2] and code == ExitCode.FINDINGS
    assert err.startswith("sportlint: cannot start worker processes (")
    code, _, _ = run(capsys, "check", *BASIC, "--fix", "--jobs", "2", str(tmp_path))
    assert code == ExitCode.OK
    assert all((tmp_path / n).read_text(encoding="utf-8") == FIXED for n in ("a.txt", "b.txt", "c.txt"))


# --- rule_files: an empty path, and the config's own folder ------------------------------------

RULE = """\
id: style.house-forza
kind: pattern
summary: A newsroom's own ban.
message: "«{found}»: scrivere «{right}»."
patterns:
  - {pattern: '\\bforza\\s+ragazzi\\b', replacement: 'avanti'}
"""


def test_rule_files_empty_path_is_named(tmp_path: Path) -> None:
    """'' meant the config's folder: every *.yaml there, the config itself included,
    was read as a rule ('a data rule needs id and kind' about .sportlint.yaml)."""
    from sportlint import ConfigError
    from sportlint.config.loader import load_config

    (tmp_path / ".sportlint.yaml").write_text('rule_files: [""]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="key 'rule_files': an empty path"):
        load_config(str(tmp_path / ".sportlint.yaml"), search_from=tmp_path)


def test_rule_folder_skips_hidden_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """rule_files: [.] keeps the rules beside the config: the config (.sportlint.yaml) and
    .pre-commit-config.yaml are hidden files, not rules."""
    (tmp_path / ".sportlint.yaml").write_text("rule_files: [.]\n", encoding="utf-8")
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    (tmp_path / "forza.yaml").write_text(RULE, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Dai, forza ragazzi.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check", "--select", "style.house-forza", "a.txt")
    assert code == ExitCode.FINDINGS and err == "" and "style.house-forza" in out
