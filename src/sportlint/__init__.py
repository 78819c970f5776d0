"""sportlint: a proofreading linter for Italian sports journalism.

The public API (`lint_text`, `fix_text`, `load_config` and the finding types) is imported on
first use, so that ``import sportlint.<anything>`` does not load the whole engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"   # the only place; pyproject.toml reads it, the tag is v0.2.0

__all__ = ["Applicability", "Config", "ConfigError", "Edit", "Finding", "Fix", "Severity",
           "__version__", "fix_text", "lint_text", "load_config"]

#: public name -> the module that defines it
_PUBLIC = {
    "fix_text": "sportlint.api", "lint_text": "sportlint.api",
    "Config": "sportlint.config.loader", "ConfigError": "sportlint.config.loader",
    "load_config": "sportlint.config.loader",
    "Applicability": "sportlint.findings", "Edit": "sportlint.findings",
    "Finding": "sportlint.findings", "Fix": "sportlint.findings", "Severity": "sportlint.findings",
}

if TYPE_CHECKING:
    from sportlint.api import fix_text, lint_text
    from sportlint.config.loader import Config, ConfigError, load_config
    from sportlint.findings import Applicability, Edit, Finding, Fix, Severity


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'sportlint' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
