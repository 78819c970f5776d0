"""The article's form before a number, as the number is read ("il 8 marzo" -> "l'8 marzo")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.numwords import number_word
from sportlint.italian.words import MONTH_SET
from sportlint.rules.base import Context, Rule
from sportlint.rules.grammar._helpers import capitalise_like, plain_case, with_apostrophe

# Each masculine form -> its forms before a consonant, a vowel and a z ("il 2-0", "l'8
# marzo", "lo 0-0"; "i 3 gol", "gli 8 gol", "gli 0 punti").
_FORMS = [("il", "l'", "lo"), ("del", "dell'", "dello"), ("al", "all'", "allo"),
          ("dal", "dall'", "dallo"), ("nel", "nell'", "nello"), ("sul", "sull'", "sullo"),
          ("i", "gli", "gli"), ("dei", "degli", "degli"), ("ai", "agli", "agli"),
          ("dai", "dagli", "dagli"), ("nei", "negli", "negli"), ("sui", "sugli", "sugli")]
_FAMILY = {form: forms for forms in _FORMS for form in forms}
_CLASS = {"c": 0, "v": 1, "z": 2}
_LEADING = re.compile(r"\d{1,3}(?:\.\d{3})+(?!\d)|\d+")


def reading_initial(number: int) -> str | None:
    """"v" when the number is read with a vowel first ("otto", "undici", "ottanta",
    "ottocento", "ottomila"), "z" for zero, "c" for a consonant; None when it is too
    large to say."""
    if number == 0:
        return "z"
    if number <= 100:
        return "v" if number_word(number)[0] in "aeiou" else "c"
    if number < 1000:
        hundreds = number // 100
        return "v" if hundreds == 8 else "c"           # ottocento; cento, duecento ...
    if number < 1_000_000:
        thousands = number // 1000
        return "c" if thousands == 1 else reading_initial(thousands)   # mille; ottomila
    return None


class ArticleBeforeNumber(Rule):
    """The article's form before a number, as it is read ("il 8 marzo" -> "l'8 marzo").

    What it catches:
    A masculine article or articulated preposition before a number takes the form the
    number's reading wants: "l'8 marzo", "dell'11 settembre", "all'80'", "l'1-0" (uno a
    zero), "l'1,5%", "lo 0-0", "gli 8 gol", "degli 800 metri"; and "il", "i" before a
    number read with a consonant ("il 2-1", not "l'2-1").

    Stays silent on:
    A plain "1" (it is read "primo" in dates, "il 1° maggio", "il 1 maggio", and "uno"
    elsewhere): only a score, a decimal or a percentage that starts with 1 is judged;
    minute marks that start with 1 ("al 1'"); numbers of a million and more; names.

    Why:
    An article agrees with the sound of the next word, and a number is read aloud: "l'8"
    is "l'otto", "il 8" is "il otto".

    Example:
        La festa è fissata per il 8 marzo.
        -> La festa è fissata per l'8 marzo.

    Fix:
    The article's form for the number's first sound.

    Fix safety:
    Safe: only the article's form changes.
    """

    id = "grammar.article-before-number"
    severity = Severity.WARNING
    skip_quoted = False

    def check(self, ctx: Context) -> Iterator[Finding]:
        seg = ctx.seg
        for tok in seg.words:
            forms = _FAMILY.get(tok.low.replace("’", "'"))
            if forms is None or not plain_case(seg, tok):
                continue
            nxt = seg.next_token(tok)
            if nxt is None or nxt.kind not in ("number", "minute"):
                continue
            glue = ctx.text[tok.end:nxt.start]
            if glue not in ("", " ") or (glue == "" and not tok.text.endswith(("'", "’"))):
                continue
            initial = self.initial(ctx, nxt)
            if initial is None:
                continue
            right = forms[_CLASS[initial]]
            if right == tok.low.replace("’", "'"):
                continue
            right = capitalise_like(with_apostrophe(right, ctx.style), tok.text)
            fixed = right + ("" if right[-1:] in "'’" else " ") + nxt.text
            yield self.finding(
                tok.start, nxt.end,
                f"«{ctx.text[tok.start:nxt.end]}»: davanti al numero, che si legge "
                f"«{self.spoken(nxt)}», l'articolo è «{right.rstrip()}».", [fixed],
                fix=Applicability.SAFE)

    @staticmethod
    def initial(ctx: Context, nxt: object) -> str | None:
        text: str = nxt.text  # type: ignore[attr-defined]
        m = _LEADING.match(text)
        if m is None:
            return None
        digits = m.group().replace(".", "")
        number = int(digits)
        rest = text[m.end():]
        if number == 1:
            # "uno" only in a score, a decimal or a percentage: "l'1-0", "l'1,5%"
            if nxt.kind != "number" or rest[:1] not in ("-", "–", ",", "%"):  # type: ignore[attr-defined]
                return None
            after = ctx.seg.next_token(nxt)  # type: ignore[arg-type]
            if after is not None and after.low in MONTH_SET:
                return None
        return reading_initial(number)

    @staticmethod
    def spoken(nxt: object) -> str:
        m = _LEADING.match(nxt.text)  # type: ignore[attr-defined]
        number = int(m.group().replace(".", "")) if m else 0
        return number_word(number) if number <= 100 else str(number)
