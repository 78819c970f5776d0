"""`--diff-base REF`: the lines of a file added or changed since a git ref, asked of git.

``git diff -U0 --no-color --no-ext-diff REF -- FILE`` (run in the file's folder, so any
repository layout works) lists the changed hunks; the ``+start,count`` side of each hunk
header gives the lines of the current file that are new or changed. A file that git does
not track yet is new as a whole. Lines only deleted leave nothing to report.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import subprocess

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


class ChangedLinesError(Exception):
    """git could not say what changed (not a repository, unknown ref, no git)."""


class BadRef(ChangedLinesError):
    """The ref is unknown, or git is missing: the same for every file, so the command
    line says it once and stops (exit 2) rather than once per file."""


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    import subprocess  # here: a check without --diff-base never needs it

    try:
        return subprocess.run(["git", "-C", str(folder), *args], capture_output=True,
                              text=True, encoding="utf-8", errors="replace", check=False)
    except FileNotFoundError:
        raise BadRef("git is not installed (needed by --diff-base)") from None


def parse_hunks(diff: str) -> set[int]:
    """Line numbers (1-based, in the new file) that a ``-U0`` diff adds or changes."""
    lines: set[int] = set()
    for m in _HUNK.finditer(diff):
        start, count = int(m[1]), int(m[2]) if m[2] is not None else 1
        lines.update(range(start, start + count))
    return lines


@lru_cache(maxsize=256)
def _check_ref(folder: Path, ref: str) -> str:
    """"ok", "no-repo" or "bad-ref": can ``ref`` be diffed against from ``folder``? Asked
    once per folder, as the drafts of a directory share the answer."""
    verify = _git(folder, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if verify.returncode == 0:
        return "ok"
    inside = _git(folder, "rev-parse", "--is-inside-work-tree")
    return "bad-ref" if inside.returncode == 0 else "no-repo"


def changed_lines(path: str | Path, ref: str) -> set[int] | None:
    """The changed lines of ``path`` since ``ref``; None when the whole file is new."""
    target = Path(path).resolve()
    folder, name = target.parent, target.name
    state = _check_ref(folder, ref)
    if state == "no-repo":
        raise ChangedLinesError("not inside a git repository (needed by --diff-base)")
    if state == "bad-ref":
        raise BadRef(f"--diff-base: unknown git revision {ref!r} (a branch, tag or commit "
                     f"of the repository, e.g. origin/main or HEAD~1)")
    tracked = _git(folder, "ls-files", "--error-unmatch", "--", name)
    if tracked.returncode != 0:
        return None  # untracked: every line is new
    diff = _git(folder, "diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames",
                ref, "--", name)
    if diff.returncode != 0:
        raise ChangedLinesError(f"git diff {ref} -- {name} failed: {diff.stderr.strip()}")
    return parse_hunks(diff.stdout)
