"""The command line: `sportlint check PATH...` (`cli.check`), `sportlint rules [RULE]`
(`cli.rules`), `sportlint init` (`cli.init`), `sportlint serve` (`cli.serve`) and
`sportlint lsp` (`cli.lsp`); this module parses the arguments and dispatches."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from sportlint import __version__
from sportlint.cli import errors
from sportlint.cli.exitcode import DEBUG_ENV, INTERRUPTED, ExitCode
from sportlint.config.loader import CONFIG_FILE, ConfigError
from sportlint.findings import Severity
from sportlint.formatters import base as formatters

__all__ = ["ExitCode", "build_parser", "main"]


class _Parser(argparse.ArgumentParser):
    """argparse's parser, remembering its last error for the machine-readable formats."""

    last_error: str | None = None

    def error(self, message: str) -> NoReturn:
        _Parser.last_error = message
        super().error(message)

    def _get_formatter(self) -> argparse.HelpFormatter:
        # argparse's formatter asks shutil for the terminal's width, and argparse builds
        # one for every add_argument: importing shutil (with bz2, lzma, zlib) costs a cold
        # start some milliseconds. The same width, as shutil.get_terminal_size computes it.
        return self.formatter_class(prog=self.prog, width=_columns() - 2)  # type: ignore[call-arg]


def _columns() -> int:
    """The terminal's width as `shutil.get_terminal_size` gives it (fallback 80)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    try:
        lines = int(os.environ["LINES"])
    except (KeyError, ValueError):
        lines = 0
    if columns <= 0 or lines <= 0:
        try:
            size = os.get_terminal_size(sys.__stdout__.fileno())  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            size = os.terminal_size((80, 24))
        if columns <= 0:
            columns = size.columns or 80
    return columns


#: the servers' one-line help, for `sportlint --help` without loading their modules
SERVERS = {"serve": "serve LanguageTool's HTTP API for editors and browsers",
           "lsp": "run the language server (LSP over stdio) for editors"}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; given the ``command`` about to run, the servers' subcommands get their
    options only when one of them is it (a `check` builds less, so starts sooner)."""
    parser = _Parser(
        prog="sportlint", description="Proofreading linter for Italian sports journalism.")
    parser.add_argument("--version", action="version", version=f"sportlint {__version__}")
    _debug_flag(parser, argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="check drafts (files, directories, - for stdin)")
    _debug_flag(check, argparse.SUPPRESS)
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--format", choices=formatters.FORMATS, default=None,
                       help="output format (default: github when GITHUB_ACTIONS=true, else text)")
    check.add_argument("-o", "--output", metavar="FILE",
                       help="write the report to FILE instead of standard output (- for it); "
                            "FILE.parquet writes a Parquet table, one row per finding")
    # newsroom integrations (docs/integrations.md)
    check.add_argument("--diff-base", metavar="REF",
                       help="report (and with --fix, fix) only findings on lines added or "
                            "changed since this git ref")
    check.add_argument("--report-unused-suppressions", action="store_true",
                       help="report sportlint-disable comments that hide nothing")
    check.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    check.add_argument("--unsafe-fixes", action="store_true",
                       help="also apply unsafe fixes (implies --fix unless --diff)")
    check.add_argument("--diff", action="store_true",
                       help="print the fixes as a unified diff and write nothing")
    check.add_argument("--fix-only", action="store_true",
                       help="apply safe fixes and report only what was fixed, not the findings "
                            "that remain (exit 0 unless an error; the sportlint-fix hook)")
    check.add_argument("--show-fixes", action="store_true",
                       help="list the fixes applied (or, without --fix, those it would apply)")
    # what is printed (as ruff prints it)
    check.add_argument("--statistics", action="store_true",
                       help="print how many findings each rule has instead of the findings")
    check.add_argument("-q", "--quiet", action="store_true",
                       help="print the findings and nothing else (no summary)")
    check.add_argument("-w", "--watch", action="store_true",
                       help="check again whenever a draft or a config file changes (Ctrl-C to stop)")
    check.add_argument("--exit-zero", action="store_true",
                       help="exit 0 even when there are findings (2 still means an error)")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour the text output: auto (a terminal, unless NO_COLOR is set), "
                            "always or never")
    check.add_argument("--no-color", dest="color", action="store_const", const="never",
                       help="the same as --color never")
    # which files a folder's walk reads (cli/discovery.py)
    check.add_argument("--exclude", action="append", default=None, metavar="PATTERN",
                       help="leave out these files and folders (gitignore patterns; repeatable "
                            "or comma-separated); replaces the config's exclude")
    check.add_argument("--extend-exclude", action="append", default=[], metavar="PATTERN",
                       help="leave out these too, besides the config's exclude")
    check.add_argument("--force-exclude", action="store_true",
                       help="apply the exclusions to files named on the command line too "
                            "(as the pre-commit hooks do)")
    check.add_argument("--no-respect-gitignore", action="store_true",
                       help="also check the files that git ignores (.gitignore)")
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
    check.add_argument("--no-cache", action="store_true",
                       help="check every file again, without reading or writing the result "
                            "cache (docs/cli.md#the-result-cache)")
    check.add_argument("--dask-scheduler", metavar="ADDRESS",
                       help="check the files on this running Dask cluster (tcp://host:8786); "
                            "the workers must read the same paths (docs/archive.md)")
    check.add_argument("--languagetool", metavar="URL",
                       help="also check with this LanguageTool server (overrides languagetool.url)")
    check.add_argument("--stdin-filename", metavar="PATH",
                       help="the file that standard input (PATH -) holds: its config is found "
                            "from its folder, its suffix says Markdown, the report names it")

    init = sub.add_parser("init", help="write a commented starter .sportlint.yaml")
    _debug_flag(init, argparse.SUPPRESS)
    init.add_argument("path", nargs="?", default=CONFIG_FILE, metavar="PATH",
                      help=f"where to write it (default: {CONFIG_FILE}; a folder gets {CONFIG_FILE})")
    init.add_argument("--force", action="store_true", help="overwrite an existing file")

    rules = sub.add_parser("rules", help="list the rules, or show one rule's documentation")
    _debug_flag(rules, argparse.SUPPRESS)
    rules.add_argument("rule", nargs="?", metavar="RULE",
                       help="a rule id (its documentation) or a prefix (its rules)")
    rules.add_argument("--config", metavar="FILE",
                       help="config whose rule_files add rules (default: searched upward)")

    # the servers for editors (docs/editors.md); their code loads only when they run
    if command is None or command in SERVERS:
        from sportlint.cli import lsp, serve

        serve.add_parser(sub, SERVERS["serve"])
        lsp.add_parser(sub, SERVERS["lsp"])
    else:
        for name, text in SERVERS.items():
            sub.add_parser(name, help=text)
    learn = sub.add_parser("names", help="the newsroom's names: `names learn ARCHIVE...` "
                                         "writes a names file (names.files) from the names "
                                         "a folder of published articles uses")
    learn.add_argument("action", choices=("learn",), help="learn: read ARCHIVE, write names")
    learn.add_argument("archive", nargs="+", metavar="ARCHIVE",
                       help="folders (their *.txt and *.md) or files of published articles")
    learn.add_argument("-o", "--output", default="-", metavar="FILE",
                       help="where to write the names file (default: standard output)")
    learn.add_argument("--min-count", type=int, default=2, metavar="N",
                       help="names written fewer times are left out (default: 2)")
    learn.add_argument("--config", metavar="FILE",
                       help="a config whose names (accept, files) count as known")
    return parser


def _debug_flag(parser: argparse.ArgumentParser, default: object) -> None:
    # on the main parser and on every command (`sportlint --debug check` and
    # `sportlint check --debug`); SUPPRESS keeps a command's parser from resetting it
    parser.add_argument("--debug", action="store_true", default=default,
                        help="show the Python traceback of an internal error")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv or os.environ.get(DEBUG_ENV) == "1"
    fmt = errors.requested_format(argv)
    parser = build_parser(next((w for w in argv if not w.startswith("-")), None))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        if exc.code in (0, None):
            return ExitCode.OK
        errors.write_document(fmt, "usage", _Parser.last_error or "the command line is not "
                              "valid", None)
        return ExitCode.ERROR
    if debug:
        os.environ[DEBUG_ENV] = "1"     # worker processes (--jobs) inherit it
    output = getattr(args, "output", None)
    try:
        # each command's module is imported when it runs: `check` does not load `init`'s
        if args.command == "rules":
            from sportlint.cli.rules import cmd_rules

            return cmd_rules(args)
        if args.command == "serve":
            from sportlint.cli.serve import cmd_serve

            return cmd_serve(args)
        if args.command == "lsp":
            from sportlint.cli.lsp import cmd_lsp

            return cmd_lsp(args)
        if args.command == "names":
            from sportlint.cli.names import cmd_names

            return cmd_names(args)
        if args.command == "init":
            from sportlint.cli.init import cmd_init

            return cmd_init(args)
        if getattr(args, "watch", False):
            from sportlint.cli.watch import watch

            return watch(args)
        from sportlint.cli.check import cmd_check

        return cmd_check(args)
    except ConfigError as exc:
        print(f"sportlint: config error: {exc}", file=sys.stderr)
        errors.write_document(fmt, "config", str(exc), output)
        return ExitCode.ERROR
    except errors.UsageError as exc:
        print(f"sportlint: {exc}", file=sys.stderr)
        # not into --output: it may be the very draft the message protects
        errors.write_document(fmt, "usage", str(exc), None)
        return ExitCode.ERROR
    except BrokenPipeError:
        return ExitCode.OK
    except KeyboardInterrupt:
        # Ctrl-C: a line, not a traceback (each file was fixed whole or not at all)
        print("sportlint: interrupted", file=sys.stderr)
        return INTERRUPTED
    except MemoryError:
        message = "out of memory (try a smaller file, or fewer --jobs)"
        print(f"sportlint: {message}", file=sys.stderr)
        errors.write_document(fmt, "internal", message, output)
        return ExitCode.INTERNAL
    except Exception as exc:  # a bug: one line and exit code 3, never 1 (findings)
        if debug:
            import traceback

            traceback.print_exc()
        message = errors.internal_message(exc)
        print(f"sportlint: {message}" + ("" if debug else " (--debug shows the traceback)"),
              file=sys.stderr)
        errors.write_document(fmt, "internal", message, output)
        return ExitCode.INTERNAL


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
    from sportlint.source import document  # here: `sportlint --version` needs no regex

    try:
        return document.encoding_name(value)
    except LookupError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


if __name__ == "__main__":
    raise SystemExit(main())
