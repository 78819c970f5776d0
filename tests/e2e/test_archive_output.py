"""What an archive audit adds to `check` without a cluster: --format jsonl streamed,
--output FILE.parquet, the default --jobs choosing one process for a few small drafts,
the progress callback, and --dask-scheduler's messages when it cannot run."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from clirun import run
from sportlint.cli.check import load_settings
from sportlint.cli.main import ExitCode, build_parser
from sportlint.engine import linter
from sportlint.runner import jobs, single

SELECT = ["--select", "spelling,typography"]
DRAFTS = {
    "a.txt": "Il il Bari ha vinto poichè ha segnato.\n",
    "b.md": "La Roma ha vinto perché ha segnato di più.\n",
    "c.txt": "Il Milan ha pareggiato e e il Bari ha perso.\n",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name, text in DRAFTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"Il Bari \xe8 primo.\n")
    return tmp_path


@pytest.mark.parametrize("jobs_", ["1", "2"])
def test_jsonl_is_the_json_findings_one_a_line(folder: Path, capsys: pytest.CaptureFixture[str],
                                               jobs_: str) -> None:
    code, out, err = run(capsys, "check", *SELECT, "--format", "jsonl", "-j", jobs_, str(folder))
    _, whole, _ = run(capsys, "check", *SELECT, "--format", "json", str(folder))
    assert code == ExitCode.ERROR and "bad.txt: not valid UTF-8" in err
    assert out.endswith("\n")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [r for r in lines if "error" not in r] == json.loads(whole)["findings"]
    errors = [r for r in lines if "error" in r]
    assert [r["path"] for r in errors] == [str(folder / "bad.txt")]
    assert errors[0]["error"].startswith("not valid UTF-8 at line 1")


def test_jsonl_to_a_file(folder: Path, tmp_path_factory: pytest.TempPathFactory,
                         capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path_factory.mktemp("out") / "audit.jsonl"
    _, streamed, _ = run(capsys, "check", *SELECT, "--format", "jsonl", str(folder))
    _, out, _ = run(capsys, "check", *SELECT, "--format", "jsonl", "-o", str(out_file),
                       str(folder))
    assert out == "" and out_file.read_text(encoding="utf-8") == streamed
    clean = folder / "b.md"
    run(capsys, "check", *SELECT, "--format", "jsonl", "-o", str(out_file), str(clean))
    assert out_file.read_text(encoding="utf-8") == ""


def test_parquet(folder: Path, tmp_path_factory: pytest.TempPathFactory,
                 capsys: pytest.CaptureFixture[str]) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="the dask extra is not installed")
    out_dir = tmp_path_factory.mktemp("out")
    target = out_dir / "audit.parquet"
    code, out, err = run(capsys, "check", *SELECT, "-o", str(target), str(folder))
    assert code == ExitCode.ERROR and out == "" and "bad.txt: not valid UTF-8" in err
    _, whole, _ = run(capsys, "check", *SELECT, "--format", "json", str(folder))
    table = pq.read_table(target)
    assert table.to_pylist() == json.loads(whole)["findings"]
    assert table.schema.field("line").type == "int64"
    assert [p.name for p in out_dir.iterdir()] == ["audit.parquet"]    # no temporary file
    # a clean run still writes a table, with no rows
    run(capsys, "check", *SELECT, "-o", str(target), str(folder / "b.md"))
    assert pq.read_table(target).num_rows == 0
    code, _, err = run(capsys, "check", "--format", "json", "-o", str(target), str(folder))
    assert code == ExitCode.ERROR and "writes Parquet; --format does not apply" in err


def test_parquet_without_pyarrow(folder: Path, capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    code, out, err = run(capsys, "check", "-o", str(folder / "x.parquet"), str(folder))
    assert code == ExitCode.ERROR and out == ""
    assert err == ("sportlint: --output FILE.parquet needs pyarrow: "
                   "pip install 'sportlint[parquet]'\n")
    assert not (folder / "x.parquet").exists()


def test_dask_scheduler_without_dask(folder: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    code, out, err = run(capsys, "check", "--dask-scheduler", "tcp://127.0.0.1:8786", str(folder))
    assert code == ExitCode.ERROR and out == ""
    assert err == ("sportlint: --dask-scheduler needs dask[distributed]: "
                   "pip install 'sportlint[dask]'\n")


def test_dask_scheduler_that_does_not_answer(folder: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    from sportlint.runner import dask

    monkeypatch.setattr(dask, "CONNECT_TIMEOUT", 0.5)
    code, out, err = run(capsys, "check", "--dask-scheduler", "tcp://127.0.0.1:9", str(folder))
    assert code == ExitCode.ERROR and out == ""
    assert err.startswith("sportlint: cannot reach the Dask scheduler at tcp://127.0.0.1:9 (")


def test_the_default_jobs_check_a_few_small_drafts_here(folder: Path) -> None:
    paths = [str(folder / n) for n in DRAFTS]
    assert jobs.choose_jobs(paths, 2) == 1
    assert jobs.choose_jobs(paths, 1) == 1
    big = folder / "big.txt"
    big.write_text("Il Bari ha vinto. " * 4000, encoding="utf-8")
    assert jobs.choose_jobs([*paths, str(big)], 2) == 2
    assert jobs.choose_jobs(["s3://bucket/a.md", "s3://bucket/b.md"], 2) == 2


def test_chunks() -> None:
    assert jobs.chunk_size(10, 2) == 1
    assert jobs.chunk_size(399, 2) == jobs.MAX_CHUNK
    assert jobs.chunk_size(100_000, 4) == jobs.MAX_CHUNK


@pytest.mark.parametrize("count", [1, 2])
def test_progress_counts_every_file(tmp_path: Path, count: int) -> None:
    paths = []
    for n in range(60):
        (tmp_path / f"d{n:02}.txt").write_text("Il il Bari ha vinto.\n", encoding="utf-8")
        paths.append(str(tmp_path / f"d{n:02}.txt"))
    config = load_settings(build_parser().parse_args(["check", *SELECT, "x"]))
    seen: list[tuple[int, int]] = []
    outcomes = list(jobs.check_paths(paths, config, linter.active_rules(config),
                                     single.Options(), count, lambda f, n: seen.append((f, n))))
    assert [o.report.path for o in outcomes] == paths
    assert sum(f for f, _ in seen) == 60 and sum(n for _, n in seen) == 60
