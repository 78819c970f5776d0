"""numbers.decimal-point: a decimal written with a point where Italian writes a comma (62.5%)."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.words import ARTICLES, ARTICULATED, DI_ARTICLES, PREPOSITIONS
from sportlint.rules.base import Context, Rule
from sportlint.rules.numbers._context import words_before
from sportlint.segment.segmenter import Segmentation
from sportlint.segment.tokens import Token
from sportlint.util import lazyregex

_POINT = lazyregex.compile(r"(?P<int>\d+)\.(?P<frac>\d+)(?P<pct>\s?%)?")
_COMMA = lazyregex.compile(r"\d+,\d+\s?%?")
# Units and counts after which the number is a quantity (1.5 milioni, 9.58 secondi).
UNITS = frozenset("""
percento m cm mm km kg g gr metri metro centimetri millimetri chilometri chilogrammi chili
grammi secondi punti gol reti milioni milione miliardi miliardo mila euro dollari sterline
franchi gradi litri tonnellate ettari volte assist rimbalzi km/h
""".split())
# Before the number: a time of day (alle 21.30), a section or version (art. 3.2, Web 2.0).
_NOT_DECIMAL = frozenset("""
alle ore dalle le entro verso h fino delle tra fra art articolo comma capitolo cap paragrafo
par sezione punto versione web industria release v ver tabella tab figura fig pagina pag
""".split())
# Before a quantity (not a label such as "l'emendamento 1.1"): articles, prepositions,
# the words of an estimate.
_LEADS = ARTICLES | PREPOSITIONS | ARTICULATED | DI_ARTICLES | frozenset(
    "ad circa oltre quasi ben solo appena e o è era vale media".split())
# Sports scored by judges to the thousandth: 14.825 here is a score, not fourteen thousand.
_JUDGED = lazyregex.compile(r"ginnast|tuff|pattinat|pattinaggio|volteggio|trave|corpo libero|"
                            r"parallele|anelli|sbarra|trampolino|cavallo con maniglie|ritmica",
                            regex.IGNORECASE)


class DecimalPoint(Rule):
    """A decimal written with a point where Italian writes the comma: "62.5%" -> "62,5%".

    What it catches:
    - a number with a point and one, two or four or more decimals before a unit or a
      percentage ("il 62.5%", "1.5 milioni", "9.58 secondi");
    - "14.825 punti" in a sport scored by judges (gymnastics, diving, skating), where the
      three digits after the point are thousandths;
    - any other decimal with a point in an article that writes its other decimals with a
      comma (the separators mixed in one article).

    Stays silent on:
    Thousands ("10.000 spettatori", "14.825 spettatori"), times of day ("alle 21.30"),
    sections and versions ("art. 3.2", "Web 2.0"), dates ("3.5.2020"), decimals written
    with the comma.

    Why:
    Italian uses the comma as the decimal separator and the point for thousands: "14.825"
    is read as fourteen thousand, "62.5%" as an English number.

    Example:
        Ha preso il 62.5% dei voti.
        -> Ha preso il 62,5% dei voti.

    Fix:
    Writes the comma for the point.

    Fix safety:
    Safe before a unit or a percentage; unsafe for the judged scores and for the numbers
    found only by the article's other decimals. (No options.)
    """

    id = "numbers.decimal-point"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        seg = ctx.seg
        numbers = [t for t in seg.tokens if t.kind == "number"]
        commas = sum(1 for t in numbers if _COMMA.fullmatch(t.text))
        for tok in numbers:
            m = _POINT.fullmatch(tok.text)
            glued = seg.text[tok.start - 1] if tok.start else " "
            if m is None or glued in ".,/" or glued.isalnum():
                continue
            before = words_before(seg, tok, 1)
            if before and before[0] in _NOT_DECIMAL:
                continue
            nxt = seg.next_token(tok)
            unit = bool(m["pct"]) or _unit(seg, nxt)
            frac = m["frac"]
            right = f"{m['int']},{frac}{m['pct'] or ''}"
            if len(frac) == 3:
                if len(m["int"]) <= 2 and nxt is not None and nxt.low == "punti" \
                        and _JUDGED.search(_sentence_text(seg, tok)):
                    yield self._flag(tok, right, "un punteggio dei giudici, in millesimi: ",
                                     Applicability.UNSAFE)
            elif _time_of_day(m, nxt):
                continue
            elif unit:
                yield self._flag(tok, right, "", Applicability.SAFE)
            elif commas and len(m["int"]) <= 3 and before and before[0] in _LEADS:
                yield self._flag(tok, right, "l'articolo scrive gli altri decimali con la "
                                 "virgola: ", Applicability.UNSAFE)

    def _flag(self, tok: Token, right: str, why: str, fix: Applicability) -> Finding:
        return self.finding(tok.start, tok.end,
                            f"In italiano i decimali si separano con la virgola ({why}"
                            f"«{right}», non «{tok.text}»).", [right], fix=fix)


def _time_of_day(m: regex.Match[str], nxt: Token | None) -> bool:
    hours, minutes = int(m["int"]), m["frac"]
    return not m["pct"] and len(minutes) == 2 and hours <= 24 and int(minutes) < 60 and \
        (nxt is None or nxt.low not in UNITS)


def _unit(seg: Segmentation, nxt: Token | None) -> bool:
    if nxt is None:
        return False
    if nxt.low == "per":                # "per cento"
        after = seg.next_token(nxt)
        return after is not None and after.low == "cento"
    return nxt.low in UNITS


def _sentence_text(seg: Segmentation, tok: Token) -> str:
    s = seg.sentences[tok.sentence]
    return seg.text[s.start:s.end]
