"""A verb does not agree with the clear subject before it ("i tifosi ha cantato")."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.lexicon import Lexicon
from sportlint.rules.base import Context, Rule
from sportlint.rules.grammar._subject import Subject, confirmed, subjects
from sportlint.rules.grammar._tagging import ESSERE, confident
from sportlint.rules.punctuation._parse import (
    AUX_LABELS,
    SUBJECT_LABELS,
    parse,
    parse_variant,
)
from sportlint.segment.tokens import Token

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

    At a distance ("La squadra di casa, dopo un primo tempo giocato con grande intensità,
    hanno ceduto"): when the phrase is not followed by its verb, a finite verb of the third
    person in the other number further on in the sentence, which the dependency parser
    reads as the verb (or the auxiliary of the verb) whose one subject is the noun; the
    parse of the sentence with the verb corrected must read the noun as its subject again,
    with a confident arc and label.

    Stays silent on:
    "essere" (in "il problema sono i soldi" the verb agrees with the predicate), nouns of
    quantity ("la maggior parte hanno", "la gente": agreement by sense) with a plural
    verb, noun phrases of time ("la settimana scorsa hanno vinto"), phrases after "e" or
    "o" or a comma (a coordinated subject: "il tecnico e il ds hanno"), names, and a verb
    after an object clitic ("la partita l'hanno vinta loro"). At a distance also: a list of
    subjects or a companion ("il presidente, insieme ai dirigenti, hanno": "e", "o",
    "con", "insieme", "oltre", "come" between them), any noun of quantity, a verb after a
    colon, a semicolon or a quotation mark, a postposed subject of its own ("la rete, al
    90', l'hanno segnata i giovani": the verb has another subject), and sentences the
    parser is unsure of.

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
            readings = lex.analyses(verb.low)
            if readings and all(a.finite for a in readings):
                if sub.quantity and sub.number == "s":
                    continue
                fixed = _disagrees(lex, verb.low, sub.number)
                # the lexicon knows the word only as a finite verb: the tagger need only
                # rank a verb first
                if fixed is None or not confident(ctx, verb, "VERB", "AUX", at=0) or \
                        not confirmed(ctx, sub):
                    continue
            else:
                if sub.quantity:
                    continue
                found = _distant(ctx, lex, sub)
                if found is None:
                    continue
                verb, fixed = found
            yield self.finding(
                verb.start, verb.end,
                f"«{verb.text}» non concorda con il soggetto «{sub.article.text} "
                f"{sub.noun.text}» ({_NUMBER[sub.number]}): «{fixed}».",
                [fixed], fix=Applicability.UNSAFE)


def _disagrees(lex: Lexicon, word: str, number: str) -> str | None:
    """The one form of the finite verb ``word`` in the third person of ``number``, when
    ``word`` has no reading in that number (None: it agrees, or is no candidate)."""
    if word in ESSERE:
        return None
    readings = lex.analyses(word)
    if not readings or not all(a.finite for a in readings):
        return None
    # an imperative after its subject is no reading ("i prezzi comprendi")
    readings = tuple(a for a in readings if a.mood != "impr")
    if not readings or any(a.lemma == "essere" for a in readings):
        return None
    # "gli italiani siamo fatti così": a plural noun with a first or second person plural
    # is the speaker's group, not a slip
    if any(a.number == number and (a.person == "3" or number == "p") for a in readings):
        return None
    forms = {f for a in readings for f in
             lex.forms(a.lemma, a.pos, mood=a.mood, tense=a.tense, person="3", number=number)}
    return forms.pop() if len(forms) == 1 else None


def _distant(ctx: Context, lex: Lexicon, sub: Subject) -> tuple[Token, str] | None:
    """The finite verb further on in the sentence that the parser confidently reads as the
    subject's, when it disagrees with it (and its one corrected form)."""
    seg = ctx.seg
    tokens = seg.sentence_tokens(seg.sentences[sub.noun.sentence])
    first = tokens[0].index
    n = sub.noun.index - first
    # the lexicon first: a disagreeing finite verb must follow before the parser is asked
    fixes = {k: f for k in range(n + 2, len(tokens))
             if tokens[k].is_word and all(a.person == "3" for a in lex.analyses(tokens[k].low))
             and (f := _disagrees(lex, tokens[k].low, sub.number))}
    if not fixes:
        return None
    p = parse(ctx, tokens)
    if p is None or p.arcs[n].label not in SUBJECT_LABELS or not p.tagged(n, "NOUN"):
        return None
    # an arc that spans an inciso waits long on the stack, and its confidence (the least
    # sure move it waited through) is lower: the parse of the corrected sentence must
    # confirm it with a confident arc and label
    if p.arcs[n].confidence < DISTANT or p.arcs[n].label_confidence < DISTANT_LABEL:
        return None
    head = p.arcs[n].head
    if head <= n + 1 or not p.sure(head):
        return None
    kids = p.children
    # one subject, not coordinated ("la squadra e i tifosi hanno"), not accompanied ("il
    # tecnico con il suo staff hanno"), the verb's or its auxiliary's
    if [k for k in kids[head] if p.arcs[k].label in SUBJECT_LABELS] != [n]:
        return None
    if any(p.arcs[k].label in ("conj", "cc") for k in kids[n]):
        return None
    verbs = [head] + [k for k in kids[head] if p.arcs[k].label in AUX_LABELS]
    hits = [k for k in verbs if k in fixes]
    if len(hits) != 1:
        return None
    v = hits[0]
    # a fronted object taken up by a clitic ("la partita, alla fine, l'hanno vinta loro")
    if any(tokens[k].low.replace("’", "'") in _CLITICS and p.tags[k].pos == "PRON"
           for k in range(max(n + 1, v - 3), v)):
        return None
    phrase = set(p.subtree(n))
    hi = p.span(n)[1]
    opener = hi + 2 if hi + 2 < len(tokens) and tokens[hi + 1].text == "," else -1
    for k in range(n + 1, v):
        low = tokens[k].low
        if low in _WITH and (k in phrase or k == opener):
            return None
        conj = p.arcs[k].head
        if low in _AND and (conj in phrase or (conj >= 0 and p.arcs[conj].head in (n, head)
                                              and p.tags[conj].pos in _NOMINAL)):
            return None
    if not p.tagged(v, "VERB", "AUX") or (v != head and not p.sure(v)):
        return None
    if any(tokens[k].kind == "punct" and tokens[k].text not in ",()–—" for k in
           range(n + 1, v)):
        return None          # a colon, a quote, a semicolon between them: another clause
    # the sentence with the verb corrected must read the same way
    words = [t.text for t in tokens]
    words[v] = fixes[v]
    w = parse_variant(ctx, words, [t.kind for t in tokens])
    again = w.arcs[n]
    if again.head != head or again.label not in SUBJECT_LABELS or \
            again.confidence < CONFIRM or again.label_confidence < CONFIRM_LABEL:
        return None
    if not confirmed(ctx, sub):
        return None
    return tokens[v], fixes[v]


#: the confidence of the subject's arc (and label) in the sentence as written, and in the
#: sentence with the verb corrected (a label's confidence spreads over some forty
#: relations, and the sentence as written has the very disagreement that makes the
#: subject less likely)
DISTANT = 0.5
DISTANT_LABEL = 0.3
CONFIRM = 0.5
CONFIRM_LABEL = 0.4
#: words that add a companion to a subject ("il tecnico con lo staff hanno", "il
#: presidente, insieme ai dirigenti, hanno") or a second subject ("il tecnico della Roma e
#: quello della Lazio hanno"), which may agree by sense or which the parser may hang
#: elsewhere
_WITH = frozenset({"con", "insieme", "assieme", "oltre", "come", "più", "nonché"})
_AND = frozenset({"e", "ed", "o", "od", "né", "oppure", "nonché"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_CLITICS = frozenset({"l'", "lo", "la", "li", "le", "ne"})
