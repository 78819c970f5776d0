"""The composite GitHub Action (`action.yml`), run step by step the way the runner runs it:
each step's `if:` evaluated, `${{ ... }}` filled in from the inputs and the earlier steps'
outputs, `run:` scripts executed by bash with `GITHUB_OUTPUT`. Steps that `uses:` another
action (setup-python, upload-sarif) cannot run here: the test records what they would be
given (the SARIF file to upload) and checks it. The install step (`pip install` of the
action's folder) is left out here, as sportlint is installed already; the quick-start test
(tests/e2e/test_quickstart.py) installs the same folder into a fresh venv."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))

pytestmark = [pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed"),
              pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")]


def _expression(text: str, inputs: dict[str, str], steps: dict[str, dict[str, str]]) -> Any:
    """A GitHub Actions expression, for the few forms action.yml uses."""
    def name(m: re.Match[str]) -> str:
        parts = m[0].split(".")
        if parts[0] == "inputs":
            return repr(inputs[parts[1]])
        if parts[0] == "steps":
            return repr(steps.get(parts[1], {}).get(parts[3], ""))
        if parts[0] == "github" and parts[1] == "action_path":
            return repr(str(ROOT))
        raise AssertionError(f"unknown context {m[0]}")

    python = re.sub(r"\b(?:inputs|steps|github)(?:\.[\w-]+)+", name, text)
    python = python.replace("always()", "True").replace("&&", " and ").replace("||", " or ")
    return eval(python, {"__builtins__": {}}, {})


def _fill(value: str, inputs: dict[str, str], steps: dict[str, dict[str, str]]) -> str:
    return re.sub(r"\$\{\{(.*?)\}\}", lambda m: str(_expression(m[1], inputs, steps)), str(value))


def run_action(workdir: Path, **given: str) -> tuple[int, list[dict[str, Any]], str]:
    """Run the action in ``workdir``: the failing step's exit code (0 if none failed), what
    the `uses:` steps were given, and everything the steps printed."""
    inputs = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    inputs.update({k.replace("_", "-"): v for k, v in given.items()})
    steps: dict[str, dict[str, str]] = {}
    used: list[dict[str, Any]] = []
    printed = ""
    failed = 0
    for step in ACTION["runs"]["steps"]:
        condition = step.get("if", "success()")
        condition = condition.replace("success()", "True")
        if failed and "always()" not in condition:
            continue
        if not _expression(condition, inputs, steps):
            continue
        if "uses" in step:
            used.append({"uses": step["uses"],
                         **{k: _fill(v, inputs, steps) for k, v in step.get("with", {}).items()}})
            continue
        if step.get("id") == "install":
            continue
        outputs = workdir / f".github_output_{step.get('id', 'step')}"
        outputs.write_text("", encoding="utf-8")
        env = {**os.environ, "GITHUB_OUTPUT": str(outputs), "GITHUB_ACTIONS": "true",
               "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
               **{k: _fill(v, inputs, steps) for k, v in step.get("env", {}).items()}}
        assert step["shell"] == "bash"
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                              cwd=workdir, env=env, capture_output=True, text=True)
        printed += done.stdout + done.stderr
        if "id" in step:
            steps[step["id"]] = dict(line.split("=", 1) for line in
                                     outputs.read_text(encoding="utf-8").splitlines() if "=" in line)
        if done.returncode:
            failed = failed or done.returncode
    return failed, used, printed


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "articoli").mkdir()
    (tmp_path / "articoli" / "bozza.md").write_text("Il Bari ha vinto poichè ha segnato.\n",
                                                    encoding="utf-8")
    (tmp_path / "articoli" / "pulito.md").write_text("La Ternana ha vinto.\n", encoding="utf-8")
    (tmp_path / ".sportlint.yaml").write_text("select: [spelling.accents]\n", encoding="utf-8")
    return tmp_path


def test_sarif_is_written_and_handed_to_code_scanning(repo: Path) -> None:
    code, used, _ = run_action(repo, paths="articoli")
    assert code == 1                             # the last step fails the job on findings
    assert [u["uses"].split("@")[0] for u in used] == ["actions/setup-python",
                                                       "github/codeql-action/upload-sarif"]
    sarif = json.loads((repo / used[1]["sarif_file"]).read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["spelling.accents"]
    # fail-on-findings false: the findings are uploaded and the job passes
    code, used, _ = run_action(repo, paths="articoli", fail_on_findings="false")
    assert code == 0 and len(used) == 2


def test_github_annotations(repo: Path) -> None:
    code, used, printed = run_action(repo, paths="articoli", format="github", python_version="")
    assert code == 1 and used == []
    assert re.search(r"^::(error|warning) file=articoli/bozza\.md,line=1,.*poiché", printed, re.M)


def test_clean_drafts_pass(repo: Path) -> None:
    code, _, printed = run_action(repo, paths="articoli/pulito.md", format="github")
    assert code == 0, printed


def test_an_error_fails_the_job_even_without_fail_on_findings(repo: Path) -> None:
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    code, _, printed = run_action(repo, paths="articoli", format="github", diff_base="no-such-ref",
                                  fail_on_findings="false")
    assert code == 2 and "unknown git revision" in printed
    code, _, printed = run_action(repo, format="xml")
    assert code == 2 and "format must be sarif or github" in printed


def test_the_readme_documents_the_action() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n([^`]*?uses: \S+/sportlint@v[\d.]+[^`]*?)```", readme)
    assert block, "README: no workflow using the action"
    workflow = yaml.safe_load(block[1])
    step = next(s for job in workflow["jobs"].values() for s in job["steps"]
                if "sportlint@" in s.get("uses", ""))
    assert set(step.get("with", {})) <= set(ACTION["inputs"])
