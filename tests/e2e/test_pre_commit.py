"""The pre-commit hooks, run by the real `pre-commit` (test extra) against a temporary
newsroom repository: `sportlint` fails on a draft with slips and prints the findings,
passes on a clean draft; `sportlint-fix` rewrites the draft (and so fails the commit).

pre-commit installs hooks from a git repository, so the project is copied into a
temporary git repo and committed there (this works from any checkout or sdist). The first
run uses `pre-commit try-repo`; the others use a `.pre-commit-config.yaml` like the one in
docs/integrations.md ("pre-commit"), so they share one hook environment (each install pip-installs
sportlint and its dependencies: a few seconds with a warm pip cache).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIRTY = "Il il Bari ha vinto poichè ha segnato.\n"
FIXED = "Il Bari ha vinto poiché ha segnato.\n"
CLEAN = "La Ternana ha vinto perché ha segnato per prima.\n"
# only the rules this test is about, whatever other rules the project grows
CONFIG = "select: [spelling.accents, spelling.repeated-word]\n"

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(importlib.util.find_spec("pre_commit") is None,
                       reason="pre-commit is not installed (pip install -e '.[test]')"),
]
SKIP_NAMES = {".git", ".venv", "venv", ".ci-venv", ".tox", "node_modules", "__pycache__",
              ".pytest_cache", ".mypy_cache", ".ruff_cache", "build", "dist"}


def _ignore(folder: str, names: list[str]) -> set[str]:
    return {n for n in names if n in SKIP_NAMES or n.endswith(".egg-info")
            or (Path(folder, n) / "pyvenv.cfg").exists()}


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout.strip()


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("pre-commit-home")
    env = dict(os.environ)
    env.update({"PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never",
                "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
                "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
                "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull})
    env.pop("GITHUB_ACTIONS", None)
    return env


@pytest.fixture(scope="module")
def hooks_repo(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> tuple[Path, str]:
    """A git repository holding this checkout's working tree, committed."""
    repo = tmp_path_factory.mktemp("sportlint-hooks") / "sportlint"
    shutil.copytree(ROOT, repo, ignore=_ignore)
    assert (repo / ".pre-commit-hooks.yaml").is_file()
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "hooks under test"]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)
    return repo, git(repo, "rev-parse", "HEAD")


@pytest.fixture
def newsroom(tmp_path: Path, env: dict[str, str]) -> Path:
    (tmp_path / ".sportlint.yaml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "bozza.md").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "pulita.txt").write_text(CLEAN, encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, env=env, check=True)
    subprocess.run(["git", "add", "-A"], cwd=tmp_path, env=env, check=True)
    return tmp_path


def pre_commit(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600, check=False)


def test_hooks_with_real_pre_commit(hooks_repo: tuple[Path, str], newsroom: Path,
                                    env: dict[str, str]) -> None:
    repo, rev = hooks_repo
    # 1. try-repo: the check hook fails on the draft with slips and prints the findings
    done = pre_commit(newsroom, env, "try-repo", str(repo), "sportlint", "--ref", rev,
                      "--files", "bozza.md")
    log = done.stdout + done.stderr
    assert done.returncode == 1, log
    assert "bozza.md:1:3: error [spelling.repeated-word]" in log
    assert "bozza.md:1:21: error [spelling.accents] «poichè» si scrive «poiché»." in log
    assert (newsroom / "bozza.md").read_text(encoding="utf-8") == DIRTY

    # 2. the config a newsroom writes (docs/integrations.md, "pre-commit"), one shared hook environment
    (newsroom / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo}\n    rev: {rev}\n    hooks:\n"
        "      - id: sportlint\n      - id: sportlint-fix\n", encoding="utf-8")
    subprocess.run(["git", "add", ".pre-commit-config.yaml"], cwd=newsroom, env=env, check=True)
    done = pre_commit(newsroom, env, "run", "sportlint", "--files", "pulita.txt")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout

    # 3. the fix hook rewrites the draft, and the commit fails because files changed
    done = pre_commit(newsroom, env, "run", "sportlint-fix", "--files", "bozza.md")
    log = done.stdout + done.stderr
    assert done.returncode == 1, log
    assert "files were modified by this hook" in log
    assert (newsroom / "bozza.md").read_text(encoding="utf-8") == FIXED
    done = pre_commit(newsroom, env, "run", "sportlint", "--files", "bozza.md")
    assert done.returncode == 0, done.stdout + done.stderr
