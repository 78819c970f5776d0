"""Check many files in parallel (``--jobs``): the first file in this process, the rest in
forked worker processes that share the data it loaded, handed to them a few at a time;
outcomes come back in the order of the paths given. Ctrl-C, a worker that dies, and a
system without working semaphores are handled here.
"""

from __future__ import annotations

import gc
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sportlint.config.loader import Config
from sportlint.findings import FileReport
from sportlint.rules.base import Rule
from sportlint.runner import single
from sportlint.runner.single import Options, Outcome


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:      # not on Linux
        return os.cpu_count() or 1


#: files per task handed to a worker: a few, so that a run of many small drafts does not
#: pay one round trip between the processes per file; at most this many, so that the
#: workers still share the last files evenly (and Ctrl-C during --fix stops soon)
MAX_CHUNK = 16
#: tasks in flight per worker: enough that no worker waits for the slow file at the head
#: of the queue, few enough that an archive of a million files is never all in memory
WINDOW_PER_JOB = 8
#: with the default --jobs, drafts that add up to fewer bytes than this are checked in
#: this process: starting the workers would cost more than they save
#: (bench/bench_archive.py measures where they break even)
SMALL_INPUT = 48 * 1024

#: called with (files done, their findings) as files are done (runner/progress.py)
Progress = Callable[[int, int], None]

_worker: tuple[Config, list[Rule], Options] | None = None
_stop: Any = None


def _init_worker(config: Config, rules: list[Rule], options: Options, stop: Any = None) -> None:
    global _worker, _stop
    _worker = (config, rules, options)
    _stop = stop
    # Ctrl-C reaches every process of the terminal's group: the parent alone decides
    # (check_paths), so no worker stops half-way or prints a traceback of its own
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):      # blocked while forked (_submit)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _check_in_worker(path: str) -> Outcome:
    assert _worker is not None
    return safe_check(path, *_worker)


def _check_chunk_in_worker(paths: list[str]) -> list[Outcome]:
    """The outcomes of a few files; after Ctrl-C (``_stop`` set by the parent) no other
    file is started, and the parent reads none of them."""
    out = []
    for path in paths:
        if _stop is not None and _stop.is_set():
            break
        out.append(_check_in_worker(path))
    return out


def safe_check(path: str, config: Config, rules: list[Rule], options: Options) -> Outcome:
    """`check_path`, with a crash of sportlint itself reported against the file (the
    other files are still checked) rather than ending the run."""
    try:
        return single.check_path(path, config, rules, options)
    except Exception as exc:  # any bug must name the file, not end the run
        return internal_error(path, exc)


def internal_error(path: str, exc: Exception) -> Outcome:
    return Outcome(FileReport(path, None, error=f"internal error in sportlint "
                              f"({type(exc).__name__}: {exc}); please report it"))


def warm_up() -> None:
    """Load every heavy resource (lexicon, gazetteer, word frequencies, tagger, parser)
    that the first file did not, before the workers fork: they share it instead of each
    loading it when one of its files first asks (a few tenths of a second once, in a run
    big enough to start workers, against that much in every worker). A resource that
    cannot load is left to the rule that asks for it, which reports it as it would."""
    from sportlint.italian import resources

    for name in resources.LOADERS:
        try:
            resources.get(name)
        except Exception:  # the rule that needs it says what went wrong
            pass


def chunk_size(files: int, jobs: int) -> int:
    """Files per task: some eight tasks per worker at least, at most `MAX_CHUNK` files."""
    return max(1, min(MAX_CHUNK, files // (jobs * 8)))


def choose_jobs(paths: Sequence[str], jobs: int) -> int:
    """The processes for the default ``--jobs`` (``jobs``, one per core): one when the
    drafts are few and small (a hook, an editor, a handful of articles), where forking the
    workers would cost more than it saves; URLs count as large."""
    if jobs <= 1 or len(paths) <= 1:
        return 1
    total = 0
    for path in paths:
        try:
            total += os.stat(path).st_size
        except (OSError, ValueError):
            total += SMALL_INPUT         # a URL, or unreadable: do not guess it small
        if total >= SMALL_INPUT:
            return jobs
    return 1


def check_paths(paths: Sequence[str], config: Config, rules: list[Rule], options: Options,
                jobs: int = 1, progress: Progress | None = None) -> Iterator[Outcome]:
    """Outcomes for the files, in the order given; with ``jobs`` > 1 and more than one
    file, in that many worker processes. The first file is checked here, before the
    workers start, so that the heavy resources it loads are shared with them (on systems
    that fork) instead of being loaded again by each. The workers get the files a few at
    a time (`chunk_size`), a bounded number of tasks ahead (`WINDOW_PER_JOB`).

    ``progress(files, findings)`` is called as files are done, in any order and from
    another thread (the bar of `sportlint.runner.progress`)."""
    if not paths:
        return

    def here(path: str) -> Outcome:
        outcome = safe_check(path, config, rules, options)
        if progress is not None:
            progress(1, len(outcome.report.findings))
        return outcome

    jobs = min(jobs, len(paths))
    if jobs <= 1:
        for path in paths:
            yield here(path)
        return
    yield here(paths[0])
    warm_up()
    # imported here: a one-file check (a hook, an editor) never pays for them (~20 ms)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    rest = list(paths[1:])
    size = chunk_size(len(rest), jobs)
    chunks = [rest[i:i + size] for i in range(0, len(rest), size)]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    done = 0
    try:
        stop = context.Event()
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                                   initargs=(config, rules, options, stop))
    except (OSError, ImportError, NotImplementedError) as exc:
        # no working semaphores (AWS Lambda, a container without /dev/shm): one process
        print(f"sportlint: cannot start worker processes ({exc}); checking the files in "
              "this process", file=sys.stderr)
        for path in rest:
            yield here(path)
        return

    def submit(chunk: list[str]) -> Any:
        future = pool.submit(_check_chunk_in_worker, chunk)
        if progress is not None:
            future.add_done_callback(lambda f: _report_progress(f, progress))
        return future

    # objects loaded so far are never collected: keep the collector from touching (and so
    # copying, page by page) the parent's memory that the forked workers share
    gc.freeze()
    try:
        with pool:
            try:
                window = jobs * WINDOW_PER_JOB
                pending = deque(_submit(submit, chunks[:window]))
                waiting = iter(chunks[window:])
                while pending:
                    outcomes = pending.popleft().result()
                    following = next(waiting, None)
                    if following is not None:
                        pending.append(submit(following))
                    for outcome in outcomes:
                        done += 1
                        yield outcome
            except KeyboardInterrupt:
                gc.unfreeze()
                stop.set()
                _interrupt(pool, options)
                raise
        gc.unfreeze()
    except BrokenProcessPool as exc:
        gc.unfreeze()
        # a worker died (killed by the system, out of memory): finish here, one by one
        print(f"sportlint: a worker process stopped ({exc}); checking the remaining "
              "files in this process", file=sys.stderr)
        for path in rest[done:]:
            yield here(path)
    finally:
        gc.unfreeze()       # also when the caller stops reading the outcomes early
        stop.set()


def _report_progress(future: Any, progress: Progress) -> None:
    if future.cancelled() or future.exception() is not None:
        return
    outcomes = future.result()
    progress(len(outcomes), sum(len(o.report.findings) for o in outcomes))


def _submit(submit: Callable[[list[str]], Any], chunks: list[list[str]]) -> list[Any]:
    """The first tasks handed to the pool. Its first submit forks the workers: Ctrl-C is
    held back meanwhile, so that it cannot strike a worker before the worker ignores it (a
    traceback from the fork's own code, a broken pool); the parent receives it after."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):
        return [submit(chunk) for chunk in chunks]
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        return [submit(chunk) for chunk in chunks]
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _interrupt(pool: Any, options: Options) -> None:
    """Ctrl-C: no other file is started. Workers that write fixes finish the file they
    are on (each written whole, or not at all); workers that only read stop at once."""
    if not (options.fix or options.unsafe) or options.diff:
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)
