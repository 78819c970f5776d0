"""The source tree's layers import only downwards (docs/architecture.md).

Every ``import sportlint.X`` and ``from sportlint.X import ...`` in src/sportlint is read from
the syntax tree (imports inside functions too; imports under ``if TYPE_CHECKING:`` are for
the type checker only and are left out), and so is every string that names a module for
``importlib`` (``"sportlint.italian.lexicon:load"``, ``"sportlint.italian.lexicon"``). A module
may import its own layer and the layers below it, never one above.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "sportlint"

#: lowest first; a module may import from its own layer and the layers before it
LAYERS = ("util", "findings", "config", "source", "segment", "italian", "rules", "engine",
          "formatters", "api", "runner", "server", "cli", "__main__")
#: below a layer in the order, yet not for it: language knowledge reads no configuration
FORBIDDEN = {"italian": {"config"}, "util": {"findings", "config"}}


def layer_of(module: str) -> str:
    """``sportlint.rules.grammar.elision`` -> ``rules``; the package itself -> ``""``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


#: a whole string that names a sportlint module, with or without ``:function``
MODULE_STRING = re.compile(r"sportlint(?:\.[a-z_]+)+(?::[A-Za-z_]\w*)?")


def runtime_imports(tree: ast.AST) -> list[tuple[int, str, list[str]]]:
    """(line, module, names) of every import that runs (not under TYPE_CHECKING), and of
    every string constant that names a module (what ``importlib.import_module`` loads)."""
    found: list[tuple[int, str, list[str]]] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.extend((node.lineno, a.name, []) for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module, [a.name for a in node.names]))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                MODULE_STRING.fullmatch(node.value):
            found.append((node.lineno, node.value.split(":", 1)[0], []))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def targets(module: str, names: list[str]) -> list[str]:
    """The sportlint modules an import statement reaches: ``from sportlint import api``
    reaches ``sportlint.api``; ``from sportlint import __version__`` only the package."""
    if module == "sportlint":
        return [f"sportlint.{n}" for n in names if (SRC / n).is_dir() or (SRC / f"{n}.py").is_file()]
    return [module] if module.startswith("sportlint.") else []


def violations() -> list[str]:
    out = []
    for path in sorted(SRC.rglob("*.py")):
        here = module_name(path)
        mine = layer_of(here)
        if not mine:
            continue            # the package's own __init__: the lazy public facade
        for line, module, names in runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            for target in targets(module, names):
                theirs = layer_of(target)
                if theirs == mine or not theirs:
                    continue
                if theirs not in LAYERS or mine not in LAYERS:
                    out.append(f"{here}:{line}: {target}: a layer this test does not know")
                elif LAYERS.index(theirs) > LAYERS.index(mine) or theirs in FORBIDDEN.get(mine, ()):
                    out.append(f"{here}:{line} ({mine}) imports {target} ({theirs})")
    return out


def test_every_top_level_package_is_a_known_layer() -> None:
    found = {p.stem for p in SRC.iterdir() if (p.is_dir() and (p / "__init__.py").exists())
             or (p.suffix == ".py" and p.stem != "__init__")}
    assert found == set(LAYERS)


def test_no_module_imports_a_layer_above_its_own() -> None:
    assert violations() == []


@pytest.mark.parametrize("init", sorted(set(SRC.rglob("__init__.py")) - {SRC / "__init__.py"}),
                         ids=lambda p: str(p.relative_to(SRC)))
def test_package_init_files_are_empty(init: Path) -> None:
    """Importing one module of a package runs the package's __init__: they stay empty,
    so that cold start does not grow (the package root's lazy facade aside)."""
    assert init.read_text(encoding="utf-8").strip() == ""


def test_the_check_sees_an_upward_import() -> None:
    tree = ast.parse("from sportlint.rules import registry\nif TYPE_CHECKING:\n"
                     "    from sportlint.cli import main\n")
    imports = runtime_imports(tree)
    assert [m for _, m, _ in imports] == ["sportlint.rules"]
    loader = ast.parse('LOADERS = {"lexicon": "sportlint.italian.lexicon:load"}\n'
                       '"""A docstring naming sportlint.cli.main is prose."""\n')
    assert [m for _, m, _ in runtime_imports(loader)] == ["sportlint.italian.lexicon"]
    assert targets("sportlint", ["api", "__version__"]) == ["sportlint.api"]
    assert LAYERS.index(layer_of("sportlint.rules.registry")) > LAYERS.index("italian")


def test_rule_modules_are_named_after_their_ids() -> None:
    """rules/<family>/<name>.py holds the rule <family>.<name> (the backend of a family
    whose findings carry ids of their own, languagetool, is rules/languagetool/backend.py)."""
    from sportlint.rules import registry
    from sportlint.rules.base import iter_rule_classes

    for module in registry.code_rule_modules():
        family, name = module.__name__.split(".")[-2:]
        ids = [cls.id for cls in iter_rule_classes(module)]
        expected = family if (family, name) == ("languagetool", "backend") else \
            f"{family}.{name.replace('_', '-')}"
        assert ids == [expected], module.__name__
