"""The exit codes of every sportlint command, in one place (docs/cli.md tables them).

A CI step that accepts findings (``sportlint check ... || [ $? -eq 1 ]``) must never take
a failure for findings: an internal error (a bug in sportlint) exits with 3, never with 1,
and prints one line (the traceback only with ``--debug``).
"""

from __future__ import annotations

from enum import IntEnum

INTERRUPTED = 130    # Ctrl-C, as shells report it (128 + SIGINT)


class ExitCode(IntEnum):
    OK = 0           # nothing at or above the fail level
    FINDINGS = 1     # findings at or above the fail level
    ERROR = 2        # usage, configuration or input error; a check left incomplete
    INTERNAL = 3     # a bug in sportlint itself (please report it)

#: set by ``--debug`` (and inherited by --jobs workers): show tracebacks of internal errors
DEBUG_ENV = "SPORTLINT_DEBUG"
