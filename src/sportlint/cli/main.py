"""The command line: `sportlint check PATH...`, `sportlint rules [RULE]`, `sportlint init`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from enum import IntEnum
from pathlib import Path

from sportlint import __version__, formatters
from sportlint.cli import diffbase as changed
from sportlint.cli.starter import starter_config
from sportlint.config.loader import Config, ConfigError, find_config, load_config, matches
from sportlint.engine import linter
from sportlint.findings import Severity
from sportlint.formatters import FileReport
from sportlint.rules import registry
from sportlint.runner import single as runner
from sportlint.source import document

CONFIG_FILE = ".sportlint.yaml"
TEXT_SUFFIXES = {".md", ".markdown", ".txt"}
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox"}


INTERRUPTED = 130    # Ctrl-C, as shells report it (128 + SIGINT)


class ExitCode(IntEnum):
    OK = 0           # nothing at or above the fail level
    FINDINGS = 1     # findings at or above the fail level
    ERROR = 2        # usage, configuration or input error


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
                       help="write the report to FILE instead of standard output (- for it)")
    # newsroom integrations (README.md, "Newsroom integrations")
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
        if args.command == "rules":
            return cmd_rules(args)
        if args.command == "init":
            return cmd_init(args)
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


def _split(values: list[str]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


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
        print(cls.documentation())
        if cls.options:
            print("\nOptions:")
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


def cmd_init(args: argparse.Namespace) -> int:
    target = Path(args.path)
    if target.is_dir():
        target = target / CONFIG_FILE
    # a config already in that folder (.sportlint.yml, [tool.sportlint]) would be shadowed
    existing = find_config(target.parent)
    if existing is not None and existing.parent != target.parent.resolve():
        existing = None
    if not args.force and (target.exists() or existing is not None):
        what = f"{target} already exists" if target.exists() else \
            f"{existing} already configures sportlint here"
        print(f"sportlint: {what} (use --force to write the starter anyway)", file=sys.stderr)
        return ExitCode.ERROR
    try:
        target.write_text(starter_config(), encoding="utf-8")
    except OSError as exc:
        print(f"sportlint: cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
        return ExitCode.ERROR
    print(f"sportlint: wrote {target}")
    return ExitCode.OK


def iter_paths(paths: Sequence[str], unreadable: list[FileReport] | None = None
               ) -> Iterator[str]:
    """Files to check: the files given, and *.md / *.txt under the directories given; each
    file once (standard input too), however many times it is named (through a symbolic
    or a hard link: two workers fixing one file at once would find it changed on disk).
    A folder that cannot be listed is added to ``unreadable`` as an error naming it."""
    seen: set[object] = set()
    for path in _walk(paths, unreadable if unreadable is not None else []):
        key: object = path if path == "-" else os.path.realpath(path)
        if path != "-":
            try:
                info = os.stat(path)
            except OSError:
                pass
            else:
                if info.st_ino:     # 0 where a file system has no file numbers
                    key = (info.st_dev, info.st_ino)
        if key not in seen:
            seen.add(key)
            yield path


def _walk(paths: Sequence[str], unreadable: list[FileReport]) -> Iterator[str]:
    def report(exc: OSError) -> None:
        folder = str(exc.filename or "?")
        unreadable.append(FileReport(folder, None, error=f"cannot read the folder "
                                     f"({exc.strerror or exc}); its drafts were not checked"))

    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            for folder, dirs, files in os.walk(path, onerror=report):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(files):
                    # only regular files: a FIFO or socket found in a folder would block
                    # (a path named on the command line is read whatever it is)
                    file = Path(folder) / name
                    if file.suffix.lower() in TEXT_SUFFIXES and \
                            (file.is_file() or not file.exists()):
                        yield str(file)
        else:
            yield raw


def load_settings(args: argparse.Namespace) -> Config:
    config = load_config(args.config, search_from=Path.cwd())
    for flag, values in (("--select", args.select), ("--ignore", args.ignore)):
        for prefix in linter.unknown_prefixes(_split(values), config):
            # a typo must not make a CI check pass by running nothing (as ruff does)
            raise ConfigError(f"{flag} {prefix}: no rule matches it (see `sportlint rules`)")
    config = config.with_overrides(select=_split(args.select), ignore=_split(args.ignore),
                                   fail_level=args.fail_level)
    if getattr(args, "languagetool", None):
        config.languagetool["url"] = args.languagetool
    return config


def output_format(args: argparse.Namespace) -> str:
    """The --format given; else GitHub annotations inside GitHub Actions; else text."""
    if args.format:
        return str(args.format)
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def only_changed_lines(report: FileReport, ref: str) -> FileReport:
    """The report with only the findings that touch a line changed since ``ref``."""
    if report.doc is None or report.error:
        return report
    if report.path == "<stdin>":
        return FileReport(report.path, None, error="--diff-base needs files, not standard input")
    try:
        lines = changed.changed_lines(report.path, ref)
    except changed.ChangedLinesError as exc:
        return FileReport(report.path, None, error=str(exc))
    if lines is None:
        return report
    doc = report.doc
    kept = [f for f in report.findings
            if any(n in lines for n in range(doc.position(f.start)[0], doc.position(f.end)[0] + 1))]
    return FileReport(report.path, doc, kept, problems=report.problems)


def cmd_check(args: argparse.Namespace) -> int:
    config = load_settings(args)
    if args.report_unused_suppressions:
        config = config.with_overrides(report_unused_suppressions=True)
    if args.diff_base and (args.fix or args.unsafe_fixes or args.diff):
        print("sportlint: --diff-base only filters what is reported; "
              "it cannot be combined with --fix, --unsafe-fixes or --diff", file=sys.stderr)
        return ExitCode.ERROR
    rules = linter.active_rules(config)
    options = runner.Options(fix=bool(args.fix), unsafe=bool(args.unsafe_fixes),
                             diff=bool(args.diff), encoding=args.encoding)
    unreadable: list[FileReport] = []
    paths = list(iter_paths(args.paths, unreadable))
    if args.output and args.output != "-" and os.path.realpath(args.output) in \
            {os.path.realpath(p) for p in paths if p != "-"}:
        print(f"sportlint: --output {args.output} is one of the drafts being checked; "
              "refusing to overwrite it with the report", file=sys.stderr)
        return ExitCode.ERROR
    outcomes: dict[str, runner.Outcome] = {}
    if "-" in paths:    # read once, here: a worker process has no standard input
        try:
            if sys.stdin is None:       # closed (`<&-`)
                raise OSError("it is closed")
            data = sys.stdin.buffer.read()
        except OSError as exc:
            outcomes["-"] = runner.Outcome(FileReport("<stdin>", None, error=f"cannot read "
                                                      f"standard input ({exc.strerror or exc})"))
        else:
            outcomes["-"] = runner.check_stdin(data, config, rules, options)
    files = [p for p in paths if p != "-"]
    jobs = args.jobs if args.jobs else runner.default_jobs()
    outcomes.update(zip(files, runner.check_paths(files, config, rules, options, jobs), strict=True))
    reports: list[FileReport] = []
    diffs: list[str] = []
    stdin_fixed: str | None = None
    for path in paths:
        outcome = outcomes[path]
        for note in outcome.notes:
            print(f"sportlint: {note}", file=sys.stderr)
        diffs.append(outcome.diff)
        if outcome.output is not None:
            stdin_fixed = outcome.output
        report = outcome.report
        if args.diff_base:
            report = only_changed_lines(report, args.diff_base)
        reports.append(report)
    reports += unreadable

    for report in reports:
        if report.error:
            print(f"sportlint: {report.path}: {report.error}", file=sys.stderr)
        for problem in report.problems:
            print(f"sportlint: {report.path}: {problem.describe()}", file=sys.stderr)
    # what goes to standard output, or to --output: the diff, the fixed standard input,
    # or the report
    if args.diff:
        output = "".join(diffs)
    elif stdin_fixed is not None:
        output = stdin_fixed
    else:
        output = formatters.get(output_format(args))(reports)
        output += "\n" if output or args.output else ""
    raw = output.encode("utf-8", "surrogateescape")   # the fixed text's bytes, exactly
    if args.output and args.output != "-":
        try:
            Path(args.output).write_bytes(raw)
        except OSError as exc:
            print(f"sportlint: cannot write {args.output}: {exc.strerror or exc}",
                  file=sys.stderr)
            return ExitCode.ERROR
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(raw)
        sys.stdout.buffer.flush()
    if any(r.incomplete for r in reports):
        return ExitCode.ERROR
    if any(f.severity >= config.fail_level for r in reports for f in r.findings):
        return ExitCode.FINDINGS
    return ExitCode.OK


if __name__ == "__main__":
    raise SystemExit(main())
