"""The time limit of a pattern from YAML (the shipped data rules and a newsroom's own
``rule_files``), so that a pattern that backtracks catastrophically cannot hang a check.

The limit is the config key ``regex_timeout`` (seconds, default 1) for a text of up to a
million characters, and grows in proportion beyond that: a linear pattern scans a megabyte
in about a tenth of a second, so a huge draft is not cut short by its size alone. The kinds
pass it to ``regex`` (``timeout=``); what the engine does when it runs out is
`sportlint.engine.timeouts`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sportlint.rules.base import Context

#: the text length (code points) that ``regex_timeout`` seconds are granted for
PER_CHARS = 1_000_000
#: a day: the `regex` module takes a huge timeout (1e30) as already expired
CEILING = 86_400.0


def limit(seconds: float, length: int) -> float:
    """The time one pattern may take on a text of ``length`` code points."""
    return min(seconds * max(1.0, length / PER_CHARS), CEILING)


def pattern_timeout(ctx: Context) -> float:
    """The time limit for one scan of ``ctx.doc`` by a pattern from YAML."""
    return limit(ctx.config.regex_timeout, len(ctx.doc.text))
