"""`check --dask-scheduler`: a real Dask scheduler with two worker processes on 127.0.0.1
checks a few dozen drafts, and every output format is exactly what a local run prints;
the Parquet output of both reads back with pyarrow, row for row the JSON findings.

Needs the ``dask`` extra (the ``test`` extra installs it). The cluster is started once for
the module and always closed."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from clirun import run
from sportlint.cli.main import ExitCode

distributed = pytest.importorskip(
    "distributed", reason="the dask extra is not installed: pip install -e '.[dask]'")
pq = pytest.importorskip("pyarrow.parquet",
                         reason="the dask extra is not installed: pip install -e '.[dask]'")

SENTENCES = [
    "Il il Bari ha vinto poichè ha segnato al 23'.",
    "La Roma ha pareggiato 1-1 con il Torino, come negli anni '80.",
    "Qual'è il risultato? Lo sà solo l'allenatore.",
    "Il Milan ha giocato con il 4-2-3-1 e e ha perso.",
    "Simone Inzaghi e Filippo Inzaghi hanno parlato dopo la partita.",
    "Al 45'+2 Immobile ha segnato il gol del vantaggio.",
    "«Siamo contenti», ha detto Conte a fine gara.",
    "Perchè la Juventus non ha vinto?",
]
SELECT = ["--select", "spelling,typography,scores,quotes"]


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None,
                                  worker_dashboard_address=None) as local:
        yield local.scheduler_address


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("archive")
    rng = random.Random(22)
    for n in range(36):
        folder = root / "drafts" / f"{2005 + n % 4}"
        folder.mkdir(parents=True, exist_ok=True)
        body = "\n\n".join(" ".join(rng.sample(SENTENCES, 3)) for _ in range(3))
        suffix = ".md" if n % 5 == 0 else ".txt"
        (folder / f"art{n:02}{suffix}").write_text(f"Articolo {n}\n\n{body}\n", encoding="utf-8")
    (root / "drafts" / "2005" / "bad.txt").write_bytes(b"Il Bari \xe8 primo.\n")
    return root


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "github", "sarif", "html"])
def test_a_dask_run_prints_what_a_local_run_prints(
        cluster: str, archive: Path, fmt: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(archive)          # relative paths: the report names them as given
    local = run(capsys, "check", *SELECT, "--format", fmt, "--jobs", "1", "drafts")
    remote = run(capsys, "check", *SELECT, "--format", fmt, "--dask-scheduler", cluster, "drafts")
    assert remote == local
    code, out, err = local
    assert code == ExitCode.ERROR and "bad.txt: not valid UTF-8" in err
    assert "drafts/2005/art00.md" in out and "spelling.repeated-word" in out


def test_the_parquet_output_of_a_dask_run(cluster: str, archive: Path,
                                          capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(archive)
    _, out, _ = run(capsys, "check", *SELECT, "--format", "json", "drafts")
    findings = json.loads(out)["findings"]
    code, out, err = run(capsys, "check", *SELECT, "--dask-scheduler", cluster,
                         "--output", "remote.parquet", "drafts")
    assert code == ExitCode.ERROR and out == "" and "bad.txt: not valid UTF-8" in err
    run(capsys, "check", *SELECT, "--jobs", "2", "--output", "local.parquet", "drafts")
    remote, local = pq.read_table("remote.parquet"), pq.read_table("local.parquet")
    assert remote.equals(local)
    assert remote.to_pylist() == findings and len(findings) > 36


def test_a_dask_run_refuses_to_fix(cluster: str, archive: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "--fix", "--dask-scheduler", cluster, str(archive))
    assert code == ExitCode.ERROR and out == ""
    assert "--dask-scheduler does not write fixes" in err


def test_the_diff_of_a_dask_run(cluster: str, archive: Path, capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(archive)
    local = run(capsys, "check", *SELECT, "--diff", "drafts")
    assert run(capsys, "check", *SELECT, "--diff", "--dask-scheduler", cluster, "drafts") == local
    assert "+Il Bari ha vinto" in local[1]


def test_the_api_on_the_cluster(cluster: str, archive: Path) -> None:
    """The documented recipe: plain records from `check_text`, mapped over the drafts."""
    from sportlint.api import check_text, summarize_text

    paths = sorted(str(p) for p in (archive / "drafts").rglob("art*"))
    texts = [Path(p).read_text(encoding="utf-8") for p in paths]
    with distributed.Client(cluster, set_as_default=False) as client:
        records = client.gather(client.map(check_text, texts, paths, pure=False))
        summaries = client.gather(client.map(summarize_text, texts, paths, pure=False))
    assert records == [check_text(t, p) for t, p in zip(texts, paths, strict=True)]
    assert [s["findings"] for s in summaries] == [len(r) for r in records]


def test_the_progress_of_a_dask_run(cluster: str, archive: Path) -> None:
    from sportlint.cli.check import load_settings
    from sportlint.cli.main import build_parser
    from sportlint.runner import dask, single

    paths = sorted(str(p) for p in (archive / "drafts").rglob("*.*"))
    config = load_settings(build_parser().parse_args(["check", *SELECT, "x"]))
    seen: list[tuple[int, int]] = []
    outcomes = list(dask.check_paths(paths, config, single.Options(), cluster,
                                     lambda files, found: seen.append((files, found))))
    assert [o.report.path for o in outcomes] == paths
    assert sum(f for f, _ in seen) == len(paths)
    assert sum(n for _, n in seen) == sum(len(o.report.findings) for o in outcomes)
