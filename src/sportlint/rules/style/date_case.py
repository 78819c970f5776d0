"""style.date-case: a month or weekday written with a capital inside a date."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.words import MONTHS, WEEKDAYS
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


class DateCase(Rule):
    """A month or weekday written with a capital inside a date ("il 5 Maggio", "si gioca Domenica 3").

    What it catches:
    Italian writes months and days of the week in lower case: "domenica 5 maggio", not
    "Domenica 5 Maggio" (a weekday keeps its capital only where any word would, first in a
    sentence). The rule looks only at dates: a month right after a day number ("5 Maggio",
    "1º Marzo") and a weekday right before one ("Domenica 3").

    Stays silent on:
    Surnames such as Maggio or the name Domenica (outside a date). Places and events named
    after a date keep the capital: via 20 Settembre, stadio 5 Maggio, il 25 Aprile, il Primo
    Maggio. A heading written in title case.

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
                if low in MONTHS and self._month_in_date(seg, tok):
                    yield self._flag(tok, "Il mese")
                elif low in WEEKDAYS and not seg.is_sentence_initial(tok):
                    nxt = seg.next_token(tok)
                    if nxt is not None and nxt.kind == "number" and _day(nxt.text):
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


def _day(text: str) -> bool:
    digits = text.rstrip("º°")
    return digits.isdigit() and 1 <= int(digits) <= 31


def _title_case(sentence: Sentence, tokens: list[Token]) -> bool:
    """A heading with most of its words capitalised (Il Derby Di Domenica 5 Maggio)."""
    if not sentence.heading:
        return False
    words = [t for t in tokens[1:] if t.is_word and len(t.text) > 3]
    return bool(words) and sum(t.text[:1].isupper() for t in words) * 2 > len(words)
