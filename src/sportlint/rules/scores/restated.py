"""The same score stated twice for the same match in one sentence."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Edit, Finding, Severity
from sportlint.italian.numwords import with_article
from sportlint.italian.scores import STRONG_INTROS, Score, find_scores, is_result_word
from sportlint.rules.base import Context, Rule

# Words between two equal scores that show they are two facts (two matches, two legs,
# a repeated result): a coordination, a new clause, or a word saying it repeats.
BLOCKERS = frozenset("""
e ed ma però mentre invece poi quindi dunque anche pure o oppure né come così che cui dove
quando dopo prima ancora nuovamente stesso stessa stessi identico identica medesimo
medesima entrambe entrambi ciascuna ciascuno rispettivamente altro altra altrettanto
""".split())
# Words saying the score repeats on purpose, looked for around both mentions too.
REPEATS = frozenset("""
anche pure ancora nuovamente stesso stessa stessi stesse identico identica medesimo medesima
entrambe entrambi ciascuna ciascuno rispettivamente ambedue sempre
""".split())
MAX_GAP = 15   # tokens between the two mentions
#: the most tokens an intro phrase takes before its score (five words of one or two tokens,
#: italian.scores.words_before): a later score further away cannot restate an earlier one
INTRO_TOKENS = 10


class ScoreRestated(Rule):
    """A score restated for the same match in one sentence ("per 2-1 ... con il punteggio di 2-1").

    What it catches:
    A sentence that gives the same score twice for one result: "vincendo per 2-1 contro la
    Virtus Francavilla con il punteggio di 2-1". The second mention must be introduced as a
    restatement (`con il punteggio di`, `con il risultato di`, `per`, or a bracket) and
    follow the first within a few words, with no coordination or new clause between them.

    Stays silent on:
    Scores that really repeat: two legs or two matches ("il Milan ha battuto 2-0 il Lecce e
    l'Inter 2-0 il Torino", "2-2 all'andata e 2-2 al ritorno"), half time and full time
    when both are named ("chiuso il primo tempo sul 2-1, finisce 2-1"), set scores ("6-4,
    6-4"), aggregate scores, a sentence that says so ("con lo stesso punteggio").

    Why:
    A copy-editing slip left by rewriting a sentence; the reader stops to wonder whether
    two results are meant.

    Example:
        Ha vinto per 3-1 contro il Lecce con il punteggio di 3-1.
        -> Ha vinto per 3-1 contro il Lecce.

    Fix:
    Removes the redundant phrase and the space or comma before it.

    Fix safety:
    Unsafe (`--unsafe-fixes`): an editor may prefer to drop the first mention instead.
    """

    id = "scores.restated"
    severity = Severity.WARNING
    skip_quoted = True   # quoted speech is a transcription

    def check(self, ctx: Context) -> Iterator[Finding]:
        by_sentence: dict[int, list[Score]] = {}
        for score in find_scores(ctx.seg):
            if not score.aggregate:
                by_sentence.setdefault(score.sentence, []).append(score)
        flagged: set[int] = set()
        for scores in by_sentence.values():
            for i, first in enumerate(scores):
                for k in range(i + 1, len(scores)):
                    second = scores[k]
                    if second.first - INTRO_TOKENS - first.last - 1 > MAX_GAP:
                        break   # too far, as every later score: a sentence of 200 scores is linear
                    if second.start in flagged or not self._restates(ctx, first, second):
                        continue
                    flagged.add(second.start)
                    yield self._finding(ctx, first, second)

    def _restates(self, ctx: Context, first: Score, second: Score) -> bool:
        if first.value != second.value or first.label or second.label:
            return False
        closed = second.parenthesised and ctx.seg.tokens[second.last + 1].text == ")"
        if not (second.intro or closed):
            return False   # "(2-1, doppietta di Rossi)" is more than a restatement
        between = ctx.seg.tokens[first.last + 1:second.intro_first]
        strong = second.intro in STRONG_INTROS
        if len(between) > MAX_GAP or not (strong or any(t.is_word for t in between)):
            return False   # "6-4, 6-4": set scores side by side
        tokens = ctx.seg.tokens
        sentence = ctx.seg.sentences[first.sentence]
        around = tokens[max(sentence.first_token, first.intro_first - 4):
                        min(sentence.last_token, second.last + 4)]
        if any(t.text.lower() in REPEATS for t in around):
            return False
        for tok in between:
            word = tok.text.lower()
            if word in BLOCKERS or tok.text in ";:" or is_result_word(word):
                return False
            if (tok.text == "," and not strong) or (tok.text in "()" and not second.parenthesised):
                return False
        return True

    def _finding(self, ctx: Context, first: Score, second: Score) -> Finding:
        text, tokens = ctx.text, ctx.seg.tokens
        start, end = second.intro_start, second.end
        if not second.intro:   # "(2-1)": a parenthesised score has no intro phrase
            start, end = tokens[second.first - 1].start, tokens[second.last + 1].end
        before = tokens[second.intro_first - (1 if second.intro else 2)]
        if before.text == ",":
            start = before.start   # ", con il punteggio di 2-1." -> "."
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        shown = text[first.start:first.end]
        return self.finding(
            start, end,
            f"Punteggio ripetuto: {with_article(shown)} è già indicato nella stessa frase.",
            [""], fix=Applicability.UNSAFE, edits=[Edit(start, end, "")])

