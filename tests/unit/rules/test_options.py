"""Typed rule options (rules/base.py ``Option``): a config's value of the wrong type, an
unknown option or an option of an unknown rule is a config error naming the file, the rule,
the option, the value and the expected type, when the config loads; `sportlint rules ID`
shows each option's type and default."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, ClassVar

import pytest

from clirun import run
from sportlint.api import lint_text
from sportlint.cli.main import ExitCode
from sportlint.config.loader import ConfigError, from_mapping
from sportlint.engine.linter import active_rules
from sportlint.rules import registry
from sportlint.rules.base import OPTION_KINDS, Option, OptionError, Rule
from sportlint.rules.kinds.base import DataRule

WHERE = "newsroom/.sportlint.yaml"


def load_error(rules: dict[str, Any], **more: Any) -> str:
    """The config error of a config with this ``rules`` section, raised when it loads."""
    with pytest.raises(ConfigError) as err:
        active_rules(from_mapping({"rules": rules, **more}, WHERE))
    return str(err.value)


# --- every bad type of every option type, on shipped rules ------------------------------
BAD = [
    # float (an int is a float, a bool is not)
    ("spelling.unknown-word", "max_zipf", "alto", "expected a number, got 'alto' (str)"),
    ("spelling.unknown-word", "max_zipf", True, "expected a number, got True (bool)"),
    ("spelling.unknown-word", "max_zipf", None, "expected a number, got null"),
    ("spelling.unknown-word", "max_zipf", [1.5], "expected a number, got [1.5] (list)"),
    ("spelling.unknown-word", "max_zipf", {"a": 1}, "expected a number, got {'a': 1} (mapping)"),
    ("names.gazetteer", "min_gain", "1.0", "expected a number, got '1.0' (str)"),
    # int
    ("spelling.unknown-word", "min_length", 4.5, "expected a whole number, got 4.5 (float)"),
    ("spelling.unknown-word", "min_length", "4", "expected a whole number, got '4' (str)"),
    ("spelling.unknown-word", "min_length", False, "expected a whole number, got False (bool)"),
    ("grammar.tense-consistency", "min_past", None, "expected a whole number, got null"),
    # bool: a string is never a bool ("yes"), nor a number
    ("scores.format", "strict", "yes", "expected true or false, got 'yes' (str)"),
    ("scores.format", "strict", "no", "expected true or false, got 'no' (str)"),
    ("scores.format", "strict", "true", "expected true or false, got 'true' (str)"),
    ("scores.format", "strict", 1, "expected true or false, got 1 (int)"),
    ("scores.format", "strict", None, "expected true or false, got null"),
    # str with choices
    ("typography.mixed-apostrophes", "follow", "minority",
     "expected one of 'majority', 'style', got 'minority' (str)"),
    ("typography.mixed-apostrophes", "follow", True,
     "expected one of 'majority', 'style', got True (bool)"),
    ("typography.mixed-apostrophes", "follow", ["style"],
     "expected one of 'majority', 'style', got ['style'] (list)"),
    # list of str
    ("style.d-eufonica", "keep", "ad hoc", "expected a list of strings, got 'ad hoc' (str)"),
    ("style.d-eufonica", "keep", ["ad hoc", 3], "expected a list of strings, item 2 is 3 (int)"),
    ("style.d-eufonica", "keep", [None], "expected a list of strings, item 1 is null"),
    ("style.d-eufonica", "keep", None, "expected a list of strings, got null"),
    ("style.d-eufonica", "keep", {"ad": "hoc"},
     "expected a list of strings, got {'ad': 'hoc'} (mapping)"),
    # a string or a list of strings (a consistency rule's preferred forms), null allowed
    ("style.consistency", "preferred", 3,
     "expected a string or a list of strings or null, got 3 (int)"),
    ("style.consistency", "preferred", ["ct", 1],
     "expected a string or a list of strings or null, item 2 is 1 (int)"),
    # list of mappings, null allowed, each entry checked by the rule
    ("grammar.verb-preposition", "extra", "puntare",
     "expected a list of mappings or null, got 'puntare' (str)"),
    ("grammar.verb-preposition", "extra", ["puntare"],
     "expected a list of mappings or null, item 1 is 'puntare' (str)"),
    ("grammar.verb-preposition", "extra", [{"verb": "puntare"}],
     "item 1: an entry needs verb, wrong, right (and optional before): {'verb': 'puntare'}"),
    ("grammar.verb-preposition", "extra",
     [{"verb": "puntare", "wrong": "di", "right": "a"},
      {"verb": "puntare", "wrong": "di", "right": "a", "before": "sometimes"}],
     "item 2: 'before' is 'infinitive' or 'any', not 'sometimes'"),
]


@pytest.mark.parametrize(("rule_id", "option", "value", "problem"), BAD)
def test_a_bad_option_value_is_a_config_error_naming_file_rule_option_and_type(
        rule_id: str, option: str, value: Any, problem: str) -> None:
    assert load_error({rule_id: {option: value}}) == \
        f"{WHERE}: key 'rules.{rule_id}.{option}': {problem}"
    # the same check guards a rule built by hand (the API's ``rules=``)
    with pytest.raises(OptionError) as err:
        registry.all_rules()[rule_id]({option: value})
    assert (err.value.option, err.value.problem) == (option, problem)


def test_every_option_type_has_a_bad_value_in_the_table() -> None:
    kinds = {registry.all_rules()[rule_id].options[option].kind for rule_id, option, _, _ in BAD}
    # "any" has no shipped option (only a rule file's untyped default); a "str" without
    # choices neither: both are tested in test_option_problem
    assert kinds == set(OPTION_KINDS) - {"any"}


@pytest.mark.parametrize(("option", "value", "problem"), [
    (Option("x", "str", "h"), 1, "expected a string, got 1 (int)"),
    (Option("x", "str", "h"), None, "expected a string, got null"),
    (Option("x", "str", "h", nullable=True), None, None),
    (Option("x", "str", "h", nullable=True), ["x"], "expected a string or null, got ['x'] (list)"),
    (Option(None, "any", "h"), {"a": [1]}, None),
    (Option(None, "any", "h"), None, None),
    (Option(1.0, "float", "h"), 2, None),
    (Option(1.0, "float", "h"), float("inf"), None),
    (Option(1.0, "float", "h"), float("nan"), "expected a number, got .nan"),
    (Option(1.0, "float", "h"), "x" * 80, f"expected a number, got '{'x' * 56}... (str)"),
    (Option(True, "bool", "h"), False, None),
    (Option([], "str | list[str]", "h"), "ct", None),
    (Option([], "list[dict]", "h"), [{}], None),
])
def test_option_problem(option: Option, value: Any, problem: str | None) -> None:
    assert option.problem(value) == problem


def test_an_unknown_option_and_an_unknown_rule_are_errors() -> None:
    assert load_error({"spelling.unknown-word": {"max_zip": 2}}) == (
        f"{WHERE}: key 'rules.spelling.unknown-word': rule spelling.unknown-word has no option "
        "'max_zip' (options: apostrophe_zipf, candidate_zipf, far_candidate_zipf, max_zipf, "
        "min_length)")
    assert load_error({"spelling.accents": {"level": 1}}) == (
        f"{WHERE}: key 'rules.spelling.accents': rule spelling.accents has no option 'level' "
        "(options: none)")
    assert load_error({"spelling.nope": {"max_zipf": 2}}) == \
        f"{WHERE}: key 'rules.spelling.nope': no such rule"


def test_a_disabled_rules_options_are_checked_too() -> None:
    # style.d-eufonica is off by default, and here also disabled: its options still load
    assert load_error({"style.d-eufonica": {"keep": "ad hoc"}}, disable=["style"]) == \
        f"{WHERE}: key 'rules.style.d-eufonica.keep': expected a list of strings, got 'ad hoc' (str)"


def test_the_api_reports_it_as_a_config_error() -> None:
    with pytest.raises(ConfigError, match=r"^config: key 'rules\.scores\.format\.strict': "
                                          r"expected true or false, got 'yes' \(str\)$"):
        lint_text("Finisce 2-1.", config={"rules": {"scores.format": {"strict": "yes"}}})


@pytest.mark.parametrize(("rule_id", "options"), [
    ("spelling.unknown-word", {"max_zipf": 2, "candidate_zipf": 2.75, "min_length": 5}),
    ("scores.format", {"strict": True}),
    ("typography.mixed-apostrophes", {"follow": "style"}),
    ("style.d-eufonica", {"keep": []}),
    ("style.consistency", {"preferred": "c.t."}),
    ("style.consistency", {"preferred": ["c.t.", "e-mail"]}),
    ("style.consistency", {"preferred": None}),
    ("grammar.verb-preposition", {"extra": None}),
    ("grammar.verb-preposition",
     {"extra": [{"verb": "puntare", "wrong": "di", "right": "a", "before": "any"}]}),
])
def test_valid_options_load_and_reach_the_rule_unchanged(rule_id: str,
                                                         options: dict[str, Any]) -> None:
    rules = active_rules(from_mapping({"rules": {rule_id: options}, "enable": [rule_id]}, WHERE))
    rule = next(r for r in rules if r.id == rule_id)
    defaults = {key: o.default for key, o in type(rule).options.items()}
    assert rule.opts == {**defaults, **options}


def test_an_option_changes_what_the_rule_finds() -> None:
    # an article consistent in a format that is not the house style: flagged only when strict
    text = "Vince 2-1 a Bari, poi perde 3-0 a Lecce."
    house = {"select": ["scores.format"], "style": {"score_format": "–"}}
    assert lint_text(text, config=house) == []
    strict = lint_text(text, config={**house, "rules": {"scores.format": {"strict": True}}})
    assert [f.suggestions[0] for f in strict] == ["2–1", "3–0"]


# --- every shipped rule declares typed options whose defaults pass their own check -------
@pytest.mark.parametrize("rule_id", sorted(registry.all_rules()))
def test_every_shipped_rules_defaults_pass_their_own_type_check(rule_id: str) -> None:
    cls = registry.all_rules()[rule_id]
    for name, option in cls.options.items():
        assert isinstance(option, Option), f"{rule_id}.{name} is not declared with Option"
        assert option.problem(option.default) is None, f"{rule_id}.{name}"
        assert option.help.strip(), f"{rule_id}.{name} has no help"
        assert option.kind != "any", f"{rule_id}.{name}: a shipped option has a real type"
    cls.check_options({name: o.default for name, o in cls.options.items()})
    assert cls().opts == {name: o.default for name, o in cls.options.items()}


def test_option_declarations_are_checked() -> None:
    with pytest.raises(ValueError, match="unknown option kind 'number'"):
        Option(1, "number", "h")
    with pytest.raises(ValueError, match="only a str option has choices"):
        Option(1, "int", "h", choices=("1",))


class _Demo(Rule):
    id = "style.demo"
    options: ClassVar[dict[str, Option]] = {"level": Option(1, "int", "how much")}


def test_rule_init_raises_keyerror_for_unknown_and_optionerror_for_bad_type() -> None:
    assert _Demo({"level": 3}).opts == {"level": 3}
    with pytest.raises(KeyError, match=r"rule style\.demo has no option 'depth' \(options: level\)"):
        _Demo({"depth": 1})
    with pytest.raises(OptionError, match="option 'level': expected a whole number, got '3'"):
        _Demo({"level": "3"})


# --- a newsroom's own rule files: their options are typed after their defaults -----------
@pytest.mark.parametrize(("default", "kind"), [
    (True, "bool"), (2, "int"), (0.5, "float"), ("a", "str"), (["a"], "list[str]"), ([], "list[str]"),
    ([1], "any"), ({"a": "b"}, "any"), (None, "any"),
])
def test_a_rule_files_options_are_typed_after_their_defaults(default: Any, kind: str) -> None:
    assert DataRule.declared_options({"x": default})["x"].kind == kind


@pytest.mark.parametrize("options", [["x"], "x", {1: "x"}])
def test_a_rule_files_options_must_be_a_mapping_of_names(options: Any) -> None:
    with pytest.raises(ValueError, match="'options' must be a mapping of option names"):
        DataRule.declared_options(options)


HOUSE = """\
id: style.house-forms
kind: consistency
summary: The newsroom's own spellings.
options: {strict: false}
entries:
  - forms: [e-mail, email]
"""


def test_a_newsroom_rules_options_are_checked_when_the_config_loads(tmp_path: Path) -> None:
    (tmp_path / "house.yaml").write_text(HOUSE, encoding="utf-8")
    config = {"rule_files": [str(tmp_path / "house.yaml")]}
    assert load_error({"style.house-forms": {"strict": "no"}}, **config) == \
        f"{WHERE}: key 'rules.style.house-forms.strict': expected true or false, got 'no' (str)"
    assert load_error({"style.house-forms": {"preferred": 1}}, **config) == (
        f"{WHERE}: key 'rules.style.house-forms.preferred': expected a string or a list of "
        "strings or null, got 1 (int)")
    assert "no option 'strikt'" in load_error({"style.house-forms": {"strikt": True}}, **config)
    # good values reach the rule
    found = lint_text("Una email, una email, una e-mail.", config={
        **config, "select": ["style.house-forms"],
        "rules": {"style.house-forms": {"preferred": "e-mail", "strict": True}}})
    assert [f.suggestions[0] for f in found] == ["e-mail", "e-mail"]


# --- the command line ---------------------------------------------------------------------
def test_an_error_names_the_extended_file_that_has_it(tmp_path: Path) -> None:
    """Through `extends`, the file to edit is the one that set the bad value: the parent
    when it comes from there, the child when the child set it."""
    from sportlint.config.loader import load_config

    house, child = tmp_path / "house.yaml", tmp_path / ".sportlint.yaml"
    house.write_text("rules:\n  spelling.unknown-word: {max_zipf: alto, min_length: 5}\n",
                     encoding="utf-8")
    child.write_text("extends: house.yaml\nrules:\n  scores.format: {strict: true}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        active_rules(load_config(child))
    assert str(info.value) == f"{house}: key 'rules.spelling.unknown-word.max_zipf': " \
                              "expected a number, got 'alto' (str)"
    house.write_text("rules:\n  spelling.unknown-word: {min_length: 5}\n", encoding="utf-8")
    child.write_text("extends: house.yaml\nrules:\n  scores.format: {strict: 1}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        active_rules(load_config(child))
    assert str(info.value) == f"{child}: key 'rules.scores.format.strict': expected true or " \
                              "false, got 1 (int)"
    # the child's value overrides the parent's bad one: nothing to report
    house.write_text("rules:\n  spelling.unknown-word: {max_zipf: alto, min_length: 5}\n",
                     encoding="utf-8")
    child.write_text("extends: house.yaml\nrules:\n  spelling.unknown-word: {max_zipf: 2}\n",
                     encoding="utf-8")
    assert load_config(child).rules["spelling.unknown-word"] == {"max_zipf": 2, "min_length": 5}
    assert active_rules(load_config(child))
    # the parent's other keys are checked as the parent's too
    house.write_text("severity: {style: grave}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=f"^{re.escape(str(house))}: key 'severity.style'"):
        load_config(child)


def test_options_that_are_not_a_mapping_name_the_rule() -> None:
    with pytest.raises(ConfigError, match=r"key 'rules\.spelling\.unknown-word': expected a "
                                          r"mapping of options \(\{option: value\}\), got list"):
        from_mapping({"rules": {"spelling.unknown-word": [1]}}, "x.yaml")


def test_cli_exits_2_naming_the_file_rule_option_and_type(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".sportlint.yaml").write_text(
        "rules:\n  spelling.unknown-word: {max_zipf: alto}\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("Il centavanti ha segnato.\n", encoding="utf-8")
    code, out, err = run(capsys, "check", "a.md")
    assert code == ExitCode.ERROR == 2
    assert err == (f"sportlint: config error: {tmp_path / '.sportlint.yaml'}: key "
                   "'rules.spelling.unknown-word.max_zipf': expected a number, got 'alto' (str)\n")
    assert "internal error" not in out + err
    # YAML 1.1 reads an unquoted yes as true: a bool is not a number either
    (tmp_path / "other.yaml").write_text("rules:\n  spelling.unknown-word: {min_length: yes}\n",
                                         encoding="utf-8")
    code, _, err = run(capsys, "check", "--config", "other.yaml", "a.md")
    assert code == ExitCode.ERROR
    assert "other.yaml: key 'rules.spelling.unknown-word.min_length': expected a whole number, " \
           "got True (bool)" in err


def test_cli_rules_shows_each_option_with_type_default_and_help(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "spelling.unknown-word")
    assert code == ExitCode.OK
    # one Options section: the documentation's prose, then each option's type and default
    assert out.count("\nOptions:\n") == 1
    block = [line for line in out.split("\nOptions:\n", 1)[1].splitlines() if line.startswith("  ")]
    assert block == [
        "  max_zipf: float, default 1.0",
        "    a word at or above this Zipf frequency is never suspect",
        "  apostrophe_zipf: float, default 2.5",
        "    below this Zipf frequency a word whose lost apostrophe gives a common form is suspect",
        "  candidate_zipf: float, default 2.5",
        "    the lowest Zipf frequency of a suggested word",
        "  far_candidate_zipf: float, default 3.5",
        "    the lowest Zipf frequency of a suggestion two edits away",
        "  min_length: int, default 4",
        "    shorter words are never checked",
    ]
    _, out, _ = run(capsys, "rules", "typography.mixed-apostrophes")
    assert '  follow: "majority" | "style", default "majority"' in out.splitlines()
    _, out, _ = run(capsys, "rules", "grammar.verb-preposition")
    assert "  extra: list[dict] | null, default []" in out.splitlines()
    # a rule without options has no block; the listing is one line per rule
    _, out, _ = run(capsys, "rules", "spelling.accents")
    assert "Options:" not in out
    _, out, _ = run(capsys, "rules")
    assert "Options" not in out and all("  " in line for line in out.splitlines())


def test_a_consistency_rule_file_may_declare_preferred_but_not_retype_it(tmp_path: Path) -> None:
    declared = HOUSE.replace("options: {strict: false}", "options: {preferred: e-mail}")
    (tmp_path / "house.yaml").write_text(declared, encoding="utf-8")
    config = from_mapping({"rule_files": [str(tmp_path / "house.yaml")],
                           "rules": {"style.house-forms": {"preferred": ["email"]}}}, WHERE)
    rule = next(r for r in active_rules(config) if r.id == "style.house-forms")
    assert type(rule).options["preferred"].default == "e-mail"
    assert rule.opts["preferred"] == ["email"]
    # (another file: a process loads each rule file once)
    (tmp_path / "retyped.yaml").write_text(declared.replace("e-mail}", "5}"), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        active_rules(from_mapping({"rule_files": [str(tmp_path / "retyped.yaml")]}, WHERE))
    assert str(err.value) == (
        f"{WHERE}: key 'rule_files': {tmp_path / 'retyped.yaml'}: option 'preferred': expected "
        "a string or a list of strings or null, got 5 (int)")
