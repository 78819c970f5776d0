"""The Python API for scripts and notebooks: the same engine the CLI uses."""

from __future__ import annotations

from pathlib import Path

from . import document, fixer, linter
from .config import Config, from_mapping, load_config
from .model import Finding
from .rule import Rule

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


def lint_text(text: str, path: str | None = None, config: ConfigLike = None) -> list[Finding]:
    """Findings for one text; ``path`` only names it (and says Markdown when it ends .md)."""
    cfg = resolve_config(config)
    return linter.lint(document.from_text(text, path), cfg)


def fix_text(text: str, path: str | None = None, config: ConfigLike = None,
             unsafe: bool = False) -> str:
    """The text with the safe fixes applied (and the unsafe ones with ``unsafe=True``)."""
    return fix_result(text, path, resolve_config(config), unsafe).text


def fix_result(text: str, path: str | None, config: Config, unsafe: bool = False,
               rules: list[Rule] | None = None) -> fixer.FixResult:
    rules = rules if rules is not None else linter.active_rules(config)

    def lint(current: str) -> list[Finding]:
        return linter.lint(document.from_text(current, path), config, rules)

    return fixer.fix_loop(text, lint, unsafe)
