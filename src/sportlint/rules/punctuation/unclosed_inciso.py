"""An incidental clause opened by a comma after the subject and never closed, or closed and
never opened."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Edit, Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.rules.punctuation._inciso import (
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
from sportlint.rules.punctuation._parse import (
    AUX_LABELS,
    SUBJECT_LABELS,
    SUBORDINATORS,
    finite,
    parse_variant,
    second_person,
    subject_commas,
)
from sportlint.segment.tokens import Token

#: words that open a relative clause
_RELATIVES = frozenset({"che"})

_NAME_PARTICLES = frozenset("de di da del della van von der den dos du".split())
_OPENING_PUNCT = set("«“‘\"'([—–-;:")


class UnclosedInciso(Rule):
    """An incidental clause (inciso) after the subject opened with a comma and never closed.

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

    With the parser: a relative clause opened by a comma after the subject and run into the
    main verb ("L'attaccante, che era arrivato in estate ha segnato": the clause needs its
    closing comma, or none at all), and one closed by a comma before the verb but never
    opened ("L'attaccante che era arrivato in estate, ha segnato": a comma between subject
    and verb). The parser must read the subject, the relative clause and the verb with
    confident arcs.

    Stays silent on:
    A comma after a fronted complement ("Contro il Bari, nel 2017 vinse") or a connective
    ("Intanto, ieri ha firmato"), which is correct; a restrictive relative clause without
    commas ("L'attaccante che era arrivato in estate ha segnato"); a relative clause closed
    by its second comma or by the end of the sentence ("Ha segnato Rossi, che era arrivato
    in estate"); a vocative (a verb in the second person).

    Why:
    A lone opening comma cuts the subject off from its verb.

    Example:
        Rossi, il 7 maggio 2017 vinse il titolo.
        -> Rossi, il 7 maggio 2017, vinse il titolo.

    Fix:
    Adds the closing comma after the inciso (for one closed and never opened: removes the
    closing comma).

    Fix safety:
    Unsafe (`--unsafe-fixes`): removing the opening comma (or adding it) is just as correct.
    """

    id = "punctuation.unclosed-inciso"
    aliases = ("typography.open-inciso",)
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
            yield from self._relative(ctx, toks)

    def _relative(self, ctx: Context, toks: list[Token]) -> Iterator[Finding]:
        """The relative clauses after a subject, opened and not closed or closed and not
        opened (parser-confirmed)."""
        for found in subject_commas(ctx, toks):
            if not found.relative:
                continue
            last, comma = toks[found.comma - 1], toks[found.comma]
            rel = next(k for k in range(found.start, found.comma) if toks[k].low in _RELATIVES
                       or k == found.comma - 1)
            yield self.finding(
                last.start, comma.end,
                "Inciso chiuso da una virgola ma mai aperto: la virgola separa il soggetto "
                f"dal verbo «{toks[found.verb].text}». Va tolta (o aperto l'inciso con una "
                f"virgola prima di «{toks[rel].text}»).",
                [last.text], fix=Applicability.UNSAFE, edits=[Edit(comma.start, comma.end, "")])
        yield from self._opened_relative(ctx, toks)

    def _opened_relative(self, ctx: Context, toks: list[Token]) -> Iterator[Finding]:
        """"L'attaccante, che era arrivato in estate ha segnato": the sentence's first comma
        opens a relative clause on the subject, and the main verb follows the clause with
        no comma. A parser misreads such a sentence (it learnt from edited text), so the
        rule parses the sentence with the closing comma added before the second finite verb
        and acts only when that reads confidently as subject, relative clause and verb."""
        c = next((k for k, t in enumerate(toks) if t.text == ","), 0)
        if c < 1 or c + 3 >= len(toks) or toks[c + 1].low not in _RELATIVES:
            return
        lo = c - 1
        while lo > 0 and toks[lo - 1].is_word and toks[lo - 1].low not in SUBORDINATORS:
            lo -= 1
        if lo > 0 and toks[lo - 1].low not in SUBORDINATORS:
            return                                   # the subject must open its clause
        lex = ctx.resources.get("lexicon")
        verbs = []
        for k in range(c + 2, len(toks)):
            if toks[k].kind == "punct":
                break                                # closed (or the sentence goes on)
            if toks[k].is_word and finite(lex, toks[k].low):
                verbs.append(k)
        # the relative clause's own verb first, then a later one right after a noun,
        # adverb or participle: where the main verb starts
        starts = [k for k in verbs[1:] if k - 1 not in verbs]
        if not starts:
            return
        j = starts[0]
        if second_person(lex, toks[j].low):
            return
        words = [t.text for t in toks]
        kinds = [t.kind for t in toks]
        v = parse_variant(ctx, [*words[:j], ",", *words[j:]], [*kinds[:j], "punct", *kinds[j:]])
        rel = c + 1
        head = v.arcs[rel].head                      # the relative clause's verb
        if not rel < head < j or not v.sure(rel) or not v.sure(head, "acl:relcl"):
            return
        noun = v.arcs[head].head
        if not lo <= noun < c or not v.tagged(noun, "NOUN", "PROPN") or \
                not v.sure(noun, *SUBJECT_LABELS):
            return
        pred = v.arcs[noun].head
        verb = j + 1
        if verb != pred and not (v.arcs[verb].head == pred and v.sure(verb, *AUX_LABELS)):
            return
        if v.span(head)[1] != j - 1 or v.span(noun)[0] != lo:
            return
        last = toks[j - 1]
        inciso = ctx.text[toks[rel].start:last.end]
        yield self.finding(
            last.start, last.end,
            f"Inciso aperto da una virgola e mai chiuso: «{inciso}» va chiuso da una virgola "
            f"prima di «{toks[j].text}» (o tolta la virgola che lo apre).",
            [last.text + ","], fix=Applicability.UNSAFE, edits=[Edit(last.end, last.end, ",")])

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
