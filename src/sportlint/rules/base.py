"""The one interface every rule has, whether written in Python or in YAML.

A rule is a class with an ``id`` (dotted: ``names.*``, ``scores.*``, ``quotes.*``,
``typography.*``, ``grammar.*``, ``spelling.*``, ``style.*``), a default severity, the
options it accepts (name -> ``Option``: default, type, one-line help; a config's value of
the wrong type is an error when the config loads), and ``check(ctx)`` yielding findings.
A code rule's class docstring is its documentation: the first line is the summary
that ``sportlint rules`` lists.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from sportlint.findings import Applicability, Edit, Finding, Fix, Severity
from sportlint.util.values import shown

if TYPE_CHECKING:
    from sportlint.config.loader import Config
    from sportlint.italian.resources import Resources
    from sportlint.segment.segmenter import Segmentation
    from sportlint.source.document import Document


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


#: the option types: what a config may give, as a phrase for the error messages
OPTION_KINDS: dict[str, str] = {
    "bool": "true or false",
    "int": "a whole number",
    "float": "a number",
    "str": "a string",
    "list[str]": "a list of strings",
    "str | list[str]": "a string or a list of strings",
    "list[dict]": "a list of mappings",
    "any": "any value",
}


class OptionError(ValueError):
    """A value of the wrong type for a rule option."""

    def __init__(self, option: str, problem: str) -> None:
        super().__init__(f"option {option!r}: {problem}")
        self.option = option
        self.problem = problem


@dataclass(frozen=True)
class Option:
    """One option of a rule: its default, its type (a key of ``OPTION_KINDS``), a one-line
    help, and optionally the strings it may be (``choices``), whether ``null`` is allowed,
    and a ``check`` of a well-typed value (returns what is wrong, or None).

    An int is accepted for a float; a bool is never a number (``true`` is not 1), and a
    string is never a bool (``"yes"``)."""

    default: Any
    kind: str
    help: str
    choices: tuple[str, ...] | None = None
    nullable: bool = False
    check: Callable[[Any], str | None] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.kind not in OPTION_KINDS:
            raise ValueError(f"unknown option kind {self.kind!r} (kinds: {', '.join(OPTION_KINDS)})")
        if self.choices is not None and self.kind != "str":
            raise ValueError("only a str option has choices")

    @classmethod
    def like(cls, default: Any, help: str = "") -> Option:
        """An option typed after its default (a YAML rule file declares only defaults)."""
        if isinstance(default, bool):
            kind = "bool"
        elif isinstance(default, int):
            kind = "int"
        elif isinstance(default, float):
            kind = "float"
        elif isinstance(default, str):
            kind = "str"
        elif isinstance(default, list) and all(isinstance(v, str) for v in default):
            kind = "list[str]"
        else:
            kind = "any"
        return cls(default, kind, help)

    @property
    def type_name(self) -> str:
        """The type as ``sportlint rules ID`` shows it: ``float``, ``"majority" | "style"``."""
        import json

        name = " | ".join(json.dumps(c, ensure_ascii=False) for c in self.choices) \
            if self.choices else self.kind
        return f"{name} | null" if self.nullable else name

    def expected(self) -> str:
        """The type as a phrase: ``a number``, ``one of 'majority', 'style'``."""
        phrase = f"one of {', '.join(repr(c) for c in self.choices)}" if self.choices \
            else OPTION_KINDS[self.kind]
        return f"{phrase} or null" if self.nullable else phrase

    def problem(self, value: Any) -> str | None:
        """What is wrong with ``value`` for this option (None: nothing)."""
        if value is None:
            return None if self.nullable or self.kind == "any" else \
                f"expected {self.expected()}, got null"
        wrong = f"expected {self.expected()}, got {shown(value)}"
        kind = self.kind
        if kind == "bool":
            ok = isinstance(value, bool)
        elif kind == "int":
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif kind == "float":
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            if ok and math.isnan(value):        # .nan compares with nothing: no limit at all
                return "expected a number, got .nan"
        elif kind == "str":
            ok = isinstance(value, str)
            if ok and self.choices is not None and value not in self.choices:
                return wrong
        elif kind in ("list[str]", "str | list[str]", "list[dict]"):
            if kind == "str | list[str]" and isinstance(value, str):
                ok = True
            elif not isinstance(value, list):
                ok = False
            else:
                item_type = dict if kind == "list[dict]" else str
                for n, item in enumerate(value, 1):
                    if not isinstance(item, item_type):
                        return f"expected {self.expected()}, item {n} is {shown(item)}"
                ok = True
        else:
            ok = True
        if not ok:
            return wrong
        return self.check(value) if self.check is not None else None

    def default_text(self) -> str:
        """The default as YAML (JSON's notation, which YAML reads): ``1.5``, ``["ad hoc"]``."""
        import json

        return json.dumps(self.default, ensure_ascii=False)


class Rule:
    """Base class of code rules and of the data-rule kinds."""

    id: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.WARNING
    #: off-by-default rules (house-style choices) run only when enabled in config
    default_enabled: ClassVar[bool] = True
    #: grammar and style rules skip quoted speech (a transcription); names, spelling and
    #: typography rules check it
    skip_quoted: ClassVar[bool] = False
    #: option name -> its declaration (default, type, help); config may set only these
    options: ClassVar[dict[str, Option]] = {}
    #: the rule's findings carry ids below its own (``languagetool.GR_10_001``); select,
    #: ignore and severity apply to each finding's id
    dynamic_ids: ClassVar[bool] = False
    #: the rule's safe fixes may change a capitalised word inside a sentence, which it has
    #: checked is not a name (engine/guard.py downgrades every other rule's such fix)
    fixes_names: ClassVar[bool] = False
    #: the rule suspects any word of a class (an unknown word) rather than a known slip:
    #: on a span another rule reports too, the other's finding wins (engine/merge.py)
    generic: ClassVar[bool] = False

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        """Raises KeyError for an option the rule does not have, OptionError for a value of
        the wrong type (the config's loading reports both first, naming the file)."""
        self.opts: dict[str, Any] = {key: o.default for key, o in self.options.items()}
        given = options or {}
        self.check_options(given)
        self.opts.update(given)

    @classmethod
    def check_options(cls, options: Mapping[str, Any]) -> None:
        """Raise KeyError for an unknown option, OptionError for a value of the wrong type."""
        for key, value in options.items():
            if key not in cls.options:
                known = ", ".join(sorted(cls.options)) or "none"
                raise KeyError(f"rule {cls.id} has no option {key!r} (options: {known})")
            problem = cls.options[key].problem(value)
            if problem is not None:
                raise OptionError(key, problem)

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
