"""Hostile configs and command lines (issue 18): a deeply nested or badly typed config is
a config error (exit code 2) naming the key, never a traceback nor exit code 1; junk in
`names.reject` never becomes a fix; a bug of sportlint exits with 3 (never 1, the code of
findings) and prints one line, the traceback only with --debug; with a machine-readable
--format, usage and config errors are still a valid document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from clirun import BASIC, run
from sportlint.cli.main import ExitCode
from sportlint.config.loader import ConfigError, from_mapping
from sportlint.engine import linter
from sportlint.rules import registry


def _draft(tmp_path: Path, text: str = "Lo Sparatk ha vinto 5 a 1.\n") -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _config(tmp_path: Path, text: str, name: str = ".sportlint.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- deep nesting: a config error, never a traceback ---------------------------------

DEEP = {
    "flow-mappings": "rules: {scores.format: " + "{a: " * 3000 + "1" + "}" * 3000 + "}\n",
    "flow-sequences": "rules: " + "[" * 5000 + "]" * 5000 + "\n",
    "block-mappings": "".join(" " * i + f"k{i}:\n" for i in range(200)) + " " * 200 + "x: 1\n",
    "block-sequences": "".join(" " * i + "-\n" for i in range(200)) + " " * 200 + "- 1\n",
    "just-over-the-limit": "x: " + "[" * 33 + "]" * 33 + "\n",
}


@pytest.mark.parametrize("name", sorted(DEEP))
def test_a_deeply_nested_config_is_a_config_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  name: str) -> None:
    config = _config(tmp_path, DEEP[name], "deep.yaml")
    code, out, err = run(capsys, "check", *BASIC, "--config", str(config), str(_draft(tmp_path)))
    assert code == ExitCode.ERROR
    assert "Traceback" not in err and "RecursionError" not in err
    assert f"config error: {config}: invalid YAML" in err
    assert out == ""


def test_a_deeply_nested_pyproject_is_a_config_error(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    config = _config(tmp_path, "[tool.sportlint]\nenable = " + "[" * 5000 + "]" * 5000 + "\n",
                     "pyproject.toml")
    code, _, err = run(capsys, "check", *BASIC, "--config", str(config), str(_draft(tmp_path)))
    assert code == ExitCode.ERROR
    assert "Traceback" not in err and f"config error: {config}: invalid TOML" in err


def test_an_alias_bomb_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "x: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1]\n" + "".join(
        f"y{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n" for i in range(1, 12))
    config = _config(tmp_path, text, "bomb.yaml")
    code, _, err = run(capsys, "check", *BASIC, "--config", str(config), str(_draft(tmp_path)))
    assert code == ExitCode.ERROR and "alias (*a0) inside an anchored collection" in err


def test_a_plain_anchor_still_works(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = _config(tmp_path, "enable: &mine [style.d-eufonica]\ndisable: []\n", "anchor.yaml")
    code, _, err = run(capsys, "check", *BASIC, "--config", str(config), str(_draft(tmp_path)))
    assert code == ExitCode.OK, err


# --- names.reject: junk never reaches the article ------------------------------------

JUNK_REJECT = {
    "null": ("names: {reject: {Sparatk: }}\n", "key 'names.reject.Sparatk'", "null"),
    "list": ("names: {reject: {Sparatk: [a]}}\n", "key 'names.reject.Sparatk'", "['a'] (list)"),
    "number-key": ("names: {reject: {5: 6}}\n", "key 'names.reject'", "5 (int)"),
    "mapping": ("names: {reject: {Sparatk: {a: b}}}\n", "key 'names.reject.Sparatk'",
                "{'a': 'b'} (mapping)"),
}


@pytest.mark.parametrize("name", sorted(JUNK_REJECT))
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_reject_target_that_is_not_a_string_is_a_config_error_and_fixes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, fmt: str) -> None:
    text, key, value = JUNK_REJECT[name]
    config = _config(tmp_path, text)
    draft = _draft(tmp_path)
    before = draft.read_bytes()
    code, out, err = run(capsys, "check", "--fix", "--format", fmt, "--config", str(config),
                         str(draft))
    assert code == ExitCode.ERROR
    assert f"config error: {config}: {key}" in err and value in err
    assert draft.read_bytes() == before          # not "Lo None", nor "6 a 1"
    if fmt == "json":
        assert json.loads(out)["errors"][0]["kind"] == "config"


def test_a_quoted_number_is_a_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = _config(tmp_path, "names: {reject: {'Sparatk': 'Spartak'}}\n")
    draft = _draft(tmp_path)
    code, _, err = run(capsys, "check", "--fix", "--select", "names.reject", "--config",
                       str(config), str(draft))
    assert code == ExitCode.OK, err
    assert draft.read_text(encoding="utf-8") == "Lo Spartak ha vinto 5 a 1.\n"


# --- wrong option types are errors ---------------------------------------------------

@pytest.mark.parametrize(("text", "message"), [
    ("rules: {scores.format: {strict: 'yes'}}\n",
     "key 'rules.scores.format.strict': expected true or false, got 'yes' (str)"),
    ("names: {accept: [1, [a]]}\n", "key 'names.accept': item 1 must be a name"),
])
def test_a_wrong_type_is_a_config_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        text: str, message: str) -> None:
    config = _config(tmp_path, text)
    code, _, err = run(capsys, "check", *BASIC, "--config", str(config), str(_draft(tmp_path)))
    assert code == ExitCode.ERROR and message in err


#: a value of another type than each option kind takes
WRONG_FOR_KIND: dict[str, list[Any]] = {
    "bool": ["yes", 1, [True]],
    "int": ["3", 2.5, True, [1]],
    "float": ["1.5", True, [1.0], float("nan")],
    "str": [1, ["a"], {"a": "b"}, True],
    "list[str]": ["a", [1], [["a"]], {"a": 1}],
    "str | list[str]": [1, [1], {"a": "b"}],
    "list[dict]": ["a", [1], ["a"], {"a": 1}],
}


def test_every_option_of_every_rule_refuses_values_of_the_wrong_type() -> None:
    tried = 0
    for rule_id, cls in registry.all_rules().items():
        for option, declared in cls.options.items():
            for value in WRONG_FOR_KIND.get(declared.kind, []):
                config = from_mapping({"rules": {rule_id: {option: value}}}, "hostile.yaml")
                with pytest.raises(ConfigError, match=f"rules.{rule_id}.{option}"):
                    linter.active_rules(config)
                tried += 1
    assert tried > 50


# --- internal errors: exit code 3, one line; the traceback with --debug --------------

def _crash(*args: Any) -> int:
    raise ZeroDivisionError("a bug")


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_an_internal_error_exits_3_without_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str],
                                                       fmt: str) -> None:
    monkeypatch.setattr("sportlint.cli.check.cmd_check", _crash)
    monkeypatch.delenv("SPORTLINT_DEBUG", raising=False)
    code, out, err = run(capsys, "check", "--format", fmt, str(_draft(tmp_path)))
    assert code == ExitCode.INTERNAL == 3
    assert "Traceback" not in err
    assert "internal error (ZeroDivisionError: a bug at test_hostile_config.py:" in err
    assert "--debug shows the traceback" in err
    if fmt == "json":
        assert json.loads(out)["errors"][0]["kind"] == "internal"
    elif fmt == "sarif":
        invocation = json.loads(out)["runs"][0]["invocations"][0]
        assert invocation["executionSuccessful"] is False
        assert invocation["toolExecutionNotifications"][0]["descriptor"]["id"] == "sportlint/internal"


@pytest.mark.parametrize("where", ["before", "after"])
def test_debug_shows_the_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str], where: str) -> None:
    monkeypatch.setattr("sportlint.cli.check.cmd_check", _crash)
    monkeypatch.delenv("SPORTLINT_DEBUG", raising=False)
    args = ["check", str(_draft(tmp_path))]
    args = ["--debug", *args] if where == "before" else [*args, "--debug"]
    code, _, err = run(capsys, *args)
    monkeypatch.delenv("SPORTLINT_DEBUG", raising=False)
    assert code == ExitCode.INTERNAL
    assert "Traceback" in err and "ZeroDivisionError: a bug" in err


# --- machine-readable errors ---------------------------------------------------------

@pytest.mark.parametrize(("args", "kind", "message"), [
    (["--config", "missing.yaml"], "config", "missing.yaml: config file not found"),
    (["--bogus"], "usage", "unrecognized arguments: --bogus"),
    (["--jobs", "0"], "usage", "argument -j/--jobs"),
    (["--select", "nosuchrule"], "config", "--select nosuchrule: no rule matches it"),
])
def test_json_errors_are_a_document(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    args: list[str], kind: str, message: str) -> None:
    code, out, _ = run(capsys, "check", "--format", "json", *args, str(_draft(tmp_path)))
    assert code == ExitCode.ERROR
    report = json.loads(out)
    assert report["findings"] == [] and report["version"] == 1
    (error,) = report["errors"]
    assert error["kind"] == kind and error["path"] is None and message in error["message"]


@pytest.mark.parametrize(("args", "kind"), [
    (["--config", "missing.yaml"], "config"), (["--format=sarif", "--bogus"], "usage")])
def test_sarif_errors_are_a_log(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                args: list[str], kind: str) -> None:
    code, out, _ = run(capsys, "check", "--format", "sarif", *args, str(_draft(tmp_path)))
    assert code == ExitCode.ERROR
    log = json.loads(out)
    assert log["version"] == "2.1.0" and log["runs"][0]["results"] == []
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and note["descriptor"]["id"] == f"sportlint/{kind}"


def test_config_error_document_goes_to_output(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.json"
    code, out, _ = run(capsys, "check", "--format", "json", "-o", str(report), "--config",
                       "missing.yaml", str(_draft(tmp_path)))
    assert code == ExitCode.ERROR and out == ""
    assert json.loads(report.read_text(encoding="utf-8"))["errors"][0]["kind"] == "config"


def test_github_errors_are_an_annotation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--format", "github", "--config", "missing.yaml",
                       str(_draft(tmp_path)))
    assert code == ExitCode.ERROR
    assert out.startswith("::error title=sportlint config error::missing.yaml")
