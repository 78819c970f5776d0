"""The configuration keys, in one table: name, type, choices, default and a one-line help.

The loader (loader.py) validates a config against it, `sportlint init` (cli/starter.py)
writes its starter from it, and ``markdown_table()`` renders it for the docs. The shipped
default profile (default.yaml) holds the keys marked ``in_profile``, with the same
defaults (a test keeps the two in step); the other keys' defaults are applied by the code
that reads them (``Config``'s fields, the LanguageTool client).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sportlint.findings import Severity

#: how deeply a config's values may nest (a real one nests three levels: rules.ID.option)
MAX_DEPTH = 16

#: what each kind of key holds, as ``sportlint`` shows its type
KINDS: dict[str, str] = {
    "bool": "bool",
    "count": "int",             # a whole number, 0 or more
    "seconds": "float",         # a number of seconds above 0
    "str": "str",
    "choice": "str",            # one of ``choices``
    "extends": "str",           # "default" or a config file's path
    "severity": "str",          # error, warning or suggestion
    "prefixes": "list[str]",    # rule-id prefixes (a single string is one prefix)
    "paths": "list[str]",
    "ids": "list[str]",         # LanguageTool rule ids
    "names": "list[str]",       # names, each a non-empty string
    "name_map": "mapping[str, str]",  # a name -> the name to write instead (non-empty strings)
    "severity_map": "mapping[str, str]",    # rule-id prefix -> severity
    "rule_options": "mapping[str, mapping]",  # rule id -> its options
    "section": "mapping",       # a table of the keys named "<section>.<key>"
}

SEVERITIES = tuple(s.label for s in Severity)


@dataclass(frozen=True)
class Key:
    """One configuration key (``fail_level``, ``style.quotes``)."""

    name: str
    kind: str
    default: Any
    help: str
    choices: tuple[Any, ...] | None = None
    nullable: bool = False
    #: written in the shipped default profile (default.yaml)
    in_profile: bool = True
    #: written by `sportlint init`, with this example in its comment
    starter: bool = True
    example: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.name}: unknown kind {self.kind!r}")

    @property
    def section(self) -> str | None:
        return self.name.split(".", 1)[0] if "." in self.name else None

    @property
    def leaf(self) -> str:
        return self.name.rsplit(".", 1)[-1]

    @property
    def type_name(self) -> str:
        name = KINDS[self.kind]
        return f"{name} | null" if self.nullable else name

    def default_yaml(self) -> str:
        """The default in YAML (JSON's notation, which YAML reads): ``"«»"``, ``[]``, ``1.0``."""
        import json

        return json.dumps(self.default, ensure_ascii=False)


KEYS: tuple[Key, ...] = (
    Key("extends", "extends", "default",
        "the profile this file extends: default (the shipped one) or another config file",
        in_profile=False),
    Key("fail_level", "severity", "warning",
        "lowest severity that makes `sportlint check` exit with 1", choices=SEVERITIES),
    Key("enable", "prefixes", [], "turn on rules that are off by default (rule-id prefixes)",
        example="[style]"),
    Key("disable", "prefixes", [], "turn rules off (rule-id prefixes)",
        example="[typography.mixed-ellipsis]"),
    Key("select", "prefixes", None,
        "check only these rules (rule-id prefixes; null: the rules enabled by default)",
        nullable=True, in_profile=False, starter=False),
    Key("ignore", "prefixes", [], "a synonym of disable", in_profile=False, starter=False),
    Key("severity", "severity_map", {},
        "change a rule's severity: rule-id prefix -> error, warning or suggestion "
        "(the longest prefix wins)", example="{style: suggestion}"),
    Key("rules", "rule_options", {},
        "options of single rules: rule id -> {option: value}; `sportlint rules RULE` lists them",
        example="{scores.format: {strict: true}}"),
    Key("report_unused_suppressions", "bool", False,
        "report <!-- sportlint-disable ... --> comments that hide nothing", in_profile=False),
    Key("rule_files", "paths", [],
        "the newsroom's own YAML rules: files, or folders of *.yaml (relative to the config file)",
        in_profile=False, example="[house-rules/]"),
    Key("exclude", "paths", [],
        "files and folders that checking a folder leaves out: patterns as in .gitignore, "
        "relative to this file's folder", in_profile=False, example="[archivio/, \"*.bozza.md\"]"),
    Key("front_matter_keys", "names", ["title", "subtitle", "summary", "description"],
        "the fields of a draft's YAML front matter whose values are checked as prose",
        in_profile=False, example="[title, summary, occhiello]"),
    Key("respect_gitignore", "bool", True,
        "leave out what git ignores (.gitignore, .git/info/exclude) when walking a folder",
        in_profile=False),
    Key("cache", "bool", True,
        "keep each file's findings in the result cache, so that an unchanged file is not "
        "checked again (--no-cache turns it off for a run)", in_profile=False),
    Key("regex_timeout", "seconds", 1.0,
        "seconds a YAML rule's regular expression may take on a text; a rule that takes "
        "longer is reported and skipped on that file", in_profile=False),
    Key("rule_timeout", "seconds", 10.0,
        "seconds a code rule may take on a text of up to a million characters (more in "
        "proportion); a rule that takes longer is reported and skipped on that file",
        in_profile=False),
    Key("max_file_size", "count", 10_000_000,
        "the largest draft read, in bytes (0: no limit); a larger file is an error naming it",
        in_profile=False),
    Key("max_findings_per_rule", "count", 1000,
        "findings of one rule shown per file (0: no limit); one note says there are more",
        in_profile=False),
    Key("max_findings", "count", 5000,
        "findings shown per file (0: no limit); one note counts the rest", in_profile=False),
    Key("style", "section", None, "house style: the rules check the copy against these choices"),
    Key("style.quotes", "choice", "«»", "preferred quotation marks",
        choices=("«»", "“”", '""')),
    Key("style.apostrophe", "choice", "'",
        "straight or typographic; mixed use is flagged either way", choices=("'", "’")),
    Key("style.score_format", "choice", "-", "scores written 2-1, 2–1 or 2 a 1",
        choices=("-", "–", " a ")),
    Key("style.numbers_in_words", "count", 0,
        "write counts up to this number in words (0: no preference)"),
    Key("style.ellipsis", "choice", "...", "three dots or the single character",
        choices=("...", "…")),
    Key("style.ordinal", "choice", "º",
        "the masculine ordinal indicator: 12º (the indicator) or 12° (the degree sign)",
        choices=("º", "°")),
    Key("style.thousands", "choice", ".",
        "the thousands separator of numbers: 10.000 or 10 000 (a space that does not break)",
        choices=(".", " ")),
    Key("style.institution_capitals", "bool", True,
        "institutions keep their capital (lo Stato, la Nazionale, il Comune); false: "
        "style.common-noun-case suggests the lower case for them too"),
    Key("names", "section", None,
        "the newsroom's own names: never flagged (accept), or always corrected (reject)"),
    Key("names.accept", "names", [], "extra names that are never flagged (a local club's players ...)",
        example="[Gianmarco Locatelli]"),
    Key("names.reject", "name_map", {}, "forbidden form -> correct form",
        example="{Sampdoria Genova: Sampdoria}"),
    Key("names.files", "paths", [],
        "the newsroom's names files (written by `sportlint names learn`; relative to the "
        "config file): their names are known names", in_profile=False,
        example="[names/redazione.yaml]"),
    Key("languagetool", "section", None, "an optional LanguageTool server for the grammar checks"),
    Key("languagetool.url", "str", None,
        "a LanguageTool server the newsroom runs, e.g. http://localhost:8081", nullable=True),
    Key("languagetool.timeout", "seconds", 10.0, "seconds to wait for the server's answer",
        nullable=True, in_profile=False, starter=False),
    Key("languagetool.language", "str", "it", "the language the server checks",
        nullable=True, in_profile=False, starter=False),
    Key("languagetool.level", "str", "default", "default, or picky for the server's stricter checks",
        nullable=True, in_profile=False, starter=False),
    Key("languagetool.disabled_rules", "ids", [], "LanguageTool rule ids not to report",
        in_profile=False, starter=False),
    Key("languagetool.enabled_rules", "ids", [], "LanguageTool rule ids to turn on",
        in_profile=False, starter=False),
)

_BY_NAME = {k.name: k for k in KEYS}


def key(name: str) -> Key:
    """The key named ``name`` (``fail_level``, ``style.quotes``); KeyError if none."""
    return _BY_NAME[name]


def top_keys() -> tuple[Key, ...]:
    return tuple(k for k in KEYS if k.section is None)


def section_keys(section: str) -> tuple[Key, ...]:
    return tuple(k for k in KEYS if k.section == section)


def sections() -> tuple[str, ...]:
    return tuple(k.name for k in KEYS if k.kind == "section")


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _code(value: Any) -> str:
    import json

    return f"`{json.dumps(value, ensure_ascii=False)}`"


def markdown_table() -> str:
    """The keys as a Markdown table: key, type (and choices), default, what it does."""
    lines = ["| Key | Type | Default | What it does |", "| --- | --- | --- | --- |"]
    for k in KEYS:
        kind = f"`{k.type_name}`"
        if k.choices:
            kind += ": " + ", ".join(_code(c) for c in k.choices)
        default = "" if k.kind == "section" else _code(k.default)
        lines.append(f"| `{k.name}` | {_cell(kind)} | {_cell(default)} | {_cell(k.help)} |")
    return "\n".join(lines) + "\n"
