"""numbers.elided-year: a year shortened to two digits without its apostrophe (anni 70, Italia 90)."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.lexicon import Lexicon
from sportlint.rules.base import Context, Rule
from sportlint.rules.numbers._context import words_before
from sportlint.segment.segmenter import Segmentation
from sportlint.segment.tokens import Token
from sportlint.util import lazyregex

# "anni 70", "anni 70-80", "anni 70'" (the apostrophe typed after the digits)
_DECADE = lazyregex.compile(r"([1-9]0)(?:([-–])([1-9]0))?(['’]?)")
# Words before "anni" that make it the decades, not an age ("di anni 45", "ha anni 70").
_DECADE_LEAD = frozenset("gli negli degli agli dagli sugli fine inizio metà primi ultimi "
                         "tardi anni' cavallo tra fra".split())
# Words that name an event by its place and year: i Mondiali di Italia 90, Euro 88.
_EVENTS = frozenset("mondiali mondiale mundial europei europeo olimpiadi olimpiade giochi "
                    "edizione coppa campionato campionati rassegna torneo spedizione".split())
_EVENT_NAMES = frozenset({"Euro", "Mundial", "Expo"})
# "al prezzo di Euro 50": the currency, not the championship.
_PRICE = frozenset("prezzo prezzi costo costa costano pagato paga pagare vale spesa spese "
                   "biglietto biglietti multa ammenda stipendio quota importo totale".split())


class ElidedYear(Rule):
    """A year cut to two digits without the apostrophe: "anni 70" -> "anni '70", "Italia 90" -> "Italia '90".

    What it catches:
    - the decades written with bare digits after "anni" ("negli anni 70", "gli anni 80-90"),
      or with the apostrophe after the digits ("anni 70'");
    - an event named by its place and a two-digit year ("i Mondiali di Italia 90",
      "Euro 88", "a Messico 86" after Mondiali or Europei).

    Stays silent on:
    Decades written out ("anni Sessanta"), a correct elision ("anni '80"), an age ("di anni
    45", "un uomo di anni 70"), a number after a place that counts something ("ha
    giocato con l'Italia 90 minuti"), an odd year (the World Cups, the Euros and the
    Olympic Games fall in even years), a price ("al prezzo di Euro 50").

    Why:
    The apostrophe stands for the dropped century: without it "anni 70" reads as seventy
    years and "Italia 90" as a count.

    Example:
        Ai Mondiali di Italia 90 e negli anni 80.
        -> Ai Mondiali di Italia '90 e negli anni '80.

    Fix:
    Puts the apostrophe before the two digits (the article's own apostrophe, else the house
    style's `style.apostrophe`).

    Fix safety:
    Safe for the decades; unsafe for an event, where a count is still possible.
    (No options.)
    """

    id = "numbers.elided-year"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        seg = ctx.seg
        mark = _apostrophe(ctx)
        lex: Lexicon | None = None
        for tok in seg.tokens:
            if tok.kind not in ("number", "minute"):
                continue
            prev = seg.prev_token(tok)
            if prev is None or not prev.is_word or prev.end == tok.start:
                continue
            if prev.low == "anni":
                m = _DECADE.fullmatch(tok.text)
                if m is None or (m[4] and tok.kind != "minute"):
                    continue
                lead = words_before(seg, prev, 1)
                if not lead or lead[0] not in _DECADE_LEAD:
                    continue
                right = mark + m[1] + (m[2] + mark + m[3] if m[2] else "")
                yield self._flag(tok, right, Applicability.SAFE)
            elif tok.kind == "number" and len(tok.text) == 2 and tok.text.isdigit() \
                    and prev.capitalised:
                if lex is None:
                    lex = ctx.resources.get("lexicon")
                if self._event(ctx, seg, prev, tok, lex):
                    yield self._flag(tok, mark + tok.text, Applicability.UNSAFE)

    def _flag(self, tok: Token, right: str, fix: Applicability) -> Finding:
        return self.finding(tok.start, tok.end,
                            f"L'anno abbreviato vuole l'apostrofo: «{right}», non «{tok.text}».",
                            [right], fix=fix)

    @staticmethod
    def _event(ctx: Context, seg: Segmentation, place: Token, tok: Token, lex: Lexicon) -> bool:
        nxt = seg.next_token(tok)
        if nxt is not None and nxt.is_word and (lex.has_pos(nxt.low, "NOUN", "ADJ")
                                                or not lex.is_word(nxt.low)):
            return False            # "l'Italia 90 minuti": a count
        if nxt is not None and nxt.kind not in ("word", "punct"):
            return False
        if int(tok.text) % 2:
            return False            # the World Cups, the Euros and the Games fall in even years
        if place.text in _EVENT_NAMES:
            return not _PRICE.intersection(words_before(seg, place, 3))
        if ctx.resources.get("gazetteer").kind(place.text) not in ("place", "club"):
            return False
        return bool(_EVENTS.intersection(words_before(seg, place, 3)))


def _apostrophe(ctx: Context) -> str:
    text = ctx.doc.masked
    straight, curly = text.count("'"), text.count("’")
    if straight != curly:
        return "'" if straight > curly else "’"
    return str(ctx.style.get("apostrophe", "'"))
