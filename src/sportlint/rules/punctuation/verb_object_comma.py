"""A comma between a verb and its object ("Il Milan ritrova dopo una lunga rincorsa, la
vetta")."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Finding, Severity
from sportlint.italian.lexicon import Lexicon
from sportlint.rules.base import Context, Rule
from sportlint.rules.punctuation._parse import (
    Parsed,
    finite,
    parse_variant,
    second_person,
    tagged,
)
from sportlint.segment.tokens import Token

#: what may open a direct object right after the comma
_OBJECT_START = frozenset({"DET", "NOUN", "PROPN", "NUM", "ADJ"})
#: what opens a complement set between the verb and its object ("dopo", "finalmente")
_COMPLEMENT_START = frozenset({"ADP", "ADP+DET", "ADV"})
#: the articles that open a noun phrase (the candidate's first word)
_ARTICLES = frozenset("il lo la i gli le un uno una l' un'".split())


class VerbObjectComma(Rule):
    """A single comma between a verb and its direct object.

    What it catches:
    "Il Milan ritrova dopo una lunga rincorsa, la vetta della classifica": a complement set
    between the verb and its object with only its closing comma, or a comma right between
    them ("Il Milan ritrova, la vetta"). The parser must confidently read the phrase after
    the comma as the object of a finite verb before it, with no comma between the verb and
    this one.

    Stays silent on:
    An inciso closed on both sides ("ritrova, dopo una lunga rincorsa, la vetta"), lists
    ("ha battuto la Roma, il Milan e la Juve": the phrase after the comma is not the verb's
    object), a verb whose object is already a clitic (a dislocation: "l'ha vinta, la
    partita"), a verb with an object before the comma, a vocative (a verb in the second
    person or the imperative), sentences the parser is unsure of, and quoted speech.

    Why:
    A verb and its object are one unit; a lone comma between them is a slip, usually half
    of an inciso.

    Example:
        Il Milan ritrova dopo una lunga rincorsa, la vetta della classifica.
        -> Il Milan ritrova, dopo una lunga rincorsa, la vetta della classifica.

    Fix:
    None: the two suggestions close the inciso (a comma after the verb) or drop the comma.

    Fix safety:
    Never applied, not even with `--unsafe-fixes`: only the writer knows which of the two
    was meant.
    """

    id = "punctuation.verb-object-comma"
    severity = Severity.WARNING
    skip_quoted = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        seg = ctx.seg
        for sentence in seg.sentences:
            if sentence.heading:
                continue
            tokens = seg.sentence_tokens(sentence)
            candidates = []
            for c in range(2, len(tokens) - 1):
                if tokens[c].text != "," or tokens[c + 1].low not in _ARTICLES:
                    continue
                lex = ctx.resources.get("lexicon")
                last_punct = max((k for k in range(c) if tokens[k].kind == "punct"), default=-1)
                before = [k for k in range(last_punct + 1, c)
                          if tokens[k].is_word and finite(lex, tokens[k].low)]
                # the verb right before the comma, or a complement opened by a preposition
                # or an adverb between them
                if before and (before[-1] == c - 1 or any(
                        a.pos in ("PRE", "ARTPRE", "ADV")
                        for a in lex.analyses(tokens[before[-1] + 1].low))):
                    candidates.append(c)
            for c in candidates:
                v = self._verb_before(ctx, tokens, c, lex)
                if v is None:
                    continue
                verb, comma = tokens[v], tokens[c]
                between = ctx.text[verb.end:tokens[c - 1].end]
                suggestions = [ctx.text[verb.start:verb.end] + "," + between + ",",
                               ctx.text[verb.start:tokens[c - 1].end]] if c > v + 1 else \
                    [ctx.text[verb.start:tokens[c - 1].end]]
                yield self.finding(
                    verb.start, comma.end,
                    f"Virgola tra il verbo «{verb.text}» e il suo complemento oggetto: "
                    + ("chiudi l'inciso con una virgola dopo il verbo o togli la virgola."
                       if c > v + 1 else "va tolta."),
                    suggestions)

    @staticmethod
    def _verb_before(ctx: Context, tokens: list[Token], c: int, lex: Lexicon) -> int | None:
        """The verb before comma ``c`` whose object the phrase after it is. A parser reads
        the slip itself poorly (it learnt from edited text), so the rule parses the
        correction, the inciso closed ("ritrova, dopo una lunga rincorsa, la vetta") or the
        comma dropped, and acts only when that reads confidently as verb and object."""
        p = tagged(ctx, tokens)     # the gates read tags; only the correction is parsed
        if p is None:
            return None
        last_punct = max((k for k in range(c) if tokens[k].kind == "punct"), default=-1)
        verbs = [k for k in range(last_punct + 1, c) if tokens[k].is_word
                 and finite(lex, tokens[k].low) and p.tagged(k, "VERB")]
        if not verbs:
            return None
        v = verbs[-1]
        if second_person(lex, tokens[v].low) or "+PRON" in p.tags[v].pos:
            return None
        if c > v + 1 and not p.tagged(v + 1, *_COMPLEMENT_START, at=0.0):
            return None                   # "ha battuto la Roma, il Milan": a list
        if any(p.tags[k].pos == "PRON" for k in range(max(v - 2, 0), v)):
            return None                   # a clitic object before the verb: a dislocation
        words = [t.text for t in tokens]
        kinds = [t.kind for t in tokens]
        variants = [(words[:c] + words[c + 1:], kinds[:c] + kinds[c + 1:], c)]
        if c > v + 1:
            # the inciso closed first; the comma dropped reads as well when the parser
            # hangs the object on the inciso's noun
            variants.insert(0, ([*words[:v + 1], ",", *words[v + 1:]],
                                [*kinds[:v + 1], "punct", *kinds[v + 1:]], c + 2))
        for vw, vk, o_start in variants:
            if _reads_as_object(parse_variant(ctx, vw, vk), v, o_start):
                return v
        return None


def _reads_as_object(w: Parsed, v: int, o_start: int) -> bool:
    """Whether the phrase from ``o_start`` is, confidently, the one object of verb ``v``."""
    objects = [k for k in range(o_start, len(w.tokens))
               if w.arcs[k].head == v and w.arcs[k].label == "obj"]
    if len(objects) != 1:
        return False
    o = objects[0]
    if not w.sure(o, "obj") or w.span(o)[0] != o_start or \
            not w.tagged(o, "NOUN", "PROPN", at=0.0):
        return False
    return not any(w.arcs[k].label in ("obj", "ccomp", "xcomp", "expl") and k != o
                   for k in w.children[v])
