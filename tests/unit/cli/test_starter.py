"""`sportlint init` (a commented starter config) and `check --config` errors that name
the key and the file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from clirun import run
from sportlint.cli.main import ExitCode
from sportlint.config.loader import STYLE_CHOICES, default_profile, load_config


def test_init_writes_a_commented_starter_equal_to_the_defaults(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "init")
    assert code == ExitCode.OK and ".sportlint.yaml" in out
    written = (tmp_path / ".sportlint.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(written)
    # every house-style option is there, with the shipped default and a comment
    assert set(data["style"]) == set(STYLE_CHOICES) == set(default_profile()["style"])
    assert data["style"] == default_profile()["style"]
    for key in STYLE_CHOICES:
        line = next(x for x in written.splitlines() if x.strip().startswith(f"{key}:"))
        assert "#" in line, f"style.{key} has no comment"
    assert written.count("\n#") >= 8
    # it is a valid config, found by `check`, and changes nothing until edited
    starter = load_config(tmp_path / ".sportlint.yaml")
    assert starter == replace(load_config(None), source=str(tmp_path / ".sportlint.yaml"))
    (tmp_path / "a.md").write_text("Tutto pulito.\n", encoding="utf-8")
    assert run(capsys, "check", "a.md")[0] == ExitCode.OK


def test_init_refuses_to_overwrite_without_force(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / ".sportlint.yaml"
    target.write_text("fail_level: error\n", encoding="utf-8")
    code, _, err = run(capsys, "init", str(tmp_path))
    assert code == ExitCode.ERROR and "already exists" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "fail_level: error\n"
    assert run(capsys, "init", "--force", str(target))[0] == ExitCode.OK
    assert "style:" in target.read_text(encoding="utf-8")


def test_init_refuses_to_shadow_another_config(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.sportlint]\nfail_level = 'error'\n",
                                             encoding="utf-8")
    code, _, err = run(capsys, "init", str(tmp_path))
    assert code == ExitCode.ERROR and "pyproject.toml already configures sportlint" in err
    assert not (tmp_path / ".sportlint.yaml").exists()
    # a config further up is not in the way
    (tmp_path / "sub").mkdir()
    assert run(capsys, "init", str(tmp_path / "sub"))[0] == ExitCode.OK


def test_init_to_a_named_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "redazione.yaml"
    assert run(capsys, "init", str(target))[0] == ExitCode.OK
    assert load_config(target).style == default_profile()["style"]


@pytest.mark.parametrize(("content", "needle"), [
    ("colour: red\n", "unknown key 'colour'"),
    ("style:\n  quote: '«»'\n", "unknown key 'style.quote'"),
    ("style:\n  quotes: '<>'\n", "key 'style.quotes' must be one of"),
    ("names:\n  accepted: []\n", "unknown key 'names.accepted'"),
    ("rules:\n  spelling.nope: {}\n", "key 'rules.spelling.nope': no such rule"),
    ("rules:\n  spelling.accents: {nope: 1}\n", "key 'rules.spelling.accents'"),
    ("severity:\n  spelling: grave\n", "unknown severity 'grave'"),
    ("report_unused_suppressions: maybe\n", "key 'report_unused_suppressions'"),
    ("style: [1, 2\n", "invalid YAML"),
])
def test_check_config_errors_name_key_and_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               content: str, needle: str) -> None:
    config = tmp_path / "conf.yaml"
    config.write_text(content, encoding="utf-8")
    (tmp_path / "a.md").write_text("Testo.\n", encoding="utf-8")
    code, _, err = run(capsys, "check", "--config", str(config), str(tmp_path / "a.md"))
    assert code == ExitCode.ERROR
    assert str(config) in err
    assert needle in err


def test_check_config_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "--config", str(tmp_path / "nope.yaml"), str(tmp_path))
    assert code == ExitCode.ERROR and "nope.yaml: config file not found" in err
