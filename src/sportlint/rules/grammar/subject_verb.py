"""A verb does not agree with the clear subject before it ("i tifosi ha cantato")."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.lexicon import Lexicon
from sportlint.rules.base import Context, Rule
from sportlint.rules.grammar._subject import confirmed, subjects
from sportlint.rules.grammar._tagging import ESSERE, confident

_NUMBER = {"s": "singolare", "p": "plurale"}


class SubjectVerb(Rule):
    """A verb does not agree with the clear subject before it ("i tifosi ha cantato").

    What it catches:
    A noun phrase that opens a clause (article, noun, perhaps an adjective: "i tifosi",
    "la nuova società") followed by a finite verb (after "non" or a clitic such as "si",
    "ci", "gli") of the third person in the other number: "la società hanno comunicato".
    The noun must have one gender and number in the lexicon, the verb only finite
    readings, none of them in the noun's number, and the tagger must confirm the article,
    the noun and the verb.

    Stays silent on:
    "essere" (in "il problema sono i soldi" the verb agrees with the predicate), nouns of
    quantity ("la maggior parte hanno", "la gente": agreement by sense) with a plural
    verb, noun phrases of time ("la settimana scorsa hanno vinto"), phrases after "e" or
    "o" or a comma (a coordinated subject: "il tecnico e il ds hanno"), names, and a verb
    after an object clitic ("la partita l'hanno vinta loro").

    Why:
    Subject and verb drift apart when a sentence is rewritten: one is changed, the other is
    not.

    Example:
        I tifosi ha cantato per novanta minuti.
        -> I tifosi hanno cantato per novanta minuti.

    Fix:
    The verb in the subject's number, same tense and mood, when the lexicon has one form.

    Fix safety:
    Unsafe (`--unsafe-fixes`): the fix turns a real word into another, and the subject may
    be the word that is wrong.
    """

    id = "grammar.subject-verb"
    severity = Severity.WARNING
    skip_quoted = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        lex: Lexicon = ctx.resources.get("lexicon")
        for sub in subjects(ctx, lex):
            verb = sub.verb
            word = verb.low
            if word in ESSERE or (sub.quantity and sub.number == "s"):
                continue
            readings = lex.analyses(word)
            if not readings or not all(a.finite for a in readings):
                continue
            # an imperative after its subject is no reading ("i prezzi comprendi")
            readings = tuple(a for a in readings if a.mood != "impr")
            if any(a.lemma == "essere" for a in readings):
                continue
            # "gli italiani siamo fatti così": a plural noun with a first or second person
            # plural is the speaker's group, not a slip
            if any(a.number == sub.number and (a.person == "3" or sub.number == "p")
                   for a in readings):
                continue
            forms = {f for a in readings for f in
                     lex.forms(a.lemma, a.pos, mood=a.mood, tense=a.tense, person="3",
                               number=sub.number)}
            # the lexicon knows the word only as a finite verb: the tagger need only rank a
            # verb first
            if len(forms) != 1 or not confident(ctx, verb, "VERB", "AUX", at=0) or \
                    not confirmed(ctx, sub):
                continue
            fixed = forms.pop()
            yield self.finding(
                verb.start, verb.end,
                f"«{verb.text}» non concorda con il soggetto «{sub.article.text} "
                f"{sub.noun.text}» ({_NUMBER[sub.number]}): «{fixed}».",
                [fixed], fix=Applicability.UNSAFE)
