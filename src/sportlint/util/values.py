"""How a configuration value is named in an error message."""

from __future__ import annotations

from typing import Any


def shown(value: Any) -> str:
    """A config value and its YAML type for an error message: ``'alto' (str)``."""
    if value is None:
        return "null"
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    kind = "mapping" if isinstance(value, dict) else type(value).__name__
    return f"{text} ({kind})"
