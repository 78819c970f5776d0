"""A word that is not Italian and is one typo away from a common Italian word."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import replace
from functools import lru_cache
from typing import Any, ClassVar

from sportlint.config.loader import Config
from sportlint.findings import Applicability, Finding, Fix, Severity
from sportlint.italian import resources
from sportlint.italian.frequencies import Candidate, Vocabulary, foreign_zipf, jargon
from sportlint.italian.wordforms import derived, explain, place_of
from sportlint.italian.words import ARTICLES, ARTICULATED, CLITICS
from sportlint.rules.base import Context, Option, Rule
from sportlint.rules.spelling._listed import listed_forms
from sportlint.segment.tokens import ABBREVIATIONS, Token
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
# A clitic glued after a word is enclisis (divisivi is no "divisi vi"): never split off.
_NO_RIGHT_GLUE = frozenset(CLITICS)

# Clitic pronouns before a verb ("lo", "la", "gli" are articles too: left out).
_CLITIC_WORDS = frozenset("mi ti si ci vi ne".split())

# Elided forms whose apostrophe a hurried writer drops: senzaltro (senz'altro), quantaltro
# (quant'altro), dellarbitro (dell'arbitro), unaltra (un'altra). The articles and the
# articulated prepositions elide before a singular noun or adjective (un' and nessun' only
# before a feminine one); the others only before the few words listed.
_ELIDED_ARTICLES = frozenset("l dell dall nell sull all quest quell un nessun".split())
_FEMININE_ONLY = frozenset("un nessun".split())
_ELIDED_BEFORE = {"senz": None, "quant": ("altro", "altra", "altri", "altre", "è", "era"),
                  "tant": ("altro", "altra", "è", "era"), "tutt": ("altro", "altra", "altri",
                                                                 "altre"),
                  "nient": ("altro",), "anch": ("io", "essa", "esso", "egli", "ella"),
                  "dov": ("è", "era", "erano"), "com": ("è", "era", "erano")}
_VOWEL_OR_H = frozenset("aeiouàèéìòóùh")


class UnknownWord(Rule):
    """A word that is not Italian and is one typo away from a common Italian word.

    What it catches:
    Non-words such as "centavanti" (centravanti), "rendini" (redini), "graudatoria"
    (graduatoria, two letters swapped), "ottenero" (ottennero). A lower-case word is suspect
    when it is unknown to Italian word frequencies (wordfreq: below `max_zipf`, so a rare
    word that the lists attest, a learned or technical term, is not suspect), is not one of
    the shipped abbreviations, is not the demonym or adjective of a shipped place
    ("vicentini", "forlivese"), is not a regular form of a known word
    (an enclitic "aggiudicarsela", a rare inflection "esordiranno", a superlative
    "tiratissimi", an adverb in -mente, a noun made from a verb the lexicon knows
    "tallonatore", "smarcamento", a learned adjective "divisivo", "trattamentale",
    "ordinatorio", a passato remoto "espansero" whose singular the lexicon knows, an
    imperative with a clitic "affrontiamolo", a diminutive or augmentative of a common noun
    "scavetto", "rapportone"), is not in the Morph-it! lexicon or the football gazetteer when those are
    installed, nor in the config's `names.accept`, and is not a common word of English,
    French, Spanish, German or Portuguese, and is not a known misspelling that
    `spelling.misspellings` reports already. It is reported only when a much more frequent
    Italian word lies within one edit (two for words of eight letters or more, when none is
    one edit away).

    A word whose apostrophe was lost ("senzaltro", "quantaltro", "dellarbitro", "unaltra")
    gets the elided form as its candidate, tried before any other ("senz'altro", not a
    look-alike one letter away); such a word is suspect even when the frequency lists
    attest it (a common slip), up to `apostrophe_zipf`. A word glued to a short word by a
    missing space ("cittàe", "delcampionato") gets the two words as a candidate ("città
    e"), one edit away, after the single words; a clitic glued after a word is enclisis,
    never split off ("divisivi" is no "divisi vi").

    Stays silent on:
    An unknown word with no plausible correction: it is more likely a foreign term or a
    name than a typo. A word not shaped like an Italian one (a k, w, x, y or j; a final
    consonant other than l, n, r: "dists", "binutils", "slink"): a foreign term, a command,
    a brand. Words with a capital letter anywhere are never checked: mid-sentence
    they are names (Immobile, Bove, Conte are words too), at the start of a sentence they
    may be, and a name must never be "corrected" into a common word. Typos in names are the
    business of the names.* rules.
    A run of more than 40 letters (longer than any Italian word) is noise, not a typo. A
    word with a letter of another script (a Cyrillic а in "pаrtita") is left to
    typography.mixed-script, which fixes the letter; a word of another alphabet is no
    Italian word to correct.

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
    Safe only when the word is unknown, exactly one candidate is nearest, the edit is
    inside the word, and the candidate fits the slot as far as the word before tells (after
    an article a noun or an adjective, after "non" or a clitic pronoun a verb: otherwise a
    suggestion only); a split ("grey ed") or a change at its edge ("campionatoo" -> "campionato",
    more likely a foreign word's inflection) is unsafe (`--unsafe-fixes`); with several
    candidates it is a suggestion only.

    Options:
    `max_zipf` (a word at or above this Zipf frequency is never suspect, unless a lost
    apostrophe explains it), `apostrophe_zipf` (the same for a lost apostrophe), `candidate_zipf`
    (the lowest frequency of a suggested word), `far_candidate_zipf` (the same for a word
    two edits away), `min_length`.
    """

    id = "spelling.unknown-word"
    generic = True
    severity = Severity.WARNING
    options: ClassVar[dict[str, Option]] = {
        "max_zipf": Option(1.0, "float", "a word at or above this Zipf frequency is never suspect"),
        "apostrophe_zipf": Option(2.5, "float",
                                  "below this Zipf frequency a word whose lost apostrophe "
                                  "gives a common form is suspect"),
        "candidate_zipf": Option(2.5, "float", "the lowest Zipf frequency of a suggested word"),
        "far_candidate_zipf": Option(3.5, "float",
                                     "the lowest Zipf frequency of a suggestion two edits away"),
        "min_length": Option(4, "int", "shorter words are never checked")}

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(options)
        self._memo: WordMemo[list[Candidate] | None] = WordMemo()
        self._listed: tuple[Config, frozenset[str]] | None = None
        self._places: dict[str, tuple[str, ...]] | None = None

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
        apostrophe = str(ctx.style.get("apostrophe", "'"))
        for token in ctx.seg.words:
            word = token.text
            if not self._checkable(token) or word in accepted or word in listed:
                continue
            if word not in seen:
                seen[word] = self._candidates(word, vocab, lexicon, gazetteer)
            candidates = seen[word]
            if candidates:
                found = self._report(token, [_styled(c, apostrophe) for c in candidates],
                                     vocab.zipf(word))
                if found.fix is not None and found.fix.applicability is not \
                        Applicability.SUGGESTION and not _fits(ctx, token, candidates[0].word,
                                                               lexicon):
                    found = replace(found, fix=Fix(found.fix.edits, Applicability.SUGGESTION))
                yield found

    def _checkable(self, token: Token) -> bool:
        word = token.text
        return self.opts["min_length"] <= len(word) <= MAX_WORD and word.isalpha() and \
            word.islower() and not _foreign_shape(word) and _latin(word)

    def _candidates(self, word: str, vocab: Vocabulary, lexicon: Any,
                    gazetteer: Any) -> list[Candidate] | None:
        # the lexicon first: the rules before this one have looked most words up already
        if lexicon is not None and lexicon.is_word(word):
            return None
        zipf = vocab.zipf(word)
        if zipf >= self.opts["apostrophe_zipf"] or word in ABBREVIATIONS:
            return None
        if gazetteer is not None and (gazetteer.has_token(word) or
                                      gazetteer.has_token(word.capitalize())):
            return None
        # a lost apostrophe first: its restoration is the one right word (senz'altro)
        restored = _restored(word, vocab, lexicon, zipf)
        if restored:
            return restored
        if zipf >= self.opts["max_zipf"]:
            return None     # attested in the frequency list: a rare word, not a typo
        if explain(word, vocab.zipf):
            return None
        if lexicon is None:
            if derived(word, vocab.zipf, None):
                return None
        elif derived(word, vocab.zipf, lexicon.is_word,
                     lambda w: any(a.pos == "NOUN" for a in lexicon.analyses(w)),
                     is_past=lambda w: any(a.pos in ("VER", "AUX") and a.tense == "past"
                                           and a.mood == "ind" for a in lexicon.analyses(w))):
            return None
        if place_of(word, self._place_index()):
            return None     # the demonym or adjective of a place: vicentini, forlivese
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

    def _place_index(self) -> dict[str, tuple[str, ...]]:
        """The shipped place names (lower case), by their first four letters."""
        if self._places is None:
            from sportlint.italian.gazetteer import read_list
            from sportlint.util.datapaths import data_dir

            index: dict[str, list[str]] = {}
            path = data_dir() / "curated" / "names" / "places.sportlint.txt"
            for name in read_list(path) if path.is_file() else []:
                for part in name.lower().replace("-", " ").split():
                    if len(part) >= 4 and part.isalpha():
                        index.setdefault(part[:4], []).append(part)
            self._places = {key: tuple(names) for key, names in index.items()}
        return self._places

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
                not (right in GLUE and right not in _NO_RIGHT_GLUE and
                     (len(right) >= 2 or right in "eè")):
            continue
        zipf = min(vocab.zipf(left), vocab.zipf(right))
        if zipf >= max(floor, 3.0):
            out.append(Candidate(f"{left} {right}", 1, zipf))
    return out


def _latin(word: str) -> bool:
    """Every letter is Latin. A word with a letter of another script (a Cyrillic а among
    Latin ones) is typography.mixed-script's, or a word of another language."""
    return word.isascii() or all(c.isascii() or _latin_letter(c) for c in word)


@lru_cache(maxsize=4096)
def _latin_letter(c: str) -> bool:
    return unicodedata.name(c, "").startswith("LATIN")


def _foreign_shape(word: str) -> bool:
    """Not shaped like an Italian word: a letter Italian spells only in loanwords (k, w, x,
    y, j), a q not followed by u ("qmail"), or a final consonant other than l, n, r
    ("dists", "binutils", "offsets"). Such a word is a foreign term, a command or a brand;
    its "correction" into an Italian word one letter away (dists -> dista) would be
    wrong."""
    return any(c in "kwxyj" for c in word) or word[-1] not in "aeiouàèéìíòóùlnr" or \
        any(c == "q" and word[i + 1:i + 2] != "u" for i, c in enumerate(word))


def _fits(ctx: Context, token: Token, candidate: str, lexicon: Any) -> bool:
    """The candidate fits the slot the word stands in, as far as the word before tells:
    after an article or an articulated preposition a noun or an adjective ("il centavanti"
    -> "centravanti"), after a clitic pronoun or "non" a verb ("non espanse"). Elsewhere,
    or with no lexicon, anything fits."""
    if lexicon is None or " " in candidate:
        return True
    before = ctx.seg.prev_token(token)
    if before is None or not before.is_word:
        return True
    prev = before.low
    readings = lexicon.analyses(candidate.replace("’", "'").split("'")[-1])
    if not readings:
        return True
    pos = {a.pos for a in readings}
    if prev in ARTICLES or prev in ARTICULATED:
        return bool(pos & {"NOUN", "ADJ", "DET", "NUM"}) or "'" in candidate
    if prev == "non" or prev in _CLITIC_WORDS:
        return bool(pos & {"VER", "AUX"})
    return True


def _restored(word: str, vocab: Vocabulary, lexicon: Any, zipf: float) -> list[Candidate] | None:
    """The word with a lost apostrophe put back, when that gives one known elided form:
    an elided word (senz', dell', un') glued to a word that begins with a vowel or h and
    that the lexicon knows, the whole (or, when the frequency list lacks it, the word
    after the apostrophe: dell'arbitro) common and far more frequent than the word. Tried
    before any other candidate."""
    out = []
    for i in range(1, len(word) - 1):
        left, right = word[:i], word[i:]
        if right[0] not in _VOWEL_OR_H:
            continue
        if left in _ELIDED_ARTICLES:
            if not _singular_nominal(right, lexicon, left in _FEMININE_ONLY, vocab):
                continue    # l'amano, un'ali, un amico: no apostrophe to restore
        elif left in _ELIDED_BEFORE:
            allowed = _ELIDED_BEFORE[left]
            if allowed is not None and right not in allowed:
                continue
            if allowed is None and not _singular_nominal(right, lexicon, False, vocab):
                continue
        else:
            continue
        whole = f"{left}'{right}"
        # the elided form's own frequency, or (the lists split most elisions) its word's
        evidence = vocab.zipf(whole) or vocab.zipf(right)
        if evidence >= max(3.0, zipf + 2.0):
            out.append(Candidate(whole, 1, evidence))
    return out or None


def _singular_nominal(word: str, lexicon: Any, feminine: bool, vocab: Vocabulary) -> bool:
    """A singular noun or adjective (feminine, when asked): what an elided article
    stands before."""
    if lexicon is None:
        return vocab.zipf(word) >= 3.0 and (not feminine or word.endswith("a"))
    return any(a.pos in ("NOUN", "ADJ") and a.number in ("s", "") and
               (not feminine or a.gender == "f") for a in lexicon.analyses(word))


def _styled(c: Candidate, apostrophe: str) -> Candidate:
    """The candidate with the house style's apostrophe."""
    return Candidate(c.word.replace("'", apostrophe), c.distance, c.zipf) \
        if apostrophe != "'" and "'" in c.word else c


def _shared_ending(word: str, other: str, limit: int = 3) -> int:
    n = 0
    while n < limit and n < min(len(word), len(other)) and word[-1 - n] == other[-1 - n]:
        n += 1
    return n
