"""Heavy shared data (lexicon, gazetteer, word frequencies, the tagger), loaded lazily and once.

A loader is named by a ``"module:function"`` string so that nothing is imported until a
rule that needs it asks: ``ctx.resources.get("gazetteer")``. Loaded objects are cached for
the process; ``load_times`` keeps how long each took (the benchmark reports them).
"""

from __future__ import annotations

import importlib
import time
from typing import Any

LOADERS: dict[str, str] = {
    "vocabulary": "sportlint.italian.frequencies:load_vocabulary",
    "gazetteer": "sportlint.italian.gazetteer:load",
    "lexicon": "sportlint.italian.lexicon:load",
    "tagger": "sportlint.italian.tagger:load",
}

_cache: dict[str, Any] = {}
load_times: dict[str, float] = {}
#: resources loading now (nested loads count each), and the seconds all loads took: a
#: rule's time budget (engine/timeouts.py) does not count them
_loading = 0
_loaded_seconds = 0.0


def get(name: str) -> Any:
    global _loading, _loaded_seconds
    if name not in _cache:
        try:
            target = LOADERS[name]
        except KeyError:
            raise KeyError(f"unknown resource {name!r}") from None
        module, func = target.split(":")
        started = time.perf_counter()
        _loading += 1
        try:
            _cache[name] = getattr(importlib.import_module(module), func)()
        finally:
            _loading -= 1
            spent = time.perf_counter() - started
            _loaded_seconds += spent
        load_times[name] = spent
    return _cache[name]


def is_loading() -> bool:
    return _loading > 0


def loading_seconds() -> float:
    """The seconds spent loading resources so far in this process (loads in progress
    count from their start)."""
    return _loaded_seconds


def clear() -> None:
    """Forget loaded resources (the benchmark measures cold loads with it)."""
    _cache.clear()
    load_times.clear()


class Resources:
    """The view of the shared resources that a rule's context carries."""

    def get(self, name: str) -> Any:
        return get(name)
