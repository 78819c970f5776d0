"""The one interface every rule has, whether written in Python or in YAML.

A rule is a class with an ``id`` (dotted: ``names.*``, ``scores.*``, ``quotes.*``,
``typography.*``, ``grammar.*``, ``spelling.*``, ``style.*``), a default severity, the
options it accepts (name -> default value), and ``check(ctx)`` yielding findings.
A code rule's class docstring is its documentation: the first line is the summary
that ``sportlint rules`` lists.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from sportlint.findings import Applicability, Edit, Finding, Fix, Severity

if TYPE_CHECKING:
    from sportlint.config.loader import Config
    from sportlint.segment.segmenter import Segmentation
    from sportlint.source.document import Document
    from sportlint.util.resources import Resources


@dataclass
class Context:
    """What a rule sees of one document."""

    doc: Document
    seg: Segmentation
    config: Config
    resources: Resources

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def style(self) -> Mapping[str, Any]:
        """House style (quotes, apostrophe, score format, numbers in words ...)."""
        return self.config.style


class Rule:
    """Base class of code rules and of the data-rule kinds."""

    id: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.WARNING
    #: off-by-default rules (house-style choices) run only when enabled in config
    default_enabled: ClassVar[bool] = True
    #: grammar and style rules skip quoted speech (a transcription); names, spelling and
    #: typography rules check it
    skip_quoted: ClassVar[bool] = False
    #: option name -> default value; config may set only these
    options: ClassVar[dict[str, Any]] = {}
    #: the rule's findings carry ids below its own (``languagetool.GR_10_001``); select,
    #: ignore and severity apply to each finding's id
    dynamic_ids: ClassVar[bool] = False

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        self.opts: dict[str, Any] = dict(self.options)
        for key, value in (options or {}).items():
            if key not in self.options:
                known = ", ".join(sorted(self.options)) or "none"
                raise KeyError(f"rule {self.id} has no option {key!r} (options: {known})")
            self.opts[key] = value

    # --- documentation -------------------------------------------------------------------
    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        return cls.documentation().split("\n", 1)[0].strip()

    # --- checking ------------------------------------------------------------------------
    def check(self, ctx: Context) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(self, start: int, end: int, message: str,
                suggestions: Sequence[str] = (), *,
                fix: Applicability | None = None,
                edits: Sequence[Edit] | None = None,
                severity: Severity | None = None) -> Finding:
        """Build a finding of this rule.

        With ``fix`` and no ``edits``, the fix replaces the span with the first suggestion.
        """
        the_fix = None
        if fix is not None:
            if edits is None:
                if not suggestions:
                    raise ValueError(f"{self.id}: a fix needs a suggestion or edits")
                edits = [Edit(start, end, suggestions[0])]
            the_fix = Fix(tuple(sorted(edits)), fix)
        return Finding(self.id, start, end, severity or self.severity, message,
                       tuple(suggestions), the_fix)


def iter_rule_classes(module: Any) -> Iterator[type[Rule]]:
    for obj in vars(module).values():
        if inspect.isclass(obj) and issubclass(obj, Rule) and obj.id and \
                obj.__module__ == module.__name__:
            yield obj
