"""style.date-case: a month or weekday written with a capital mid-sentence."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.words import MONTH_SET, MONTHS, WEEKDAYS
from sportlint.rules.base import Context, Rule
from sportlint.segment.segmenter import Segmentation
from sportlint.segment.sentences import Sentence
from sportlint.segment.tokens import Token

# Places and institutions named after a date keep the capital: via 20 Settembre,
# stadio 5 Maggio, la Festa del 25 Aprile.
NAMED_AFTER = frozenset("via viale corso piazza piazzale largo vicolo borgo ponte stadio "
                        "quartiere rione parco liceo istituto scuola galleria strada festa "
                        "brigata circolo".split())
# Dates that are the names of holidays and events: il 25 Aprile, il Primo Maggio.
HOLIDAYS = frozenset({("25", "aprile"), ("1", "maggio"), ("primo", "maggio"), ("2", "giugno"),
                      ("8", "marzo"), ("11", "settembre"), ("4", "novembre")})
# Outside a date, the words before a month that make it the month (a Settembre, lo scorso
# Marzo, entro Giugno); after a bare preposition a surname is still possible ("il gol di
# Maggio"), so a month that is also a name in the gazetteer needs one of _STRONG_LEADS.
_MONTH_LEADS = frozenset("a ad di da in entro dal al nel del fino tra fra per verso dallo "
                         "scorso prossimo ogni metà inizio fine primi ultimi mese tutto "
                         "questo quel".split())
_STRONG_LEADS = frozenset("scorso prossimo ogni metà inizio fine primi ultimi mese tutto "
                          "questo quel".split())
# Before or after a weekday: the words that make it the day (di Domenica, Sabato sera).
_WEEKDAY_LEADS = frozenset("di il lo la ogni questo questa prossimo prossima scorso scorsa "
                           "da a entro fino per tra fra al del dal nel sino".split())
_WEEKDAY_TAILS = frozenset("sera mattina mattino pomeriggio notte prossimo prossima scorso "
                           "scorsa".split())


class DateCase(Rule):
    """A month or weekday written with a capital mid-sentence ("il 5 Maggio", "a Settembre", "Domenica 3").

    What it catches:
    Italian writes months and days of the week in lower case: "domenica 5 maggio", not
    "Domenica 5 Maggio" (a weekday keeps its capital only where any word would, first in a
    sentence). In a date: a month right after a day number ("5 Maggio", "1º Marzo") and a
    weekday right before one ("Domenica 3"). Outside a date: a month before a year ("a
    Marzo 2023") or after the words that make it the month ("a Settembre", "lo scorso
    Giugno", "tra agosto e Settembre"), a weekday after "di", "ogni", "il prossimo" or
    before "sera", "mattina".

    Stays silent on:
    The first word of a sentence; surnames such as Maggio or the name Domenica (a month
    that is a name in the gazetteer needs a year or "scorso", "mese di" ... to be the
    month); a month or weekday beside another capitalised word (Maggio Musicale, Venerdì
    Santo, via XX Settembre). Places and events named after a date keep the capital: via 20
    Settembre, stadio 5 Maggio, il 25 Aprile, il Primo Maggio. A heading written in title
    case.

    Why:
    Capitalised months and weekdays are an English habit that Italian spelling does not
    share.

    Example:
        La finale si gioca Sabato 3 Giugno.
        -> La finale si gioca sabato 3 giugno.

    Fix:
    Writes the month or weekday in lower case.

    Fix safety:
    Safe. (No options.)
    """

    id = "style.date-case"
    severity = Severity.WARNING
    fixes_names = True      # the capital it removes is a month's or weekday's, in a date

    def check(self, ctx: Context) -> Iterator[Finding]:
        seg = ctx.seg
        for sentence in seg.sentences:
            tokens = seg.sentence_tokens(sentence)
            if _title_case(sentence, tokens):
                continue
            for tok in tokens:
                low = tok.text.lower()
                if not tok.is_word or not tok.text[:1].isupper() or tok.text[1:2].isupper():
                    continue
                if low in MONTHS and (self._month_in_date(seg, tok)
                                      or _month_elsewhere(ctx, seg, tok)):
                    yield self._flag(tok, "Il mese")
                elif low in WEEKDAYS and not seg.is_sentence_initial(tok):
                    nxt = seg.next_token(tok)
                    if (nxt is not None and nxt.kind == "number" and _day(nxt.text)) or \
                            _weekday_elsewhere(seg, tok):
                        yield self._flag(tok, "Il giorno della settimana")

    def _flag(self, tok: Token, what: str) -> Finding:
        right = tok.text.lower()
        return self.finding(tok.start, tok.end,
                            f"{what} si scrive minuscolo: «{right}», non «{tok.text}».",
                            [right], fix=Applicability.SAFE)

    @staticmethod
    def _month_in_date(seg: Segmentation, tok: Token) -> bool:
        day = seg.prev_token(tok)
        if day is None or not ((day.kind == "number" and _day(day.text)) or day.text == "primo"):
            return False
        key = (day.text.rstrip("º°").lower(), tok.text.lower())
        if key in HOLIDAYS:
            return False
        before = seg.prev_token(day)
        if before is not None and before.text.lower() in ("del", "dello", "di"):
            before = seg.prev_token(before)
        return before is None or before.text.lower() not in NAMED_AFTER


def _beside_a_name(seg: Segmentation, tok: Token) -> bool:
    """A capitalised word right before or after (Maggio Musicale, XX Settembre)."""
    prev, nxt = seg.prev_token(tok), seg.next_token(tok)
    return any(t is not None and t.is_word and t.capitalised for t in (nxt, prev)) and not (
        prev is not None and prev.capitalised and seg.is_sentence_initial(prev)
        and (nxt is None or not nxt.capitalised))


def _month_elsewhere(ctx: Context, seg: Segmentation, tok: Token) -> bool:
    if seg.is_sentence_initial(tok) or _beside_a_name(seg, tok):
        return False
    nxt, prev = seg.next_token(tok), seg.prev_token(tok)
    year = nxt is not None and nxt.kind == "number" and len(nxt.text) == 4 and nxt.text.isdigit()
    lead = prev.low.rstrip("'") if prev is not None and prev.is_word else ""
    tail = nxt.low if nxt is not None and nxt.is_word else ""
    strong = year or lead in _STRONG_LEADS or tail in ("scorso", "prossimo")
    if strong:
        return True
    if lead in ("e", "ed", "o") and prev is not None:
        other = seg.prev_token(prev)       # tra Agosto e Settembre, Gennaio o Febbraio
        if other is not None and other.low in MONTH_SET:
            return not ctx.resources.get("gazetteer").has_token(tok.text)
    return lead in _MONTH_LEADS and not ctx.resources.get("gazetteer").has_token(tok.text)


def _weekday_elsewhere(seg: Segmentation, tok: Token) -> bool:
    if _beside_a_name(seg, tok):
        return False
    nxt, prev = seg.next_token(tok), seg.prev_token(tok)
    lead = prev.low.rstrip("'") if prev is not None and prev.is_word else ""
    tail = nxt.low if nxt is not None and nxt.is_word else ""
    return lead in _WEEKDAY_LEADS or tail in _WEEKDAY_TAILS


def _day(text: str) -> bool:
    digits = text.rstrip("º°")
    return digits.isdigit() and 1 <= int(digits) <= 31


def _title_case(sentence: Sentence, tokens: list[Token]) -> bool:
    """A heading with most of its words capitalised (Il Derby Di Domenica 5 Maggio)."""
    if not sentence.heading:
        return False
    words = [t for t in tokens[1:] if t.is_word and len(t.text) > 3]
    return bool(words) and sum(t.text[:1].isupper() for t in words) * 2 > len(words)
