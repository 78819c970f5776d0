"""A singular verb in a relative clause whose subject "che" stands for a plural noun."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.lexicon import Lexicon
from sportlint.rules.base import Context, Rule
from sportlint.rules.grammar._helpers import capitalise_like
from sportlint.segment.tokens import Token

# "uno dei giocatori che ... segnò": the antecedent may be the singular "uno".
_PARTITIVE = frozenset("dei degli delle tra fra di uno una ciascuno ognuno nessuno".split())
# "ha detto ai giocatori che, se vincono, ...": "che" there is a conjunction.
_DATIVE = frozenset("a ai agli alle al allo alla all'".split())


class RelativeAgreement(Rule):
    """A singular verb after "plural noun + che, inciso," ("decisioni che, poi, suscitò").

    What it catches:
    A plural noun (only plural in the lexicon) right before "che", an inciso between
    commas, then a word the lexicon knows only as a third-person singular finite verb. In
    "le decisioni che, dopo la partita, suscitò la rabbia del tecnico" the relative "che" is
    the subject and stands for "decisioni": the verb is plural ("suscitarono").

    Stays silent on:
    The same shape without the inciso, because an object relative with the subject after
    the verb is correct Italian ("le partite che vinse il Milan"); partitive antecedents
    ("uno dei giocatori che, ...").

    Why:
    An inciso between "che" and the verb makes the writer lose track of the subject.

    Example:
        Due rigori, decisioni che, secondo molti, cambiò la gara.
        -> Due rigori, decisioni che, secondo molti, cambiarono la gara.

    Fix:
    The same tense in the plural.

    Fix safety:
    Unsafe (`--unsafe-fixes`): it turns one real word into another.
    """

    id = "grammar.relative-agreement"
    severity = Severity.WARNING
    skip_quoted = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        lex: Lexicon = ctx.resources.get("lexicon")
        seg = ctx.seg
        tokens = seg.tokens
        for tok in seg.words:
            if tok.low != "che" or tok.index < 1:
                continue
            noun = tokens[tok.index - 1]
            comma = seg.next_token(tok)
            if not noun.is_word or comma is None or comma.text != ",":
                continue
            if not self.plural_noun(lex, noun, tokens):
                continue
            verb = self.after_inciso(tokens, comma)
            if verb is None:
                continue
            readings = lex.analyses(verb.low)
            if not readings or not all(a.finite and a.person == "3" and a.number == "s"
                                       for a in readings):
                continue
            a = readings[0]
            forms = lex.forms(a.lemma, a.pos, mood=a.mood, tense=a.tense, person="3",
                              number="p")
            if forms:
                fixed = capitalise_like(forms[0], verb.text)
                yield self.finding(
                    verb.start, verb.end,
                    f"Il soggetto è «che», cioè «{noun.text}»: il verbo va al plurale, "
                    f"«{fixed}».", [fixed], fix=Applicability.UNSAFE)

    @staticmethod
    def plural_noun(lex: Lexicon, noun: Token, tokens: list[Token]) -> bool:
        if noun.capitalised:
            return False
        readings = lex.analyses(noun.low)
        if not readings or not all(a.pos in ("NOUN", "ADJ") and a.number == "p"
                                   for a in readings):
            return False
        before = [t for t in tokens[max(0, noun.index - 3):noun.index] if t.is_word]
        if any(t.low in _PARTITIVE or t.low in _DATIVE for t in before):
            return False
        # the object of a verb ("avvertì i giocatori che, se ...") may take a "che" conjunction
        return not any(all(a.pos in ("VER", "AUX") for a in lex.analyses(t.low))
                       and lex.analyses(t.low) for t in before[-2:])

    @staticmethod
    def after_inciso(tokens: list[Token], comma: Token) -> Token | None:
        """The word after the comma that closes the inciso opened by ``comma``."""
        for t in tokens[comma.index + 1:comma.index + 16]:
            if t.sentence != comma.sentence or t.text in (";", ":", "(", ")"):
                return None
            if t.text == ",":
                nxt = tokens[t.index + 1] if t.index + 1 < len(tokens) else None
                return nxt if nxt is not None and nxt.is_word and \
                    nxt.sentence == comma.sentence else None
        return None
