"""House style: the euphonic d only before the same vowel ("ad un" -> "a un")."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import ClassVar

from sportlint.findings import Applicability, Finding, Severity
from sportlint.rules.base import Context, Option, Rule
from sportlint.rules.grammar._helpers import next_word

_PLAIN = {"ad": "a", "ed": "e", "od": "o"}


class DEufonica(Rule):
    """House style: "ad", "ed" only before the same vowel ("ad un ritorno" -> "a un ritorno").

    What it catches:
    "ad", "ed" (and "od") before a word that starts with another vowel. Many style guides
    (and most newsrooms) keep the euphonic d only where the next word starts with the same
    vowel ("ad avere", "ed ecco") and write "a un", "e in", "o un" elsewhere. Off by
    default: enable `style.d-eufonica` to apply the house style.

    Stays silent on:
    An accent does not make another vowel: "ed è", like "ed ecco", keeps its d. Fixed
    expressions listed in the option `keep` ("ad esempio", "ad eccezione", "fino ad ora")
    and Latin locutions ("ad interim", "ad hoc", "ad personam") are left alone.

    Why:
    A newsroom that follows the rule wants it applied everywhere, and it is easy to miss by
    eye.

    Example:
        Erano vicini ad un ritorno in Serie A.
        -> Erano vicini a un ritorno in Serie A.

    Fix:
    Drops the d.

    Fix safety:
    Safe.

    Options:
    `keep`: the fixed expressions that keep their d.
    """

    id = "style.d-eufonica"
    severity = Severity.SUGGESTION
    skip_quoted = True
    default_enabled = False
    options: ClassVar[dict[str, Option]] = {"keep": Option(
        ["ad esempio", "ad eccezione", "ad oggi", "fino ad ora", "ad opera", "ed ora",
         # Latin locutions, never "a": allenatore ad interim
         "ad hoc", "ad interim", "ad honorem", "ad personam", "ad libitum", "ad maiora",
         "ad abundantiam", "ad usum"],
        "list[str]", "fixed expressions that keep their d (\"ad esempio\"), lower case")}

    def check(self, ctx: Context) -> Iterator[Finding]:
        seg = ctx.seg
        keep = [k.lower().split() for k in self.opts["keep"]]
        for tok in seg.words:
            plain = _PLAIN.get(tok.low)
            nxt = next_word(seg, tok)
            if plain is None or nxt is None:
                continue
            # the same vowel with or without its accent: "ed è" keeps the d
            initial = unicodedata.normalize("NFD", nxt.low[:1])[:1]
            if initial == tok.low[0] or initial not in "aeiouàèéìòóùh" or initial == "h":
                continue
            prev = seg.prev_token(tok)
            pair = [tok.low, nxt.low]
            triple = [prev.low if prev is not None else "", *pair]
            if pair in keep or triple in keep:
                continue
            fixed = plain.upper() if tok.text[0].isupper() else plain
            yield self.finding(tok.start, tok.end,
                               f"«{tok.text}» davanti a vocale diversa: si preferisce «{fixed}».",
                               [fixed], fix=Applicability.SAFE)
