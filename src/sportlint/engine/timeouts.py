"""Rules whose regular expressions come from YAML (the shipped data rules and a newsroom's
own ``rule_files``) run them with a time limit, so a pattern that backtracks
catastrophically cannot hang a check.

The limit is the config key ``regex_timeout`` (seconds, default 1) for a text of up to a
million characters, and grows in proportion beyond that: a linear pattern scans a megabyte
in about a tenth of a second, so a huge draft is not cut short by its size alone. A rule
that runs out of time raises ``TimeoutError`` (the ``regex`` module does); the linter then
drops that rule's findings on that text, keeps every other rule's, and records a
`RuleProblem` that the CLI reports (exit code 2: the check is incomplete) and the API
returns on ``findings.problems``.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

from sportlint.findings import RuleProblem

if TYPE_CHECKING:
    from sportlint.rules.base import Context

DEFAULT = 1.0
#: the text length (code points) that ``regex_timeout`` seconds are granted for
PER_CHARS = 1_000_000
#: a day: the `regex` module takes a huge timeout (1e30) as already expired
CEILING = 86_400.0


def limit(seconds: float, length: int) -> float:
    """The time one pattern may take on a text of ``length`` code points."""
    return min(seconds * max(1.0, length / PER_CHARS), CEILING)


def pattern_timeout(ctx: Context) -> float:
    """The time limit for one scan of ``ctx.doc`` by a pattern from YAML."""
    return limit(getattr(ctx.config, "regex_timeout", DEFAULT), len(ctx.doc.text))


def timeout_problem(rule: str, seconds: float, path: str | None) -> RuleProblem:
    return RuleProblem(rule, f"its pattern took more than {seconds:g} s (catastrophic "
                             "backtracking?); its findings on this file are missing", path)


class RuleProblemWarning(UserWarning):
    """Issued by the API (`lint_text`, `fix_text`) for each rule that could not finish."""


def warn(problems: list[RuleProblem]) -> None:
    for p in problems:
        warnings.warn(f"{p.path or '<text>'}: {p.describe()}", RuleProblemWarning, stacklevel=3)
