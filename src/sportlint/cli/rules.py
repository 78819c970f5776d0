"""`sportlint rules [RULE]`: list the rules, a family's rules, or one rule's documentation,
each with its state under the config that `check` would use here (``--config``, or the
nearest one above the current folder): on or off, and the severity it reports at."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sportlint.cli.exitcode import ExitCode
from sportlint.config.loader import Config, load_config, matches
from sportlint.engine import linter
from sportlint.rules import registry
from sportlint.rules.base import Rule


def cmd_rules(args: argparse.Namespace) -> int:
    # the shipped rules, and the newsroom's own from the config's rule_files
    config = load_config(args.config, search_from=Path.cwd())
    rules = {**registry.all_rules(), **linter.user_rules(config)}
    if args.rule and args.rule not in rules:
        # a prefix (`spelling`, `names.`) lists its rules
        rules = {rule_id: cls for rule_id, cls in rules.items() if matches(rule_id, args.rule)}
        if not rules:
            print(f"sportlint: unknown rule {args.rule!r}", file=sys.stderr)
            return ExitCode.ERROR
    elif args.rule:
        cls = rules[args.rule]
        on = _enabled(config, rule_id=cls.id, cls=cls)
        where = f" in {config.source}" if config.source else ""
        default = "" if cls.default_enabled else ", off by default"
        print(f"{cls.id} ({config.severity_for(cls.id, cls.severity).label}; "
              f"{'on' if on else 'off'}{where}{default})\n")
        documentation = cls.documentation()
        print(documentation)
        if cls.options:
            # under the documentation's own Options section (the last one), or a heading
            print("" if "\nOptions:\n" in f"\n{documentation}" else "\nOptions:")
            for key, option in cls.options.items():
                print(f"  {key}: {option.type_name}, default {option.default_text()}")
                if option.help:
                    print(f"    {option.help}")
        return ExitCode.OK
    width = max(len(r) for r in rules)
    for rule_id, cls in rules.items():
        flag = "" if _enabled(config, rule_id, cls) else " (off)"
        severity = config.severity_for(rule_id, cls.severity).label
        print(f"{rule_id:<{width}}  {severity:<10} {cls.summary()}{flag}")
    return ExitCode.OK


def _enabled(config: Config, rule_id: str, cls: type[Rule]) -> bool:
    """Whether `check` runs the rule under ``config`` (as `linter.active_rules` decides)."""
    return config.is_enabled(rule_id, cls.default_enabled) or \
        bool(cls.dynamic_ids and config.selects_below(rule_id))
