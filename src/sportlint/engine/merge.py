"""One slip, one finding: findings of several rules on the same slip become one.

Two findings of different rules are the same slip when their spans overlap and either
their fixes edit the same characters or the shorter span is at least a third of the longer
("qual'è": `spelling.misspellings` on «qual'è», `typography.apostrophe-misuse` on «qual'è»,
`grammar.elision` on «qual'»). Overlap is transitive: a chain of such findings is one group.

A group becomes its most specific finding, ranked by (docs/architecture.md, "One slip,
one finding"):

1. the tier of its rule: a ``names.*`` rule (it knows the person or club), then a data
   rule of kind substitution (it lists this very wrong form), then any other rule, then a
   generic rule (``Rule.generic``: `spelling.unknown-word`, which suspects any rare word,
   and LanguageTool's);
2. the higher severity;
3. the narrower span;
4. the rule id, so the choice never depends on the order the rules ran in.

The merged finding keeps the winner's rule, message and fix, spans the group's union,
takes the group's highest severity, and offers every suggestion of the group, the winner's
first, each rewritten as a replacement of the union span, without repeats. ``also`` names
the other rules. When the group's fixes disagree (they would give different texts) the fix
is at most ``unsafe``: several candidates are never applied unasked. Findings of one rule
are never merged with each other (a rule that reports twice means two things).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from sportlint.findings import Applicability, Finding, Fix

#: the order of applicabilities from most to least willing
_CAUTION = (Applicability.SAFE, Applicability.UNSAFE, Applicability.SUGGESTION)


def merge(findings: Sequence[Finding], text: str,
          tier: Callable[[Finding], int]) -> list[Finding]:
    """The findings with each group of same-slip findings merged into one, sorted by
    position as the input is."""
    ordered = sorted(findings, key=lambda f: (f.start, f.end, f.rule))
    parent = list(range(len(ordered)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    open_: list[int] = []     # findings whose span may still overlap the next ones
    for i, f in enumerate(ordered):
        open_ = [j for j in open_ if _reach(ordered[j]) > f.start]
        for j in open_:
            if same_slip(ordered[j], f):
                parent[root(i)] = root(j)
        open_.append(i)
    groups: dict[int, list[Finding]] = {}
    for i, f in enumerate(ordered):
        groups.setdefault(root(i), []).append(f)
    out = [g[0] if len(g) == 1 else _merged(g, text, tier) for g in groups.values()]
    out.sort(key=lambda f: (f.start, f.end, f.rule))
    return out


def _reach(f: Finding) -> int:
    ends = [f.end] + ([f.fix.end] if f.fix else [])
    return max(ends) + (1 if f.start == f.end else 0)


def same_slip(a: Finding, b: Finding) -> bool:
    """Two findings of different rules on one slip (see the module's docstring)."""
    if a.rule == b.rule or not _overlap(a.start, a.end, b.start, b.end):
        return False
    if a.fix and b.fix and any(_overlap(x.start, x.end, y.start, y.end)
                               for x in a.fix.edits for y in b.fix.edits):
        return True
    short, long_ = sorted((a.end - a.start, b.end - b.start))
    return long_ == 0 or 3 * short >= long_


def _overlap(s1: int, e1: int, s2: int, e2: int) -> bool:
    if s1 == e1 or s2 == e2:        # an empty span: a point inside the other, or equal
        return s1 <= s2 <= e1 if s2 == e2 else s2 <= s1 <= e2
    return s1 < e2 and s2 < e1


def _merged(group: list[Finding], text: str, tier: Callable[[Finding], int]) -> Finding:
    ranked = sorted(group, key=lambda f: (tier(f), -f.severity, f.end - f.start, f.rule,
                                          f.start))
    win = ranked[0]
    start = min(f.start for f in group)
    end = max(f.end for f in group)
    suggestions: list[str] = []
    for f in ranked:
        for s in f.suggestions:
            whole = text[start:f.start] + s + text[f.end:end]
            if whole not in suggestions:
                suggestions.append(whole)
    fix = win.fix or next((f.fix for f in ranked if f.fix), None)
    fixes = [f.fix for f in group if f.fix]
    lo = min([start] + [f.start for f in fixes])
    hi = max([end] + [f.end for f in fixes])
    if fix is not None and len({_result(f, text, lo, hi) for f in fixes}) > 1:
        cautious = max(_CAUTION.index(fix.applicability), 1)
        fix = Fix(fix.edits, _CAUTION[cautious])
    also = tuple(dict.fromkeys(f.rule for f in ranked[1:] if f.rule != win.rule))
    return replace(win, start=start, end=end, severity=max(f.severity for f in group),
                   suggestions=tuple(suggestions), fix=fix, also=win.also + also)


def _result(fix: Fix, text: str, lo: int, hi: int) -> str:
    """``text[lo:hi]`` (which holds every edit of the fix) after the fix."""
    out, pos = [], lo
    for e in sorted(fix.edits):
        out.append(text[pos:e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:hi])
    return "".join(out)
