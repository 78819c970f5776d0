"""Engines for data rules: a YAML file in `rules/` names its `kind` and carries its entries
and test cases; the engine turns it into an ordinary `Rule` class."""

from __future__ import annotations

from .base import DataRule
from .pattern import PatternRule
from .substitution import SubstitutionRule

KINDS: dict[str, type[DataRule]] = {
    "substitution": SubstitutionRule,
    "pattern": PatternRule,
    "existence": PatternRule,
}

__all__ = ["KINDS", "DataRule"]
