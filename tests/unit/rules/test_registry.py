"""Registry invariants: unique ids, documentation, data files sorted and loop-free."""

from __future__ import annotations

import re

import pytest

from sportlint.findings import Severity
from sportlint.rules import registry
from sportlint.rules.kinds.base import DataRule
from sportlint.rules.kinds.consistency import ConsistencyRule, normal
from sportlint.rules.kinds.substitution import SubstitutionRule

FAMILIES = ("names", "scores", "numbers", "quotes", "typography", "grammar", "spelling", "style",
            "languagetool", "sportlint")


def test_ids_are_dotted_with_a_known_family() -> None:
    for rule_id, cls in registry.all_rules().items():
        # a backend that reports under ids of its own (languagetool.X) is named by its family
        shape = r"[a-z]+(\.[a-z0-9-]+)*" if cls.dynamic_ids else r"[a-z]+(\.[a-z0-9-]+)+"
        assert re.fullmatch(shape, rule_id), rule_id
        assert rule_id.split(".")[0] in FAMILIES, rule_id


def test_every_rule_is_documented() -> None:
    for rule_id, cls in registry.all_rules().items():
        assert cls.summary(), f"{rule_id} has no summary"
        assert len(cls.documentation().splitlines()) >= 3, f"{rule_id} needs real documentation"
        assert isinstance(cls.severity, Severity)


@pytest.mark.parametrize("path", registry.data_rule_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_data_rule_file_is_named_after_its_id(path) -> None:
    """rules/<family>/<name>.yaml holds the rule <family>.<name>."""
    spec = registry.load_spec(path)
    assert f"{path.parent.name}.{path.stem}" == spec["id"]


def substitution_rules() -> list[type[SubstitutionRule]]:
    return [c for c in registry.all_rules().values() if issubclass(c, SubstitutionRule)]


@pytest.mark.parametrize("cls", substitution_rules(), ids=lambda c: c.id)
def test_substitution_entries_sorted_and_loop_free(cls: type[SubstitutionRule]) -> None:
    entries = cls.spec["entries"]
    sensitive = bool(cls.spec.get("case_sensitive"))
    keys = [str(e["wrong"]) if sensitive else str(e["wrong"]).lower() for e in entries]
    assert keys == sorted(keys), f"{cls.id}: entries are not sorted by 'wrong'"
    wrong = set(keys)
    for e in entries:
        right = str(e["right"]) if sensitive else str(e["right"]).lower()
        assert right not in wrong, f"{cls.id}: {e['right']!r} is itself a wrong form"
        assert str(e["right"]).lower() != str(e["wrong"]).lower() or e["right"] != e["wrong"]


def test_data_rules_are_rules() -> None:
    data = [c for c in registry.all_rules().values() if issubclass(c, DataRule)]
    assert data and all(c.source is not None for c in data)


def consistency_rules() -> list[type[ConsistencyRule]]:
    return [c for c in registry.all_rules().values() if issubclass(c, ConsistencyRule)]


@pytest.mark.parametrize("cls", consistency_rules(), ids=lambda c: c.id)
def test_consistency_groups_sorted_and_disjoint(cls: type[ConsistencyRule]) -> None:
    firsts = [str(e["forms"][0]).lower() for e in cls.spec["entries"]]
    assert firsts == sorted(firsts), f"{cls.id}: groups are not sorted by their first form"
    owner: dict[str, int] = {}
    for i, entry in enumerate(cls.spec["entries"]):
        forms = [str(f) for f in entry["forms"]]
        assert len(forms) >= 2, f"{cls.id}: group {forms} has one form"
        for form in forms:
            for ending in entry.get("endings") or [""]:
                key = normal(form + str(ending)).lower() if len({f.lower() for f in forms}) == \
                    len(forms) else normal(form + str(ending))
                assert owner.setdefault(key, i) == i, f"{cls.id}: {form + ending!r} in two groups"
        if "preferred" in entry:
            assert entry["preferred"] in forms


def test_rules_reference_lists_every_rule() -> None:
    from pathlib import Path

    reference = (Path(__file__).resolve().parents[3] / "docs" / "rules.md").read_text(encoding="utf-8")
    missing = [r for r in registry.all_rules() if r not in reference]
    assert not missing, f"docs/rules.md does not mention {missing}: run python scripts/build_docs.py"
