"""Proxy mode of `sportlint serve --languagetool URL`: the request also goes to a real
LanguageTool server, and its matches join sportlint's in one answer, so one address gives
both. Both answers count offsets in UTF-16 units of the same text, so LanguageTool's
matches are merged as they are; one that says what a sportlint match already says (the
same span, or an overlapping span with the same correction) is dropped. LanguageTool rules
that sportlint turns off by default (``data/curated/languagetool/disabled.yaml``, and the
config's ``languagetool.disabled_rules``) are turned off in the forwarded request too.
A server that cannot be reached leaves sportlint's answer alone, marked incomplete.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from typing import Any

from aiohttp import ClientError, ClientSession

from sportlint.config.loader import Config
from sportlint.rules.languagetool import _client as ltclient

_warned: set[str] = set()


def forwarded_form(form: Mapping[str, str], config: Config) -> dict[str, str]:
    """The form for LanguageTool: the client's fields, with the config's rule choices."""
    out = dict(form)
    disabled, enabled = ltclient.rule_sets(config.languagetool)
    asked_in_order = [r for r in out.get("enabledRules", "").split(",") if r]
    asked = set(asked_in_order)
    disabled -= asked
    given = [r for r in out.get("disabledRules", "").split(",") if r]
    merged = [*given, *sorted(disabled - set(given))]
    if merged:
        out["disabledRules"] = ",".join(merged)
    extra_enabled = sorted(enabled - asked)
    if extra_enabled:
        out["enabledRules"] = ",".join([*asked_in_order, *extra_enabled])
    if str(config.languagetool.get("level") or "") == "picky":
        out.setdefault("level", "picky")
    return out


async def forward(session: ClientSession, url: str, form: Mapping[str, str],
                  config: Config) -> dict[str, Any] | None:
    """LanguageTool's answer to the request, or None (one line on stderr per reason)."""
    target = ltclient.server_base(url) + "v2/check"
    try:
        async with session.post(target, data=forwarded_form(form, config)) as response:
            if response.status != 200:
                raise ValueError(f"answered {response.status}: "
                                 f"{(await response.text())[:200].strip()}")
            answer = await response.json(content_type=None)
            if not isinstance(answer, dict):
                raise ValueError("did not answer with a JSON object")
            return answer
    except (ClientError, TimeoutError, ValueError) as exc:
        reason = str(exc) or type(exc).__name__
        if reason not in _warned:
            _warned.add(reason)
            print(f"sportlint serve: LanguageTool server {url}: {reason}; answering with "
                  "sportlint's matches alone", file=sys.stderr)
        return None


def _span(m: Mapping[str, Any]) -> tuple[int, int]:
    start = int(m.get("offset", 0))
    return start, start + int(m.get("length", 0))


def _first(m: Mapping[str, Any]) -> str | None:
    reps = m.get("replacements") or []
    return str(reps[0].get("value")) if reps and isinstance(reps[0], dict) else None


def merge(ours: Sequence[Mapping[str, Any]],
          theirs: Sequence[Any]) -> list[dict[str, Any]]:
    """LanguageTool's matches that say something sportlint's do not."""
    kept: list[dict[str, Any]] = []
    for m in theirs:
        try:
            start, end = _span(m)
            str(m["rule"]["id"])
        except (TypeError, ValueError, KeyError, AttributeError):
            continue        # not a LanguageTool match: left out
        duplicate = False
        for o in ours:
            o_start, o_end = _span(o)
            if (o_start, o_end) == (start, end):
                duplicate = True
            elif o_start < end and start < o_end and _first(o) is not None and _first(o) == _first(m):
                duplicate = True
            if duplicate:
                break
        if not duplicate:
            kept.append(m)
    return kept
