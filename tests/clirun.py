"""Run the command line in this process, as the CLI tests do; and what the bad-input and
safe-write tests share (the two cheap rules they select, the --jobs values they try)."""

from __future__ import annotations

import json
import multiprocessing
import os

import pytest

from sportlint.cli.main import main

#: two cheap rules with safe fixes: a draft with "Il il" has one finding and one fix
BASIC = ["--select", "spelling.accents,spelling.repeated-word"]
#: every bad-input case runs in this process and with worker processes
JOBS = ["1", "2"]
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
HAS_FORK = "fork" in multiprocessing.get_all_start_methods()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``sportlint ARGS...``: its exit code, standard output and standard error."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def check_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict, str]:
    """``sportlint check`` with BASIC and JSON output: exit code, the parsed report, stderr."""
    code, out, err = run(capsys, "check", *BASIC, "--format", "json", *args)
    return code, json.loads(out), err
