"""`sportlint init`: a commented starter `.sportlint.yaml`.

Written from the table of config keys (``sportlint.config.schema``): every key marked for
the starter, at its default, with its help as the comment, so a key added there appears
here too; the file loads to exactly the defaults until the newsroom edits it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from sportlint.config import schema

HEAD = """\
# sportlint configuration (see docs/configuration.md).
# It extends the shipped default profile: set only what your newsroom does differently.
# Rules are chosen by rule-id prefix (names, scores, quotes, typography, grammar,
# spelling, style, or a full id such as spelling.accents); `sportlint rules` lists them.
"""


def _yaml(value: Any) -> str:
    """A default as YAML: JSON's notation, but a string holding double quotes in single ones."""
    if isinstance(value, str) and re.fullmatch(r"[a-z][a-z_-]*", value) and \
            value not in ("yes", "no", "on", "off", "true", "false", "null", "y", "n"):
        return value
    if isinstance(value, str) and '"' in value and "'" not in value:
        return f"'{value}'"
    return json.dumps(value, ensure_ascii=False)


def _choices(key: schema.Key) -> str:
    shown = [_yaml(c) for c in key.choices or ()]
    return ", ".join(shown[:-1]) + " or " + shown[-1] if len(shown) > 1 else "".join(shown)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "...")) else ".")


def _top(key: schema.Key) -> str:
    help_line = _sentence(key.help)
    if key.choices:
        help_line = help_line[:-1] + f": {_choices(key)}."
    line = f"{key.name}: {_yaml(key.default)}"
    if key.example:
        line = f"{line:<21} # e.g. {key.example}"
    import textwrap

    comment = textwrap.wrap(help_line, 88, initial_indent="# ", subsequent_indent="# ")
    return "\n".join([*comment, line]) + "\n"


def _section(section: schema.Key) -> str:
    out = [f"# {_sentence(section.help)}", f"{section.name}:"]
    for key in schema.section_keys(section.name):
        if not key.starter:
            continue
        comment = key.help
        if key.choices:
            comment += f": {_choices(key)}"
        if key.example:
            comment += f"; e.g. {key.example}"
        out.append(f"{'  ' + key.leaf + ': ' + _yaml(key.default):<23} # {comment}")
    return "\n".join(out) + "\n"


def starter_config() -> str:
    parts = [HEAD]
    for key in schema.top_keys():
        if key.starter:
            parts.append(_section(key) if key.kind == "section" else _top(key))
    return "\n".join(parts)
