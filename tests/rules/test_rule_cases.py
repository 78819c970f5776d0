"""Every rule's own cases, by one parametrisation.

Code rules keep theirs in ``tests/rules/cases/<family>/<name>.yaml`` (tests/rulecases.py
reads them); data rules carry them in their YAML file (``cases`` and each entry's
``examples``). A case is one of:

- ``fail: TEXT`` with ``span`` - the rule reports exactly the findings ``span`` marks (like
  LanguageTool's ``<marker>``); with ``fix: TEXT`` fixing with this rule alone (unsafe fixes
  included) gives that text, without ``fix`` the text is left unchanged; ``suggest: TEXT``
  is the first suggestion of the first finding;
- ``pass: TEXT`` - the rule reports nothing.

``span`` is one finding or a list of them, in the order of the text. A finding is the text
it covers, ``"poichè"``: its first occurrence in the case (for the second finding of a list
and after, the first one after the previous finding's start). When that is not the one,
give some context, the words just before it or just after it:
``{text: "a", after: "capitano "}`` is the "a" right after "capitano ",
``{text: " ", before: ","}`` the space right before a comma. ``rule: ID`` pins a finding's
own id where it differs from the case's rule (``languagetool.AI_HAI``); by default it is the
case's rule. A failing case without ``span`` is an error.

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


SPAN_KEYS = {"text", "after", "before", "rule"}


def expected_findings(rule_id: str, case: dict[str, Any]) -> list[tuple[str, int, int]]:
    """The (rule, start, end) of each finding the case's ``span`` marks."""
    text = case["fail"]
    if "span" not in case:
        pytest.fail(f"{rule_id}: the failing case {text!r} has no span: mark what the rule "
                    "must flag (span: TEXT, or a list of them)")
    span = case["span"]
    out: list[tuple[str, int, int]] = []
    pos = 0
    for entry in span if isinstance(span, list) else [span]:
        if isinstance(entry, str):
            entry = {"text": entry}
        assert isinstance(entry, dict) and isinstance(entry.get("text"), str), \
            f"{rule_id}: a span is TEXT or {{text: TEXT, after: ..., before: ...}}, not {entry!r}"
        assert set(entry) <= SPAN_KEYS, f"{rule_id}: unknown span keys {sorted(set(entry) - SPAN_KEYS)}"
        after, before = str(entry.get("after", "")), str(entry.get("before", ""))
        found = text.find(after + entry["text"] + before, pos)
        assert found >= 0, f"{rule_id}: span {entry!r} is not in {text!r} (from offset {pos})"
        start = found + len(after)
        out.append((str(entry.get("rule", rule_id)), start, start + len(entry["text"])))
        pos = start + 1
    return out


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
    got = sorted((f.rule, f.start, f.end) for f in findings)
    want = expected_findings(rule_id, case)
    assert got == sorted(want), (
        f"{rule_id} on {text!r}: flagged {[(r, s, e, text[s:e]) for r, s, e in got]}, "
        f"the span marks {[(r, s, e, text[s:e]) for r, s, e in want]}")
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
