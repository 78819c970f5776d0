"""`--format jsonl`: one JSON object per line, written as each file is checked (streamed:
`sportlint check --format jsonl ARCHIVE | jq ...` sees the first findings at once, and a
run over an archive never holds all of it in memory).

A finding's line has the fields of a finding of ``--format json`` (docs/json-output.md):
path, line, column, end_line, end_column, offset, end_offset, rule, severity, message,
text, suggestions, fix, edits. A file that could not be checked, or not fully, gives a
line with ``path`` and ``error`` (the message), and ``rule`` when a rule could not finish
on it (its findings there are missing). Lines come in the order of the files, a file's
error before its findings; there is no header line and no version: a consumer tells the
two kinds of line apart by the ``error`` key.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sportlint.findings import FileReport
from sportlint.formatters.json_format import finding_record

#: this format is written file by file (`lines`) as the run goes: see cli/check.py
STREAMED = True


def records(report: FileReport) -> Iterator[dict[str, Any]]:
    if report.error:
        yield {"path": report.path, "error": report.error}
    for p in report.problems:
        yield {"path": report.path, "rule": p.rule, "error": p.describe()}
    if report.doc is not None:
        for f in report.findings:
            yield finding_record(report, f)


def lines(report: FileReport) -> str:
    """One file's lines, each ending in a line feed ("" for a clean file)."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records(report))


def render(reports: list[FileReport]) -> str:
    """The whole run's lines, as streaming them would write them (without the last line
    feed, which the command line adds)."""
    return "".join(lines(r) for r in reports).removesuffix("\n")
