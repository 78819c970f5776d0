"""typography.accent-char: an accent typed as the wrong character (É for È, perche´)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.lexicon import Lexicon
from sportlint.rules.base import Context, Rule
from sportlint.util import lazyregex

# A spacing accent (´ ` and their modifier-letter twins) typed after the vowel it belongs on,
# at the end of a word: perche´, piu`, E` stato.
_SPACING = lazyregex.compile(r"(?<![\p{L}\p{M}\d])(\p{L}*[aeiouAEIOU])([´`ˊˋ])(?![\p{L}\p{M}\d])")
_MARKS = "´`ˊˋ"
# A spacing accent after a vowel that already has its accent (perché´): typed twice, or left
# over when another rule wrote the accented letter.
_STRAY = lazyregex.compile(r"(?<=[àèéìíòóùÀÈÉÌÍÒÓÙ]|\p{L}['’])[´`ˊˋ](?![\p{L}\p{M}\d])")
_GRAVE, _ACUTE = "\u0300", "\u0301"
# "É" standing alone: Italian has no such word (the verb is "È"; a lone "é" in lower case is
# spelling.final-accent's).
_LONE_E = lazyregex.compile(r"(?<![\p{L}\p{M}\d'’])É(?![\p{L}\p{M}\d'’])")
_NEXT_WORD = lazyregex.compile(r"\s+(\p{L}+)")
# Truncations whose apostrophe a spacing accent may stand for (un po´, mo´).
_TRUNCATED = frozenset({"po", "mo"})


def _accented(word: str, mark: str) -> str:
    return unicodedata.normalize("NFC", word + mark)


class AccentChar(Rule):
    """An accent typed as the wrong character: "É stata" for "È stata", "perche´" for "perché".

    What it catches:
    - "É" standing alone where the verb "È" belongs: Italian has no word "é", and keyboards
      without a capital È make writers pick the É they find (a lone "é" in lower case is
      spelling.final-accent's);
    - a spacing accent (´ or `) typed after a vowel at the end of a word instead of the
      accented letter: "perche´", "piu`", "E` stato"; or instead of the apostrophe of a
      truncation: "un po´"; or after a vowel that has its accent already, or after an
      apostrophe ("perché´", "po'´").

    Stays silent on:
    "É" inside a word (École, Émile), an accent typed between two letters (that is an
    apostrophe: typography.wrong-apostrophe), "E'" for "È" (typography.apostrophe-misuse),
    and a spacing accent after a word that is no Italian word with either accent.

    Why:
    Both are misspellings of the commonest verb form and of the accented endings, and the
    spacing accent is a separate character that breaks search and spell checking.

    Example:
        É stata una giornata storica, perche´ si è vinto.
        -> È stata una giornata storica, perché si è vinto.

    Fix:
    Writes "È" for a lone "É"; for a spacing accent, the accented vowel that
    makes a word of the lexicon.

    Fix safety:
    Safe when exactly one accented form is a word; with two (grave and acute both words) the
    finding only suggests them. (No options.)
    """

    id = "typography.accent-char"
    severity = Severity.ERROR

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.doc.masked
        lone = "É" in text
        for m in _LONE_E.finditer(text) if lone else ():
            nxt = _NEXT_WORD.match(text, m.end())
            if nxt is None or not self._lexicon(ctx).is_word(nxt[1].lower()):
                continue        # a Portuguese or French "é", or a letter in a list
            right = "È"
            yield self.finding(m.start(), m.end(),
                               f"«{m.group()}» non è una parola italiana: il verbo si scrive «{right}».",
                               [right], fix=Applicability.SAFE)
        spacing = any(mark in text for mark in _MARKS)
        for m in _STRAY.finditer(text) if spacing else ():
            yield self.finding(m.start(), m.end(),
                               f"Accento in più («{m.group()}») dopo una vocale accentata o un "
                               "apostrofo: va tolto.", [""], fix=Applicability.SAFE)
        for m in _SPACING.finditer(text) if spacing else ():
            word = m[1]
            lex = self._lexicon(ctx)
            if word.lower() == "e":
                candidates = [_accented(word, _GRAVE)]
            else:
                candidates = [form for form in (_accented(word, _GRAVE), _accented(word, _ACUTE))
                              if lex.is_word(form.lower())]
            if not candidates and word.lower() in _TRUNCATED:
                right = word + "'"          # po´: the apostrophe of the truncation
                yield self.finding(m.start(), m.end(),
                                   f"«{m[2]}» usato come apostrofo: scrivi «{right}».", [right],
                                   fix=Applicability.SAFE)
                continue
            if not candidates:
                continue
            yield self.finding(
                m.start(), m.end(),
                f"Accento scritto come carattere a parte («{m[2]}»): scrivi «{candidates[0]}».",
                candidates, fix=Applicability.SAFE if len(candidates) == 1 else None)

    @staticmethod
    def _lexicon(ctx: Context) -> Lexicon:
        lex: Lexicon = ctx.resources.get("lexicon")
        return lex
