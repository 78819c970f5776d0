"""A form of a name that the newsroom has banned (config ``names.reject``)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache

import regex

from sportlint.findings import Applicability, Finding, Severity
from sportlint.rules.base import Context, Rule


@lru_cache(maxsize=8)
def _pattern(forms: tuple[str, ...]) -> regex.Pattern[str]:
    alternatives = "|".join(regex.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}\d'’])(?:{alternatives})(?![\p{{L}}\p{{M}}\d])")


class NameReject(Rule):
    """A name form the newsroom does not use, with the form it wants instead.

    The newsroom lists banned forms and their replacements in its configuration; no code
    is needed::

        names:
          reject:
            Juventus FC: Juventus
            Bayern Munich: Bayern Monaco
            Lewandoski: Lewandowski
          accept: [Mario Rossetti]   # extra names the other names rules never flag

    Forms match case-sensitively as whole words (a multi-word form matches with the same
    spacing), in quoted speech too. The replacement is the newsroom's own decision, so the
    fix is safe.

    Example, with ``Bayern Munich: Bayern Monaco``: "il Bayern Munich ha vinto" ->
    "il Bayern Monaco ha vinto".
    """

    id = "names.reject"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        reject = ctx.config.names.get("reject") or {}
        if not isinstance(reject, Mapping) or not reject:
            return
        table = {str(k): str(v) for k, v in reject.items() if str(k) and str(k) != str(v)}
        if not table:
            return
        for m in _pattern(tuple(table)).finditer(ctx.doc.masked):
            right = table[m.group()]
            yield self.finding(
                m.start(), m.end(),
                f"«{m.group()}» è una grafia che la redazione non usa: scrivere «{right}».",
                [right], fix=Applicability.SAFE)
