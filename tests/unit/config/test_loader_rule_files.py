"""The config key `rule_files` as sportlint.config.loader checks it (the rules it names
are read by sportlint.rules.registry: tests/unit/rules/test_registry_rule_files.py)."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_rule_files_empty_path_is_named(tmp_path: Path) -> None:
    """'' meant the config's folder: every *.yaml there, the config itself included,
    was read as a rule ('a data rule needs id and kind' about .sportlint.yaml)."""
    from sportlint import ConfigError
    from sportlint.config.loader import load_config

    (tmp_path / ".sportlint.yaml").write_text('rule_files: [""]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="key 'rule_files': an empty path"):
        load_config(str(tmp_path / ".sportlint.yaml"), search_from=tmp_path)
