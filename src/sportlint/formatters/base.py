"""Output formats: pure functions of the checked documents and their findings, one module
each, chosen by name. Each module has ``render(reports) -> str``; the machine-readable
ones (json, sarif, github) also ``render_run_error(kind, message) -> str``: the document of
a run that stopped before checking anything (a usage, config or internal error), so that
a CI parser still reads one."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:     # the registry loads every rule: imported when a format asks for one
    from sportlint.findings import FileReport
    from sportlint.rules.base import Rule

FORMATS = ("text", "json", "jsonl", "github", "sarif", "html")


def get(name: str) -> Callable[[list[FileReport]], str]:
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r} (choose from {', '.join(FORMATS)})")
    module = importlib.import_module(f"sportlint.formatters.{name}_format")
    render: Callable[[list[FileReport]], str] = module.render
    return render


def rule_class(rule_id: str) -> type[Rule] | None:
    """The rule behind a finding's id: the registered rule of that id, or of the nearest
    parent id for a rule that reports under ids of its own (``languagetool.X``), or of
    the newsroom's own rules (config ``rule_files``)."""
    from sportlint.rules import registry

    rules = {**registry.loaded_user_rules(), **registry.all_rules()}
    parts = rule_id.split(".")
    for n in range(len(parts), 0, -1):
        cls = rules.get(".".join(parts[:n]))
        if cls is not None:
            return cls
    return None


def run_error(name: str, kind: str, message: str) -> str | None:
    """The ``name`` format's document for a run that stopped with an error of ``kind``
    (usage, config, internal); None for a format read by people (text, html), whose
    reader has the message on standard error."""
    if name not in FORMATS:
        return None
    module = importlib.import_module(f"sportlint.formatters.{name}_format")
    render: Callable[[str, str], str] | None = getattr(module, "render_run_error", None)
    return render(kind, message) if render is not None else None
