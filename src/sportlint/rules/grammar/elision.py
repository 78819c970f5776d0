"""Elision and apocope by gender and initial: un'amico, un amica, nessun'altro, l'campo."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.lexicon import Lexicon
from sportlint.italian.words import VOWELS
from sportlint.rules.base import Context, Rule
from sportlint.rules.grammar._helpers import (
    capitalise_like,
    next_word,
    plain_case,
    suffix_gender,
    with_apostrophe,
)
from sportlint.segment.tokens import Token

# Apocopated masculine forms (un amico) whose feminine elides (un'amica).
_APOCOPE = frozenset("un nessun alcun ciascun qualcun buon".split())
# Elided singular article or articulated preposition -> (masculine, masculine before s+consonant/z,
# feminine) full forms.
_ELIDED = {"l'": ("il", "lo", "la"), "dell'": ("del", "dello", "della"),
           "all'": ("al", "allo", "alla"), "dall'": ("dal", "dallo", "dalla"),
           "nell'": ("nel", "nello", "nella"), "sull'": ("sul", "sullo", "sulla")}
_CONSONANTS = frozenset("bcdfglmnpqrstvz")


def _genders(lex: Lexicon, word: str) -> set[str]:
    """Genders of the singular noun/adjective/determiner readings of ``word``; a noun's
    gender counts only when its ending does not contradict it (the lexicon has a few wrong
    genders) and, for a noun alone, when the ending confirms it."""
    readings = [a for a in lex.analyses(word)
                if a.pos in ("NOUN", "ADJ", "DET") and a.number in ("s", "") and a.gender]
    genders = {a.gender for a in readings}
    by_ending = suffix_gender(word)
    if any(a.pos == "NOUN" for a in readings) and len(genders) == 1 and by_ending not in genders:
        return {"m", "f"}
    return genders


def _impure(word: str) -> bool:
    """Takes "lo": s + consonant, z, gn, ps, x, y."""
    return word[:1] in "zxy" or word[:2] in ("gn", "ps") or \
        (word[:1] == "s" and word[1:2] not in VOWELS and word[1:2] != "")


class Elision(Rule):
    """Elision and apocope that do not match the next word's gender or initial.

    What it catches:
    Italian elides the feminine before a vowel ("un'amica", "nessun'altra") but truncates
    the masculine without an apostrophe ("un amico", "nessun altro"); "l'", "dell'", "all'"
    ... stand only before a vowel or h. The rule asks the lexicon for the gender of the next
    word:

    - "un'amico", "nessun'altro" (masculine only) -> "un amico", "nessun altro";
    - "un amica", "un altra" (feminine only, vowel-initial) -> "un'amica", "un'altra";
    - "l'campo", "dell'squadra" (lower-case consonant-initial word) -> "il campo",
      "della squadra", choosing il/lo/la by gender and initial;
    - "qual'è" -> "qual è" ("qual" is truncated, never elided).

    Stays silent on:
    Words both masculine and feminine ("un'atleta", "un atleta", "un'ultima") and names.

    Why:
    The apostrophe tells the gender: "un'amico" and "un amica" are spelling mistakes an
    editor corrects.

    Example:
        Ha ritrovato un'amico di infanzia.
        -> Ha ritrovato un amico di infanzia.

    Fix:
    Removes or adds the apostrophe, or writes the full article before a consonant ("l'campo"
    -> "il campo"); with no gender known for "l'" before a consonant, both candidates are
    offered, the masculine first.

    Fix safety:
    Safe where there is one correction (the apostrophe removed or added, "qual'è" -> "qual
    è", the full article of the one gender the lexicon gives); unsafe (`--unsafe-fixes`)
    where the gender is unknown and there are two candidates.
    """

    id = "grammar.elision"
    severity = Severity.ERROR
    skip_quoted = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        lex: Lexicon = ctx.resources.get("lexicon")
        seg = ctx.seg
        for tok in seg.words:
            nxt = next_word(seg, tok)
            if nxt is None or nxt.capitalised:
                continue
            word, head = nxt.low, tok.low
            if not plain_case(seg, tok):
                continue
            if head == "qual'" and word in ("è", "era", "erano", "sono"):
                yield self.finding(tok.start, nxt.start,
                                   f"«qual» si tronca, non si elide: «{tok.text[:-1]} {nxt.text}».",
                                   [tok.text[:-1] + " "], fix=Applicability.SAFE)
            elif tok.elided and head[:-1] in _APOCOPE:
                if _genders(lex, word) == {"m"}:
                    full = tok.text[:-1]
                    yield self.finding(
                        tok.start, nxt.start,
                        f"«{word}» è maschile: «{full} {nxt.text}», senza apostrofo.",
                        [full + " "], fix=Applicability.SAFE)
            elif head in _APOCOPE and word[:1] in VOWELS and tok.end < nxt.start:
                if _genders(lex, word) == {"f"} and ctx.text[tok.end:nxt.start] == " ":
                    elided = tok.text + with_apostrophe("'", ctx.style)
                    yield self.finding(
                        tok.start, nxt.start,
                        f"«{word}» è femminile: si scrive «{elided}{nxt.text}».",
                        [elided], fix=Applicability.SAFE)
            elif tok.elided and head in _ELIDED and word[:1] in _CONSONANTS:
                yield from self.before_consonant(lex, tok, nxt)

    def before_consonant(self, lex: Lexicon, tok: Token, nxt: Token) -> Iterator[Finding]:
        word = nxt.low
        if not lex.is_word(word):
            return
        masc, masc_impure, fem = _ELIDED[tok.low]
        genders = _genders(lex, word)
        options = []
        if "m" in genders or not genders:
            options.append(masc_impure if _impure(word) else masc)
        if "f" in genders or not genders:
            options.append(fem)
        options = [capitalise_like(o, tok.text) + " " for o in options]
        yield self.finding(
            tok.start, nxt.start,
            f"L'apostrofo va solo davanti a vocale: «{options[0].strip()} {nxt.text}».",
            options, fix=Applicability.SAFE if len(options) == 1 else Applicability.UNSAFE)
