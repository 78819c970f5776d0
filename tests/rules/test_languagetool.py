"""The LanguageTool backend against the stand-in server (tests/fake_languagetool.py)."""

from __future__ import annotations

import json
import logging
import socket
from pathlib import Path

import pytest

from fake_languagetool import FakeServer
from sportlint import lint_text
from sportlint.cli import main as cli
from sportlint.findings import Applicability, Severity
from sportlint.rules.languagetool._client import UTF16Offsets, default_disabled, server_base


def lt_config(server: FakeServer, **extra: object) -> dict[str, object]:
    settings: dict[str, object] = {"url": server.url}
    settings.update(extra.pop("languagetool", {}))  # type: ignore[call-overload]
    return {"languagetool": settings, **extra}


def test_match_becomes_finding_with_dynamic_id(fake_languagetool: FakeServer) -> None:
    text = "Tu ai ragione."
    findings = lint_text(text, config=lt_config(fake_languagetool, select=["languagetool"]))
    assert [f.rule for f in findings] == ["languagetool.AI_HAI"]
    f = findings[0]
    assert text[f.start:f.end] == "ai"
    assert f.suggestions == ("hai",)
    assert f.fix is not None and f.fix.applicability is Applicability.UNSAFE
    assert fake_languagetool.last["language"] == "it"


@pytest.mark.parametrize("suffix", ["", "/", "/v2", "/v2/"])
def test_url_forms(fake_languagetool: FakeServer, suffix: str) -> None:
    config = {"select": ["languagetool"], "languagetool": {"url": fake_languagetool.url + suffix}}
    assert [f.rule for f in lint_text("Tu ai ragione.", config=config)] == ["languagetool.AI_HAI"]


def test_server_base_keeps_a_path_prefix() -> None:
    assert server_base("https://proxy.example/languagetool") == "https://proxy.example/languagetool/"
    assert server_base("http://localhost:8081/v2/") == "http://localhost:8081/"


def test_utf16_offsets_become_code_points(fake_languagetool: FakeServer) -> None:
    text = "Grande 😀😀 partita. Tu ai ragione, 🏆 sì."
    findings = lint_text(text, config=lt_config(fake_languagetool, select=["languagetool"]))
    assert [text[f.start:f.end] for f in findings] == ["ai"]


def test_utf16_round_trip() -> None:
    text = "a😀b𝄞𝄞c"
    offsets = UTF16Offsets(text)
    for i in range(len(text) + 1):
        units = len(text[:i].encode("utf-16-le")) // 2
        assert offsets.to_utf16(i) == units
        assert offsets.to_code_points(units) == i


def test_noisy_rules_are_disabled_by_default(fake_languagetool: FakeServer) -> None:
    text = "Il centavanti  ha segnato 3 gol."
    assert lint_text(text, config=lt_config(fake_languagetool, select=["languagetool"])) == []
    sent = set(fake_languagetool.last["disabledRules"].split(","))
    assert set(default_disabled()) <= sent
    assert {"MORFOLOGIK_RULE_IT_IT", "WHITESPACE_RULE", "ST_04_001"} <= sent


def test_enabled_rules_turn_a_default_off_rule_back_on(fake_languagetool: FakeServer) -> None:
    config = lt_config(fake_languagetool, select=["languagetool"],
                       languagetool={"enabled_rules": ["MORFOLOGIK_RULE_IT_IT"]})
    findings = lint_text("Il centavanti ha segnato.", config=config)
    assert [f.rule for f in findings] == ["languagetool.MORFOLOGIK_RULE_IT_IT"]
    assert findings[0].suggestions == ("centravanti", "centroavanti")
    assert findings[0].fix is not None
    assert findings[0].fix.applicability is Applicability.SUGGESTION
    assert "MORFOLOGIK_RULE_IT_IT" not in fake_languagetool.last.get("disabledRules", "")


def test_disabled_rules_from_config_are_sent(fake_languagetool: FakeServer) -> None:
    config = lt_config(fake_languagetool, select=["languagetool"],
                       languagetool={"disabled_rules": ["AI_HAI"]})
    assert lint_text("Tu ai ragione.", config=config) == []
    assert "AI_HAI" in fake_languagetool.last["disabledRules"].split(",")


def _reported(findings: list) -> set[str]:
    """The rules that reported: a finding's own, and those merged into it (one slip, one
    finding: sportlint's own rule wins over LanguageTool's on the same slip)."""
    return {f.rule for f in findings} | {r for f in findings for r in f.also}


def test_ignore_and_select_by_prefix(fake_languagetool: FakeServer) -> None:
    text = "Tu ai ragione , il il Bari ha vinto."
    everything = lint_text(text, config=lt_config(fake_languagetool))
    assert {"languagetool.AI_HAI", "languagetool.COMMA_PARENTHESIS_WHITESPACE",
            "spelling.repeated-word"} <= _reported(everything)
    ignored = lint_text(text, config=lt_config(fake_languagetool, ignore=["languagetool.AI_HAI"]))
    assert "languagetool.AI_HAI" not in _reported(ignored)
    assert "languagetool.COMMA_PARENTHESIS_WHITESPACE" in _reported(ignored)
    only = lint_text(text, config=lt_config(fake_languagetool, select=["languagetool.AI_HAI"]))
    assert {f.rule for f in only} == {"languagetool.AI_HAI"}
    none = lint_text(text, config=lt_config(fake_languagetool, ignore=["languagetool"]))
    assert not any(f.rule.startswith("languagetool") for f in none)


def test_not_selected_means_no_request(fake_languagetool: FakeServer) -> None:
    lint_text("Tu ai ragione.", config=lt_config(fake_languagetool, select=["spelling"]))
    assert fake_languagetool.requests == []


def test_severity_by_prefix_and_style_issues(fake_languagetool: FakeServer) -> None:
    text = "Tu ai ragione , dai."
    config = lt_config(fake_languagetool, select=["languagetool"],
                       severity={"languagetool.AI_HAI": "error"})
    by_rule = {f.rule: f.severity for f in lint_text(text, config=config)}
    assert by_rule["languagetool.AI_HAI"] is Severity.ERROR
    # typographical issues are suggestions, not warnings
    assert by_rule["languagetool.COMMA_PARENTHESIS_WHITESPACE"] is Severity.SUGGESTION


def test_markup_is_blanked_before_sending(fake_languagetool: FakeServer) -> None:
    text = "Vedi https://example.org/ai ragione e `ai ragione` nel codice.\n"
    findings = lint_text(text, "draft.md", config=lt_config(fake_languagetool,
                                                           select=["languagetool"]))
    assert findings == []
    sent = fake_languagetool.last["text"]
    assert "example.org" not in sent and len(sent) == len(text)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_unreachable_server_keeps_own_findings(caplog: pytest.LogCaptureFixture,
                                               fake_languagetool: FakeServer) -> None:
    config = {"languagetool": {"url": f"http://127.0.0.1:{_closed_port()}", "timeout": 2}}
    with caplog.at_level(logging.WARNING, logger="sportlint"):
        first = lint_text("Il il Bari ha vinto.", config=config)
        second = lint_text("Il il Bari ha perso.", config=config)
    assert [f.rule for f in first] == ["spelling.repeated-word"]
    assert [f.rule for f in second] == ["spelling.repeated-word"]
    warnings = [r.getMessage() for r in caplog.records if "LanguageTool" in r.getMessage()]
    assert len(warnings) == 1       # once per run, not once per document
    assert "unavailable: cannot connect" in warnings[0]


def test_timeout(caplog: pytest.LogCaptureFixture, fake_languagetool: FakeServer) -> None:
    fake_languagetool.delay = 1.0
    config = lt_config(fake_languagetool, languagetool={"timeout": 0.3})
    with caplog.at_level(logging.WARNING, logger="sportlint"):
        findings = lint_text("Tu ai ragione, il il Bari ha vinto.", config=config)
    rules = [f.rule for f in findings]
    assert "spelling.repeated-word" in rules          # sportlint's own results are kept
    assert not any(r.startswith("languagetool") for r in rules)
    assert any("no answer within 0.3 s" in r.getMessage() for r in caplog.records)


def test_cli_flag(fake_languagetool: FakeServer, tmp_path: Path,
                  capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Tu ai ragione.\n", encoding="utf-8")
    code = cli.main(["check", "--format", "json", "--languagetool", fake_languagetool.url,
                     "--select", "languagetool", str(draft)])
    out = json.loads(capsys.readouterr().out)
    assert code == cli.ExitCode.FINDINGS
    assert [(f["rule"], f["text"]) for f in out["findings"]] == [("languagetool.AI_HAI", "ai")]
