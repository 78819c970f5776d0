"""Every safe fix checked in context: the fixed sentence is linted again.

Before a safe fix that rewrites a word is offered to ``--fix``, the sentence it is in is
linted on its own twice, as written and as fixed, with the same rules. A fix that makes a
finding the sentence did not have (a rule's finding on a text that was not flagged there
before: "il il gol" -> "il gol" makes none; "della metro" -> "del metro" would make one if
a rule knew "metro" to be feminine there) is downgraded to ``unsafe``: shown, offered with
``--unsafe-fixes``, never applied unasked. Fixes that change only spaces or marks are not
rechecked (they cannot turn one word into another), nor unsafe ones or suggestions.

Both lints see the sentence alone, so what depends on the rest of the document (a name's
other spellings, the article's apostrophes) is the same on both sides and cancels out.
Sentences repeated in a document are linted once (a memo per lint).
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from sportlint.findings import Applicability, Finding, Fix
from sportlint.segment.segmenter import Segmentation

#: how a finding is told apart on the two sides: its rule and the text it flags
Key = tuple[str, str]


def changes_letters(text: str, fix: Fix) -> bool:
    """The fix rewrites a letter or a digit (not only spaces, marks or apostrophes)."""
    for e in fix.edits:
        if [c for c in text[e.start:e.end] if c.isalnum()] != \
                [c for c in e.replacement if c.isalnum()]:
            return True
    return False


def recheck(findings: Sequence[Finding], seg: Segmentation,
            lint: Callable[[str], list[Finding]]) -> list[Finding]:
    """The findings, each safe word-changing fix whose fixed sentence gains a finding
    downgraded to unsafe. ``lint`` lints a text alone (the same rules, no recheck)."""
    text = seg.text
    starts = [s.start for s in seg.sentences]
    memo: dict[str, Counter[Key]] = {}

    def keys(sub: str) -> Counter[Key]:
        if sub not in memo:
            memo[sub] = Counter((f.rule, sub[f.start:f.end]) for f in lint(sub))
        return memo[sub]

    out = []
    for f in findings:
        fix = f.fix
        if fix is None or fix.applicability is not Applicability.SAFE or \
                not changes_letters(text, fix) or not starts:
            out.append(f)
            continue
        first = max(bisect.bisect_right(starts, fix.start) - 1, 0)
        last = max(bisect.bisect_right(starts, max(fix.end - 1, fix.start)) - 1, first)
        lo = min(seg.sentences[first].start, fix.start)
        hi = max(seg.sentences[last].end, fix.end)
        sub = text[lo:hi]
        fixed = _apply(sub, fix, lo)
        if keys(fixed) - keys(sub):
            f = replace(f, fix=Fix(fix.edits, Applicability.UNSAFE))
        out.append(f)
    return out


def _apply(sub: str, fix: Fix, offset: int) -> str:
    out, pos = [], 0
    for e in sorted(fix.edits):
        out.append(sub[pos:e.start - offset])
        out.append(e.replacement)
        pos = e.end - offset
    out.append(sub[pos:])
    return "".join(out)
