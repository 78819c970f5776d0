"""What the code spelling rules leave to the data spelling rules (one slip, one finding)."""

from __future__ import annotations

from collections.abc import Callable

from sportlint.rules import registry

# Data rules whose wrong forms the code spelling rules leave to them (one finding, not two).
LISTING_RULES = ("spelling.accents", "spelling.misspellings")


def listed_forms(is_enabled: Callable[[str], bool]) -> frozenset[str]:
    """Lower-case wrong forms listed by the enabled LISTING_RULES."""
    rules = registry.all_rules()
    return frozenset(form for rule_id in LISTING_RULES
                     if rule_id in rules and is_enabled(rule_id)
                     for form in getattr(rules[rule_id], "table", {}))
