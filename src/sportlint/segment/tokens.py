"""Tokens of a paragraph, the Italian way: words with their elisions split off
(``dell'``, ``l'``), apostrophes inside names kept (``D'Ambrosio``), numbers, minute marks,
elided years, times, abbreviations; and the role of every apostrophe (``Segmentation.marks``).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain
from typing import Final

import regex

from sportlint.util import lazyregex

APOSTROPHES = "'’"

# Mark roles: Segmentation.marks maps the offset of each ' or ’ (and of a " that is part of
# a time such as 7'37") to one of these.
ELISION = "elision"          # l'esonero, dell'ex, un'amica
NAME = "name"                # D'Ambrosio, N'Dicka, Prem'er-Liga
TRUNCATION = "truncation"    # po', mo', Ca'
MINUTE = "minute"            # al 23', 45'+2
YEAR = "year"                # anni '80, il '900 (an elided century)
TIME = "time"                # 7'37", 5.55'58"
ACCENT = "accent"            # perche', citta': an accent written as apostrophe (a defect)
QUOTE = "quote"              # a quotation mark

# Words that take an elided form before a vowel (lower case, without the apostrophe).
ELIDING = frozenset("""
l d c m t s v n un quest quell dell dall nell sull all coll pell tutt nessun buon bell sant
grand mezz senz com dov ch anch cos qual quand sott sovr fin nient ciascun alcun qualcun
vent trent quarant cinquant sessant settant ottant novant
""".split())
# Elisions that may open a sentence before a capitalised word (L'Inter, Dell'AEK is a name).
ELIDING_INITIAL = frozenset("l un quest quell all dell dall nell sull".split())
# Words after which a single capital letter is a letter, not an initial (Serie A, girone C).
_BEFORE_LETTER = frozenset("la alla della dalla nella sulla in di serie girone gruppo classe "
                           "categoria lettera piano tipo vitamina".split())
TRUNCATED = frozenset("po mo ca be va fa sta da di to".split())

def _read_abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """The shipped abbreviations (data/curated/abbreviations/abbreviations.txt): all of
    them, and those that are also ordinary words (set, mar, min)."""
    from sportlint.util.datapaths import data_dir

    path = data_dir() / "curated" / "abbreviations" / "abbreviations.txt"
    every, words = set(), set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        entry, _, flag = line.strip().partition(" ")
        every.add(entry)
        if flag == "word":
            words.add(entry)
    return frozenset(every), frozenset(words)


#: abbreviations that take a final dot (lower case, without it), and those of them that are
#: also ordinary words: an abbreviation only when no capitalised word follows the dot
ABBREVIATIONS, ABBREVIATION_WORDS = _read_abbreviations()

# abbr and word come first: only they start with a letter (most positions), so the order
# of the others, which start with a digit, a sign or an apostrophe, is what decides among them
_TOKEN = lazyregex.compile(
    r"""
    (?P<abbr>(?:\p{L}{1,3}\.){2,}(?!\p{L}))
  | (?P<word>\p{L}[\p{L}\p{M}]*(?:(?:['’]|-)\p{L}[\p{L}\p{M}]*)*['’]?)
  | (?P<time>(?<![\p{L}\d])\d{1,2}(?:['’]\d{1,2})?(?:''|’’)(?![\p{L}\d'’])
           | \d{1,2}(?:[.:]\d{2})?['’]\d{1,2}(?:["”]\d{0,2})?(?!\d) | \d{1,2}["”]\d{1,2}(?!\d))
  | (?P<minute>(?<![\p{L}\d])\d{1,3}['’](?:\s?\+\s?\d{1,2}['’]?)?(?![\p{L}\d]))
  | (?P<year>(?<![\p{L}\d'’])['’](?:\d{2}|[1-9]00)(?!\d|['’]\p{L}))
  | (?P<number>[+\-−]?\d+(?:[.,:/–\-]\d+)*(?:[%°ºª]|\s?%)?)
  | (?P<punct>\.\.\.|[^\s\p{L}\d\x00])
    """,
    regex.VERBOSE,
)
_SPACED_ELISION = lazyregex.compile(r"[ \t]+[aeiouàèéìíòóùAEIOUÀÈÉÌÒÙhH]")

class Token:
    """A token of the text: ``start``/``end`` offsets, its ``text``, ``kind`` (word, number,
    minute, year, time, abbr, punct), ``index`` in Segmentation.tokens and ``sentence`` (index
    in Segmentation.sentences). Read-only by contract (mypy enforces it: the attributes are
    Final). The derived attributes (``is_word``, ``elided``, ``capitalised``, ``low``) are
    computed once here: rules ask for them many times per token."""

    __slots__ = ("capitalised", "elided", "end", "index", "is_word", "kind", "low",
                 "sentence", "start", "text")

    def __init__(self, start: int, end: int, text: str, kind: str, index: int,
                 sentence: int) -> None:
        self.start: Final = start
        self.end: Final = end
        self.text: Final = text
        self.kind: Final = kind
        self.index: Final = index
        self.sentence: Final = sentence
        word = kind == "word"
        self.is_word: Final = word
        #: an elided article/preposition such as ``dell'``, glued to the next word
        self.elided: Final = word and text[-1:] in ("'", "’")
        self.capitalised: Final = text[:1].isupper()
        #: the text in lower case with a typographic apostrophe made straight
        low = text.lower().replace("’", "'")
        self.low: Final = text if low == text else low     # no second copy of "il"

    @property
    def bare(self) -> str:
        """The text without a final apostrophe."""
        return self.text.rstrip(APOSTROPHES)

    def _key(self) -> tuple[int, int, str, str, int, int]:
        return (self.start, self.end, self.text, self.kind, self.index, self.sentence)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Token:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"Token(start={self.start!r}, end={self.end!r}, text={self.text!r}, "
                f"kind={self.kind!r}, index={self.index!r}, sentence={self.sentence!r})")


def tokenise(text: str, p_start: int, p_end: int, roles: dict[int, str]) -> list[tuple[int, int, str]]:
    """The tokens of one paragraph as (start, end, kind), elisions split off; the role of
    each apostrophe, minute, year and time mark goes to ``roles`` (offset -> role)."""
    out: list[tuple[int, int, str]] = []
    for m in _TOKEN.finditer(text, p_start, p_end):
        kind = m.lastgroup or "punct"
        start, end = m.span()
        if kind == "word":
            if "'" in text[start:end] or "’" in text[start:end]:
                out.extend(_split_word(text, start, end, roles, out))
            else:
                out.append((start, end, kind))
            continue
        if kind in ("minute", "year", "time"):
            for i in range(start, end):
                if text[i] in "'’\"”":
                    roles[i] = {"minute": MINUTE, "year": YEAR, "time": TIME}[kind]
        if kind == "abbr" or (kind == "punct" and text[start] == "." and out
                              and _is_abbreviation(text, out[-1], start)):
            if kind == "punct":
                prev = out.pop()
                start = prev[0]
                kind = "abbr"
            out.append((start, end, "abbr"))
            continue
        out.append((start, end, kind))
    return out


def _is_abbreviation(text: str, prev: tuple[int, int, str], dot: int) -> bool:
    start, end, kind = prev
    if kind != "word" or end != dot:
        return False
    word = text[start:end]
    if len(word) == 1 and word.isupper():
        # an initial (A. Rossi), but not a letter ending a sentence (in Serie A.)
        before = text[max(0, start - 12):start].split()
        return not before or before[-1].lower() not in _BEFORE_LETTER
    low = word.lower()
    if low not in ABBREVIATIONS or (len(word) == 1 and not word.islower()):
        return False
    if low in ABBREVIATION_WORDS and _capital_follows(text, dot + 1):
        return False        # "il primo set. Poi": a word that ends a sentence
    return True


def _capital_follows(text: str, pos: int) -> bool:
    """A capitalised word (after spaces and opening quotes) follows ``pos``."""
    n = len(text)
    while pos < n and text[pos] in " \t\n\r«“\"'(.":
        pos += 1
    return pos < n and text[pos].isupper()


def _split_word(text: str, start: int, end: int, roles: dict[int, str],
                before: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Split elisions off a word match and record the role of each apostrophe in it."""
    out: list[tuple[int, int, str]] = []
    pos = start
    for i in range(start, end):
        ch = text[i]
        if ch not in APOSTROPHES:
            continue
        if i == end - 1:
            # a final apostrophe: truncation (po'), accent (perche'), or a closing quote
            word = text[pos:i]
            if word.lower() in ELIDING and (text[i + 1:i + 2].isdigit() or (
                    _SPACED_ELISION.match(text, i + 1) and word not in ("C", "D", "M", "N", "S", "T", "V"))):
                # an elision before a number (l'11 agosto, sull'1-0) or typed with a space
                # before a vowel (l' esonero: a slip that typography.elision-space reports)
                roles[i] = ELISION
                out.append((pos, i + 1, "word"))
                return out
            if (word.lower() in TRUNCATED and not word.istitle()) or word.lower() == "po":
                roles[i] = TRUNCATION
            else:
                # a closing quote unless quote pairing finds none open (then an accent)
                roles[i] = QUOTE
                out.append((pos, i, "word"))
                out.append((i, i + 1, "punct"))
                return out
            continue
        left = text[pos:i]
        right_initial = text[i + 1]
        # the tokens before, latest first (not `before + out`: a copy of the paragraph's
        # tokens at each apostrophe made a long paragraph quadratic)
        initial = (not before and not out) or \
            _after_sentence_end(text, chain(reversed(out), reversed(before)))
        if _is_elision(left, right_initial, initial):
            roles[i] = ELISION
            out.append((pos, i + 1, "word"))
            pos = i + 1
        else:
            roles[i] = NAME
    out.append((pos, end, "word"))
    return out


def _after_sentence_end(text: str, latest_first: Iterable[tuple[int, int, str]]) -> bool:
    for start, end, kind in latest_first:
        t = text[start:end]
        if kind == "punct" and t in "«“‘\"'(-–—[„":
            continue
        return kind == "punct" and t in (".", "!", "?", "…", "...", ":")
    return True


def _is_elision(left: str, right_initial: str, sentence_initial: bool) -> bool:
    low = left.lower()
    if low not in ELIDING:
        return False
    if left.islower() or right_initial.islower():
        return True
    # capitalised prefix before a capitalised word: L'Inter opens a sentence; mid-sentence
    # D'Ambrosio, Dell'Orco, N'Dicka are names
    return sentence_initial and low in ELIDING_INITIAL
