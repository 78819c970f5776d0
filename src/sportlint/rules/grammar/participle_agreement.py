"""A participle after "essere" does not agree with the subject ("la squadra è partito")."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.lexicon import Lexicon
from sportlint.rules.base import Context, Rule
from sportlint.rules.grammar._helpers import next_word
from sportlint.rules.grammar._subject import Subject, confirmed, subjects
from sportlint.rules.grammar._tagging import ESSERE, STATO, confident, one_form
from sportlint.segment.tokens import Token

_GENDER = {"m": "maschile", "f": "femminile"}
# Adverbs between "essere" and a predicative adjective ("sono molto gentili").
_INTENSIFIERS = frozenset("molto poco tanto troppo così più meno davvero assai abbastanza "
                          "particolarmente estremamente sempre ancora già proprio".split())
_NUMBER = {"s": "singolare", "p": "plurale"}


class ParticipleAgreement(Rule):
    """A participle after "essere" does not agree with the subject ("la squadra è partito").

    What it catches:
    A noun phrase that opens a clause ("la squadra", "le ragazze") followed by a form of
    "essere" (after "non" or "si" too) and a past participle, through "stato" in a passive
    or a compound tense ("sono stati premiati"), where a participle has another gender or
    number than the noun: "la squadra è partito forte", "le ragazze sono stati premiati"
    (each wrong participle is a finding). The noun must have one gender and number in the
    lexicon, the participle a past-participle reading and none in the noun's gender and
    number, and the tagger must confirm the article, the noun and the auxiliary.

    Stays silent on:
    "essere" with a noun after it ("la sorpresa è stato Rossi": the predicate may lead
    the agreement), phrases of time ("la settimana scorsa è arrivato"), phrases after a
    preposition, a comma or "e" (they are not the subject: "dopo la partita è arrivato il
    mister"), names, invariable and foreign nouns.

    Why:
    With "essere" the participle agrees with the subject; a subject changed in revision
    leaves the old participle behind.

    Example:
        La squadra è partito forte.
        -> La squadra è partita forte.
        Le ragazze sono stati premiati.
        -> Le ragazze sono state premiate.

    Fix:
    The participle in the subject's gender and number, when the lexicon has one form.

    Fix safety:
    Unsafe (`--unsafe-fixes`): the fix turns a real word into another, and the subject may
    be the word that is wrong.
    """

    id = "grammar.participle-agreement"
    severity = Severity.WARNING
    skip_quoted = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        lex: Lexicon = ctx.resources.get("lexicon")
        seg = ctx.seg
        for sub in subjects(ctx, lex):
            aux = sub.verb
            if aux.low not in ESSERE:
                continue
            chain: list[Token] = []
            part = next_word(seg, aux)
            if part is not None and part.low in _INTENSIFIERS:
                found = self.predicative(ctx, lex, sub, next_word(seg, part))
                if found is not None:
                    yield found
                continue
            found = self.predicative(ctx, lex, sub, part)
            if found is not None:
                yield found
                continue
            if part is not None and part.low in STATO:
                chain.append(part)
                part = next_word(seg, part)
            if part is None or part.capitalised or part.low in STATO:
                continue
            readings = lex.analyses(part.low)
            # finite homographs ("premiate") are left to the tagger
            if not any(a.mood == "part" and a.tense == "past" for a in readings) or \
                    any(a.pos in ("DET", "ART", "PRE", "ARTPRE", "PRO") for a in readings):
                continue
            chain.append(part)
            for word in chain:
                fixed = self.wrong(lex, word.low, sub.gender, sub.number)
                if fixed and confident(ctx, aux, "AUX") and \
                        confident(ctx, part, "VERB", "ADJ", at=0) and confirmed(ctx, sub):
                    yield self.finding(
                        word.start, word.end,
                        f"«{word.text}» non concorda con il soggetto «{sub.article.text} "
                        f"{sub.noun.text}» ({_GENDER[sub.gender]} {_NUMBER[sub.number]}): "
                        f"«{fixed}».", [fixed], fix=Applicability.UNSAFE)

    def predicative(self, ctx: Context, lex: Lexicon, sub: Subject,
                    adj: Token | None) -> Finding | None:
        """An adjective after "essere" ("i collaboratori sono molto gentile"): known only as
        an adjective (or also as a noun, when the tagger reads it as an adjective), and not
        in the subject's gender and number."""
        if adj is None or adj.capitalised:
            return None
        readings = lex.analyses(adj.low)
        adjs = [a for a in readings if a.pos == "ADJ"]
        if not adjs or any(a.pos not in ("ADJ", "NOUN", "VER") or a.mood == "part"
                           for a in readings) or \
                any((a.gender, a.number) == (sub.gender, sub.number) for a in readings) or \
                adj.low[-1:] not in "aeio":
            return None
        if any(a.pos != "ADJ" for a in readings) and not confident(ctx, adj, "ADJ"):
            return None     # "contento", "stanca" are also verb forms: the tagger decides
        fixed = one_form(lex, adjs, "ADJ", gender=sub.gender, number=sub.number)
        if fixed is None or not (confident(ctx, sub.verb, "AUX", "VERB")
                                 and confident(ctx, adj, "ADJ", at=0) and confirmed(ctx, sub)):
            return None
        return self.finding(
            adj.start, adj.end,
            f"«{adj.text}» non concorda con il soggetto «{sub.article.text} "
            f"{sub.noun.text}» ({_GENDER[sub.gender]} {_NUMBER[sub.number]}): «{fixed}».",
            [fixed], fix=Applicability.UNSAFE)

    @staticmethod
    def wrong(lex: Lexicon, word: str, gender: str, number: str) -> str | None:
        """The right form of a participle that has none of its readings in ``gender`` and
        ``number`` (None when it agrees or the right form is not certain)."""
        if word in STATO:
            return None if STATO[word] == (gender, number) else \
                next(w for w, f in STATO.items() if f == (gender, number))
        parts = [a for a in lex.analyses(word) if a.mood == "part" and a.tense == "past"]
        if any((a.gender, a.number) == (gender, number) for a in lex.analyses(word)):
            return None
        forms = {f for a in parts for f in lex.forms(a.lemma, "VER", mood="part", tense="past",
                                                      gender=gender, number=number)}
        return forms.pop() if len(forms) == 1 else None
