"""The h of "avere": a/ha, ai/hai, o/ho, anno/hanno, where the next words decide."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.lexicon import Lexicon
from sportlint.italian.words import ARTICLES
from sportlint.rules.base import Context, Rule
from sportlint.rules.grammar._helpers import capitalise_like, is_infinitive, next_word, prev_word
from sportlint.segment.segmenter import Segmentation
from sportlint.segment.tokens import Token

_DETERMINERS = ARTICLES | frozenset("questo questa quel quello quella nessun ogni".split())
# What may stand right before "ho" in "non ho visto", "lo ho detto": never before "o".
_BEFORE_HO = frozenset("non io lo la li le ne ci mi ti gli vi".split())
_H = {"a": "ha", "ai": "hai", "o": "ho", "anno": "hanno"}


class AvereH(Rule):
    """A form of "avere" written without its h ("Rossi a segnato") or "ha" for "a".

    What it catches:
    "a", "ai", "o" and "anno" are a preposition, an articulated preposition, a conjunction
    and a noun; "ha", "hai", "ho", "hanno" are the auxiliary. Before a past participle the
    auxiliary is meant, when the pattern leaves no other reading:

    - a name, noun or pronoun + "a" + participle that is not also a noun ("Rossi a segnato")
      -> "ha"; a sentence-initial "Ai" + participle -> "Hai";
    - "tu ai" -> "tu hai";
    - "o" + participle after "non" or a clitic ("non o visto", "lo o detto") -> "ho";
    - "anno" + participle after a plural subject or a name, never after an article or a
      determiner ("i tifosi anno applaudito" -> "hanno");
    - "ha" + infinitive that is not also a noun ("continua ha spingere") -> "a".

    Stays silent on:
    "piange a dirotto", "mettere a punto", "a stretto contatto" (a verb before "a", a
    participle that is also a noun or a verb form, or one before a bare noun); "vinto o
    perso"; "l'anno passato".

    Why:
    A missing h turns the auxiliary into a preposition (or a noun) and is a real word, so a
    spelling check does not see it.

    Example:
        Rossi a segnato al 90'.
        -> Rossi ha segnato al 90'.

    Fix:
    Adds or removes the h: "a" -> "ha", "ai" -> "hai", "o" -> "ho", "anno" -> "hanno", "ha"
    -> "a".

    Fix safety:
    Unsafe (`--unsafe-fixes`): each fix turns a real word into another.
    """

    id = "grammar.avere-h"
    severity = Severity.ERROR
    skip_quoted = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        lex: Lexicon = ctx.resources.get("lexicon")
        seg = ctx.seg
        for tok in seg.words:
            nxt = next_word(seg, tok)
            if nxt is None or nxt.capitalised:
                continue
            word, right = tok.low, None
            if tok.capitalised and not (word == "ai" and seg.is_sentence_initial(tok)):
                continue  # "Serie A giocato", "O" as a letter: capitals are names and letters
            if word in _H and self.participle(lex, nxt, strict=word in ("o", "anno", "ai")) \
                    and not self.modifies_noun(lex, seg, nxt):
                prev = prev_word(seg, tok)
                if word == "a" and prev is not None and self.subject(lex, seg, prev):
                    right = "ha"
                elif word == "ai" and seg.is_sentence_initial(tok):
                    right = "hai"
                elif word == "o" and prev is not None and prev.low in _BEFORE_HO:
                    right = "ho"
                elif word == "anno" and self.plural_subject(lex, seg, tok):
                    right = "hanno"
            elif word == "ai" and (prev := prev_word(seg, tok)) is not None and \
                    prev.low == "tu":
                right = "hai"  # "tu ai un cane": "ai" cannot follow "tu"
            elif word == "ha" and is_infinitive(lex, nxt.text) and \
                    not any(a.pos == "NOUN" for a in lex.analyses(nxt.low)):
                right = "a"
            if right is not None:
                right = capitalise_like(right, tok.text)
                yield self.finding(tok.start, tok.end,
                                   f"Qui ci vuole «{right}», non «{tok.text}».", [right],
                                   fix=Applicability.UNSAFE)

    @staticmethod
    def participle(lex: Lexicon, nxt: Token, strict: bool) -> bool:
        """A masculine singular past participle; unless ``strict``, not also a noun ("a
        posto", "a punto", "a letto" are idioms)."""
        readings = lex.analyses(nxt.low)
        if not any(a.mood == "part" and a.tense == "past" and a.gender == "m" and a.number == "s"
                   for a in readings):
            return False
        # also a noun ("a posto", "a punto") or a finite verb ("a dirotto"): an idiom
        return strict or not any(a.pos == "NOUN" or a.finite for a in readings)

    @staticmethod
    def modifies_noun(lex: Lexicon, seg: Segmentation, nxt: Token) -> bool:
        """A participle before a bare noun is an adjective: "a stretto contatto"."""
        after = next_word(seg, nxt)
        if after is None or after.capitalised:
            return False
        return any(a.pos == "NOUN" for a in lex.analyses(after.low))

    @staticmethod
    def subject(lex: Lexicon, seg: Segmentation, prev: Token) -> bool:
        """What may stand before "ha" but hardly before "a" + participle: a name, a noun or
        pronoun, "non", "che", a clitic ("piange a dirotto" has a verb before "a")."""
        readings = lex.analyses(prev.low)
        if prev.capitalised and (not seg.is_sentence_initial(prev) or not any(
                a.pos in ("VER", "AUX", "ADV", "CON", "PRE", "ART", "ARTPRE") for a in readings)):
            return True  # a name, also at the start of a sentence ("Rossi a segnato")
        if prev.low in _BEFORE_HO or prev.low in ("che", "chi", "lui", "lei"):
            return True
        return any(a.pos in ("NOUN", "PRO") for a in readings)

    @staticmethod
    def plural_subject(lex: Lexicon, seg: Segmentation, tok: Token) -> bool:
        prev = prev_word(seg, tok)
        if prev is None:
            return False
        if prev.low in _DETERMINERS or prev.elided:
            return False
        if prev.capitalised and not seg.is_sentence_initial(prev):
            return True
        readings = lex.analyses(prev.low)
        return bool(readings) and all(a.pos in ("NOUN", "ADJ", "PRO") and a.number in ("p", "")
                                      for a in readings) and any(a.number == "p" for a in readings)
