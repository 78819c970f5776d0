"""Check one input (a file, or standard input's bytes): read it, lint it, and with --fix
write the fixed text back safely. Also the parallel run of many files (``--jobs``).

Everything here returns an `Outcome` rather than printing, so that a worker process can
hand its result back to the command line, which prints the reports in the order of the
paths given, whichever worker finished first.
"""

from __future__ import annotations

import difflib
import errno
import gc
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import regex

from . import document, linter
from .api import fix_result
from .config import Config
from .formatters import FileReport
from .rule import Rule

STDIN = "-"


@dataclass(frozen=True)
class Options:
    """What `sportlint check` does with each input."""

    fix: bool = False        # write the safe fixes (and the unsafe ones with ``unsafe``)
    unsafe: bool = False
    diff: bool = False       # compute the fixes as a unified diff, write nothing

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


def check_path(path: str, config: Config, rules: list[Rule], options: Options) -> Outcome:
    """Check one file (not standard input): read, lint, and fix it as ``options`` say."""
    try:
        doc = document.load(path)
    except document.InputError as exc:
        return Outcome(FileReport(path, None, error=exc.problem))
    return _check_doc(doc, path, config, rules, options)


def check_stdin(data: bytes, config: Config, rules: list[Rule], options: Options) -> Outcome:
    """Check standard input's bytes; with --fix the fixed text is the outcome's output."""
    name = "<stdin>"
    try:
        doc = document.from_text(document.decode(data, name), name)
    except document.InputError as exc:
        outcome = Outcome(FileReport(name, None, error=exc.problem))
        if options.fixing and not options.diff:
            # a filter that cannot read its input passes it on unchanged, byte for byte
            outcome.output = data.decode("utf-8", "surrogateescape")
        return outcome
    return _check_doc(doc, STDIN, config, rules, options)


def _check_doc(doc: document.Document, path: str, config: Config, rules: list[Rule],
               options: Options) -> Outcome:
    name = doc.path or path
    if not options.fixing:
        return Outcome(FileReport(name, doc, linter.lint(doc, config, rules)))
    result = fix_result(doc.text, doc.path, config, options.unsafe, rules)
    fixed_doc = document.from_text(result.text, doc.path)
    outcome = Outcome(FileReport(name, fixed_doc, linter.lint(fixed_doc, config, rules)))
    if not result.settled:
        outcome.notes.append(f"{name}: the fixes did not settle; file left unchanged")
    if options.diff:
        if result.text != doc.text:
            outcome.diff = unified_diff(doc.text, result.text, name)
        return outcome
    if path == STDIN:
        outcome.output = result.text
        return outcome
    if result.text != doc.text:
        try:
            write(path, result.text)
        except OSError as exc:
            outcome.report = FileReport(name, None, error=f"cannot write the fixes "
                                        f"({exc.strerror or exc}); file left unchanged")
    return outcome


def unified_diff(old: str, new: str, name: str) -> str:
    """A diff `patch` and `git apply` accept: lines split at LF only (a CR stays in its
    line), and a last line without one marked "\\ No newline at end of file"."""
    def lines(text: str) -> list[str]:
        return [line for line in regex.split(r"(?<=\n)", text) if line]
    out: list[str] = []
    for line in difflib.unified_diff(lines(old), lines(new), name, name):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def write(path: str, text: str) -> None:
    """Write atomically: a temporary file beside the original (through a symlink, beside
    its target), then rename over it; on any failure the original is left untouched."""
    target = Path(path).resolve()
    if not target.stat().st_mode & 0o222:
        # renaming over it would work, but a draft marked read-only is not ours to change
        raise PermissionError(errno.EACCES, "the file is read-only", str(target))
    tmp = target.with_name(f".{target.name}.sportlint-tmp")
    created = False
    try:
        with open(tmp, "wb") as handle:
            created = True
            handle.write(document.encode(text))
        try:
            os.chmod(tmp, target.stat().st_mode)
        except OSError:
            pass
        os.replace(tmp, target)
    finally:
        if created:
            tmp.unlink(missing_ok=True)


# --- many files in parallel (--jobs) ----------------------------------------------------

def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:      # not on Linux
        return os.cpu_count() or 1


_worker: tuple[Config, list[Rule], Options] | None = None


def _init_worker(config: Config, rules: list[Rule], options: Options) -> None:
    global _worker
    _worker = (config, rules, options)


def _check_in_worker(path: str) -> Outcome:
    assert _worker is not None
    return _safe_check(path, *_worker)


def _safe_check(path: str, config: Config, rules: list[Rule], options: Options) -> Outcome:
    """`check_path`, with a crash of sportlint itself reported against the file (the
    other files are still checked) rather than ending the run."""
    try:
        return check_path(path, config, rules, options)
    except Exception as exc:  # any bug must name the file, not end the run
        return Outcome(FileReport(path, None, error=f"internal error in sportlint "
                                  f"({type(exc).__name__}: {exc}); please report it"))


def check_paths(paths: Sequence[str], config: Config, rules: list[Rule], options: Options,
                jobs: int = 1) -> Iterator[Outcome]:
    """Outcomes for the files, in the order given; with ``jobs`` > 1 and more than one
    file, in that many worker processes. The first file is checked here, before the
    workers start, so that the heavy resources it loads are shared with them (on systems
    that fork) instead of being loaded again by each."""
    if not paths:
        return
    jobs = min(jobs, len(paths))
    if jobs <= 1:
        for path in paths:
            yield _safe_check(path, config, rules, options)
        return
    yield _safe_check(paths[0], config, rules, options)
    # imported here: a one-file check (a hook, an editor) never pays for them (~20 ms)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    rest = list(paths[1:])
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    done = 0
    # objects loaded so far are never collected: keep the collector from touching (and so
    # copying, page by page) the parent's memory that the forked workers share
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                                 initializer=_init_worker,
                                 initargs=(config, rules, options)) as pool:
            futures = [pool.submit(_check_in_worker, path) for path in rest]
            for future in futures:
                outcome = future.result()
                done += 1
                yield outcome
        gc.unfreeze()
    except BrokenProcessPool as exc:
        gc.unfreeze()
        # a worker died (killed by the system, out of memory): finish here, one by one
        print(f"sportlint: a worker process stopped ({exc}); checking the remaining "
              "files in this process", file=sys.stderr)
        for path in rest[done:]:
            yield _safe_check(path, config, rules, options)
