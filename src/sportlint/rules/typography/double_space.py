"""Two or more spaces between words."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.util import lazyregex

# Spaces between two prose characters on one line: not indentation, not the two trailing
# spaces of a Markdown line break, not alignment around a table's |, not next to masked text.
_DOUBLE = lazyregex.compile(r"(?<=[^\s\x00|]) {2,}(?=[^\s\x00|])")


class DoubleSpace(Rule):
    """Two or more spaces between words ("il  Bari").

    What it catches:
    Two or more spaces between words or after punctuation in running text.

    Stays silent on:
    Indentation, the two trailing spaces of a Markdown line break, table alignment and
    non-prose regions (code, URLs, front matter).

    Why:
    Running text takes one space between words and after punctuation. Extra spaces come
    from editing or pasting and show up as gaps in print and online.

    Example:
        Il  Bari ha vinto.  Ora la Ternana.
        -> Il Bari ha vinto. Ora la Ternana.

    Fix:
    Leaves one space.

    Fix safety:
    Safe.
    """

    id = "typography.double-space"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        for m in _DOUBLE.finditer(ctx.doc.masked):
            yield self.finding(m.start(), m.end(), "Spazi multipli: ne basta uno.", [" "],
                               fix=Applicability.SAFE)
