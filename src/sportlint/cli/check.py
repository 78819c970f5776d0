"""`sportlint check PATH...`: check the drafts, fix them with --fix, print the report."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sportlint.cli import diffbase
from sportlint.cli import output as out
from sportlint.cli.discovery import Exclusions, iter_paths
from sportlint.cli.errors import UsageError
from sportlint.cli.exitcode import ExitCode
from sportlint.config.loader import Config, ConfigError, ConfigFinder
from sportlint.engine import fixer, linter
from sportlint.findings import FileReport, Finding
from sportlint.formatters import base as formatters
from sportlint.formatters import text_format
from sportlint.rules.base import Rule
from sportlint.runner import jobs, progress, resultcache, single
from sportlint.runner.dask import DaskError
from sportlint.source import document
from sportlint.util.display import display_path


def _split(values: list[str]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def load_settings(args: argparse.Namespace, folder: Path | None = None) -> Config:
    """The config for the files of ``folder`` (default: the current one) with the command
    line's overrides."""
    return settings(args).for_folder(folder or stdin_folder(args))


def stdin_folder(args: argparse.Namespace) -> Path:
    """Where standard input's config is searched from: the folder of the file it holds
    (``--stdin-filename``), as for the file itself; else the current folder."""
    stdin_name = getattr(args, "stdin_filename", None)
    return (Path.cwd() / stdin_name).parent if stdin_name else Path.cwd()


def settings(args: argparse.Namespace) -> ConfigFinder:
    """Each file's config: ``--config``, or the nearest one above the file (as ruff finds
    it), with the command line's overrides applied."""
    return ConfigFinder(args.config, prepare=lambda config: _with_arguments(config, args))


def _with_arguments(config: Config, args: argparse.Namespace) -> Config:
    for flag, values in (("--select", args.select), ("--ignore", args.ignore)):
        # (no flag: no rule need be loaded, which a run whose results are cached skips)
        for prefix in linter.unknown_prefixes(_split(values), config) if values else ():
            # a typo must not make a CI check pass by running nothing (as ruff does)
            raise ConfigError(f"{flag} {prefix}: no rule matches it (see `sportlint rules`)")
    config = config.with_overrides(select=_split(args.select), ignore=_split(args.ignore),
                                   fail_level=args.fail_level)
    if getattr(args, "languagetool", None):
        config.languagetool["url"] = args.languagetool
    if getattr(args, "report_unused_suppressions", False):
        config = config.with_overrides(report_unused_suppressions=True)
    return config


def output_format(args: argparse.Namespace) -> str:
    """The --format given; else GitHub annotations inside GitHub Actions; else text."""
    if args.format:
        return str(args.format)
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def only_changed_lines(report: FileReport, lines: frozenset[int] | None) -> FileReport:
    """The report with only the findings that touch one of ``lines`` (None: all)."""
    if report.doc is None or report.error or lines is None:
        return report
    doc = report.doc
    kept = [f for f in report.findings
            if any(n in lines for n in range(doc.position(f.start)[0], doc.position(f.end)[0] + 1))]
    return FileReport(report.path, doc, kept, problems=report.problems)


def _changed_lines(paths: list[str], ref: str, errors: dict[str, str]
                   ) -> dict[str, frozenset[int] | None]:
    """Each file's lines changed since ``ref``; a file git cannot answer for goes to
    ``errors``. A bad ref (or no git) raises `diffbase.BadRef`: it is one error, not one
    per file."""
    changed: dict[str, frozenset[int] | None] = {}
    for path in paths:
        try:
            lines = diffbase.changed_lines(path, ref)
        except diffbase.BadRef:
            raise
        except diffbase.ChangedLinesError as exc:
            errors[path] = str(exc)
            continue
        changed[path] = None if lines is None else frozenset(lines)
    return changed


def _exclusions(args: argparse.Namespace, finder: ConfigFinder) -> Exclusions:
    exclude = _split(args.exclude) if args.exclude is not None else None
    gitignore = False if args.no_respect_gitignore else None
    return Exclusions(finder.for_folder, exclude, _split(args.extend_exclude), gitignore)


def cmd_check(args: argparse.Namespace) -> int:
    if getattr(args, "stdin_filename", None) and args.paths != ["-"]:
        raise UsageError("--stdin-filename names what standard input holds: give - as the "
                         "only PATH")
    finder = settings(args)
    here = finder.for_folder(stdin_folder(args))   # standard input's; a bad flag fails here
    fix_only = bool(getattr(args, "fix_only", False))
    if args.dask_scheduler and (args.fix or args.unsafe_fixes or fix_only) and not args.diff:
        print("sportlint: --dask-scheduler does not write fixes (--fix, --unsafe-fixes); "
              "use --diff, or fix the drafts with a local run", file=sys.stderr)
        return ExitCode.ERROR
    fixing = bool(args.fix or args.unsafe_fixes or args.diff or fix_only)
    options = single.Options(fix=bool(args.fix or fix_only), unsafe=bool(args.unsafe_fixes),
                             diff=bool(args.diff), encoding=args.encoding)
    unreadable: list[FileReport] = []
    paths = list(iter_paths(args.paths, unreadable, _exclusions(args, finder), args.force_exclude))
    if args.output and args.output != "-" and os.path.realpath(args.output) in \
            {os.path.realpath(p) for p in paths if p != "-"}:
        raise UsageError(f"--output {args.output} is one of the drafts being checked; "
                         "refusing to overwrite it with the report")
    files = [p for p in paths if p != "-"]
    outcomes: dict[str, single.Outcome] = {}
    changed: dict[str, frozenset[int] | None] | None = None
    if args.diff_base:
        if "-" in paths:
            outcomes["-"] = single.Outcome(FileReport(
                "<stdin>", None, error="--diff-base needs files, not standard input"))
        errors: dict[str, str] = {}
        try:
            changed = _changed_lines(files, args.diff_base, errors)
        except diffbase.BadRef as exc:
            raise UsageError(str(exc)) from None
        for path, error in errors.items():
            outcomes[path] = single.Outcome(FileReport(path, None, error=error))
        files = [p for p in files if p not in errors]
        options = dataclasses.replace(options, changed=changed)
    if "-" in paths and "-" not in outcomes:   # read once, here: a worker has no stdin
        try:
            if sys.stdin is None:       # closed (`<&-`)
                raise OSError("it is closed")
            data = document.read_bounded(sys.stdin.buffer, here.max_file_size)
        except OSError as exc:
            outcomes["-"] = single.Outcome(FileReport("<stdin>", None, error=f"cannot read "
                                                      f"standard input ({exc.strerror or exc})"))
        else:
            if data is None:
                outcomes["-"] = single.Outcome(FileReport(
                    "<stdin>", None, error=document.too_large(here.max_file_size)))
            else:
                outcomes["-"] = single.check_stdin(data, here, linter.active_rules(here),
                                                   options, getattr(args, "stdin_filename", None))
    configs: dict[str, Config] = {"-": here}
    groups: dict[int, tuple[Config, list[str]]] = {}
    for path in files:
        config = configs[path] = finder.for_file(path)
        groups.setdefault(id(config), (config, []))[1].append(path)
    sink = _Sink.open(args, fix_only)   # --format jsonl, --output FILE.parquet: as they come
    if isinstance(sink, int):
        return sink
    bar = progress.Bar(len(files), quiet=bool(args.quiet))
    reports: list[FileReport] = []
    levels: list[Config] = []
    diffs: list[str] = []
    fixed: list[tuple[str, list[Finding]]] = []
    stdin_fixed: str | None = None
    try:
        # one config (an archive): the outcomes are read as they come, in order; several
        # (a folder with a config of its own): each config's files, then in order
        checked: Iterator[single.Outcome] = iter(())
        for config, group in groups.values():
            found = _check_files(args, group, config, options, bar.advance)
            if len(groups) == 1:
                checked = iter(found)
            else:
                outcomes.update(zip(group, found, strict=True))
        for path in paths:
            outcome = outcomes[path] if path in outcomes else next(checked)
            for note in outcome.notes:
                print(f"sportlint: {note}", file=sys.stderr)
            diffs.append(outcome.diff)
            if outcome.output is not None:
                stdin_fixed = outcome.output
            report = outcome.report
            if changed is not None:
                report = only_changed_lines(report, changed.get(path))
            if sink is not None:
                if sink.terminal:       # the bar's line is the same terminal's
                    bar.clear()
                sink.add(report)
                # kept for the messages and the exit code, without its text
                report = FileReport(report.path, None, report.findings, report.error,
                                    report.problems)
            reports.append(report)
            levels.append(configs.get(path, here))
            fixed.append((report.path, outcome.fixed))
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
    levels += [here] * len(unreadable)
    if sink is not None:
        for report in unreadable:
            sink.add(report)
        failed = sink.close()
        if failed:
            return failed

    for report in reports:
        if report.error:
            print(f"sportlint: {display_path(report.path)}: {report.error}", file=sys.stderr)
        for problem in report.problems:
            print(f"sportlint: {display_path(report.path)}: {problem.describe()}",
                  file=sys.stderr)
    # what goes to standard output, or to --output: the diff, the fixed standard input,
    # the statistics, or the report; then what --fix did
    fmt = output_format(args)
    to_file = bool(args.output and args.output != "-")
    summary: list[str] = []
    if not args.quiet:
        if args.show_fixes:
            summary.append(out.show_fixes(fixed if fixing else _fixable(reports, options),
                                          would=args.diff or not fixing))
        if fixing:
            remaining = sum(len(r.findings) for r in reports)
            summary.append(out.fix_summary(sum(len(f) for _, f in fixed), remaining,
                                           would=bool(args.diff)))
    summary = [s for s in summary if s]
    if sink is not None:        # a streamed report is written already
        if summary:
            print("\n".join(summary), file=sys.stderr)
    else:
        summary_on_stdout = fmt == "text" and not args.diff and stdin_fixed is None
        if args.diff:
            output = "".join(diffs)
        elif stdin_fixed is not None:
            output = stdin_fixed
        elif args.statistics:
            output = out.statistics(reports, as_json=fmt == "json")
            output += "\n" if output else ""
        elif fix_only:
            output = ""
        else:
            if fmt == "text":
                color = out.use_color(args.color, sys.stdout, to_file)
                output = text_format.render(reports, color=color, summary=not args.quiet)
            else:
                output = formatters.get(fmt)(reports)
            output += "\n" if output or args.output else ""
        if summary and summary_on_stdout:
            output += ("\n" if output.strip() else "") + "\n".join(summary) + "\n"
        elif summary:
            print("\n".join(summary), file=sys.stderr)
        raw = output.encode("utf-8", "surrogateescape")   # the fixed text's bytes, exactly
        if to_file:
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
    if args.exit_zero or fix_only:
        return ExitCode.OK
    if any(f.severity >= config.fail_level
           for r, config in zip(reports, levels, strict=True) for f in r.findings):
        return ExitCode.FINDINGS
    return ExitCode.OK


def _fixable(reports: list[FileReport], options: single.Options
             ) -> list[tuple[str, list[Finding]]]:
    """What ``--fix`` would fix (``--show-fixes`` without it)."""
    return [(r.path, [f for f in r.findings
                      if f.fix and fixer.allowed(f.fix.applicability, options.unsafe)])
            for r in reports]


def _check_files(args: argparse.Namespace, files: list[str], config: Config,
                 options: single.Options,
                 progress: Callable[[int, int], None]) -> Iterator[single.Outcome]:
    """The files' outcomes in order: from the result cache when it holds them all (no
    rule loaded, no worker started); else on the Dask cluster of --dask-scheduler, else in
    --jobs processes (the default: one per core, or this process alone for a few small
    drafts)."""
    if args.dask_scheduler:
        from sportlint.runner import dask

        return dask.check_paths(files, config, options, args.dask_scheduler, progress)
    cache = None if getattr(args, "no_cache", False) else resultcache.for_run(config)
    if cache is not None:
        options = dataclasses.replace(options, cache=cache)
        if all(single.is_cached(path, config, options) for path in files):
            return _pruned_after(_from_cache(files, config, options, progress), cache.folder)
    rules = linter.active_rules(config)
    workers = args.jobs if args.jobs else jobs.choose_jobs(files, jobs.default_jobs())
    found = jobs.check_paths(files, config, rules, options, workers, progress)
    return found if cache is None else _pruned_after(found, cache.folder)


def _from_cache(files: list[str], config: Config, options: single.Options,
                progress: Callable[[int, int], None]) -> Iterator[single.Outcome]:
    """The outcomes of files whose results are cached; a file whose entry went missing
    meanwhile (another run pruned it) is checked, with the rules loaded then."""
    rules: list[Rule] | None = None
    for path in files:
        outcome = single.cached(path, config, options)
        if outcome is None:
            rules = linter.active_rules(config) if rules is None else rules
            outcome = jobs.safe_check(path, config, rules, options)
        progress(1, len(outcome.report.findings))
        yield outcome


def _pruned_after(outcomes: Iterator[single.Outcome], folder: str) -> Iterator[single.Outcome]:
    """The outcomes; once they are all read, the result cache kept under its size bound."""
    yield from outcomes
    resultcache.prune(folder)


class _Sink:
    """A report written file by file as the run goes: ``--format jsonl`` (to standard
    output or --output) or ``--output FILE.parquet``."""

    def __init__(self, add: Callable[[FileReport], None], close: Callable[[], None],
                 abort: Callable[[], None], terminal: bool = False) -> None:
        self.add, self._close, self.abort = add, close, abort
        self.terminal = terminal        # writes to a terminal (the progress bar's, too)

    @classmethod
    def open(cls, args: argparse.Namespace, fix_only: bool = False) -> _Sink | int | None:
        """The sink the arguments ask for, None (the report is rendered at the end), or
        an exit code after a message."""
        if args.diff or ((args.fix or args.unsafe_fixes or fix_only) and "-" in args.paths):
            return None         # the diff or the fixed standard input is the output
        if args.statistics or fix_only:
            return None         # the statistics are the output, or nothing is
        # Parquet only for an --output file (its module, with tempfile, is not imported else)
        if args.output and _parquet().wanted(args.output):
            parquet_format = _parquet()
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


def _parquet() -> Any:
    from sportlint.formatters import parquet_format

    return parquet_format
