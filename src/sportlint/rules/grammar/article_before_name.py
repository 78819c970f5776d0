"""The article's form before a name with an impure initial ("del Schalke" -> "dello Schalke")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.rules.grammar._helpers import capitalise_like, plain_case

# Each masculine form before a plain consonant -> the form before s + consonant, z, gn.
_IMPURE_FORM = {"il": "lo", "del": "dello", "al": "allo", "dal": "dallo", "nel": "nello",
                "sul": "sullo", "i": "gli", "dei": "degli", "ai": "agli", "dai": "dagli",
                "nei": "negli", "sui": "sugli"}
# s + consonant (also "sh", read as "sc": "lo Shakhtar"), z, gn; "ps", "pn" and "x" are
# left out (names with them are often read letter by letter: "il PSV", "il Xerez").
_IMPURE = re.compile(r"(?:[Ss][bcdfghjklmnpqrstvwz]|[Zz]|[Gg]n)[a-zà-ÿ]")


class ArticleBeforeName(Rule):
    """The article's form before a name with an impure initial ("del Schalke" -> "dello").

    What it catches:
    A masculine article or articulated preposition in its plain form ("il", "del", "al",
    "dal", "nel", "sul", "i", "dei" ...) before a capitalised name that starts with s and a
    consonant, z or gn: "il Sporting" -> "lo Sporting", "del Schalke" -> "dello Schalke",
    "al Zenit" -> "allo Zenit", "i Spurs" -> "gli Spurs". Names are read as words, and the
    article follows the sound, as before any word.

    Stays silent on:
    Names in capitals (acronyms, read letter by letter: "il SSC"), initials ps, pn and x
    ("il PSV", "il Xerez"), names after "la" (feminine: "la Sampdoria"), and lower-case
    words (grammar.article-form's).

    Why:
    "dello Swansea" and "del Swansea" in one paper read as a slip; edited copy writes "lo
    Sporting", "dello Schalke", "lo Zenit".

    Example:
        Il gol del Swansea è arrivato nel recupero.
        -> Il gol dello Swansea è arrivato nel recupero.

    Fix:
    The article's form for the name's initial.

    Fix safety:
    Safe: only the article's form changes.
    """

    id = "grammar.article-before-name"
    severity = Severity.WARNING
    skip_quoted = False

    def check(self, ctx: Context) -> Iterator[Finding]:
        seg = ctx.seg
        for tok in seg.words:
            right = _IMPURE_FORM.get(tok.low)
            if right is None or not plain_case(seg, tok):
                continue
            nxt = seg.next_token(tok)
            if nxt is None or not nxt.is_word or ctx.text[tok.end:nxt.start] != " ":
                continue
            name = nxt.text
            if not name[:1].isupper() or name.isupper() or _IMPURE.match(name) is None:
                continue
            fixed = capitalise_like(right, tok.text)
            yield self.finding(
                tok.start, tok.end,
                f"Davanti a «{name}» l'articolo è «{fixed}».", [fixed], fix=Applicability.SAFE)
