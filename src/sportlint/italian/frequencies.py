"""Word frequencies from ``wordfreq`` (Zipf scale: 0 unknown, 7 'di'), shipped as tables.

The ``vocabulary`` resource is a `Vocabulary`: wordfreq's Italian frequencies with fast
``zipf`` look-ups, plus an index of the frequent words by length and initial, so that
looking for the correction of one unknown token compares it with a few hundred words of
similar length, not the whole list.

The frequencies are wordfreq's own, copied by ``scripts/build_frequencies.py`` into the
tables in ``data/generated/frequencies/`` (CC BY-SA 4.0, see SOURCES.md there): one sorted line per
word, searched in place (the file is memory-mapped, nothing is built per word), so loading
takes milliseconds where importing wordfreq and unpacking its lists took half a second.
`wordfreq_zipf` answers ``wordfreq.zipf_frequency`` from the same tables for the foreign
checks (`foreign_zipf`, `english_zipf`); wordfreq itself is needed only to rebuild them.
"""

from __future__ import annotations

import math
import mmap
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from sportlint.util.fuzzy import extract_osa
from sportlint.util.sortedlines import Fences

FREQUENCIES = "generated/frequencies"
#: bytes between two fence lines of `FrequencyTable.cb`
_FENCE = 2048


@dataclass(frozen=True)
class Candidate:
    """A correction candidate: the word, its edit distance (with transpositions) and Zipf."""

    word: str
    distance: int
    zipf: float


class FrequencyTable:
    """One table of ``data/generated/frequencies/`` (format in ``scripts/build_frequencies.py``):
    ``WORD<TAB>CB`` lines sorted by their UTF-8 bytes, found by binary search; the word's
    frequency is ``10 ** (-CB / 100)``, exactly wordfreq's value."""

    def __init__(self, path: Path) -> None:
        with open(path, "rb") as fh:
            data: Any
            try:
                data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
            except (ValueError, OSError):   # an empty or unmappable file
                data = fh.read()
        self._data = data
        header = bytes(data[:data.find(b"\n")]).decode("ascii").split()
        if header[:2] != ["#sportlint-frequencies", "1"] or len(header) < 6:
            raise ValueError(f"{path}: not a sportlint frequency table")
        self.lang, self.wordlist = header[2], header[3]
        self.size = int(header[4])
        #: words rarer than this many centibels below 1 are not in the table
        self.floor_cb = int(header[5])
        #: what the table was built from ("wordfreq-3.1.1")
        self.source = header[6] if len(header) > 6 else ""
        start = data.find(b"\n#words\n") + len(b"\n#words\n")
        index = data.rfind(b"\n#index ")
        end = index + 1 if index >= 0 else len(data)
        self._words = (start, end)
        self._index = (index + 1, len(data)) if index >= 0 else None
        self._fences: Fences | None = None

    def __len__(self) -> int:
        return self.size

    def cb(self, word: str) -> int | None:
        """Centibels below 1 of ``word`` as written (wordfreq's lists are lower case), or
        None when the table lacks it.

        The lines are sorted, so a sparse list of lines ("fences", one every `_FENCE`
        bytes, built on the first look-up) narrows the search to one stretch, where a
        single string search finds the word's line (``\\nWORD\\t`` occurs only there)."""
        try:
            key = word.encode("utf-8") + b"\t"
        except UnicodeEncodeError:
            return None
        fences = self._fences
        if fences is None:
            fences = self._fences = self._build_fences()
        found = fences.first(key)
        if found < 0:
            return None
        start = found + len(key)
        return int(self._data[start:self._data.find(b"\n", start)])

    def _build_fences(self) -> Fences:
        """Every `_FENCE` bytes of the word lines, the next line and its start."""
        return Fences(self._data, *self._words, _FENCE)

    def items(self) -> Iterator[tuple[str, int]]:
        """(word, centibels) in the table's order (by UTF-8 bytes)."""
        start, end = self._words
        for line in bytes(self._data[start:end]).decode("utf-8").splitlines():
            word, cb = line.split("\t")
            yield word, int(cb)

    def index(self) -> tuple[float, dict[tuple[int, str], str]] | None:
        """The precomputed candidate index: its Zipf floor and (length, initial) -> the
        words, space-separated, most frequent first (None when the table has none)."""
        if self._index is None:
            return None
        start, end = self._index
        lines = bytes(self._data[start:end]).decode("utf-8").splitlines()
        floor = float(lines[0].split()[1])
        out: dict[tuple[int, str], str] = {}
        for line in lines[1:]:
            length, initial, words = line.split("\t")
            out[(int(length), initial)] = words
        return floor, out


@cache
def table(lang: str, wordlist: str) -> FrequencyTable:
    """The shipped table of wordfreq's ``wordlist`` ('best', 'small') for ``lang``."""
    from sportlint.util.datapaths import data_dir

    return FrequencyTable(data_dir() / FREQUENCIES / f"{lang}.{wordlist}.freq")


class Vocabulary:
    """Italian word forms with their Zipf frequency, and a correction-candidate index.

    Built from a ``word -> frequency`` mapping (wordfreq's ``get_frequency_dict``) or from
    a shipped `FrequencyTable`; both answer the same. The index holds the words at or above
    ``index_zipf`` grouped by (length, first letter); `candidates` looks only in the groups a
    word within the edit distance can be in (same initial, or the second letter as initial
    for a swap of the first two letters).
    """

    def __init__(self, frequencies: Mapping[str, float] | FrequencyTable,
                 index_zipf: float = 2.5) -> None:
        self._table = frequencies if isinstance(frequencies, FrequencyTable) else None
        self._freq: Mapping[str, float] = {} if self._table is not None else frequencies  # type: ignore[assignment]
        self._seen: dict[str, float | None] = {}
        self.index_zipf = index_zipf
        self._index: dict[tuple[int, str], list[str]] | None = None
        self._raw_index: dict[tuple[int, str], str] | None = None
        self._split: dict[tuple[int, str], list[str]] = {}

    def _frequency(self, word: str) -> float | None:
        """wordfreq's frequency of ``word`` (already lower-cased), None when unknown."""
        if self._table is None:
            return self._freq.get(word)
        try:
            return self._seen[word]
        except KeyError:
            cb = self._table.cb(word)
            freq = 10 ** (-cb / 100) if cb is not None else None
            self._seen[word] = freq
            return freq

    def __contains__(self, word: str) -> bool:
        return self._frequency(word.lower()) is not None

    def __len__(self) -> int:
        return len(self._table) if self._table is not None else len(self._freq)

    def zipf(self, word: str) -> float:
        freq = self._frequency(word.lower())
        return round(math.log10(freq) + 9, 2) if freq else 0.0

    def _items(self) -> Iterable[tuple[str, float]]:
        """(word, frequency), most frequent first (wordfreq's order)."""
        if self._table is None:
            return self._freq.items()
        pairs = sorted(self._table.items(), key=lambda p: (p[1], p[0]))
        return ((w, 10 ** (-cb / 100)) for w, cb in pairs)

    def words(self, min_zipf: float = 0.0) -> Iterable[str]:
        floor = 10 ** (min_zipf - 9)
        return (w for w, f in self._items() if f >= floor)

    def _bucket(self, length: int, initial: str) -> list[str]:
        """The index's words of this length and initial (split from the shipped index
        only when asked for)."""
        if self._index is None and self._table is not None:
            if self._raw_index is None:
                shipped = self._table.index()
                self._raw_index = shipped[1] if shipped and shipped[0] == self.index_zipf else {}
            if self._raw_index:
                key = (length, initial)
                words = self._split.get(key)
                if words is None:
                    raw = self._raw_index.get(key)
                    words = self._split[key] = raw.split(" ") if raw else []
                return words
        return self._buckets().get((length, initial)) or []

    def _buckets(self) -> dict[tuple[int, str], list[str]]:
        if self._index is None:
            shipped = self._table.index() if self._table is not None else None
            if shipped is not None and shipped[0] == self.index_zipf:
                self._index = {k: v.split(" ") for k, v in shipped[1].items()}
            else:
                index: dict[tuple[int, str], list[str]] = {}
                for word in self.words(self.index_zipf):
                    if word.isalpha():
                        index.setdefault((len(word), word[0]), []).append(word)
                self._index = index
        return self._index

    def candidates(self, word: str, max_distance: int = 1,
                   min_zipf: float | None = None) -> list[Candidate]:
        """Frequent words within ``max_distance`` edits (insert, delete, substitute, swap
        two adjacent letters), nearest first, then most frequent first."""
        word = word.lower()
        if not word:
            return []
        floor = self.index_zipf if min_zipf is None else max(min_zipf, self.index_zipf)
        initials = {word[0]} | ({word[1]} if len(word) > 1 else set())
        found: dict[str, int] = {}
        for length in range(len(word) - max_distance, len(word) + max_distance + 1):
            for initial in initials:
                choices = self._bucket(length, initial)
                if not choices:
                    continue
                for match, dist, _ in extract_osa(word, choices, max_distance):
                    if match != word:
                        found[match] = int(dist)
        out = [Candidate(w, d, self.zipf(w)) for w, d in found.items()]
        out = [c for c in out if c.zipf >= floor]
        out.sort(key=lambda c: (c.distance, -c.zipf, c.word))
        return out


def load_vocabulary() -> Vocabulary:
    """wordfreq's Italian 'best' list, from the shipped table."""
    return Vocabulary(table("it", "best"))


# --- wordfreq's zipf_frequency, answered from the shipped tables ---------------------------

# wordfreq's tokenizer (wordfreq.tokens.TOKEN_RE) without its first case, which only matches
# the scripts written without spaces (Han, Thai ...): `_tokens` sends it Latin text only.
_INITIAL_VOWEL = "[AEHIOUYÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛÅÏÖŒaehiouyáéíóúàèìòùâêîôûåïöœ]"
_TOKEN = r"@s \b | (?=[\w\p{So}]) (?!\w\w?'" + _INITIAL_VOWEL + r") \X+? (?: @s? (?!\w) | \b) | \w\w?'"
# Text `_tokens` can split as wordfreq would; anything else (digits, other scripts) is
# not looked up.
_LATIN = r"[\p{Script=Latin}\p{M} '’\-.]+"
_CURLY = str.maketrans({"ʼ": "'", "‘": "'", "’": "'", "‚": "'", "‛": "'",
                        "“": '"', "”": '"', "„": '"', "‟": '"'})


@cache
def _pattern(name: str) -> Any:
    """The compiled "simple", "latin" or "token" pattern (compiled once, when first asked:
    most words never need the tokenizer)."""
    import regex

    from sportlint.util.lazyregex import compile as compile_regex

    if name == "token":
        return compile_regex(_TOKEN, regex.V1 | regex.WORD | regex.VERBOSE)
    return compile_regex(r"\p{Script=Latin}+" if name == "simple" else _LATIN, regex.V1)


def _tokens(word: str) -> list[str] | None:
    """wordfreq's ``lossy_tokenize(word, lang)`` for the Latin-script languages sportlint
    asks about (NFC, case folding, its tokenizer, straight quotes); None for text it cannot
    split the same way."""
    text = unicodedata.normalize("NFC", word).casefold()
    if text.isalpha() and _pattern("simple").fullmatch(text):
        return [text]
    if not _pattern("latin").fullmatch(text):
        return None
    found = _pattern("token").findall(unicodedata.normalize("NFC", text))
    return [t.strip("'").casefold().translate(_CURLY) for t in found]


@lru_cache(maxsize=65536)
def wordfreq_zipf(word: str, lang: str, wordlist: str = "best") -> float:
    """``wordfreq.zipf_frequency(word, lang, wordlist)``, from the shipped table. A table
    may stop at a floor (English 'best': Zipf 2.0): rarer words read 0, as do words
    with digits or in other scripts."""
    tokens = _tokens(word)
    if not tokens:
        return 0.0
    freqs = table(lang, wordlist)
    one_over_result = 0.0
    for tok in tokens:
        cb = freqs.cb(tok)
        if cb is None:
            return 0.0
        one_over_result += 1.0 / 10 ** (-cb / 100)
    unrounded = max(1.0 / one_over_result, 10 ** 0.0 / 1e9)
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    freq = round(unrounded, leading_zeroes + 3)
    return round(math.log(freq, 10) + 9, 2)


FOREIGN_LANGUAGES = ("en", "fr", "es", "de", "pt")


def foreign_zipf(word: str) -> float:
    """The highest Zipf frequency of ``word`` in the languages sports copy borrows from
    most (wordfreq's small lists: they hold the common words)."""
    return max(wordfreq_zipf(word, lang, "small") for lang in FOREIGN_LANGUAGES)


def english_zipf(word: str) -> float:
    """wordfreq's English ('best') frequency; the shipped table stops at Zipf 2.0."""
    return wordfreq_zipf(word, "en", "best")


@cache
def jargon() -> frozenset[str]:
    """Sports jargon that is no typo although wordfreq and the lexicon lack it
    (data/curated/spelling/jargon.txt: trivela, spizzata, smanacciato ...)."""
    from sportlint.util.datapaths import data_dir

    lines = (data_dir() / "curated" / "spelling" / "jargon.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))
