"""Configuration: `.sportlint.yaml` or `[tool.sportlint]` in `pyproject.toml`, found by
searching upward; a shipped default profile it extends; rule selection and severity by
rule-id prefix; house style; the newsroom's own names. Unknown keys are an error that
names the key and the file."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sportlint.config import schema
from sportlint.findings import Severity
from sportlint.util.values import shown

CONFIG_NAMES = (".sportlint.yaml", ".sportlint.yml")
#: the name `sportlint init` writes
CONFIG_FILE = CONFIG_NAMES[0]
#: the shipped default profile that every config extends
DEFAULT_PROFILE = Path(__file__).with_name("default.yaml")

# The key sets and the house-style choices, from the one table of keys (schema.py).
TOP_KEYS = {k.name for k in schema.top_keys()}
SECTION_KEYS = {section: {k.leaf for k in schema.section_keys(section)}
                for section in schema.sections()}
#: the allowed values of each house-style key (None: any value of the key's type)
STYLE_CHOICES: dict[str, tuple[Any, ...] | None] = {
    k.leaf: k.choices for k in schema.section_keys("style")}


class ConfigError(Exception):
    """A configuration problem; the message names the file and the key."""


#: former rule ids -> the id the rule has now: a config, a ``--select``/``--ignore`` or an
#: in-text suppression that names the old id still reaches the rule (each rule lists its
#: own in ``Rule.aliases``; tests/unit/config checks that the two agree)
ALIASES: dict[str, str] = {"typography.open-inciso": "punctuation.unclosed-inciso"}


def canonical(rule_id: str) -> str:
    """The current id of ``rule_id`` (itself unless it is a former id)."""
    return ALIASES.get(rule_id, rule_id)


def matches(rule_id: str, prefix: str) -> bool:
    """``names`` matches ``names.consistency``; ``ALL`` matches everything; a former id
    (`ALIASES`) matches the rule it became."""
    prefix = prefix.strip().rstrip(".")
    prefix = ALIASES.get(prefix, prefix)
    return prefix.upper() == "ALL" or rule_id == prefix or rule_id.startswith(prefix + ".")


@dataclass
class Config:
    enable: list[str] = field(default_factory=list)
    disable: list[str] = field(default_factory=list)
    select: list[str] | None = None
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_level: Severity = Severity.WARNING
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    style: dict[str, Any] = field(default_factory=dict)
    names: dict[str, Any] = field(default_factory=dict)
    languagetool: dict[str, Any] = field(default_factory=dict)
    source: str | None = None
    #: report `<!-- sportlint-disable -->` comments that hide nothing (suppressions.py)
    report_unused_suppressions: bool = False
    #: seconds a regular expression from a YAML rule may take on a text (timeouts.py)
    regex_timeout: float = 1.0
    #: seconds a code rule may take on a text of up to a million characters (timeouts.py)
    rule_timeout: float = 10.0
    #: the largest draft read, in bytes; 0: no limit (source/document.py)
    max_file_size: int = 10_000_000
    #: findings shown per rule and file, and per file; 0: no limit (engine/bounds.py)
    max_findings_per_rule: int = 1000
    max_findings: int = 5000
    #: the newsroom's own YAML rule files or folders of them (absolute paths)
    rule_files: list[str] = field(default_factory=list)
    #: what a folder's walk leaves out: gitignore-style patterns relative to ``source``'s folder
    exclude: list[str] = field(default_factory=list)
    #: leave out what git ignores when walking a folder (cli/discovery.py)
    respect_gitignore: bool = True
    #: keep each file's findings in the result cache (runner/resultcache.py)
    cache: bool = True
    #: the front-matter fields read as prose (source/document.py)
    front_matter_keys: tuple[str, ...] = ("title", "subtitle", "summary", "description")
    #: the house-style keys (``quotes`` ...) a config file sets itself, not left to the
    #: shipped default: a house-style rule may act only once the newsroom states its style
    explicit_style: frozenset[str] = field(default_factory=frozenset, compare=False, repr=False)
    #: the file that set each rule's options ("rule.id") and each option ("rule.id.option"),
    #: child over parent through `extends`, so that an error names the file to edit
    option_sources: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def is_enabled(self, rule_id: str, default_enabled: bool = True) -> bool:
        if any(matches(rule_id, p) for p in self.disable):
            return False
        if self.select is not None:
            chosen = [p for p in self.select if matches(rule_id, p)]
            if not chosen:
                return False
            # an off-by-default rule runs when selected by a prefix, not by "ALL"
            return default_enabled or any(p.upper() != "ALL" for p in chosen) or \
                any(matches(rule_id, p) for p in self.enable)
        return default_enabled or any(matches(rule_id, p) for p in self.enable)

    def selects_below(self, rule_id: str) -> bool:
        """True when select or enable names an id below ``rule_id`` (``languagetool.X``)."""
        if any(matches(rule_id, p) for p in self.disable):
            return False
        return any(p.strip().startswith(rule_id + ".") for p in [*(self.select or []), *self.enable])

    def severity_for(self, rule_id: str, default: Severity) -> Severity:
        best = None
        for prefix, level in self.severity.items():
            if matches(rule_id, prefix) and (best is None or len(prefix) > len(best[0])):
                best = (prefix, level)
        return best[1] if best else default

    def options_for(self, rule_id: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key in (*(a for a, target in ALIASES.items() if target == rule_id), rule_id):
            out.update(self.rules.get(key, {}))     # the current id's options win
        return out

    def with_overrides(self, *, select: Iterable[str] | None = None,
                       ignore: Iterable[str] = (), fail_level: str | None = None,
                       enable: Iterable[str] = (),
                       report_unused_suppressions: bool | None = None) -> Config:
        new = copy.deepcopy(self)
        if report_unused_suppressions is not None:
            new.report_unused_suppressions = report_unused_suppressions
        if select:
            new.select = list(select)
        new.disable += list(ignore)
        new.enable += list(enable)
        if fail_level:
            new.fail_level = Severity.parse(fail_level)
        return new


def default_profile() -> dict[str, Any]:
    from sportlint.util.cache import cached  # the parsed profile is cached: no YAML import at start-up

    path = DEFAULT_PROFILE
    return cached("profile-default", [path], lambda: _read_yaml(path))


def find_config(start: Path) -> Path | None:
    """The nearest `.sportlint.yaml`, or `pyproject.toml` with [tool.sportlint], upward."""
    start = start.resolve()
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        # a pyproject that never names sportlint is not read (nor its TOML errors reported)
        if pyproject.is_file() and _mentions_sportlint(pyproject) and \
                "sportlint" in _read_pyproject(pyproject):
            return pyproject
    return None


class ConfigFinder:
    """The config of each file, the way ruff finds it: the nearest ``.sportlint.yaml`` (or
    ``pyproject.toml`` with ``[tool.sportlint]``) above the file's own folder, not above
    the current one; ``explicit`` (``--config``) for every file instead. Each folder is
    searched once and each config file loaded once, so the files of one config share one
    `Config` object; ``prepare`` turns a loaded config into the one used (the command
    line's overrides)."""

    def __init__(self, explicit: str | Path | None = None,
                 prepare: Callable[[Config], Config] | None = None) -> None:
        self.explicit = explicit
        self.prepare = prepare or (lambda config: config)
        self._by_folder: dict[Path, Path | None] = {}
        self._loaded: dict[Path | None, Config] = {}

    def path_for(self, folder: Path) -> Path | None:
        """The config file that applies to the files of ``folder``."""
        if self.explicit is not None:
            return Path(self.explicit)
        folder = Path(folder).absolute()
        if folder not in self._by_folder:
            self._by_folder[folder] = find_config(folder)
        return self._by_folder[folder]

    def for_folder(self, folder: Path) -> Config:
        path = self.path_for(folder)
        key = path.resolve() if path is not None else None
        if key not in self._loaded:
            self._loaded[key] = self.prepare(load_config(path) if path is not None
                                             else from_mapping({}, None))
        return self._loaded[key]

    def for_file(self, path: str | Path) -> Config:
        return self.for_folder(Path(path).absolute().parent)


def load_config(path: str | Path | None = None, *, search_from: Path | None = None) -> Config:
    """Load a config file (or the one found upward from ``search_from``) over the defaults."""
    if path is None and search_from is not None:
        path = find_config(search_from)
    if path is None:
        return from_mapping({}, None)
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    if path.name == "pyproject.toml":
        tool = _read_pyproject(path)
        if "sportlint" not in tool:
            raise ConfigError(f"{path}: no [tool.sportlint] table")
        data = tool["sportlint"]
    else:
        data = _read_yaml(path)
    return from_mapping(data, str(path))


def from_mapping(data: Mapping[str, Any] | None, source: str | None) -> Config:
    """Validate a user mapping and merge it over what it extends."""
    where = source or "config"
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        raise ConfigError(f"{where}: the configuration must be a mapping of keys")
    _check_depth(data, where)
    _check_keys(data, TOP_KEYS, where, "")
    _validate(data, where)
    data = _with_rule_paths(data, source, where)
    sources: dict[str, str] = {}
    merged = _merge(_extended(data, source, where, [], sources), data)
    _note_sources(data, where, sources)
    config = _build(merged, where)
    config.option_sources = sources
    config.explicit_style = frozenset(k[len("style."):] for k in sources if k.startswith("style."))
    return config


def _note_sources(data: Mapping[str, Any], where: str, sources: dict[str, str]) -> None:
    """Record that ``where`` sets the rule options in ``data`` (over what it extends)."""
    style = data.get("style")
    if isinstance(style, Mapping):
        # "style.quotes": no rule is named "style" (rule ids have a family and a name)
        sources.update({f"style.{key}": where for key in style})
    rules = data.get("rules")
    if not isinstance(rules, Mapping):
        return
    for rule_id, options in rules.items():
        sources[str(rule_id)] = where
        if isinstance(options, Mapping):
            for option in options:
                sources[f"{rule_id}.{option}"] = where


def _extended(data: Mapping[str, Any], source: str | None, where: str,
              chain: list[Path], sources: dict[str, str]) -> dict[str, Any]:
    """What ``data`` extends: the default profile, or a file (which may extend another).
    Each file is checked on its own, so that an error names the file that has it; the
    files that set rule options go to ``sources``."""
    extends = data.get("extends", "default")
    if extends in (None, "default"):
        return default_profile()
    parent = Path(str(extends))
    if source and not parent.is_absolute():
        parent = Path(source).parent / parent
    if not parent.is_file():
        raise ConfigError(f"{where}: key 'extends': {extends!r} is neither 'default' nor a file")
    seen = [*chain, *([Path(source).resolve()] if source and Path(source).is_file() else [])]
    if parent.resolve() in seen:
        raise ConfigError(f"{where}: key 'extends': {extends!r} makes a loop "
                          f"({' -> '.join(str(p) for p in [*seen, parent.resolve()])})")
    parent_data = _read_yaml(parent)
    _check_depth(parent_data, str(parent))
    _check_keys(parent_data, TOP_KEYS, str(parent), "")
    _validate(parent_data, str(parent))
    parent_data = _with_rule_paths(parent_data, str(parent), str(parent))
    base = _extended(parent_data, str(parent), str(parent), seen, sources)
    _note_sources(parent_data, str(parent), sources)
    return _merge(base, parent_data)


def _build(data: Mapping[str, Any], where: str) -> Config:
    _validate(data, where)
    style = dict(data.get("style") or {})
    severity: dict[str, Severity] = {}
    for prefix, level in (data.get("severity") or {}).items():
        severity[str(prefix)] = _severity(level, where, f"severity.{prefix}")
    fail_level = _severity(data.get("fail_level") if data.get("fail_level") is not None
                           else schema.key("fail_level").default, where, "fail_level")
    rules = data.get("rules") or {}
    names = dict(data.get("names") or {})
    for k in schema.section_keys("names"):
        names.setdefault(k.leaf, copy.deepcopy(k.default))
    return Config(
        enable=_str_list(data, "enable", where), disable=_str_list(data, "disable", where)
        + _str_list(data, "ignore", where),
        select=_str_list(data, "select", where) if data.get("select") else None,
        severity=severity, fail_level=fail_level,
        rules={str(k): dict(v) for k, v in rules.items()}, style=style, names=names,
        languagetool=dict(data.get("languagetool") or {}),
        source=None if where == "config" else where,
        report_unused_suppressions=data.get("report_unused_suppressions",
                                            schema.key("report_unused_suppressions").default),
        regex_timeout=float(data.get("regex_timeout", schema.key("regex_timeout").default)),
        rule_timeout=float(data.get("rule_timeout", schema.key("rule_timeout").default)),
        max_file_size=int(data.get("max_file_size", schema.key("max_file_size").default)),
        max_findings_per_rule=int(data.get("max_findings_per_rule",
                                           schema.key("max_findings_per_rule").default)),
        max_findings=int(data.get("max_findings", schema.key("max_findings").default)),
        rule_files=_str_list(data, "rule_files", where, "rule_files", "paths"),
        exclude=_str_list(data, "exclude", where, "exclude", "gitignore-style patterns"),
        respect_gitignore=bool(data.get("respect_gitignore",
                                        schema.key("respect_gitignore").default)),
        cache=bool(data.get("cache", schema.key("cache").default)),
        front_matter_keys=tuple(_str_list(data, "front_matter_keys", where, "front_matter_keys",
                                          "field names")
                                if "front_matter_keys" in data
                                else schema.key("front_matter_keys").default))


#: the kinds of key whose empty value (null, [], {}, "") means none, as an absent key
_EMPTY_IS_ABSENT = {"prefixes", "paths", "ids", "severity_map", "rule_options", "section"}
#: the kinds of key for which null means the default
_NULL_IS_DEFAULT = {"severity", "extends"}


def _validate(data: Mapping[str, Any], where: str) -> None:
    """Check the merged config against the table of keys (schema.py): each section is a
    mapping of known keys, each value has its key's type."""
    for section, keys in SECTION_KEYS.items():
        value = data.get(section) or {}
        if not isinstance(value, Mapping):
            raise ConfigError(f"{where}: key '{section}' must be a mapping")
        _check_keys(value, keys, where, section + ".")
    for key in schema.KEYS:
        if key.kind == "section":
            continue
        holder = data if key.section is None else (data.get(key.section) or {})
        if key.leaf in holder:
            _check_value(key, holder[key.leaf], holder, where)


def _check_value(key: schema.Key, value: Any, holder: Mapping[str, Any], where: str) -> None:
    """One key's value: a ConfigError naming the key and the file when it has the wrong type."""
    name, kind = key.name, key.kind
    if (not value and kind in _EMPTY_IS_ABSENT) or \
            (value is None and (key.nullable or kind in _NULL_IS_DEFAULT)):
        return
    if kind == "bool":
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: key '{name}' must be true or false")
    elif kind == "count":
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ConfigError(f"{where}: key '{name}' must be a whole number")
    elif kind == "seconds":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or \
                not 0 < value < float("inf"):
            raise ConfigError(f"{where}: key '{name}' must be a number of seconds above 0, "
                              f"not {value!r}")
    elif kind == "str":
        if not isinstance(value, str):
            raise ConfigError(f"{where}: key '{name}' must be a string")
    elif kind == "choice":
        if value not in (key.choices or ()):
            raise ConfigError(f"{where}: key '{name}' must be one of "
                              f"{', '.join(repr(c) for c in key.choices or ())}, not {value!r}")
    elif kind == "severity":
        _severity(value, where, name)
    elif kind == "prefixes":
        _str_list(holder, key.leaf, where)
    elif kind == "paths":
        _str_list(holder, key.leaf, where, name, "paths")
    elif kind == "ids":
        _str_list(holder, key.leaf, where, name, "LanguageTool rule ids")
    elif kind == "names":
        if not isinstance(value, list):
            raise ConfigError(f"{where}: key '{name}' must be a list of names, not {shown(value)}")
        for n, item in enumerate(value, 1):
            if not isinstance(item, str) or not item.strip():
                raise ConfigError(f"{where}: key '{name}': item {n} must be a name (a "
                                  f"non-empty string; quote a number), not {shown(item)}")
    elif kind == "name_map":
        if not isinstance(value, Mapping):
            raise ConfigError(f"{where}: key '{name}' must be a mapping of a form to the "
                              f"form to write instead, not {shown(value)}")
        for form, right in value.items():
            if not isinstance(form, str) or not form.strip():
                raise ConfigError(f"{where}: key '{name}': {shown(form)} must be a name (a "
                                  "non-empty string; quote a number)")
            if not isinstance(right, str) or not right.strip():
                # `Sparatk:` with nothing after it is null: never a fix to "None"
                raise ConfigError(f"{where}: key '{name}.{form}': the form to write instead "
                                  f"must be a non-empty string, not {shown(right)}")
    elif kind == "severity_map":
        if not isinstance(value, Mapping):
            raise ConfigError(f"{where}: key '{name}' must be a mapping")
        for prefix, level in value.items():
            if not isinstance(prefix, str):
                raise ConfigError(f"{where}: key '{name}': {shown(prefix)} must be a rule-id "
                                  "prefix (a string)")
            _severity(level, where, f"{name}.{prefix}")
    elif kind == "rule_options":
        if not isinstance(value, Mapping):
            raise ConfigError(f"{where}: key '{name}' maps rule ids to mappings of options")
        for rule_id, options in value.items():
            if not isinstance(rule_id, str):
                raise ConfigError(f"{where}: key '{name}': {shown(rule_id)} must be a rule id "
                                  "(a string)")
            if isinstance(options, Mapping) and not all(isinstance(o, str) for o in options):
                raise ConfigError(f"{where}: key '{name}.{rule_id}': option names are strings")
            if not isinstance(options, Mapping):
                raise ConfigError(f"{where}: key '{name}.{rule_id}': expected a mapping of "
                                  f"options ({{option: value}}), got {type(options).__name__}")


def _check_depth(data: Any, where: str, limit: int = schema.MAX_DEPTH) -> None:
    """A ConfigError when the config's values nest deeper than ``limit`` (a mapping given
    to the API, or a YAML file within the loader's own limit); walked without recursion.
    A value met twice (a YAML alias, a Python object shared) is walked once."""
    todo: list[tuple[Any, int]] = [(data, 1)]
    seen: set[int] = set()
    while todo:
        value, depth = todo.pop()
        if not isinstance(value, (Mapping, list, tuple)) or id(value) in seen:
            continue
        seen.add(id(value))
        if depth > limit:
            raise ConfigError(f"{where}: values nested more than {limit} levels deep")
        items = value.values() if isinstance(value, Mapping) else value
        todo.extend((item, depth + 1) for item in items)


def _with_rule_paths(data: Mapping[str, Any], source: str | None, where: str) -> dict[str, Any]:
    """``data`` with its ``rule_files`` and ``names.files`` made absolute: relative to the
    file that names them (the working directory for a mapping given to the API)."""
    data = _with_names_files(data, source, where)
    if "rule_files" not in data:
        return dict(data)
    paths = _str_list(data, "rule_files", where, "rule_files", "paths")
    if any(not p.strip() for p in paths):
        raise ConfigError(f"{where}: key 'rule_files': an empty path (name a file or a "
                          f"folder; . for the config's own)")
    base = Path(source).resolve().parent if source else Path.cwd()
    return {**data, "rule_files": [str(base / Path(p).expanduser()) for p in paths]}


def _with_names_files(data: Mapping[str, Any], source: str | None,
                      where: str) -> Mapping[str, Any]:
    """``names.files`` made absolute, and each file read once here, so that a file that
    cannot be used is a config error naming it (`namesfile`)."""
    names = data.get("names")
    if not isinstance(names, Mapping) or not names.get("files"):
        return data
    from sportlint.config import namesfile

    paths = _str_list(names, "files", where, "names.files", "paths")
    base = Path(source).resolve().parent if source else Path.cwd()
    files = [str(base / Path(p).expanduser()) for p in paths]
    try:
        namesfile.names(tuple(files))
    except namesfile.NamesFileError as exc:
        raise ConfigError(f"{where}: key 'names.files': {exc}") from None
    return {**data, "names": {**names, "files": files}}


def _severity(value: Any, where: str, key: str) -> Severity:
    if not isinstance(value, str):
        raise ConfigError(f"{where}: key '{key}' must be one of "
                          f"{', '.join(s.label for s in Severity)}, not {value!r}")
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise ConfigError(f"{where}: key '{key}': {exc}") from None


def _str_list(data: Mapping[str, Any], key: str, where: str, name: str | None = None,
              what: str = "rule-id prefixes") -> list[str]:
    value = data.get(key) or []
    if isinstance(value, str) and name is None:
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: key '{name or key}' must be a list of {what}")
    return list(value)


def _check_keys(data: Mapping[str, Any], known: set[str], where: str, prefix: str) -> None:
    for key in data:
        if key not in known:
            raise ConfigError(f"{where}: unknown key '{prefix}{key}' "
                              f"(known: {', '.join(sorted(known))})")


def _merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if key == "extends":
            continue
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = _merge(out[key], value)
        elif isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = list(out[key]) + [v for v in value if v not in out[key]]
        else:
            out[key] = value
    return out


def _read_yaml(path: Path) -> dict[str, Any]:
    import yaml  # here: a check without a config file never needs it (start-up time)

    from sportlint.util.datapaths import load_yaml

    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config ({exc})") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML ({exc})") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid YAML (nested too deeply)") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the configuration must be a mapping of keys")
    return data


def _mentions_sportlint(path: Path) -> bool:
    try:
        return b"sportlint" in path.read_bytes()
    except OSError:
        return True     # let _read_pyproject report it


def _read_pyproject(path: Path) -> dict[str, Any]:
    import tomllib  # here: most checks find no pyproject.toml that configures sportlint

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML (nested too deeply)") from None
    tool = data.get("tool", {})
    return tool if isinstance(tool, dict) else {}
