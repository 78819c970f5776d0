"""What `sportlint check` prints besides the report itself: whether to colour it
(``--color``, ``NO_COLOR``), what ``--fix`` did (``Fixed 4 problems, 1 remaining``),
``--show-fixes`` and ``--statistics``."""

from __future__ import annotations

import os
from collections import Counter
from typing import TextIO

from sportlint.findings import FileReport, Finding


def use_color(choice: str, stream: TextIO, to_file: bool = False) -> bool:
    """``--color always|never|auto``: auto colours a terminal only, and never when
    ``NO_COLOR`` is set (https://no-color.org); ``FORCE_COLOR`` colours a pipe too."""
    if choice == "always":
        return True
    if choice == "never" or to_file:
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _problems(n: int) -> str:
    return f"{n} problem{'s' if n != 1 else ''}"


def fix_summary(fixed: int, remaining: int, would: bool = False) -> str:
    """``Fixed 4 problems, 1 remaining`` (``Would fix`` with --diff)."""
    verb = "Would fix" if would else "Fixed"
    return f"{verb} {_problems(fixed)}, {remaining} remaining"


def show_fixes(fixed: list[tuple[str, list[Finding]]], would: bool = False) -> str:
    """The fixes applied, per file and per rule, as ruff's ``--show-fixes`` lists them."""
    files = [(path, found) for path, found in fixed if found]
    if not files:
        return ""
    total = sum(len(found) for _, found in files)
    lines = [f"{'Fixes --fix would apply' if would else 'Fixes applied'} ({_problems(total)}):"]
    for path, found in files:
        lines.append(f"- {path}:")
        counts = Counter(f.rule for f in found)
        width = len(str(max(counts.values())))
        for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            lines.append(f"    {count:>{width}} × {rule}")
    return "\n".join(lines)


def statistics(reports: list[FileReport], as_json: bool = False) -> str:
    """``--statistics``: how many findings each rule has, most first; ``[*]`` marks a
    rule whose findings ``--fix`` fixes (all of them or some)."""
    from sportlint.formatters.statistics import collect  # only for --statistics

    stats = collect(reports)            # the whole-run counts that Dask and jsonl runs add up
    fixable = stats.fixable
    ranked = [(rule, count) for rule, count, _, _ in stats.rows()]
    if as_json:
        import json

        return json.dumps([{"rule": rule, "count": count, "fixable": fixable[rule]}
                           for rule, count in ranked], ensure_ascii=False, indent=2)
    if not ranked:
        return ""
    width = len(str(ranked[0][1]))
    rule_width = max(len(rule) for rule, _ in ranked)
    return "\n".join(f"{count:>{width}}  {rule:<{rule_width}}  {'[*]' if fixable[rule] else '   '}"
                     .rstrip() for rule, count in ranked)
