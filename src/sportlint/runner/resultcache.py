"""The result cache: the findings of a file that has not changed since it was last checked
with the same config, rules and sportlint, read back instead of linting it again (as ruff
keeps its results), so that a pre-commit hook or a second ``check`` of an archive costs
reading the files.

An entry is keyed by a hash of

- the file's bytes, its suffix (Markdown or not) and ``--encoding``;
- the resolved config (every key that can change a finding: rule options, select and
  disable included) and the content of the files it names (``rule_files``,
  ``names.files``);
- sportlint itself: its version, the Python version, and the size and time of every
  module and shipped data file (an edited checkout is a new sportlint), the version of
  ``regex`` and the installed files of ``rapidfuzz`` (read, not imported); with the
  config, they decide which rules run.

Only complete results are stored: not a file some rule gave up on (a time limit), not a
Word document, a URL or standard input, and never while a rule asks a server
(``languagetool``), whose answers the key cannot know. ``--fix`` uses an entry only when
it holds no fix that run would apply, so that what it writes is what it would have
written without the cache.

Entries live in ``results/`` of sportlint's cache folder (`sportlint.util.cache.cache_dir`:
``$SPORTLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/sportlint``, else ``~/.cache/sportlint``),
one ``marshal`` file each, written atomically (a temporary file renamed over it), so that
processes checking at the same time never read half an entry; a damaged entry is a miss.
The folder is kept under `max_bytes` (``SPORTLINT_CACHE_MAX_MB``, default 256): when it
grows past it, the entries used longest ago go first. ``sportlint check --no-cache``, the config's
``cache: false`` or ``SPORTLINT_NO_RESULT_CACHE=1`` turn it off (``SPORTLINT_NO_CACHE=1``
every cache of sportlint); deleting the folder clears it.
"""

from __future__ import annotations

import dataclasses
import marshal
import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sportlint.findings import Applicability, Edit, Finding, Findings, Fix, Severity

if TYPE_CHECKING:
    from sportlint.config.loader import Config

#: the layout of an entry; a change makes every older entry a miss
FORMAT = "results-1"
FOLDER = "results"
DEFAULT_MAX_MB = 256
#: an entry read this long after it was written is touched, so that eviction keeps it
TOUCH_AFTER = 86_400.0
#: config fields that cannot change a finding (where the file is, which files a walk reads)
_NOT_RESULTS = frozenset({"source", "option_sources", "exclude", "respect_gitignore",
                          "fail_level", "cache"})


def max_bytes() -> int:
    """The size bound of the folder: ``SPORTLINT_CACHE_MAX_MB`` (MiB), default 256."""
    raw = os.environ.get("SPORTLINT_CACHE_MAX_MB", "")
    try:
        mb = float(raw) if raw else DEFAULT_MAX_MB
    except ValueError:
        mb = DEFAULT_MAX_MB
    return max(0, int(mb * 1024 * 1024))


@dataclasses.dataclass(frozen=True)
class ResultCache:
    """The entries for one config and rule set (``run_key``) in ``folder``."""

    folder: str
    run_key: str

    def key(self, data: bytes, path: str, encoding: str | None) -> str:
        import hashlib

        h = hashlib.blake2b(self.run_key.encode(), digest_size=20)
        h.update(f"\0{Path(path).suffix.lower()}\0{encoding or ''}\0".encode("utf-8", "surrogateescape"))
        h.update(data)
        return h.hexdigest()

    def has(self, key: str) -> bool:
        return os.path.isfile(os.path.join(self.folder, key))

    def get(self, key: str) -> list[Finding] | None:
        """The findings stored under ``key``, or None (a miss, or an unreadable entry)."""
        path = os.path.join(self.folder, key)
        try:
            with open(path, "rb") as fh:
                stored_key, records = marshal.loads(fh.read())
            if stored_key != key:
                return None
            findings = [_finding(r) for r in records]
        except (OSError, EOFError, ValueError, TypeError, IndexError, KeyError):
            return None
        try:
            if time.time() - os.stat(path).st_mtime > TOUCH_AFTER:
                os.utime(path)
        except OSError:
            pass
        return findings

    def put(self, key: str, findings: Findings | list[Finding]) -> None:
        """Store complete findings (never those of a run some rule gave up on)."""
        if getattr(findings, "problems", None):
            return
        from sportlint.util.cache import write_atomic

        try:
            data = marshal.dumps((key, [_record(f) for f in findings]))
        except ValueError:
            return
        write_atomic(Path(self.folder), "result", Path(self.folder) / key, data)


def fixes_something(findings: Iterable[Finding], unsafe: bool) -> bool:
    """Would a ``--fix`` (``--unsafe-fixes`` with ``unsafe``) run apply one of these?"""
    wanted = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
    return any(f.fix is not None and f.fix.applicability in wanted for f in findings)


def _record(f: Finding) -> tuple[Any, ...]:
    fix = None if f.fix is None else \
        (tuple((e.start, e.end, e.replacement) for e in f.fix.edits), f.fix.applicability.value)
    return (f.rule, f.start, f.end, int(f.severity), f.message, tuple(f.suggestions), fix,
            tuple(f.also))


def _finding(r: tuple[Any, ...]) -> Finding:
    rule, start, end, severity, message, suggestions, fix, also = r
    made = None if fix is None else \
        Fix(tuple(Edit(s, e, text) for s, e, text in fix[0]), Applicability(fix[1]))
    return Finding(rule, start, end, Severity(severity), message, tuple(suggestions), made,
                   also=tuple(also))


# --- the key of a run ---------------------------------------------------------------------

def for_run(config: Config) -> ResultCache | None:
    """The cache for checking files with ``config`` (the rules that run follow from it
    and from sportlint's code and data, both in the key, so no rule is loaded to know
    it); None when caching is off (config ``cache: false``, SPORTLINT_NO_RESULT_CACHE or
    SPORTLINT_NO_CACHE, no cache folder) or the LanguageTool rule may ask a server
    (``languagetool.url``)."""
    from sportlint.util.cache import cache_dir

    folder = cache_dir()
    if os.environ.get("SPORTLINT_NO_RESULT_CACHE", "") not in ("", "0"):
        return None
    if not config.cache or folder is None or config.languagetool.get("url"):
        return None
    import hashlib

    h = hashlib.blake2b(digest_size=20)
    for part in (FORMAT, _code_identity(), _config_identity(config)):
        h.update(part.encode("utf-8", "surrogateescape"))
        h.update(b"\0\0")
    return ResultCache(str(folder / FOLDER), h.hexdigest())


_code: str | None = None


def _code_identity() -> str:
    """sportlint's version and every file of its code and shipped data (size and time,
    as Python's bytecode caches know a module), and the libraries findings depend on."""
    global _code
    if _code is None:
        import regex

        from sportlint import __version__
        from sportlint.util.datapaths import data_dir, rules_dir

        parts = [__version__, sys.implementation.cache_tag, str(regex.__version__),
                 _installed("rapidfuzz")]
        for root in (Path(__file__).resolve().parents[1], rules_dir(), data_dir()):
            for folder, dirs, files in os.walk(root):
                dirs[:] = sorted(d for d in dirs if d != "__pycache__")
                for name in sorted(files):
                    if name.endswith((".pyc", ".pyo")):
                        continue
                    full = os.path.join(folder, name)
                    try:
                        st = os.stat(full)
                    except OSError:
                        continue
                    parts.append(f"{os.path.relpath(full, root)}\0{st.st_size}\0{st.st_mtime_ns}")
        _code = "\n".join(parts)
    return _code


def _installed(name: str) -> str:
    """An installed library's identity, read from its files without importing it
    (importing rapidfuzz would cost a run whose results are all cached 10-20 ms, and
    the run needs none of it): the size and time of each file at the top of its package,
    which an upgrade or a reinstall rewrites."""
    from importlib.machinery import PathFinder

    spec = PathFinder.find_spec(name)
    if spec is None or not spec.origin:
        return ""
    folder = os.path.dirname(spec.origin)
    parts = [folder]
    try:
        with os.scandir(folder) as it:
            for entry in sorted(it, key=lambda e: e.name):
                if entry.is_file():
                    st = entry.stat()
                    parts.append(f"{entry.name}\0{st.st_size}\0{st.st_mtime_ns}")
    except OSError:
        pass
    return "\0".join(parts)


def _config_identity(config: Config) -> str:
    """The config as plain, ordered data (every field that can change a finding), and the
    content of the files it names."""
    import hashlib

    fields = {f.name: getattr(config, f.name) for f in dataclasses.fields(config)
              if f.name not in _NOT_RESULTS}
    files = [*config.rule_files, *(config.names.get("files") or [])]
    contents = []
    for raw in files:
        path = Path(str(raw))
        members = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
        for member in members:
            try:
                digest = hashlib.blake2b(member.read_bytes(), digest_size=20).hexdigest()
            except OSError:
                digest = "unreadable"
            contents.append(f"{member}\0{digest}")
    return repr(_plain(fields)) + "\n" + "\n".join(contents)


def _plain(value: Any) -> Any:
    """``value`` with its mappings and sets in a fixed order, so that its repr is stable."""
    if isinstance(value, dict):
        return [(repr(k), _plain(v)) for k, v in sorted(value.items(), key=lambda kv: repr(kv[0]))]
    if isinstance(value, (set, frozenset)):
        return sorted((_plain(v) for v in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Severity):
        return int(value)
    return value


# --- the size bound -----------------------------------------------------------------------

def prune(folder: str, limit: int | None = None) -> None:
    """Keep ``folder`` under ``limit`` bytes (`max_bytes`): past it, delete the entries
    used longest ago until it holds three quarters of it. Looks only when entries were
    added since it last looked (the folder's time against its ``.pruned`` marker)."""
    limit = max_bytes() if limit is None else limit
    marker = os.path.join(folder, ".pruned")
    try:
        changed = os.stat(folder).st_mtime_ns
    except OSError:
        return
    try:
        if os.stat(marker).st_mtime_ns >= changed:
            return
    except OSError:
        pass
    entries = []
    total = 0
    try:
        with os.scandir(folder) as it:
            for entry in it:
                if entry.name.startswith(".") or not entry.is_file(follow_symlinks=False):
                    continue
                st = entry.stat(follow_symlinks=False)
                entries.append((st.st_mtime, st.st_size, entry.path))
                total += st.st_size
    except OSError:
        return
    if total > limit:
        entries.sort()
        for _, size, path in entries:
            if total <= limit * 3 // 4:
                break
            try:
                os.unlink(path)
                total -= size
            except OSError:
                pass
    try:
        with open(marker, "wb"):
            pass
        st = os.stat(folder)
        os.utime(marker, ns=(st.st_atime_ns, st.st_mtime_ns))
    except OSError:
        pass
