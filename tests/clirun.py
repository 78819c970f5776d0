"""Run the command line in this process, as the CLI tests do."""

from __future__ import annotations

import pytest

from sportlint.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``sportlint ARGS...``: its exit code, standard output and standard error."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err
