"""A singular noun after "più" meaning "several" ("in più occasione")."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.lexicon import Lexicon
from sportlint.rules.base import Context, Rule
from sportlint.rules.grammar._helpers import capitalise_like, next_word, plain_case, prev_word

# Prepositions after which "più" + noun means "several" (in più occasioni, su più fronti,
# tra più squadre). "per più tempo", "da più tempo", "con più calma" use "più" as "more"
# with a mass noun, so "per", "da", "con" and "di" are not here.
_PREPOSITIONS = frozenset("in su tra fra".split())
# What makes "più" a comparative: "in più tempo di", "su più campo che".
_COMPARATIVE = frozenset("di del della dello dei degli delle dell' che rispetto".split())
# A singular whose plural is far rarer (Zipf) is a mass noun: "più calma", "più fiducia".
MASS_GAP = 1.2


class PiuPlural(Rule):
    """A singular noun after "più" meaning "several": "in più occasione" -> "in più occasioni".

    What it catches:
    "In più occasioni", "su più fronti", "tra più squadre": after a preposition, "più"
    before a noun means "several" and the noun is plural. The rule looks only at
    "in/su/tra/fra più" followed by a word the lexicon knows only as a singular noun (not an
    adjective, not invariable such as "città" or "gol"), not followed by
    "di"/"che"/"rispetto", and whose plural is not much rarer than the singular in Italian.

    Stays silent on:
    The comparative ("il giocatore più veloce", "con più calma", "per più tempo", "in più
    tempo di prima"); mass nouns such as "calma" or "fiducia".

    Why:
    A singular there is a slip: "più" in the sense of "several" wants a plural.

    Example:
        Ha diretto la squadra in più occasione.
        -> Ha diretto la squadra in più occasioni.

    Fix:
    Puts the noun in the plural.

    Fix safety:
    Unsafe (`--unsafe-fixes`): it turns one real word into another.
    """

    id = "grammar.piu-plural"
    severity = Severity.WARNING
    skip_quoted = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        lex: Lexicon = ctx.resources.get("lexicon")
        zipf: Callable[[str], float] | None = None
        seg = ctx.seg
        for tok in seg.words:
            if tok.low != "più":
                continue
            prev, noun = prev_word(seg, tok), next_word(seg, tok)
            if prev is None or noun is None or prev.low not in _PREPOSITIONS or \
                    not plain_case(seg, prev):
                continue
            if noun.capitalised or noun.elided:
                continue
            after = next_word(seg, noun)
            if after is not None and after.low in _COMPARATIVE:
                continue
            plural = self.plural(lex, noun.low)
            if plural is None:
                continue
            if zipf is None:
                zipf = ctx.resources.get("vocabulary").zipf
            if zipf(plural) < zipf(noun.low) - MASS_GAP:
                continue
            fixed = capitalise_like(plural, noun.text)
            yield self.finding(
                noun.start, noun.end,
                f"Dopo «più» nel senso di «diversi» il nome va al plurale: «{fixed}».",
                [fixed], fix=Applicability.UNSAFE)

    @staticmethod
    def plural(lex: Lexicon, word: str) -> str | None:
        readings = lex.analyses(word)
        nouns = [a for a in readings if a.pos == "NOUN"]
        if not nouns or any(a.number != "s" for a in nouns):
            return None
        if any(a.pos in ("ADJ", "DET", "ADV", "PRO", "AUX") or a.mood == "part"
               for a in readings):
            return None
        plurals = {f for a in nouns for f in lex.forms(a.lemma, "NOUN", number="p")}
        plurals.discard(word)
        return plurals.pop() if len(plurals) == 1 else None
