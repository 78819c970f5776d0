"""The language server's edits: positions in the editor's units, quick fixes, fix-all,
suppressions."""

from __future__ import annotations

import pytest

from sportlint.findings import Applicability, Edit, Finding, Fix, Severity
from sportlint.server import lspedits


@pytest.mark.parametrize(("encoding", "column"), [("utf-16", 4), ("utf-32", 3), ("utf-8", 6)])
def test_positions_count_the_editors_units(encoding: str, column: int) -> None:
    text = "ab\r\ncd😀e\rf"
    lines = lspedits.Lines(text, encoding)
    assert lines.position(text.index("e")) == (1, column)
    assert lines.offset(1, column) == text.index("e")
    assert lines.position(text.index("f")) == (2, 0)
    assert lines.offset(1, 999) == text.index("\r", 4)       # past a line's end: its end
    assert lines.offset(9, 0) == len(text)


def finding(fix: Applicability | None, *suggestions: str) -> Finding:
    return Finding("spelling.accents", 3, 6, Severity.WARNING, "m", suggestions,
                   Fix((Edit(3, 6, suggestions[0]),), fix) if fix and suggestions else None)


def test_one_quick_fix_per_suggestion_the_safe_one_preferred() -> None:
    actions = lspedits.quick_fixes(finding(Applicability.SAFE, "però", "pero"))
    assert [a.edits[0].new_text for a in actions] == ["però", "pero"]
    assert [a.preferred for a in actions] == [True, False]
    assert not any(a.preferred for a in lspedits.quick_fixes(finding(Applicability.UNSAFE, "x")))


def test_a_fix_without_suggestions_is_an_action_too() -> None:
    f = Finding("typography.x", 0, 2, Severity.WARNING, "m", (),
                Fix((Edit(0, 1, "«"), Edit(1, 2, "»")), Applicability.SAFE))
    [action] = lspedits.quick_fixes(f)
    assert len(action.edits) == 2 and action.preferred


def test_whole_edit_is_the_changed_middle() -> None:
    assert lspedits.whole_edit("Il  gol e  poi", "Il gol e poi") == lspedits.TextEdit(3, 10, "gol e")
    assert lspedits.whole_edit("same", "same") is None


def test_suppression_goes_above_the_line_with_its_indentation() -> None:
    text = "Uno.\r\n  Il  gol.\r\n"
    f = Finding("typography.double-space", 10, 12, Severity.WARNING, "m")
    [edit] = lspedits.suppression(text, f).edits
    assert (edit.start, edit.end) == (6, 6)
    assert edit.new_text == "  <!-- sportlint-disable-next-line typography.double-space -->\r\n"
