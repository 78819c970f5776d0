#!/usr/bin/env python3
"""Speed and memory of `sportlint check` as a user runs it (a fresh process per run), each
figure a ratio against proselint (the baseline of a Python prose linter) on the same files
in the same run (issue 21):

- throughput (words/s) over ~400 real-sized articles (``--files``), the default ``--jobs``,
  result cache off (target: 3x proselint; the longer-term aim is 5x);
- cold start of one check of one article, wall and CPU time, result cache off (target:
  at most 1.0x proselint), beside ``python -c pass``, the start-up cache off, and the result
  cache on (the same article checked again, as a pre-commit hook does);
- peak memory per input character on a 3 MB and a 30 MB file (``--sizes``): the peak RSS
  of the check above the peak of a check of one article (the fixed base), per character
  (target: at most 30 bytes);
- ``--jobs 1`` against the default ``--jobs`` on the ~400 files (target: the default never
  slower), and against ``--jobs 2``;
- the result cache: a second ``check`` of the ~400 unchanged files against the first
  (target: at least 10x faster);
- load time of each heavy resource (`resources.LOADERS`) in a fresh process, against
  segmenting 10k words in a fresh process.

    python bench/bench_speed.py [--files N] [--sizes 3,30] [--proselint PATH] [--repeat R]
                                [--articles DIR] [--cold-only]

sportlint keeps derived data (decompressed lexicon, gazetteer sets, compiled patterns) in
its user cache (`sportlint.util.cache`): the untimed run fills it, as any first run does.
The result cache (runner/resultcache.py) is off (``--no-cache``) except in the rows that
measure it, which use a cache folder of their own. Each tool runs once, untimed, before it
is measured, with PYTHONDONTWRITEBYTECODE unset so that Python writes its bytecode caches as
after a pip install (otherwise every run compiles sportlint's modules from source again,
some 70 ms). The big files are read with ``max_file_size: 0`` (a config beside them), and
checked once each: the 30 MB rows take most of the run.

Articles: the seed and ../shared/eval/articles/*.txt when a parent folder has it, else the
seed and tests/articles; the ``--files`` files cycle through them, each with a first line of
its own, so that no tool can cache a result; the big files are the articles one after the
other, each copy numbered, up to the size. proselint: ``pip install proselint``, then give
its path with --proselint when it is not on PATH. Wall-clock figures depend on the machine
and its load: compare the ratios (the CPU rows are the steadier on a busy machine).
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


def articles(folder: str | None = None) -> list[Path]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    if folder:
        return seeds + sorted(Path(folder).glob("*.txt"))
    for parent in ROOT.parents:
        shared = parent / "shared" / "eval" / "articles"
        if shared.is_dir() and any(shared.glob("*.txt")):
            return seeds + sorted(shared.glob("*.txt"))
    return seeds + sorted(p for p in (ROOT / "tests" / "articles").rglob("*") if p.is_file())


def make_files(sources: list[Path], count: int, folder: Path) -> tuple[list[Path], int]:
    """``count`` files cycling through the articles, each with a first line of its own;
    their words."""
    texts = [(src.stem, src.read_text(encoding="utf-8")) for src in sources]
    files: list[Path] = []
    words = 0
    for n in range(count):
        stem, body = texts[n % len(texts)]
        text = f"Copia {n // len(texts) + 1} di {stem}.\n\n" + body
        dest = folder / f"{n:04d}_{stem}.txt"
        dest.write_text(text, encoding="utf-8")
        files.append(dest)
        words += len(text.split())
    return files, words


def make_big(sources: list[Path], size: int, dest: Path) -> int:
    """A file of ``size`` bytes or so: the articles one after the other, each copy numbered,
    cut at a paragraph; its characters."""
    texts = [src.read_text(encoding="utf-8").strip() for src in sources]
    parts: list[str] = []
    total = n = 0
    while total < size:
        text = f"Copia {n // len(texts) + 1}.\n\n{texts[n % len(texts)]}\n\n"
        parts.append(text)
        total += len(text.encode("utf-8"))
        n += 1
    text = "".join(parts)
    dest.write_text(text, encoding="utf-8")
    return len(text)


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
          repeat: int, untimed: bool = True) -> list[tuple[float, float]]:
    """Median wall and CPU (user + system) times of each (command, environment), the runs
    interleaved (so that a change in the machine's load hits all alike), after one untimed
    run of each (``untimed``; without it, the first run is the only one: ``repeat`` 0).
    Exit statuses 0 and 1 (findings) are fine."""
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
            if n or not untimed:
                times[i].append(elapsed)
                cpu[i].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return [(statistics.median(t), statistics.median(c)) for t, c in zip(times, cpu, strict=True)]


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


def cold_start(table: Table, check: list[str], ours: list[str], proselint: str | None,
               one: str, tmp: Path, repeat: int) -> None:
    """The cold-start rows: one check of one article in a fresh process."""
    # cold start on one article: the commands interleaved
    results = tmp / "cache"    # the result cache's rows: a cache folder of their own
    with_results = {**os.environ, "SPORTLINT_CACHE_DIR": str(results)}
    cold: list[tuple[Sequence[str], dict[str, str] | None]] = [
        ([*check, one], None), ([sys.executable, "-c", "pass"], None),
        # without sportlint's start-up cache (sportlint.util.cache): the first run after
        # an install or an update, or SPORTLINT_NO_CACHE=1
        ([*check, one], {**os.environ, "SPORTLINT_NO_CACHE": "1"}),
        # the same article checked again, its result cached
        ([*ours, "check", one], with_results)]
    if proselint:
        cold.append(([proselint, "check", one], None))
    (c_ours, cpu_one), (c_py, _), (c_bare, _), (c_hit, _), *rest = \
        walls(cold, repeat)
    if proselint:
        c_pl, cpu_pl1 = rest[0]
        table.add("cold start, one article", f"{c_ours * 1000:.0f} ms",
                  f"{c_pl * 1000:.0f} ms proselint", c_ours / c_pl, "<= 1.0x",
                  c_ours / c_pl <= 1.0)
        table.add("cold start, CPU time", f"{cpu_one * 1000:.0f} ms",
                  f"{cpu_pl1 * 1000:.0f} ms proselint", cpu_one / cpu_pl1, "<= 1.0x",
                  cpu_one / cpu_pl1 <= 1.0)
        table.add("cold start, result cached", f"{c_hit * 1000:.0f} ms",
                  f"{c_pl * 1000:.0f} ms proselint", c_hit / c_pl)
        table.add("cold start, start-up cache off", f"{c_bare * 1000:.0f} ms",
                  f"{c_pl * 1000:.0f} ms proselint", c_bare / c_pl)
    else:
        table.add("cold start, one article", f"{c_ours * 1000:.0f} ms", "-", None,
                  "<= 1.0x proselint")
    table.add("cold start vs python -c pass", f"{c_ours * 1000:.0f} ms",
              f"{c_py * 1000:.0f} ms python", c_ours / c_py)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=400,
                    help="files of the throughput, --jobs and result-cache rows (default 400)")
    ap.add_argument("--sizes", default="3,30",
                    help="sizes in MB of the big files of the memory rows (default 3,30; "
                         "empty: no memory rows)")
    ap.add_argument("--proselint", help="the proselint executable (default: on PATH)")
    ap.add_argument("--articles", metavar="DIR",
                    help="the articles' folder (default: ../shared/eval/articles above the "
                         "checkout, else tests/articles)")
    ap.add_argument("--repeat", type=int, default=5,
                    help="runs per cold-start figure, median taken (default 5; the runs over "
                         "all the files: max(1, R // 2))")
    ap.add_argument("--cold-only", action="store_true",
                    help="only the cold-start rows (one article), for a quick run")
    args = ap.parse_args()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)   # measure with bytecode caches
    ours = sportlint_cmd()
    # a sportlint from before the result cache (a baseline checkout on PYTHONPATH) has no
    # --no-cache: its rows of the cache measure nothing then
    has_cache = "--no-cache" in subprocess.run([*ours, "check", "--help"], capture_output=True,
                                               text=True).stdout
    check = [*ours, "check", *(["--no-cache"] if has_cache else [])]
    proselint = find_proselint(args.proselint)
    sources = articles(args.articles)
    seed = sources[0]
    table = Table()
    if proselint is None:
        print("proselint not found: `pip install proselint` (in any virtualenv) and pass "
              "--proselint PATH; its rows are skipped.\n")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sportlint-bench-") as tmp:
        folder = Path(tmp) / "files"
        folder.mkdir()
        files, words = make_files(sources, args.files, folder)
        paths = [str(f) for f in files]
        print(f"{len(files)} files (cycling through {len(sources)} articles), {words} words; "
              f"sportlint: {' '.join(ours)}; proselint: {proselint or '-'}; "
              f"{os.cpu_count()} cores\n")
        heavy_repeat = max(1, args.repeat // 2)
        if args.cold_only:
            cold_start(table, check, ours, proselint, paths[0], Path(tmp), args.repeat)
            table.print()
            return 0

        # throughput, and the default --jobs against --jobs 1 and 2 (interleaved)
        runs: list[tuple[Sequence[str], dict[str, str] | None]] = [
            ([*check, *paths], None), ([*check, "--jobs", "1", *paths], None),
            ([*check, "--jobs", "2", *paths], None)]
        if proselint:
            runs.append(([proselint, "check", *paths], None))
        (t_ours, cpu_ours), (t_j1, cpu_j1), (t_j2, _), *rest = walls(runs, heavy_repeat)
        ours_wps = words / t_ours
        if proselint:
            t_pl, cpu_pl = rest[0]
            pl_wps = words / t_pl
            table.add("throughput, words/s", f"{ours_wps:,.0f}", f"{pl_wps:,.0f} proselint",
                      ours_wps / pl_wps, ">= 3x", ours_wps / pl_wps >= 3)
            table.add("throughput, CPU time", f"{cpu_ours:.2f} s", f"{cpu_pl:.2f} s proselint",
                      cpu_pl / cpu_ours, ">= 3x", cpu_pl / cpu_ours >= 3)
        else:
            table.add("throughput, words/s", f"{ours_wps:,.0f}", "-", None, ">= 3x proselint")
        table.add("--jobs 1 vs default --jobs", f"{t_ours:.2f} s (default)",
                  f"{t_j1:.2f} s (--jobs 1)", t_j1 / t_ours, ">= 1.0x", t_j1 / t_ours >= 1.0)
        table.add("--jobs 1 vs default, CPU", f"{cpu_ours:.2f} s (default)",
                  f"{cpu_j1:.2f} s (--jobs 1)", cpu_j1 / cpu_ours)
        table.add("--jobs 2 speed-up", f"{t_j2:.2f} s (2 jobs)", f"{t_j1:.2f} s (1 job)",
                  t_j1 / t_j2)

        one = paths[0]
        results = Path(tmp) / "cache"    # the result cache's rows: a cache folder of their own
        with_results = {**os.environ, "SPORTLINT_CACHE_DIR": str(results)}
        cold_start(table, check, ours, proselint, one, Path(tmp), args.repeat)

        # the result cache: a second check of the unchanged files against the first
        firsts, seconds = [], []
        for _ in range(heavy_repeat):
            shutil.rmtree(results / "results", ignore_errors=True)
            (first, _), (second, _) = walls([([*ours, "check", *paths], with_results)] * 2, 0,
                                            untimed=False)
            firsts.append(first)
            seconds.append(second)
        first, second = statistics.median(firsts), statistics.median(seconds)
        table.add(f"result cache, 2nd check of {len(paths)}", f"{second:.2f} s (2nd)",
                  f"{first:.2f} s (1st)", first / second, ">= 10x",
                  first / second >= 10 if has_cache else None)

        # peak memory: one article, all the files, and per character of the big files
        m_py = peak_rss([sys.executable, "-c", "pass"])
        m_one = peak_rss([*check, "--jobs", "1", one])
        pl_one = peak_rss([proselint, "check", one]) if proselint else None
        table.add("peak memory, one article", f"{m_one:.0f} MB",
                  f"{pl_one:.0f} MB proselint" if pl_one else "-",
                  m_one / pl_one if pl_one else None)
        table.add("peak memory vs python -c pass", f"{m_one:.0f} MB", f"{m_py:.0f} MB python",
                  m_one / m_py)
        big = Path(tmp) / "big"
        big.mkdir()
        (big / ".sportlint.yaml").write_text("max_file_size: 0\n", encoding="utf-8")
        for size in [float(x) for x in args.sizes.split(",") if x.strip()]:
            dest = big / f"big_{size:g}mb.txt"
            chars = make_big(sources, int(size * 1_000_000), dest)
            t0 = time.perf_counter()
            mem = peak_rss([*check, "--jobs", "1", str(dest)])
            took = time.perf_counter() - t0
            per_char = max(0.0, mem - m_one) * MB / chars
            label = f"peak memory per char, {size:g} MB"
            if proselint and pl_one is not None:
                t0 = time.perf_counter()
                base = peak_rss([proselint, "check", str(dest)])
                pl_took = time.perf_counter() - t0
                pl_per_char = max(0.0, base - pl_one) * MB / chars
                table.add(label, f"{per_char:.1f} B ({mem:.0f} MB, {took:.0f} s)",
                          f"{pl_per_char:.1f} B proselint ({base:.0f} MB, {pl_took:.0f} s)",
                          per_char / pl_per_char if pl_per_char else None, "<= 30 B",
                          per_char <= 30)
            else:
                table.add(label, f"{per_char:.1f} B ({mem:.0f} MB, {took:.0f} s)", "-", None,
                          "<= 30 B", per_char <= 30)
            dest.unlink()

        # resource loads, each in a fresh process
        seg = in_fresh_process(SEGMENT_10K.format(path=str(seed)), args.repeat)
        from sportlint.italian import resources

        for name in resources.LOADERS:
            load = in_fresh_process(LOAD_ONE.format(name=name), args.repeat)
            table.add(f"load {name}", f"{load * 1000:.1f} ms",
                      f"{seg * 1000:.1f} ms segment 10k words", load / seg)
    table.print()
    print(f"\n({time.perf_counter() - started:.0f} s in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
