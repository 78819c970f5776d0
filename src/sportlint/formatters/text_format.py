"""`--format text`: path:line:col, severity, rule, message, the line with a caret under the
span, and the suggestion; a summary line at the end. File names are escaped
(`sportlint.util.display`): a line break or an undecodable byte in one cannot garble it."""

from __future__ import annotations

from collections import Counter

from sportlint.findings import FileReport, Severity
from sportlint.util.display import display_path


def render(reports: list[FileReport]) -> str:
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
            lines.append(f"{name}:{line}:{column}: {f.severity.label} [{f.rule}] {f.message}")
            source = doc.line_text(line)
            width = (end_column if end_line == line else len(source) + 1) - column
            excerpt, shift = _excerpt(source, column - 1, max(width, 1))
            lines.append(f"    | {excerpt}")
            lines.append(f"    | {' ' * shift}{'^' * max(width, 1)}")
            if f.suggestions:
                shown = ", ".join(f"«{s}»" if s else "(togliere)" for s in f.suggestions[:3])
                how = ""
                if f.fix:
                    how = {"safe": " (--fix)", "unsafe": " (--unsafe-fixes)"}.get(
                        f.fix.applicability.value, "")
                    fixable += f.fix.applicability.value == "safe"
                lines.append(f"    = suggerimento: {shown}{how}")
    total = sum(counts.values())
    if total or any(r.incomplete for r in reports):
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
