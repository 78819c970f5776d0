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
import stat
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

import regex

from sportlint.api import fix_result
from sportlint.config.loader import Config
from sportlint.engine import linter
from sportlint.findings import FileReport, RuleProblem
from sportlint.rules.base import Rule
from sportlint.source import document

STDIN = "-"


@dataclass(frozen=True)
class Options:
    """What `sportlint check` does with each input."""

    fix: bool = False        # write the safe fixes (and the unsafe ones with ``unsafe``)
    unsafe: bool = False
    diff: bool = False       # compute the fixes as a unified diff, write nothing
    encoding: str | None = None  # the files' encoding (``--encoding``); None: UTF-8

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
        data = document.read(path)
        doc = document.from_text(document.decode(data, path, options.encoding), path)
    except document.InputError as exc:
        return Outcome(FileReport(path, None, error=exc.problem))
    return _check_doc(doc, path, config, rules, options, data)


def check_stdin(data: bytes, config: Config, rules: list[Rule], options: Options) -> Outcome:
    """Check standard input's bytes; with --fix the fixed text is the outcome's output."""
    name = "<stdin>"
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
    result = fix_result(doc.text, doc.path, config, options.unsafe, rules, stopped)
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
    if options.diff:
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
        return outcome
    if fixed != data:
        try:
            write(path, fixed, data)
        except ChangedOnDisk:
            outcome.report = FileReport(name, None, error="changed on disk while sportlint was "
                                        "checking it; not overwritten")
        except HalfWritten as exc:
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
    out: list[str] = []
    for line in difflib.unified_diff(lines(old), lines(new), name, name):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


class ChangedOnDisk(Exception):
    """The file no longer holds the bytes sportlint read: another program (an editor, a
    second sportlint) wrote it meanwhile, and overwriting it would lose that change."""


def write(path: str, data: bytes, original: bytes) -> None:
    """Replace the file's bytes ``original`` (as read) with ``data``, so that no failure
    at any moment loses either: ``data`` goes to a new temporary file beside the file
    (through a symbolic link, beside its target; the link stays a link), flushed to disk,
    with the file's permissions (and owner and group, where allowed), and is then renamed
    over the file. Just before the rename the file is read again: if it no longer holds
    ``original``, ChangedOnDisk and nothing is written. The temporary file never survives
    a failure.

    A file with several hard links is rewritten in place instead (a rename would give
    this name a new file and leave the other names with the old text), after a backup
    copy of ``original`` beside it, removed once the new bytes are on disk; so is a file
    whose owner or group the new file cannot be given (a colleague's draft that is ours
    to write only through its group). A file this process may not write is refused."""
    target = os.path.realpath(path)
    info = os.stat(target)
    if not stat.S_ISREG(info.st_mode):
        # a FIFO or a device named on the command line: reading it again would block, and
        # a rename would put a plain file in its place
        raise OSError(errno.EINVAL, "not a regular file", target)
    if not info.st_mode & 0o222:
        # renaming over it would work, but a draft marked read-only is not ours to change
        raise PermissionError(errno.EACCES, "the file is read-only", target)
    if not os.access(target, os.W_OK):
        # a colleague's draft in a folder we may write: the same
        raise PermissionError(errno.EACCES, "you may not write this file", target)
    if info.st_nlink > 1:
        _write_in_place(target, data, original)
        return
    tmp = _temporary_copy(target, data, info)
    if not _same_owner(tmp, info):
        # the new file cannot be made the draft's owner's (a group-writable draft of a
        # colleague): rewritten in place, it stays theirs
        _unlink(tmp)
        _write_in_place(target, data, original)
        return
    try:
        if _read(target) != original:
            raise ChangedOnDisk(target)
        os.replace(tmp, target)
        tmp = ""
        _sync_folder(target)
    finally:
        if tmp:
            _unlink(tmp)


def _temporary_copy(target: str, data: bytes, info: os.stat_result) -> str:
    """A new file beside ``target``, holding ``data`` on disk, with its mode, owner and
    group; its name, unique, so that two runs never share one."""
    folder, name = os.path.split(target)
    # the name shortened, so that the temporary one (24 bytes more) still fits the file
    # system's limit (255 bytes) beside a draft whose name nearly reaches it
    while len(os.fsencode(name)) > 100:
        name = name[:-1]
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".sportlint-tmp")
    except OSError as exc:
        # a folder this user may not write (the draft itself may be writable): say so
        raise OSError(exc.errno, f"cannot create a temporary file in {folder}: "
                                 f"{exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            _keep_owner(handle.fileno(), info)
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), stat.S_IMODE(info.st_mode))
            else:       # Windows, before Python 3.13
                os.chmod(tmp, stat.S_IMODE(info.st_mode))
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        _unlink(tmp)
        raise
    return tmp


def _keep_owner(fd: int, info: os.stat_result) -> None:
    """The original's owner and group on the new file, as far as this process may set
    them (root may set both; the owner may set a group it belongs to)."""
    if not hasattr(os, "fchown"):
        return
    for uid in (info.st_uid, -1):
        try:
            os.fchown(fd, uid, info.st_gid)
            return
        except OSError:
            continue


def _same_owner(path: str, info: os.stat_result) -> bool:
    try:
        mine = os.stat(path)
    except OSError:
        return True     # nothing better to do than the rename
    return (mine.st_uid, mine.st_gid) == (info.st_uid, info.st_gid)


class HalfWritten(Exception):
    """A hard-linked file whose in-place write failed and could not be undone; its
    original text is in the backup file ``backup``."""

    def __init__(self, reason: str, backup: str) -> None:
        super().__init__(reason, backup)
        self.reason = reason
        self.backup = backup


def _write_in_place(target: str, data: bytes, original: bytes) -> None:
    """Overwrite a hard-linked file's bytes, keeping its inode (so every name sees the
    fixes): a backup of ``original`` beside it first, removed when ``data`` is on disk;
    should the write fail half-way, ``original`` is put back from memory, and if even
    that fails the backup stays and HalfWritten names it."""
    backup = _temporary_copy(target, original, os.stat(target))
    keep_backup = False
    try:
        with open(target, "r+b") as handle:
            if handle.read() != original:
                raise ChangedOnDisk(target)
            try:
                _overwrite(handle, data)
            except BaseException as exc:
                try:
                    _overwrite(handle, original)
                except BaseException as undo:
                    keep_backup = True      # the file may hold neither text
                    if not isinstance(undo, Exception):     # a second Ctrl-C
                        print(f"sportlint: {target}: interrupted while its original text was "
                              f"put back: it is saved in {backup}", file=sys.stderr)
                        raise
                    raise HalfWritten(getattr(exc, "strerror", None) or str(exc),
                                      backup) from exc
                raise
    finally:
        if not keep_backup:
            _unlink(backup)


def _overwrite(handle: BinaryIO, data: bytes) -> None:
    handle.seek(0)
    handle.write(data)
    handle.truncate()
    handle.flush()
    os.fsync(handle.fileno())


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def _sync_folder(target: str) -> None:
    """Flush the rename itself to disk (where a folder can be opened)."""
    try:
        fd = os.open(os.path.dirname(target) or ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


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
    # Ctrl-C reaches every process of the terminal's group: the parent alone decides
    # (check_paths), so no worker stops half-way or prints a traceback of its own
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):      # blocked while forked (_submit)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


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
    try:
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                                   initializer=_init_worker, initargs=(config, rules, options))
    except (OSError, ImportError, NotImplementedError) as exc:
        # no working semaphores (AWS Lambda, a container without /dev/shm): one process
        print(f"sportlint: cannot start worker processes ({exc}); checking the files in "
              "this process", file=sys.stderr)
        for path in rest:
            yield _safe_check(path, config, rules, options)
        return
    # objects loaded so far are never collected: keep the collector from touching (and so
    # copying, page by page) the parent's memory that the forked workers share
    gc.freeze()
    try:
        with pool:
            try:
                futures = _submit(pool, rest)
                for future in futures:
                    outcome = future.result()
                    done += 1
                    yield outcome
            except KeyboardInterrupt:
                gc.unfreeze()
                _interrupt(pool, options)
                raise
        gc.unfreeze()
    except BrokenProcessPool as exc:
        gc.unfreeze()
        # a worker died (killed by the system, out of memory): finish here, one by one
        print(f"sportlint: a worker process stopped ({exc}); checking the remaining "
              "files in this process", file=sys.stderr)
        for path in rest[done:]:
            yield _safe_check(path, config, rules, options)
    finally:
        gc.unfreeze()       # also when the caller stops reading the outcomes early


def _submit(pool: Any, paths: list[str]) -> list[Any]:
    """The files handed to the pool. Its first submit forks the workers: Ctrl-C is held
    back meanwhile, so that it cannot strike a worker before the worker ignores it (a
    traceback from the fork's own code, a broken pool); the parent receives it after."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):
        return [pool.submit(_check_in_worker, path) for path in paths]
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        return [pool.submit(_check_in_worker, path) for path in paths]
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _interrupt(pool: Any, options: Options) -> None:
    """Ctrl-C: no other file is started. Workers that write fixes finish the file they
    are on (each written whole, or not at all); workers that only read stop at once."""
    if not (options.fix or options.unsafe) or options.diff:
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)
