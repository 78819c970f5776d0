"""`sportlint check PATH...`: check the drafts, fix them with --fix, print the report."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sportlint.cli import diffbase
from sportlint.cli.discovery import iter_paths
from sportlint.cli.exitcode import ExitCode
from sportlint.config.loader import Config, ConfigError, load_config
from sportlint.engine import linter
from sportlint.findings import FileReport
from sportlint.formatters import base as formatters
from sportlint.rules.base import Rule
from sportlint.runner import jobs, progress, single
from sportlint.runner.dask import DaskError


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
        print("sportlint: --diff-base only filters what is reported; "
              "it cannot be combined with --fix, --unsafe-fixes or --diff", file=sys.stderr)
        return ExitCode.ERROR
    if args.dask_scheduler and (args.fix or args.unsafe_fixes) and not args.diff:
        print("sportlint: --dask-scheduler does not write fixes (--fix, --unsafe-fixes); "
              "use --diff, or fix the drafts with a local run", file=sys.stderr)
        return ExitCode.ERROR
    rules = linter.active_rules(config)
    options = single.Options(fix=bool(args.fix), unsafe=bool(args.unsafe_fixes),
                             diff=bool(args.diff), encoding=args.encoding)
    unreadable: list[FileReport] = []
    paths = list(iter_paths(args.paths, unreadable))
    if args.output and args.output != "-" and os.path.realpath(args.output) in \
            {os.path.realpath(p) for p in paths if p != "-"}:
        print(f"sportlint: --output {args.output} is one of the drafts being checked; "
              "refusing to overwrite it with the report", file=sys.stderr)
        return ExitCode.ERROR
    outcomes: dict[str, single.Outcome] = {}
    if "-" in paths:    # read once, here: a worker process has no standard input
        try:
            if sys.stdin is None:       # closed (`<&-`)
                raise OSError("it is closed")
            data = sys.stdin.buffer.read()
        except OSError as exc:
            outcomes["-"] = single.Outcome(FileReport("<stdin>", None, error=f"cannot read "
                                                      f"standard input ({exc.strerror or exc})"))
        else:
            outcomes["-"] = single.check_stdin(data, config, rules, options)
    files = [p for p in paths if p != "-"]
    sink = _Sink.open(args)     # --format jsonl and --output FILE.parquet: written as they come
    if isinstance(sink, int):
        return sink
    bar = progress.Bar(len(files), quiet=bool(getattr(args, "quiet", False)))
    checked = iter(_check_files(args, files, config, rules, options, bar.advance))
    reports: list[FileReport] = []
    diffs: list[str] = []
    stdin_fixed: str | None = None
    try:
        for path in paths:
            outcome = outcomes[path] if path == "-" else next(checked)
            for note in outcome.notes:
                print(f"sportlint: {note}", file=sys.stderr)
            diffs.append(outcome.diff)
            if outcome.output is not None:
                stdin_fixed = outcome.output
            report = outcome.report
            if args.diff_base:
                report = only_changed_lines(report, args.diff_base)
            if sink is not None:
                if sink.terminal:       # the bar's line is the same terminal's
                    bar.clear()
                sink.add(report)
                # kept for the messages and the exit code, without its text
                report = FileReport(report.path, None, report.findings, report.error,
                                    report.problems)
            reports.append(report)
    except DaskError as exc:
        bar.close()
        if sink is not None:
            sink.abort()
        print(f"sportlint: {exc}", file=sys.stderr)
        return ExitCode.ERROR
    except BaseException:
        bar.close()
        if sink is not None:
            sink.abort()
        raise
    bar.close()
    reports += unreadable
    if sink is not None:
        for report in unreadable:
            sink.add(report)
        failed = sink.close()
        if failed:
            return failed

    for report in reports:
        if report.error:
            print(f"sportlint: {report.path}: {report.error}", file=sys.stderr)
        for problem in report.problems:
            print(f"sportlint: {report.path}: {problem.describe()}", file=sys.stderr)
    # what goes to standard output, or to --output: the diff, the fixed standard input,
    # or the report (a streamed report is written already)
    if sink is None and not _write(args, _output(args, reports, diffs, stdin_fixed)):
        return ExitCode.ERROR
    if any(r.incomplete for r in reports):
        return ExitCode.ERROR
    if any(f.severity >= config.fail_level for r in reports for f in r.findings):
        return ExitCode.FINDINGS
    return ExitCode.OK


def _output(args: argparse.Namespace, reports: list[FileReport], diffs: list[str],
            stdin_fixed: str | None) -> str:
    if args.diff:
        return "".join(diffs)
    if stdin_fixed is not None:
        return stdin_fixed
    output = formatters.get(output_format(args))(reports)
    return output + ("\n" if output or args.output else "")


def _write(args: argparse.Namespace, output: str) -> bool:
    raw = output.encode("utf-8", "surrogateescape")   # the fixed text's bytes, exactly
    if args.output and args.output != "-":
        try:
            Path(args.output).write_bytes(raw)
        except OSError as exc:
            print(f"sportlint: cannot write {args.output}: {exc.strerror or exc}",
                  file=sys.stderr)
            return False
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(raw)
        sys.stdout.buffer.flush()
    return True


def _check_files(args: argparse.Namespace, files: list[str], config: Config,
                 rules: list[Rule], options: single.Options,
                 progress: Callable[[int, int], None]) -> Iterator[single.Outcome]:
    """The files' outcomes in order: on the Dask cluster of --dask-scheduler, else in
    --jobs processes (the default: one per core, or this process alone for a few small
    drafts)."""
    if args.dask_scheduler:
        from sportlint.runner import dask

        return dask.check_paths(files, config, options, args.dask_scheduler, progress)
    workers = args.jobs if args.jobs else jobs.choose_jobs(files, jobs.default_jobs())
    return jobs.check_paths(files, config, rules, options, workers, progress)


class _Sink:
    """A report written file by file as the run goes: ``--format jsonl`` (to standard
    output or --output) or ``--output FILE.parquet``."""

    def __init__(self, add: Callable[[FileReport], None], close: Callable[[], None],
                 abort: Callable[[], None], terminal: bool = False) -> None:
        self.add, self._close, self.abort = add, close, abort
        self.terminal = terminal        # writes to a terminal (the progress bar's, too)

    @classmethod
    def open(cls, args: argparse.Namespace) -> _Sink | int | None:
        """The sink the arguments ask for, None (the report is rendered at the end), or
        an exit code after a message."""
        from sportlint.formatters import parquet_format

        if args.diff or ((args.fix or args.unsafe_fixes) and "-" in args.paths):
            return None         # the diff or the fixed standard input is the output
        if parquet_format.wanted(args.output):
            if args.format:
                print(f"sportlint: --output {args.output} writes Parquet; --format does "
                      "not apply to it", file=sys.stderr)
                return ExitCode.ERROR
            try:
                writer = parquet_format.Writer(args.output)
            except parquet_format.ParquetError as exc:
                print(f"sportlint: {exc}", file=sys.stderr)
                return ExitCode.ERROR
            return cls(writer.add, writer.close, writer.abort)
        if output_format(args) != "jsonl":
            return None
        from sportlint.formatters import jsonl_format

        if args.output and args.output != "-":
            try:
                handle: Any = open(args.output, "wb")
            except OSError as exc:
                print(f"sportlint: cannot write {args.output}: {exc.strerror or exc}",
                      file=sys.stderr)
                return ExitCode.ERROR
            stream, done = handle, handle.close
        else:
            sys.stdout.flush()
            stream, done = sys.stdout.buffer, sys.stdout.buffer.flush

        def add(report: FileReport) -> None:
            text = jsonl_format.lines(report)
            if text:
                stream.write(text.encode("utf-8", "surrogateescape"))
                stream.flush()

        on_terminal = stream is sys.stdout.buffer and progress.is_terminal(sys.stdout)
        return cls(add, done, done, terminal=on_terminal)

    def close(self) -> int | None:
        """Finish the report; an exit code after a message when it cannot be written."""
        from sportlint.formatters.parquet_format import ParquetError

        try:
            self._close()
        except (ParquetError, OSError) as exc:
            print(f"sportlint: {exc}", file=sys.stderr)
            return ExitCode.ERROR
        return None
