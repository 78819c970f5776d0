"""`--format sarif`: a SARIF 2.1.0 log (for GitHub code scanning and other SARIF viewers).

One run whose driver lists the rules that have results (id, summary, documentation,
default level); one result per finding with its level (error, warning, note), the
region (lines and columns 1-based, end exclusive, ``columnKind: unicodeCodePoints``,
plus ``charOffset``/``charLength`` in code points and a snippet), the fix as a SARIF
fix (its applicability in ``properties``) and the other suggestions as further fixes.
Files that could not be read, and rules that could not finish on a file (their pattern ran
out of time; ``associatedRule`` names the rule), become error notifications of the
invocation. A run stopped by a usage, config or internal error is a log with no results
whose invocation is unsuccessful and names the error in a notification
(``descriptor.id``: ``sportlint/usage``, ``sportlint/config``, ``sportlint/internal``).
Paths are written as relative URIs (relative to the directory sportlint ran in), so run
it from the repository root for code scanning.
"""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from sportlint import __version__
from sportlint.engine.suppressions import PSEUDO_RULES
from sportlint.findings import FileReport, Finding, Severity
from sportlint.formatters.base import rule_class
from sportlint.source.document import Document

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "note"}


def artifact_uri(path: str) -> str:
    """The path as a URI; a file name's bytes that are not UTF-8 are percent-encoded as
    they are (``%FF``)."""
    pure = PurePath(path)
    if pure.is_absolute():
        try:
            return Path(path).as_uri()
        except UnicodeEncodeError:
            return "file://" + quote(os.fsencode(pure.as_posix()))
    return quote(os.fsencode(pure.as_posix()))


def region(doc: Document, start: int, end: int, snippet: bool = True) -> dict[str, Any]:
    line, col = doc.position(start)
    end_line, end_col = doc.position(end)
    out: dict[str, Any] = {"startLine": line, "startColumn": col, "endLine": end_line,
                           "endColumn": end_col, "charOffset": start, "charLength": end - start}
    if snippet:
        out["snippet"] = {"text": doc.text[start:end]}
    return out


def rule_descriptor(rule_id: str) -> dict[str, Any]:
    cls = rule_class(rule_id)
    if cls is None:
        summary = PSEUDO_RULES.get(rule_id, rule_id)
        return {"id": rule_id, "shortDescription": {"text": summary},
                "defaultConfiguration": {"level": "warning"}}
    doc = cls.documentation()
    return {
        "id": rule_id,
        "name": "".join(part.capitalize() for part in rule_id.replace("-", ".").split(".")),
        "shortDescription": {"text": cls.summary() or rule_id},
        "fullDescription": {"text": doc or rule_id},
        "help": {"text": doc or rule_id},
        "defaultConfiguration": {"level": LEVELS[cls.severity],
                                 "enabled": bool(cls.default_enabled)},
        "properties": {"tags": [rule_id.split(".", 1)[0]]},
    }


def fixes(doc: Document, f: Finding, location: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[tuple[tuple[int, int, str], ...]] = set()
    if f.fix:
        key = tuple((e.start, e.end, e.replacement) for e in f.fix.edits)
        seen.add(key)
        out.append({
            "description": {"text": f"Correzione ({f.fix.applicability.value})"},
            "artifactChanges": [{"artifactLocation": location, "replacements": [
                {"deletedRegion": region(doc, e.start, e.end, snippet=False),
                 "insertedContent": {"text": e.replacement}} for e in f.fix.edits]}],
            "properties": {"applicability": f.fix.applicability.value},
        })
    for suggestion in f.suggestions:
        key = ((f.start, f.end, suggestion),)
        if key in seen:
            continue
        seen.add(key)
        out.append({
            "description": {"text": f"Suggerimento: «{suggestion}»" if suggestion
                            else "Suggerimento: togliere"},
            "artifactChanges": [{"artifactLocation": location, "replacements": [
                {"deletedRegion": region(doc, f.start, f.end, snippet=False),
                 "insertedContent": {"text": suggestion}}]}],
            "properties": {"applicability": "suggestion"},
        })
    return out


def render(reports: list[FileReport]) -> str:
    rule_ids = sorted({f.rule for r in reports for f in r.findings})
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for report in reports:
        location = {"uri": artifact_uri(report.path)}
        if report.error or report.doc is None:
            notifications.append({
                "level": "error", "message": {"text": report.error or "not read"},
                "locations": [{"physicalLocation": {"artifactLocation": location}}]})
            continue
        doc = report.doc
        notifications.extend({
            "level": "error", "message": {"text": p.describe()},
            "associatedRule": {"id": p.rule},
            "locations": [{"physicalLocation": {"artifactLocation": location}}]}
            for p in report.problems)
        for f in report.findings:
            result: dict[str, Any] = {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": LEVELS[f.severity],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {"artifactLocation": location,
                                                    "region": region(doc, f.start, f.end)}}],
            }
            proposed = fixes(doc, f, location)
            if proposed:
                result["fixes"] = proposed
            results.append(result)
    return _log(rule_ids, notifications, results)


def render_run_error(kind: str, message: str) -> str:
    """The log of a run stopped by a usage, config or internal error."""
    notification = {"level": "error", "message": {"text": message},
                    "descriptor": {"id": f"sportlint/{kind}"}}
    return _log([], [notification], [])


def _log(rule_ids: list[str], notifications: list[dict[str, Any]],
         results: list[dict[str, Any]]) -> str:
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "sportlint", "version": __version__,
                                "semanticVersion": __version__,
                                "rules": [rule_descriptor(r) for r in rule_ids]}},
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": not notifications,
                             "toolExecutionNotifications": notifications}],
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)
