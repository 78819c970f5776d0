"""Where the shipped rule data lives: inside the installed package, or in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def data_dir() -> Path:
    """The directory of YAML rules and data files (``rules/`` in the repository)."""
    installed = Path(__file__).parent / "_rules"
    if installed.is_dir():
        return installed
    checkout = Path(__file__).resolve().parents[2] / "rules"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("sportlint's rules directory is missing from the installation")
