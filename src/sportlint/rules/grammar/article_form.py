"""The masculine article's form by the next word's initial: il/lo/l', i/gli, un/uno."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.determiners import FAMILIES, initial_class
from sportlint.italian.lexicon import Lexicon
from sportlint.rules.base import Context, Rule
from sportlint.rules.grammar._helpers import capitalise_like, next_word, plain_case, with_apostrophe

# Each masculine form this rule judges -> its family's forms by the next word's initial
# (plain consonant, impure, vowel: "il", "lo", "l'"; "i", "gli", "gli"). Elided forms
# (l', dell'...) and "uno" (see _ALSO_PRONOUNS) are not judged.
_SINGULAR = {form: fam.masc_sg for fam in FAMILIES.values() for form in fam.masc_sg[:2]
             if form != "uno"}
_PLURAL = {form: (fam.masc_pl[0], fam.masc_pl[1], fam.masc_pl[1])
           for fam in FAMILIES.values() for form in fam.masc_pl if form}
# Also pronouns ("lo vede", "gli dice"): changed only before a noun-only word of three
# letters or more ("lo do" is a pronoun and a verb). "uno" is left alone: "uno pescatore e
# uno cacciatore" is a pronoun.
_ALSO_PRONOUNS = frozenset("lo gli".split())
# Accepted both ways or fixed by usage: "gli dei", "il pneumatico".
_EXCEPTIONS = frozenset("dei pneumatico pneumatici".split())


class ArticleForm(Rule):
    """The masculine article's form by the next word's initial ("il stadio" -> "lo stadio").

    What it catches:
    A masculine article or articulated preposition in the wrong form for the next word.
    They take their form from the next word: "il campo", "lo stadio", "l'arbitro"; "i
    tifosi", "gli spalti", "gli amici"; "un gol", "uno scudetto"; "del campo", "dello
    stadio", "degli amici". The rule asks the lexicon whether the next word is a masculine
    noun or adjective of the article's number, and checks its initial: s + consonant, z,
    gn, ps and x want lo/gli/uno, vowels want l'/gli.

    Stays silent on:
    "lo" and "gli" are also pronouns ("lo vede", "gli dice"), so they are changed only
    before a word the lexicon knows only as a noun; "uno" (also "one of them") is never
    changed, only "un" before s + consonant. Names (capitalised words: "il Sassuolo", "lo
    Spezia") and words starting with h, y, w, j, k are left alone.

    Why:
    The form of the article is fixed by the spelling of the next word; "il stadio" or "un
    scudetto" is a slip every reader notices.

    Example:
        Ha segnato il suo primo gol nel stadio di casa.
        -> Ha segnato il suo primo gol nello stadio di casa.

    Fix:
    Replaces the article with the form the next word wants.

    Fix safety:
    Safe: only the article's form changes, and only where the next word is surely a noun.
    """

    id = "grammar.article-form"
    severity = Severity.ERROR
    skip_quoted = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        lex: Lexicon = ctx.resources.get("lexicon")
        seg = ctx.seg
        for tok in seg.words:
            head = tok.low
            table, number = (_SINGULAR, "s") if head in _SINGULAR else (_PLURAL, "p")
            if head not in table or not plain_case(seg, tok):
                continue
            nxt = next_word(seg, tok)
            if nxt is None or nxt.capitalised or ctx.text[tok.end:nxt.start] != " ":
                continue
            word = nxt.low
            cls = initial_class(word)
            if cls < 0 or word in _EXCEPTIONS:
                continue
            right = table[head][cls]
            if right == head:
                continue   # the usual case: the article already fits, no lexicon needed
            readings = lex.analyses(word)
            nominal = [a for a in readings if a.pos in ("NOUN", "ADJ", "DET")]
            if not any(a.gender == "m" and a.number == number for a in nominal):
                continue
            if head in _ALSO_PRONOUNS and (len(nominal) != len(readings) or len(word) < 3
                                           or any(a.pos != "NOUN" for a in nominal)):
                continue
            right = with_apostrophe(capitalise_like(right, tok.text), ctx.style)
            glue = "" if right[-1:] in "'’" else " "
            yield self.finding(
                tok.start, nxt.start,
                f"Davanti a «{nxt.text}» si scrive «{right}{glue}{nxt.text}».",
                [right + glue], fix=Applicability.SAFE)
