"""The fixer: non-overlapping edits, re-lint until stable, idempotence, no lost bytes."""

from __future__ import annotations

from sportlint import fix_text
from sportlint.engine.fixer import apply_edits, fix_loop
from sportlint.findings import Applicability, Edit, Finding, Fix, Severity


def finding(start: int, end: int, replacement: str,
            applicability: Applicability = Applicability.SAFE) -> Finding:
    return Finding("test.rule", start, end, Severity.WARNING, "m", (replacement,),
                   Fix((Edit(start, end, replacement),), applicability))


def test_overlapping_edits_are_skipped() -> None:
    text = "abcdef"
    new, applied = apply_edits(text, [finding(1, 4, "X"), finding(2, 5, "Y"), finding(5, 6, "Z")])
    assert new == "aXeZ"
    assert len(applied) == 2


def test_insertions_at_one_point_conflict() -> None:
    new, applied = apply_edits("ab", [finding(1, 1, "X"), finding(1, 1, "Y")])
    assert new == "aXb" and len(applied) == 1


def test_unsafe_and_suggestion_fixes_need_permission() -> None:
    fs = [finding(0, 1, "X", Applicability.UNSAFE), finding(1, 2, "Y", Applicability.SUGGESTION)]
    assert apply_edits("ab", fs)[0] == "ab"
    assert apply_edits("ab", fs, unsafe=True)[0] == "Xb"


def test_loop_applies_skipped_fix_on_next_pass() -> None:
    def lint(text: str) -> list[Finding]:
        out = []
        if "aa" in text:
            i = text.index("aa")
            out.append(finding(i, i + 2, "a"))
        return out

    result = fix_loop("aaaa", lint)
    assert result.text == "a" and result.settled


def test_cycle_keeps_the_original() -> None:
    def lint(text: str) -> list[Finding]:
        return [finding(0, 1, "b" if text[0] == "a" else "a")]

    result = fix_loop("ax", lint)
    assert result.text == "ax" and not result.settled


BASIC = {"select": ["spelling.accents", "spelling.repeated-word"]}


def test_fix_is_idempotent_and_keeps_crlf_and_bom() -> None:
    text = "\ufeffIl il Bari ha vinto poichè fà bene.\r\n\r\nUn pò di calma.\r\n"
    once = fix_text(text, config=BASIC)
    assert once == "\ufeffIl Bari ha vinto poiché fa bene.\r\n\r\nUn po' di calma.\r\n"
    assert fix_text(once, config=BASIC) == once
    assert fix_text(once) == fix_text(fix_text(once))


def test_fix_leaves_clean_text_alone() -> None:
    text = "Il Bari ha vinto 2-1 al 90' negli anni '80.\n"
    assert fix_text(text) == text


def test_a_settled_fix_keeps_the_findings_of_its_last_pass() -> None:
    """--fix reports the findings of the fix loop's last pass instead of linting the fixed
    text again: they must be what a fresh lint of the fixed text says."""
    from sportlint.api import fix_result
    from sportlint.config.loader import from_mapping
    from sportlint.engine import linter
    from sportlint.source import document

    config = from_mapping({"enable": ["ALL"]}, None)
    text = "Il il Bari ha vinto poichè ha segnato.  Qual'è il punto ? Il Bari.\n"
    result = fix_result(text, "draft.txt", config, unsafe=True)
    assert result.settled and result.text != text and result.findings is not None
    assert result.findings == linter.lint(document.from_text(result.text, "draft.txt"), config)
