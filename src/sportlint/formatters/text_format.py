"""`--format text`: path:line:col, severity, rule, message, the line with a caret under the
span, and the suggestion; a summary line at the end. With ``color`` (a terminal: the CLI's
``--color``), ANSI colours mark the severity, the rule and the caret. File names are escaped
(`sportlint.util.display`): a line break or an undecodable byte in one cannot garble it."""

from __future__ import annotations

from collections import Counter

from sportlint.findings import FileReport, Severity
from sportlint.util.display import display_path

#: ANSI SGR codes for ``color=True``
_SEVERITY_COLOR = {Severity.ERROR: "1;31", Severity.WARNING: "1;33", Severity.SUGGESTION: "1;36"}


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color and text else text


def render(reports: list[FileReport], *, color: bool = False, summary: bool = True) -> str:
    """The report; ``summary=False`` (``--quiet``) leaves out the closing count."""
    lines: list[str] = []
    counts: Counter[Severity] = Counter()
    fixable = 0
    for report in reports:
        name = display_path(report.path)     # a line break in a file name stays on its line
        if report.error:
            lines.append(f"{name}: error: {report.error}")
            continue
        doc = report.doc
        assert doc is not None
        lines.extend(f"{name}: error: {p.describe()}" for p in report.problems)
        for f in report.findings:
            counts[f.severity] += 1
            line, column = doc.position(f.start)
            end_line, end_column = doc.position(f.end)
            lines.append(f"{_paint(f'{name}:{line}:{column}:', '1', color)} "
                         f"{_paint(f.severity.label, _SEVERITY_COLOR[f.severity], color)} "
                         f"{_paint(f'[{f.rule}]', '2', color)} {f.message}")
            source = doc.line_text(line)
            width = (end_column if end_line == line else len(source) + 1) - column
            excerpt, shift = _excerpt(source, column - 1, max(width, 1))
            lines.append(f"    | {excerpt}")
            caret = _paint("^" * max(width, 1), _SEVERITY_COLOR[f.severity], color)
            lines.append(f"    | {' ' * shift}{caret}")
            if f.suggestions:
                shown = ", ".join(f"«{s}»" if s else "(togliere)" for s in f.suggestions[:3])
                how = ""
                if f.fix:
                    how = {"safe": " (--fix)", "unsafe": " (--unsafe-fixes)"}.get(
                        f.fix.applicability.value, "")
                    fixable += f.fix.applicability.value == "safe"
                lines.append(f"    = {_paint('suggerimento:', '32', color)} {shown}{how}")
            if f.also:      # the other rules that reported this slip (engine/merge.py)
                lines.append(f"    = segnalato anche da: {', '.join(f.also)}")
    total = sum(counts.values())
    if summary and (total or any(r.incomplete for r in reports)):
        parts = [f"{counts[s]} {s.label}{'s' if counts[s] != 1 else ''}"
                 for s in sorted(counts, reverse=True)]
        files = sum(1 for r in reports if r.findings)
        lines.append("")
        lines.append(f"{total} finding{'s' if total != 1 else ''} ({', '.join(parts) or 'none'}) "
                     f"in {files} file{'s' if files != 1 else ''}"
                     + (f"; {fixable} fixable with --fix" if fixable else ""))
    return "\n".join(lines)


def _excerpt(source: str, col: int, width: int, room: int = 100) -> tuple[str, int]:
    """A window of a long line around the flagged span; returns it and the caret shift."""
    if len(source) <= room:
        return source, col
    start = max(0, min(col - room // 3, len(source) - room))
    prefix = "…" if start else ""
    end = start + room
    return prefix + source[start:end] + ("…" if end < len(source) else ""), col - start + len(prefix)
