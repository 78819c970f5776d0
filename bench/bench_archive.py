#!/usr/bin/env python3
"""Archive throughput: `sportlint check` over the same N generated articles (default 400)
with ``--jobs 1``, ``--jobs 2`` and ``--dask-scheduler`` on a local Dask cluster of two
worker processes (one thread each), each figure a ratio to ``--jobs 1`` in the same run.

    python bench/bench_archive.py [--files N] [--repeat R] [--no-dask] [--break-even]

Every run is a fresh ``sportlint check`` process, timed whole (start-up included), the
three interleaved R times after one untimed run each (which also lets the Dask workers load
the rules); the table gives the best wall time of each (the least disturbed by other
processes on the machine), the median, the CPU time it used (the command and its forked
workers; for Dask, the two worker processes), files per second and the speed-up against
``--jobs 1``. The cluster is started before, and closed after, the timed runs: starting one
is not part of a check.

The articles are made here, reproducibly (a fixed seed), from the sentences of the project's
own drafts (tests/articles and seeds/): 12 to 20 sentences each, in 3 to 5 paragraphs, a
first line of their own, and about one word in 60 with two letters swapped, as the slips of
an archive, so that the spelling rules meet words they have not seen. ``--break-even``
also times ``--jobs 1`` against ``--jobs 2`` on a few small drafts (2 to 64), the range
where the default ``--jobs`` checks in one process (runner/jobs.py, SMALL_INPUT).

Needs the dask extra for the Dask row (``pip install -e '.[dask]'``); wall-clock figures
depend on the machine and its load: compare the ratios. A speed-up needs idle cores: on a
machine other sessions keep busy (Linux's autogroup gives each session an equal share of
the cores, whatever the processes' nice values), ``--jobs 2`` gets no more CPU than
``--jobs 1``, and the CPU column is the figure to compare (the work the workers repeat).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
# the same articles are checked again and again: never from the result cache
os.environ.setdefault("SPORTLINT_NO_RESULT_CACHE", "1")


def sentences() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "articles").iterdir())
             if p.suffix in (".txt", ".md")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    out: list[str] = []
    for text in texts:
        for para in text.split("\n\n"):
            para = " ".join(para.split())
            if len(para) < 40 or para.startswith(("#", "---", "<!--")):
                continue
            out += [s for s in regex.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ú«])", para) if len(s) > 20]
    return out


def slip(word: str, rng: random.Random) -> str:
    if len(word) < 5 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def make_archive(folder: Path, count: int) -> tuple[list[str], int, int]:
    """``count`` articles in ``folder``: their paths, words and bytes."""
    rng = random.Random(22)
    pool = sentences()
    paths, words, size = [], 0, 0
    for n in range(count):
        chosen = rng.sample(pool, rng.randint(12, 20))
        cuts = sorted(rng.sample(range(1, len(chosen)), rng.randint(2, 4)))
        paras = [" ".join(chosen[a:b]) for a, b in zip([0, *cuts], [*cuts, len(chosen)], strict=True)]
        body = "\n\n".join(" ".join(slip(w, rng) if rng.random() < 1 / 60 else w
                                    for w in p.split(" ")) for p in paras)
        text = f"Articolo {n + 1} dell'archivio\n\n{body}\n"
        path = folder / f"{n // 100:02}" / f"articolo_{n:04}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
        words += len(text.split())
        size += len(text.encode("utf-8"))
    return paths, words, size


def sportlint() -> list[str]:
    script = Path(sys.executable).with_name("sportlint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "sportlint"]


def timed(cmd: list[str], worker_cpu: Callable[[], float] | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of one run (exit codes 0 and 1 are fine)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    extra = worker_cpu() if worker_cpu else 0.0
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:6])} ...: exit {done.returncode}\n{done.stderr.decode()}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if worker_cpu:
        cpu += worker_cpu() - extra
    return wall, cpu


def measure(runs: dict[str, tuple[list[str], Callable[[], float] | None]],
            repeat: int) -> dict[str, list[tuple[float, float]]]:
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for n in range(repeat + 1):
        for name, (cmd, cpu) in runs.items():
            result = timed(cmd, cpu)
            if n:
                times[name].append(result)
    return times


def table(times: dict[str, list[tuple[float, float]]], files: int, base: str) -> None:
    best = {name: min(w for w, _ in runs) for name, runs in times.items()}
    head = ("run", "best wall", "median wall", "CPU", "files/s", "vs --jobs 1")
    rows = [head]
    for name, runs in times.items():
        rows.append((name, f"{best[name]:.2f} s", f"{statistics.median(w for w, _ in runs):.2f} s",
                     f"{statistics.median(c for _, c in runs):.2f} s", f"{files / best[name]:,.0f}",
                     f"{best[base] / best[name]:.2f}x"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    for i, row in enumerate(rows):
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=400)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-dask", action="store_true", help="leave out the Dask row")
    ap.add_argument("--break-even", action="store_true",
                    help="also time --jobs 1 against --jobs 2 on 2 to 64 small drafts")
    args = ap.parse_args()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)     # measure with bytecode caches
    ours = sportlint()
    with tempfile.TemporaryDirectory(prefix="sportlint-archive-") as tmp:
        paths, words, size = make_archive(Path(tmp), args.files)
        print(f"{len(paths)} generated articles, {words:,} words, {size / 1024:,.0f} KiB; "
              f"{os.cpu_count()} cores; best and median of {args.repeat} runs\n")
        runs: dict[str, tuple[list[str], Callable[[], float] | None]] = {
            "--jobs 1": ([*ours, "check", "--jobs", "1", tmp], None),
            "--jobs 2": ([*ours, "check", "--jobs", "2", tmp], None),
        }
        cluster = None
        if not args.no_dask:
            try:
                import psutil
                from distributed import Client, LocalCluster
            except ImportError:
                print("(no Dask row: pip install -e '.[dask]')\n")
            else:
                cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       host="127.0.0.1", dashboard_address=None)
                with Client(cluster) as client:
                    pids = list(client.run(os.getpid).values())
                procs = [psutil.Process(p) for p in pids]

                def worker_cpu() -> float:
                    return sum(sum(p.cpu_times()[:2]) for p in procs)

                runs["dask, 2 workers"] = ([*ours, "check", "--dask-scheduler",
                                            cluster.scheduler_address, tmp], worker_cpu)
        try:
            table(measure(runs, args.repeat), len(paths), "--jobs 1")
        finally:
            if cluster is not None:
                cluster.close()
        if args.break_even:
            print("\nsmall inputs: --jobs 2 against --jobs 1 (the default --jobs checks fewer "
                  "than SMALL_INPUT bytes in one process)")
            for count in (2, 4, 8, 16, 32, 64):
                some = paths[:count]
                kib = sum(os.path.getsize(p) for p in some) / 1024
                times = measure({"1": ([*ours, "check", "--jobs", "1", *some], None),
                                 "2": ([*ours, "check", "--jobs", "2", *some], None)}, args.repeat)
                one, two = (min(w for w, _ in times[k]) for k in ("1", "2"))
                print(f"  {count:3} drafts, {kib:6.1f} KiB: --jobs 1 {one:.3f} s, --jobs 2 "
                      f"{two:.3f} s, speed-up {one / two:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
