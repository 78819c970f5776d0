"""Which files `sportlint check` reads: the files named, and the drafts under the folders
named (``*.md``, ``*.markdown``, ``*.txt``, CMS exports ``*.html``/``*.htm`` and Word
``*.docx``; hidden folders and tool folders skipped), each
file once however it is named; a URL (``s3://bucket/archive/*.md``) is listed through
fsspec (`sportlint.runner.remote`).

What a folder's walk leaves out, as ruff does: the config's ``exclude`` patterns (or
``--exclude``; ``--extend-exclude`` adds to them), written as in ``.gitignore`` and
relative to the config file's folder (the command line's relative to the current folder),
and, inside a git repository, what its ``.gitignore`` files and ``.git/info/exclude`` ignore
(``--no-respect-gitignore`` or ``respect_gitignore: false`` turns that off). A file named on
the command line is checked all the same, unless ``--force-exclude`` (the pre-commit hooks
pass it, since pre-commit names every staged file).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sportlint.findings import FileReport
from sportlint.runner import remote

if TYPE_CHECKING:
    from pathspec import PathSpec

    from sportlint.config.loader import Config

TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".html", ".htm", ".docx"}
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox"}


def _spec(patterns: Sequence[str]) -> PathSpec:
    import pathspec  # here: a check of the files named, with no folder, never needs it

    return pathspec.GitIgnoreSpec.from_lines(patterns)


class Exclusions:
    """Whether a path is left out: by the exclude patterns of the config that applies to
    it, or by git's ignore files. ``config_for(folder)`` is the config of the files of a
    folder; ``exclude`` (``--exclude``) replaces the configs' patterns, ``extend``
    (``--extend-exclude``) adds to them; ``gitignore`` None follows each config."""

    def __init__(self, config_for: Callable[[Path], Config], exclude: Sequence[str] | None = None,
                 extend: Sequence[str] = (), gitignore: bool | None = None,
                 cwd: Path | None = None) -> None:
        self.config_for = config_for
        self.cwd = (cwd or Path.cwd()).absolute()
        self.cli = _spec([*(exclude or []), *extend]) if exclude or extend else None
        self.replace = exclude is not None
        self.gitignore = gitignore
        self._config_specs: dict[int, tuple[Path, PathSpec] | None] = {}
        self.git = GitIgnore()

    def excluded(self, path: Path, is_dir: bool) -> bool:
        path = Path(os.path.abspath(path))
        config = self.config_for(path.parent)
        if self.cli is not None and _matches(self.cli, self.cwd, path, is_dir):
            return True
        if not self.replace:
            spec = self._config_spec(config)
            if spec is not None and _matches(spec[1], spec[0], path, is_dir):
                return True
        respect = config.respect_gitignore if self.gitignore is None else self.gitignore
        return respect and self.git.ignored(path, is_dir)

    def excluded_with_parents(self, path: Path) -> bool:
        """For a path named on the command line (``--force-exclude``): it, or a folder
        above it up to the current folder, is excluded."""
        path = Path(os.path.abspath(path))
        if self.excluded(path, path.is_dir()):
            return True
        for parent in path.parents:
            if parent == self.cwd or self.cwd not in parent.parents:
                break
            if self.excluded(parent, True):
                return True
        return False

    def _config_spec(self, config: Config) -> tuple[Path, PathSpec] | None:
        key = id(config)
        if key not in self._config_specs:
            base = Path(config.source).absolute().parent if config.source else self.cwd
            self._config_specs[key] = (base, _spec(config.exclude)) if config.exclude else None
        return self._config_specs[key]


def _matches(spec: PathSpec, base: Path, path: Path, is_dir: bool) -> bool:
    try:
        rel = path.relative_to(base).as_posix()
    except ValueError:
        return False        # not below the folder the patterns are relative to
    if rel == ".":
        return False
    return bool(spec.match_file(rel + "/" if is_dir else rel))


class GitIgnore:
    """What git ignores: the ``.gitignore`` files from the repository's top down to a
    path's folder (the deeper one deciding) and ``.git/info/exclude``. Outside a git
    repository nothing is ignored. Each folder is looked at once per run."""

    def __init__(self) -> None:
        self._roots: dict[Path, Path | None] = {}
        self._files: dict[Path, PathSpec | None] = {}

    def _root(self, folder: Path) -> Path | None:
        if folder not in self._roots:
            self._roots[folder] = next((c for c in (folder, *folder.parents)
                                        if (c / ".git").exists()), None)
        return self._roots[folder]

    def _file(self, path: Path) -> PathSpec | None:
        if path not in self._files:
            try:
                lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                self._files[path] = None
            else:
                self._files[path] = _spec(lines)
        return self._files[path]

    def ignored(self, path: Path, is_dir: bool) -> bool:
        """Whether git ignores ``path`` (absolute)."""
        root = self._root(path.parent)
        if root is None or path == root:
            return False
        below = [p for p in reversed(path.parent.parents) if root in p.parents]
        chain = dict.fromkeys([root, *below, path.parent])
        specs = [(root, self._file(root / ".git" / "info" / "exclude"))]
        specs += [(folder, self._file(folder / ".gitignore")) for folder in chain]
        ignored = False
        for base, spec in specs:
            if spec is None:
                continue
            rel = path.relative_to(base).as_posix() + ("/" if is_dir else "")
            result = spec.check_file(rel)
            if result.include is not None:
                ignored = bool(result.include)
        return ignored


def iter_paths(paths: Sequence[str], unreadable: list[FileReport] | None = None,
               exclusions: Exclusions | None = None, force_exclude: bool = False
               ) -> Iterator[str]:
    """Files to check: the files given, and *.md / *.txt under the directories given; each
    file once (standard input too), however many times it is named (through a symbolic
    or a hard link: two workers fixing one file at once would find it changed on disk).
    A folder that cannot be listed is added to ``unreadable`` as an error naming it."""
    seen: set[object] = set()
    for path in _walk(paths, unreadable if unreadable is not None else [], exclusions,
                      force_exclude):
        url = remote.is_url(path)
        key: object = path if path == "-" or url else os.path.realpath(path)
        if path != "-" and not url:
            try:
                info = os.stat(path)
            except OSError:
                pass
            else:
                if info.st_ino:     # 0 where a file system has no file numbers
                    key = (info.st_dev, info.st_ino)
        if key not in seen:
            seen.add(key)
            yield path


def _walk(paths: Sequence[str], unreadable: list[FileReport], exclusions: Exclusions | None,
          force_exclude: bool) -> Iterator[str]:
    def report(exc: OSError) -> None:
        folder = str(exc.filename or "?")
        unreadable.append(FileReport(folder, None, error=f"cannot read the folder "
                                     f"({exc.strerror or exc}); its drafts were not checked"))

    for raw in paths:
        if raw == "-":
            yield raw
            continue
        if remote.is_url(raw):      # s3://bucket/archive/*.md: listed through fsspec
            try:
                yield from remote.expand(raw)
            except remote.RemoteError as exc:
                unreadable.append(FileReport(raw, None, error=f"cannot list it ({exc})"))
            continue
        path = Path(raw)
        if force_exclude and exclusions is not None and exclusions.excluded_with_parents(path):
            continue
        if path.is_dir():
            for folder, dirs, files in os.walk(path, onerror=report):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith(".")
                                 and not (exclusions and exclusions.excluded(Path(folder) / d, True)))
                for name in sorted(files):
                    # only regular files: a FIFO or socket found in a folder would block
                    # (a path named on the command line is read whatever it is)
                    file = Path(folder) / name
                    if file.suffix.lower() in TEXT_SUFFIXES and \
                            (file.is_file() or not file.exists()) and \
                            not (exclusions and exclusions.excluded(file, False)):
                        yield str(file)
        else:
            yield raw
