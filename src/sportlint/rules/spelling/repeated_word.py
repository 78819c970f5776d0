"""A word typed twice in a row."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from sportlint.findings import Applicability, Edit, Finding, Severity
from sportlint.rules.base import Context, Rule

# Doubled words that Italian uses on purpose (piano piano, via via, pian piano ...).
INTENTIONAL = frozenset("""
piano via man pian poco bene tanto quasi appena presto ora così adagio pari corri
lì là qua qui sì no mai zitto lento forte ciao grazie bravo dai su avanti vai
""".split())


class RepeatedWord(Rule):
    """A word typed twice in a row ("il il Bari").

    What it catches:
    The same word repeated with only spaces between ("ha ha vinto", "il il Bari"),
    case-insensitively, within one sentence.

    Stays silent on:
    Anything across a paragraph or heading boundary: a heading "... Massimo Carrera"
    followed by a paragraph that opens with "Massimo Carrera" is not a repetition. Doubled
    words Italian uses on purpose ("piano piano", "via via", "pari pari") and numbers, and a
    capitalised word mid-sentence followed by its double: a name or a letter ("Waka Waka",
    "Bora Bora", "la Serie A a 20 squadre").

    Why:
    A doubled word is a typing or editing slip that the eye skips when proofreading.

    Example:
        Il il Bari ha vinto.
        -> Il Bari ha vinto.

    Fix:
    Removes the second copy and the space before it.

    Fix safety:
    Safe.
    """

    id = "spelling.repeated-word"
    severity = Severity.ERROR

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        tokens = ctx.seg.tokens
        for prev, tok in pairwise(tokens):
            if prev.sentence != tok.sentence or not (prev.is_word and tok.is_word):
                continue
            if prev.elided or tok.text.lower() != prev.text.lower():
                continue
            gap = text[prev.end:tok.start]
            if not gap or gap.strip(" \t"):
                continue
            if tok.text.lower() in INTENTIONAL:
                continue
            if prev.capitalised and not ctx.seg.is_sentence_initial(prev):
                continue    # names and letters: Waka Waka, Bora Bora, Serie A a 20 squadre
            yield self.finding(
                prev.end, tok.end,
                f"Parola ripetuta: «{tok.text}» compare due volte di seguito.",
                [""], fix=Applicability.SAFE, edits=[Edit(prev.end, tok.end, "")])
