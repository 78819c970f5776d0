"""Rules whose regular expressions come from YAML (the shipped data rules and a newsroom's
own ``rule_files``) run them with a time limit, so a pattern that backtracks
catastrophically cannot hang a check.

The limit itself (the config key ``regex_timeout``, scaled by the text's length) is
`sportlint.rules.kinds.timelimit`, which the data-rule kinds pass to ``regex``. A rule
that runs out of time raises ``TimeoutError`` (the ``regex`` module does); the linter then
drops that rule's findings on that text, keeps every other rule's, and records a
`RuleProblem` that the CLI reports (exit code 2: the check is incomplete) and the API
returns on ``findings.problems``.
"""

from __future__ import annotations

import warnings

from sportlint.findings import RuleProblem


def timeout_problem(rule: str, seconds: float, path: str | None) -> RuleProblem:
    return RuleProblem(rule, f"its pattern took more than {seconds:g} s (catastrophic "
                             "backtracking?); its findings on this file are missing", path)


class RuleProblemWarning(UserWarning):
    """Issued by the API (`lint_text`, `fix_text`) for each rule that could not finish."""


def warn(problems: list[RuleProblem]) -> None:
    for p in problems:
        warnings.warn(f"{p.path or '<text>'}: {p.describe()}", RuleProblemWarning, stacklevel=3)
