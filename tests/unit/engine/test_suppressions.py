"""In-text suppressions: disable/enable regions, disable-next-line, prefixes, nesting,
interaction with --fix, and --report-unused-suppressions."""

from __future__ import annotations

from pathlib import Path

import pytest

from sportlint import fix_text, lint_text
from sportlint.cli.main import ExitCode, main
from sportlint.config.loader import from_mapping
from sportlint.engine.suppressions import UNUSED, apply, parse
from sportlint.source.document import from_text

BASIC = {"select": ["spelling.accents", "spelling.repeated-word"]}
ACC, REP = "spelling.accents", "spelling.repeated-word"
LINE = "Il il Bari ha vinto poichè ha segnato."


def rules_found(text: str, path: str = "a.md", **extra: object) -> list[tuple[int, str]]:
    """(line, rule) of every finding."""
    config = {**BASIC, **extra}
    out = []
    for f in lint_text(text, path, config):
        out.append((text.count("\n", 0, f.start) + 1, f.rule))
    return out


def test_no_directive_everything_reported() -> None:
    assert rules_found(LINE) == [(1, REP), (1, ACC)]


def test_disable_next_line_only_that_line() -> None:
    text = f"<!-- sportlint-disable-next-line {ACC} -->\n{LINE}\n{LINE}\n"
    assert rules_found(text) == [(2, REP), (3, REP), (3, ACC)]


def test_disable_next_line_without_rule_hides_all() -> None:
    text = f"<!-- sportlint-disable-next-line -->\n{LINE}\n{LINE}\n"
    assert rules_found(text) == [(3, REP), (3, ACC)]


def test_disable_enable_region_with_prefix() -> None:
    text = (f"{LINE}\n<!-- sportlint-disable spelling -->\n{LINE}\n\n{LINE}\n"
            f"<!-- sportlint-enable spelling -->\n{LINE}\n")
    assert rules_found(text) == [(1, REP), (1, ACC), (7, REP), (7, ACC)]


def test_disable_without_enable_runs_to_the_end() -> None:
    text = f"{LINE}\n<!-- sportlint-disable {REP} -->\n{LINE}\n{LINE}\n"
    assert rules_found(text) == [(1, REP), (1, ACC), (3, ACC), (4, ACC)]


def test_latest_directive_wins() -> None:
    # disable a family, re-enable one member, disable it again, enable everything
    text = (f"<!-- sportlint-disable spelling -->\n{LINE}\n"
            f"<!-- sportlint-enable {ACC} -->\n{LINE}\n"
            f"<!-- sportlint-disable {ACC} -->\n{LINE}\n"
            f"<!-- sportlint-enable -->\n{LINE}\n")
    assert rules_found(text) == [(4, ACC), (8, REP), (8, ACC)]


def test_several_rules_and_a_reason() -> None:
    text = f"<!-- sportlint-disable-next-line {ACC}, {REP} -- citazione testuale -->\n{LINE}\n"
    assert rules_found(text) == []
    directive = parse(from_text(text, "a.md"))[0]
    assert directive.prefixes == (ACC, REP)


def test_mid_line_disable_takes_effect_where_written() -> None:
    text = f"Il il Bari <!-- sportlint-disable {REP} --> e e poi poichè.\n"
    assert rules_found(text) == [(1, REP), (1, ACC)]


def test_plain_text_files_too() -> None:
    text = f"<!-- sportlint-disable-next-line -->\n{LINE}\n"
    assert rules_found(text, path="a.txt") == []


def test_directive_inside_markdown_code_is_an_example() -> None:
    text = f"Scrivere `<!-- sportlint-disable -->` per tacere.\n\n{LINE}\n"
    assert rules_found(text) == [(3, REP), (3, ACC)]


def test_suppressed_findings_are_not_fixed() -> None:
    text = f"<!-- sportlint-disable-next-line {ACC} -->\n{LINE}\n"
    assert fix_text(text, "a.md", BASIC) == \
        f"<!-- sportlint-disable-next-line {ACC} -->\nIl Bari ha vinto poichè ha segnato.\n"


def test_unused_suppressions_reported_on_request() -> None:
    text = (f"<!-- sportlint-disable-next-line {ACC}, {REP} -->\nHa vinto poichè.\n"
            f"<!-- sportlint-disable -->\nTutto pulito.\n<!-- sportlint-disable nonesiste -->\n")
    assert rules_found(text) == []
    found = lint_text(text, "a.md", {**BASIC, "report_unused_suppressions": True})
    assert [(f.rule, text.count("\n", 0, f.start) + 1) for f in found] == \
        [(UNUSED, 1), (UNUSED, 3), (UNUSED, 5)]
    assert f"«{REP}»" in found[0].message
    assert "nessuna regola" in found[2].message
    assert all(f.fix is None for f in found)


def test_unused_not_reported_for_rules_that_did_not_run() -> None:
    text = f"<!-- sportlint-disable-next-line {REP} -->\nHa vinto poichè.\n"
    config = {"select": [ACC], "report_unused_suppressions": True}
    assert [f.rule for f in lint_text(text, "a.md", config)] == [ACC]


def test_unused_severity_follows_config() -> None:
    text = "<!-- sportlint-disable -->\nTutto pulito.\n"
    config = {**BASIC, "report_unused_suppressions": True,
              "severity": {"sportlint.unused-suppression": "error"}}
    assert [f.severity.label for f in lint_text(text, "a.md", config)] == ["error"]


def test_cli_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "bozza.md"
    draft.write_text(f"<!-- sportlint-disable-next-line {ACC} -->\nTutto pulito.\n", encoding="utf-8")
    select = ["--select", f"{ACC},{REP}"]
    assert main(["check", *select, str(draft)]) == ExitCode.OK
    capsys.readouterr()
    assert main(["check", *select, "--report-unused-suppressions", str(draft)]) == ExitCode.FINDINGS
    assert "bozza.md:1:1: warning [sportlint.unused-suppression]" in capsys.readouterr().out


def test_prefix_below_a_rule_with_ids_of_its_own_is_known() -> None:
    doc = from_text("<!-- sportlint-disable-next-line languagetool.SOME_RULE -->\nTesto.\n", "a.md")
    config = from_mapping({"report_unused_suppressions": True}, None)
    found = apply(doc, [], config, ran=["languagetool"], known=["languagetool"])
    assert len(found) == 1 and "Soppressione inutile" in found[0].message
    assert apply(doc, [], config, ran=[], known=["languagetool"]) == []


def test_unused_report_can_be_disabled_like_a_rule() -> None:
    text = "<!-- sportlint-disable -->\nTutto pulito.\n"
    config = {**BASIC, "report_unused_suppressions": True, "disable": ["sportlint"]}
    assert lint_text(text, "a.md", config) == []


def test_misspelt_directive_does_nothing_and_is_reported() -> None:
    text = f"<!-- sportlint-disable-line -->\n{LINE}\n<!--\nsportlint-disable-next-line\n-->\n{LINE}\n"
    assert rules_found(text) == [(2, REP), (2, ACC)]
    found = lint_text(text, "a.md", {**BASIC, "report_unused_suppressions": True})
    unused = [f for f in found if f.rule == UNUSED]
    assert len(unused) == 1 and "«sportlint-disable-line» non è una direttiva" in unused[0].message


@pytest.mark.parametrize("comment", [
    f"<!-- sportlint-disable-next-line {ACC}--il nome è giusto -->",
    f"<!--sportlint-disable-next-line\t{ACC}-->",
    f"<!--   sportlint-disable-next-line   {ACC} ,  {REP}   -->",
])
def test_odd_spacing_around_rules_and_reason(comment: str) -> None:
    text = f"{comment}\nIl Bari ha vinto poichè ha segnato.\n"
    assert rules_found(text) == []
    assert parse(from_text(text, "a.md"))[0].prefixes[0] == ACC


def test_unclosed_directives_are_not_directives() -> None:
    text = f"<!-- sportlint-disable-next-line {ACC} -->\n{LINE}\n<!-- sportlint-disable\n{LINE}\n"
    assert [d.kind for d in parse(from_text(text, "a.md"))] == ["disable-next-line"]
    assert rules_found(text) == [(2, REP)]    # line 4 is inside the unclosed comment
