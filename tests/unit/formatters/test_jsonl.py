"""`--format jsonl` (formatters/jsonl_format.py): one object a line, the JSON format's
findings, errors as lines with an ``error`` key."""

from __future__ import annotations

import json

from sportlint import api
from sportlint.findings import FileReport, RuleProblem
from sportlint.formatters import json_format, jsonl_format
from sportlint.source import document


def test_lines_are_the_json_findings_and_the_errors() -> None:
    text = "Il il Bari ha vinto poichè ha segnato.\n"
    cfg, rules = api.prepared(None)
    from sportlint.engine import linter

    doc = document.from_text(text, "a.txt")
    good = FileReport("a.txt", doc, linter.lint(doc, cfg, rules))
    bad = FileReport("b.txt", None, error="not valid UTF-8")
    slow = FileReport("c.txt", document.from_text("x", "c.txt"), [],
                      problems=[RuleProblem("style.x", "its pattern took too long", "c.txt")])
    reports = [good, bad, slow]
    lines = [json.loads(line) for line in jsonl_format.render(reports).splitlines()]
    whole = json.loads(json_format.render(reports))
    assert [r for r in lines if "error" not in r] == whole["findings"]
    assert {"path": "b.txt", "error": "not valid UTF-8"} in lines
    assert {"path": "c.txt", "rule": "style.x",
            "error": "rule style.x stopped: its pattern took too long"} in lines
    assert jsonl_format.render(reports) + "\n" == "".join(jsonl_format.lines(r) for r in reports)
    assert jsonl_format.lines(FileReport("d.txt", document.from_text("Ok.", "d.txt"), [])) == ""
