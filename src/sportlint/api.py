"""The Python API for scripts and notebooks: the same engine the CLI uses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sportlint.config.loader import Config, from_mapping, load_config
from sportlint.engine import fixer, linter
from sportlint.engine.timeouts import warn
from sportlint.findings import Finding, Findings, RuleProblem
from sportlint.rules.base import Rule
from sportlint.source import document

ConfigLike = Config | dict | str | Path | None


def resolve_config(config: ConfigLike) -> Config:
    """A Config from a Config, a mapping (as in .sportlint.yaml), a file path, or None
    (the defaults; no file is searched for)."""
    if isinstance(config, Config):
        return config
    if isinstance(config, dict):
        return from_mapping(config, None)
    if isinstance(config, (str, Path)):
        return load_config(config)
    return from_mapping({}, None)


def lint_text(text: str, path: str | None = None, config: ConfigLike = None) -> Findings:
    """Findings for one text; ``path`` only names it (and says Markdown when it ends .md).

    A rule whose pattern runs out of time (config ``regex_timeout``) contributes no
    findings; it is listed on the result's ``problems`` and a `RuleProblemWarning` is
    issued."""
    cfg = resolve_config(config)
    found = linter.lint(document.from_text(text, path), cfg)
    warn(found.problems)
    return found


def fix_text(text: str, path: str | None = None, config: ConfigLike = None,
             unsafe: bool = False) -> str:
    """The text with the safe fixes applied (and the unsafe ones with ``unsafe=True``).
    A rule that runs out of time fixes nothing and issues a `RuleProblemWarning`; the
    other rules' fixes apply."""
    problems: list[RuleProblem] = []
    result = fix_result(text, path, resolve_config(config), unsafe, problems=problems)
    warn(problems)
    return result.text


def fix_result(text: str, path: str | None, config: Config, unsafe: bool = False,
               rules: list[Rule] | None = None,
               problems: list[RuleProblem] | None = None,
               keep: Callable[[document.Document, Finding], bool] | None = None
               ) -> fixer.FixResult:
    """Fix ``text``; a rule that runs out of time is recorded on ``problems`` (once) and
    left out of the later passes, so it costs its time limit once. Only the findings that
    ``keep`` keeps are fixed (``--diff-base``: those on changed lines)."""
    active = list(rules if rules is not None else linter.active_rules(config))

    def lint(current: str) -> list[Finding]:
        doc = document.from_text(current, path)
        found = linter.lint(doc, config, active)
        if found.problems:
            stopped = {p.rule for p in found.problems}
            active[:] = [r for r in active if r.id not in stopped]
            if problems is not None:
                problems.extend(found.problems)
        if keep is not None:
            return Findings([f for f in found if keep(doc, f)], found.problems)
        return found

    return fixer.fix_loop(text, lint, unsafe)
