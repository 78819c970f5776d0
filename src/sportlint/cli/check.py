"""`sportlint check PATH...`: check the drafts, fix them with --fix, print the report."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path

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
from sportlint.runner import jobs, single
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
        for prefix in linter.unknown_prefixes(_split(values), config):
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
    workers = args.jobs if args.jobs else jobs.default_jobs()
    for config, group in groups.values():
        outcomes.update(zip(group, jobs.check_paths(group, config, linter.active_rules(config),
                                                    options, workers), strict=True))
    reports: list[FileReport] = []
    levels: list[Config] = []
    diffs: list[str] = []
    fixed: list[tuple[str, list[Finding]]] = []
    stdin_fixed: str | None = None
    for path in paths:
        outcome = outcomes[path]
        for note in outcome.notes:
            print(f"sportlint: {note}", file=sys.stderr)
        diffs.append(outcome.diff)
        if outcome.output is not None:
            stdin_fixed = outcome.output
        report = outcome.report
        if changed is not None:
            report = only_changed_lines(report, changed.get(path))
        reports.append(report)
        levels.append(configs.get(path, here))
        fixed.append((report.path, outcome.fixed))
    reports += unreadable
    levels += [here] * len(unreadable)

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
