"""What the language server's code actions change, as plain text edits (no LSP types here):
positions in the editor's units, a quick fix per suggestion, "fix all safe problems" as one
edit, and a suppression comment above a line.

LSP counts a position as (line, character) with lines ended by LF, CRLF or CR, and
characters in UTF-16 units unless client and server agreed on UTF-8 or UTF-32
(``positionEncoding``); sportlint counts code points from the start of the text. `Lines`
converts between the two.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from sportlint.findings import Applicability, Finding
from sportlint.util import lazyregex

_LINE_END = lazyregex.compile(r"\r\n|\n|\r")


def _units(text: str, encoding: str) -> int:
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class Lines:
    """Code-point offsets of one text <-> LSP positions in ``encoding`` units."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0] + [m.end() for m in _LINE_END.finditer(text)]

    def _line_end(self, line: int) -> int:
        """Where the line's text ends (before its line end)."""
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        while end > self.starts[line] and self.text[end - 1] in "\r\n":
            end -= 1
        return end

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line, _units(self.text[self.starts[line]:offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The offset of a position; past the end of a line is its end, past the last line
        the end of the text (as LSP says)."""
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[max(0, line)], self._line_end(max(0, line))
        if self.encoding == "utf-32":
            return min(start + character, end)
        count = 0
        for index in range(start, end):
            if count >= character:
                return index
            count += _units(self.text[index], self.encoding)
        return end


@dataclass(frozen=True)
class TextEdit:
    start: int      # code points
    end: int
    new_text: str


@dataclass(frozen=True)
class Action:
    title: str
    edits: tuple[TextEdit, ...]
    preferred: bool = False


def quick_fixes(finding: Finding) -> list[Action]:
    """One action per suggestion (the fix's own edits for the suggestion it applies), the
    first preferred when it is a safe fix."""
    actions: list[Action] = []
    fix = finding.fix
    fix_edits = tuple(TextEdit(e.start, e.end, e.replacement) for e in fix.edits) if fix else ()
    safe = fix is not None and fix.applicability == Applicability.SAFE
    covered = False
    for index, suggestion in enumerate(finding.suggestions):
        edits = (TextEdit(finding.start, finding.end, suggestion),)
        if fix_edits == edits:
            covered = True
        shown = suggestion if suggestion.strip() else repr(suggestion)
        actions.append(Action(f"Sostituisci con «{shown}» ({finding.rule})", edits,
                              preferred=safe and index == 0))
    if fix_edits and not covered:
        actions.insert(0, Action(f"Correggi ({finding.rule})", fix_edits, preferred=safe))
    return actions


def whole_edit(old: str, new: str) -> TextEdit | None:
    """One edit that turns ``old`` into ``new``: the part between their common prefix and
    suffix (the editor keeps the cursor and the undo history of the rest)."""
    if old == new:
        return None
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    return TextEdit(prefix, len(old) - suffix, new[prefix:len(new) - suffix])


def suppression(text: str, finding: Finding) -> Action:
    """Insert ``<!-- sportlint-disable-next-line RULE -->`` above the finding's line, with
    the line's indentation (an HTML comment is not prose in Markdown nor in plain text)."""
    lines = Lines(text)
    line, _ = lines.position(finding.start)
    start = lines.starts[line]
    indent = regex.match(r"[ \t]*", text[start:]).group(0)
    ending = _LINE_END.search(text)
    newline = ending.group(0) if ending else "\n"
    comment = f"{indent}<!-- sportlint-disable-next-line {finding.rule} -->{newline}"
    return Action(f"Ignora {finding.rule} su questa riga", (TextEdit(start, start, comment),))
