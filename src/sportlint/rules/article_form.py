"""The masculine article's form by the next word's initial: il/lo/l', i/gli, un/uno."""

from __future__ import annotations

from collections.abc import Iterator

from ..grammar import VOWELS, capitalise_like, low, next_word, plain_case, with_apostrophe
from ..lexicon import Lexicon
from ..model import Applicability, Finding, Severity
from ..rule import Context, Rule

# form -> (before a plain consonant, before s+consonant/z/gn/ps/x, before a vowel), by number
_SINGULAR = {
    "il": ("il", "lo", "l'"), "lo": ("il", "lo", "l'"), "un": ("un", "uno", "un"),
    "del": ("del", "dello", "dell'"), "dello": ("del", "dello", "dell'"),
    "al": ("al", "allo", "all'"), "allo": ("al", "allo", "all'"),
    "dal": ("dal", "dallo", "dall'"), "dallo": ("dal", "dallo", "dall'"),
    "nel": ("nel", "nello", "nell'"), "nello": ("nel", "nello", "nell'"),
    "sul": ("sul", "sullo", "sull'"), "sullo": ("sul", "sullo", "sull'"),
}
_PLURAL = {
    "i": ("i", "gli", "gli"), "gli": ("i", "gli", "gli"),
    "dei": ("dei", "degli", "degli"), "degli": ("dei", "degli", "degli"),
    "ai": ("ai", "agli", "agli"), "agli": ("ai", "agli", "agli"),
    "dai": ("dai", "dagli", "dagli"), "dagli": ("dai", "dagli", "dagli"),
    "nei": ("nei", "negli", "negli"), "negli": ("nei", "negli", "negli"),
    "sui": ("sui", "sugli", "sugli"), "sugli": ("sui", "sugli", "sugli"),
}
# Also pronouns ("lo vede", "gli dice"): changed only before a noun-only word of three
# letters or more ("lo do" is a pronoun and a verb). "uno" is left alone: "uno pescatore e
# uno cacciatore" is a pronoun.
_ALSO_PRONOUNS = frozenset("lo gli".split())
# Accepted both ways or fixed by usage: "gli dei", "il pneumatico".
_EXCEPTIONS = frozenset("dei pneumatico pneumatici".split())


def initial_class(word: str) -> int:
    """0 plain consonant, 1 s+consonant/z/gn/ps/x, 2 vowel, -1 other (h, y, w, j, k, digits)."""
    first = word[:1]
    if first in VOWELS:
        return 2
    if first in "zx" or word[:2] in ("gn", "ps") or (first == "s" and word[1:2].isalpha()
                                                    and word[1:2] not in VOWELS):
        return 1
    if first.isalpha() and first not in "hywjk":
        return 0
    return -1


class ArticleForm(Rule):
    """The masculine article's form by the next word's initial ("il stadio" -> "lo stadio").

    Masculine articles and articulated prepositions take their form from the next word: "il
    campo", "lo stadio", "l'arbitro"; "i tifosi", "gli spalti", "gli amici"; "un gol", "uno
    scudetto"; "del campo", "dello stadio", "degli amici". The rule asks the lexicon whether
    the next word is a masculine noun or adjective of the article's number, and checks its
    initial: s + consonant, z, gn, ps and x want lo/gli/uno, vowels want l'/gli.

    "lo" and "gli" are also pronouns ("lo vede", "gli dice"), so they are changed only
    before a word the lexicon knows only as a noun; "uno" (also "one of them") is never
    changed, only "un" before s + consonant. Names (capitalised words:
    "il Sassuolo", "lo Spezia") and words starting with h, y, w, j, k are left alone.

    Example: "Ha segnato il suo primo gol nel stadio di casa." -> "nello stadio" (safe fix).
    """

    id = "grammar.article-form"
    severity = Severity.ERROR
    skip_quoted = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        lex: Lexicon = ctx.resources.get("lexicon")
        seg = ctx.seg
        for tok in seg.words:
            head = low(tok)
            table, number = (_SINGULAR, "s") if head in _SINGULAR else (_PLURAL, "p")
            if head not in table or not plain_case(seg, tok):
                continue
            nxt = next_word(seg, tok)
            if nxt is None or nxt.capitalised or ctx.text[tok.end:nxt.start] != " ":
                continue
            word = low(nxt)
            cls = initial_class(word)
            if cls < 0 or word in _EXCEPTIONS:
                continue
            readings = lex.analyses(word)
            nominal = [a for a in readings if a.pos in ("NOUN", "ADJ", "DET")]
            if not any(a.gender == "m" and a.number == number for a in nominal):
                continue
            if head in _ALSO_PRONOUNS and (len(nominal) != len(readings) or len(word) < 3
                                           or any(a.pos != "NOUN" for a in nominal)):
                continue
            right = table[head][cls]
            if right == head:
                continue
            right = with_apostrophe(capitalise_like(right, tok.text), ctx.style)
            glue = "" if right[-1:] in "'’" else " "
            yield self.finding(
                tok.start, nxt.start,
                f"Davanti a «{nxt.text}» si scrive «{right}{glue}{nxt.text}».",
                [right + glue], fix=Applicability.SAFE)
