"""Apply fixes: non-overlapping edits, re-lint, repeat until the text settles.

Edits are sorted; a fix whose edits overlap an edit already taken is skipped this pass
(its finding is still reported) and gets its chance on the next pass, after re-linting.
The loop stops when no applicable fix is left, or at a text it has seen before, or after
``MAX_PASSES``; a text that never settles is given back unchanged. So
``fix(fix(x)) == fix(x)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sportlint.findings import Applicability, Edit, Finding

MAX_PASSES = 10


@dataclass
class FixResult:
    text: str
    applied: list[Finding] = field(default_factory=list)
    settled: bool = True
    passes: int = 0
    #: the findings on ``text`` from the last pass, when it settled (nothing left to apply)
    findings: list[Finding] | None = None

    @property
    def changed(self) -> bool:
        return bool(self.applied) and self.settled


def allowed(applicability: Applicability, unsafe: bool) -> bool:
    return applicability is Applicability.SAFE or (unsafe and applicability is Applicability.UNSAFE)


def apply_edits(text: str, findings: Iterable[Finding], unsafe: bool = False
                ) -> tuple[str, list[Finding]]:
    """Apply the applicable fixes that do not overlap each other; return the new text and
    the findings whose fixes were applied."""
    candidates = sorted((f for f in findings if f.fix and allowed(f.fix.applicability, unsafe)),
                        key=lambda f: (f.fix.start, f.fix.end) if f.fix else (0, 0))
    taken: list[Edit] = []
    applied: list[Finding] = []
    for f in candidates:
        assert f.fix is not None
        edits = f.fix.edits
        if any(_overlap(e, t) for e in edits for t in taken):
            continue
        if any(e.end > len(text) for e in edits):
            continue
        taken.extend(edits)
        applied.append(f)
    out: list[str] = []
    pos = 0
    for e in sorted(taken):
        out.append(text[pos:e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out), applied


def _overlap(a: Edit, b: Edit) -> bool:
    if a.start == a.end == b.start == b.end:
        return True  # two insertions at one point: their order would be arbitrary
    return (a.start < b.end and b.start < a.end) or \
        (a.start == a.end and b.start < a.start < b.end) or \
        (b.start == b.end and a.start < b.start < a.end)


def fix_loop(text: str, lint: Callable[[str], list[Finding]], unsafe: bool = False,
             max_passes: int = MAX_PASSES) -> FixResult:
    """Fix ``text`` with the findings ``lint`` returns, until nothing changes."""
    seen = {text}
    current = text
    applied: list[Finding] = []
    for passes in range(1, max_passes + 1):
        found = lint(current)
        new, done = apply_edits(current, found, unsafe)
        if not done or new == current:
            return FixResult(current, applied, True, passes, found)
        if new in seen:
            return FixResult(text, [], False, passes)
        seen.add(new)
        applied.extend(done)
        current = new
    return FixResult(text, [], False, max_passes)
