"""The picklable API for archive audits: `check_text`, `summarize_text`, `summary_frame`
and `prepared` (sportlint/api.py)."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from clirun import run
from sportlint import api

TEXT = "Il il Bari ha vinto poichè ha segnato al 23'.\n"


def test_records_are_plain_and_picklable() -> None:
    records = api.check_text(TEXT, "bozza.txt")
    assert [r["rule"] for r in records] == ["spelling.repeated-word", "spelling.accents"]
    assert pickle.loads(pickle.dumps(records)) == records
    assert json.loads(json.dumps(records)) == records
    first = records[0]
    assert (first["path"], first["line"], first["column"], first["text"]) == ("bozza.txt", 1, 3, " il")
    assert first["severity"] == "error" and first["fix"] == "safe"
    assert api.check_text(TEXT)[0]["path"] is None


def test_records_are_the_findings_of_the_json_format(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)     # no config of the repository
    draft = tmp_path / "bozza.md"
    draft.write_text(TEXT, encoding="utf-8")
    _, out, _ = run(capsys, "check", "--format", "json", str(draft))
    assert api.check_text(TEXT, str(draft)) == json.loads(out)["findings"]


def test_the_summary_columns() -> None:
    summary = api.summarize_text(TEXT, "bozza.txt")
    assert list(summary) == list(api.SUMMARY_COLUMNS)
    assert summary == {"findings": 2, "errors": 2, "warnings": 0, "suggestions": 0,
                       "fixable": 2, "rules": "spelling.accents,spelling.repeated-word",
                       "problems": 0}
    assert api.summarize_text("Il Bari ha vinto.")["rules"] == ""


def test_a_config_is_prepared_once_per_process() -> None:
    config = {"disable": ["spelling.accents", "spelling.final-accent"]}
    first = api.prepared(config)
    assert api.prepared({"disable": ["spelling.accents", "spelling.final-accent"]}) is first
    assert api.prepared(pickle.loads(pickle.dumps(first[0])))[1] is not None
    assert [r["rule"] for r in api.check_text(TEXT, config=config)] == ["spelling.repeated-word"]


def test_the_summary_frame() -> None:
    pd = pytest.importorskip("pandas", reason="the dask extra is not installed")
    frame = pd.DataFrame({"text": [TEXT, "Il Bari ha vinto."], "name": ["a.txt", "b.md"]},
                         index=[10, 20])
    out = api.summary_frame(frame, path="name")
    assert list(out.index) == [10, 20] and list(out.columns) == list(api.SUMMARY_COLUMNS)
    assert out["findings"].tolist() == [2, 0]
    assert dict(out.dtypes.astype(str)) == api.SUMMARY_COLUMNS


def test_the_documented_dask_recipes(tmp_path: Path) -> None:
    """docs/archive.md: a bag of whole files mapped with check_text, written as Parquet
    with the schema of --output FILE.parquet; a DataFrame of articles given the summary
    columns. Dask's synchronous scheduler: the cluster is tests/e2e/test_dask.py's."""
    dask = pytest.importorskip("dask", reason="the dask extra is not installed")
    db = pytest.importorskip("dask.bag")
    dd = pytest.importorskip("dask.dataframe")
    pq = pytest.importorskip("pyarrow.parquet")
    pd = pytest.importorskip("pandas")
    from sportlint.formatters.parquet_format import schema

    texts = {f"a{n}.md": TEXT * (n + 1) + "Il Bari ha vinto.\n\nE poi ha perso.\n" for n in range(5)}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with dask.config.set(scheduler="sync"):
        files = db.read_text(str(tmp_path / "*.md"), files_per_partition=2, linedelimiter="\x00",
                             include_path=True)
        findings = files.map(lambda pair: api.check_text(pair[0], pair[1])).flatten()
        assert dict(findings.pluck("rule").frequencies().compute()) == \
            {"spelling.repeated-word": 15, "spelling.accents": 15}
        findings.to_dataframe().to_parquet(str(tmp_path / "audit"), schema=schema(),
                                           write_index=False)
        rows = pq.read_table(tmp_path / "audit").to_pylist()
        assert sorted(rows, key=lambda r: (r["path"], r["offset"])) == \
            [r for name in sorted(texts) for r in api.check_text(texts[name], str(tmp_path / name))]

        frame = pd.DataFrame({"slug": list(texts), "testo": list(texts.values())})
        articles = dd.from_pandas(frame, npartitions=2)
        audit = articles.map_partitions(api.summary_frame, text="testo", path="slug",
                                        meta=api.SUMMARY_COLUMNS)
        articles = articles.assign(**{c: audit[c] for c in api.SUMMARY_COLUMNS})
        out = articles.compute()
    assert out["findings"].tolist() == [2, 4, 6, 8, 10]
    assert set(out["rules"]) == {"spelling.accents,spelling.repeated-word"}
