"""The check both servers run: a config loaded once, the rules it enables (instantiated once
per selection a client asks for), and one lint of a text. Thread-safe: the HTTP server
checks requests in a pool of threads."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable

from sportlint.config.loader import Config
from sportlint.engine import linter
from sportlint.findings import Findings
from sportlint.rules.base import Rule
from sportlint.server import ltapi
from sportlint.source import document

#: the LanguageTool backend rule: the HTTP server forwards to LanguageTool itself (proxy
#: mode), with the client's own rule choices, so the rule never runs inside a request
BACKEND = "languagetool"


class Checker:
    """Lint texts with one config; `rules_for` picks the rules of a request's selection."""

    def __init__(self, config: Config, cache_size: int = 32) -> None:
        self.config = config
        self._rules: OrderedDict[tuple[object, ...], tuple[Config, list[Rule]]] = OrderedDict()
        self._size = cache_size
        self._lock = threading.Lock()

    def known(self, ids: Iterable[str]) -> list[str]:
        """The ids (or prefixes) that name sportlint rules; a client's LanguageTool ids
        (``WHITESPACE_RULE``) are left out, for the LanguageTool server to read."""
        ids = [i for i in ids if i]
        unknown = set(linter.unknown_prefixes(ids, self.config))
        return [i for i in ids if i not in unknown]

    def rules_for(self, request: ltapi.Request) -> tuple[Config, list[Rule]]:
        key = request.selection()
        with self._lock:
            if key in self._rules:
                self._rules.move_to_end(key)
                return self._rules[key]
        config = self._config_for(request)
        rules = [r for r in linter.active_rules(config) if r.id != BACKEND]
        with self._lock:
            self._rules[key] = (config, rules)
            while len(self._rules) > self._size:
                self._rules.popitem(last=False)
        return config, rules

    def _config_for(self, request: ltapi.Request) -> Config:
        enabled = self.known(request.enabled_rules) + ltapi.families_of(request.enabled_categories)
        disabled = self.known(request.disabled_rules) + ltapi.families_of(request.disabled_categories)
        disabled.append(BACKEND)
        if request.picky:
            enabled.append("ALL")     # LanguageTool's picky level: the rules that are off by default too
        select = None
        if request.enabled_only:
            # only what the client names; ids of LanguageTool alone select nothing of ours
            select = enabled or [BACKEND]
        return self.config.with_overrides(select=select, ignore=disabled, enable=enabled)

    def lint(self, request: ltapi.Request) -> Findings:
        config, rules = self.rules_for(request)
        doc = document.from_text(request.text.plain, None)
        return linter.lint(doc, config, rules)

    def warm_up(self) -> None:
        """Load what the rules need (lexicon, gazetteer ...) before the first request."""
        self.lint(ltapi.Request(ltapi.AnnotatedText.from_text(WARM_UP), "it"))


#: a short text that makes every family's rules load what they need
WARM_UP = ("Il Milan ha battuto la Juventus 2-1 a San Siro domenica 3 marzo 2024: "
           "«Una vittoria importante», ha detto l'allenatore. Poi , il centravanti  ha segnato.")
