"""`check --jobs N`: the same reports in the same order as one process, fixes written by
the workers, and a crash (of a rule, or of a whole worker) reported against its file while
the other files are still checked."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from clirun import run
from sportlint.cli.main import ExitCode
from sportlint.engine import linter
from sportlint.runner import single

DRAFTS = {
    "a.txt": "Il il Bari ha vinto poichè ha segnato.\n",
    "b.md": "La Roma ha vinto perché ha segnato di più.\n",
    "c.txt": "Il Milan ha pareggiato e e il Bari ha perso.\n",
    "d.txt": "Ha segnato al 23' e poi al 45'+2, come negli anni '80.\n",
    "e.txt": "Qual'è il risultato? Lo sà solo lui.\n",
}
SELECT = ["--select", "spelling,typography"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name, text in DRAFTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"Il Bari \xe8 primo.\n")
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_parallel_reports_equal_the_serial_ones(
        folder: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    serial = run(capsys, "check", *SELECT, "--format", fmt, "--jobs", "1", str(folder))
    parallel = run(capsys, "check", *SELECT, "--format", fmt, "--jobs", "3", str(folder))
    assert parallel == serial
    code, out, err = serial
    assert code == ExitCode.ERROR       # bad.txt, named, and the others still reported
    assert "bad.txt: not valid UTF-8" in err
    if fmt == "json":
        paths = [Path(f["path"]).name for f in json.loads(out)["findings"]]
        assert paths == sorted(paths)   # in the order of the paths walked
        assert {"a.txt", "c.txt", "e.txt"} <= set(paths)


def test_parallel_fix_writes_every_file(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    serial = folder / "serial"
    serial.mkdir()
    for name, text in DRAFTS.items():
        (serial / name).write_text(text, encoding="utf-8")
    parallel = folder / "parallel"
    parallel.mkdir()
    for name, text in DRAFTS.items():
        (parallel / name).write_text(text, encoding="utf-8")
    run(capsys, "check", *SELECT, "--fix", "--jobs", "1", str(serial))
    run(capsys, "check", *SELECT, "--fix", "--jobs", "2", str(parallel))
    fixed = {name: (serial / name).read_bytes() for name in DRAFTS}
    assert fixed == {name: (parallel / name).read_bytes() for name in DRAFTS}
    assert fixed["a.txt"] != DRAFTS["a.txt"].encode()   # something was fixed


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_jobs_must_be_a_positive_number(folder: Path, capsys: pytest.CaptureFixture[str],
                                        value: str) -> None:
    code, _, err = run(capsys, "check", "--jobs", value, str(folder))
    assert code == ExitCode.ERROR
    assert "--jobs" in err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_crashing_rule_names_the_file_and_the_others_are_checked(
        folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        jobs: str) -> None:
    real_lint = linter.lint

    def lint(doc, config, rules=None):  # type: ignore[no-untyped-def]
        if doc.path and doc.path.endswith("c.txt"):
            raise RuntimeError("boom")
        return real_lint(doc, config, rules)

    monkeypatch.setattr(linter, "lint", lint)
    code, out, err = run(capsys, "check", *SELECT, "--jobs", jobs, str(folder))
    assert code == ExitCode.ERROR
    assert "c.txt: internal error in sportlint (RuntimeError: boom)" in err
    assert "a.txt:1:3" in out and "e.txt" in out


def test_a_worker_that_dies_is_replaced_by_this_process(
        folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    parent = os.getpid()
    real_check = single.check_path

    def check_path(path, config, rules, options):  # type: ignore[no-untyped-def]
        if os.getpid() != parent:
            os._exit(1)     # a worker killed by the system, say
        return real_check(path, config, rules, options)

    monkeypatch.setattr(single, "check_path", check_path)
    code, out, err = run(capsys, "check", *SELECT, "--jobs", "2", str(folder))
    assert "worker process stopped" in err
    assert code == ExitCode.ERROR and "bad.txt: not valid UTF-8" in err
    for name in ("a.txt", "c.txt", "e.txt"):
        assert name in out
