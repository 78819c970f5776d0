"""The exit codes of every sportlint command, in one place."""

from __future__ import annotations

from enum import IntEnum

INTERRUPTED = 130    # Ctrl-C, as shells report it (128 + SIGINT)


class ExitCode(IntEnum):
    OK = 0           # nothing at or above the fail level
    FINDINGS = 1     # findings at or above the fail level
    ERROR = 2        # usage, configuration or input error
