"""Drafts named by fsspec URLs (runner/remote.py), through the CLI: a folder, a glob, a
missing file, a storage whose package is missing, and --fix refused."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from clirun import BASIC, run
from sportlint.cli.main import ExitCode
from sportlint.runner import remote

fsspec = pytest.importorskip("fsspec", reason="the dask extra is not installed")


@pytest.fixture
def memory() -> Iterator[object]:
    fs = fsspec.filesystem("memory")
    fs.pipe("/archivio/2024/a.txt", b"Il il Bari ha vinto.\n")
    fs.pipe("/archivio/2024/b.md", b"La Roma ha vinto.\n")
    fs.pipe("/archivio/2024/c.bin", b"\x00")
    fs.pipe("/archivio/.git/d.txt", b"Il il Bari ha vinto.\n")
    yield fs
    fs.rm("/archivio", recursive=True)


def test_urls_and_paths() -> None:
    assert remote.is_url("s3://bucket/a.md") and remote.is_url("file:///tmp/a.md")
    assert not remote.is_url("C:\\bozze\\a.md") and not remote.is_url("bozze/a.md")


def test_a_folder_and_a_glob(memory: object, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", *BASIC, "memory://archivio")
    assert code == ExitCode.FINDINGS
    assert out.startswith("memory:///archivio/2024/a.txt:1:3: error [spelling.repeated-word]")
    assert ".git" not in out
    code, out, _ = run(capsys, "check", *BASIC, "memory://archivio/*/*.md")
    assert code == ExitCode.OK


def test_the_same_report_as_local_files(memory: object, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Il il Bari ha vinto.\n", encoding="utf-8")
    local = run(capsys, "check", *BASIC, "--format", "json", str(tmp_path / "a.txt"))
    url = run(capsys, "check", *BASIC, "--format", "json", (tmp_path / "a.txt").as_uri())
    assert url == (local[0], local[1].replace(str(tmp_path / "a.txt"),
                                              (tmp_path / "a.txt").as_uri()), local[2])


def test_errors_name_the_url(memory: object, capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run(capsys, "check", *BASIC, "memory://archivio/manca.txt")
    assert code == ExitCode.ERROR
    assert err == "sportlint: memory://archivio/manca.txt: No such file or directory\n"
    code, _, err = run(capsys, "check", *BASIC, "--fix", "memory://archivio/2024/a.txt")
    assert code == ExitCode.ERROR and "--fix cannot write to a URL" in err
    assert memory.cat("/archivio/2024/a.txt") == b"Il il Bari ha vinto.\n"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fsspec", None)
    code, _, err = run(capsys, "check", *BASIC, "memory://archivio")
    assert code == ExitCode.ERROR
    assert "reading URLs needs fsspec: pip install 'sportlint[dask]'" in err
