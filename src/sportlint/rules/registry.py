"""Every rule, from code modules (`sportlint.rules.<family>.<name>`) and YAML data
(`rules/*.yaml`), behind one interface: a `Rule` subclass with an id, documentation and
options.

A family is a package of `sportlint.rules` (``grammar``, ``names`` ...) other than
``kinds``; each of its modules is one rule, except those whose name starts with ``_``
(the family's helpers)."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from pathlib import Path
from typing import Any

from sportlint import rules as code_rules
from sportlint.rules.base import Rule, iter_rule_classes
from sportlint.rules.kinds.table import KINDS
from sportlint.util.datapaths import read_yaml, rules_dir


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

    for module in code_rule_modules():
        for cls in iter_rule_classes(module):
            add(cls, module.__name__)
    for path in data_rule_files():
        add(data_rule(path), str(path))
    return dict(sorted(found.items()))


NOT_FAMILIES = frozenset({"kinds"})


def code_rule_modules() -> list[Any]:
    """The module of every code rule, family by family (imported)."""
    modules = []
    for family in pkgutil.iter_modules(code_rules.__path__):
        if not family.ispkg or family.name in NOT_FAMILIES:
            continue
        package = importlib.import_module(f"{code_rules.__name__}.{family.name}")
        for info in pkgutil.iter_modules(package.__path__):
            if not info.name.startswith("_"):
                modules.append(importlib.import_module(f"{package.__name__}.{info.name}"))
    return modules


def data_rule_files() -> list[Path]:
    return sorted(rules_dir().glob("*/*.yaml"))


def load_spec(path: Path) -> dict[str, Any]:
    """The parsed YAML of a data rule (kept in sportlint's cache, `sportlint.util.cache`)."""
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
    except (KeyError, TypeError):     # TypeError: "kind: [pattern]", unhashable
        raise RegistryError(f"{path}: unknown kind {spec['kind']!r} "
                            f"(known: {', '.join(sorted(KINDS))})") from None
    try:
        return kind.from_spec(spec, path)
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        raise RegistryError(f"{path}: {exc}") from None


def get(rule_id: str) -> type[Rule]:
    try:
        return all_rules()[rule_id]
    except KeyError:
        raise KeyError(f"unknown rule {rule_id!r}") from None


_user: dict[tuple[str, ...], dict[str, type[Rule]]] = {}


def loaded_user_rules() -> dict[str, type[Rule]]:
    """Every rule loaded from a config's ``rule_files`` in this process (for the
    formatters, which describe a finding's rule)."""
    return {rule_id: cls for rules in _user.values() for rule_id, cls in rules.items()}


def user_rules(paths: tuple[str, ...]) -> dict[str, type[Rule]]:
    """The newsroom's own data rules (config ``rule_files``): YAML rule files, or folders
    whose ``*.yaml`` files are rules; loaded once per process. Raises RegistryError naming
    the file that is broken, missing, or reuses a shipped rule's id."""
    if not paths:
        return {}
    if paths not in _user:
        shipped = all_rules()
        found: dict[str, type[Rule]] = {}
        for raw in paths:
            path = Path(raw)
            if not path.exists():
                raise RegistryError(f"{path}: no such file or folder")
            # in a folder, hidden files (.sportlint.yaml, .pre-commit-config.yaml) are no rules
            files = sorted(f for f in path.glob("*.yaml") if not f.name.startswith(".")) \
                if path.is_dir() else [path]
            for file in files:
                try:
                    cls = data_rule(file)
                except OSError as exc:
                    raise RegistryError(f"{file}: cannot read ({exc.strerror or exc})") from None
                except UnicodeDecodeError:
                    raise RegistryError(f"{file}: not UTF-8") from None
                if cls.id in shipped or cls.id in found:
                    raise RegistryError(f"{file}: duplicate rule id {cls.id!r}")
                found[cls.id] = cls
        _user[paths] = dict(sorted(found.items()))
    return _user[paths]
