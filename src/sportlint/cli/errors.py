"""Errors that stop a run before any file is checked (a usage, config or internal error):
with a machine-readable ``--format`` (json, sarif, github) the report is still a valid
document, holding the error, so that a CI step parsing the output finds one."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from sportlint.formatters import base as formatters


class UsageError(Exception):
    """Options that cannot go together: exit code 2, the message on standard error."""


def requested_format(argv: Sequence[str]) -> str | None:
    """The ``--format`` of a ``check`` command line, read without argparse (which may be
    what failed); the GitHub format inside GitHub Actions when none is named."""
    if "check" not in argv:
        return None
    fmt = None
    for i, arg in enumerate(argv):
        if arg == "--format" and i + 1 < len(argv):
            fmt = argv[i + 1]
        elif arg.startswith("--format="):
            fmt = arg.split("=", 1)[1]
    if fmt is None and os.environ.get("GITHUB_ACTIONS") == "true":
        fmt = "github"
    return fmt if fmt in formatters.FORMATS else None


def write_document(fmt: str | None, kind: str, message: str, output: str | None) -> None:
    """Write the ``fmt`` document of an error of ``kind`` to ``output`` (or standard
    output); nothing for the formats read by people (the message is on standard error)."""
    if fmt is None:
        return
    try:
        document = formatters.run_error(fmt, kind, message)
    except Exception:   # never hide the error being reported behind another one
        return
    if document is None:
        return
    raw = (document + "\n").encode("utf-8", "surrogateescape")
    try:
        if output and output != "-":
            Path(output).write_bytes(raw)
        else:
            sys.stdout.flush()
            sys.stdout.buffer.write(raw)
            sys.stdout.buffer.flush()
    except (OSError, ValueError):
        pass


def internal_message(exc: BaseException) -> str:
    """One line for a bug of sportlint: what failed and where, to paste in a report."""
    where = ""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is not None:
        where = f" at {Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}"
    detail = str(exc)
    if len(detail) > 200:
        detail = detail[:197] + "..."
    name = type(exc).__name__
    return f"internal error ({name}{': ' + detail if detail else ''}{where}); please report it"
