"""A quantifier and its noun disagree ("alcuni giocatore", "ogni partite", "alcuni notizie")."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.determiners import postposed
from sportlint.italian.lexicon import Analysis, Lexicon
from sportlint.rules.base import Context, Rule
from sportlint.rules.grammar._helpers import (
    capitalise_like,
    next_word,
    plain_case,
    plural_fits,
    suffix_gender,
)

# Quantifiers that want a plural noun, by gender (None: either).
_PLURAL = {
    "alcuni": "m", "alcune": "f", "molti": "m", "molte": "f", "diversi": "m", "diverse": "f",
    "vari": "m", "varie": "f", "parecchi": "m", "parecchie": "f", "pochi": "m", "poche": "f",
    "numerosi": "m", "numerose": "f", "tanti": "m", "tante": "f", "troppi": "m", "troppe": "f",
}


def _plural_verb(a: Analysis) -> bool:
    """A third-person plural verb: "molti giocano" has a pronoun, not a quantifier."""
    return a.finite and a.person == "3" and a.number == "p"


# A plural quantifier's other gender.
_SWAP = {k: v for a, b in zip(list(_PLURAL)[::2], list(_PLURAL)[1::2], strict=True)
         for k, v in ((a, b), (b, a))}
# Quantifiers that want a singular noun, by gender (None: either).
_SINGULAR = {"ogni": None, "qualche": None, "ciascun": "m", "ciascuna": "f", "nessun": "m",
             "nessuna": "f"}


class DeterminerAgreement(Rule):
    """A quantifier and its noun disagree ("alcuni giocatore" -> "alcuni giocatori").

    What it catches:
    "alcuni", "molti", "diversi", "vari", "parecchi", "pochi", "numerosi", "tanti", "troppi"
    (and their feminines) want a plural noun; "ogni", "qualche", "ciascun", "nessun" a
    singular one. The rule looks at the word right after the quantifier: a noun (possibly
    also an adjective or a verb form; after a plural quantifier, which is also a pronoun in
    "molti giocano", never a third-person plural verb) that the lexicon knows only in the
    other number, with a single form in the right one. The quantifier's gender must match
    the noun's for that check.

    A plural quantifier of the wrong gender before a plural noun ("alcuni notizie") is the
    other slip: the lexicon gives the noun's gender, and its ending must confirm it.

    Stays silent on:
    Invariable nouns ("città", "gol") and loanwords ("molti computer", "alcuni film"). A
    quantifier that is also an adjective ("diversi", "vari", "certi", "tanti", "numerosi")
    placed after a plural noun it agrees with is that noun's adjective, not the determiner
    of the next word: "risultati diversi partita dopo partita", "soluzioni varie volta per
    volta".

    Why:
    A quantifier fixes the number (and gender) of its noun; a mismatch reads as a slip.

    Example:
        Ha saltato alcune partita.
        -> Ha saltato alcune partite.
        Segna in ogni stagioni.
        -> Segna in ogni stagione.
        Ha dato alcuni notizie.
        -> Ha dato alcune notizie.

    Fix:
    Puts the noun in the quantifier's number; for a wrong gender, the suggestion is the
    quantifier's other gender ("alcune notizie").

    Fix safety:
    Unsafe (`--unsafe-fixes`): each fix turns a real word into another.
    """

    id = "grammar.determiner-agreement"
    severity = Severity.WARNING
    skip_quoted = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        lex: Lexicon = ctx.resources.get("lexicon")
        seg = ctx.seg
        for tok in seg.words:
            head = tok.low
            if (head not in _PLURAL and head not in _SINGULAR) or not plain_case(seg, tok):
                continue
            nxt = next_word(seg, tok)
            if nxt is None or nxt.capitalised:
                continue
            prev = seg.prev_token(tok)
            if prev is not None and prev.is_word and ctx.text[prev.end:tok.start] == " " and \
                    postposed(head, lex.analyses(prev.low)):
                continue    # "risultati diversi partita dopo partita": the noun's adjective
            want = "p" if head in _PLURAL else "s"
            gender = _PLURAL[head] if head in _PLURAL else _SINGULAR[head]
            fixed = self.other_number(lex, nxt.low, want, gender)
            if not fixed and head in _SWAP and self.other_gender(lex, nxt.low, gender):
                swapped = capitalise_like(_SWAP[head], tok.text)
                yield self.finding(
                    tok.start, tok.end,
                    f"«{nxt.text}» è {'femminile' if gender == 'm' else 'maschile'}: "
                    f"«{swapped} {nxt.text}».", [swapped], fix=Applicability.UNSAFE)
                continue
            if fixed:
                fixed = capitalise_like(fixed, nxt.text)
                yield self.finding(
                    nxt.start, nxt.end,
                    f"«{tok.text}» vuole il {'plurale' if want == 'p' else 'singolare'}: "
                    f"«{tok.text} {fixed}».", [fixed], fix=Applicability.UNSAFE)

    @staticmethod
    def other_gender(lex: Lexicon, word: str, gender: str | None) -> bool:
        """A plural noun of the other gender, its ending agreeing with the lexicon."""
        if gender is None or word[-1:] not in "aeiou":
            return False
        readings = lex.analyses(word)
        nouns = [a for a in readings if a.pos == "NOUN"]
        if not nouns or any(a.pos != "NOUN" and not (a.finite and not _plural_verb(a))
                            for a in readings):
            return False
        genders = {a.gender for a in nouns}
        if len(genders) != 1 or gender in genders or any(a.number != "p" for a in nouns):
            return False
        right = genders.pop()
        return all(suffix_gender(a.lemma) == right and plural_fits(a.lemma, word, right)
                   for a in nouns)

    @staticmethod
    def other_number(lex: Lexicon, word: str, want: str, gender: str | None) -> str | None:
        if word[-1:] not in "aeiou":
            return None  # loanwords are invariable in Italian: "molti computer", "alcuni film"
        readings = lex.analyses(word)
        nouns = [a for a in readings if a.pos == "NOUN"]
        # "molti giocano": plural quantifiers are also pronouns before a third-person plural
        # verb; "ogni", "qualche", "nessun" are not, so a finite homograph ("stagioni") is
        # no obstacle
        if not nouns or any(a.pos not in ("NOUN", "ADJ", "VER")
                            or (want == "p" and _plural_verb(a)) for a in readings):
            return None
        if any(a.number == want for a in readings if not a.finite):
            return None
        if gender is not None and any(a.gender != gender for a in nouns):
            return None
        forms = {f for a in nouns for f in lex.forms(a.lemma, "NOUN", number=want)}
        forms.discard(word)
        form = forms.pop() if len(forms) == 1 else None
        return form if form is not None and form[-1:] in "aeiou" else None
