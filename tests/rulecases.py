"""The per-rule cases (tests/rules/test_rule_cases.py), read as the tests use them.

Code rules keep theirs in ``tests/rules/cases/<family>/<name>.yaml`` for the id
``<family>.<name>`` (a one-part id such as ``languagetool`` in ``languagetool/languagetool.yaml``);
data rules carry them in their YAML file (``cases`` and each entry's ``examples``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from sportlint.rules import registry
from sportlint.rules.kinds.base import DataRule

CASES_DIR = Path(__file__).parent / "rules" / "cases"


def case_file(rule_id: str) -> Path:
    """Where a code rule's cases live: ``<family>/<name>.yaml``."""
    family, _, name = rule_id.partition(".")
    return CASES_DIR / family / f"{name or family}.yaml"


def rule_cases(rule_id: str) -> list[dict[str, Any]]:
    cls = registry.get(rule_id)
    cases: list[dict[str, Any]] = []
    if issubclass(cls, DataRule):
        cases += cls.cases()
    path = case_file(rule_id)
    if path.exists():
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        assert data.get("rule") == rule_id, f"{path}: 'rule' must be {rule_id}"
        cases += data.get("cases") or []
    return cases
