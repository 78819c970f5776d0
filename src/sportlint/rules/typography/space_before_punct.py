"""A space before , . ; : ! ?"""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.util import lazyregex

# Spaces after a prose character and before a punctuation mark that takes none. Not an
# ellipsis ("e poi ..."), not a decimal (" ,5"), not a domain (" .it"), not an emoticon (" :)").
_SPACE_BEFORE = lazyregex.compile(
    r"(?<=[\p{L}\p{M}\d)\]»”%])[ \t\u00a0\u202f]+"
    r"(?=[,;](?![\d\p{L}])|[:!?](?![\d\p{L}()\-])|\.(?![.\d\p{L}]))")


class SpaceBeforePunctuation(Rule):
    """A space before a comma, full stop, semicolon, colon, exclamation or question mark.

    What it catches:
    A space between a word and the comma, full stop, semicolon, colon, exclamation or
    question mark after it.

    Stays silent on:
    An ellipsis, a decimal such as " ,5", a web domain and emoticons.

    Why:
    In Italian these marks stick to the word before them ("ha vinto, poi"), with no space in
    between (unlike French typography).

    Example:
        Il Bari ha vinto , poi ha perso .
        -> Il Bari ha vinto, poi ha perso.

    Fix:
    Removes the spaces.

    Fix safety:
    Safe.
    """

    id = "typography.space-before-punct"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _SPACE_BEFORE.finditer(ctx.doc.masked):
            mark = text[m.end()]
            yield self.finding(m.start(), m.end(), f"Spazio prima di «{mark}»: va tolto.", [""],
                               fix=Applicability.SAFE)
