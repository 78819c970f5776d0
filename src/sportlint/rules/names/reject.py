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

    What it catches:
    The forms the newsroom lists as banned in its configuration, with their replacements;
    no code is needed::

        names:
          reject:
            Juventus FC: Juventus
            Bayern Munich: Bayern Monaco
            Lewandoski: Lewandowski
          accept: [Mario Rossetti]   # extra names the other names rules never flag

    Forms match case-sensitively as whole words (a multi-word form matches with the same
    spacing), in quoted speech too.

    Why:
    Each newsroom has its own forms for some names; the desk writes them down once and
    sportlint applies them everywhere.

    Example:
    With `Bayern Munich: Bayern Monaco` in `names.reject`:

        Il Bayern Munich ha vinto.
        -> Il Bayern Monaco ha vinto.

    Fix:
    Replaces the rejected form with the newsroom's form.

    Fix safety:
    Safe: the replacement is the newsroom's own decision.
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
