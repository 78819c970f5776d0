"""The parallel run's hard cases (the review of issue 8): Ctrl-C while the workers run or
start, and a system where worker processes cannot start at all."""

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
from sportlint.cli.check import load_settings
from sportlint.cli.main import ExitCode, build_parser
from sportlint.engine import linter
from sportlint.runner import jobs, single

BASIC = ["--select", "spelling.accents,spelling.repeated-word"]
DIRTY = "Il il Bari ha vinto.\n"
FIXED = "Il Bari ha vinto.\n"
HAS_FORK = "fork" in multiprocessing.get_all_start_methods()


def leftovers(folder: Path) -> list[str]:
    """Temporary or backup files sportlint may have left behind."""
    return sorted(p.name for p in folder.iterdir() if "sportlint" in p.name)


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
    outcomes = jobs.check_paths(paths, config, rules, single.Options(fix=True), jobs=2)
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
        jobs._init_worker(config, [], single.Options())
        assert signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, before)
        jobs._worker = None


def test_ctrl_c_is_a_line_and_exit_code_130(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(jobs, "check_paths", interrupted)
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
