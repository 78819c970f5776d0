"""The command line: `sportlint check PATH...` (`cli.check`), `sportlint rules [RULE]`
(`cli.rules`), `sportlint init` (`cli.init`); this module parses the arguments and
dispatches."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from sportlint import __version__
from sportlint.cli.exitcode import INTERRUPTED, ExitCode
from sportlint.config.loader import CONFIG_FILE, ConfigError
from sportlint.findings import Severity
from sportlint.formatters import base as formatters
from sportlint.source import document

__all__ = ["ExitCode", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sportlint", description="Proofreading linter for Italian sports journalism.")
    parser.add_argument("--version", action="version", version=f"sportlint {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="check drafts (files, directories, - for stdin)")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--format", choices=formatters.FORMATS, default=None,
                       help="output format (default: github when GITHUB_ACTIONS=true, else text)")
    check.add_argument("-o", "--output", metavar="FILE",
                       help="write the report to FILE instead of standard output (- for it); "
                            "FILE.parquet writes a Parquet table, one row per finding")
    # newsroom integrations (docs/integrations.md)
    check.add_argument("--diff-base", metavar="REF",
                       help="report only findings on lines added or changed since this git ref")
    check.add_argument("--report-unused-suppressions", action="store_true",
                       help="report sportlint-disable comments that hide nothing")
    check.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    check.add_argument("--unsafe-fixes", action="store_true",
                       help="also apply unsafe fixes (implies --fix unless --diff)")
    check.add_argument("--diff", action="store_true",
                       help="print the fixes as a unified diff and write nothing")
    check.add_argument("--encoding", type=_encoding, metavar="NAME",
                       help="the drafts' encoding, e.g. latin-1 or cp1252 (default: utf-8); "
                            "--fix writes them back in it")
    check.add_argument("--select", action="append", default=[], metavar="RULE_PREFIX",
                       help="only these rules (repeatable, or comma-separated)")
    check.add_argument("--ignore", action="append", default=[], metavar="RULE_PREFIX",
                       help="skip these rules (repeatable, or comma-separated)")
    check.add_argument("--fail-level", choices=[s.label for s in Severity],
                       help="lowest severity that makes the exit code 1 (default: warning)")
    check.add_argument("--config", metavar="FILE", help="config file (default: searched upward)")
    check.add_argument("-j", "--jobs", type=_jobs, default=0, metavar="N",
                       help="check files in N parallel processes (default: one per core)")
    check.add_argument("--dask-scheduler", metavar="ADDRESS",
                       help="check the files on this running Dask cluster (tcp://host:8786); "
                            "the workers must read the same paths (docs/archive.md)")
    check.add_argument("--languagetool", metavar="URL",
                       help="also check with this LanguageTool server (overrides languagetool.url)")

    init = sub.add_parser("init", help="write a commented starter .sportlint.yaml")
    init.add_argument("path", nargs="?", default=CONFIG_FILE, metavar="PATH",
                      help=f"where to write it (default: {CONFIG_FILE}; a folder gets {CONFIG_FILE})")
    init.add_argument("--force", action="store_true", help="overwrite an existing file")

    rules = sub.add_parser("rules", help="list the rules, or show one rule's documentation")
    rules.add_argument("rule", nargs="?", metavar="RULE",
                       help="a rule id (its documentation) or a prefix (its rules)")
    rules.add_argument("--config", metavar="FILE",
                       help="config whose rule_files add rules (default: searched upward)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(ExitCode.ERROR if exc.code not in (0, None) else ExitCode.OK)
    try:
        # each command's module is imported when it runs: `check` does not load `init`'s
        if args.command == "rules":
            from sportlint.cli.rules import cmd_rules

            return cmd_rules(args)
        if args.command == "init":
            from sportlint.cli.init import cmd_init

            return cmd_init(args)
        from sportlint.cli.check import cmd_check

        return cmd_check(args)
    except ConfigError as exc:
        print(f"sportlint: config error: {exc}", file=sys.stderr)
        return ExitCode.ERROR
    except BrokenPipeError:
        return ExitCode.OK
    except KeyboardInterrupt:
        # Ctrl-C: a line, not a traceback (each file was fixed whole or not at all)
        print("sportlint: interrupted", file=sys.stderr)
        return INTERRUPTED


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = -1
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of processes, 1 or more, "
                                         f"not {value!r}")
    return jobs


def _encoding(value: str) -> str:
    try:
        return document.encoding_name(value)
    except LookupError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


if __name__ == "__main__":
    raise SystemExit(main())
