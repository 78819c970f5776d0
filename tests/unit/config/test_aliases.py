"""Former rule ids (``config.loader.ALIASES``) still reach the rule they became."""

from __future__ import annotations

from sportlint import lint_text
from sportlint.config.loader import ALIASES, canonical, matches
from sportlint.rules import registry

TEXT = "Il Bari, nel 2019 vinse il campionato di Serie C."
NEW = "punctuation.unclosed-inciso"
OLD = "typography.open-inciso"


def rules_of(config: dict, text: str = TEXT) -> set[str]:
    return {f.rule for f in lint_text(text, config=config)}


def test_aliases_agree_with_the_rules() -> None:
    declared = {alias: rule_id for rule_id, cls in registry.all_rules().items()
                for alias in cls.aliases}
    assert declared == ALIASES
    assert all(target in registry.all_rules() for target in ALIASES.values())
    assert not set(ALIASES) & set(registry.all_rules())


def test_old_id_matches_the_new_rule() -> None:
    assert canonical(OLD) == NEW and canonical(NEW) == NEW
    assert matches(NEW, OLD)
    assert not matches("typography.ellipsis", OLD)


def test_select_ignore_and_severity_by_old_id() -> None:
    assert rules_of({"select": [OLD]}) == {NEW}
    assert rules_of({"select": ["punctuation"], "ignore": [OLD]}) == set()
    (f,) = lint_text(TEXT, config={"select": [OLD], "severity": {OLD: "error"}})
    assert f.severity.label == "error"


def test_rule_options_and_suppressions_by_old_id() -> None:
    assert rules_of({"select": [OLD], "rules": {OLD: {}}}) == {NEW}
    hidden = "<!-- sportlint-disable-next-line typography.open-inciso -->\n" + TEXT
    assert rules_of({"select": [NEW]}, hidden) == set()
