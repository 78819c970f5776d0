"""Scores written in more than one way in one article."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import ClassVar

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.scores import Score, find_scores
from sportlint.rules.base import Context, Option, Rule


class ScoreFormat(Rule):
    """Scores written in more than one way in one article (2-1 and 2 a 1, 2-1 and 2–1).

    What it catches:
    An article that writes its scores in different formats: with a hyphen ("2-1"), an en
    dash ("2–1"), with "a" ("2 a 1"), or with spaced dashes ("2 - 1"). The house style
    (`style.score_format`: "-", "–" or " a ") wins when the article uses it; otherwise the
    article's most frequent format does. With the option `strict` every score that differs
    from the house style is flagged, even in an article that is consistent in another
    format.

    Stays silent on:
    Number pairs that are not scores (formations "4-4-2", seasons "2020-21", ranges "10–15
    minuti", dates), and scores inside quoted speech, which are left as said.

    Why:
    A match report lives on its numbers; one format reads as one voice.

    Example:
    With the house style "-" (`style.score_format`):

        Vince 2-1 a Bari, poi perde 3 a 0 a Lecce.
        -> Vince 2-1 a Bari, poi perde 3-0 a Lecce.

    Fix:
    Rewrites the score in the winning format.

    Fix safety:
    Safe: only number pairs recognised as scores are touched.

    Options:
    `strict` (default false): compare every score with the house style.
    """

    id = "scores.format"
    severity = Severity.WARNING
    options: ClassVar[dict[str, Option]] = {
        "strict": Option(False, "bool", "compare every score with the house style, not the "
                                        "article's most frequent format")}

    def check(self, ctx: Context) -> Iterator[Finding]:
        # quoted speech is a transcription: "abbiamo vinto 2 a 1" stays as said
        scores = [s for s in find_scores(ctx.seg) if not ctx.seg.in_quote(s.start, s.end)]
        if not scores:
            return
        style = str(ctx.style.get("score_format", "-"))
        counts = Counter(s.format for s in scores)
        if self.opts["strict"] or style in counts:
            target = style
        else:
            target = max(counts, key=lambda f: (counts[f], -_first(scores, f)))
            if len(counts) == 1:
                return
        for score in scores:
            if score.sep == target:
                continue
            replacement = f"{score.home}{target}{score.away}"
            shown = ctx.text[score.start:score.end]
            where = "quello della redazione" if target == style else "quello del resto dell'articolo"
            yield self.finding(
                score.start, score.end,
                f"Punteggio «{shown}» in un formato diverso da {where}: scrivere «{replacement}».",
                [replacement], fix=Applicability.SAFE)


def _first(scores: list[Score], fmt: str) -> int:
    return next(s.start for s in scores if s.format == fmt)
