"""Whole-run statistics: how many findings of each rule, of each severity, how many ``--fix``
would fix, in how many files, and the files that could not be checked.

`Statistics` is filled one report at a time (`add`), so a run that streams its output
(``--format jsonl``, Parquet, a Dask cluster) never keeps the reports to count them; two
partial counts add up (``a + b``), so the workers of a cluster or the partitions of a Dask
bag can count their share (`add_record` takes the records of `sportlint.api.check_text`)
and the client sums them. `render` is the table a ``--statistics`` option prints,
`as_dict` the same in JSON.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sportlint.findings import Applicability, FileReport, Severity

_LABELS = {s.label: s for s in Severity}


@dataclass
class Statistics:
    files: int = 0
    #: files with at least one finding
    files_with_findings: int = 0
    #: files not read, or on which a rule could not finish (the check is incomplete)
    incomplete: int = 0
    by_rule: Counter[str] = field(default_factory=Counter)
    by_severity: Counter[str] = field(default_factory=Counter)
    #: findings with a safe fix (what ``--fix`` applies), per rule
    fixable: Counter[str] = field(default_factory=Counter)
    #: the severity of each rule's findings (the highest seen, after config overrides)
    severity: dict[str, str] = field(default_factory=dict)

    def add(self, report: FileReport) -> None:
        """One checked file."""
        self.files += 1
        self.incomplete += report.incomplete
        self.files_with_findings += bool(report.findings)
        for f in report.findings:
            safe = f.fix is not None and f.fix.applicability == Applicability.SAFE
            self._count(f.rule, f.severity.label, safe)

    def add_record(self, record: Mapping[str, Any]) -> None:
        """One finding as a record (`sportlint.api.check_text`, a line of ``--format
        jsonl``, a row of the Parquet output); count the files with `add_file`."""
        if "error" in record:
            return
        self._count(str(record["rule"]), str(record["severity"]), record.get("fix") == "safe")

    def add_file(self, records: Iterable[Mapping[str, Any]]) -> None:
        """One file given as its records (a Dask bag of `check_text` results)."""
        records = list(records)
        self.files += 1
        self.incomplete += any("error" in r for r in records)
        self.files_with_findings += any("error" not in r for r in records)
        for r in records:
            self.add_record(r)

    def _count(self, rule: str, severity: str, safe: bool) -> None:
        self.by_rule[rule] += 1
        self.by_severity[severity] += 1
        self.fixable[rule] += safe
        self._raise(rule, severity)

    @property
    def findings(self) -> int:
        return sum(self.by_rule.values())

    def __add__(self, other: Statistics) -> Statistics:
        out = Statistics(self.files + other.files,
                         self.files_with_findings + other.files_with_findings,
                         self.incomplete + other.incomplete,
                         self.by_rule + other.by_rule, self.by_severity + other.by_severity,
                         self.fixable + other.fixable, dict(self.severity))
        for rule, severity in other.severity.items():
            out._raise(rule, severity)
        return out

    def _raise(self, rule: str, severity: str) -> None:
        old = self.severity.get(rule)
        if old is None or _LABELS.get(severity, 0) > _LABELS.get(old, 0):
            self.severity[rule] = severity

    def rows(self) -> list[tuple[str, int, int, str]]:
        """(rule, findings, fixable, severity), the most frequent rule first."""
        return [(rule, n, self.fixable[rule], self.severity.get(rule, ""))
                for rule, n in sorted(self.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))]

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": self.files, "files_with_findings": self.files_with_findings,
            "incomplete": self.incomplete, "findings": self.findings,
            "severities": {s.label: self.by_severity[s.label] for s in sorted(Severity, reverse=True)},
            "fixable": sum(self.fixable.values()),
            "rules": [{"rule": r, "findings": n, "fixable": fx, "severity": sev}
                      for r, n, fx, sev in self.rows()],
        }

    def render(self) -> str:
        """A table, one rule a line, the most frequent first, then the totals::

                12  spelling.accents         error       12 fixable
                 3  names.consistency        warning
            15 findings (14 errors, 1 warning) in 9 of 400 files; 12 fixable with --fix
        """
        rows = self.rows()
        width = max([len(str(n)) for _, n, _, _ in rows] + [1])
        rule_width = max([len(r) for r, _, _, _ in rows] + [1])
        lines = [f"{n:>{width}}  {rule:<{rule_width}}  {sev:<10}"
                 + (f"  {fx} fixable" if fx else "") for rule, n, fx, sev in rows]
        lines = [line.rstrip() for line in lines]
        total = self.findings
        parts = [f"{self.by_severity[s.label]} {s.label}{'s' if self.by_severity[s.label] != 1 else ''}"
                 for s in sorted(Severity, reverse=True) if self.by_severity[s.label]]
        fixable = sum(self.fixable.values())
        summary = (f"{total} finding{'s' if total != 1 else ''}"
                   + (f" ({', '.join(parts)})" if parts else "")
                   + f" in {self.files_with_findings} of {self.files} file"
                   + ("s" if self.files != 1 else ""))
        if fixable:
            summary += f"; {fixable} fixable with --fix"
        if self.incomplete:
            summary += f"; {self.incomplete} not fully checked"
        return "\n".join([*lines, summary])


def collect(reports: Iterable[FileReport]) -> Statistics:
    stats = Statistics()
    for report in reports:
        stats.add(report)
    return stats
