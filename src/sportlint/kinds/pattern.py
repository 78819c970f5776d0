"""Kinds `pattern` and `existence`: a regular expression (the `regex` module, so \\p{L}
works) that flags what it matches; with `replacement`, a fix.

```yaml
id: typography.ellipsis-dots
kind: pattern
summary: Four or more dots where an ellipsis is meant.
message: "Puntini di sospensione: tre, non «{found}»."
fix: safe
patterns:
  - {pattern: '\\.{4,}', replacement: '...'}
```
A pattern's named group ``span`` (when present) is the flagged part of the match.
`existence` is the same kind without replacements: it only reports.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import regex

from .. import lazyregex
from ..model import Finding
from ..rule import Context
from .base import DataRule


class PatternRule(DataRule):
    compiled: ClassVar[list[tuple[Any, str | None, str]]] = []

    @classmethod
    def prepare(cls) -> None:
        compiled = []
        default_message = str(cls.spec.get("message", ""))
        for entry in cls.spec.get("patterns") or []:
            try:
                pat = lazyregex.compile(entry["pattern"], regex.V1)
            except regex.error as exc:
                raise ValueError(f"bad pattern {entry['pattern']!r}: {exc}") from None
            compiled.append((pat, entry.get("replacement"), str(entry.get("message", default_message))))
        if not compiled:
            raise ValueError("a pattern rule needs patterns")
        cls.compiled = compiled

    def check(self, ctx: Context) -> Iterator[Finding]:
        fix = self.applicability(self.spec.get("fix"), "suggestion")
        for pat, replacement, message in self.compiled:
            for m in pat.finditer(ctx.doc.masked):
                group = "span" if "span" in pat.groupindex else 0
                start, end = m.span(group)
                found = m.group(group)
                if replacement is None:
                    yield self.finding(start, end, message.format(found=found))
                    continue
                right = m.expand(replacement) if group == 0 else replacement
                yield self.finding(start, end, message.format(found=found, right=right),
                                   [right], fix=fix)
