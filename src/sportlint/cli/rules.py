"""`sportlint rules [RULE]`: list the rules, a family's rules, or one rule's documentation."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sportlint.cli.exitcode import ExitCode
from sportlint.config.loader import load_config, matches
from sportlint.engine import linter
from sportlint.rules import registry


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
        print(f"{cls.id} ({cls.severity.label}"
              f"{'' if cls.default_enabled else ', off by default'})\n")
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
        flag = "" if cls.default_enabled else " (off)"
        print(f"{rule_id:<{width}}  {cls.severity.label:<10} {cls.summary()}{flag}")
    return ExitCode.OK
