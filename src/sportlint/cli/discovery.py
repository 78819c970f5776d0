"""Which files `sportlint check` reads: the files named, and the drafts under the folders
named (``*.md``, ``*.markdown``, ``*.txt``; hidden folders and tool folders skipped), each
file once however it is named; a URL (``s3://bucket/archive/*.md``) is listed through
fsspec (`sportlint.runner.remote`)."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from sportlint.findings import FileReport
from sportlint.runner import remote

TEXT_SUFFIXES = {".md", ".markdown", ".txt"}
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox"}


def iter_paths(paths: Sequence[str], unreadable: list[FileReport] | None = None
               ) -> Iterator[str]:
    """Files to check: the files given, and *.md / *.txt under the directories given; each
    file once (standard input too), however many times it is named (through a symbolic
    or a hard link: two workers fixing one file at once would find it changed on disk).
    A folder that cannot be listed is added to ``unreadable`` as an error naming it."""
    seen: set[object] = set()
    for path in _walk(paths, unreadable if unreadable is not None else []):
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


def _walk(paths: Sequence[str], unreadable: list[FileReport]) -> Iterator[str]:
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
        if path.is_dir():
            for folder, dirs, files in os.walk(path, onerror=report):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(files):
                    # only regular files: a FIFO or socket found in a folder would block
                    # (a path named on the command line is read whatever it is)
                    file = Path(folder) / name
                    if file.suffix.lower() in TEXT_SUFFIXES and \
                            (file.is_file() or not file.exists()):
                        yield str(file)
        else:
            yield raw
