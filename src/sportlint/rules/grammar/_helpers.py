"""Helpers shared by the ``grammar.*`` rules: lexicon questions (is this token an
infinitive, a finite verb, a noun of this gender ...). The closed-class word sets they use
are in `sportlint.italian.words`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from sportlint.italian.lexicon import Analysis, Lexicon
from sportlint.italian.words import CLITICS
from sportlint.segment.segmenter import Segmentation
from sportlint.segment.tokens import Token


def low(token: Token) -> str:
    """The token's text in lower case with a typographic apostrophe made straight."""
    return token.low


def analyses(lex: Lexicon, token: Token) -> tuple[Analysis, ...]:
    """Readings of a word token; a capitalised word only when not sentence-initial-only
    (proper names are left out by the callers that need to)."""
    if not token.is_word:
        return ()
    return lex.analyses(token.low)


def is_infinitive(lex: Lexicon, word: str) -> bool:
    """``sollevare``, and infinitives with enclitics (``sollevarlo``, ``farsene``)."""
    word = word.lower()
    if any(a.mood == "inf" for a in lex.analyses(word)):
        return True
    for clitic in CLITICS:
        if word.endswith(clitic) and len(word) > len(clitic) + 2:
            stem = word[: -len(clitic)]
            if stem.endswith("r") and any(a.mood == "inf" for a in lex.analyses(stem + "e")):
                return True
            if stem.endswith("r") and is_infinitive(lex, stem + "e"):
                return True
            if stem[-2:] in ("rr",) and any(a.mood == "inf" for a in lex.analyses(stem[:-1] + "e")):
                return True
    return False


def only(readings: Iterable[Analysis], *pos: str) -> bool:
    items = list(readings)
    return bool(items) and all(a.pos in pos for a in items)


def capitalise_like(word: str, model: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def next_word(seg: Segmentation, token: Token) -> Token | None:
    """The next token of the sentence when it is a word."""
    return seg.next_words[token.index]


def prev_word(seg: Segmentation, token: Token) -> Token | None:
    """The previous token of the sentence when it is a word."""
    return seg.prev_words[token.index]


# Endings that tell a noun's gender with few exceptions; used to double-check the lexicon,
# whose gender is occasionally wrong ("azione" listed as masculine).
_FEMININE_ENDINGS = ("zione", "sione", "gione", "tà", "tù", "trice", "ie", "udine", "ite")
_MASCULINE_ENDINGS = ("ore", "ame", "aggio", "mento", "ismo", "o")
_O_FEMININE = frozenset("mano radio foto moto auto eco dinamo biro".split())


def suffix_gender(word: str) -> str:
    """"f" or "m" when the ending tells the gender, "" when it does not (-e, -a, -ista ...)."""
    if word.endswith(_FEMININE_ENDINGS):
        return "f"
    if word.endswith(_MASCULINE_ENDINGS) and word not in _O_FEMININE:
        return "m"
    # -a is feminine; the masculine and common-gender exceptions (problema, atleta, pilota,
    # giornalista) are listed masculine by the lexicon, and callers only act when the lexicon
    # and the ending agree
    if word.endswith("a") and not word.endswith(("ista", "cida", "iatra")):
        return "f"
    return ""


def plain_case(seg: Segmentation, token: Token) -> bool:
    """Lower case, or capitalised only because it opens the sentence: "a", "In", but not
    the letter in "Serie A" or the numeral in "Carlo I"."""
    return not token.capitalised or (seg.is_sentence_initial(token)
                                     and token.text[1:] == token.text[1:].lower())


def article_noun_pairs(seg: Segmentation, forms: Mapping[str, tuple[str, str, str]],
                       skip: frozenset[str]) -> Iterator[tuple[Token, Token, tuple[str, str, str]]]:
    """Each article or articulated preposition of ``forms`` (lower-cased key -> family,
    gender, number; none in ``skip``), in plain case and followed after one space by a
    lower-case word: (article, word, its entry in ``forms``). The pairs of a table are
    found once per document (several rules ask)."""
    key = f"article_noun_pairs:{id(forms)}"
    found: Any = seg.memo.get(key)
    if found is None or found[0] is not forms:
        text = seg.text
        pairs = []
        for tok in seg.words:
            head = tok.low
            if head not in forms or not plain_case(seg, tok):
                continue
            nxt = next_word(seg, tok)
            if nxt is None or nxt.capitalised or text[tok.end:nxt.start] != " ":
                continue
            pairs.append((tok, nxt, forms[head]))
        found = seg.memo[key] = (forms, pairs)
    for tok, nxt, entry in found[1]:
        if tok.low not in skip:
            yield tok, nxt, entry


def plural_fits(lemma: str, plural: str, gender: str) -> bool:
    """Whether a plural ends as its gender's plurals do: masculine -i ("giocatori"),
    feminine -e ("partite") or -i from a singular in -e ("informazioni"). "le dita", "le
    uova" (feminine plurals of masculine nouns) do not fit, so rules leave them alone."""
    if gender == "m":
        return plural.endswith("i")
    return plural.endswith("e") or (lemma.endswith("e") and plural.endswith("i"))


def with_apostrophe(form: str, style: Mapping[str, Any]) -> str:
    """An elided form ("l'", "un'") written with the house-style apostrophe."""
    return form.replace("'", str(style.get("apostrophe", "'"))) if form.endswith("'") else form
