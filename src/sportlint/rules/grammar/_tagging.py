"""The tagger's view of a sentence for the ``grammar.*`` rules: a rule finds a candidate with
the lexicon first and asks the tagger only to confirm it, so a text without candidates
never loads the model (``resources.get("tagger")`` is lazy). Tags are memoised per
sentence on the segmentation, and by the sentence's words for the process (`tag_words`):
the second look at a fix (engine/recheck.py) and the fixer's passes lint the same sentences
again, each time in a new segmentation."""

from __future__ import annotations

from typing import Any

from sportlint.italian.lexicon import Analysis, Lexicon
from sportlint.rules.base import Context
from sportlint.segment.tokens import Token
from sportlint.util.wordmemo import WordMemo

#: the confidence a tag needs before a rule acts on it (at 0.9 the shipped model's tags are
#: about 98.7% right on held-out sentences, 91% of the tokens; bench/bench_tagger.py)
CONFIDENT = 0.9

#: forms of "essere" that take a participle ("è partita", "sono stati premiati")
ESSERE = frozenset("""
è sono era erano fu furono sarà saranno sia siano fosse fossero sarebbe sarebbero
""".split())
#: the participles of "essere" itself, between the auxiliary and the participle
STATO = {"stato": ("m", "s"), "stati": ("m", "p"), "stata": ("f", "s"), "state": ("f", "p")}
#: the article forms that open a noun phrase, with gender and number ("" for either)
ARTICLES = {"il": ("m", "s"), "lo": ("m", "s"), "la": ("f", "s"), "i": ("m", "p"),
            "gli": ("m", "p"), "le": ("f", "p"), "un": ("m", "s"), "uno": ("m", "s"),
            "una": ("f", "s"), "l'": ("", "s"), "un'": ("f", "s")}
#: what may stand before a noun phrase that is a clause's subject: nothing (the sentence's
#: start), punctuation that opens a clause, a conjunction
CLAUSE_OPENERS = frozenset("e ma che perché poiché quando mentre se anche però dunque quindi "
                           "infatti ora poi".split())
#: nouns of time and frequency: a noun phrase of them is an adverbial ("la settimana scorsa
#: hanno vinto", "la domenica giocano"), not a subject
TIME_NOUNS = frozenset("""
giorno giornata settimana mese anno stagione sera serata mattina mattinata notte pomeriggio
volta estate inverno primavera autunno ora minuto secondo momento periodo fine weekend
lunedì martedì mercoledì giovedì venerdì sabato domenica vigilia scorsa prossima
""".split())


#: the sentences whose tags are kept for the process (the table starts again past it)
SENTENCES_KEPT = 4096
_TAGS: WordMemo[list[Any]] = WordMemo(SENTENCES_KEPT)


def tag_words(ctx: Context, words: list[str]) -> list[Any]:
    """The tagger's tags of ``words`` (one sentence), memoised by the words: tagging is a
    function of the words alone, given the loaded model."""
    tagger = ctx.resources.get("tagger")
    table = _TAGS.table(tagger)
    key = tuple(words)
    found = table.get(key)
    if found is None:
        found = table[key] = tagger.tag(words)
    return found


def sentence_tags(ctx: Context, token: Token) -> dict[int, Any]:
    """Token index -> `Tag` for the tokens of ``token``'s sentence."""
    seg = ctx.seg
    memo: Any = seg.memo.setdefault("grammar.tags", {})
    found = memo.get(token.sentence)
    if found is None:
        sentence = seg.sentences[token.sentence]
        tokens = seg.sentence_tokens(sentence)
        tags = tag_words(ctx, [t.text for t in tokens])
        found = memo[token.sentence] = {t.index: tag for t, tag in zip(tokens, tags, strict=True)}
    return found


def confident(ctx: Context, token: Token, *pos: str, at: float = CONFIDENT) -> bool:
    """Whether the tagger gives ``token`` one of ``pos`` with a confidence of at least
    ``at`` (``at=0``: its best tag is one of them, for a word whose reading the lexicon has
    already narrowed down)."""
    tag = sentence_tags(ctx, token).get(token.index)
    return tag is not None and tag.pos in pos and tag.confidence >= at


def noun_features(lex: Lexicon, word: str, participle: bool = False,
                  verbs: bool = False) -> tuple[str, str] | None:
    """(gender, number) of a word the lexicon knows only as a noun of one gender and one
    number (also as an adjective, or with ``participle`` as a past participle, of the same
    gender and number: "tifosi", "partita"; with ``verbs`` also a finite verb form, which
    the tagger must then rule out: "squadra"), and whose other number is a different word (not
    "città", "gol", "sport")."""
    readings = lex.analyses(word)
    if not any(a.pos == "NOUN" for a in readings) or \
            any(a.pos not in ("NOUN", "ADJ") and not (participle and a.mood == "part")
                and not (verbs and a.finite) for a in readings):
        return None
    readings = tuple(a for a in readings if not a.finite)
    feats = {(a.gender, a.number) for a in readings}
    if len(feats) != 1 or word[-1:] not in "aeiou":
        return None
    gender, number = feats.pop()
    other = "p" if number == "s" else "s"
    lemmas = {a.lemma for a in readings if a.pos == "NOUN"}
    others = {f for lemma in lemmas for f in lex.forms(lemma, "NOUN", number=other)}
    if not others or word in others:
        return None
    return gender, number


def one_form(lex: Lexicon, readings: tuple[Analysis, ...] | list[Analysis], pos: str,
             **features: str) -> str | None:
    """The single form of the lemma of ``readings`` (all of one lemma) with ``features``."""
    lemmas = {a.lemma for a in readings if a.pos == pos}
    if len(lemmas) != 1:
        return None
    forms = lex.forms(lemmas.pop(), pos, **features)
    return forms[0] if len(forms) == 1 else None


def clause_start(ctx: Context, token: Token) -> bool:
    """Whether ``token`` opens a clause: first in its sentence, or after a comma, a colon,
    a semicolon, a dash or a conjunction."""
    seg = ctx.seg
    prev = seg.prev_token(token)
    if prev is None:
        return True
    if prev.kind == "punct":
        return prev.text in ",;:–—(" and seg.text[prev.end:token.start] != ""
    return prev.low in CLAUSE_OPENERS
