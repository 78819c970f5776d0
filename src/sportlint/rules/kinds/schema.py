"""The JSON Schema of a data-rule file, built from the kinds' shapes (`keys`), shipped as
``rule-file.schema.json`` beside this module for editors. ``python -m
sportlint.rules.kinds.schema`` prints the file's path; with ``--write`` it rewrites the file
from the shapes (a test keeps the two in step)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sportlint.rules.kinds.keys import Shape
from sportlint.rules.kinds.table import KINDS

PATH = Path(__file__).with_name("rule-file.schema.json")


def rule_file_schema() -> dict[str, Any]:
    """One ``if kind is X then X's shape`` branch per kind (draft-07, which editors' YAML
    support reads)."""
    rules: dict[str, Shape] = {kind: KINDS[kind].shapes[kind] for kind in sorted(KINDS)}
    definitions: dict[str, Any] = {}
    for shape in rules.values():
        for sub in shape.shapes().values():
            definitions[sub.id] = sub.json_schema()
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "sportlint rule file",
        "description": "A rule written as data (rules/<family>/<name>.yaml, or a newsroom's "
                       "own in the config key rule_files). Generated from "
                       "sportlint.rules.kinds: the keys and types sportlint checks when the "
                       "rule loads; sportlint also compiles its regular expressions and "
                       "messages then.",
        "type": "object",
        "required": ["id", "kind"],
        "properties": {"kind": {"description": "The engine that runs the rule.",
                                "enum": list(rules)}},
        "allOf": [{"if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                   "then": {"$ref": f"#/definitions/{kind}"}} for kind in rules],
        "definitions": dict(sorted(definitions.items())),
    }


def render() -> str:
    return json.dumps(rule_file_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["--write"]:
        PATH.write_text(render(), encoding="utf-8")
    elif sys.argv[1:]:
        sys.exit("usage: python -m sportlint.rules.kinds.schema [--write]")
    print(PATH)
