"""The Python API for scripts and notebooks: the same engine the CLI uses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sportlint.config.loader import Config, from_mapping, load_config
from sportlint.engine import fixer, linter
from sportlint.engine.timeouts import warn
from sportlint.findings import Applicability, FileReport, Finding, Findings, RuleProblem, Severity
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


# --- plain, picklable results: for Dask, multiprocessing, pandas, DuckDB ----------------------

#: the per-article columns of `summarize_text` and `summary_frame`, with their dtypes (a
#: Dask DataFrame's ``meta``)
SUMMARY_COLUMNS: dict[str, str] = {
    "findings": "int64", "errors": "int64", "warnings": "int64", "suggestions": "int64",
    "fixable": "int64", "rules": "object", "problems": "int64"}

_PREPARED: dict[object, tuple[Config, list[Rule]]] = {}
_PREPARED_MAX = 8


def prepared(config: ConfigLike = None) -> tuple[Config, list[Rule]]:
    """The resolved config and its rule instances, built once per process for each config
    (a worker of a Dask cluster or of a pool checks many texts with one config). A config
    file is read once: edit it and start a new process (or worker) to see the change."""
    key = _config_key(config)
    if key is None:                     # not hashable as given: resolve it every time
        cfg = resolve_config(config)
        return cfg, linter.active_rules(cfg)
    found = _PREPARED.get(key)
    if found is None:
        cfg = resolve_config(config)
        if len(_PREPARED) >= _PREPARED_MAX:
            _PREPARED.pop(next(iter(_PREPARED)))
        found = _PREPARED[key] = (cfg, linter.active_rules(cfg))
    return found


def _config_key(config: ConfigLike) -> object:
    if config is None:
        return ("defaults",)
    if isinstance(config, (str, Path)):
        return ("file", str(Path(config).resolve()))
    import pickle

    try:
        # a Config (shipped to a worker, so a new object each time) or a mapping: by value
        return ("value", pickle.dumps(config if isinstance(config, Config)
                                      else _sorted_mapping(config)))
    except Exception:
        return None


def _sorted_mapping(value: object) -> object:
    if isinstance(value, dict):
        return tuple(sorted((str(k), _sorted_mapping(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_sorted_mapping(v) for v in value)
    return value


def check_text(text: str, path: str | None = None, config: ConfigLike = None) -> list[dict[str, Any]]:
    """The findings on one text as plain records (dicts of str, int, list and None), one
    per finding, in the text's order: picklable and JSON-ready, the fields of
    ``--format json`` and of a row of ``--output FILE.parquet``: path, line, column,
    end_line, end_column, offset, end_offset, rule, severity, message, text, suggestions,
    fix, edits. ``path`` names the text (a ``.md`` path turns on Markdown handling).

    The config and its rules are prepared once per process (`prepared`), so this is the
    function to map over many texts (``dask.bag.read_text(...).map(...)``). A rule that
    runs out of time adds no record and issues a `RuleProblemWarning`."""
    from sportlint.formatters.json_format import finding_record

    report = _report(text, path, config)
    return [{**finding_record(report, f), "path": path} for f in report.findings]


def summarize_text(text: str, path: str | None = None, config: ConfigLike = None) -> dict[str, Any]:
    """The per-article result as plain columns (`SUMMARY_COLUMNS`): the number of findings,
    of errors, warnings and suggestions, of findings ``--fix`` would fix, the rules that
    reported (sorted, comma-separated) and the rules that could not finish."""
    report = _report(text, path, config)
    found = report.findings
    return {
        "findings": len(found),
        "errors": sum(f.severity == Severity.ERROR for f in found),
        "warnings": sum(f.severity == Severity.WARNING for f in found),
        "suggestions": sum(f.severity == Severity.SUGGESTION for f in found),
        "fixable": sum(f.fix is not None and f.fix.applicability == Applicability.SAFE
                       for f in found),
        "rules": ",".join(sorted({f.rule for f in found})),
        "problems": len(report.problems),
    }


def summary_frame(frame: Any, text: str = "text", path: str | None = None,
                  config: ConfigLike = None) -> Any:
    """`summarize_text` for every row of a pandas DataFrame (``frame[text]`` holds the
    articles, ``frame[path]`` their names when given): a DataFrame with the
    `SUMMARY_COLUMNS`, on the frame's index. For ``dask.dataframe``:
    ``ddf.map_partitions(summary_frame, meta=SUMMARY_COLUMNS)``."""
    import pandas as pd

    names = frame[path] if path is not None else [None] * len(frame)
    rows = [summarize_text(t, n, config) for t, n in zip(frame[text], names, strict=True)]
    return pd.DataFrame(rows, index=frame.index, columns=list(SUMMARY_COLUMNS)).astype(SUMMARY_COLUMNS)


def _report(text: str, path: str | None, config: ConfigLike) -> FileReport:
    cfg, rules = prepared(config)
    doc = document.from_text(text, path)
    found = linter.lint(doc, cfg, rules)
    warn(found.problems)
    return FileReport(path or "", doc, found)
