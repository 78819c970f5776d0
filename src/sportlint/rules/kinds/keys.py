"""The keys a data-rule file may hold, kind by kind, and their checks (like Vale's rule
kinds, which are structs that reject unknown keys).

Each kind declares a `Shape` for its file (the top level) and one for each kind of item
(an entry of ``entries``, a pattern of ``patterns``, a case of ``cases``/``examples``): the
keys it reads, the type of each, which are required. `check` raises ValueError for the first
thing wrong, saying where (``entries[3]``), the key, and what that place takes; the same
shapes give the JSON Schema shipped for editors (`json_schema`, see
``rule-file.schema.json``), so the two cannot drift apart. Only the shape is checked here:
what the engine checks when it compiles the rule (a regex that does not compile, a message
naming an unknown field, a form listed twice) stays with the engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: the type names a key may have, and how an error message says them
TYPES = {"string": "a string", "boolean": "true or false", "mapping": "a mapping",
         "list": "a list"}
_JSON = {"string": "string", "boolean": "boolean", "mapping": "object", "list": "array"}


@dataclass(frozen=True)
class Key:
    """One key: its types (``string``, ``boolean``, ``mapping``, ``list``), whether it is
    required, the values allowed (``choices``), a list's items (type names or shapes)."""

    types: tuple[str, ...]
    help: str = ""
    required: bool = False
    choices: tuple[Any, ...] = ()
    items: tuple[str | Shape, ...] = ()
    min_items: int = 0
    nonblank: bool = False
    #: string choices match in any case, with spaces around (``severity: Warning``)
    any_case: bool = False
    #: for the checks: the Python types of the value, of a list's plain items, its items' shape
    python_types: tuple[type, ...] = field(init=False, repr=False, compare=False)
    item_types: tuple[tuple[type, ...], Shape | None] = field(init=False, repr=False,
                                                             compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "python_types", tuple(_PY[t] for t in self.types))
        shapes = [s for s in self.items if isinstance(s, Shape)]
        object.__setattr__(self, "item_types", (
            tuple(_PY[t] for t in self.items if isinstance(t, str)),
            shapes[0] if shapes else None))

    def json_schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"description": self.help} if self.help else {}
        if self.choices and self.any_case:
            # JSON Schema has no case-insensitive enum: a pattern that spells each letter
            letters = ("|".join("".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c
                                        for c in choice) for choice in self.choices))
            out["type"] = "string"
            out["pattern"] = rf"^\s*(?:{letters})\s*$"
            return out
        if self.choices:
            out["enum"] = list(self.choices)
            return out
        types = [_JSON[t] for t in self.types]
        out["type"] = types[0] if len(types) == 1 else types
        if self.nonblank:
            out["pattern"] = r"\S"
        if self.items:
            alternatives = [item.ref() if isinstance(item, Shape) else {"type": _JSON[item]}
                            for item in self.items]
            out["items"] = alternatives[0] if len(alternatives) == 1 else {"anyOf": alternatives}
        if self.min_items:
            out["minItems"] = self.min_items
        return out


@dataclass(frozen=True)
class Shape:
    """A mapping: the keys it takes; ``needs`` a key read only together with another;
    ``one_of`` keys of which exactly one must be given; ``label`` keys whose value names
    an item in messages; ``help`` its description in the schema."""

    id: str
    name: str
    keys: dict[str, Key]
    needs: dict[str, str] = field(default_factory=dict)
    one_of: tuple[str, ...] = ()
    label: tuple[str, ...] = ()
    help: str = ""
    required: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "required",
                           tuple(name for name, key in self.keys.items() if key.required))

    def ref(self) -> dict[str, str]:
        return {"$ref": f"#/definitions/{self.id}"}

    def shapes(self) -> dict[str, Shape]:
        """This shape and every shape below it, by id."""
        found = {self.id: self}
        for key in self.keys.values():
            for item in key.items:
                if isinstance(item, Shape):
                    found.update(item.shapes())
        return found

    def json_schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "description": self.help or self.name[0].upper() + self.name[1:] + ".",
            "type": "object",
            "additionalProperties": False,
            "properties": {name: key.json_schema() for name, key in self.keys.items()},
        }
        if self.required:
            out["required"] = list(self.required)
        if self.needs:
            out["dependencies"] = {key: [other] for key, other in self.needs.items()}
        if self.one_of:
            out["oneOf"] = [{"required": [key]} for key in self.one_of]
        return out


def type_of(value: Any) -> str:
    """How an error message names the type of a YAML value."""
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return "a boolean"
    for name, kind in (("string", str), ("mapping", dict), ("list", list)):
        if isinstance(value, kind):
            return TYPES[name]
    if isinstance(value, int | float):
        return "a number"
    return f"a {type(value).__name__}"   # a date: YAML reads 2024-05-01 as one


_PY: dict[str, type] = {"string": str, "boolean": bool, "mapping": dict, "list": list}


def _short(value: Any) -> str:
    text = "[" + ", ".join(map(str, value)) + "]" if isinstance(value, list) else repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _say(value: Any) -> str:
    return "false" if value is False else "true" if value is True else str(value)


class _Wrong(Exception):
    """A problem with the mapping being checked (`check` says where)."""


def check(data: dict[str, Any], shape: Shape, where: str = "") -> None:
    """Raise ValueError for the first key of ``data`` (and of its items, depth first) that
    ``shape`` does not take, is missing, or has the wrong type or value."""
    try:
        _check(data, shape, where)
    except _Wrong as wrong:
        label = next((f"{k} {_short(data[k])}" for k in shape.label
                      if isinstance(data.get(k), str | list)), "")
        at = f"{where} ({label}): " if where and label else f"{where}: " if where else ""
        raise ValueError(at + str(wrong)) from None


def _check(data: dict[str, Any], shape: Shape, where: str) -> None:
    known = shape.keys
    unknown = [k for k in data if k not in known]
    if unknown:
        hint = ""
        if len(unknown) == 1 and isinstance(unknown[0], str):
            import difflib

            close = difflib.get_close_matches(unknown[0], known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
        said = ", ".join(repr(k) for k in unknown)
        raise _Wrong(f"unknown key{'s' if len(unknown) > 1 else ''} {said}{hint}; "
                     f"{shape.name} takes {', '.join(sorted(known))}")
    for name in shape.required:
        if name not in data:
            raise _Wrong(f"missing key {name!r} (required in {shape.name})")
    for name, value in data.items():
        _check_value(value, known[name], name, where)
    for name, other in shape.needs.items():
        if name in data and other not in data:
            raise _Wrong(f"key {name!r} is read only together with {other!r}, which is missing")
    if shape.one_of and sum(k in data for k in shape.one_of) != 1:
        keys = " or ".join(repr(k) for k in shape.one_of)
        raise _Wrong(f"{shape.name} takes either {keys}, exactly one of them")


def _check_value(value: Any, key: Key, name: str, where: str) -> None:
    if key.choices:
        folded = value.strip().lower() if key.any_case and isinstance(value, str) else value
        if not any(type(folded) is type(c) and folded == c for c in key.choices):
            choices = ", ".join(_say(c) for c in key.choices)
            shown = (_say(value) if isinstance(value, bool) else repr(value)
                     if isinstance(value, str) else type_of(value))
            raise _Wrong(f"key {name!r} must be one of {choices}; not {shown}")
        return
    if not isinstance(value, key.python_types):
        wanted = " or ".join(TYPES[t] for t in key.types)
        raise _Wrong(f"key {name!r} must be {wanted}, not {type_of(value)}")
    if key.nonblank and not str(value).strip():
        raise _Wrong(f"key {name!r} must not be blank")
    if not isinstance(value, list):
        return
    if len(value) < key.min_items:
        raise _Wrong(f"key {name!r} needs at least {key.min_items} "
                     f"item{'s' if key.min_items > 1 else ''}, not {len(value)}")
    scalars, shape = key.item_types
    for i, item in enumerate(value):
        if isinstance(item, scalars):
            continue
        if shape is not None and isinstance(item, dict):
            check(item, shape, f"{where}.{name}[{i}]" if where else f"{name}[{i}]")
            continue
        wanted = " or ".join(TYPES["mapping"] if isinstance(t, Shape) else TYPES[t]
                             for t in key.items)
        raise _Wrong(f"{name}[{i}] must be {wanted}, not {type_of(item)}")


# --- what every kind shares -------------------------------------------------------------

FIX = ("safe", "unsafe", "suggestion", "none", "no", False)

SPAN = Shape("span", "a flagged text picked out by its context", {
    "text": Key(("string",), "The exact text the finding covers.", required=True),
    "after": Key(("string",), "Text just before it (picks one of several occurrences)."),
    "before": Key(("string",), "Text just after it (picks one of several occurrences)."),
    "rule": Key(("string",), "The finding's rule id, when it is not the case's rule."),
}, label=("text",))

CASE = Shape("case", "a test case", {
    "fail": Key(("string",), "A text the rule must flag."),
    "pass": Key(("string",), "A text the rule must leave alone."),
    "fix": Key(("string",), "The text once fixed by this rule (unsafe fixes included); "
               "without it, fixing leaves the text unchanged."),
    "suggest": Key(("string",), "The first suggestion of the first finding."),
    "config": Key(("mapping",), "A configuration, as in .sportlint.yaml, to run the case with."),
    "path": Key(("string",), "The file name the text is checked as (e.g. x.md)."),
    "span": Key(("string", "list"), "What the rule must flag in the failing text: the exact "
                "text of its finding, or a list of them in text order (a mapping {text, after, "
                "before} where the text recurs).", items=("string", SPAN)),
}, needs={"fix": "fail", "suggest": "fail", "span": "fail"}, one_of=("fail", "pass"), label=("fail", "pass"))

EXAMPLES = Key(("list",), "Test cases of this item (as in `cases`).", items=(CASE,))


def fix_key(default: str) -> Key:
    """The key ``fix``, whose default is ``default`` (words for the schema)."""
    return Key(("string", "boolean"), "Who may apply the fix: safe (--fix), unsafe "
               "(--unsafe-fixes), suggestion (shown only) or none/false (nobody); "
               f"default {default}.", choices=FIX)


def rule_shape(kind: str, help: str, keys: dict[str, Key]) -> Shape:
    """The top level of a rule file of ``kind``: the keys all kinds share, and ``keys``."""
    common = {
        "id": Key(("string",), "The rule id, <family>.<name>.", required=True),
        "kind": Key(("string",), "The engine that runs the rule.", required=True,
                    choices=(kind,)),
        "summary": Key(("string",), "What the rule catches, in one line.", required=True,
                       nonblank=True),
        "doc": Key(("string",), "The rule's documentation, after the summary."),
        "severity": Key(("string",), "The findings' severity (default warning; any case).",
                        choices=("error", "warning", "suggestion"), any_case=True),
        "message": Key(("string",), "The finding's message; it may name {found} and {right}."),
        "skip_quoted": Key(("boolean",), "Leave quoted speech alone (default false)."),
        "default_enabled": Key(("boolean",), "Run without being selected (default true)."),
        "options": Key(("mapping",), "The rule's options and their defaults."),
        "cases": Key(("list",), "The rule's test cases.", items=(CASE,)),
    }
    article = "an" if kind[:1] in "aeiou" else "a"
    return Shape(kind, f"{article} {kind} rule", {**common, **keys}, help=f"kind {kind}: {help}")
