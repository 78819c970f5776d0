"""A parenthesis or bracket opened and never closed, or closed and never opened."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.util import lazyregex

_PAIRS = {"(": ")", "[": "]"}
_CLOSE = {v: k for k, v in _PAIRS.items()}
# "a)", "1)", "iv)" opening a list item, and emoticons ":)" ";-)" ":(" are not parentheses.
_ENUMERATOR = lazyregex.compile(r"(?:^|(?<=[\s\x00]))(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})[)\]]")
_EMOTICON = lazyregex.compile(r"[:;=]-?[()\[\]]")
_BRACKET = lazyregex.compile(r"[()\[\]]")


class UnbalancedParentheses(Rule):
    """A parenthesis or bracket opened and never closed in its paragraph, or the reverse.

    What it catches:
    An opening parenthesis or bracket with no closing one in its paragraph, or a closing one
    that closes nothing. Each paragraph is checked on its own.

    Stays silent on:
    A closing mark that ends a list enumerator ("a)", "1)", "iv)"); emoticons (":)") are not
    counted.

    Why:
    "(ex Inter ha firmato fino al 2026." leaves the reader waiting for the end of the aside.

    Example:
        Rossi (ex Inter ha firmato fino al 2026.
        -> Rossi (ex Inter) ha firmato fino al 2026.

    Fix:
    None: only the writer knows where the aside ends.

    Fix safety:
    No fix.
    """

    id = "typography.unbalanced-parens"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        masked = ctx.doc.masked
        for p in ctx.seg.paragraphs:
            brackets = [m.start() for m in _BRACKET.finditer(masked, p.start, p.end)]
            if not brackets:
                continue
            enumerators: set[int] | None = None   # found when a closing mark needs them
            emoticons = {m.end() - 1 for m in _EMOTICON.finditer(masked, p.start, p.end)}
            stack: list[int] = []
            for i in brackets:
                ch = masked[i]
                if i in emoticons:
                    continue
                if ch in _PAIRS:
                    stack.append(i)
                elif ch in _CLOSE:
                    if stack and masked[stack[-1]] == _CLOSE[ch]:
                        stack.pop()
                        continue
                    if enumerators is None:
                        enumerators = {m.end() - 1
                                       for m in _ENUMERATOR.finditer(masked, p.start, p.end)}
                    if i not in enumerators:
                        yield self.finding(i, i + 1, f"Parentesi «{ch}» chiusa ma mai aperta.")
            for i in stack:
                yield self.finding(i, i + 1, f"Parentesi «{masked[i]}» aperta e mai chiusa.")
