"""A comma right after "che" that no second comma closes ("ha detto che, la squadra ...")."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Edit, Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.rules.punctuation._parse import CONFIRM, parse, parse_variant

#: words before "che" that make it part of a comparison or a fixed phrase ("più che",
#: "prima che", "sì che"), where the comma may open anything
_NOT_BEFORE = frozenset("più meno piuttosto prima dopo sì no altro anziché".split())
#: punctuation that may close an inciso opened by the comma after "che"
_INCISO_CLOSERS = frozenset({",", "–", "—", ")", ";", ":"})


class CheComma(Rule):
    """A comma right after "che" that does not open an inciso.

    What it catches:
    "Il tecnico ha detto che, la squadra ha giocato bene": the comma cuts the clause that
    "che" introduces from its own start. The rule flags "che" followed by a comma when the
    parser attaches "che" to a verb after the comma, and does so again with the comma
    removed, and no second comma (or dash, bracket, colon, semicolon) follows in the
    sentence: nothing is set off, so the comma is only a break.

    Stays silent on:
    An inciso right after "che", closed later ("ha detto che, se vince, la squadra va in
    finale"; "che, come diceva Socrate, potevano ..."), "che" at the start of a sentence,
    "più che", "prima che" and the like, sentences the parser is unsure of, and quoted
    speech.

    Why:
    "Che" and the clause it opens are one unit; a single comma between them is a slip
    (often left over from an inciso that was cut).

    Example:
        Il tecnico ha detto che, la squadra ha giocato bene.
        -> Il tecnico ha detto che la squadra ha giocato bene.

    Fix:
    Removes the comma.

    Fix safety:
    Unsafe (`--unsafe-fixes`): the comma may be the first of an inciso whose closing comma
    is missing.
    """

    id = "punctuation.che-comma"
    severity = Severity.WARNING
    skip_quoted = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        seg = ctx.seg
        for sentence in seg.sentences:
            if sentence.heading:
                continue
            tokens = seg.sentence_tokens(sentence)
            candidates = [k for k in range(1, len(tokens) - 2)
                          if tokens[k].low == "che" and tokens[k + 1].text == ","
                          and tokens[k - 1].low not in _NOT_BEFORE
                          and tokens[k + 2].is_word]
            if not candidates:
                continue
            p = parse(ctx, tokens)
            if p is None:
                continue
            words = [t.text for t in tokens]
            kinds = [t.kind for t in tokens]
            for k in candidates:
                head = p.arcs[k].head
                if head <= k + 1 or not p.sure(k, at=CONFIRM):
                    # a parser that learnt from edited text may hang a "che" it has never
                    # seen before a comma elsewhere: the sentence without the comma must
                    # then read it, confidently, as the mark of the clause after it
                    w = parse_variant(ctx, words[:k + 1] + words[k + 2:],
                                      kinds[:k + 1] + kinds[k + 2:])
                    if w.arcs[k].head <= k or not w.sure(k, "mark"):
                        continue
                    head = w.arcs[k].head + 1
                if not p.tagged(head, "VERB", "AUX", "VERB+PRON", "AUX+PRON", "ADJ", "NOUN",
                                at=0.0):
                    continue
                if any(t.kind == "punct" for t in tokens[k + 2:head]):
                    continue              # an inciso, closed before the verb
                if any(t.text in _INCISO_CLOSERS for t in tokens[k + 2:]):
                    continue              # a comma later on may close an inciso (with a
                                          # verb of its own: "che, come diceva X, ...")
                # without the comma, "che" must still open the same clause
                w = parse_variant(ctx, words[:k + 1] + words[k + 2:], kinds[:k + 1] + kinds[k + 2:])
                if w.arcs[k].head != head - 1 or not w.sure(k, at=CONFIRM):
                    continue
                che, comma = tokens[k], tokens[k + 1]
                yield self.finding(
                    che.start, comma.end,
                    "Virgola dopo «che»: separa la congiunzione dalla frase che introduce "
                    "(se apre un inciso, manca la virgola che lo chiude).",
                    [che.text], fix=Applicability.UNSAFE,
                    edits=[Edit(comma.start, comma.end, "")])
