"""Check files on a running Dask cluster (``--dask-scheduler ADDRESS``): the files go to the
workers a few at a time, each worker lints its share with the run's config, and the
outcomes come back in the order of the paths given, the same outcomes as a local run.

The workers read the files themselves: a local path is sent as an absolute path (so the
workers need the same file system: NFS, a shared volume), a URL as it is (``s3://...``,
read through fsspec, `sportlint.runner.remote`). The report still names each file as it
was given. The config travels with each task; the rules are built once per worker process
(`sportlint.api.prepared`), and a newsroom's ``rule_files`` must be readable by the workers
too. ``dask[distributed]`` is the ``dask`` extra: ``pip install 'sportlint[dask]'``.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sportlint import __version__
from sportlint.config.loader import Config
from sportlint.runner import remote
from sportlint.runner.single import Options, Outcome

INSTALL = "pip install 'sportlint[dask]'"
#: seconds to wait for the scheduler to answer
CONNECT_TIMEOUT = 10
#: most files per task; tasks in flight per worker thread (as runner/jobs.py)
MAX_CHUNK = 64
WINDOW_PER_THREAD = 8


class DaskError(Exception):
    """The cluster cannot run the check: the message says why and what to do."""


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise DaskError(f"--dask-scheduler needs dask[distributed]: {INSTALL}") from None
    return distributed


def worker_version() -> str:
    """Run on each worker before the check: sportlint there must be this one."""
    return __version__


def check_chunk(items: list[tuple[str, str]], config: Config, options: Options) -> list[Outcome]:
    """On a worker: the outcomes of some files, each given as (name in the report, where
    to read it)."""
    from sportlint.api import prepared
    from sportlint.runner import jobs, single

    cfg, rules = prepared(config)
    out = []
    for name, source in items:
        try:
            out.append(single.check_path(name, cfg, rules, options, source))
        except Exception as exc:  # a bug names the file, as in a local run
            out.append(jobs.internal_error(name, exc))
    return out


def source_of(path: str) -> str:
    """Where a worker reads ``path`` from: a URL as it is, a local path made absolute."""
    return path if remote.is_url(path) else os.path.abspath(path)


def connect(address: str) -> Any:
    """A client of the scheduler at ``address`` whose workers run this sportlint."""
    distributed = _distributed()
    try:
        client = distributed.Client(address, timeout=CONNECT_TIMEOUT,
                                    set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise DaskError(f"cannot reach the Dask scheduler at {address} ({exc})") from None
    try:
        versions = client.run(worker_version)
    except Exception as exc:
        client.close()
        raise DaskError(f"the Dask workers at {address} cannot run sportlint "
                        f"({type(exc).__name__}: {exc}); install sportlint {__version__} "
                        "on every worker") from None
    if not versions:
        client.close()
        raise DaskError(f"the Dask scheduler at {address} has no workers")
    wrong = sorted(f"{w} has {v}" for w, v in versions.items() if v != __version__)
    if wrong:
        client.close()
        raise DaskError(f"the Dask workers must run sportlint {__version__}: "
                        + ", ".join(wrong))
    return client


def check_paths(paths: Sequence[str], config: Config, options: Options, address: str,
                progress: Callable[[int, int], None] | None = None) -> Iterator[Outcome]:
    """Outcomes for the files, in the order given, checked by the workers of the cluster
    at ``address`` (raises DaskError when it cannot). ``progress(files, findings)`` is
    called as each task ends on the cluster (from the client's thread)."""
    if not paths:
        return
    client = connect(address)
    try:
        threads = max(1, sum(client.nthreads().values()))
        size = max(1, min(MAX_CHUNK, len(paths) // (threads * 8)))
        items = [(p, source_of(p)) for p in paths]
        chunks = iter([items[i:i + size] for i in range(0, len(items), size)])

        live: set[Any] = set()      # tallies whose callback has not read them yet

        def counted(tally: Any) -> None:
            try:
                _report_progress(tally, progress)
            finally:
                live.discard(tally)     # now it may be released

        def submit(chunk: list[tuple[str, str]]) -> Any:
            future = client.submit(check_chunk, chunk, config, options, pure=False)
            if progress is not None:
                # the counts, computed beside the outcomes: the bar follows the tasks as they
                # end on the cluster, without fetching their outcomes twice
                tally = client.submit(tally_chunk, future, pure=False)
                live.add(tally)
                tally.add_done_callback(counted)
            return future

        pending = deque(submit(c) for _, c in zip(range(threads * WINDOW_PER_THREAD), chunks,
                                                  strict=False))
        while pending:
            future = pending.popleft()
            try:
                outcomes = future.result()
            except Exception as exc:
                raise DaskError(f"a task failed on the Dask cluster ({type(exc).__name__}: "
                                f"{exc})") from None
            following = next(chunks, None)
            if following is not None:
                pending.append(submit(following))
            yield from outcomes
        # the last counts reach the bar before it closes (a moment: they are computed)
        deadline = time.monotonic() + 2
        while live and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        client.close()


def tally_chunk(outcomes: list[Outcome]) -> list[int]:
    """On a worker: the number of findings of each file of a task (for the progress bar)."""
    return [len(o.report.findings) for o in outcomes]


def _report_progress(future: Any, progress: Callable[[int, int], None] | None) -> None:
    if progress is None or future.status != "finished":
        return
    try:
        counts = future.result(timeout=5)
    except Exception:
        return
    progress(len(counts), sum(counts))
