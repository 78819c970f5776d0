"""Every rule, from code modules (`sportlint.rules.*`) and YAML data (`rules/*.yaml`),
behind one interface: a `Rule` subclass with an id, documentation and options."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from pathlib import Path
from typing import Any

from . import rules as code_rules
from .kinds import KINDS
from .paths import data_dir, read_yaml
from .rule import Rule, iter_rule_classes


class RegistryError(Exception):
    """A broken rule definition (a developer error, reported with the file)."""


@cache
def all_rules() -> dict[str, type[Rule]]:
    """Rule id -> rule class, code rules and data rules together, sorted by id."""
    found: dict[str, type[Rule]] = {}

    def add(cls: type[Rule], where: str) -> None:
        if cls.id in found:
            raise RegistryError(f"{where}: duplicate rule id {cls.id!r}")
        found[cls.id] = cls

    for info in pkgutil.iter_modules(code_rules.__path__):
        module = importlib.import_module(f"{code_rules.__name__}.{info.name}")
        for cls in iter_rule_classes(module):
            add(cls, module.__name__)
    for path in data_rule_files():
        add(data_rule(path), str(path))
    return dict(sorted(found.items()))


def data_rule_files() -> list[Path]:
    return sorted(data_dir().glob("*.yaml"))


def load_spec(path: Path) -> dict[str, Any]:
    """The parsed YAML of a data rule (kept in sportlint's cache, `sportlint.cache`)."""
    try:
        spec = read_yaml(path)   # cached
    except Exception as exc:
        import yaml  # here: with the specs cached, a check never imports it

        if isinstance(exc, yaml.YAMLError):
            raise RegistryError(f"{path}: invalid YAML ({exc})") from None
        raise
    if not isinstance(spec, dict) or "id" not in spec or "kind" not in spec:
        raise RegistryError(f"{path}: a data rule needs 'id' and 'kind'")
    return spec


def data_rule(path: Path) -> type[Rule]:
    spec = load_spec(path)
    try:
        kind = KINDS[spec["kind"]]
    except KeyError:
        raise RegistryError(f"{path}: unknown kind {spec['kind']!r} "
                            f"(known: {', '.join(sorted(KINDS))})") from None
    try:
        return kind.from_spec(spec, path)
    except (KeyError, ValueError, TypeError) as exc:
        raise RegistryError(f"{path}: {exc}") from None


def get(rule_id: str) -> type[Rule]:
    try:
        return all_rules()[rule_id]
    except KeyError:
        raise KeyError(f"unknown rule {rule_id!r}") from None
