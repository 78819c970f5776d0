"""The README's quick start, walked verbatim on a fresh venv: its step-by-step block
(create a venv, `pip install .`, `sportlint init`, `check`, `check --fix`) runs line by line
in bash in a copy of the repository, and then its `pre-commit try-repo` line runs against
that copy. What each line's comment promises (the exit code, `Fixed 3 problems, 8
remaining`) is checked.

Cost: the wheels of the dependencies and of hatchling (the build backend) are fetched once
into a wheel house kept in pytest's cache folder (about 20 s the first time; it needs the
package index then); every pip after that, the README's and pre-commit's, is pointed at it
with PIP_FIND_LINKS and PIP_NO_INDEX, so it installs offline. The test then costs about
20 s of CPU (a venv and a build for the README, another for pre-commit's hook; a minute of
wall time on a busy two-core machine); it is marked `integration` (deselect with
-m 'not integration')."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SKIP_NAMES = {".git", ".venv", "venv", ".ci-venv", ".tox", "node_modules", "__pycache__",
              ".pytest_cache", ".mypy_cache", ".ruff_cache", "build", "dist"}

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed"),
]


def _ignore(folder: str, names: list[str]) -> set[str]:
    return {n for n in names if n in SKIP_NAMES or n.endswith(".egg-info")
            or (Path(folder, n) / "pyvenv.cfg").exists()}


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                    "-c", "commit.gpgsign=false", *args], cwd=cwd, check=True,
                   capture_output=True)


def quick_start() -> list[str]:
    """The command lines of the README's step-by-step block."""
    section = README[README.index("Step by step"):]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block
    return [line for line in block[1].splitlines() if line.strip()]


@pytest.fixture(scope="module")
def wheelhouse(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheels of sportlint's dependencies and of its build backend, fetched once and
    kept in pytest's cache folder (keyed by the dependency list), so that a later run
    installs offline. sportlint itself is built from the copy, as the README says."""
    import hashlib
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = [*project["project"]["dependencies"], *project["build-system"]["requires"],
              "pip", "setuptools", "wheel"]
    key = hashlib.sha256("\n".join(wanted).encode()).hexdigest()[:16]
    cache = getattr(request.config, "cache", None)
    house = cache.mkdir(f"wheelhouse-{key}") if cache is not None else \
        tmp_path_factory.mktemp("wheels")
    if (house / "complete").exists():
        return house
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet",
                           "--disable-pip-version-check", "-w", str(house), *wanted],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot fetch the wheels (no package index?): {done.stderr[-500:]}")
    (house / "complete").write_text("", encoding="utf-8")
    return house


def test_the_readme_quick_start_works_verbatim(tmp_path: Path, wheelhouse: Path) -> None:
    clone = tmp_path / "sportlint"
    shutil.copytree(ROOT, clone, ignore=_ignore)
    _git(clone, "init", "-q")
    _git(clone, "add", "-A")
    _git(clone, "commit", "-qm", "clone")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("VIRTUAL_ENV", "PYTHONPATH", "PIP_", "GITHUB_"))}
    env.update(PIP_FIND_LINKS=str(wheelhouse), PIP_NO_INDEX="1",
               PIP_DISABLE_PIP_VERSION_CHECK="1", NO_COLOR="1")
    lines = quick_start()
    script = "\n".join(f'{line}\necho "<<exit $?>>"' for line in lines)
    done = subprocess.run(["bash", "--noprofile", "--norc", "-c", script], cwd=clone, env=env,
                          capture_output=True, text=True, timeout=600)
    chunks = re.split(r"<<exit (\d+)>>\n", done.stdout)
    outputs, codes = chunks[0:-1:2], [int(c) for c in chunks[1::2]]
    assert len(codes) == len(lines), done.stdout + done.stderr
    for line, code, out in zip(lines, codes, outputs, strict=True):
        if "sportlint check" in line:
            assert code == (1 if "exit code 1" in line or "remaining" in line else 0), (line, out)
        else:
            assert code == 0, (line, out, done.stderr)
        promise = re.search(r"(Fixed \d+ problems?, \d+ remaining)", line)
        if promise:
            assert promise[1] in out, (line, out)
    assert (clone / ".venv" / "bin" / "sportlint").exists()
    assert (clone / ".sportlint.yaml").is_file()
    assert "11 findings" in outputs[lines.index(next(x for x in lines if "check seeds" in x))]

    # pre-commit try-repo, as the README writes it, against this clone
    if importlib.util.find_spec("pre_commit") is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    try_repo = re.search(r"^pre-commit try-repo \S+ (.*)$", README, re.M)
    assert try_repo
    content = tmp_path / "redazione"
    content.mkdir()
    (content / "bozza.md").write_text("Il Bari ha vinto poichè ha segnato.\n", encoding="utf-8")
    (content / ".sportlint.yaml").write_text("select: [spelling.accents]\n", encoding="utf-8")
    _git(content, "init", "-q")
    _git(content, "add", "-A")
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    done = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(clone),
                           *try_repo[1].split()], cwd=content, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout.count("[spelling.accents]") == 1, done.stdout
