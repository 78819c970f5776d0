"""Whole-run statistics (formatters/statistics.py): counted report by report, added up
across partial runs, the same from reports as from records."""

from __future__ import annotations

from sportlint import api
from sportlint.findings import FileReport
from sportlint.formatters import statistics
from sportlint.source import document

TEXTS = {
    "a.txt": "Il il Bari ha vinto poichè ha segnato.\n",
    "b.txt": "La Roma ha vinto perché ha segnato di più.\n",
    "c.txt": "Il Milan ha pareggiato e e il Bari ha perso. Perchè?\n",
}


def reports() -> list[FileReport]:
    cfg, rules = api.prepared(None)
    from sportlint.engine import linter

    out = []
    for name, text in TEXTS.items():
        doc = document.from_text(text, name)
        out.append(FileReport(name, doc, linter.lint(doc, cfg, rules)))
    out.append(FileReport("bad.txt", None, error="not valid UTF-8"))
    return out


def test_counts() -> None:
    stats = statistics.collect(reports())
    assert (stats.files, stats.files_with_findings, stats.incomplete) == (4, 2, 1)
    assert stats.by_rule["spelling.repeated-word"] == 2
    assert stats.by_rule["spelling.accents"] == 2
    assert stats.fixable["spelling.accents"] == 2
    assert stats.findings == sum(len(r.findings) for r in reports())
    assert stats.severity["spelling.accents"] == "error"
    data = stats.as_dict()
    assert data["findings"] == stats.findings and data["rules"][0]["findings"] == 2


def test_partial_counts_add_up() -> None:
    rs = reports()
    whole = statistics.collect(rs)
    assert statistics.collect(rs[:2]) + statistics.collect(rs[2:]) == whole


def test_records_count_as_reports() -> None:
    stats = statistics.Statistics()
    for name, text in TEXTS.items():
        stats.add_file(api.check_text(text, name))
    stats.add_file([{"path": "bad.txt", "error": "not valid UTF-8"}])
    assert stats == statistics.collect(reports())


def test_the_table() -> None:
    text = statistics.collect(reports()).render()
    lines = text.splitlines()
    assert lines[0].split()[:3] == ["2", "spelling.accents", "error"]
    assert lines[0].endswith("2 fixable")
    assert lines[-1].startswith(f"{statistics.collect(reports()).findings} findings (")
    assert "in 2 of 4 files" in lines[-1] and "1 not fully checked" in lines[-1]
    assert statistics.Statistics().render() == "0 findings in 0 of 0 files"
