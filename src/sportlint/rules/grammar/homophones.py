"""e/è, ne/né, da/dà where the next words decide."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.lexicon import Lexicon
from sportlint.rules.base import Context, Rule
from sportlint.rules.grammar._helpers import is_infinitive, next_word, prev_word
from sportlint.segment.segmenter import Segmentation
from sportlint.segment.tokens import Token

_STATO = frozenset("stato stata stati state".split())
_CLITICS_BEFORE_DA = frozenset("gli mi ti ci vi si le".split())


class Homophones(Rule):
    """e/è, ne/né, da/dà confused where the context decides unambiguously.

    What it catches:
    Each check fires only on a pattern that has a single reading (a/ha, o/ho ... are
    grammar.avere-h):

    - "e stato/stata/stati/state" + participle or adjective ("Rossi e stato espulso") -> "è",
      and "E stato" opening a sentence -> "È stato";
    - "ne" after a "né" of the same sentence and not before a finite verb ("né vinto ne
      perso") -> "né";
    - a clitic ("gli", "mi", "ti", "ci", "vi", "si", "le") + "da" ("gli da fastidio", "si
      da per scontato") -> "dà";
    - a finite verb + "dà" ("vengo dà Roma") -> "da";
    - name + "è" + name + plural verb ("Rossi è Bianchi hanno segnato") -> "e".

    Stays silent on:
    Capitalised names ("Ha", "Da Silva"), except a sentence-initial "E stato".

    Why:
    Each pair is two real words, so a spelling check passes them; the context shows which
    one is meant.

    Example:
        Rossi e stato espulso nel finale.
        -> Rossi è stato espulso nel finale.

    Fix:
    Replaces the word with its homophone (adding, removing or changing the accent).

    Fix safety:
    Unsafe (`--unsafe-fixes`): each fix turns a real word into another.
    """

    id = "grammar.homophones"
    severity = Severity.ERROR
    skip_quoted = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        lex: Lexicon = ctx.resources.get("lexicon")
        seg = ctx.seg
        for tok in seg.words:
            nxt = next_word(seg, tok)
            if nxt is None:
                continue
            word = tok.text
            right: str | None = None
            if word == "è" and nxt.capitalised and self.names_then_plural(lex, seg, tok):
                right = "e"
            elif word == "dà" and self.after_finite_verb(lex, seg, tok):
                right = "da"  # "Vengo dà Roma": two finite verbs cannot stand side by side
            elif nxt.capitalised:
                continue
            elif word == "E" and nxt.low in _STATO and seg.is_sentence_initial(tok):
                right = "È"  # "E stato un anno difficile": a sentence never opens "And state"
            elif word == "e" and nxt.low in _STATO:
                after = next_word(seg, nxt)
                if after is not None and not after.capitalised and any(
                        a.pos == "ADJ" or a.mood == "part" for a in lex.analyses(after.low)):
                    right = "è"
            elif word == "ne" and self.after_ne(seg, tok) and \
                    not any(a.finite for a in lex.analyses(nxt.low)):
                right = "né"
            elif word == "da" and (prev := prev_word(seg, tok)) is not None and \
                    prev.text in _CLITICS_BEFORE_DA and not is_infinitive(lex, nxt.text):
                right = "dà"
            if right is not None:
                yield self.finding(tok.start, tok.end,
                                   f"Qui ci vuole «{right}», non «{word}».", [right],
                                   fix=Applicability.UNSAFE)

    @staticmethod
    def names_then_plural(lex: Lexicon, seg: Segmentation, tok: Token) -> bool:
        """Name "è" Name + plural verb: "Rossi è Bianchi hanno segnato"."""
        prev = prev_word(seg, tok)
        if prev is None or not prev.capitalised:
            return False
        after = next_word(seg, tok)
        while after is not None and after.capitalised:
            after = next_word(seg, after)
        if after is None:
            return False
        readings = lex.analyses(after.low)
        return bool(readings) and all(a.finite and a.number == "p" and a.person == "3"
                                      for a in readings)

    @staticmethod
    def after_finite_verb(lex: Lexicon, seg: Segmentation, tok: Token) -> bool:
        prev = prev_word(seg, tok)
        if prev is None or (prev.capitalised and not seg.is_sentence_initial(prev)):
            return False
        readings = lex.analyses(prev.low)
        return bool(readings) and all(a.finite for a in readings)

    @staticmethod
    def after_ne(seg: Segmentation, tok: Token) -> bool:
        sentence = seg.sentences[tok.sentence]
        return any(t.text.lower() == "né" for t in seg.tokens[sentence.first_token:tok.index])
