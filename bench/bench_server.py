#!/usr/bin/env python3
"""`sportlint serve` under load: requests per second and latency of ``/v2/check`` on a
600-word article (bench/data/article_600.txt, written for this benchmark), against a warm
server on 127.0.0.1, and the same check run in-process (``linter.lint``, warm) as the
baseline measured in the same run: the ratio is what HTTP, form parsing and the answer's
JSON add. Target: median latency under 50 ms.

    python bench/bench_server.py [--requests N] [--clients C] [PATH]

Needs the server extra (``pip install '.[server]'``). The server is a subprocess on a port
the OS picks; every request goes to this machine only, and the run stops by itself.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

HERE = Path(__file__).resolve().parent
ARTICLE = HERE / "data" / "article_600.txt"
TARGET_MS = 50.0


def start_server() -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen([sys.executable, "-m", "sportlint", "serve", "--port", "0"],
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert process.stderr is not None
    for line in process.stderr:
        m = re.search(r"listening on (http://\S+?) ", line)
        if m:
            threading.Thread(target=process.stderr.read, daemon=True).start()
            return process, m.group(1)
    raise SystemExit("sportlint serve did not start (is the server extra installed?)")


def timed_post(session: requests.Session, url: str, text: str) -> float:
    start = time.perf_counter()
    response = session.post(f"{url}/v2/check", data={"text": text, "language": "it"}, timeout=60)
    response.raise_for_status()
    response.json()
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", nargs="?", type=Path, default=ARTICLE)
    ap.add_argument("--requests", type=int, default=60, help="requests per measurement (default 60)")
    ap.add_argument("--clients", type=int, default=4, help="concurrent clients (default 4)")
    args = ap.parse_args()
    text = args.path.read_text(encoding="utf-8")
    words = len(text.split())

    # the baseline: the same lint in this process, warm
    from sportlint.config.loader import load_config
    from sportlint.engine import linter
    from sportlint.source import document

    config = load_config(None)
    rules = [r for r in linter.active_rules(config) if r.id != "languagetool"]
    for _ in range(3):
        linter.lint(document.from_text(text), config, rules)
    direct = []
    for _ in range(args.requests):
        start = time.perf_counter()
        found = linter.lint(document.from_text(text), config, rules)
        direct.append(time.perf_counter() - start)
    direct_ms = statistics.median(direct) * 1000

    process, url = start_server()
    try:
        with requests.Session() as session:
            for _ in range(5):                       # warm: caches, connection
                timed_post(session, url, text)
            latencies = [timed_post(session, url, text) for _ in range(args.requests)]
        median_ms = statistics.median(latencies) * 1000
        p90_ms = sorted(latencies)[int(0.9 * (len(latencies) - 1))] * 1000
        sequential_rps = len(latencies) / sum(latencies)

        sessions = [requests.Session() for _ in range(args.clients)]
        per_client = max(1, args.requests // args.clients)

        def client(index: int) -> list[float]:
            return [timed_post(sessions[index], url, text) for _ in range(per_client)]

        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.clients) as pool:
            concurrent = [t for batch in pool.map(client, range(args.clients)) for t in batch]
        wall = time.perf_counter() - start
        for s in sessions:
            s.close()
        concurrent_rps = len(concurrent) / wall
        concurrent_median = statistics.median(concurrent) * 1000
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()

    print(f"article: {args.path.name}, {words} words, {len(found)} findings")
    print(f"in-process lint (baseline):   median {direct_ms:7.1f} ms")
    print(f"server, 1 client:             median {median_ms:7.1f} ms, p90 {p90_ms:7.1f} ms, "
          f"{sequential_rps:6.1f} requests/s  (x{median_ms / direct_ms:.2f} the baseline)")
    print(f"server, {args.clients} clients:            median {concurrent_median:7.1f} ms, "
          f"{concurrent_rps:6.1f} requests/s  (x{concurrent_rps / sequential_rps:.2f} one client's)")
    verdict = "PASS" if median_ms < TARGET_MS else "FAIL"
    print(f"target: median under {TARGET_MS:g} ms warm: {verdict}")


if __name__ == "__main__":
    main()
