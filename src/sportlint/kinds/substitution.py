"""Kind `substitution`: a wrong form and its right form, with the fix safety per entry.

```yaml
id: spelling.accents
kind: substitution
summary: Accent or apostrophe misspellings (poichè -> poiché).
message: "«{found}» si scrive «{right}»."
fix: safe                # default for entries; an entry may say unsafe, suggestion or none
case_sensitive: false    # false: 'Poichè' is matched too and gets 'Poiché'
entries:
  - {wrong: poichè, right: poiché}
  - {wrong: "sè stesso", right: "sé stesso", examples: [{fail: "...", fix: "..."}]}
```
A form matches as whole words only. Entries are kept sorted and loop-free (tests check).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import regex

from ..model import Applicability, Finding
from ..rule import Context
from .base import DataRule

_BEFORE = r"(?<![\p{L}\p{M}\d_])"
_AFTER = r"(?![\p{L}\p{M}\d_]|['’]\p{L})"


def match_case(found: str, replacement: str) -> str:
    """Carry the capitalisation of ``found`` over to ``replacement``."""
    if found.isupper() and len(found) > 1:
        return replacement.upper()
    if found[:1].isupper() and not replacement[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class SubstitutionRule(DataRule):
    table: ClassVar[dict[str, tuple[str, Applicability | None]]] = {}
    pattern: ClassVar[Any] = None

    @classmethod
    def prepare(cls) -> None:
        table: dict[str, tuple[str, Applicability | None]] = {}
        default = cls.spec.get("fix", "safe")
        sensitive = bool(cls.spec.get("case_sensitive", False))
        for entry in cls.spec.get("entries") or []:
            wrong, right = str(entry["wrong"]), str(entry["right"])
            key = wrong if sensitive else wrong.lower()
            if key in table:
                raise ValueError(f"duplicate entry {wrong!r}")
            table[key] = (right, cls.applicability(entry.get("fix"), default))
        if not table:
            raise ValueError("a substitution rule needs entries")
        forms = sorted(table, key=len, reverse=True)
        flags = 0 if sensitive else regex.IGNORECASE
        body = "|".join(regex.escape(f).replace(r"\ ", r"\s+") for f in forms)
        cls.table = table
        cls.pattern = regex.compile(_BEFORE + "(?:" + body + ")" + _AFTER, flags)
        cls.message = str(cls.spec.get("message", "«{found}»: si scrive «{right}»."))

    message: ClassVar[str] = ""

    def check(self, ctx: Context) -> Iterator[Finding]:
        sensitive = bool(self.spec.get("case_sensitive", False))
        for m in self.pattern.finditer(ctx.doc.masked):
            found = m.group()
            key = regex.sub(r"\s+", " ", found)
            right, fix = self.table[key if sensitive else key.lower()]
            right = match_case(found, right)
            yield self.finding(m.start(), m.end(),
                               self.message.format(found=found, right=right),
                               [right], fix=fix)
