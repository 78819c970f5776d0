"""Every rule's own cases, by one parametrisation.

Code rules keep theirs in ``tests/rules/cases/<family>/<name>.yaml`` (tests/rulecases.py
reads them); data rules carry them in their YAML file (``cases`` and each entry's
``examples``). A case is one of:

- ``fail: TEXT`` - the rule reports at least one finding; with ``fix: TEXT`` fixing with
  this rule alone (unsafe fixes included) gives that text, without ``fix`` the text is left
  unchanged; ``suggest: TEXT`` is the first suggestion of the first finding;
- ``pass: TEXT`` - the rule reports nothing.

``config`` (a mapping as in .sportlint.yaml) and ``path`` (e.g. ``x.md``) are optional. A
``languagetool.url`` of ``"@fake-languagetool"`` stands for the stand-in LanguageTool server
of the test suite (tests/fake_languagetool.py).
"""

from __future__ import annotations

from typing import Any

import pytest

from rulecases import CASES_DIR, case_file, rule_cases
from sportlint import fix_text, lint_text
from sportlint.rules import registry


def all_cases() -> list[Any]:
    params = []
    for rule_id in registry.all_rules():
        for i, case in enumerate(rule_cases(rule_id)):
            kind = "fail" if "fail" in case else "pass"
            params.append(pytest.param(rule_id, case, id=f"{rule_id}-{i}-{kind}"))
    return params


FAKE_LT = "@fake-languagetool"


def config_for(rule_id: str, case: dict[str, Any], request: Any = None) -> dict[str, Any]:
    config = dict(case.get("config") or {})
    config["select"] = [rule_id]
    lt = dict(config.get("languagetool") or {})
    if lt.get("url") == FAKE_LT and request is not None:
        lt["url"] = request.getfixturevalue("fake_languagetool").url
        config["languagetool"] = lt
    return config


@pytest.mark.parametrize(("rule_id", "case"), all_cases())
def test_rule_case(rule_id: str, case: dict[str, Any], request: pytest.FixtureRequest) -> None:
    config = config_for(rule_id, case, request)
    path = case.get("path")
    if "pass" in case:
        findings = lint_text(case["pass"], path, config)
        assert findings == [], f"{rule_id} flagged clean text: {findings}"
        return
    text = case["fail"]
    findings = lint_text(text, path, config)
    assert findings, f"{rule_id} missed: {text!r}"
    assert all(f.rule == rule_id or f.rule.startswith(rule_id + ".") for f in findings)
    if "suggest" in case:
        assert findings[0].suggestions, "no suggestion"
        assert findings[0].suggestions[0] == case["suggest"]
    expected = case.get("fix", text)
    assert fix_text(text, path, config, unsafe=True) == expected


def test_every_rule_has_cases() -> None:
    ids = set(registry.all_rules())
    for path in sorted(CASES_DIR.rglob("*.yaml")):
        assert any(case_file(rule_id) == path for rule_id in ids), f"{path}: no rule reads it"
    for rule_id in registry.all_rules():
        cases = rule_cases(rule_id)
        assert any("fail" in c for c in cases), f"{rule_id} has no failing case"
        assert any("pass" in c for c in cases), f"{rule_id} has no passing case"
