"""The clear subject that grammar.subject-verb and grammar.participle-agreement look for: a
noun phrase that opens a clause (article, noun, an adjective before or after it) with the
word right after it."""

from __future__ import annotations

from dataclasses import dataclass

from sportlint.italian.lexicon import Lexicon
from sportlint.rules.base import Context
from sportlint.rules.grammar._helpers import next_word, prev_word
from sportlint.rules.grammar._tagging import ARTICLES, TIME_NOUNS, confident
from sportlint.segment.tokens import Token

#: words that open a clause before its subject (no "e", "o": "il tecnico e il ds hanno")
_OPENERS = frozenset("ma però perché poiché quando mentre se che dunque quindi infatti "
                     "inoltre intanto ora poi anzi".split())
#: nouns of quantity, whose verb may agree with the complement ("la maggior parte hanno")
_QUANTITY = frozenset("""
parte metà resto maggioranza minoranza gruppo numero serie centinaio ventina decina dozzina
migliaio coppia quantità totalità
""".split())
#: between the subject and its verb: negation and clitics that are not objects of a fronted
#: phrase ("la partita l'hanno vinta loro" is left alone)
_BETWEEN = frozenset("non si ci mi ti vi gli ne".split())


@dataclass(frozen=True)
class Subject:
    article: Token
    noun: Token
    gender: str
    number: str
    verb: Token          # the first word after the phrase and its negation or clitics
    quantity: bool       # a noun of quantity ("la maggior parte")


def subjects(ctx: Context, lex: Lexicon) -> list[Subject]:
    """The clause-opening noun phrases of the text with the word after them (memoised; the
    tagger is not asked here: see `confirmed`)."""
    seg = ctx.seg
    found = seg.memo.get("grammar.subjects")
    if found is not None:
        return found  # type: ignore[return-value]
    out: list[Subject] = []
    for art in seg.words:
        want = ARTICLES.get(art.low)
        if want is None or not _opens_clause(ctx, art):
            continue
        if art.capitalised and not seg.is_sentence_initial(art):
            continue
        noun = next_word(seg, art)
        if noun is None or noun.capitalised:
            continue
        if ctx.text[art.end:noun.start] not in ("", " "):
            continue
        feats = _noun(lex, noun.low, want)
        if feats is None:                   # an adjective before the noun: "la nuova squadra"
            adj = noun
            if not any(a.pos in ("ADJ", "DET") and a.number == want[1]
                       for a in lex.analyses(adj.low)):
                continue                    # "la nostra famiglia"
            noun = next_word(seg, adj)
            if noun is None or noun.capitalised:
                continue
            feats = _noun(lex, noun.low, want)
            if feats is None:
                continue
        if noun.low in TIME_NOUNS or any(a.lemma in TIME_NOUNS for a in lex.analyses(noun.low)):
            continue
        after = next_word(seg, noun)
        if after is not None and any(a.pos == "ADJ" for a in lex.analyses(after.low)) and \
                not any(a.finite for a in lex.analyses(after.low)):
            after = next_word(seg, after)   # "i tifosi romanisti hanno"
        while after is not None and after.low in _BETWEEN:
            after = next_word(seg, after)
        if after is None or after.capitalised:
            continue
        out.append(Subject(art, noun, feats[0], feats[1], after,
                           noun.low in _QUANTITY or
                           any(a.lemma in _QUANTITY for a in lex.analyses(noun.low))))
    seg.memo["grammar.subjects"] = out
    return out


def confirmed(ctx: Context, sub: Subject) -> bool:
    """Whether the tagger reads the subject's article and noun as such (asked only once a
    rule has found a disagreement: most sentences are never tagged)."""
    return confident(ctx, sub.article, "DET") and confident(ctx, sub.noun, "NOUN")


def _noun(lex: Lexicon, word: str, want: tuple[str, str]) -> tuple[str, str] | None:
    """(gender, number) of a noun after an article of gender and number ``want``: one noun
    reading that agrees with the article (an invariable noun takes the article's number:
    "la società"). Other readings may be adjectives or verb forms ("squadra", which the
    tagger tells apart), never closed-class words."""
    readings = lex.analyses(word)
    if any(a.pos not in ("NOUN", "ADJ", "VER") for a in readings):
        return None
    feats = {(a.gender, a.number) for a in readings if a.pos == "NOUN"
             and a.number == want[1] and (not want[0] or a.gender == want[0])}
    if len(feats) != 1 or len({a.gender for a in readings if a.pos == "NOUN"}) != 1:
        return None
    return feats.pop()


def _opens_clause(ctx: Context, art: Token) -> bool:
    seg = ctx.seg
    prev = seg.prev_token(art)
    if prev is None:
        return True
    if prev.kind == "punct":
        return prev.text in ";:"
    word = prev_word(seg, art)
    return word is not None and word.low in _OPENERS
