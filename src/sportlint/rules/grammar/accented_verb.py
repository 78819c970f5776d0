"""A verb form with a final accent where a noun belongs ("In seguitò" -> "In seguito")."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.lexicon import Lexicon
from sportlint.italian.words import ARTICULATED, PREPOSITIONS
from sportlint.rules.base import Context, Rule
from sportlint.rules.grammar._helpers import capitalise_like, plain_case, prev_word

_PLAIN = str.maketrans("àèéìíòóù", "aeeiioou")
# Articles that are not also clitic pronouns ("lo salutò", "la vinse", "l'ebbe" are right).
_ARTICLES = frozenset("il i un uno una un'".split())


class AccentedVerb(Rule):
    """A verb with a final accent right after a preposition or article ("In seguitò").

    What it catches:
    A word the lexicon knows only as a finite verb ending in an accented vowel, directly
    after a preposition or an article, when the word without the accent is a noun, an
    adjective, a participle or an infinitive: "in seguitò", "il risultatò".

    Why:
    A stray accent turns a noun or participle into a passato remoto or a future: "in
    seguito" becomes "in seguitò", "il risultato" becomes "il risultatò". Both are real
    words, so a spelling check passes them; but after a preposition or an article a finite
    verb cannot stand.

    Example:
        In seguitò passò alla Roma.
        -> In seguito passò alla Roma.

    Fix:
    Removes the accent, giving the noun, adjective, participle or infinitive.

    Fix safety:
    Unsafe (`--unsafe-fixes`): it turns one real word into another.
    """

    id = "grammar.accented-verb"
    severity = Severity.ERROR
    skip_quoted = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        lex: Lexicon = ctx.resources.get("lexicon")
        seg = ctx.seg
        for tok in seg.words:
            word = tok.low
            if word[-1:] not in "àèéìíòóù" or len(word) < 4:
                continue
            prev = prev_word(seg, tok)
            if prev is None or not plain_case(seg, prev):
                continue
            head = prev.low
            if head not in PREPOSITIONS and head not in _ARTICLES and head not in ARTICULATED:
                continue
            readings = lex.analyses(word)
            if not readings or not all(a.finite for a in readings):
                continue
            plain = word.translate(_PLAIN)
            if not any(a.pos in ("NOUN", "ADJ") or a.mood in ("part", "inf")
                       for a in lex.analyses(plain)):
                continue
            fixed = capitalise_like(plain, tok.text)
            yield self.finding(
                tok.start, tok.end,
                f"«{tok.text}» è un verbo: dopo «{prev.text}» serve «{fixed}», senza accento.",
                [fixed], fix=Applicability.UNSAFE)
