#!/usr/bin/env python3
"""Speed and memory of `sportlint check` as a user runs it (a fresh process per run), each
figure a ratio against a baseline measured in the same run:

- throughput (words/s) over N copies of real-sized articles, against proselint on the
  same files (target: at least 2x proselint's);
- cold start of one check of one article, against proselint and ``python -c pass``
  (median of several runs; target: at most 2x proselint's);
- peak memory (max RSS of the process, read with getrusage in a fresh wrapper process),
  against proselint and ``python -c pass`` (target: under 200 MB);
- load time of each heavy resource (`resources.LOADERS`) in a fresh process, against
  segmenting 10k words in a fresh process;
- ``--jobs 1`` against ``--jobs 2`` on the N copies, when the CLI has ``--jobs``.

    python bench/bench_speed.py [--copies N] [--proselint PATH] [--repeat R]

sportlint keeps derived data (decompressed lexicon, gazetteer sets, compiled patterns) in
its user cache (`sportlint.util.cache`): the untimed run fills it, as any first run does; one
row shows the cold start with the cache off. Each tool runs once, untimed, before it is
measured, with PYTHONDONTWRITEBYTECODE unset so that Python writes its bytecode caches as
after a pip install (otherwise every run compiles sportlint's modules from source again,
some 70 ms).

Articles: the seed and ../shared/eval/articles/*.txt when a parent folder has it, else the
seed and tests/articles. Each copy gets its own first line, so that no tool can cache a
result. proselint (the baseline of a Python prose linter): ``pip install proselint``, then
give its path with --proselint when it is not on PATH. Wall-clock figures depend on the
machine and its load; compare the ratios.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024
# Runs a command in a fresh process and prints the children's peak RSS (KiB on Linux).
RSS_WRAPPER = ("import resource, subprocess, sys; "
               "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
               "stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL); "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def articles() -> list[Path]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for parent in ROOT.parents:
        shared = parent / "shared" / "eval" / "articles"
        if shared.is_dir() and any(shared.glob("*.txt")):
            return seeds + sorted(shared.glob("*.txt"))
    return seeds + sorted(p for p in (ROOT / "tests" / "articles").rglob("*") if p.is_file())


def make_copies(sources: list[Path], copies: int, folder: Path) -> tuple[list[Path], int]:
    """``copies`` copies of every article, each with a first line of its own; the words."""
    files: list[Path] = []
    words = 0
    for n in range(copies):
        for src in sources:
            text = f"Copia {n + 1} di {src.stem}.\n\n" + src.read_text(encoding="utf-8")
            dest = folder / f"{n:03d}_{src.stem}.txt"
            dest.write_text(text, encoding="utf-8")
            files.append(dest)
            words += len(text.split())
    return files, words


def sportlint_cmd() -> list[str]:
    script = Path(sys.executable).with_name("sportlint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "sportlint"]


def find_proselint(given: str | None) -> str | None:
    if given:
        return given if Path(given).exists() or shutil.which(given) else None
    for candidate in (shutil.which("proselint"), "/tmp/plvenv/bin/proselint"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def walls(cmds: Sequence[tuple[Sequence[str], dict[str, str] | None]],
          repeat: int) -> list[tuple[float, float]]:
    """Median wall and CPU (user + system) times of each (command, environment), the runs
    interleaved (so that a change in the machine's load hits all alike), after one untimed
    run of each. Exit statuses 0 and 1 (findings) are fine."""
    import resource

    times: list[list[float]] = [[] for _ in cmds]
    cpu: list[list[float]] = [[] for _ in cmds]
    for n in range(repeat + 1):
        for i, (cmd, env) in enumerate(cmds):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  stdin=subprocess.DEVNULL, env=env)
            elapsed = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if done.returncode not in (0, 1):
                sys.exit(f"{' '.join(cmd[:4])} ... failed ({done.returncode}): "
                         f"{done.stderr.decode(errors='replace')[-500:]}")
            if n:
                times[i].append(elapsed)
                cpu[i].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return [(statistics.median(t), statistics.median(c)) for t, c in zip(times, cpu, strict=True)]


def wall(cmd: Sequence[str], repeat: int, env: dict[str, str] | None = None) -> float:
    return walls([(cmd, env)], repeat)[0][0]


def peak_rss(cmd: Sequence[str]) -> float:
    """Peak resident memory of ``cmd`` in MB (the largest single process)."""
    out = subprocess.run([sys.executable, "-c", RSS_WRAPPER, *cmd], capture_output=True,
                         text=True, check=True).stdout
    return int(out.strip()) * 1024 / MB


def in_fresh_process(code: str, repeat: int) -> float:
    """Median of the seconds that ``code`` prints, each run in a new interpreter."""
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout
        runs.append(float(out.strip().splitlines()[-1]))
    return statistics.median(runs)


SEGMENT_10K = """
import time
from pathlib import Path
from sportlint.source.document import from_text
from sportlint.segment.segmenter import segment
words = Path({path!r}).read_text(encoding="utf-8").split()
doc = from_text(" ".join((words * (10000 // len(words) + 1))[:10000]))
started = time.perf_counter()
segment(doc)
print(time.perf_counter() - started)
"""

LOAD_ONE = """
from sportlint.italian import resources
resources.get({name!r})
print(resources.load_times[{name!r}])
"""


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str, str]] = []

    def add(self, what: str, ours: str, base: str, ratio: float | None, target: str = "",
            ok: bool | None = None) -> None:
        verdict = "" if ok is None else ("PASS" if ok else "FAIL")
        self.rows.append((what, ours, base, "n/a" if ratio is None else f"{ratio:.2f}x",
                          target, verdict))

    def print(self) -> None:
        head = ("measure", "sportlint", "baseline", "ratio", "target", "")
        widths = [max(len(r[i]) for r in [head, *self.rows]) for i in range(6)]
        for row in [head, tuple("-" * w for w in widths), *self.rows]:
            print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=5, help="copies of each article (default 5)")
    ap.add_argument("--proselint", help="the proselint executable (default: on PATH)")
    ap.add_argument("--repeat", type=int, default=5,
                    help="runs per cold-start figure, median taken (default 5; throughput "
                         "runs take max(1, R // 2))")
    args = ap.parse_args()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)   # measure with bytecode caches
    ours = sportlint_cmd()
    proselint = find_proselint(args.proselint)
    sources = articles()
    seed = sources[0]
    table = Table()
    if proselint is None:
        print("proselint not found: `pip install proselint` (in any virtualenv) and pass "
              "--proselint PATH; its rows are skipped.\n")
    with tempfile.TemporaryDirectory(prefix="sportlint-bench-") as tmp:
        files, words = make_copies(sources, args.copies, Path(tmp))
        paths = [str(f) for f in files]
        print(f"{len(files)} files ({args.copies} copies of {len(sources)} articles), "
              f"{words} words; sportlint: {' '.join(ours)}; proselint: {proselint or '-'}\n")
        heavy_repeat = max(1, args.repeat // 2)
        jobs = "--jobs" in subprocess.run([*ours, "check", "--help"], capture_output=True,
                                          text=True).stdout

        # throughput
        t_ours = wall([*ours, "check", *paths], heavy_repeat)
        ours_wps = words / t_ours
        if proselint:
            t_pl = wall([proselint, "check", *paths], heavy_repeat)
            pl_wps = words / t_pl
            table.add("throughput, words/s", f"{ours_wps:,.0f}", f"{pl_wps:,.0f} proselint",
                      ours_wps / pl_wps, ">= 2x", ours_wps / pl_wps >= 2)
        else:
            table.add("throughput, words/s", f"{ours_wps:,.0f}", "-", None, ">= 2x proselint")

        # cold start on one article: the commands interleaved
        one = paths[0]
        runs: list[tuple[Sequence[str], dict[str, str] | None]] = [
            ([*ours, "check", one], None), ([sys.executable, "-c", "pass"], None),
            # without sportlint's cache (sportlint.util.cache): the first run after an install
            # or an update, or SPORTLINT_NO_CACHE=1
            ([*ours, "check", one], {**os.environ, "SPORTLINT_NO_CACHE": "1"})]
        if proselint:
            runs.append(([proselint, "check", one], None))
        (c_ours, cpu_ours), (c_py, _), (c_bare, _), *rest = walls(runs, args.repeat)
        if proselint:
            c_pl, cpu_pl = rest[0]
            table.add("cold start, one article", f"{c_ours * 1000:.0f} ms",
                      f"{c_pl * 1000:.0f} ms proselint", c_ours / c_pl, "<= 2x",
                      c_ours / c_pl <= 2)
            # CPU time: less at the mercy of other processes on the machine
            table.add("cold start, CPU time", f"{cpu_ours * 1000:.0f} ms",
                      f"{cpu_pl * 1000:.0f} ms proselint", cpu_ours / cpu_pl, "<= 2x",
                      cpu_ours / cpu_pl <= 2)
        else:
            table.add("cold start, one article", f"{c_ours * 1000:.0f} ms", "-", None,
                      "<= 2x proselint")
        table.add("cold start vs python -c pass", f"{c_ours * 1000:.0f} ms",
                  f"{c_py * 1000:.0f} ms python", c_ours / c_py)
        table.add("cold start, cache off", f"{c_bare * 1000:.0f} ms",
                  f"{c_pl * 1000:.0f} ms proselint" if proselint else "-",
                  c_bare / c_pl if proselint else None)

        # peak memory
        m_one = peak_rss([*ours, "check", one])
        m_py = peak_rss([sys.executable, "-c", "pass"])
        for label, cmd_args in (("peak memory, one article", [one]),
                                (f"peak memory, {len(files)} files", paths)):
            mem = peak_rss([*ours, "check", *cmd_args])
            if proselint:
                base = peak_rss([proselint, "check", *cmd_args])
                table.add(label, f"{mem:.0f} MB", f"{base:.0f} MB proselint", mem / base,
                          "< 200 MB", mem < 200)
            else:
                table.add(label, f"{mem:.0f} MB", "-", None, "< 200 MB", mem < 200)
        table.add("peak memory vs python -c pass", f"{m_one:.0f} MB", f"{m_py:.0f} MB python",
                  m_one / m_py)

        # resource loads, each in a fresh process
        seg = in_fresh_process(SEGMENT_10K.format(path=str(seed)), args.repeat)
        from sportlint.italian import resources

        for name in resources.LOADERS:
            load = in_fresh_process(LOAD_ONE.format(name=name), args.repeat)
            table.add(f"load {name}", f"{load * 1000:.1f} ms",
                      f"{seg * 1000:.1f} ms segment 10k words", load / seg)

        # parallel jobs
        if jobs:
            j1 = wall([*ours, "check", "--jobs", "1", *paths], heavy_repeat)
            j2 = wall([*ours, "check", "--jobs", "2", *paths], heavy_repeat)
            table.add("--jobs 2 speed-up", f"{j2:.2f} s (2 jobs)", f"{j1:.2f} s (1 job)",
                      j1 / j2, f">= 1.6x ({os.cpu_count()} cores)", j1 / j2 >= 1.6)
        else:
            table.add("--jobs 2 speed-up", "n/a", "n/a", None, "(no --jobs in this CLI)")
    table.print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
