"""An indicative where a conjunction wants the subjunctive ("benché il Milan ha dominato")."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.lexicon import Lexicon
from sportlint.rules.base import Context, Rule
from sportlint.rules.grammar._helpers import next_word, plain_case
from sportlint.rules.grammar._tagging import confident
from sportlint.segment.tokens import Token

# Conjunctions that always want the subjunctive; a two-word one by its first word.
_ONE = frozenset("benché sebbene affinché purché qualora malgrado ovunque dovunque".split())
_TWO = {"prima": "che", "senza": "che", "nonostante": "che", "affinchè": "che"}
_THREE = {("a", "meno"): "che", ("nel", "caso"): "che", ("in", "caso"): "che"}
# The subjunctive tense for each indicative tense (the future has none of its own).
_TENSE = {"pres": "pres", "impf": "impf", "fut": "pres"}
# How far the clause's verb may be from the conjunction, in words.
_REACH = 6


class Subjunctive(Rule):
    """An indicative where a conjunction wants the subjunctive ("benché ... ha" -> "abbia").

    What it catches:
    After "benché", "sebbene", "affinché", "purché", "qualora", "malgrado", "ovunque",
    "prima che", "senza che", "nonostante che", "a meno che", "nel caso che", the first
    finite verb of the clause they
    open (within six words, before any punctuation or "che") when the lexicon knows it
    only as an indicative of the present, imperfect or future: "benché il Milan ha
    dominato", "affinché tutti possono", "prima che l'arbitro fischia".

    Stays silent on:
    A verb that is also a subjunctive or another form ("sia", "abbiano", "vada"), a verb
    after a comma or another clause ("benché stanco, ha giocato"), "nonostante" without
    "che" (a preposition: "nonostante la pioggia la squadra ha vinto"), and quoted speech.

    Why:
    These conjunctions take the subjunctive in written Italian; the indicative after them
    reads as spoken or careless copy.

    Example:
        Benché il Milan ha dominato, la partita è finita pari.
        -> Benché il Milan abbia dominato, la partita è finita pari.

    Fix:
    The subjunctive of the same verb, person and number (the present for an indicative
    present or future, the imperfect for an imperfect), when the lexicon has one form.

    Fix safety:
    Unsafe (`--unsafe-fixes`): the fix turns a real word into another.
    """

    id = "grammar.subjunctive"
    severity = Severity.WARNING
    skip_quoted = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        lex: Lexicon = ctx.resources.get("lexicon")
        seg = ctx.seg
        for tok in seg.words:
            start = self.opens(ctx, tok)
            if start is None:
                continue
            verb = self.clause_verb(ctx, lex, start)
            if verb is None:
                continue
            readings = tuple(a for a in lex.analyses(verb.low) if a.mood != "impr")
            forms = {f for a in readings for f in
                     lex.forms(a.lemma, a.pos, mood="sub", tense=_TENSE[a.tense],
                               person=a.person, number=a.number)}
            if len(forms) != 1 or not confident(ctx, verb, "VERB", "AUX", at=0):
                continue
            fixed = forms.pop()
            yield self.finding(
                verb.start, verb.end,
                f"Dopo «{ctx.text[tok.start:start.start].strip()}» ci vuole il congiuntivo: "
                f"«{fixed}».", [fixed], fix=Applicability.UNSAFE)

    @staticmethod
    def opens(ctx: Context, tok: Token) -> Token | None:
        """The word after the conjunction that starts at ``tok``, or None."""
        seg = ctx.seg
        if not plain_case(seg, tok):
            return None
        word = tok.low
        nxt = next_word(seg, tok)
        if word in _ONE:
            return nxt
        if word in _TWO and nxt is not None and nxt.low == _TWO[word]:
            return next_word(seg, nxt)
        if nxt is not None and (word, nxt.low) in _THREE:
            third = next_word(seg, nxt)
            if third is not None and third.low == _THREE[(word, nxt.low)]:
                return next_word(seg, third)
        return None

    @staticmethod
    def clause_verb(ctx: Context, lex: Lexicon, start: Token | None) -> Token | None:
        """The first finite verb from ``start`` on, in the same clause: None when another
        clause or punctuation comes first, or the verb is not only an indicative of a
        tense that has a subjunctive."""
        seg = ctx.seg
        tok = start
        for _ in range(_REACH):
            if tok is None or tok.low in ("che", "e", "ma", "o", "perché", "quando", "se"):
                return None
            # an imperative cannot follow the conjunction: its readings do not count
            readings = tuple(a for a in lex.analyses(tok.low) if a.mood != "impr")
            if any(a.finite for a in readings):
                if all(a.finite and a.mood == "ind" and a.tense in _TENSE for a in readings):
                    return tok
                return None
            nxt = seg.next_token(tok)
            if nxt is None or nxt.kind == "punct":
                return None
            tok = nxt if nxt.is_word else None
        return None
