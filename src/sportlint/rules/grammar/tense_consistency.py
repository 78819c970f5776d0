"""A lone present tense inside a paragraph narrated in the passato remoto."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, ClassVar

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.lexicon import Analysis, Lexicon
from sportlint.rules.base import Context, Option, Rule
from sportlint.rules.grammar._helpers import capitalise_like
from sportlint.segment.sentences import Sentence
from sportlint.segment.tokens import Token
from sportlint.util.wordmemo import WordMemo

# Words that anchor a sentence in the present: the present is then right.
_NOW = frozenset("""
oggi attualmente ora adesso tuttora tutt'oggi tutt'ora ancora odierno odierna stasera
stamattina stamani domani attuale attuali prossimo prossima
""".split())
# Stative verbs state what is still true ("il gol resta nella storia", "detiene il record"),
# modal and commentary verbs speak for the writer today ("si può dire", "si tratta di",
# "si ritiene"): a present there is not a slip of the narration.
_STATIVE = frozenset("""
restare rimanere sembrare parere apparire risultare detenere vantare conservare vivere
abitare continuare possedere valere significare rappresentare appartenere costituire
contare dipendere esistere mancare piacere sapere conoscere ricordare
potere dovere volere trattare dire ritenere considerare credere pensare
""".split())
# After these the verb is in a subordinate or relative clause, where a present is normal.
_VERB = frozenset({"VER", "AUX"})
_VERB_OR_ADJ = frozenset({"VER", "AUX", "ADJ"})
_SUBORDINATORS = frozenset("che cui dove quale quali se quando mentre come perché poiché".split())


def _reaches_past(labels: list[str]) -> bool:
    """Walking away from a present sentence, a passato remoto comes before any other tense."""
    for label in labels:
        if label == "past":
            return True
        if label not in ("present", "none"):
            return False
    return False


def _finite_readings(lex: Lexicon, word: str) -> tuple[Analysis, ...]:
    """The readings of a word that can be a finite verb, () when it cannot: a verb (or a
    participle-adjective: "chiuse", "decise"); "parte", "solo", "porta" are also nouns and
    say nothing."""
    pos = lex.parts_of_speech(word)   # a noun is dismissed without reading its paradigms
    if not pos or not pos <= _VERB_OR_ADJ or not pos & _VERB:
        return ()
    readings = lex.analyses(word)
    if not readings or not all(a.pos in ("VER", "AUX", "ADJ") for a in readings):
        return ()
    return readings if any(a.finite for a in readings) else ()


def _readings(lex: Lexicon, tok: Token) -> tuple[Analysis, ...]:
    return lex.analyses(tok.low) if tok.is_word else ()


class TenseConsistency(Rule):
    """A present tense in a paragraph told in the passato remoto ("Non segue Conte").

    What it catches:
    A biography or a match report told in the passato remoto ("iniziò", "vinse", "fu") that
    slips into the present for one sentence ("Non segue Conte al Chelsea"). News copy mixes
    tenses legitimately, so the rule is careful. The paragraph needs at least `min_past`
    sentences whose finite verbs are all unambiguous passato remoto forms, and at least as
    many as sentences in the present. The verb must be a present indicative that is the
    first finite verb of its sentence; a verb of action; a word the lexicon knows only as a
    verb; outside subordinate and relative clauses; in a sentence with no word that anchors
    it to now and no past verb of its own; and between two passato remoto sentences.

    Stays silent on:
    "è", "ha", stative verbs such as "resta", "detiene", "vanta", modal or commentary verbs
    such as "può", "si tratta", a passive "viene ricordato"; sentences anchored to now
    ("oggi", "attualmente", "ancora"); a closing "Detiene il record" (a statement about
    today); a paragraph in the historical present throughout.

    Why:
    One present among passato remoto sentences reads as an unrevised draft.

    Example:
        Nel 2014 lasciò la Juventus. Non segue Conte al Chelsea. Firmò per lo Spartak.
        -> Nel 2014 lasciò la Juventus. Non seguì Conte al Chelsea. Firmò per lo Spartak.

    Fix:
    Suggests the passato remoto of the same person ("Non seguì").

    Fix safety:
    Suggestion only: never applied automatically.

    Options:
    `min_past`: how many passato remoto sentences make a paragraph a passato remoto
    narration (default 2).
    """

    id = "grammar.tense-consistency"
    severity = Severity.SUGGESTION
    skip_quoted = True
    options: ClassVar[dict[str, Option]] = {
        "min_past": Option(2, "int", "how many passato remoto sentences make a paragraph a "
                                      "passato remoto narration")}

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(options)
        # word -> its readings when it can be a finite verb (kept across documents)
        self._finite: WordMemo[tuple[Analysis, ...]] = WordMemo()

    def check(self, ctx: Context) -> Iterator[Finding]:
        lex: Lexicon = ctx.resources.get("lexicon")
        seg = ctx.seg
        quoted = seg.in_quote
        for paragraph in seg.paragraphs:
            if paragraph.heading:
                continue
            sentences = seg.paragraph_sentences(paragraph)
            if len(sentences) < 3:
                continue    # a present needs a passato remoto sentence on each side
            kinds = [self.sentence_tense(lex, ctx, s, quoted) for s in sentences]
            past = sum(1 for k, _ in kinds if k == "past")
            present = sum(1 for k, _ in kinds if k == "present")
            if past < self.opts["min_past"] or present > past:
                continue
            labels = [k for k, _ in kinds]
            for i, (kind, tok) in enumerate(kinds):
                if kind != "present" or tok is None:
                    continue
                if not (_reaches_past(labels[:i][::-1]) and _reaches_past(labels[i + 1:])):
                    continue
                suggestion = self.remote_past(lex, tok)
                if suggestion:
                    yield self.finding(
                        tok.start, tok.end,
                        "Presente in un racconto al passato remoto: "
                        f"forse «{suggestion}».", [suggestion], fix=Applicability.SUGGESTION)

    def sentence_tense(self, lex: Lexicon, ctx: Context, sentence: Sentence,
                       quoted: Callable[[int, int], bool]) -> tuple[str, Token | None]:
        """("past", None) when every finite verb is a passato remoto; ("present", verb) when
        the first finite verb is a clean present candidate; ("none", None) without a finite
        verb; ("", None) otherwise."""
        seg = ctx.seg
        tokens = [t for t in seg.sentence_tokens(sentence)
                  if t.is_word and not quoted(t.start, t.end)]
        if any(t.low in _NOW for t in tokens):
            return "", None     # before any look-up
        finite: list[tuple[Token, tuple[Analysis, ...]]] = []
        memo = self._finite.table(lex)
        for tok in tokens:
            word = tok.low
            if tok.capitalised and not seg.is_sentence_initial(tok):
                continue    # a name, not a verb: not looked up
            readings = memo.get(word)
            if readings is None:
                readings = memo[word] = _finite_readings(lex, word)
            if readings:
                finite.append((tok, readings))
        if not finite:
            return "none", None
        if all(all(a.mood == "ind" and a.tense == "past" for a in r if a.finite)
               for _, r in finite):
            return "past", None
        tok, readings = finite[0]
        if not all(a.pos == "VER" and a.mood == "ind" and a.tense == "pres" and a.person == "3"
                   for a in readings):
            return "", None
        if any(a.lemma in _STATIVE for a in readings):
            return "", None
        after = seg.next_token(tok)
        if any(a.lemma in ("venire", "andare") for a in readings) and \
                after is not None and after.is_word and any(
                a.mood == "part" and a.tense == "past" for a in _readings(lex, after)):
            return "", None  # a passive ("viene ricordato", "va detto") describes today
        if any(a.finite and a.tense in ("past", "impf") for _, r in finite[1:] for a in r):
            return "", None
        before = tokens[:tokens.index(tok)]
        if any(t.low in _SUBORDINATORS for t in before):
            return "", None
        return "present", tok

    @staticmethod
    def remote_past(lex: Lexicon, tok: Token) -> str | None:
        for a in lex.analyses(tok.low):
            forms = lex.forms(a.lemma, "VER", mood="ind", tense="past", person=a.person,
                              number=a.number)
            if forms:
                return capitalise_like(forms[0], tok.text)
        return None
