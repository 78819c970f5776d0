"""Output formats: pure functions of the checked documents and their findings, one module
each, chosen by name. Each module has ``render(reports) -> str``."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

from ..document import Document
from ..model import Finding

FORMATS = ("text", "json", "github", "sarif", "html")


@dataclass
class FileReport:
    """One checked input: its document and findings (or why it could not be read)."""

    path: str
    doc: Document | None
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None


def get(name: str) -> Callable[[list[FileReport]], str]:
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r} (choose from {', '.join(FORMATS)})")
    module = importlib.import_module(f"{__name__}.{name}_format")
    render: Callable[[list[FileReport]], str] = module.render
    return render
