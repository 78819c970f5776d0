"""A client for a LanguageTool server the newsroom runs, through ``language-tool-python``.

`check(text, settings)` sends one document to the server's ``/v2/check`` and returns its
matches with code-point offsets (LanguageTool counts UTF-16 code units: an emoji or any
character outside the Basic Multilingual Plane is two units for it, one for Python).
An unreachable or broken server is reported once per process through the ``sportlint``
logger (a plain line on stderr when nothing configures logging) and its checks are skipped
for the rest of the run, so that sportlint's own findings still come out, quickly.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sportlint.util.datapaths import data_dir, read_yaml

DEFAULT_TIMEOUT = 10.0
DEFAULT_LANGUAGE = "it"


@dataclass(frozen=True)
class LTMatch:
    """One LanguageTool match, offsets in code points of the checked text."""

    rule_id: str
    start: int
    end: int
    message: str
    replacements: tuple[str, ...]
    category: str
    issue_type: str


class LanguageToolUnavailable(Exception):
    """The server could not be reached or did not answer like LanguageTool."""


@cache
def default_disabled() -> tuple[str, ...]:
    """The LanguageTool rules sportlint turns off by default (data/curated/languagetool/)."""
    data = read_yaml(data_dir() / "curated" / "languagetool" / "disabled.yaml")
    return tuple(str(entry["id"]) for entry in data["disabled"])


def rule_sets(settings: Mapping[str, Any]) -> tuple[set[str], set[str]]:
    """(disabled, enabled) LanguageTool rule ids for a `languagetool:` config section."""
    enabled = {str(r) for r in settings.get("enabled_rules") or []}
    disabled = (set(default_disabled()) | {str(r) for r in settings.get("disabled_rules") or []})
    return disabled - enabled, enabled


class UTF16Offsets:
    """Convert between code-point and UTF-16 offsets of one text."""

    def __init__(self, text: str) -> None:
        # code-point offsets of the characters that take two UTF-16 units
        self._wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def to_utf16(self, cp: int) -> int:
        return cp + bisect_right(self._wide, cp - 1)

    def to_code_points(self, unit: int) -> int:
        # the k-th wide character (code point w) ends at UTF-16 offset w + k + 2
        lo, hi = 0, len(self._wide)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._wide[mid] + mid + 1 < unit:
                lo = mid + 1
            else:
                hi = mid
        return unit - lo


_tools: dict[tuple[str, str, float], Any] = {}
_down: dict[str, str] = {}


def server_base(url: str) -> str:
    """The server's root with a final slash: the library appends ``v2/`` to it, so
    ``http://host:8081/v2`` and ``https://proxy/languagetool`` must become
    ``http://host:8081/`` and ``https://proxy/languagetool/``."""
    base = url.strip().rstrip("/")
    if base.endswith("/v2"):
        base = base[:-3]
    return base + "/"


def _tool(url: str, language: str, timeout: float) -> Any:
    key = (url, language, timeout)
    if key not in _tools:
        from language_tool_python import LanguageTool

        class _Client(LanguageTool):
            def __init__(self) -> None:
                vars(self)["_TIMEOUT"] = timeout   # the library waits 300 s by default
                super().__init__(language, remote_server=server_base(url))

        _tools[key] = _Client()
    return _tools[key]


def check(text: str, settings: Mapping[str, Any]) -> list[LTMatch]:
    """The server's matches for ``text``; [] (and one logged warning) when it is down."""
    url = str(settings["url"])
    if url in _down:
        return []
    try:
        return _check(text, settings)
    except LanguageToolUnavailable as exc:
        _down[url] = str(exc)
        import logging  # here: only a failing server needs it (start-up time)

        logging.getLogger("sportlint").warning(
            "sportlint: LanguageTool server %s unavailable: %s; its checks are skipped, "
            "sportlint's own checks are complete.", url, exc)
        return []


def _check(text: str, settings: Mapping[str, Any]) -> list[LTMatch]:
    from language_tool_python.exceptions import LanguageToolError

    url = str(settings["url"])
    timeout = float(settings.get("timeout") or DEFAULT_TIMEOUT)
    language = str(settings.get("language") or DEFAULT_LANGUAGE)
    try:
        tool = _tool(url, language, timeout)
        disabled, enabled = rule_sets(settings)
        tool.disabled_rules = disabled
        tool.enabled_rules = enabled
        tool.picky = str(settings.get("level") or "default") == "picky"
        matches = tool.check(text)
    except (LanguageToolError, OSError, ValueError, KeyError, TypeError) as exc:
        # requests' errors are OSErrors; ValueError: the language is not on the server
        raise LanguageToolUnavailable(_reason(exc, timeout)) from exc
    return convert(text, matches)


def _reason(exc: BaseException, timeout: float) -> str:
    """A short reason: the library wraps requests' errors in long messages."""
    chain: list[BaseException] = []
    link: BaseException | None = exc
    while link is not None and len(chain) < 10:
        chain.append(link)
        link = link.__cause__ or link.__context__
    names = {type(e).__name__ for e in chain}
    if names & {"ReadTimeout", "ConnectTimeout", "Timeout", "TimeoutError"}:
        return f"no answer within {timeout:g} s (languagetool.timeout)"
    if names & {"ConnectionError", "ConnectionRefusedError", "NewConnectionError"}:
        return "cannot connect"
    text = str(exc).strip() or type(exc).__name__
    first = text.splitlines()[0]
    return first if len(first) <= 200 else first[:197] + "..."


def convert(text: str, matches: Sequence[Any]) -> list[LTMatch]:
    """language-tool-python matches -> LTMatch with code-point spans.

    The library already turns ``offset`` into code points; ``error_length`` is still in
    UTF-16 units, so the end is found by walking the same number of units from the start.
    """
    offsets = UTF16Offsets(text)
    out = []
    for m in matches:
        start = int(m.offset)
        end = offsets.to_code_points(offsets.to_utf16(start) + int(m.error_length))
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        out.append(LTMatch(str(m.rule_id), start, max(start, end), str(m.message),
                           tuple(str(r) for r in m.replacements), str(m.category or ""),
                           str(m.rule_issue_type or "")))
    return out


def reset() -> None:
    """Forget clients and failed servers (tests, long-running processes)."""
    _tools.clear()
    _down.clear()
