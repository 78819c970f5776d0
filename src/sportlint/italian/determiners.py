"""Italian articles (plain and joined to a preposition) and the form each takes before a
word: the one place for the article tables and for reading a word's initial sound.

- `FAMILIES`: every article and articulated preposition (il/lo/l', i/gli, la/le, un/uno/
  una/un', del/dello/dell'/della/dei/degli/delle, al..., dal..., nel..., sul...), by family,
  gender, number and initial sound; `article_by_class` picks one form from it.
- Two readings of a word's initial, for two kinds of caller:

  - `initial_class` (the grammar rules): cautious, -1 for an initial whose article
    usage varies (h, y, w, j, k, digits: "il/l'hotel", "lo/il yogurt"), so the rules
    abstain; `AGREEMENT_FORMS` and `article_for` serve the same rules;
  - `sound_class` (fixes that replace a noun, ``kinds/substitution.py``): always answers,
    h + vowel as a vowel ("l'hotel"), i + vowel and y as impure ("lo iato", "lo yogurt");
    `parse` and `form` make the article agree: ``il trainer`` becomes ``l'allenatore``,
    ``dei coach`` becomes ``degli allenatori``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

import regex

from sportlint.italian.words import VOWELS
from sportlint.util import lazyregex


class Family(NamedTuple):
    """One article family's forms by gender, number and the next word's initial sound."""

    masc_sg: tuple[str, str, str]  # before a plain consonant, an impure sound, a vowel
    fem_sg: tuple[str, str]        # before a consonant, a vowel
    masc_pl: tuple[str, str]       # before a plain consonant, an impure sound or a vowel
    fem_pl: str                    # "" when the family has no plural


# family (the plain definite article, the indefinite one, or the preposition) -> forms
FAMILIES: dict[str, Family] = {
    "il": Family(("il", "lo", "l'"), ("la", "l'"), ("i", "gli"), "le"),
    "un": Family(("un", "uno", "un"), ("una", "un'"), ("", ""), ""),
    "di": Family(("del", "dello", "dell'"), ("della", "dell'"), ("dei", "degli"), "delle"),
    "a": Family(("al", "allo", "all'"), ("alla", "all'"), ("ai", "agli"), "alle"),
    "da": Family(("dal", "dallo", "dall'"), ("dalla", "dall'"), ("dai", "dagli"), "dalle"),
    "in": Family(("nel", "nello", "nell'"), ("nella", "nell'"), ("nei", "negli"), "nelle"),
    "su": Family(("sul", "sullo", "sull'"), ("sulla", "sull'"), ("sui", "sugli"), "sulle"),
}

# Sound classes: 0 before a plain consonant, 1 before an "impure" sound (s + consonant, z,
# gn, ps...: "lo studio"), 2 before a vowel ("l'arbitro").
PLAIN, IMPURE, VOWEL = 0, 1, 2


def article_by_class(family: str, gender: str, number: str, cls: int) -> str:
    """The form of ``family``'s article of ``gender`` ("m"/"f") and ``number`` ("s"/"p")
    before a word of sound class ``cls`` (0, 1 or 2)."""
    ms, fs, mp, fp = FAMILIES[family]
    if gender == "f":
        return (fs[1] if cls == VOWEL else fs[0]) if number == "s" else fp
    if number == "s":
        return ms[cls]
    return mp[1] if cls >= IMPURE else mp[0]


# --- The grammar rules' reading (grammar.article-form, -gender, -number) ---------------

def initial_class(word: str) -> int:
    """0 plain consonant, 1 s+consonant/z/gn/ps/x, 2 vowel, -1 other (h, y, w, j, k, digits).

    -1 marks an initial whose article usage varies, so a rule leaves the pair alone: also a
    foreign "ch" before a, o, u, sounded as in French or English ("lo chalet" and "il
    chalet", "lo champagne", "il charter": Italian writes "ca", "co", "cu")."""
    first = word[:1]
    if word[:2] == "ch" and word[2:3] in ("a", "o", "u"):
        return -1
    if first in VOWELS:
        return VOWEL
    if first in "zx" or word[:2] in ("gn", "ps") or (first == "s" and word[1:2].isalpha()
                                                    and word[1:2] not in VOWELS):
        return IMPURE
    if first.isalpha() and first not in "hywjk":
        return PLAIN
    return -1


def article_for(family: str, gender: str, number: str, word: str) -> str:
    """The article of ``family``, ``gender`` and ``number`` before ``word``, its initial read
    by `initial_class` (an unclear initial counts as a plain consonant)."""
    return article_by_class(family, gender, number, max(initial_class(word), PLAIN))


def _agreement_forms() -> dict[str, tuple[str, str, str]]:
    forms: dict[str, tuple[str, str, str]] = {}
    for family, (ms, fs, mp, fp) in FAMILIES.items():
        for form_ in ms:
            forms.setdefault(form_, (family, "m", "s"))
        forms.setdefault(fs[0], (family, "f", "s"))
        for form_ in mp:
            if form_:
                forms.setdefault(form_, (family, "m", "p"))
        if fp:
            forms.setdefault(fp, (family, "f", "p"))
    forms.pop("l'", None)
    return forms


# Article form -> (family, gender, number), as the agreement rules read it: every unelided
# form, and the elided dell', all', nell'... read as masculine; "l'" and "un'" are left out.
AGREEMENT_FORMS = _agreement_forms()


# --- Quantifiers that are also adjectives ------------------------------------------------

#: quantifiers that are also adjectives, and as adjectives follow their noun: "risultati
#: diversi", "motivi vari", "fatti certi", "anni tanti", "tifosi numerosi"
ADJECTIVAL_QUANTIFIERS: dict[str, tuple[str, str]] = {
    word: (gender, "p") for pair in ("diversi diverse", "vari varie", "certi certe",
                                     "tanti tante", "numerosi numerose", "molti molte")
    for word, gender in zip(pair.split(), ("m", "f"), strict=True)}


def postposed(quantifier: str, before: Iterable[Any]) -> bool:
    """``quantifier`` follows a word whose readings ``before`` (lexicon analyses: ``pos``,
    ``gender``, ``number``) make it a plural noun of the quantifier's gender: then it is
    that noun's adjective ("i risultati diversi partita dopo partita", "le soluzioni varie
    volte provate"), not the determiner of the word after it."""
    agreement = ADJECTIVAL_QUANTIFIERS.get(quantifier.lower())
    if agreement is None:
        return False
    gender, number = agreement
    readings = list(before)
    if any(a.pos in ("ART", "ARTPRE", "PRE", "DET", "PRO", "CON", "AUX") for a in readings):
        return False        # "i diversi giocatori", "dei vari", "con tanti": a determiner
    return any(a.pos == "NOUN" and a.number == number and a.gender in (gender, "")
               for a in readings)


# --- Fixes that replace a noun (kinds/substitution.py) ----------------------------------

_IMPURE = lazyregex.compile(r"(?:s[^aeiouàèéìòù\W]|z|gn|ps|pn|x|y|i[aeiou])", regex.IGNORECASE)
_VOWEL = lazyregex.compile(r"h?[aeiouàèéìòù]", regex.IGNORECASE)


def sound_class(word: str) -> int:
    """0 before a consonant, 1 before an 'impure' sound (lo studio, lo iato, lo yogurt),
    2 before a vowel or h + vowel (l'hotel)."""
    if _IMPURE.match(word):
        return IMPURE
    if _VOWEL.match(word):
        return VOWEL
    return PLAIN


@dataclass(frozen=True)
class Article:
    gender: str       # "m" or "f"
    plural: bool
    family: str       # a key of FAMILIES: "il", "un", or the preposition


def _table() -> dict[str, list[Article]]:
    table: dict[str, list[Article]] = {}
    for family, (ms, fs, mp, fp) in FAMILIES.items():
        for gender, plural, forms in (("m", False, ms), ("f", False, fs), ("m", True, mp),
                                      ("f", True, (fp,))):
            for word in forms:
                if word and Article(gender, plural, family) not in table.setdefault(word, []):
                    table[word].append(Article(gender, plural, family))
    return table


# Every article form -> its readings ("l'" and "dell'" are masculine and feminine).
ARTICLES = _table()


def parse(article: str, gender: str) -> Article | None:
    """The article ``article`` (``dell'``, ``gli``, ``un``...) read as ``gender``."""
    found = [a for a in ARTICLES.get(article.lower().replace("’", "'"), []) if a.gender == gender]
    return found[0] if found else None


def form(article: Article, word: str) -> str:
    """The article's form in front of ``word`` (its initial read by `sound_class`)."""
    return article_by_class(article.family, article.gender, "p" if article.plural else "s",
                            sound_class(word))
