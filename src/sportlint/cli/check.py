"""`sportlint check PATH...`: check the drafts, fix them with --fix, print the report."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from sportlint.cli import diffbase
from sportlint.cli.discovery import iter_paths
from sportlint.cli.errors import UsageError
from sportlint.cli.exitcode import ExitCode
from sportlint.config.loader import Config, ConfigError, load_config
from sportlint.engine import linter
from sportlint.findings import FileReport
from sportlint.formatters import base as formatters
from sportlint.runner import jobs, single
from sportlint.source import document
from sportlint.util.display import display_path


def _split(values: list[str]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


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
        lines = diffbase.changed_lines(report.path, ref)
    except diffbase.ChangedLinesError as exc:
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
        raise UsageError("--diff-base only filters what is reported; "
                         "it cannot be combined with --fix, --unsafe-fixes or --diff")
    rules = linter.active_rules(config)
    options = single.Options(fix=bool(args.fix), unsafe=bool(args.unsafe_fixes),
                             diff=bool(args.diff), encoding=args.encoding)
    unreadable: list[FileReport] = []
    paths = list(iter_paths(args.paths, unreadable))
    if args.output and args.output != "-" and os.path.realpath(args.output) in \
            {os.path.realpath(p) for p in paths if p != "-"}:
        raise UsageError(f"--output {args.output} is one of the drafts being checked; "
                         "refusing to overwrite it with the report")
    outcomes: dict[str, single.Outcome] = {}
    if "-" in paths:    # read once, here: a worker process has no standard input
        try:
            if sys.stdin is None:       # closed (`<&-`)
                raise OSError("it is closed")
            data = document.read_bounded(sys.stdin.buffer, config.max_file_size)
        except OSError as exc:
            outcomes["-"] = single.Outcome(FileReport("<stdin>", None, error=f"cannot read "
                                                      f"standard input ({exc.strerror or exc})"))
        else:
            if data is None:
                outcomes["-"] = single.Outcome(FileReport(
                    "<stdin>", None, error=document.too_large(config.max_file_size)))
            else:
                outcomes["-"] = single.check_stdin(data, config, rules, options)
    files = [p for p in paths if p != "-"]
    workers = args.jobs if args.jobs else jobs.default_jobs()
    outcomes.update(zip(files, jobs.check_paths(files, config, rules, options, workers), strict=True))
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
            print(f"sportlint: {display_path(report.path)}: {report.error}", file=sys.stderr)
        for problem in report.problems:
            print(f"sportlint: {display_path(report.path)}: {problem.describe()}",
                  file=sys.stderr)
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
