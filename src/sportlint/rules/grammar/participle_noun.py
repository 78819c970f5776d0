"""A past participle used as a head noun where the verb's action noun belongs."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.lexicon import Lexicon
from sportlint.italian.words import ARTICLES, ARTICULATED, DI_ARTICLES
from sportlint.rules.base import Context, Rule
from sportlint.rules.grammar._helpers import next_word, plain_case, prev_word

# "di" complements that go with a person, not an action: "il convocato di turno", "lo
# svincolato di lusso".
_PERSON_COMPLEMENTS = frozenset("turno giornata giornate lusso".split())


class ParticipleNoun(Rule):
    """A past participle as head noun instead of the action noun ("l'esonerato dell'allenatore").

    What it catches:
    After an article or an articulated preposition, and before a "di" complement, a past
    participle where Italian wants a noun, the action noun of the verb. The rule is driven
    by the lexicon: the word must be a past participle (esonerato, acquistati, conquistata
    ...) that the lexicon does not also know as a noun, and its verb must have an action
    noun of the same gender formed on the verb's stem (esonerare -> esonero, acquistare ->
    acquisto, conquistare -> conquista), and that noun must be at least as common in
    Italian (wordfreq) as the participle.

    Stays silent on:
    Participles that are nouns too ("il risultato del", "l'inviato del", "il dettato della",
    "la partita di"), and a participle used more than the noun, which is an established noun
    of its own ("la schermata").

    Why:
    Typing the participle (autocomplete, a half-revised sentence) gives "si concluse con
    l'esonerato dell'allenatore", which an editor reads as a slip for "l'esonero".

    Example:
        La stagione si chiuse con l'esonerato dell'allenatore.
        -> La stagione si chiuse con l'esonero dell'allenatore.
        Il recuperato di due gare.
        -> Il recupero di due gare.

    Fix:
    Replaces the participle with the action noun, keeping the participle's number: "gli
    acquistati del" -> "gli acquisti del".

    Fix safety:
    Unsafe (`--unsafe-fixes`): it changes one real word into another.
    """

    id = "grammar.participle-noun"
    severity = Severity.WARNING
    skip_quoted = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        lex: Lexicon = ctx.resources.get("lexicon")
        zipf: Callable[[str], float] | None = None
        seg = ctx.seg
        for tok in seg.words:
            if tok.capitalised or tok.elided:
                continue
            prev, nxt = prev_word(seg, tok), next_word(seg, tok)
            if prev is None or nxt is None or nxt.low not in DI_ARTICLES:
                continue
            if (prev.low not in ARTICLES and prev.low not in ARTICULATED) or \
                    not plain_case(seg, prev):
                continue
            after = next_word(seg, nxt)
            if after is not None and after.low in _PERSON_COMPLEMENTS:
                continue
            noun = self.action_noun(lex, tok.low)
            if noun and zipf is None:
                zipf = ctx.resources.get("vocabulary").zipf
            # a participle commoner than the noun is an established noun the lexicon lacks
            # ("la schermata del desktop" is not "la scherma")
            if noun and zipf is not None and zipf(noun) >= zipf(tok.low):
                yield self.finding(
                    tok.start, tok.end,
                    f"«{tok.text}» è un participio: qui serve il nome «{noun}».",
                    [noun], fix=Applicability.UNSAFE)

    @staticmethod
    def action_noun(lex: Lexicon, word: str) -> str | None:
        readings = lex.analyses(word)
        if any(a.pos == "NOUN" for a in readings):
            return None
        for a in readings:
            if a.pos != "VER" or a.mood != "part" or a.tense != "past":
                continue
            stem = a.lemma[:-3]
            ending = "o" if a.gender == "m" else "a"
            for reading in lex.analyses(stem + ending):
                if reading.pos == "NOUN" and reading.gender == a.gender and reading.number == "s":
                    forms = lex.forms(reading.lemma, "NOUN", number=a.number)
                    if forms:
                        return forms[0]
        return None
