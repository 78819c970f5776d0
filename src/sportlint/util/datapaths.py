"""Where the shipped files live: inside the installed package, or in a source checkout.

- `rules_dir`: the rules written as data, ``<family>/<name>.yaml`` (``rules/`` in the
  repository, ``sportlint/_rules`` installed);
- `data_dir`: the language data the code reads (lexicon, word frequencies, name lists,
  word lists), ``generated/`` (written by ``scripts/``) and ``curated/`` (edited by hand)
  apart (``data/`` in the repository, ``sportlint/_data`` installed; see data/README.md).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any


@cache
def rules_dir() -> Path:
    """The directory of the data rules (``rules/`` in the repository)."""
    return _shipped("_rules", "rules")


@cache
def data_dir() -> Path:
    """The directory of the shipped language data (``data/`` in the repository)."""
    return _shipped("_data", "data")


def _shipped(installed_name: str, checkout_name: str) -> Path:
    installed = Path(__file__).parents[1] / installed_name
    if installed.is_dir():
        return installed
    checkout = Path(__file__).resolve().parents[3] / checkout_name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"sportlint's {checkout_name} directory is missing from the installation")


def is_shipped(path: Path) -> bool:
    """Is ``path`` one of sportlint's own files (a rule, a data file, the default profile)?"""
    resolved = path.resolve()
    package = Path(__file__).resolve().parents[1]
    return any(resolved.is_relative_to(folder) for folder in
               (rules_dir().resolve(), data_dir().resolve(), package))


#: how deeply collections may nest in a YAML file sportlint reads (config, rule files): a
#: real file nests a handful of levels; thousands would exhaust Python's stack when built
MAX_YAML_DEPTH = 32


def load_yaml(text: str, max_depth: int = MAX_YAML_DEPTH) -> Any:
    """Parse YAML with libyaml's safe loader when PyYAML has it (several times faster than
    the pure-Python one; the same documents and values), else PyYAML's SafeLoader.
    Raises ``yaml.YAMLError`` on bad YAML, as ``yaml.safe_load`` does, and on collections
    nested more than ``max_depth`` deep (checked on the parser's events, which need no
    stack, before the document is built)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
    if _may_nest(text, max_depth) or "&" in text:
        _check_shape(yaml.parse(text, Loader=loader), max_depth)
    return yaml.load(text, Loader=loader)


def _check_shape(events: Any, max_depth: int) -> None:
    """Refuse collections nested deeper than ``max_depth``, and an alias used inside an
    anchored collection: anchors of anchors ("billion laughs") would make a small file
    expand to a huge one; a plain anchor reused by aliases stays as small as it reads."""
    import yaml

    depth = 0
    anchored: list[int] = []        # the depths at which anchored collections opened
    for event in events:
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > max_depth:
                raise yaml.YAMLError(f"collections nested more than {max_depth} levels "
                                     f"deep{_line(event)}")
            if event.anchor is not None:
                anchored.append(depth)
        elif isinstance(event, yaml.CollectionEndEvent):
            if anchored and anchored[-1] == depth:
                anchored.pop()
            depth -= 1
        elif isinstance(event, yaml.AliasEvent) and anchored:
            raise yaml.YAMLError(f"an alias (*{event.anchor}) inside an anchored collection"
                                 f"{_line(event)}: not supported, it "
                                 "can make a small file expand without bound")


def _line(event: Any) -> str:
    mark = event.start_mark
    return f" (line {mark.line + 1})" if mark is not None else ""


def _may_nest(text: str, max_depth: int) -> bool:
    """Whether ``text`` could nest more than ``max_depth`` levels: each level needs a
    bracket, a "-", a ":" or a "?", so a text with few of them cannot (a short config:
    no second parse)."""
    marks = sum(text.count(c) for c in "[{-:?")
    return marks > max_depth


def read_yaml(path: Path) -> Any:
    """`load_yaml` of a UTF-8 file, through sportlint's cache (`sportlint.util.cache`): the
    parsed data of an unchanged file is read back without importing a YAML parser."""
    from sportlint.util.cache import cached

    sources = [path]
    parser = _yaml_module_file()
    if parser is not None:   # a PyYAML update may parse differently
        sources.append(parser)
    extra = ""
    if not is_shipped(path):
        # a newsroom's own rule file may change with its size and time equal (a script, a
        # file system with coarse times): known by its content too (a small file)
        import zlib

        try:
            extra = f"{zlib.crc32(path.read_bytes()):08x}"
        except OSError:
            pass        # load_yaml below says why
    return cached(f"yaml-{path.stem}", sources,
                  lambda: load_yaml(path.read_text(encoding="utf-8")), extra)


@cache
def _yaml_module_file() -> Path | None:
    """PyYAML's ``__init__.py`` (found without importing it)."""
    import importlib.util

    spec = importlib.util.find_spec("yaml")
    return Path(spec.origin) if spec is not None and spec.origin else None
