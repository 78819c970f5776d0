"""Italian morphological lexicon (from Morph-it!): analyses of a word form, and generation.

``resources.get("lexicon")`` returns a `Lexicon`:

- ``analyses("occasioni")`` -> ``(Analysis(lemma="occasione", pos="NOUN", gender="f",
  number="p"),)``; ``Analysis.tag`` renders Morph-it!'s notation (``NOUN-F:p``,
  ``VER:ind+past+3+s``, ``VER:part+past+s+m``, ``ADJ:s+m``);
- ``is_word("seguì")`` -> True;
- ``forms("seguire", pos="VER", mood="ind", tense="past", person="3", number="s")`` ->
  ``("seguì",)``; ``paradigms(lemma)`` gives whole paradigms.

The data file (``data/generated/lexicon/it.lex.gz``, built by ``scripts/build_lexicon.py``) is one
sorted text with two sections: paradigms (``LEMMA\\tP\\tFEATS\\tFORM,FORM,...``, the forms
in the slot order of `SLOTS`) and a form index (``FORM\\tLEMMAP ...``), each form and lemma
written relative to the other (`encode`). Loading only decompresses it into one string (a
Latin-1 file, one byte per character); look-ups are binary searches over that string, so
nothing is built per entry and loading stays fast and small.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sportlint.util.datapaths import data_dir
from sportlint.util.sortedlines import Fences

# (mood, tense, person, number, gender) of each slot of a paradigm, per part of speech.
Slot = tuple[str, str, str, str, str]
_PERSONS = [("1", "s"), ("2", "s"), ("3", "s"), ("1", "p"), ("2", "p"), ("3", "p")]
_FINITE = [("ind", "pres"), ("ind", "past"), ("ind", "impf"), ("ind", "fut"), ("cond", "pres"),
           ("sub", "pres"), ("sub", "impf")]
_VER: list[Slot] = [(m, t, p, n, "") for m, t in _FINITE for p, n in _PERSONS]
_VER += [("impr", "pres", "2", "s", ""), ("impr", "pres", "1", "p", ""),
         ("impr", "pres", "2", "p", ""), ("inf", "pres", "", "", ""), ("ger", "pres", "", "", ""),
         ("part", "pres", "", "s", ""), ("part", "pres", "", "p", ""),
         ("part", "past", "", "s", "m"), ("part", "past", "", "p", "m"),
         ("part", "past", "", "s", "f"), ("part", "past", "", "p", "f")]
SLOTS: dict[str, list[Slot]] = {
    "VER": _VER,
    "AUX": _VER,
    "NOUN": [("", "", "", "s", ""), ("", "", "", "p", "")],
    "ADJ": [("", "", "", "s", "m"), ("", "", "", "p", "m"), ("", "", "", "s", "f"),
            ("", "", "", "p", "f")],
}
_SINGLE: list[Slot] = [("", "", "", "", "")]
POS_CODES = {"VER": "V", "AUX": "X", "NOUN": "N", "ADJ": "J", "ART": "R", "ARTPRE": "Q",
             "PRE": "P", "PRO": "O", "DET": "D", "CON": "C", "ADV": "B"}
_POS_OF = {code: pos for pos, code in POS_CODES.items()}


def encode(word: str, base: str) -> str:
    """``word`` relative to ``base``: characters to drop from base's end + the new ending."""
    if not word:
        return "-"
    common = 0
    for a, b in zip(word, base, strict=False):
        if a != b:
            break
        common += 1
    drop = len(base) - common
    return (str(drop) if drop else "") + word[common:]


def decode(code: str, base: str) -> str:
    if code == "-":
        return ""
    if not code[:1].isdigit():          # the common cases first: nothing to drop ...
        return base + code
    if not code[1:2].isdigit():         # ... or fewer than ten characters
        return base[:len(base) - int(code[0])] + code[1:]
    i = 0
    while i < len(code) and code[i].isdigit():
        i += 1
    drop = int(code[:i]) if i else 0
    return base[:len(base) - drop] + code[i:]
FILE = "generated/lexicon/it.lex.gz"


@dataclass(frozen=True)
class Analysis:
    """One reading of a word form. Empty strings for features that do not apply."""

    lemma: str
    pos: str            # VER AUX NOUN ADJ ART ARTPRE PRE PRO DET CON ADV
    gender: str = ""    # m f
    number: str = ""    # s p
    mood: str = ""      # ind sub cond impr inf ger part
    tense: str = ""     # pres past impf fut
    person: str = ""    # 1 2 3

    @property
    def tag(self) -> str:
        """Morph-it!'s notation: NOUN-F:s, VER:ind+past+3+s, VER:part+past+s+m, ADJ:p+f."""
        if self.pos == "NOUN":
            return f"NOUN-{self.gender.upper()}:{self.number}"
        feats = [f for f in (self.mood, self.tense, self.person, self.number, self.gender) if f]
        return self.pos + (":" + "+".join(feats) if feats else "")

    @property
    def finite(self) -> bool:
        return self.pos in ("VER", "AUX") and self.mood in ("ind", "sub", "cond", "impr")


@dataclass(frozen=True)
class Paradigm:
    lemma: str
    pos: str
    feats: str
    forms: tuple[str, ...]

    def analyses(self) -> list[tuple[str, Analysis]]:
        slots = SLOTS.get(self.pos, _SINGLE)
        return [(form, self._reading(slot))
                for form, slot in zip(self.forms, slots, strict=False) if form]

    def readings(self, form: str) -> list[Analysis]:
        """The analyses of one form (those of `analyses` for it, in the same order), without
        building the others: a verb has some fifty forms."""
        slots = SLOTS.get(self.pos, _SINGLE)
        return [self._reading(slot)
                for f, slot in zip(self.forms, slots, strict=False) if f and f == form]

    def _reading(self, slot: Slot) -> Analysis:
        mood, tense, person, number, gender = slot
        if self.pos == "NOUN":
            gender = self.feats
        elif self.pos not in SLOTS and self.feats:
            parts = self.feats.split("+")
            gender = next((p for p in parts if p in ("m", "f")), "")
            number = next((p for p in parts if p in ("s", "p")), "")
        return Analysis(self.lemma, self.pos, gender, number, mood, tense, person)


@lru_cache(maxsize=4096)
def _features(pos: str, feats: str, index: int) -> tuple[str, str, str, str, str]:
    """(gender, number, mood, tense, person) of slot ``index`` of a paradigm of ``pos``
    with ``feats``: those of `Paradigm._reading`."""
    a = Paradigm("", pos, feats, ())._reading(SLOTS.get(pos, _SINGLE)[index])
    return a.gender, a.number, a.mood, a.tense, a.person


#: characters between two fence lines of `Lexicon._fences`
_FENCE = 4096


class Lexicon:
    """Binary search over the sorted lines of the lexicon file (see the module doc).

    The text is kept as Latin-1 bytes (a memory map of the cached file when `load` finds
    one): a search encodes the key and decodes only the lines it returns."""

    def __init__(self, text: str | bytes | Any) -> None:
        data = text.encode("latin-1") if isinstance(text, str) else text
        self._data = data
        p = data.find(b"#paradigms\n") + len(b"#paradigms\n")
        f = data.find(b"#forms\n")
        if p < len(b"#paradigms\n") or f < 0:
            raise ValueError("not a sportlint lexicon")
        self._paradigms = (p, f)
        self._forms = (f + len(b"#forms\n"), len(data))

    @property
    def _text(self) -> str:
        """The whole lexicon as text (for tests and tools; searches do not need it)."""
        return bytes(self._data).decode("latin-1")

    # --- searching ----------------------------------------------------------------------
    def _lines(self, key: str, section: tuple[int, int]) -> list[str]:
        """All lines of the section that start with ``key`` + TAB.

        The lines are sorted, so those lines are contiguous and come first among the
        lines >= key. A sparse list of lines ("fences", one every `_FENCE` bytes) narrows
        the search to the stretch between the last fence below the key and the next one;
        the first line there that starts with the key is then found by one search (a line
        below the key cannot start with it)."""
        try:
            needle = (key + "\t").encode("latin-1")
        except UnicodeEncodeError:    # no Latin-1 spelling: not in the lexicon
            return []
        data = self._data
        lo = self._fences(section).first(needle)
        if lo < 0:
            return []
        out = []
        size = len(needle)
        while lo < section[1] and data[lo:lo + size] == needle:
            end = data.find(b"\n", lo)
            out.append(data[lo:end].decode("latin-1"))
            lo = end + 1
        return out

    def _fences(self, section: tuple[int, int]) -> Fences:
        """Every `_FENCE` bytes of the section, the next line and its start (built on the
        first search: a few thousand lines)."""
        cache: dict[tuple[int, int], Fences] = self.__dict__.setdefault("_fence_cache", {})
        if section not in cache:
            cache[section] = Fences(self._data, *section, _FENCE)
        return cache[section]

    # --- public interface ---------------------------------------------------------------
    def paradigms(self, lemma: str, pos: str | None = None) -> tuple[Paradigm, ...]:
        return self._paradigms_of(lemma, pos)

    @lru_cache(maxsize=4096)  # noqa: B019 - one lexicon per process
    def _paradigms_of(self, lemma: str, pos: str | None) -> tuple[Paradigm, ...]:
        out = []
        for line in self._lines(lemma, self._paradigms):
            _, code, feats, forms = line.split("\t")
            p = _POS_OF[code]
            if pos is None or p == pos:
                out.append(Paradigm(lemma, p, feats,
                                    tuple(decode(f, lemma) for f in forms.split(","))))
        return tuple(out)

    @lru_cache(maxsize=65536)  # noqa: B019 - one lexicon per process
    def analyses(self, form: str) -> tuple[Analysis, ...]:
        """Every reading of ``form`` (tried as written, then in lower case; a typographic
        apostrophe counts as a straight one: "l’" is "l'")."""
        key, refs, _ = self._entry(form)
        out: list[Analysis] = []
        for lemma, pos in refs:
            out.extend(self._readings_of(key, lemma, pos))
        return tuple(dict.fromkeys(out))

    @lru_cache(maxsize=65536)  # noqa: B019 - one lexicon per process
    def _entry(self, form: str) -> tuple[str, tuple[tuple[str, str], ...], frozenset[str]]:
        """The form index's line for ``form`` (with the fallbacks of `analyses`): the form
        as found, the (lemma, part of speech) of each paradigm that holds it, and those
        parts of speech. Every paradigm it names holds the form (scripts/build_lexicon.py
        indexes the forms of the paradigms), so each gives at least one reading: whether a
        form is a word, its parts of speech and its lemmas need no paradigm to be read."""
        if "’" in form:
            return self._entry(form.replace("’", "'"))
        lines = self._lines(form, self._forms)
        if not lines and form != form.lower():
            return self._entry(form.lower())
        refs = tuple((decode(ref[:-1], form), _POS_OF[ref[-1]])
                     for line in lines for ref in line.split("\t", 1)[1].split(" "))
        return form, refs, frozenset(pos for _, pos in refs)

    def _readings_of(self, form: str, lemma: str, pos: str) -> list[Analysis]:
        """``paradigm.readings(form)`` of each paradigm of ``_paradigms_of(lemma, pos)``,
        without decoding the paradigms' forms: the file writes each form as
        ``encode(form, lemma)`` (scripts/build_lexicon.py writes nothing else, and the
        code is unique), so the slots of ``form`` are those whose code is its code, found
        by a string search in the comma-separated codes."""
        target = "," + encode(form, lemma) + ","
        out: list[Analysis] = []
        for p, feats, codes in self._raw_paradigms(lemma):
            if p != pos:
                continue
            at = codes.find(target)
            if at < 0:
                continue
            slots = len(SLOTS.get(p, _SINGLE))
            while at >= 0:
                index = codes.count(",", 0, at)     # the codes before this one
                if index < slots:
                    out.append(Analysis(lemma, p, *_features(p, feats, index)))
                at = codes.find(target, at + 1)
        return out

    @lru_cache(maxsize=16384)  # noqa: B019 - one lexicon per process
    def _raw_paradigms(self, lemma: str) -> tuple[tuple[str, str, str], ...]:
        """(part of speech, features, ",CODE,CODE,...,") of each paradigm line of ``lemma``."""
        out = []
        for line in self._lines(lemma, self._paradigms):
            _, code, feats, forms = line.split("\t")
            out.append((_POS_OF[code], feats, "," + forms + ","))
        return tuple(out)

    def parts_of_speech(self, form: str) -> frozenset[str]:
        """``{a.pos for a in analyses(form)}``, without reading any paradigm."""
        return self._entry(form)[2]

    def lemmas(self, form: str, pos: str) -> frozenset[str]:
        """``{a.lemma for a in analyses(form) if a.pos == pos}``, without reading any
        paradigm."""
        return frozenset(lemma for lemma, p in self._entry(form)[1] if p == pos)

    def is_word(self, form: str) -> bool:
        return bool(self._entry(form)[1])

    def forms(self, lemma: str, pos: str | None = None, **features: str) -> tuple[str, ...]:
        """Forms of ``lemma`` whose analysis has all ``features`` (mood="ind", number="p" ...)."""
        out = []
        for paradigm in self._paradigms_of(lemma, pos):
            for form, a in paradigm.analyses():
                if all(getattr(a, k) == v for k, v in features.items()):
                    out.append(form)
        return tuple(dict.fromkeys(out))

    def has_pos(self, form: str, *pos: str) -> bool:
        return any(a.pos in pos for a in self.analyses(form))


def load() -> Lexicon:
    """The shipped lexicon. Its decompressed text is kept in sportlint's cache (see
    `sportlint.util.cache`) and memory-mapped from there: no inflating, reading or decoding of
    the whole file at start-up."""
    from sportlint.util.cache import cached_blob

    source = data_dir() / FILE

    def inflate() -> bytes:
        # zlib in one call: gzip.open().read() joins chunks and peaks higher
        return zlib.decompress(source.read_bytes(), wbits=31)

    return Lexicon(cached_blob("lexicon", [source], inflate))
