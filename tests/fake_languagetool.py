"""A stand-in LanguageTool server for the tests: http.server on 127.0.0.1, random port.

It answers ``GET /v2/languages`` and ``POST /v2/check`` with JSON shaped like
LanguageTool's documented HTTP API (software, warnings, language, matches with message,
shortMessage, replacements [{value}], offset, length, context {text, offset, length},
sentence, type {typeName}, rule {id, description, issueType, category {id, name}},
ignoreForIncompleteSentence, contextForSureMatch), offsets and lengths in UTF-16 code
units as LanguageTool counts them. Its "grammar" is a small table of regular expressions,
enough to exercise the client; it honours ``disabledRules`` like the real server.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs


@dataclass
class FakeRule:
    id: str
    pattern: str
    replacements: list[str]
    message: str
    issue_type: str = "grammar"
    category: tuple[str, str] = ("GRAMMAR", "Grammatica")
    group: int = 0            # the regex group that is the match's span


RULES = [
    FakeRule("AI_HAI", r"\b(ai) (?:ragione|fame|sete|fatto)\b", ["hai"],
             "Forse intendevi il verbo avere: «hai».", group=1),
    FakeRule("MORFOLOGIK_RULE_IT_IT", r"\bcentavanti\b", ["centravanti", "centroavanti"],
             "Errore di ortografia.", "misspelling", ("TYPOS", "Errori di battitura")),
    FakeRule("WHITESPACE_RULE", r"  +", [" "], "Spazi ripetuti.", "whitespace",
             ("TYPOGRAPHY", "Tipografia")),
    FakeRule("ST_04_001", r"\b([2-9]) (?:volte|gol)\b", ["due"], "Numero in lettere.",
             "style", ("STYLE", "Stile"), group=1),
    FakeRule("COMMA_PARENTHESIS_WHITESPACE", r" (,)", [","],
             "Spazio prima della virgola.", "typographical", ("TYPOGRAPHY", "Tipografia")),
]


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def matches_for(text: str, disabled: set[str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for rule in RULES:
        if rule.id in disabled:
            continue
        for m in re.finditer(rule.pattern, text):
            start, end = m.span(rule.group)
            offset, length = utf16_len(text[:start]), utf16_len(text[start:end])
            ctx_start = max(0, start - 20)
            context = text[ctx_start:end + 20]
            out.append({
                "message": rule.message,
                "shortMessage": "",
                "replacements": [{"value": r} for r in rule.replacements],
                "offset": offset,
                "length": length,
                "context": {"text": context, "offset": utf16_len(text[ctx_start:start]),
                            "length": length},
                "sentence": text.strip(),
                "type": {"typeName": "Other"},
                "rule": {"id": rule.id, "description": rule.message,
                         "issueType": rule.issue_type,
                         "category": {"id": rule.category[0], "name": rule.category[1]}},
                "ignoreForIncompleteSentence": False,
                "contextForSureMatch": 0,
            })
    out.sort(key=lambda m: m["offset"])
    return out


@dataclass
class FakeServer:
    url: str = ""
    delay: float = 0.0
    requests: list[dict[str, str]] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    @property
    def last(self) -> dict[str, str]:
        return self.requests[-1]


def start() -> FakeServer:
    state = FakeServer()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:   # keep the test output quiet
            pass

        def _json(self, payload: Any, status: int = 200) -> None:
            body = json.dumps(payload).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass    # the client gave up (the timeout test)

        def do_GET(self) -> None:
            if self.path.startswith("/v2/languages"):
                self._json([{"name": "Italian", "code": "it", "longCode": "it-IT"},
                            {"name": "English (US)", "code": "en", "longCode": "en-US"}])
            else:
                self._json({"error": "not found"}, 404)

        def do_POST(self) -> None:
            size = int(self.headers.get("Content-Length") or 0)
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(size).decode("utf-8"),
                                                  keep_blank_values=True).items()}
            if not self.path.startswith("/v2/check"):
                self._json({"error": "not found"}, 404)
                return
            state.requests.append(form)
            if state.delay:
                time.sleep(state.delay)
            text = form.get("text", "")
            disabled = set(filter(None, form.get("disabledRules", "").split(",")))
            self._json({
                "software": {"name": "LanguageTool", "version": "6.4", "buildDate":
                             "2024-03-28 14:04:00 +0100", "apiVersion": 1, "premium": False,
                             "status": ""},
                "warnings": {"incompleteResults": False},
                "language": {"name": "Italian", "code": "it",
                             "detectedLanguage": {"name": "Italian", "code": "it-IT",
                                                  "confidence": 0.99}},
                "matches": matches_for(text, disabled),
            })

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.server = server
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return state


def stop(state: FakeServer) -> None:
    if state.server is not None:
        state.server.shutdown()
        state.server.server_close()
