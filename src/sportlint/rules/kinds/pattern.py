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

Each pattern runs with the time limit of the config key ``regex_timeout`` (see
`sportlint.rules.kinds.timelimit`): a pattern that backtracks catastrophically stops the rule on that
text, which is reported, and the other rules still run.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import regex

from sportlint.findings import Applicability, Finding
from sportlint.rules.base import Context
from sportlint.rules.kinds.base import DataRule
from sportlint.rules.kinds.keys import Key, Shape, fix_key, rule_shape
from sportlint.rules.kinds.timelimit import pattern_timeout
from sportlint.util import lazyregex


def _check_template(pat: Any, replacement: str) -> None:
    """Every group a replacement refers to (``\\1``, ``\\g<name>``) exists."""
    for name, number in regex.findall(r"\\(?:g<([^>]*)>|(\d+))", replacement):
        ref = name or number
        if (ref.isdigit() and int(ref) <= pat.groups) or ref in pat.groupindex:
            continue
        raise ValueError(f"replacement {replacement!r} refers to group {ref!r}, which "
                         f"the pattern {pat.pattern!r} does not have")


_PATTERN = Key(("string",), "A regular expression (the regex module, V1 syntax); its group "
               "named span, when present, is the flagged part.", required=True)
_MESSAGE = Key(("string",), "This pattern's message, instead of the rule's.")
_PATTERNS = "The regular expressions that flag what they match."

PATTERN = Shape("pattern-item", "a pattern of a pattern rule", {
    "pattern": _PATTERN,
    "replacement": Key(("string",), "The fix: the match's replacement, which may name its "
                       "groups (\\1, \\g<name>)."),
    "message": _MESSAGE,
}, label=("pattern",))
EXISTENCE = Shape("existence-item", "a pattern of an existence rule",
                  {"pattern": _PATTERN, "message": _MESSAGE}, label=("pattern",))

SHAPES = {
    "pattern": rule_shape("pattern", "Regular expressions that flag what they match, with a "
                          "fix where a pattern has a replacement.", {
        "fix": fix_key("suggestion"),
        "patterns": Key(("list",), _PATTERNS, required=True, items=(PATTERN,), min_items=1),
    }),
    "existence": rule_shape("existence", "Regular expressions that flag what they match "
                            "(no fixes).", {
        "patterns": Key(("list",), _PATTERNS, required=True, items=(EXISTENCE,), min_items=1),
    }),
}


class PatternRule(DataRule):
    shapes: ClassVar[dict[str, Shape]] = SHAPES
    compiled: ClassVar[list[tuple[Any, str | None, str]]] = []
    fix: ClassVar[Applicability | None] = None

    @classmethod
    def prepare(cls) -> None:
        compiled = []
        default_message = str(cls.spec.get("message", ""))
        for entry in cls.spec.get("patterns") or []:
            try:
                pat = lazyregex.compile(entry["pattern"], regex.V1)
            except regex.error as exc:
                raise ValueError(f"bad pattern {entry['pattern']!r}: {exc}") from None
            replacement = entry.get("replacement")
            if replacement is not None:
                _check_template(pat, str(replacement))
            message = cls.check_message(str(entry.get("message", default_message)))
            compiled.append((pat, replacement, message))
        cls.compiled = compiled
        cls.fix = cls.applicability(cls.spec.get("fix"), "suggestion")

    def check(self, ctx: Context) -> Iterator[Finding]:
        fix = self.fix
        timeout = pattern_timeout(ctx)
        for pat, replacement, message in self.compiled:
            for m in pat.finditer(ctx.doc.masked, timeout=timeout):
                group = "span" if "span" in pat.groupindex else 0
                start, end = m.span(group)
                found = m.group(group)
                if replacement is None:
                    yield self.finding(start, end, message.format(found=found))
                    continue
                right = m.expand(replacement) if group == 0 else replacement
                yield self.finding(start, end, message.format(found=found, right=right),
                                   [right], fix=fix)
