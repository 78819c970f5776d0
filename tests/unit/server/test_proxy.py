"""Proxy mode: LanguageTool's matches merged with sportlint's, one report per slip."""

from __future__ import annotations

from typing import Any

import pytest

from sportlint.config.loader import from_mapping
from sportlint.server import proxy


def m(offset: int, length: int, rule: str, *reps: str) -> dict[str, Any]:
    return {"offset": offset, "length": length, "rule": {"id": rule},
            "replacements": [{"value": r} for r in reps]}


def test_same_span_or_same_correction_is_dropped() -> None:
    ours = [m(3, 2, "typography.double-space", " "), m(10, 5, "names.consistency", "Conte")]
    theirs = [m(3, 2, "WHITESPACE_RULE", " "),          # the same span
              m(9, 7, "MORFOLOGIK", "Conte"),           # overlapping, same correction
              m(9, 7, "OTHER", "Conti"),                # overlapping, another correction
              m(20, 3, "AI_HAI", "hai"),                # elsewhere
              {"offset": "x"}, "not a match"]
    assert [x["rule"]["id"] for x in proxy.merge(ours, theirs)] == ["OTHER", "AI_HAI"]


def test_the_forwarded_form_turns_off_sportlints_default_list() -> None:
    config = from_mapping({"languagetool": {"disabled_rules": ["X_RULE"],
                                            "enabled_rules": ["WHITESPACE_RULE"]}}, None)
    form = proxy.forwarded_form({"text": "t", "language": "it", "disabledRules": "MINE",
                                 "enabledRules": "UPPERCASE_SENTENCE_START"}, config)
    disabled = form["disabledRules"].split(",")
    assert disabled[0] == "MINE" and "X_RULE" in disabled
    assert "WHITESPACE_RULE" not in disabled and "UPPERCASE_SENTENCE_START" not in disabled
    assert form["enabledRules"].split(",") == ["UPPERCASE_SENTENCE_START", "WHITESPACE_RULE"]


def test_a_server_that_cannot_be_reached_gives_none(capsys: pytest.CaptureFixture[str]) -> None:
    import asyncio
    import socket

    from aiohttp import ClientSession, ClientTimeout

    with socket.socket() as sock:        # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]

    async def ask() -> object:
        async with ClientSession(timeout=ClientTimeout(total=10)) as session:
            return await proxy.forward(session, f"http://127.0.0.1:{port}", {"text": "t",
                                       "language": "it"}, from_mapping({}, None))

    assert asyncio.run(ask()) is None
    assert "answering with sportlint's matches alone" in capsys.readouterr().err
