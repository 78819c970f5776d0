"""Releases: the version is written once (`__version__`), the README's pre-commit `rev`
(and every other snippet that pins a release) is `v` + it, CHANGELOG.md has a section for
it, and, where the checkout has git tags, the tag exists. The README pinned `rev: v0.1.0`,
a tag that never existed, so its snippet failed as written."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml

from sportlint import __version__

ROOT = Path(__file__).resolve().parents[2]
TAG = f"v{__version__}"
PAGES = [ROOT / "README.md", ROOT / "docs" / "integrations.md", ROOT / ".pre-commit-hooks.yaml"]


def _readme_rev() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n([^`]*?\brev: [^`]*?)```", readme)
    assert block, "README: no pre-commit config"
    config = yaml.safe_load(block[1])
    return str(config["repos"][0]["rev"])


def test_the_version_is_written_in_one_place() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["hatch"]["version"]["path"] == "src/sportlint/__init__.py"
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_the_readme_pins_this_release() -> None:
    assert _readme_rev() == TAG
    for page in PAGES:
        pinned = set(re.findall(r"(?:rev: |@)(v\d+\.\d+\.\d+)", page.read_text(encoding="utf-8")))
        assert pinned <= {TAG}, f"{page.name} pins {pinned - {TAG}}"


def test_the_changelog_has_this_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    versions = re.findall(r"^## (\d+\.\d+\.\d+)", changelog, re.M)
    assert versions and versions[0] == __version__, "the newest CHANGELOG section is this version"


def test_the_tag_exists() -> None:
    """Only where the checkout carries tags: a release is tagged on main after the merge,
    and a CI clone may come without tags."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    done = subprocess.run(["git", "-C", str(ROOT), "tag", "--list"], capture_output=True,
                          text=True, check=False)
    if done.returncode != 0:
        pytest.skip("not a git checkout (an sdist): no tags to check")
    tags = done.stdout.split()
    if not tags:
        pytest.skip("this checkout has no git tags (a clean CI clone may not fetch them)")
    assert _readme_rev() in tags, f"the README pins {_readme_rev()}, not a tag of this repository"
