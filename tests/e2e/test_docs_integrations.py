"""docs/integrations.md shows what the tests run: its pre-commit
config names the shipped hooks, its workflow's commands parse, its sample outputs are what
sportlint prints."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from sportlint import lint_text
from sportlint.cli.main import build_parser, main

ROOT = Path(__file__).resolve().parents[2]
INTEGRATIONS = ROOT / "docs" / "integrations.md"


def section() -> str:
    """The "Newsroom integrations" page (moved out of the README)."""
    return INTEGRATIONS.read_text(encoding="utf-8")


def blocks(lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```", section(), re.S | re.M)


def test_hooks_manifest_is_valid_for_pre_commit() -> None:
    clientlib = pytest.importorskip("pre_commit.clientlib")
    hooks = clientlib.load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert {h["id"] for h in hooks} == {"sportlint", "sportlint-fix"}
    for hook in hooks:
        assert hook["language"] == "python"
        assert set(hook["types_or"]) == {"markdown", "plain-text"}
        wanted = re.compile(hook["files"])
        assert all(wanted.search(n) for n in ("a.md", "b/c.markdown", "d.TXT"))
        assert not any(wanted.search(n) for n in ("LICENSE", "README", "e.rst", "f.md.bak"))
        assert build_parser().parse_args([*shlex.split(hook["entry"])[1:], "x.md"]).command == "check"


def test_pre_commit_config_in_the_docs(tmp_path: Path) -> None:
    clientlib = pytest.importorskip("pre_commit.clientlib")
    config, args_snippet = blocks("yaml")[:2]
    path = tmp_path / ".pre-commit-config.yaml"
    path.write_text(config, encoding="utf-8")
    loaded = clientlib.load_config(str(path))
    hook_ids = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert {h["id"] for h in loaded["repos"][0]["hooks"]} <= hook_ids
    extra = yaml.safe_load(args_snippet)[0]
    assert extra["id"] in hook_ids
    build_parser().parse_args(["check", *extra["args"], "x.md"])


def workflow() -> dict[str, Any]:
    flows = [yaml.safe_load(b) for b in blocks("yaml") if "jobs:" in b]
    assert len(flows) == 1
    flow: dict[str, Any] = flows[0]
    return flow


def test_workflow_commands_parse() -> None:
    steps = workflow()["jobs"]["proofread"]["steps"]
    commands = [s["run"] for s in steps if "sportlint check" in s.get("run", "")]
    assert len(commands) == 2
    for command in commands:
        words = shlex.split(command.split("||")[0])
        assert words[0] == "sportlint"
        build_parser().parse_args(words[1:])
    assert any("--diff-base" in c for c in commands)
    assert any("--format sarif --output sportlint.sarif" in c for c in commands)
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert upload["with"]["sarif_file"] == "sportlint.sarif"
    assert workflow()["permissions"]["security-events"] == "write"


def test_sample_annotation_is_real(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    sample = next(b for b in blocks("text") if b.startswith("::error"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "articoli").mkdir()
    (tmp_path / "articoli" / "bari.md").write_text(
        "Titolo\n\nIl il Bari ha vinto.\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    main(["check", "--select", "spelling.repeated-word", "articoli/"])
    assert capsys.readouterr().out.splitlines()[0] == sample.strip()


def test_sample_config_error_is_real(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    sample = next(b for b in blocks("text") if "config error" in b)
    monkeypatch.chdir(tmp_path)
    Path("redazione.yaml").write_text("style:\n  quote: '«»'\n", encoding="utf-8")
    Path("articoli").mkdir()
    assert main(["check", "--config", "redazione.yaml", "articoli/"]) == 2
    # the list of known keys grows with the house style; the rest must match exactly
    err = capsys.readouterr().err.strip()
    assert err.split(" (known:")[0] == sample.strip().splitlines()[-1].split(" (known:")[0]


def test_suppression_sample_silences_what_it_says() -> None:
    sample = blocks("markdown")[0]
    config = {"select": ["spelling.accents"]}
    assert lint_text(sample, "bozza.md", config) == []
    bare = re.sub(r"<!--.*?-->\n", "", sample)
    assert [f.rule for f in lint_text(bare, "bozza.md", config)] == ["spelling.accents"]


def test_every_flag_the_doc_names_exists() -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    known = {opt for sub in subparsers.choices.values() for action in sub._actions
             for opt in action.option_strings}
    named = set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", section()))
    named -= {"--files"}  # pre-commit's own flag, in the try-repo example
    assert named <= known, named - known
