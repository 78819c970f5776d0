"""Check many files in parallel (``--jobs``): the first file in this process, the rest in
forked worker processes that share the data it loaded; outcomes come back in the order of
the paths given. Ctrl-C, a worker that dies, and a system without working semaphores are
handled here.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator, Sequence
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
        return single.check_path(path, config, rules, options)
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
