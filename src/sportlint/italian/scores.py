"""Recognise match scores in Italian copy (a helper for the ``scores.*`` rules, not a rule).

A score is two small numbers joined by a hyphen or an en dash (``2-1``, ``2–1``, ``2 - 1``)
or by ``a`` (``2 a 1``), that the words around it mark as a result: a result verb or noun
before it (``vincere per``, ``battere``, ``imporsi``, ``pareggiare``, ``sconfitta``), an
introducing phrase (``con il punteggio di``, ``con il risultato di``, ``per``), an article
(``il 2-1``, ``l'1-0``, ``sul 2-2``), brackets (``(2-1)``), a following ``finale``/``contro``/
``sul``, or a fixture (``Bologna-Livorno 1-0``).

Not scores: formations (``4-2-3-1``, ``3-5-2``), seasons (``2020-21``, ``2006-07``,
``1975-1976``), dates (``25-26 maggio``, ``31/12/2020``), minute marks (``al 23'``, a token
of its own), ranges (``10-15 minuti``, ``da 2 a 5 giocatori``), standings (``+11``). Aggregate
scores (``4-3 complessivo``) are recognised but marked, so a rule about one match can skip them.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from sportlint.italian.words import MONTHS
from sportlint.segment.segmenter import Segmentation
from sportlint.segment.tokens import Token
from sportlint.util import lazyregex

# -- vocabulary ----------------------------------------------------------------------------

# Result verbs and nouns (stems): a number pair after one of them is a score.
_RESULT_STEMS = lazyregex.compile(
    r"^(?:vinc|vins|vitt|battut|batt[eo]|batter|imp[oó]n|impos|pareggi|pari$|perd|pers[aeio]?$|"
    r"sconfi|cad(?:[eouù]|d)|super[aò]|superat|chius|chiud|termin|fini|conclu|travol|rifil|"
    r"espugn|regol|liquid|stes[aio]?$|stend|rimont|piega|piegat|trionf|"
    r"success|punteggio|risultat|score|parzial|segn[aò]|firma|sigl|realizz|fermat|"
    r"ferm[aò]|blocc|costrett|umili|domin|strapazz|asfalt|sbanc|passa|vincent|vittorios|"
    r"affermazion|netto$|secco$|rotondo$|tennistic|goleada|manita|cinquin|poker|tris$)")

# Phrases that introduce a score: restating them twice is the scores.restated defect.
# Matched on the lower-cased words before the score, longest first.
INTRO_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split()) for p in sorted((
        "con il punteggio di", "con il risultato di", "col punteggio di", "col risultato di",
        "con un punteggio di", "con un risultato di", "con lo score di", "sul punteggio di",
        "con il punteggio finale di", "con il risultato finale di", "con il punteggio",
        "con il risultato", "col punteggio", "col risultato", "con il punteggio finale",
        "con il risultato finale", "sul punteggio", "sul risultato di", "per",
    ), key=lambda p: -len(p.split())))
STRONG_INTROS = frozenset(p for p in INTRO_PHRASES if p != ("per",))

# An article or preposition straight before a number pair makes it a score (il 2-1, l'1-0).
_ARTICLES = frozenset("""
il lo un l' del dello dell' nel nello nell' sul sullo sull' al allo all' dal dallo dall'
col coll' quel quell' questo quest' netto secco
""".split())
# Words right after a number pair that make it a score.
_AFTER_CUES = frozenset("finale finali contro sul sulla sullo sull' sui sugli".split())
# A label names which score it is: two equal scores with labels are two facts.
LABELS = frozenset("""
andata ritorno tempo tempi intervallo riposo pausa ripresa frazione finale regolamentari
supplementari supplementare rigori set parziale parziali complessivo complessiva aggregato
totale doppio confronto gara game tie-break quarto quarti periodo inning round manche
""".split())
_AGGREGATE = frozenset("complessivo complessiva aggregato totale computo doppio".split())
# Words after a number pair that make it a quantity range, not a score.
UNITS = frozenset("""
minuti minuto secondi secondo ore ora giorni giorno settimane settimana mesi mese anni anno
stagioni volte gol reti punti euro dollari sterline franchi milioni milione mila miliardi
km chilometri metri m cm mm kg chili grammi gradi posti partite gare giornate turni persone
giocatori calciatori atleti tifosi spettatori squadre club titoli trofei presenze
centimetri litri pagine pagina abitanti voti tiri cartellini ammonizioni espulsi infortunati
cm. kg. km. mt h pp giri tappe scudetti medaglie vittorie sconfitte pareggi lunghezze lunghezza
posizioni posizione
""".split())
# Words before a number pair that make it a time, page or range rather than a score.
_NOT_BEFORE = frozenset("""
ore alle dalle le tra fra pagine pagina pp pag art articolo comma numeri numero nn n
versetti capitoli capitolo tavola figura fig età under over anni
""".split())
_RANGE_BEFORE = frozenset("da dal dai dagli dalle tra fra".split())

_PAIR = lazyregex.compile(r"(\d{1,3})([-–—])(\d{1,3})")
_SMALL = lazyregex.compile(r"\d{1,3}")
DASHES = "-–—"


@dataclass(frozen=True)
class Score:
    """One score. ``start``/``end`` cover the numbers and their separator only."""

    start: int
    end: int
    home: int
    away: int
    sep: str                  # "-", "–", "—", " a ", " - ", " – "
    sentence: int
    first: int                # index of the first token of the score
    last: int                 # index of the last token of the score
    intro: tuple[str, ...]    # introducing phrase ("per", "con il punteggio di"), () if none
    intro_start: int          # offset where the intro phrase starts (== start without one)
    intro_first: int          # token index where the intro phrase starts (== first without one)
    parenthesised: bool       # "(2-1)" or "(2-1, ...)"
    label: str                # nearest label word ("andata", "tempo", ...), "" if none
    aggregate: bool           # "4-3 complessivo": not the score of one match

    @property
    def value(self) -> tuple[int, int]:
        return self.home, self.away

    @property
    def format(self) -> str:
        """The separator class: "-", "–" or " a " (spaced dashes count as their dash)."""
        sep = self.sep.strip() or self.sep
        return " a " if sep == "a" else sep


def word_before(seg: Segmentation, index: int) -> tuple[str, int]:
    """The lower-cased word before token ``index`` in its sentence, with a split elision
    glued back (``l`` + ``'`` before a digit is ``l'``), and the index it starts at."""
    tokens = seg.tokens
    i = index - 1
    if i < 0 or tokens[i].sentence != tokens[index].sentence:
        return "", index
    tok = tokens[i]
    if tok.kind == "punct" and tok.text in "'’" and i > 0 and tokens[i - 1].end == tok.start \
            and tokens[i - 1].is_word and tokens[i - 1].sentence == tok.sentence:
        return tokens[i - 1].text.lower() + "'", i - 1
    return tok.text.lower().replace("’", "'"), i


def words_before(seg: Segmentation, index: int, n: int) -> list[tuple[str, int]]:
    """Up to ``n`` words before token ``index`` (nearest first)."""
    out: list[tuple[str, int]] = []
    i = index
    while len(out) < n:
        word, i = word_before(seg, i)
        if not word:
            break
        out.append((word, i))
    return out


def words_after(seg: Segmentation, index: int, n: int) -> list[tuple[str, int]]:
    """Up to ``n`` lower-cased token texts after token ``index`` (nearest first)."""
    tokens = seg.tokens
    out = []
    for j in range(index + 1, min(len(tokens), index + 1 + n)):
        if tokens[j].sentence != tokens[index].sentence:
            break
        out.append((tokens[j].text.lower().replace("’", "'"), j))
    return out


def is_result_word(word: str) -> bool:
    return bool(_RESULT_STEMS.match(word))


def _intro(seg: Segmentation, first: int) -> tuple[tuple[str, ...], int]:
    """The phrase introducing the score at token ``first`` and the token it starts at."""
    before = words_before(seg, first, 5)
    words = [w for w, _ in before]
    for phrase in INTRO_PHRASES:
        n = len(phrase)
        if len(words) >= n and tuple(reversed(words[:n])) == phrase:
            return phrase, before[n - 1][1]
    return (), first


def _candidates(seg: Segmentation) -> list[tuple[int, int, int, int, str]]:
    """(first token, last token, home, away, separator) of number pairs shaped like scores."""
    tokens = seg.tokens
    text = seg.text
    out = []
    for i, tok in enumerate(tokens):
        if tok.kind != "number":
            continue
        m = _PAIR.fullmatch(tok.text)
        if m:
            if _leading_zero(m.group(1)) or _leading_zero(m.group(3)):
                continue
            out.append((i, i, int(m.group(1)), int(m.group(3)), m.group(2)))
            continue
        if not _SMALL.fullmatch(tok.text) or _leading_zero(tok.text) or i + 2 >= len(tokens):
            continue
        mid, right = tokens[i + 1], tokens[i + 2]
        if right.kind != "number" or not _SMALL.fullmatch(right.text) or _leading_zero(right.text) \
                or right.sentence != tok.sentence:
            continue
        if text[tok.end:mid.start] != " " or text[mid.end:right.start] != " ":
            continue
        if mid.text == "a" or (mid.kind == "punct" and mid.text in DASHES):
            before = tokens[i - 1] if i > 0 else None
            after = tokens[i + 3] if i + 3 < len(tokens) else None
            if (before is not None and before.kind == "punct" and before.text in DASHES) or \
                    (after is not None and after.kind == "punct" and after.text in DASHES):
                continue   # 4 - 4 - 2
            sep = " a " if mid.text == "a" else f" {mid.text} "
            out.append((i, i + 2, int(tok.text), int(right.text), sep))
    return out


def _leading_zero(digits: str) -> bool:
    return len(digits) > 1 and digits[0] == "0"


def _label(seg: Segmentation, first: int, last: int) -> tuple[str, bool]:
    """The label word nearest the score (looking past its intro phrase), and whether the
    score is an aggregate."""
    near = [w for w, _ in words_before(seg, first, 4)] + [w for w, _ in words_after(seg, last, 3)]
    aggregate = any(w in _AGGREGATE for w in near)
    for w in near:
        if w in LABELS:
            return w, aggregate
    return "", aggregate


def _excluded(seg: Segmentation, first: int, last: int, sep: str) -> bool:
    """True when the words around a number pair make it a quantity, a range, a date or a
    time rather than a score."""
    prev = word_before(seg, first)[0]
    after = words_after(seg, last, 2)
    nxt = after[0][0] if after else ""
    nxt2 = after[1][0] if len(after) > 1 else ""
    return nxt in UNITS or nxt in MONTHS or (nxt in ("per", "x") and nxt2 in ("cento", "mille")) \
        or prev in _NOT_BEFORE or (sep == " a " and prev in _RANGE_BEFORE)


def _classify(seg: Segmentation, first: int, last: int, sep: str,
              intro: tuple[str, ...]) -> bool:
    """True when the words around a number pair make it a score."""
    tokens = seg.tokens
    before = words_before(seg, first, 5)
    after = words_after(seg, last, 3)
    prev = before[0][0] if before else ""
    nxt = after[0][0] if after else ""
    nxt2 = after[1][0] if len(after) > 1 else ""
    if intro:
        return True
    paren = prev == "(" and nxt in (")", ",", ";")
    if paren and sep != " a ":
        return True
    if prev in _ARTICLES or any(is_result_word(w) for w, _ in before[:4]):
        return True
    if sep == " a ":
        return False   # "2 a 1" needs a result word or an introducing phrase
    if nxt in _AFTER_CUES or (nxt in ("in", "a", "ad") and len(after) > 1 and (
            nxt2 in ("casa", "trasferta", "domicilio") or tokens[after[1][1]].capitalised)):
        return True
    if nxt in (")", ",") and _inside_brackets(seg, first):
        return True   # "(Soldado decide a Pamplona, 0-1)"
    if prev == ":" and (not nxt or nxt in (".", ",", ";", ")")):
        return True
    # a fixture before it: "Bologna-Livorno 1-0", "Real Sociedad - Getafe 1-1"
    if before and tokens[before[0][1]].capitalised:
        window = [w for w, _ in before[:4]]
        if "-" in tokens[before[0][1]].text or any(w in ("-", "–") for w in window):
            return True
    return False


def _inside_brackets(seg: Segmentation, index: int) -> bool:
    for word, _ in words_before(seg, index, 12):
        if word == ")":
            return False
        if word == "(":
            return True
    return False


def find_scores(seg: Segmentation) -> list[Score]:
    """Every score in the document, in order (cached per segmentation)."""
    cached = _CACHE.get(id(seg))
    if cached is not None and cached[0]() is seg:
        return cached[1]
    scores: list[Score] = []
    tokens = seg.tokens
    for first, last, home, away, sep in _candidates(seg):
        intro, intro_first = _intro(seg, first)
        # a list of scores: "25-21 e 25-23", "6-4, 6-3"
        listed = bool(scores) and word_before(seg, first)[0] in (",", "e", "ed") and \
            scores[-1].last == first - 2 and scores[-1].sentence == tokens[first].sentence
        if _excluded(seg, first, last, sep) or \
                (not listed and not _classify(seg, first, last, sep, intro)):
            continue
        label, aggregate = _label(seg, intro_first, last)
        prev = word_before(seg, first)[0]
        nxt = tokens[last + 1].text if last + 1 < len(tokens) else ""
        scores.append(Score(
            tokens[first].start, tokens[last].end, home, away, sep, tokens[first].sentence,
            first, last, intro, tokens[intro_first].start if intro else tokens[first].start,
            intro_first, prev == "(" and nxt in (")", ",", ";"), label, aggregate))
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[id(seg)] = (weakref.ref(seg), scores)
    return scores


def score_spans(seg: Segmentation) -> list[tuple[int, int]]:
    """Spans of every number pair shaped like a score, recognised as one or not (a rule
    about single numbers leaves all of them alone)."""
    return [(seg.tokens[f].start, seg.tokens[la].end) for f, la, *_ in _candidates(seg)]


def token_in_spans(tok: Token, spans: list[tuple[int, int]]) -> bool:
    return any(s <= tok.start and tok.end <= e for s, e in spans)


_CACHE: dict[int, tuple[weakref.ref[Segmentation], list[Score]]] = {}
