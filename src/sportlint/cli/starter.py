"""`sportlint init`: a commented starter `.sportlint.yaml`.

The house-style and names sections are copied, comments and all, from the shipped default
profile (``src/sportlint/config/default.yaml``), so a style option added there appears here too;
the file loads to exactly the defaults until the newsroom edits it.
"""

from __future__ import annotations

from sportlint.config.loader import DEFAULT_PROFILE

HEAD = """\
# sportlint configuration (see the README, "Configuration").
# It extends the shipped default profile: set only what your newsroom does differently.
# Rules are chosen by rule-id prefix (names, scores, quotes, typography, grammar,
# spelling, style, or a full id such as spelling.accents); `sportlint rules` lists them.
extends: default

# Lowest severity that makes `sportlint check` exit with 1: error, warning or suggestion.
fail_level: warning

# Turn on house-style rules that are off by default, or turn rules off.
enable: []            # e.g. [style]
disable: []           # e.g. [typography.ellipsis]

# Change a rule's severity: rule-id prefix -> error, warning or suggestion.
severity: {}          # e.g. {style: suggestion}

# Options of single rules: rule id -> {option: value}; `sportlint rules RULE` lists them.
rules: {}

# Report <!-- sportlint-disable ... --> comments that hide nothing.
report_unused_suppressions: false

# The newsroom's own YAML rules: files, or folders of *.yaml (relative to this file).
rule_files: []

# Seconds a YAML rule's regular expression may take on a text (more on texts over a
# million characters); a rule that takes longer is reported and skipped on that file.
regex_timeout: 1.0

"""


def _section(profile: str, key: str) -> str:
    """The lines of a top-level section of the default profile, verbatim."""
    out: list[str] = []
    inside = False
    for line in profile.splitlines():
        if line.startswith(f"{key}:"):
            inside = True
        elif inside and line and not line[0].isspace():
            break
        if inside:
            out.append(line)
    return "\n".join(out).rstrip() + "\n"


def starter_config() -> str:
    profile = DEFAULT_PROFILE.read_text(encoding="utf-8")
    return (HEAD
            + "# House style: the rules check the copy against these choices.\n"
            + _section(profile, "style") + "\n"
            + "# The newsroom's own names: never flagged (accept), or always corrected (reject).\n"
            + _section(profile, "names") + "\n"
            + "# An optional LanguageTool server for the grammar checks.\n"
            + _section(profile, "languagetool"))
