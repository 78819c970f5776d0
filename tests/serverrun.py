"""Start `sportlint serve` in a subprocess for the tests: on a port the OS picks (``--port
0``), ready once it prints the address it listens on (no sleeping), always stopped."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_ADDRESS = re.compile(r"listening on (http://\S+?) ")


@contextmanager
def serve(*args: str, cwd: Path, start_timeout: float = 120.0) -> Iterator[str]:
    """``sportlint serve --port 0 ARGS`` in ``cwd``; yields its base URL."""
    process = subprocess.Popen([sys.executable, "-m", "sportlint", "serve", "--port", "0", *args],
                               cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, encoding="utf-8",
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        assert process.stderr is not None
        found: list[str] = []
        lines: list[str] = []

        def read() -> None:        # the address, then keep draining stderr
            assert process.stderr is not None
            for line in process.stderr:
                lines.append(line)
                m = _ADDRESS.search(line)
                if m and not found:
                    found.append(m.group(1))
                    ready.set()
            ready.set()            # the process ended

        ready = threading.Event()
        threading.Thread(target=read, daemon=True).start()
        ready.wait(start_timeout)
        if not found:
            raise AssertionError(f"sportlint serve did not start: {''.join(lines)}")
        yield found[0]
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
