"""Patterns from YAML rules run with a time limit: a rule whose pattern backtracks
catastrophically is reported (exit 2) and the other rules and files are still checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clirun import run
from sportlint import ConfigError, fix_text, lint_text
from sportlint.cli.main import ExitCode
from sportlint.config.loader import from_mapping
from sportlint.engine.timeouts import RuleProblemWarning
from sportlint.rules.kinds.timelimit import limit

# (a+)+$ on a long run of "a" that ends in another letter: exponential backtracking
SLOW_RULE = """\
id: style.house-runs
kind: existence
summary: Runs of the letter a (a deliberately catastrophic pattern).
message: "Troppe a: «{found}»."
patterns:
  - {pattern: '(a+)+$'}
"""
QUICK_RULE = """\
id: style.house-forza
kind: pattern
summary: A newsroom's own ban.
message: "«{found}»: scrivere «{right}»."
fix: safe
patterns:
  - {pattern: '\\bforza\\s+ragazzi\\b', replacement: 'avanti'}
"""
TRAP = "a" * 5000 + "b"
DIRTY = "Il Bari ha vinto poichè ha segnato.\n"


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "runs.yaml").write_text(SLOW_RULE, encoding="utf-8")
    (tmp_path / "house" / "forza.yaml").write_text(QUICK_RULE, encoding="utf-8")
    (tmp_path / ".sportlint.yaml").write_text("rule_files: [house]\nregex_timeout: 0.2\n",
                                              encoding="utf-8")
    (tmp_path / "trap.md").write_text(DIRTY + "forza ragazzi\n" + TRAP + "\n", encoding="utf-8")
    (tmp_path / "other.md").write_text(DIRTY, encoding="utf-8")
    return tmp_path


def test_cli_reports_the_rule_and_keeps_the_rest(newsroom: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(newsroom)
    code, out, err = run(capsys, "check", "trap.md", "other.md")
    assert code == ExitCode.ERROR
    assert "sportlint: trap.md: rule style.house-runs stopped: its pattern took more than " \
           "0.2 s (catastrophic backtracking?); its findings on this file are missing" in err
    assert "other.md" not in err
    # the other rules on the same file (shipped and the newsroom's own), and the other file
    assert "trap.md:1:18: error [spelling.accents]" in out
    assert "trap.md:2:1: warning [style.house-forza]" in out
    assert "other.md:1:18: error [spelling.accents]" in out
    assert "[style.house-runs]" not in out.replace("rule style.house-runs stopped", "")


def test_machine_formats_name_the_rule(newsroom: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(newsroom)
    code, out, _ = run(capsys, "check", "--format", "json", "trap.md", "other.md")
    assert code == ExitCode.ERROR
    report = json.loads(out)
    assert report["errors"] == [{
        "path": "trap.md", "rule": "style.house-runs",
        "message": "rule style.house-runs stopped: its pattern took more than 0.2 s "
                   "(catastrophic backtracking?); its findings on this file are missing"}]
    assert {(f["path"], f["rule"]) for f in report["findings"]} == {
        ("trap.md", "spelling.accents"), ("trap.md", "style.house-forza"),
        ("other.md", "spelling.accents")}

    code, out, _ = run(capsys, "check", "--format", "sarif", "trap.md")
    assert code == ExitCode.ERROR
    run_log = json.loads(out)["runs"][0]
    # the newsroom's own rule is described like a shipped one
    described = {r["id"]: r for r in run_log["tool"]["driver"]["rules"]}
    assert described["style.house-forza"]["shortDescription"] == {"text": "A newsroom's own ban."}
    invocation = run_log["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["associatedRule"] == {"id": "style.house-runs"}
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "trap.md"

    code, out, _ = run(capsys, "check", "--format", "github", "trap.md")
    assert code == ExitCode.ERROR
    assert out.startswith("::error file=trap.md,title=sportlint style.house-runs::rule "
                          "style.house-runs stopped")

    code, out, _ = run(capsys, "check", "--format", "html", "trap.md")
    assert code == ExitCode.ERROR
    assert "Controllo incompleto" in out and "style.house-runs" in out


def test_fix_applies_the_other_rules(newsroom: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(newsroom)
    code, _, err = run(capsys, "check", "--fix", "trap.md", "other.md")
    assert code == ExitCode.ERROR
    assert "trap.md: rule style.house-runs stopped" in err
    assert (newsroom / "trap.md").read_text(encoding="utf-8") == \
        "Il Bari ha vinto poiché ha segnato.\navanti\n" + TRAP + "\n"
    assert (newsroom / "other.md").read_text(encoding="utf-8") == \
        "Il Bari ha vinto poiché ha segnato.\n"


def test_api_returns_the_problem_and_the_other_findings(newsroom: Path) -> None:
    config = {"rule_files": [str(newsroom / "house")], "regex_timeout": 0.2}
    with pytest.warns(RuleProblemWarning, match="draft.md: rule style.house-runs stopped"):
        found = lint_text(DIRTY + TRAP, "draft.md", config)
    assert [p.rule for p in found.problems] == ["style.house-runs"]
    assert found.problems[0].path == "draft.md"
    assert "spelling.accents" in {f.rule for f in found}
    with pytest.warns(RuleProblemWarning):
        assert fix_text(DIRTY + TRAP, "draft.md", config) == \
            "Il Bari ha vinto poiché ha segnato.\n" + TRAP
    # the same rule finishes on a text where its pattern does not backtrack
    assert not lint_text(DIRTY + "aaa\n", "draft.md", config).problems


def test_every_written_yaml_pattern_is_limited(recwarn: pytest.WarningsRecorder) -> None:
    """A tiny limit stops every shipped data rule that runs a pattern a person wrote (the
    pattern kind, a substitution entry's exceptions, a consistency group's 'before'); the
    forms of substitution and consistency rules are escaped literals, matched in linear
    time, so they run unlimited and still report, as do the code rules."""
    text = "Il il coach ha vinto poichè la Nazionale e le nazionali. Il ct e il c.t.\n" * 20
    config = {"select": ["ALL", "style"], "regex_timeout": 1e-9}
    found = lint_text(text, "draft.txt", config)
    stopped = {p.rule for p in found.problems}
    assert stopped == {"typography.apostrophe-misuse", "style.redundancy", "style.anglicisms",
                       "style.consistency", "grammar.clitic-forms"}
    assert {"spelling.repeated-word", "spelling.accents"} <= {f.rule for f in found}
    assert not stopped & {f.rule for f in found}
    assert recwarn.list
    # without the limited parts, the literal forms are not limited
    found = lint_text("Il ct e il c.t. hanno vinto poichè sì.\n", "draft.txt", config)
    assert {p.rule for p in found.problems} == {"typography.apostrophe-misuse",
                                                 "style.redundancy", "grammar.clitic-forms"}
    assert {"spelling.accents", "style.consistency"} <= {f.rule for f in found}


def test_user_patterns_in_exceptions_and_before_are_limited(tmp_path: Path) -> None:
    (tmp_path / "sub.yaml").write_text("""\
id: style.house-sub
kind: substitution
summary: A substitution with a slow exception.
entries:
  - {wrong: mister, right: allenatore, exceptions: ['(a+)+$']}
""", encoding="utf-8")
    (tmp_path / "cons.yaml").write_text("""\
id: style.house-cons
kind: consistency
summary: A consistency group with a slow 'before'.
entries:
  - {forms: [playoff, play-off], before: '(?:(a+)+$)?'}
""", encoding="utf-8")
    config = {"rule_files": [str(tmp_path)], "regex_timeout": 0.2}
    text = "Il mister e i playoff, poi i play-off. " + TRAP + " mister"
    with pytest.warns(RuleProblemWarning):
        found = lint_text(text, "draft.txt", config)
    assert {p.rule for p in found.problems} <= {"style.house-sub", "style.house-cons"}
    assert "style.house-sub" in {p.rule for p in found.problems}


def test_limit_grows_with_the_text() -> None:
    assert limit(1.0, 10_000) == 1.0
    assert limit(1.0, 5_000_000) == 5.0
    assert limit(1e30, 10) == 86_400.0     # regex takes a huge timeout as expired


@pytest.mark.parametrize("value", [0, -1, "1", True, None, float("inf"), [1]])
def test_regex_timeout_is_validated(value: object) -> None:
    with pytest.raises(ConfigError, match="key 'regex_timeout' must be a number of seconds"):
        from_mapping({"regex_timeout": value}, None)
    assert from_mapping({"regex_timeout": 2}, None).regex_timeout == 2.0
    assert from_mapping({}, None).regex_timeout == 1.0


def test_rule_files_errors_name_the_key_and_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="rule_files"):
        from_mapping({"rule_files": "house.yaml"}, None)
    with pytest.raises(ConfigError, match=r"key 'rule_files': .*missing.yaml: no such file"):
        lint_text("Testo.", None, {"rule_files": [str(tmp_path / "missing.yaml")]})
    (tmp_path / "dup.yaml").write_text(
        "id: spelling.accents\nkind: existence\nsummary: x\npatterns: [{pattern: x}]\n",
        encoding="utf-8")
    with pytest.raises(ConfigError, match=r"dup\.yaml: duplicate rule id 'spelling.accents'"):
        lint_text("Testo.", None, {"rule_files": [str(tmp_path / "dup.yaml")]})
    (tmp_path / "bad.yaml").write_text(
        "id: style.bad\nkind: existence\nsummary: x\npatterns: [{pattern: '(x'}]\n",
        encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.yaml: bad pattern"):
        lint_text("Testo.", None, {"rule_files": [str(tmp_path / "bad.yaml")]})
    # mistakes that would otherwise be a traceback on the first match
    (tmp_path / "group.yaml").write_text(
        "id: style.group\nkind: pattern\nsummary: x\nfix: safe\n"
        "patterns: [{pattern: 'forza', replacement: '\\2'}]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="refers to group '2'"):
        lint_text("forza", None, {"rule_files": [str(tmp_path / "group.yaml")]})
    (tmp_path / "message.yaml").write_text(
        "id: style.message\nkind: existence\nsummary: x\nmessage: 'No {wrong}'\n"
        "patterns: [{pattern: 'forza'}]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad message 'No \{wrong\}'"):
        lint_text("forza", None, {"rule_files": [str(tmp_path / "message.yaml")]})


def test_rule_files_are_relative_to_their_config_and_selectable(
        newsroom: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    sub = newsroom / "desk"
    sub.mkdir()
    monkeypatch.chdir(sub)
    (sub / "d.md").write_text("forza ragazzi\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--select", "style.house-forza", "d.md")
    assert code == ExitCode.FINDINGS and "[style.house-forza]" in out
    (newsroom / ".sportlint.yaml").write_text(
        "rule_files: [house]\ndisable: [style.house-forza]\n", encoding="utf-8")
    assert run(capsys, "check", "d.md")[0] == ExitCode.OK


@pytest.mark.parametrize("content", [
    "id: style.x\nkind: [pattern]\nsummary: x\n",
    "id: style.x\nkind: consistency\nsummary: x\nentries: {wrong: x}\n",
    "id: style.x\nkind: pattern\nsummary: x\npatterns: [forza]\n",
    "id: style.x\nkind: pattern\nsummary: x\nfix: bogus\npatterns: [{pattern: forza}]\n",
    "- just a list\n",
    "id: style.x\nkind: substitution\nsummary: x\nentries: [{wrong: forza}]\n",
])
def test_a_broken_rule_file_is_a_config_error_naming_it(tmp_path: Path, content: str) -> None:
    (tmp_path / "broken.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"key 'rule_files': .*broken\.yaml: "):
        lint_text("forza", None, {"rule_files": [str(tmp_path / "broken.yaml")]})


def test_rule_files_of_an_extended_config_are_relative_to_it(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    (shared / "house").mkdir(parents=True)
    (shared / "house" / "forza.yaml").write_text(QUICK_RULE, encoding="utf-8")
    (shared / "newsroom.yaml").write_text("rule_files: [house]\n", encoding="utf-8")
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / ".sportlint.yaml").write_text("extends: ../shared/newsroom.yaml\n", encoding="utf-8")
    found = lint_text("forza ragazzi", None, str(desk / ".sportlint.yaml"))
    assert [f.rule for f in found] == ["style.house-forza"]


def test_rules_lists_and_documents_the_newsrooms_own(
        newsroom: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(newsroom)
    code, out, _ = run(capsys, "rules", "style")
    assert code == ExitCode.OK
    assert "style.house-forza" in out and "style.house-runs" in out
    assert "style.consistency" in out                       # the shipped ones too
    code, out, _ = run(capsys, "rules", "style.house-forza")
    assert code == ExitCode.OK and "A newsroom's own ban" in out
    code, out, _ = run(capsys, "rules", "--config", str(newsroom / "none.yaml"))
    assert code == ExitCode.ERROR                           # a named config must exist
