"""The one table of config keys (config/schema.py): it agrees with the shipped default
profile and with what the loader does, feeds the loader's type errors (which name the key
and the file), `sportlint init` and the docs' Markdown table."""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from clirun import run
from sportlint.cli.main import ExitCode
from sportlint.cli.starter import starter_config
from sportlint.config import schema
from sportlint.config.loader import (
    SECTION_KEYS,
    STYLE_CHOICES,
    TOP_KEYS,
    Config,
    ConfigError,
    default_profile,
    from_mapping,
    load_config,
)
from sportlint.findings import Severity
from sportlint.rules.languagetool import _client as ltclient

WHERE = "newsroom/.sportlint.yaml"


def _flat(profile: dict[str, Any]) -> dict[str, Any]:
    """The default profile as dotted key -> value (a section's keys below it)."""
    out: dict[str, Any] = {}
    for name, value in profile.items():
        if name in schema.sections():
            out.update({f"{name}.{leaf}": v for leaf, v in value.items()})
        else:
            out[name] = value
    return out


# --- the table, the profile and the loader agree ----------------------------------------
def test_every_key_of_the_default_profile_is_in_the_table_with_the_same_default() -> None:
    profile = _flat(default_profile())
    in_profile = {k.name: k.default for k in schema.KEYS if k.in_profile and k.kind != "section"}
    assert profile == in_profile
    # and the profile's sections are the table's sections
    assert {k for k in default_profile() if k in schema.sections()} == set(schema.sections())


def test_the_keys_not_in_the_profile_default_to_what_the_code_applies() -> None:
    empty = from_mapping({}, None)
    assert empty.select is schema.key("select").default
    assert empty.disable == schema.key("ignore").default == []
    assert empty.report_unused_suppressions is schema.key("report_unused_suppressions").default
    assert empty.regex_timeout == schema.key("regex_timeout").default
    assert empty.rule_files == schema.key("rule_files").default
    assert from_mapping({"extends": schema.key("extends").default}, None) == empty
    # the LanguageTool client applies its own defaults to the keys a config leaves out
    assert schema.key("languagetool.timeout").default == ltclient.DEFAULT_TIMEOUT
    assert schema.key("languagetool.language").default == ltclient.DEFAULT_LANGUAGE
    # and a config that sets every key to its table default loads like the empty one
    every: dict[str, Any] = {}
    for k in schema.KEYS:
        if k.kind == "section":
            every.setdefault(k.name, {})
        elif k.section is None:
            every[k.name] = copy.deepcopy(k.default)
        else:
            every.setdefault(k.section, {})[k.leaf] = copy.deepcopy(k.default)
    loaded = from_mapping(every, None)
    assert replace(loaded, languagetool=empty.languagetool) == empty
    assert loaded.languagetool == every["languagetool"]


def test_the_loaders_key_sets_come_from_the_table() -> None:
    assert TOP_KEYS == {k.name for k in schema.KEYS if k.section is None}
    assert set(SECTION_KEYS) == set(schema.sections()) == {"style", "names", "languagetool"}
    for section, keys in SECTION_KEYS.items():
        assert keys == {k.leaf for k in schema.KEYS if k.section == section}
    assert STYLE_CHOICES == {"quotes": ("«»", "“”", '""'), "apostrophe": ("'", "’"),
                             "score_format": ("-", "–", " a "), "numbers_in_words": None,
                             "ellipsis": ("...", "…"), "ordinal": ("º", "°"),
                             "thousands": (".", " "), "institution_capitals": None}


def test_every_key_has_a_kind_a_help_and_a_default_of_its_own_choices() -> None:
    for k in schema.KEYS:
        assert k.kind in schema.KINDS and k.help.strip(), k.name
        if k.choices:
            assert k.default in k.choices, k.name
        if k.section is not None:
            assert schema.key(k.section).kind == "section", k.name
    assert len({k.name for k in schema.KEYS}) == len(schema.KEYS)
    with pytest.raises(ValueError, match="unknown kind 'number'"):
        schema.Key("x", "number", 1, "h")
    with pytest.raises(KeyError):
        schema.key("colour")


# --- type errors: the key and the file, the texts as before ---------------------------------
def _deep(levels: int) -> Any:
    value: Any = 1
    for _ in range(levels):
        value = {"a": value}
    return value


BAD = [
    ({"colour": 1}, "unknown key 'colour' (known: " + ", ".join(sorted(TOP_KEYS)) + ")"),
    ({"style": {"quote": "«»"}}, "unknown key 'style.quote' (known: apostrophe, ellipsis, "
                                 "institution_capitals, numbers_in_words, ordinal, quotes, "
                                 "score_format, thousands)"),
    ({"languagetool": {"port": 1}}, "unknown key 'languagetool.port' (known: disabled_rules, "
                                    "enabled_rules, language, level, timeout, url)"),
    # section
    ({"style": ["quotes"]}, "key 'style' must be a mapping"),
    ({"names": "Rossi"}, "key 'names' must be a mapping"),
    ({"languagetool": "http://x"}, "key 'languagetool' must be a mapping"),
    # severity and severity_map
    ({"fail_level": "fatal"}, "key 'fail_level': unknown severity 'fatal' (choose from "
                              "suggestion, warning, error)"),
    ({"fail_level": 2}, "key 'fail_level' must be one of suggestion, warning, error, not 2"),
    ({"severity": ["style"]}, "key 'severity' must be a mapping"),
    ({"severity": {"style": True}}, "key 'severity.style' must be one of suggestion, warning, "
                                    "error, not True"),
    # rule_options
    ({"rules": ["scores.format"]}, "key 'rules' maps rule ids to mappings of options"),
    ({"rules": {"scores.format": True}},
     "key 'rules.scores.format': expected a mapping of options ({option: value}), got bool"),
    # prefixes, paths, ids
    ({"enable": [1]}, "key 'enable' must be a list of rule-id prefixes"),
    ({"disable": {"style": 1}}, "key 'disable' must be a list of rule-id prefixes"),
    ({"select": 3}, "key 'select' must be a list of rule-id prefixes"),
    ({"ignore": [None]}, "key 'ignore' must be a list of rule-id prefixes"),
    ({"rule_files": "house/"}, "key 'rule_files' must be a list of paths"),
    ({"languagetool": {"disabled_rules": "X"}},
     "key 'languagetool.disabled_rules' must be a list of LanguageTool rule ids"),
    ({"languagetool": {"enabled_rules": [1]}},
     "key 'languagetool.enabled_rules' must be a list of LanguageTool rule ids"),
    # bool
    ({"report_unused_suppressions": "yes"}, "key 'report_unused_suppressions' must be true or false"),
    ({"report_unused_suppressions": 1}, "key 'report_unused_suppressions' must be true or false"),
    ({"report_unused_suppressions": None}, "key 'report_unused_suppressions' must be true or false"),
    # seconds
    ({"regex_timeout": 0}, "key 'regex_timeout' must be a number of seconds above 0, not 0"),
    ({"regex_timeout": "1"}, "key 'regex_timeout' must be a number of seconds above 0, not '1'"),
    ({"regex_timeout": True}, "key 'regex_timeout' must be a number of seconds above 0, not True"),
    ({"regex_timeout": float("inf")},
     "key 'regex_timeout' must be a number of seconds above 0, not inf"),
    ({"regex_timeout": None}, "key 'regex_timeout' must be a number of seconds above 0, not None"),
    ({"languagetool": {"timeout": -1}},
     "key 'languagetool.timeout' must be a number of seconds above 0, not -1"),
    # str
    ({"languagetool": {"url": 8081}}, "key 'languagetool.url' must be a string"),
    ({"languagetool": {"language": ["it"]}}, "key 'languagetool.language' must be a string"),
    ({"languagetool": {"level": True}}, "key 'languagetool.level' must be a string"),
    # choice
    ({"style": {"quotes": "<>"}}, "key 'style.quotes' must be one of '«»', '“”', '\"\"', not '<>'"),
    ({"style": {"apostrophe": None}}, "key 'style.apostrophe' must be one of \"'\", '’', not None"),
    ({"style": {"score_format": 1}}, "key 'style.score_format' must be one of '-', '–', ' a ', not 1"),
    ({"style": {"ellipsis": "…."}}, "key 'style.ellipsis' must be one of '...', '…', not '….'"),
    # count
    ({"style": {"numbers_in_words": -1}}, "key 'style.numbers_in_words' must be a whole number"),
    ({"style": {"numbers_in_words": 2.5}}, "key 'style.numbers_in_words' must be a whole number"),
    ({"style": {"numbers_in_words": True}}, "key 'style.numbers_in_words' must be a whole number"),
    # names, name_map (issue 18: junk in a name list must never reach a fix)
    ({"names": {"accept": "Rossi"}}, "key 'names.accept' must be a list of names, not 'Rossi' (str)"),
    ({"names": {"accept": None}}, "key 'names.accept' must be a list of names, not null"),
    ({"names": {"accept": [1, ["a"]]}},
     "key 'names.accept': item 1 must be a name (a non-empty string; quote a number), not 1 (int)"),
    ({"names": {"accept": ["Rossi", ["a"]]}},
     "key 'names.accept': item 2 must be a name (a non-empty string; quote a number), "
     "not ['a'] (list)"),
    ({"names": {"accept": ["  "]}},
     "key 'names.accept': item 1 must be a name (a non-empty string; quote a number), not '  ' (str)"),
    ({"names": {"reject": ["Rossi"]}},
     "key 'names.reject' must be a mapping of a form to the form to write instead, "
     "not ['Rossi'] (list)"),
    ({"names": {"reject": {"Sparatk": None}}},
     "key 'names.reject.Sparatk': the form to write instead must be a non-empty string, not null"),
    ({"names": {"reject": {"Sparatk": ["a"]}}},
     "key 'names.reject.Sparatk': the form to write instead must be a non-empty string, "
     "not ['a'] (list)"),
    ({"names": {"reject": {"Sparatk": {"a": 1}}}},
     "key 'names.reject.Sparatk': the form to write instead must be a non-empty string, "
     "not {'a': 1} (mapping)"),
    ({"names": {"reject": {"Sparatk": ""}}},
     "key 'names.reject.Sparatk': the form to write instead must be a non-empty string, not '' (str)"),
    ({"names": {"reject": {5: 6}}},
     "key 'names.reject': 5 (int) must be a name (a non-empty string; quote a number)"),
    ({"names": {"reject": {"Cinque": 6}}},
     "key 'names.reject.Cinque': the form to write instead must be a non-empty string, not 6 (int)"),
    # keys of mappings are strings
    ({"severity": {5: "error"}}, "key 'severity': 5 (int) must be a rule-id prefix (a string)"),
    ({"rules": {5: {}}}, "key 'rules': 5 (int) must be a rule id (a string)"),
    ({"rules": {"scores.format": {1: True}}}, "key 'rules.scores.format': option names are strings"),
    # nesting depth (a YAML file is limited by its loader first; a mapping from the API here)
    ({"rules": {"scores.format": {"strict": _deep(40)}}},
     f"values nested more than {schema.MAX_DEPTH} levels deep"),
]


@pytest.mark.parametrize(("data", "message"), BAD)
def test_a_value_of_the_wrong_type_is_an_error_naming_key_and_file(data: dict[str, Any],
                                                                    message: str) -> None:
    with pytest.raises(ConfigError) as err:
        from_mapping(data, WHERE)
    assert str(err.value) == f"{WHERE}: {message}"


def test_every_kind_of_key_has_a_bad_value_in_the_table() -> None:
    named = {name for data, _ in BAD for name in _names(data)}
    kinds = {schema.key(name).kind for name in named if name in {k.name for k in schema.KEYS}}
    assert kinds == set(schema.KINDS) - {"extends"}   # extends: see test_loader.py (a file or default)


def _names(data: dict[str, Any]) -> list[str]:
    out = []
    for name, value in data.items():
        out.append(name)
        if name in schema.sections() and isinstance(value, dict):
            out.extend(f"{name}.{leaf}" for leaf in value)
    return out


def test_the_cli_exits_2_naming_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "redazione.yaml"
    config.write_text("style:\n  numbers_in_words: dieci\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("Testo.\n", encoding="utf-8")
    code, _, err = run(capsys, "check", "--config", str(config), str(tmp_path / "a.md"))
    assert code == ExitCode.ERROR == 2
    assert err == f"sportlint: config error: {config}: key 'style.numbers_in_words' must be a " \
                  "whole number\n"


# --- valid configs load as before ---------------------------------------------------------
@pytest.mark.parametrize("data", [
    {}, {"fail_level": None}, {"enable": None}, {"enable": []}, {"severity": None},
    {"severity": []}, {"rules": None}, {"rules": []}, {"style": {}}, {"names": None},
    {"languagetool": None}, {"rule_files": None}, {"extends": None}, {"select": []},
    {"languagetool": {"url": None, "timeout": None, "language": None, "level": None}},
])
def test_empty_values_are_absent_keys(data: dict[str, Any]) -> None:
    loaded = from_mapping(data, None)
    assert replace(loaded, languagetool={"url": None}) == from_mapping({}, None)


def test_a_full_valid_config_loads_to_these_values() -> None:
    data = {"fail_level": "error", "enable": "style.d-eufonica", "disable": ["typography"],
            "ignore": ["names.gazetteer"], "select": "ALL",
            "severity": {"style": "suggestion"}, "rules": {"scores.format": {"strict": True}},
            "style": {"quotes": "“”", "numbers_in_words": 10, "score_format": " a "},
            "names": {"accept": ["Zappacosta"]},
            "languagetool": {"url": "http://localhost:8081", "timeout": 3, "level": "picky",
                             "disabled_rules": ["WHITESPACE_RULE"]},
            "report_unused_suppressions": True, "regex_timeout": 2}
    config = from_mapping(data, WHERE)
    assert config == Config(
        enable=["style.d-eufonica"], disable=["typography", "names.gazetteer"], select=["ALL"],
        severity={"style": Severity.SUGGESTION}, fail_level=Severity.ERROR,
        rules={"scores.format": {"strict": True}},
        style={"quotes": "“”", "apostrophe": "'", "score_format": " a ", "numbers_in_words": 10,
               "ellipsis": "...", "ordinal": "º", "thousands": ".", "institution_capitals": True},
        names={"accept": ["Zappacosta"], "reject": {}, "files": []},
        languagetool={"url": "http://localhost:8081", "timeout": 3, "level": "picky",
                      "disabled_rules": ["WHITESPACE_RULE"]},
        source=WHERE, report_unused_suppressions=True, regex_timeout=2.0, rule_files=[])
    assert isinstance(config.regex_timeout, float)


# --- `sportlint init` and the docs use the table -----------------------------------------
def test_the_starter_writes_every_starter_key_at_its_default_with_its_help() -> None:
    text = starter_config()
    data = yaml.safe_load(text)
    for k in schema.KEYS:
        holder = data if k.section is None else data.get(k.section, {})
        if not k.starter:
            assert k.leaf not in holder, k.name
            continue
        if k.kind != "section":
            assert holder[k.leaf] == k.default, k.name
        # the help is the comment (on the key's line in a section, above it at the top)
        flat = " ".join(line.strip().lstrip("# ") for line in text.splitlines())
        assert k.help[1:] in flat, k.name


def test_the_starter_loads_to_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / ".sportlint.yaml"
    path.write_text(starter_config(), encoding="utf-8")
    assert load_config(path) == replace(load_config(None), source=str(path))


def test_markdown_table_has_one_row_per_key_with_type_choices_and_default() -> None:
    table = schema.markdown_table()
    lines = table.splitlines()
    assert lines[:2] == ["| Key | Type | Default | What it does |", "| --- | --- | --- | --- |"]
    rows = lines[2:]
    assert len(rows) == len(schema.KEYS) and table.endswith("\n")
    for row, k in zip(rows, schema.KEYS, strict=True):
        assert row.startswith(f"| `{k.name}` | `{k.type_name.replace('|', chr(92) + '|')}`")
        # five unescaped pipes: four cells, whatever the choices and help hold
        assert row.replace("\\|", "").count("|") == 5, row
    assert "| `style.quotes` | `str`: `\"«»\"`, `\"“”\"`, `\"\\\"\\\"\"` | `\"«»\"` |" in table
    assert "| `fail_level` | `str`: `\"suggestion\"`, `\"warning\"`, `\"error\"` | `\"warning\"` |" in table
    assert "| `select` | `list[str] \\| null` | `null` |" in table
    assert "| `regex_timeout` | `float` | `1.0` |" in table


# --- every key, every wrong type (issue 18) -----------------------------------------------
WRONG_BY_KIND: dict[str, list[Any]] = {
    "bool": ["yes", 1, [True], {"a": 1}],
    "count": [-1, 1.5, "3", True, [1]],
    "seconds": [0, -1, "1", True, float("inf"), float("nan"), [1]],
    "str": [1, ["a"], {"a": "b"}, True],
    "choice": ["zzz", 1, ["«»"]],
    "severity": ["fatal", 2, ["error"]],
    "prefixes": [1, [1], {"a": 1}, [["style"]]],
    "paths": ["house/", [1], {"a": 1}],
    "ids": ["X", [1], {"a": 1}],
    "names": ["Rossi", [1], [["a"]], [None], [""], {"a": 1}],
    "name_map": [["a"], {"a": None}, {1: "a"}, {"a": ["b"]}, {"a": ""}, "a"],
    "severity_map": [["a"], {"a": 1}, {1: "error"}, "error"],
    "rule_options": [["a"], {"scores.format": 1}, {1: {}}, "a"],
}


@pytest.mark.parametrize("key", [k for k in schema.KEYS if k.kind not in ("section", "extends")],
                         ids=lambda k: k.name)
def test_every_key_refuses_every_wrong_type(key: schema.Key) -> None:
    for value in WRONG_BY_KIND[key.kind]:
        data: dict[str, Any] = {key.leaf: value} if key.section is None else \
            {key.section: {key.leaf: value}}
        with pytest.raises(ConfigError) as err:
            from_mapping(data, WHERE)
        assert str(err.value).startswith(f"{WHERE}: key '{key.name}"), (value, str(err.value))


def test_every_kind_has_wrong_values_to_try() -> None:
    assert set(WRONG_BY_KIND) == set(schema.KINDS) - {"section", "extends"}
