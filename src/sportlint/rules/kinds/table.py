"""Engines for data rules: a YAML file in `rules/` names its `kind` and carries its entries
and test cases; the engine turns it into an ordinary `Rule` class. `KINDS` maps the name a
rule file gives in ``kind`` to its engine."""

from __future__ import annotations

from sportlint.rules.kinds.base import DataRule
from sportlint.rules.kinds.consistency import ConsistencyRule
from sportlint.rules.kinds.pattern import PatternRule
from sportlint.rules.kinds.substitution import SubstitutionRule

KINDS: dict[str, type[DataRule]] = {
    "substitution": SubstitutionRule,
    "pattern": PatternRule,
    "existence": PatternRule,
    "consistency": ConsistencyRule,
}
