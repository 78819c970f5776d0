"""A final accent missing, wrong or superfluous (possibilita, cosí, anché)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from sportlint.config.loader import Config
from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian import resources
from sportlint.italian.frequencies import Vocabulary
from sportlint.italian.wordforms import explain
from sportlint.rules.base import Context, Option, Rule
from sportlint.rules.spelling._listed import listed_forms
from sportlint.util.wordmemo import WordMemo

# The spellings of each final vowel: bare, grave, acute.
_FORMS = {
    "a": "aàá", "e": "eèé", "i": "iìí", "o": "oòó", "u": "uùú",
}
_BASE = {ch: base for base, forms in _FORMS.items() for ch in forms}
# A passato remoto ending and the infinitive of its verb: seguitò -> seguitare.
_INFINITIVE = {"ò": "are", "ì": "ire", "é": "ere"}


# Spacing accents typed after the vowel (perche´, piu`): typography.accent-char's slip.
SPACING_ACCENTS = frozenset("´`ˊˋ")


class FinalAccent(Rule):
    """A final accent missing, wrong or superfluous (possibilita, cosí, anché).

    What it catches:
    Italian marks a stressed final vowel with an accent, grave on à ì ò ù and on open è,
    acute on closed é (perché, ventitré). Typing without the accent ("possibilita", "piu",
    "giovedi"), with the wrong one ("cosí", "fará", "é" for "è") or with one the word does
    not take ("anché") gives a form that word-frequency lists know only as a rare misspelling
    of the right one. The rule compares a word with its other final-vowel spellings and
    reports it when one of them is far more frequent (adding an accent: ten times; changing
    or removing one: thirty times) and the word is not a regular verb form. Capitalised
    words are checked only at the start of a sentence (Percio -> Perciò).

    Stays silent on:
    Verb forms: "abilita" and "eredita" are verbs as well as misspelt "abilità" and
    "eredità", "parlo" and "liberò" are verbs too. Real words are never touched: "faro",
    "papa", "metro" are far too common to lose to "farò", "papà", "metrò", and an accented
    word that is not rare ("dà", "là", "sé", "tè", "purè") is never stripped of its accent.
    With the Morph-it! lexicon installed, a word it knows is never reported. Capitalised
    words elsewhere than at a sentence start are names. Forms listed in `spelling.accents`
    and `spelling.misspellings` are left to those rules.

    Why:
    A missing or wrong final accent is the commonest typing slip of Italian, and a
    dictionary of words alone cannot tell "possibilita" from a word.

    Example:
        Ha avuto la possibilita di segnare.
        -> Ha avuto la possibilità di segnare.

    Fix:
    Writes the word with the frequent final-vowel spelling.

    Fix safety:
    Safe when the unaccented form is thirty times rarer, otherwise unsafe
    (`--unsafe-fixes`).

    Options:
    `add_ratio` and `change_ratio` (the Zipf gap needed to add, or to change or remove, an
    accent), `keep_zipf` (an accented form at least this frequent keeps it).
    """

    id = "spelling.final-accent"
    severity = Severity.WARNING
    options: ClassVar[dict[str, Option]] = {
        "add_ratio": Option(1.0, "float", "the Zipf gap needed to add an accent"),
        "change_ratio": Option(1.5, "float", "the Zipf gap needed to change or remove an accent"),
        "keep_zipf": Option(2.0, "float", "an accented form at least this frequent (Zipf) keeps its accent")}

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(options)
        self._memo: WordMemo[tuple[str, bool, bool] | None] = WordMemo()
        self._listed: tuple[Config, frozenset[str]] | None = None

    def check(self, ctx: Context) -> Iterator[Finding]:
        vocab: Vocabulary = ctx.resources.get("vocabulary")
        lexicon = ctx.resources.get("lexicon") if "lexicon" in resources.LOADERS else None
        if self._listed is None or self._listed[0] is not ctx.config:
            self._listed = (ctx.config, listed_forms(ctx.config.is_enabled))
        listed = self._listed[1]
        # word as written -> (its better form, whether the fix is safe, whether only a
        # sentence-initial capital allows it), or None: the answer depends only on the word,
        # the resources and the listed forms, so it is kept across documents
        memo = self._memo.table(vocab, lexicon, listed)
        for token in ctx.seg.words:
            word = token.bare if token.elided else token.text
            if not word.islower() and not ctx.seg.is_sentence_initial(token):
                continue    # a capital mid-sentence: a name (its verdict would be initial_only)
            if word in memo:
                verdict = memo[word]
            else:
                verdict = memo[word] = self._verdict(word, vocab, lexicon, listed)
            if verdict is None:
                continue
            right, safe, initial_only = verdict
            if initial_only and not ctx.seg.is_sentence_initial(token):
                continue
            if ctx.text[token.start + len(word):token.start + len(word) + 1] in SPACING_ACCENTS:
                continue    # perche´: the accent is there, typed apart (typography.accent-char)
            yield self.finding(
                token.start, token.start + len(word),
                f"Accento: «{word}» si scrive «{right}».", [right],
                fix=Applicability.SAFE if safe else Applicability.UNSAFE)

    def _verdict(self, word: str, vocab: Vocabulary, lexicon: Any,
                 listed: frozenset[str]) -> tuple[str, bool, bool] | None:
        if not word.isalpha() or word[-1].lower() not in _BASE or word.lower() in listed:
            return None
        initial_only = not word.islower()
        if initial_only and not (word[0].isupper() and word[1:].islower()):
            return None
        lower = word.lower()
        if lexicon is not None and lexicon.is_word(lower):
            return None
        right, safe = self._better(lower, vocab, lexicon is not None)
        if right is None:
            return None
        if word[0].isupper():
            right = right[0].upper() + right[1:]
        return right, safe, initial_only

    def _better(self, word: str, vocab: Vocabulary, has_lexicon: bool) -> tuple[str | None, bool]:
        own = vocab.zipf(word)
        last = word[-1]
        adding = last in _FORMS
        best, best_zipf = None, 0.0
        for variant in _FORMS[_BASE[last]]:
            if variant == last or (variant in _FORMS and own >= self.opts["keep_zipf"]):
                continue    # dà, là, sé, tè, purè are words: they keep their accent
            form = word[:-1] + variant
            z = vocab.zipf(form)
            if z > best_zipf:
                best, best_zipf = form, z
        if best is None:
            return None, False
        gap = best_zipf - own
        if has_lexicon:
            needed = 0.5
        elif adding:
            needed = self.opts["add_ratio"]
        else:
            needed = self.opts["change_ratio"]
        if gap < needed or best_zipf < 3.0:
            return None, False
        if not has_lexicon and self._verb_form(word, adding, best, vocab):
            return None, False
        return best, has_lexicon or gap >= self.opts["change_ratio"]

    @staticmethod
    def _verb_form(word: str, adding: bool, best: str, vocab: Vocabulary) -> bool:
        """Is the word a regular verb form, so a real word? Without an accent: a present
        tense of a verb ending in -are/-ere/-ire (abilita, eredita, parlo, dormi; not
        possibilita); with one: a passato remoto or another regular form (liberò, seguitò)."""
        if len(word) <= 3:
            return False
        stem = word[:-1]
        if adding:
            return max(vocab.zipf(stem + ending) for ending in ("are", "ere", "ire")) >= 2.0
        return bool(explain(word, vocab.zipf, exclude=best)) or \
            vocab.zipf(stem + _INFINITIVE.get(word[-1], "-")) >= 1.5
