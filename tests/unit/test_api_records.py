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
