"""`sportlint check --watch PATH...`: check, then check again whenever a draft or a
config file under the paths changes (polled twice a second: no dependency, and it works
on network shares and in containers), until Ctrl-C."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from sportlint.cli.check import cmd_check
from sportlint.cli.discovery import SKIP_DIRS, TEXT_SUFFIXES
from sportlint.cli.exitcode import ExitCode
from sportlint.config.loader import CONFIG_NAMES, ConfigError

WATCHED_NAMES = {*CONFIG_NAMES, "pyproject.toml", ".gitignore"}


def _state(paths: list[str]) -> dict[str, tuple[int, int]]:
    """The size and modification time of every draft and config file under ``paths``."""
    seen: dict[str, tuple[int, int]] = {}

    def note(file: Path) -> None:
        try:
            info = file.stat()
        except OSError:
            return
        seen[str(file)] = (info.st_size, info.st_mtime_ns)

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for folder, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if d not in SKIP_DIRS and not d.startswith(".")]
                for name in files:
                    if Path(name).suffix.lower() in TEXT_SUFFIXES or name in WATCHED_NAMES:
                        note(Path(folder) / name)
        else:
            note(path)
        for parent in path.absolute().parents:     # the configs above the paths
            for name in WATCHED_NAMES:
                if (parent / name).is_file():
                    note(parent / name)
    return seen


def watch(args: argparse.Namespace, interval: float = 0.5) -> int:
    if "-" in args.paths:
        print("sportlint: --watch needs files or folders, not standard input", file=sys.stderr)
        return ExitCode.ERROR
    while True:
        state = _state(args.paths)
        try:
            cmd_check(args)
        except ConfigError as exc:
            print(f"sportlint: config error: {exc}", file=sys.stderr)
        print(f"sportlint: watching {' '.join(args.paths)} for changes (Ctrl-C to stop)",
              file=sys.stderr, flush=True)
        while _state(args.paths) == state:
            time.sleep(interval)
        print("", flush=True)
