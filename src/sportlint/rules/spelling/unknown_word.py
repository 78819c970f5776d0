"""A word that is not Italian and is one typo away from a common Italian word."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from sportlint.config.loader import Config
from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian import resources
from sportlint.italian.frequencies import Candidate, Vocabulary, foreign_zipf, jargon
from sportlint.italian.wordforms import derived, explain
from sportlint.rules.base import Context, Option, Rule
from sportlint.rules.spelling._listed import listed_forms
from sportlint.segment.tokens import Token
from sportlint.util.wordmemo import WordMemo

# Short words that a missing space glues to their neighbour (cittàe, ilcampionato).
# Longer than any Italian word ("precipitevolissimevolmente" has 26 letters) even with a
# short word glued to it: a run of letters this long is no typo of a word but noise (a
# hash, a URL fragment, a key held down), and searching its edits and splits would cost
# time in proportion to its length squared.
MAX_WORD = 40

GLUE = frozenset("""
a e o i è ed di da in su il lo la le gli un uno una del della dei delle al alla ai alle dal
nel nella sul con per tra fra che non mi ti si ci vi ne tu io
""".split())


class UnknownWord(Rule):
    """A word that is not Italian and is one typo away from a common Italian word.

    What it catches:
    Non-words such as "centavanti" (centravanti), "rendini" (redini), "graudatoria"
    (graduatoria, two letters swapped), "ottenero" (ottennero). A lower-case word is suspect
    when it is rare or unknown in Italian (wordfreq), is not a regular form of a known word
    (an enclitic "aggiudicarsela", a rare inflection "esordiranno", a superlative
    "tiratissimi", an adverb in -mente, a noun made from a verb the lexicon knows
    "tallonatore", "smarcamento", a diminutive or augmentative of a common noun "scavetto",
    "rapportone"), is not in the Morph-it! lexicon or the football gazetteer when those are
    installed, nor in the config's `names.accept`, and is not a common word of English,
    French, Spanish, German or Portuguese, and is not a known misspelling that
    `spelling.misspellings` reports already. It is reported only when a much more frequent
    Italian word lies within one edit (two for words of eight letters or more, when none is
    one edit away).

    A word glued to a short word by a missing space ("cittàe", "delcampionato") gets the
    two words as a candidate ("città e"), one edit away, after the single words.

    Stays silent on:
    An unknown word with no plausible correction: it is more likely a foreign term or a
    name than a typo. Words with a capital letter anywhere are never checked: mid-sentence
    they are names (Immobile, Bove, Conte are words too), at the start of a sentence they
    may be, and a name must never be "corrected" into a common word. Typos in names are the
    business of the names.* rules.
    A run of more than 40 letters (longer than any Italian word) is noise, not a typo.

    Why:
    A spell checker's dictionary flags every rare word and name of sports copy; sportlint
    flags a non-word only when a likely correction exists.

    Example:
        Il centavanti ha segnato.
        -> Il centravanti ha segnato.

    Fix:
    Replaces the word with the best candidate. Suggestions are ranked by edit distance,
    then by how much of the word's ending they keep (a typo rarely changes an inflection),
    then by frequency.

    Fix safety:
    Safe only when the word is unknown, exactly one candidate is nearest, and the edit is
    inside the word; a split ("grey ed") or a change at its edge ("offsets" -> "offset",
    more likely a foreign word's inflection) is unsafe (`--unsafe-fixes`); with several
    candidates it is a suggestion only.

    Options:
    `max_zipf` (a word at or above this Zipf frequency is never suspect), `candidate_zipf`
    (the lowest frequency of a suggested word), `far_candidate_zipf` (the same for a word
    two edits away), `min_length`.
    """

    id = "spelling.unknown-word"
    severity = Severity.WARNING
    options: ClassVar[dict[str, Option]] = {
        "max_zipf": Option(1.5, "float", "a word at or above this Zipf frequency is never suspect"),
        "candidate_zipf": Option(2.5, "float", "the lowest Zipf frequency of a suggested word"),
        "far_candidate_zipf": Option(3.5, "float",
                                     "the lowest Zipf frequency of a suggestion two edits away"),
        "min_length": Option(4, "int", "shorter words are never checked")}

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(options)
        self._memo: WordMemo[list[Candidate] | None] = WordMemo()
        self._listed: tuple[Config, frozenset[str]] | None = None

    def check(self, ctx: Context) -> Iterator[Finding]:
        vocab: Vocabulary = ctx.resources.get("vocabulary")
        lexicon = ctx.resources.get("lexicon") if "lexicon" in resources.LOADERS else None
        gazetteer = ctx.resources.get("gazetteer") if "gazetteer" in resources.LOADERS else None
        accepted = {part.lower() for name in ctx.config.names.get("accept") or []
                    for part in str(name).replace("-", " ").split()}
        if self._listed is None or self._listed[0] is not ctx.config:
            self._listed = (ctx.config, listed_forms(ctx.config.is_enabled) | jargon())
        listed = self._listed[1]
        # the candidates of a word depend only on the word and the resources: kept across
        # documents
        seen = self._memo.table(vocab, lexicon, gazetteer)
        for token in ctx.seg.words:
            word = token.text
            if not self._checkable(token) or word in accepted or word in listed:
                continue
            if word not in seen:
                seen[word] = self._candidates(word, vocab, lexicon, gazetteer)
            candidates = seen[word]
            if candidates:
                yield self._report(token, candidates, vocab.zipf(word))

    def _checkable(self, token: Token) -> bool:
        word = token.text
        return self.opts["min_length"] <= len(word) <= MAX_WORD and word.isalpha() and \
            word.islower()

    def _candidates(self, word: str, vocab: Vocabulary, lexicon: Any,
                    gazetteer: Any) -> list[Candidate] | None:
        # the lexicon first: the rules before this one have looked most words up already
        if lexicon is not None and lexicon.is_word(word):
            return None
        zipf = vocab.zipf(word)
        if zipf >= self.opts["max_zipf"]:
            return None
        if gazetteer is not None and (gazetteer.has_token(word) or
                                      gazetteer.has_token(word.capitalize())):
            return None
        if explain(word, vocab.zipf):
            return None
        if lexicon is None:
            if derived(word, vocab.zipf, None):
                return None
        elif derived(word, vocab.zipf, lexicon.is_word,
                     lambda w: any(a.pos == "NOUN" for a in lexicon.analyses(w))):
            return None
        if foreign_zipf(word) >= 3.0:   # a common foreign word: no search for candidates
            return None
        max_distance = 1 if len(word) < 8 else 2
        floor = max(self.opts["candidate_zipf"], zipf + 2.0)
        found = [c for c in vocab.candidates(word, max_distance, floor)
                 if lexicon is None or lexicon.is_word(c.word)]
        found += _splits(word, vocab, floor)
        if any(c.distance == 1 for c in found):
            found = [c for c in found if c.distance == 1]
        else:    # two edits away: only a common word is a plausible correction
            found = [c for c in found if c.zipf >= self.opts["far_candidate_zipf"]]
        if not found:
            return None
        found.sort(key=lambda c: (c.distance, " " in c.word, -_shared_ending(word, c.word),
                                  -c.zipf))
        return found[:3]

    def _report(self, token: Token, candidates: list[Candidate], zipf: float) -> Finding:
        best = candidates[0]
        clear = len(candidates) == 1 or candidates[1].distance > best.distance
        if clear and best.distance == 1:
            word = token.text
            # a split (grey ed) or a change at the word's edge (offsets -> offset) is as
            # likely a foreign word's inflection as a typo: never applied unasked
            edge = best.word.startswith(word) or word.startswith(best.word) or \
                best.word.endswith(word) or word.endswith(best.word)
            mechanical = zipf == 0 and " " not in best.word and not edge
            fix = Applicability.SAFE if mechanical else Applicability.UNSAFE
        else:
            fix = Applicability.SUGGESTION
        names = [f"«{c.word}»" for c in candidates]
        options = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " o " + names[-1]
        return self.finding(
            token.start, token.end,
            f"Parola sconosciuta: «{token.text}». Forse {options}?",
            [c.word for c in candidates], fix=fix)


def _splits(word: str, vocab: Vocabulary, floor: float) -> list[Candidate]:
    """Two words glued by a missing space, one of them a short function word."""
    out = []
    for i in range(1, len(word)):
        left, right = word[:i], word[i:]
        # glued after a word of three letters or more (delcampionato), or before one of two
        # or more or before "e" (cittàe); "digrammi" is not "di grammi", and a word
        # ending in -o or -a is not a word plus "o" or "a"
        if not (left in GLUE and len(left) >= 3) and \
                not (right in GLUE and (len(right) >= 2 or right in "eè")):
            continue
        zipf = min(vocab.zipf(left), vocab.zipf(right))
        if zipf >= max(floor, 3.0):
            out.append(Candidate(f"{left} {right}", 1, zipf))
    return out


def _shared_ending(word: str, other: str, limit: int = 3) -> int:
    n = 0
    while n < limit and n < min(len(word), len(other)) and word[-1 - n] == other[-1 - n]:
        n += 1
    return n
