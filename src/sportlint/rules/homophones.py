"""e/è, ne/né, da/dà where the next words decide."""

from __future__ import annotations

from collections.abc import Iterator

from ..grammar import capitalise_like, is_infinitive, low, next_word, prev_word
from ..lexicon import Lexicon
from ..model import Applicability, Finding, Severity
from ..rule import Context, Rule
from ..segment import Segmentation, Token

_STATO = frozenset("stato stata stati state".split())
_CLITICS_BEFORE_DA = frozenset("gli mi ti ci vi".split())


class Homophones(Rule):
    """e/è, ne/né, da/dà confused where the context decides unambiguously.

    Each check fires only on a pattern that has a single reading (a/ha, o/ho ... are
    grammar.avere-h):

    - "e stato/stata/stati/state" + participle or adjective ("Rossi e stato espulso") -> "è";
    - "ne" after a "né" of the same sentence and not before a finite verb ("né vinto ne
      perso") -> "né";
    - a clitic ("gli", "mi", "ti", "ci", "vi") + "da" ("gli da fastidio") -> "dà".

    Fixes are unsafe: each turns a real word into another. Capitalised names ("Ha",
    "Da Silva") are left alone except a sentence-initial "E stato".
    """

    id = "grammar.homophones"
    severity = Severity.ERROR
    skip_quoted = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        lex: Lexicon = ctx.resources.get("lexicon")
        seg = ctx.seg
        for tok in seg.words:
            nxt = next_word(seg, tok)
            if nxt is None or nxt.capitalised:
                continue
            word = tok.text
            right: str | None = None
            if low(tok) == "e" and low(nxt) in _STATO:
                after = next_word(seg, nxt)
                if after is not None and not after.capitalised and any(
                        a.pos == "ADJ" or a.mood == "part" for a in lex.analyses(low(after))):
                    right = capitalise_like("è", word)
            elif word == "ne" and self.after_ne(seg, tok) and \
                    not any(a.finite for a in lex.analyses(low(nxt))):
                right = "né"
            elif word == "da" and (prev := prev_word(seg, tok)) is not None and \
                    prev.text in _CLITICS_BEFORE_DA and not is_infinitive(lex, nxt.text):
                right = "dà"
            if right is not None:
                yield self.finding(tok.start, tok.end,
                                   f"Qui ci vuole «{right}», non «{word}».", [right],
                                   fix=Applicability.UNSAFE)

    @staticmethod
    def after_ne(seg: Segmentation, tok: Token) -> bool:
        sentence = seg.sentences[tok.sentence]
        return any(t.text.lower() == "né" for t in seg.tokens[sentence.first_token:tok.index])
