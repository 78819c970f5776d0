"""engine/merge.py: one slip, one finding, in every output format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.clirun import run

from sportlint.api import fix_text, lint_text
from sportlint.engine.merge import merge, same_slip
from sportlint.findings import Applicability, Edit, Finding, Fix, Severity


def _f(rule: str, start: int, end: int, suggestion: str, fix: Applicability | None = None,
       severity: Severity = Severity.WARNING) -> Finding:
    the_fix = Fix((Edit(start, end, suggestion),), fix) if fix else None
    return Finding(rule, start, end, severity, f"{rule} dice", (suggestion,), the_fix)


def test_qual_e_is_one_finding_with_every_rules_name() -> None:
    found = lint_text("Non so qual'è il problema.")
    assert len(found) == 1
    f = found[0]
    assert f.rule == "spelling.misspellings"      # the substitution that lists the form
    assert {"grammar.elision", "typography.apostrophe-misuse"} <= set(f.also)
    assert f.suggestions[0] == "qual è"
    assert f.severity is Severity.ERROR           # the group's highest
    assert fix_text("Non so qual'è il problema.") == "Non so qual è il problema."


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "html"])
def test_every_format_shows_one_finding(fmt: str, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "pezzo.txt"
    draft.write_text("Non so qual'è il problema.\n", encoding="utf-8")
    _, out, _ = run(capsys, "check", "--format", fmt, str(draft))
    assert "spelling.misspellings" in out
    if fmt == "json":
        [record] = json.loads(out)["findings"]
        assert record["rule"] == "spelling.misspellings"
        assert "grammar.elision" in record["also"]
    elif fmt == "text":
        assert out.count("[spelling.misspellings]") == 1
        assert "= segnalato anche da: " in out and "grammar.elision" in out
    else:
        assert "grammar.elision" not in out and "typography.apostrophe-misuse" not in out


def test_the_winner_is_chosen_by_tier_then_severity_then_span() -> None:
    text = "Il centavanti segna."
    generic = _f("spelling.unknown-word", 3, 13, "centravanti", Applicability.SAFE,
                 Severity.ERROR)
    specific = _f("grammar.test", 3, 13, "centravanti", Applicability.SAFE)
    tiers = {"spelling.unknown-word": 3, "grammar.test": 2}
    [merged] = merge([generic, specific], text, lambda f: tiers[f.rule])
    assert merged.rule == "grammar.test" and merged.also == ("spelling.unknown-word",)
    assert merged.severity is Severity.ERROR
    assert merged.fix is not None and merged.fix.applicability is Applicability.SAFE


def test_suggestions_are_rewritten_for_the_union_and_disagreeing_fixes_are_unsafe() -> None:
    text = "un'altro"
    wide = _f("typography.a", 0, 8, "un altro", Applicability.SAFE)
    narrow = _f("grammar.b", 0, 3, "una ", Applicability.SAFE)
    [merged] = merge([wide, narrow], text, lambda f: 2)
    assert merged.rule == "grammar.b"                 # the narrower span
    assert (merged.start, merged.end) == (0, 8)
    assert merged.suggestions == ("una altro", "un altro")
    assert merged.fix is not None and merged.fix.applicability is Applicability.UNSAFE


def test_what_is_not_one_slip() -> None:
    word = _f("spelling.x", 10, 20, "parola")
    assert not same_slip(word, _f("spelling.x", 12, 18, "a"))          # one rule
    assert not same_slip(word, _f("grammar.y", 20, 22, "a"))           # only touching
    assert not same_slip(_f("grammar.y", 0, 60, "a"), _f("spelling.x", 10, 12, "b"))
    assert same_slip(word, _f("grammar.y", 12, 18, "a"))
