"""Output formats: pure functions of the checked documents and their findings, one module
each, chosen by name. Each module has ``render(reports) -> str``."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

from sportlint.engine.timeouts import RuleProblem
from sportlint.findings import Finding
from sportlint.rules import registry
from sportlint.rules.base import Rule
from sportlint.source.document import Document

FORMATS = ("text", "json", "github", "sarif", "html")


@dataclass
class FileReport:
    """One checked input: its document and findings (or why it could not be read), and
    the rules that could not finish on it (``problems``: their findings are missing; taken
    from the linter's result when not given)."""

    path: str
    doc: Document | None
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    problems: list[RuleProblem] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.problems:
            self.problems = list(getattr(self.findings, "problems", None) or [])

    @property
    def incomplete(self) -> bool:
        """Not read, or some rule did not finish: the check of this input is incomplete."""
        return bool(self.error or self.problems)


def get(name: str) -> Callable[[list[FileReport]], str]:
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r} (choose from {', '.join(FORMATS)})")
    module = importlib.import_module(f"{__name__}.{name}_format")
    render: Callable[[list[FileReport]], str] = module.render
    return render


def rule_class(rule_id: str) -> type[Rule] | None:
    """The rule behind a finding's id: the registered rule of that id, or of the nearest
    parent id for a rule that reports under ids of its own (``languagetool.X``), or of
    the newsroom's own rules (config ``rule_files``)."""
    rules = {**registry.loaded_user_rules(), **registry.all_rules()}
    parts = rule_id.split(".")
    for n in range(len(parts), 0, -1):
        cls = rules.get(".".join(parts[:n]))
        if cls is not None:
            return cls
    return None
