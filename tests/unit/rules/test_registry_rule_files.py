"""A newsroom's own rule files, as sportlint.rules.registry reads them from the folders
the config's `rule_files` names."""

from __future__ import annotations

from pathlib import Path

import pytest

from clirun import run
from sportlint.cli.main import ExitCode

RULE = """\
id: style.house-forza
kind: pattern
summary: A newsroom's own ban.
message: "«{found}»: scrivere «{right}»."
patterns:
  - {pattern: '\\bforza\\s+ragazzi\\b', replacement: 'avanti'}
"""


def test_rule_folder_skips_hidden_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """rule_files: [.] keeps the rules beside the config: the config (.sportlint.yaml) and
    .pre-commit-config.yaml are hidden files, not rules."""
    (tmp_path / ".sportlint.yaml").write_text("rule_files: [.]\n", encoding="utf-8")
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    (tmp_path / "forza.yaml").write_text(RULE, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Dai, forza ragazzi.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check", "--select", "style.house-forza", "a.txt")
    assert code == ExitCode.FINDINGS and err == "" and "style.house-forza" in out
