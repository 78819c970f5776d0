"""`sportlint init [PATH]`: write the commented starter config (`sportlint.cli.starter`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sportlint.cli.exitcode import ExitCode
from sportlint.cli.starter import starter_config
from sportlint.config.loader import CONFIG_FILE, find_config


def cmd_init(args: argparse.Namespace) -> int:
    target = Path(args.path)
    if target.is_dir():
        target = target / CONFIG_FILE
    # a config already in that folder (.sportlint.yml, [tool.sportlint]) would be shadowed
    existing = find_config(target.parent)
    if existing is not None and existing.parent != target.parent.resolve():
        existing = None
    if not args.force and (target.exists() or existing is not None):
        what = f"{target} already exists" if target.exists() else \
            f"{existing} already configures sportlint here"
        print(f"sportlint: {what} (use --force to write the starter anyway)", file=sys.stderr)
        return ExitCode.ERROR
    try:
        target.write_text(starter_config(), encoding="utf-8")
    except OSError as exc:
        print(f"sportlint: cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
        return ExitCode.ERROR
    print(f"sportlint: wrote {target}")
    return ExitCode.OK
