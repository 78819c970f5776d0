"""Configuration: discovery, validation with clear errors, selection by prefix."""

from __future__ import annotations

from pathlib import Path

import pytest

from sportlint import lint_text
from sportlint.config.loader import ConfigError, find_config, from_mapping, load_config, matches
from sportlint.findings import Severity

DEFECTS = "Il il Bari ha vinto poichè ha segnato."


def rules_of(config: dict) -> set[str]:
    return {f.rule for f in lint_text(DEFECTS, config=config)}


def test_prefix_matching() -> None:
    assert matches("names.consistency", "names")
    assert matches("names.consistency", "names.consistency")
    assert not matches("namesake.x", "names")
    assert matches("anything.x", "ALL")


def test_select_ignore_and_disable_by_prefix() -> None:
    both = {"spelling.repeated-word", "spelling.accents"}
    assert both <= rules_of({})
    assert rules_of({"select": ["spelling.accents"]}) == {"spelling.accents"}
    assert rules_of({"select": list(both)}) == both
    assert not any(r.startswith("spelling.") for r in rules_of({"disable": ["spelling"]}))
    assert rules_of({"select": list(both), "ignore": ["spelling.accents"]}) == \
        {"spelling.repeated-word"}


def test_severity_override_longest_prefix_wins() -> None:
    config = {"select": ["spelling.accents", "spelling.repeated-word"],
              "severity": {"spelling": "suggestion", "spelling.accents": "warning"}}
    got = {f.rule: f.severity for f in lint_text(DEFECTS, config=config)}
    assert got == {"spelling.repeated-word": Severity.SUGGESTION,
                   "spelling.accents": Severity.WARNING}


@pytest.mark.parametrize(("data", "key"), [
    ({"colour": 1}, "colour"),
    ({"style": {"quote": "«»"}}, "style.quote"),
    ({"names": {"accepted": []}}, "names.accepted"),
    ({"style": {"quotes": "<>"}}, "style.quotes"),
])
def test_unknown_keys_are_errors_naming_key_and_file(data: dict, key: str) -> None:
    with pytest.raises(ConfigError) as err:
        from_mapping(data, "newsroom/.sportlint.yaml")
    assert key in str(err.value) and "newsroom/.sportlint.yaml" in str(err.value)


def test_unknown_rule_and_rule_option_are_errors() -> None:
    with pytest.raises(ConfigError, match=r"rules\.spelling\.nope"):
        lint_text("x", config={"rules": {"spelling.nope": {}}})
    with pytest.raises(ConfigError, match="no option 'level'"):
        lint_text("x", config={"rules": {"spelling.accents": {"level": 1}}})


def test_bad_severity_is_an_error() -> None:
    with pytest.raises(ConfigError, match="unknown severity"):
        from_mapping({"fail_level": "fatal"}, "x.yaml")


def test_found_upward_yaml_and_pyproject(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) is None
    (tmp_path / "pyproject.toml").write_text("[tool.sportlint]\nfail_level = 'error'\n")
    assert find_config(deep) == tmp_path / "pyproject.toml"
    assert load_config(search_from=deep).fail_level == Severity.ERROR
    (tmp_path / "a" / ".sportlint.yaml").write_text("fail_level: suggestion\n")
    assert find_config(deep) == tmp_path / "a" / ".sportlint.yaml"
    assert load_config(search_from=deep).fail_level == Severity.SUGGESTION


def test_pyproject_without_section_is_not_a_config(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert find_config(tmp_path) is None


def test_extends_a_file_and_merges(tmp_path: Path) -> None:
    (tmp_path / "house.yaml").write_text("style:\n  quotes: '“”'\nnames:\n  accept: [Rossi]\n")
    (tmp_path / ".sportlint.yaml").write_text(
        "extends: house.yaml\nnames:\n  accept: [Bianchi]\n")
    config = load_config(tmp_path / ".sportlint.yaml")
    assert config.style["quotes"] == "“”"
    assert config.style["apostrophe"] == "'"          # from the shipped default
    assert config.names["accept"] == ["Rossi", "Bianchi"]


def test_invalid_yaml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / ".sportlint.yaml"
    path.write_text("style: [unclosed\n")
    with pytest.raises(ConfigError, match=str(path)):
        load_config(path)


def test_readme_configuration_example_loads() -> None:
    import re

    page = (Path(__file__).resolve().parents[3] / "docs" / "configuration.md").read_text(encoding="utf-8")
    section = page[page.index("# Configuration"):]
    example = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert example is not None
    import yaml

    config = from_mapping(yaml.safe_load(example.group(1)), "docs/configuration.md")
    assert config.is_enabled("style.d-eufonica", default_enabled=False)
    assert not config.is_enabled("typography.mixed-ellipsis")
    assert lint_text("Il il Bari ha vinto 2-1 e poi 3 a 1.", config=config)


@pytest.mark.parametrize(("data", "key"), [
    ({"severity": ["spelling"]}, "severity"),
    ({"severity": "spelling"}, "severity"),
    ({"severity": {"spelling": 3}}, "severity.spelling"),
    ({"style": ["quotes"]}, "style"),
    ({"style": "«»"}, "style"),
    ({"style": {"numbers_in_words": True}}, "style.numbers_in_words"),
    ({"style": {"numbers_in_words": "10"}}, "style.numbers_in_words"),
    ({"fail_level": 0}, "fail_level"),
    ({"fail_level": ["error"]}, "fail_level"),
    ({"rules": {"spelling.accents": 1}}, "rules.spelling.accents"),
    ({"rules": ["spelling.accents"]}, "rules"),
    ({"languagetool": {"timeout": "soon"}}, "languagetool.timeout"),
    ({"languagetool": {"timeout": 0}}, "languagetool.timeout"),
    ({"languagetool": {"url": 8081}}, "languagetool.url"),
    ({"languagetool": {"disabled_rules": "WHITESPACE_RULE"}}, "languagetool.disabled_rules"),
])
def test_wrong_types_are_errors_naming_the_key(data: dict, key: str) -> None:
    with pytest.raises(ConfigError) as err:
        from_mapping(data, "newsroom/.sportlint.yaml")
    assert f"'{key}'" in str(err.value) and "newsroom/.sportlint.yaml" in str(err.value)


def test_extends_follows_a_chain(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_text("fail_level: error\n")
    (tmp_path / "b.yaml").write_text("extends: c.yaml\nstyle:\n  quotes: '“”'\n")
    (tmp_path / ".sportlint.yaml").write_text("extends: b.yaml\n")
    config = load_config(tmp_path / ".sportlint.yaml")
    assert config.style["quotes"] == "“”"
    assert config.fail_level == Severity.ERROR


@pytest.mark.parametrize("parent", ["extends: .sportlint.yaml\n", "extends: b.yaml\n"])
def test_extends_loop_is_an_error(tmp_path: Path, parent: str) -> None:
    (tmp_path / "b.yaml").write_text(parent)
    (tmp_path / ".sportlint.yaml").write_text("extends: b.yaml\n")
    with pytest.raises(ConfigError, match=r"extends.*loop"):
        load_config(tmp_path / ".sportlint.yaml")


def test_extends_missing_file_in_a_parent_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text("extends: nope.yaml\n")
    (tmp_path / ".sportlint.yaml").write_text("extends: b.yaml\n")
    with pytest.raises(ConfigError, match=r"nope\.yaml"):
        load_config(tmp_path / ".sportlint.yaml")


@pytest.mark.parametrize("key", ["select", "enable", "disable", "ignore", "severity"])
def test_unknown_rule_prefix_in_config_is_an_error(key: str) -> None:
    value: object = {"spelling.acents": "error"} if key == "severity" else ["spelling.acents"]
    with pytest.raises(ConfigError, match=rf"'{key}'.*spelling\.acents"):
        lint_text("x", config={key: value})


def test_broken_pyproject_without_sportlint_is_not_our_business(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = \n")
    assert find_config(tmp_path) is None
    (tmp_path / "pyproject.toml").write_text("[tool.sportlint\nfail_level = 'error'\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        find_config(tmp_path)
    (tmp_path / "pyproject.toml").write_bytes(b"[tool.sportlint]\nfail_level = '\xff'\n")
    with pytest.raises(ConfigError, match="pyproject"):
        find_config(tmp_path)


def test_config_flag_on_a_pyproject_without_the_table_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    with pytest.raises(ConfigError, match=r"tool\.sportlint"):
        load_config(tmp_path / "pyproject.toml")
