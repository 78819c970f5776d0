"""`--format github`: GitHub Actions workflow commands, one annotation per finding.

``::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::MESSAGE`` (``warning``
for warnings, ``notice`` for suggestions); an unreadable file, or a rule that could not
finish on a file, is an ``::error`` titled ``sportlint`` (and the rule). Columns count
code points, 1-based, end exclusive as in the other formats. Chosen automatically when
``GITHUB_ACTIONS=true`` and no ``--format`` is given. Escaping follows the runner's rules:
in the message ``%``, CR and LF become ``%25``, ``%0D``, ``%0A``; in property values ``:``
and ``,`` also become ``%3A`` and ``%2C``. A plain summary line closes the output for the
log. A run stopped by a usage, config or internal error is one ``::error title=sportlint
<kind> error::MESSAGE``.
"""

from __future__ import annotations

from sportlint.findings import FileReport, Finding, Severity

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props: str | int) -> str:
    listed = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items())
    return f"::{level} {listed}::{escape_data(message)}" if listed else f"::{level}::{escape_data(message)}"


def annotation(report: FileReport, f: Finding) -> str:
    assert report.doc is not None
    line, col = report.doc.position(f.start)
    end_line, end_col = report.doc.position(f.end)
    message = f.message
    if f.suggestions:
        shown = ", ".join(f"«{s}»" if s else "(togliere)" for s in f.suggestions[:3])
        message += f"\nSuggerimento: {shown}"
    return command(LEVELS[f.severity], message, file=report.path, line=line, col=col,
                   endLine=end_line, endColumn=end_col, title=f.rule)


def render(reports: list[FileReport]) -> str:
    lines: list[str] = []
    for report in reports:
        if report.error:
            lines.append(command("error", report.error, file=report.path, title="sportlint"))
            continue
        lines.extend(command("error", p.describe(), file=report.path, title=f"sportlint {p.rule}")
                     for p in report.problems)
        lines.extend(annotation(report, f) for f in report.findings)
    total = sum(len(r.findings) for r in reports)
    files = sum(1 for r in reports if r.findings)
    if total:
        lines.append(f"sportlint: {total} finding{'s' if total != 1 else ''} "
                     f"in {files} file{'s' if files != 1 else ''}")
    return "\n".join(lines)


def render_run_error(kind: str, message: str) -> str:
    return command("error", message, title=f"sportlint {kind} error")
