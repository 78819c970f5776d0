"""What every data-rule kind shares: reading the common keys of a YAML rule file."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from sportlint.findings import Applicability, Severity
from sportlint.rules.base import Option, Rule
from sportlint.rules.kinds.keys import Shape, check


class DataRule(Rule):
    """A rule defined by a YAML file (see the kind's documentation)."""

    spec: ClassVar[dict[str, Any]] = {}
    source: ClassVar[Path | None] = None
    #: the keys of a rule file of each kind this engine runs (see `sportlint.rules.kinds.keys`)
    shapes: ClassVar[dict[str, Shape]] = {}

    @classmethod
    def from_spec(cls, spec: dict[str, Any], path: Path) -> type[DataRule]:
        kind = spec.get("kind")
        shape = cls.shapes.get(kind) if isinstance(kind, str) else None
        if shape is None:
            raise ValueError(f"kind {kind!r}: {cls.__name__} runs {', '.join(cls.shapes)}")
        check(spec, shape)
        summary = str(spec.get("summary", "")).strip()
        doc = summary + "\n\n" + str(spec.get("doc", "")).strip()
        attrs: dict[str, Any] = {
            "id": str(spec["id"]),
            "severity": Severity.parse(str(spec.get("severity", "warning"))),
            "skip_quoted": bool(spec.get("skip_quoted", False)),
            "default_enabled": bool(spec.get("default_enabled", True)),
            "options": cls.declared_options(spec.get("options")),
            "spec": spec,
            "source": path,
            "__doc__": doc,
            "__module__": cls.__module__,
        }
        new: type[DataRule] = type(cls.__name__ + "_" + attrs["id"].replace(".", "_").replace("-", "_"),
                    (cls,), attrs)
        new.prepare()
        return new

    @staticmethod
    def declared_options(value: Any) -> dict[str, Option]:
        """A rule file's ``options``: name -> default, each typed after its default."""
        if value is None:
            return {}
        if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
            raise ValueError("'options' must be a mapping of option names to default values")
        return {name: Option.like(default, "declared by the rule file")
                for name, default in value.items()}

    @classmethod
    def prepare(cls) -> None:
        """Compile what the kind needs from ``cls.spec`` (raise ValueError when wrong)."""

    @classmethod
    def cases(cls) -> list[dict[str, Any]]:
        """The rule's test cases: its own ``cases`` and each entry's ``examples``."""
        out = list(cls.spec.get("cases") or [])
        for entry in cls.spec.get("entries") or []:
            if isinstance(entry, dict):
                out.extend(entry.get("examples") or [])
        return out

    @staticmethod
    def check_message(message: str) -> str:
        """A message template may name only ``{found}`` and ``{right}`` (a user rule's
        typo is an error when the rule loads, not a traceback on the first match)."""
        try:
            message.format(found="", right="")
        except (KeyError, IndexError, ValueError) as exc:
            raise ValueError(f"bad message {message!r}: use only {{found}} and {{right}} "
                             f"({type(exc).__name__}: {exc})") from None
        return message

    @staticmethod
    def applicability(value: Any, default: str = "safe") -> Applicability | None:
        value = default if value is None else value
        if value in (False, "none", "no"):
            return None
        try:
            return Applicability(str(value))
        except ValueError:
            raise ValueError(f"fix {value!r}: use safe, unsafe, suggestion or none") from None
