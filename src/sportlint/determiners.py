"""Italian articles (plain and joined to a preposition) and the form each takes before a
word: ``il trainer`` becomes ``l'allenatore``, ``dei coach`` becomes ``degli allenatori``.

Used by fixes that replace one noun with another of the same gender, so that the
article in front still agrees in sound and number.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

# A masculine or feminine article in its three sound classes: before a consonant, before
# s+consonant/z/gn/ps/x/y/i+vowel ("impure"), before a vowel.
_FORMS = {
    ("m", "def", "sg"): ("l", "llo", "ll'"),
    ("m", "def", "pl"): ("i", "gli", "gli"),
    ("m", "ind", "sg"): ("un", "uno", "un"),
    ("f", "def", "sg"): ("lla", "lla", "ll'"),
    ("f", "def", "pl"): ("lle", "lle", "lle"),
    ("f", "ind", "sg"): ("una", "una", "un'"),
}
_PLAIN = {("m", "def", "sg"): ("il", "lo", "l'"), ("f", "def", "sg"): ("la", "la", "l'"),
          ("f", "def", "pl"): ("le", "le", "le")}
_PREPOSITIONS = ("de", "a", "da", "ne", "su")
_IMPURE = regex.compile(r"(?:s[^aeiouàèéìòù\W]|z|gn|ps|pn|x|y|i[aeiou])", regex.IGNORECASE)
_VOWEL = regex.compile(r"h?[aeiouàèéìòù]", regex.IGNORECASE)


@dataclass(frozen=True)
class Article:
    gender: str       # "m" or "f"
    definite: bool
    plural: bool
    preposition: str  # "" or de/a/da/ne/su


def _table() -> dict[str, list[Article]]:
    table: dict[str, list[Article]] = {}
    for (gender, kind, number), forms in _FORMS.items():
        plain = _PLAIN.get((gender, kind, number), forms)
        for prep in ("",) + (_PREPOSITIONS if kind == "def" else ()):
            for form in (plain if not prep else forms):
                word = prep + form
                art = Article(gender, kind == "def", number == "pl", prep)
                if art not in table.setdefault(word, []):
                    table[word].append(art)
    return table


ARTICLES = _table()


def sound_class(word: str) -> int:
    """0 before a consonant, 1 before an 'impure' sound (lo studio), 2 before a vowel."""
    if _IMPURE.match(word):
        return 1
    if _VOWEL.match(word):
        return 2
    return 0


def parse(article: str, gender: str) -> Article | None:
    """The article ``article`` (``dell'``, ``gli``, ``un``...) read as ``gender``."""
    found = [a for a in ARTICLES.get(article.lower().replace("’", "'"), []) if a.gender == gender]
    return found[0] if found else None


def form(article: Article, word: str) -> str:
    """The article's form in front of ``word``."""
    kind = "def" if article.definite else "ind"
    key = (article.gender, kind, "pl" if article.plural else "sg")
    forms = _FORMS[key] if article.preposition else _PLAIN.get(key, _FORMS[key])
    return article.preposition + forms[sound_class(word)]
