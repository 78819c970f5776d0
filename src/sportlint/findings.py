"""Plain data passed between the pipeline steps: findings, fixes and edits, the rules that
could not finish on a text (`RuleProblem`), the findings of one lint (`Findings`), and the
report on one checked input (`FileReport`).

Offsets are absolute code-point offsets into the document's decoded text.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import IntEnum, StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sportlint.source.document import Document


class Severity(IntEnum):
    """How serious a finding is; comparable, so a fail level is a threshold."""

    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            choices = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {value!r} (choose from {choices})") from None


class Applicability(StrEnum):
    """Who may apply a fix: `--fix`, `--unsafe-fixes`, or nobody (shown only)."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    SUGGESTION = "suggestion"


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad edit span {self.start}..{self.end}")


@dataclass(frozen=True)
class Fix:
    """One or more edits that are applied together or not at all."""

    edits: tuple[Edit, ...]
    applicability: Applicability

    @property
    def start(self) -> int:
        return min(e.start for e in self.edits)

    @property
    def end(self) -> int:
        return max(e.end for e in self.edits)


@dataclass(frozen=True)
class Finding:
    """One problem found in one document.

    ``suggestions`` are replacement strings for ``text[start:end]``, best first.
    ``fix`` (optional) is what the fixer may apply, with its applicability.
    ``also`` names the other rules that reported the same slip, merged into this finding
    (engine/merge.py).
    """

    rule: str
    start: int
    end: int
    severity: Severity
    message: str
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    path: str | None = field(default=None, compare=False)
    also: tuple[str, ...] = ()

    def with_severity(self, severity: Severity) -> Finding:
        return replace(self, severity=severity)

    def with_path(self, path: str | None) -> Finding:
        return replace(self, path=path)


@dataclass(frozen=True)
class RuleProblem:
    """A rule that could not finish on one text: its findings there are missing."""

    rule: str
    message: str
    path: str | None = None

    def describe(self) -> str:
        """``rule RULE stopped: ...`` (the CLI puts ``sportlint: PATH:`` in front)."""
        return f"rule {self.rule} stopped: {self.message}"


class Findings(list[Finding]):
    """The findings of one lint, and the rules that could not finish (``problems``).

    A plain list for every caller that only wants findings."""

    problems: list[RuleProblem]

    def __init__(self, findings: list[Finding] | None = None,
                 problems: list[RuleProblem] | None = None) -> None:
        super().__init__(findings or [])
        self.problems = list(problems or [])


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
