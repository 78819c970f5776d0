"""`--format json`: a versioned object, documented in docs/json-output.md.

``{"version": 1, "findings": [...], "errors": [...]}``; each finding has path, line,
column, end_line, end_column (1-based; columns count code points), offset, end_offset
(0-based code points into the file's decoded text), rule, severity, message, text (the
flagged span), suggestions (replacements for that span, best first), fix (null or its
applicability), edits (the fix's edits, offsets as above) and also (the other rules that
reported the same slip, merged into this finding). Each error has path and
message, and rule when it is a rule that could not finish on that file (its pattern ran
out of time): the file's other findings are listed, that rule's are missing. A run that
stopped before checking anything (a usage, config or internal error) is the same object
with no findings and one error whose path is null and whose kind says which
(``{"path": null, "kind": "config", "message": ...}``).

A path is the file name exactly as given: a name with bytes that are not UTF-8 keeps them
as the lone surrogates Python's ``surrogateescape`` makes (byte 0xff is ``\udcff``),
written as JSON escapes, so the document stays valid UTF-8 and
``os.fsencode(record["path"])`` gives the name's bytes back.
"""

from __future__ import annotations

import json
from typing import Any

from sportlint.findings import FileReport
from sportlint.util import lazyregex

VERSION = 1


def finding_record(report: FileReport, f: Any) -> dict[str, Any]:
    doc = report.doc
    assert doc is not None
    line, column = doc.position(f.start)
    end_line, end_column = doc.position(f.end)
    return {
        "path": report.path,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "offset": f.start,
        "end_offset": f.end,
        "rule": f.rule,
        "severity": f.severity.label,
        "message": f.message,
        "text": doc.text[f.start:f.end],
        "suggestions": list(f.suggestions),
        "fix": f.fix.applicability.value if f.fix else None,
        "edits": [{"offset": e.start, "end_offset": e.end, "replacement": e.replacement}
                  for e in f.fix.edits] if f.fix else [],
        "also": list(f.also),
    }


def render(reports: list[FileReport]) -> str:
    findings = [finding_record(r, f) for r in reports if r.doc for f in r.findings]
    errors: list[dict[str, Any]] = [{"path": r.path, "message": r.error}
                                    for r in reports if r.error]
    errors += [{"path": r.path, "rule": p.rule, "message": p.describe()}
               for r in reports for p in r.problems]
    return _escape_surrogates(json.dumps({"version": VERSION, "findings": findings,
                                          "errors": errors}, ensure_ascii=False, indent=2))


_SURROGATE = lazyregex.compile(r"[\ud800-\udfff]")


def _escape_surrogates(document: str) -> str:
    """Lone surrogates (undecodable bytes of a file name) as JSON escapes: ``ensure_ascii=
    False`` writes them raw, and raw they are not UTF-8."""
    if not _SURROGATE.search(document):
        return document
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", document)


def render_run_error(kind: str, message: str) -> str:
    """The document of a run stopped by a usage, config or internal error."""
    error = {"path": None, "kind": kind, "message": message}
    return json.dumps({"version": VERSION, "findings": [], "errors": [error]},
                      ensure_ascii=False, indent=2)
