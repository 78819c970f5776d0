"""Check one input (a file, or standard input's bytes): read it, lint it, and with --fix
write the fixed text back (safely: `sportlint.runner.write`). Many files in parallel
(``--jobs``): `sportlint.runner.jobs`.

Everything here returns an `Outcome` rather than printing, so that a worker process can
hand its result back to the command line, which prints the reports in the order of the
paths given, whichever worker finished first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import regex

from sportlint.api import fix_result
from sportlint.config.loader import Config
from sportlint.engine import linter
from sportlint.findings import FileReport, Finding, RuleProblem
from sportlint.rules.base import Rule
from sportlint.runner import remote, write
from sportlint.runner.resultcache import ResultCache, fixes_something
from sportlint.source import document, word

STDIN = "-"


@dataclass(frozen=True)
class Options:
    """What `sportlint check` does with each input."""

    fix: bool = False        # write the safe fixes (and the unsafe ones with ``unsafe``)
    unsafe: bool = False
    diff: bool = False       # compute the fixes as a unified diff, write nothing
    encoding: str | None = None  # the files' encoding (``--encoding``); None: UTF-8
    #: ``--diff-base``: each file's changed lines (None: all of it is new); only findings
    #: that touch them are fixed
    changed: Mapping[str, frozenset[int] | None] | None = None
    #: the result cache of this config and rule set (runner/resultcache.py); None: off
    cache: ResultCache | None = None

    @property
    def fixing(self) -> bool:
        return self.fix or self.unsafe or self.diff


@dataclass
class Outcome:
    """The result of checking one input."""

    report: FileReport
    diff: str = ""                       # the unified diff of the fixes (``--diff``)
    output: str | None = None            # the fixed text of standard input (``--fix -``)
    notes: list[str] = field(default_factory=list)  # warnings for standard error
    #: the findings whose fixes were applied (written, or in ``diff`` / ``output``)
    fixed: list[Finding] = field(default_factory=list)


def check_path(path: str, config: Config, rules: list[Rule], options: Options,
               source: str | None = None) -> Outcome:
    """Check one file (not standard input): read, lint, and fix it as ``options`` say.
    ``path`` names it in the report; ``source`` is where to read it when that differs (the
    absolute path a Dask worker reads a relative ``path`` from); either may be an fsspec
    URL (`sportlint.runner.remote`), which is read but never written: ``--fix`` refuses it."""
    location = source or path
    url = remote.is_url(location)
    if url and options.fixing and not options.diff:
        return Outcome(FileReport(path, None, error="--fix cannot write to a URL; "
                                  "use --diff, or fix a local copy"))
    try:
        data = remote.read(location) if url else \
            document.read(location, config.max_file_size)
        if Path(path).suffix.lower() in word.WORD_SUFFIXES:
            return _check_word(word.from_docx(data, path), path, config, rules, options)
        doc = document.from_text(document.decode(data, path, options.encoding), path)
    except document.InputError as exc:
        return Outcome(FileReport(path, None, error=exc.problem))
    cache = options.cache if not url else None
    if cache is None:
        return _check_doc(doc, path, config, rules, options, data)
    key = cache.key(data, path, options.encoding)
    cached = cache.get(key)
    # --fix takes the entry only when it fixes nothing: then the run writes nothing and
    # reports these very findings
    if cached is not None and not (options.fixing and fixes_something(cached, options.unsafe)):
        return Outcome(FileReport(doc.path or path, doc, [f.with_path(doc.path) for f in cached]))
    outcome = _check_doc(doc, path, config, rules, options, data)
    report = outcome.report
    if not options.fixing and report.doc is not None and not report.error and not report.problems:
        cache.put(key, outcome.report.findings)
    return outcome


def cached(path: str, config: Config, options: Options) -> Outcome | None:
    """The outcome of checking the file ``path`` as the result cache holds it (without
    ``--fix``: a check), or None when it holds none (or the file cannot be read: then
    `check_path` says why). Loads no rule."""
    cache = _readable_cache(path, options)
    if cache is None:
        return None
    try:
        data = document.read(path, config.max_file_size)
        found = cache.get(cache.key(data, path, options.encoding))
        if found is None:
            return None
        doc = document.from_text(document.decode(data, path, options.encoding), path)
    except document.InputError:
        return None
    return Outcome(FileReport(doc.path or path, doc, [f.with_path(doc.path) for f in found]))


def is_cached(path: str, config: Config, options: Options) -> bool:
    """Whether `cached` would find the file's outcome (its entry exists)."""
    cache = _readable_cache(path, options)
    if cache is None:
        return False
    try:
        return cache.has(cache.key(document.read(path, config.max_file_size), path,
                                   options.encoding))
    except document.InputError:
        return False


def _readable_cache(path: str, options: Options) -> ResultCache | None:
    """The result cache that may answer for ``path`` without a rule loaded: none while
    fixing, nor for a URL or a Word document (never stored)."""
    if options.cache is None or options.fixing or remote.is_url(path) or \
            Path(path).suffix.lower() in word.WORD_SUFFIXES:
        return None
    return options.cache


def _check_word(doc: document.Document, path: str, config: Config, rules: list[Rule],
                options: Options) -> Outcome:
    """A Word document is checked, never written: --fix says so and reports the findings."""
    outcome = Outcome(FileReport(path, doc, linter.lint(doc, config, rules)))
    if options.fixing and any(f.fix for f in outcome.report.findings):
        outcome.notes.append(f"{path}: --fix does not write Word documents (their formatting "
                             "would not survive); apply the suggestions in Word")
    return outcome


def check_stdin(data: bytes, config: Config, rules: list[Rule], options: Options,
                name: str | None = None) -> Outcome:
    """Check standard input's bytes; with --fix the fixed text is the outcome's output.
    ``name`` is the file it holds (``--stdin-filename``): Markdown by its suffix, and the
    name in the report."""
    name = name or "<stdin>"
    try:
        doc = document.from_text(document.decode(data, name, options.encoding), name)
    except document.InputError as exc:
        outcome = Outcome(FileReport(name, None, error=exc.problem))
        if options.fixing and not options.diff:
            # a filter that cannot read its input passes it on unchanged, byte for byte
            outcome.output = _as_output(data)
        return outcome
    return _check_doc(doc, STDIN, config, rules, options, data)


def _as_output(data: bytes) -> str:
    """Bytes carried in a str: the command line writes ``output.encode("utf-8",
    "surrogateescape")``, which gives these bytes back exactly, whatever their encoding."""
    return data.decode("utf-8", "surrogateescape")


def _check_doc(doc: document.Document, path: str, config: Config, rules: list[Rule],
               options: Options, data: bytes) -> Outcome:
    """Lint (and fix) a decoded input; ``data`` is the bytes it was decoded from, which a
    fixed file must still hold on disk when it is written."""
    name = doc.path or path
    if not options.fixing:
        return Outcome(FileReport(name, doc, linter.lint(doc, config, rules)))
    stopped: list[RuleProblem] = []
    lines = options.changed.get(path, frozenset()) if options.changed is not None else None

    def on_changed_lines(current: document.Document, f: Finding) -> bool:
        assert lines is not None
        first, last = current.position(f.start)[0], current.position(f.end)[0]
        return any(n in lines for n in range(first, last + 1))

    keep = on_changed_lines if lines is not None else None
    result = fix_result(doc.text, doc.path, config, options.unsafe, rules, stopped, keep)
    fixed_doc = document.from_text(result.text, doc.path)
    # the fix loop's last pass linted the fixed text with every rule, unless a rule ran out
    # of time (then left out of later passes): lint again only in that case
    findings = result.findings if result.findings is not None and not stopped else \
        linter.lint(fixed_doc, config, rules)
    outcome = Outcome(FileReport(name, fixed_doc, findings))
    if not result.settled:
        outcome.notes.append(f"{name}: the fixes did not settle; file left unchanged")
    fixed = data
    if result.text != doc.text:
        try:
            if not _round_trips(doc.text, options.encoding, data):
                raise document.InputError(name, f"its bytes do not read back the same in "
                                                f"{options.encoding}, so writing the fixes would "
                                                f"change other bytes too; file left unchanged")
            fixed = document.encode(result.text, options.encoding, name, data)
        except document.InputError as exc:
            # the fixes need a character the file's encoding cannot hold: nothing written
            outcome.report = FileReport(name, None, error=exc.problem)
            if path == STDIN and not options.diff:
                outcome.output = _as_output(data)
            return outcome
    applied = result.applied if result.text != doc.text else []
    if options.diff:
        outcome.fixed = applied
        if result.text != doc.text:
            diff = unified_diff(doc.text, result.text, name)
            # the patch in the file's own encoding, so that `patch` and `git apply` fit it
            if options.encoding is not None:
                outcome.diff = _as_output(document.encode_diff(diff, options.encoding, data))
            else:
                outcome.diff = diff
        return outcome
    if path == STDIN:
        outcome.output = _as_output(fixed)
        outcome.fixed = applied
        return outcome
    if fixed != data:
        try:
            write.write(path, fixed, data)
            outcome.fixed = applied
        except write.ChangedOnDisk:
            outcome.report = FileReport(name, None, error="changed on disk while sportlint was "
                                        "checking it; not overwritten")
        except write.HalfWritten as exc:
            outcome.report = FileReport(name, None, error=f"cannot write the fixes "
                                        f"({exc.reason}) nor put the original text back: "
                                        f"it is saved in {exc.backup}")
        except OSError as exc:
            outcome.report = FileReport(name, None, error=f"cannot write the fixes "
                                        f"({exc.strerror or exc}); file left unchanged")
    return outcome


def _round_trips(text: str, encoding: str | None, data: bytes) -> bool:
    """Whether ``text``, decoded from ``data``, encodes back to exactly ``data``: always in
    UTF-8, and in most encodings; not in UTF-7 ('+AOA-' and '+AOA' are both «à»), nor
    for a few bytes of Big5 or HZ."""
    if encoding is None:
        return True
    try:
        return document.encode(text, encoding, "", data) == data
    except document.InputError:
        return False


def unified_diff(old: str, new: str, name: str) -> str:
    """A diff `patch` and `git apply` accept: lines split at LF only (a CR stays in its
    line), and a last line without one marked "\\ No newline at end of file"."""
    def lines(text: str) -> list[str]:
        return [line for line in regex.split(r"(?<=\n)", text) if line]
    import difflib

    out: list[str] = []
    for line in difflib.unified_diff(lines(old), lines(new), name, name):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
