"""An incidental clause opened by a comma after the subject and never closed."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Edit, Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.rules.typography._inciso import (
    ARTICLES,
    CLAUSE_OPENERS,
    FUNCTION_WORDS,
    MONTHS,
    NOT_SUBJECTS,
    PREPOSITIONS,
    ROLE_NOUNS,
    VOCATIVES,
    WEEKDAYS,
    apposition_end,
    date_end,
    is_finite_verb,
    low,
)
from sportlint.segment.tokens import Token

_NAME_PARTICLES = frozenset("de di da del della van von der den dos du".split())
_OPENING_PUNCT = set("«“‘\"'([—–-;:")


class OpenInciso(Rule):
    """An incidental clause (inciso) opened with a comma after the subject and never closed.

    What it catches:
    A date, a time or an apposition set between the subject and its verb is enclosed by two
    commas: "Carrera, il 7 maggio 2017, vinse il titolo" (or by none: "Carrera il 7 maggio
    2017 vinse"). With only the opening comma the subject is cut off from its verb:
    "Carrera, il 7 maggio 2017 vinse". The rule flags the inciso when all three parts are
    recognised: a subject at the start of a clause (a name, with or without its article,
    after the sentence start or a conjunction such as "che", "quando", "e"); after the comma
    a date or time ("il 7 maggio 2017", "nel 2017", "ieri sera", "al 23'", "nel secondo
    tempo") or an apposition with a role noun ("ex difensore dell'Inter", "il tecnico del
    Bari"); then a finite verb. Quoted speech is skipped.

    Stays silent on:
    A comma after a fronted complement ("Contro il Bari, nel 2017 vinse") or a connective
    ("Intanto, ieri ha firmato"), which is correct.

    Why:
    A lone opening comma cuts the subject off from its verb.

    Example:
        Rossi, il 7 maggio 2017 vinse il titolo.
        -> Rossi, il 7 maggio 2017, vinse il titolo.

    Fix:
    Adds the closing comma after the inciso.

    Fix safety:
    Unsafe (`--unsafe-fixes`): removing the opening comma is just as correct.
    """

    id = "typography.open-inciso"
    severity = Severity.WARNING
    skip_quoted = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        seg = ctx.seg
        for sentence in seg.sentences:
            if sentence.heading:
                continue
            toks = seg.sentence_tokens(sentence)
            for c, comma in enumerate(toks):
                if comma.text != "," or not self._subject_before(toks, c):
                    continue
                end = date_end(toks, c + 1)
                if end == c + 1:
                    end = apposition_end(toks, c + 1)
                if end == c + 1 or end >= len(toks):
                    continue
                verb = toks[end]
                nxt = toks[end + 1] if end + 1 < len(toks) else None
                if not is_finite_verb(verb, nxt):
                    continue
                last = toks[end - 1]
                inciso = ctx.text[toks[c + 1].start:last.end]
                yield self.finding(
                    last.start, last.end,
                    f"Inciso aperto da una virgola e mai chiuso: «{inciso}» va chiuso da una "
                    "virgola prima del verbo (o tolta la virgola che lo apre).",
                    [last.text + ","], fix=Applicability.UNSAFE,
                    edits=[Edit(last.end, last.end, ",")])

    @staticmethod
    def _subject_before(toks: list[Token], c: int) -> bool:
        """A name (with its article) right before the comma, opening its clause."""
        j = c - 1
        if j < 0 or not toks[j].is_word or not toks[j].capitalised or toks[j].elided:
            return False
        words = 0
        while j >= 0 and toks[j].is_word and low(toks[j]) not in ARTICLES and \
                (toks[j].capitalised or (low(toks[j]) in _NAME_PARTICLES and words)):
            j -= 1
            words += 1
        if low(toks[j + 1]) in _NAME_PARTICLES:
            return False
        if j >= 0 and low(toks[j]) in ROLE_NOUNS and not toks[j].capitalised:
            j -= 1                                    # il portiere Bianchi, ...
        has_article = j >= 0 and low(toks[j]) in ARTICLES
        if has_article:
            j -= 1
        initial = all(t.kind == "punct" and t.text in _OPENING_PUNCT for t in toks[:j + 1])
        if initial and low(toks[j + 1]) in FUNCTION_WORDS | PREPOSITIONS:
            return False                              # Nella Juventus, ... / Contro Rossi, ...
        if initial and low(toks[j + 1]) in VOCATIVES:
            return False                              # Caro Marco, ...
        if initial and (low(toks[j + 1]) in CLAUSE_OPENERS or low(toks[j + 1]) in NOT_SUBJECTS):
            return j + 2 < c                          # Anche Rossi, ... / Poi Rossi, ...
        if initial and not has_article:
            first = low(toks[j + 1])
            if first.endswith("mente") or first in WEEKDAYS or first in MONTHS:
                return False
            return True
        if initial:
            return True
        before = toks[j]
        return (before.is_word and low(before) in CLAUSE_OPENERS) or \
            (before.kind == "punct" and before.text in ";:")
