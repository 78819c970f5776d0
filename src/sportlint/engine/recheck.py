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
Sentences repeated in a document are linted once (a memo per lint), and the fixed side
is linted first: a fixed sentence with no finding at all gains none, so the sentence as
written is then not linted. The work is bounded:
in a sentence longer than the fix and `WINDOW` characters each side (a long sentence, a list
or a dump with no stop) only that neighbourhood is linted (cut at a space), and
a fix met once the document's rechecks have linted `BUDGET` times its length is not checked
and is downgraded to ``unsafe``: a fix that could not be checked is not applied unasked.
So are the fixes of a sentence after its first `PER_SENTENCE`.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from sportlint.findings import Applicability, Finding, Fix
from sportlint.segment.segmenter import Segmentation

#: the characters each side of a fix that are linted when its sentence is longer (a long
#: sentence, a list or a dump with no stop): each recheck costs at most about 4 WINDOW
WINDOW = 200
#: the fixes checked per sentence; a sentence with more safe fixes that rewrite a word is
#: no copy (a word doubled a hundred times), and the rest are downgraded to unsafe
PER_SENTENCE = 8
#: the characters all rechecks of a document may lint, as a multiple of its length (and a
#: floor for short texts)
BUDGET = 20
FLOOR = 20_000

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
    charged: set[str] = set()
    left = [BUDGET * len(text) + FLOOR]

    def charge(sub: str) -> None:
        """Count ``sub`` against the budget, once, whether or not it is linted."""
        if sub not in charged:
            charged.add(sub)
            left[0] -= len(sub)

    def keys(sub: str) -> Counter[Key]:
        if sub not in memo:
            memo[sub] = Counter((f.rule, sub[f.start:f.end]) for f in lint(sub))
        return memo[sub]

    def gains(sub: str, fixed: str) -> bool:
        """The fixed text has a finding the text as written has not. The fixed side is
        linted first: when it has no finding at all, the side as written is not linted
        (its budget is counted all the same, so later fixes are judged as before)."""
        charge(fixed)
        after = keys(fixed)
        charge(sub)
        return bool(after) and bool(after - keys(sub))

    checked: Counter[int] = Counter()      # sentence -> its fixes checked
    out = []
    for f in findings:
        fix = f.fix
        if fix is None or fix.applicability is not Applicability.SAFE or \
                not changes_letters(text, fix) or not starts:
            out.append(f)
            continue
        first = max(bisect.bisect_right(starts, fix.start) - 1, 0)
        checked[first] += 1
        if checked[first] > PER_SENTENCE:       # il il il il ...: not a sentence of copy
            out.append(replace(f, fix=Fix(fix.edits, Applicability.UNSAFE)))
            continue
        last = max(bisect.bisect_right(starts, max(fix.end - 1, fix.start)) - 1, first)
        lo = min(seg.sentences[first].start, fix.start)
        hi = max(seg.sentences[last].end, fix.end)
        if hi - lo > 2 * WINDOW + fix.end - fix.start:    # the fix's neighbourhood
            lo, hi = _window(text, lo, hi, fix.start, fix.end)
        sub = text[lo:hi]
        fixed = _apply(sub, fix, lo)
        if left[0] < len(sub) + len(fixed) or gains(sub, fixed):
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


def _window(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """About `WINDOW` characters each side of ``start:end`` within ``lo:hi``, cut after
    (and before) a space so that no word is halved."""
    a = max(lo, start - WINDOW)
    if a > lo:
        space = text.find(" ", a, start)
        a = space + 1 if space >= 0 else start
    b = min(hi, end + WINDOW)
    if b < hi:
        space = text.rfind(" ", end, b)
        b = space if space >= 0 else end
    return a, b
