"""Engines for data rules: a YAML file in `rules/` names its `kind` and carries its entries
and test cases; the engine turns it into an ordinary `Rule` class."""

from __future__ import annotations

from .base import DataRule
from .consistency import ConsistencyRule
from .pattern import PatternRule
from .substitution import SubstitutionRule

KINDS: dict[str, type[DataRule]] = {
    "substitution": SubstitutionRule,
    "pattern": PatternRule,
    "existence": PatternRule,
    "consistency": ConsistencyRule,
}

__all__ = ["KINDS", "DataRule"]
