"""A word typed twice in a row."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from sportlint.findings import Applicability, Edit, Finding, Severity
from sportlint.rules.base import Context, Rule

# Doubled words that Italian uses on purpose (piano piano, via via, pian piano ...), and
# the interjections and sound words it doubles (bla bla, eh eh, toc toc, tic tac tac).
INTENTIONAL = frozenset("""
piano via man pian poco bene tanto quasi appena presto ora così adagio pari corri
lì là qua qui sì no mai zitto lento forte ciao grazie bravo dai su avanti vai
bla ah eh oh uh ih ahi ehi boh mah toc din don tic tac bum pum pam bau cip
""".split())


def _reduplicated(ctx: Context, word: str) -> bool:
    """A form that Italian doubles on purpose: an imperative that makes a compound noun
    (lecca lecca, fuggi fuggi, pigia pigia, gira gira). A doubled noun, article,
    preposition, adverb, auxiliary or participle (il il, poi poi, ha ha, vinto vinto) is a
    slip, except the adverbs of INTENTIONAL."""
    readings = ctx.resources.get("lexicon").analyses(word)
    return bool(readings) and all(a.pos == "VER" for a in readings) and \
        any(a.mood == "impr" and a.person == "2" for a in readings)


class RepeatedWord(Rule):
    """A word typed twice in a row ("il il Bari").

    What it catches:
    The same word repeated with only spaces between ("ha ha vinto", "il il Bari"),
    case-insensitively, within one sentence.

    Stays silent on:
    Anything across a paragraph or heading boundary: a heading "... Massimo Carrera"
    followed by a paragraph that opens with "Massimo Carrera" is not a repetition. Doubled
    words Italian uses on purpose ("piano piano", "via via", "pari pari"), an imperative
    doubled into a compound noun ("un lecca lecca", "il fuggi fuggi": the lexicon's
    readings decide), numbers, a
    capitalised word mid-sentence followed by its double: a name or a letter ("Waka Waka",
    "Bora Bora", "la Serie A a 20 squadre"), and a second copy written with a capital: a
    surname after the preposition or article it begins with ("il cross di Di Lorenzo", "il
    gol del Del Piero di allora", "da Da Costa", "la La Russa"), a title ("Really Really
    Love You").

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
            if _reduplicated(ctx, tok.low):
                continue
            if tok.capitalised:
                # the second copy written with a capital is a name, not a slip: a surname
                # after its own particle (di Di Lorenzo, del Del Piero, da Da Costa, la La
                # Russa), a title (Really Really Love You), a letter (Serie A a 20)
                continue
            if prev.capitalised and not ctx.seg.is_sentence_initial(prev):
                continue    # names and letters: Waka Waka, Bora Bora, Serie A a 20 squadre
            yield self.finding(
                prev.end, tok.end,
                f"Parola ripetuta: «{tok.text}» compare due volte di seguito.",
                [""], fix=Applicability.SAFE, edits=[Edit(prev.end, tok.end, "")])
