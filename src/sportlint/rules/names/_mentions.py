"""What the names rules share: the name mentions of a document, the known names (gazetteer
plus the newsroom's ``names.accept``), word frequencies, and the in-document variants.

A *mention* is a capitalised word that stands for a name. Mid-sentence, a capital is the
writer's own signal ("dato che Carriera, il 7 maggio"). At the start of a sentence or in a
heading everything is capitalised, so a word counts only when it is a known name, when the
text also writes it capitalised mid-sentence, or when it is no ordinary Italian word:
"Carriera lunga e piena di successi" opens a sentence with the word *carriera*.

The analysis of a document is computed once and shared by the rules of the family
(``analyse(ctx)``), so that a token flagged as an in-document variant is not flagged again
as a gazetteer typo.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import process
from rapidfuzz.distance import OSA

from sportlint.italian import resources
from sportlint.italian.gazetteer import Gazetteer, name_tokens, normalise
from sportlint.italian.gazetteer import fold as _fold
from sportlint.util.wordmemo import WordMemo

if TYPE_CHECKING:
    from sportlint.italian.frequencies import Vocabulary
    from sportlint.rules.base import Context
    from sportlint.segment.segmenter import Segmentation
    from sportlint.segment.sentences import Sentence
    from sportlint.segment.tokens import Token

#: Zipf frequency (wordfreq, Italian) from which a lower-case word is an ordinary word.
ORDINARY_ZIPF = 3.0
#: ... and from which it is a function word (la, il, di, che), never part of a name.
FUNCTION_ZIPF = 6.0
_NEWLINE = re.compile("\n")

#: `gazetteer.fold`, remembered: the same names are folded in every document
fold = lru_cache(maxsize=1 << 16)(_fold)
VOWELS = set("aeiouàèéìòóù")


def max_edits(word: str) -> int:
    """Edits allowed between a name and its variant, scaled by length."""
    return 2 if len(word) >= 12 else 1


def inflection_only(a: str, b: str) -> bool:
    """Conte/Conti, Milan/Milano, Coppa/Coppe, Ranger/Rangers: forms that differ only in a
    final vowel (or an English plural s) are distinct words or names far more often than
    typos."""
    a, b = a.lower(), b.lower()
    if len(a) == len(b):
        return a[:-1] == b[:-1] and a[-1] in VOWELS and b[-1] in VOWELS
    short, long_ = sorted((a, b), key=len)
    return len(long_) == len(short) + 1 and long_.startswith(short) and \
        (long_[-1] in VOWELS or long_[-1] == "s")


def spelling_variant(a: str, b: str) -> bool:
    """Two spellings of one name, or two inflections, rather than a slip: accents
    (Tévez/Tevez), an h (Nathalia/Natalia, Mathias/Matias), a final vowel (Conte/Conti,
    Kuznetsova/Kuznetsov)."""
    if fold(a) == fold(b) or inflection_only(a, b):
        return True
    short, long_ = sorted((a, b), key=len)
    if len(long_) == len(short) + 1:
        i = next((k for k, (x, y) in enumerate(zip(short, long_, strict=False)) if x != y),
                 len(short))
        # an h in a short name: one name spelled two ways; in a long one, a slip
        # (Kvaratskelia)
        return long_[i] in "hH" and long_[:i] + long_[i + 1:] == short and len(short) < 9
    return False


def slip_kind(word: str, name: str) -> str | None:
    """How ``word`` differs from ``name`` when the difference looks like a slip of the keys
    rather than another name: "swap" (two adjacent letters swapped: Sparatk), "double" (a
    doubled letter typed once, or a letter doubled: Milwall), "edit" (a letter lost from a
    name of nine letters or more: Gasperni; a letter added or changed in a word of ten or
    more: Petersborough; two edits in twelve or more); else None. Real names differ from each other by
    one changed letter all the time (Madero/Maduro, Carvallo/Carvalho, Thomis/Thomas)."""
    if len(word) == len(name):
        diff = [i for i, (a, b) in enumerate(zip(word, name, strict=True)) if a != b]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == name[diff[1]] \
                and word[diff[1]] == name[diff[0]]:
            return "swap"
        return "edit" if len(diff) == 1 and len(word) >= 10 else None
    short, long_ = sorted((word, name), key=len)
    if len(long_) != len(short) + 1:
        return "edit" if len(word) >= 12 else None
    i = next((k for k, (a, b) in enumerate(zip(short, long_, strict=False)) if a != b), len(short))
    if long_[:i] + long_[i + 1:] != short:
        return "edit" if len(word) >= 12 else None
    if (i > 0 and long_[i - 1] == long_[i]) or (i + 1 < len(long_) and long_[i + 1] == long_[i]):
        return "double"
    if word is short:
        return "edit" if len(name) >= 9 else None
    return "edit" if len(word) >= 10 else None


def typo_like(word: str, name: str) -> bool:
    return slip_kind(word, name) is not None


@dataclass(frozen=True)
class Mention:
    token: Token
    initial: bool           # opens its sentence or a clause (after : « ( -), or in a Title Case heading
    prev: str | None = None  # the capitalised name word right before it, if any
    next: str | None = None  # ... and right after it

    @property
    def form(self) -> str:
        return self.token.text


@dataclass(frozen=True)
class Variant:
    """A rare form that stands for a more frequent name of the same document."""

    mention: Mention
    targets: tuple[str, ...]   # the frequent forms, most frequent first
    accent_only: bool          # Vlahovic / Vlahović


class NameBook:
    """The gazetteer plus the newsroom's accepted names."""

    def __init__(self, gazetteer: Gazetteer, accepted: Iterable[str],
                 rejected: Iterable[str] = ()) -> None:
        self.gazetteer = gazetteer
        self.accepted_names = {normalise(str(n)) for n in accepted}
        self.accepted_tokens = {t for n in self.accepted_names for t in name_tokens(n)}
        #: forms of ``names.reject``: names.reject reports them, the other rules leave them
        self.rejected = {normalise(str(n)) for n in rejected}

    def known_token(self, word: str) -> bool:
        word = normalise(word)
        return word in self.accepted_tokens or word in self.rejected or \
            self.gazetteer.has_token(word)

    def accepted(self, word: str) -> bool:
        """An accepted name's token, or a form the newsroom rejects (reported elsewhere)."""
        word = normalise(word)
        return word in self.accepted_tokens or word in self.rejected

    def is_known(self, name: str) -> bool:
        return normalise(name) in self.accepted_names or self.gazetteer.is_known(name)

    def near(self, word: str, max_distance: int) -> list[tuple[str, int]]:
        found = dict(self.gazetteer.near(word, max_distance))
        word = normalise(word)
        for tok in self.accepted_tokens:
            if tok != word and tok[:1].lower() == word[:1].lower():
                d = OSA.distance(word, tok, score_cutoff=max_distance)
                if d <= max_distance:
                    found[tok] = min(d, found.get(tok, d))
        return sorted(found.items(), key=lambda x: (x[1], x[0]))

    def full_name(self, token: str) -> tuple[str, str] | None:
        """A known name containing ``token`` and its kind, for messages."""
        token = normalise(token)
        if token in self.accepted_tokens:
            return next(n for n in sorted(self.accepted_names, key=len)
                        if token in name_tokens(n)), "accepted"
        names = self.gazetteer.names_with_token(token)
        multi = [n for n in names if n != token] or names
        if not multi:
            return None
        return multi[0], self.gazetteer.kind(multi[0]) or "club"


def english_zipf(word: str) -> float:
    """wordfreq's English frequency: sports copy quotes English titles and names, and a
    common English word is no typo of a name. Loaded only when a typo candidate asks."""
    from sportlint.italian.frequencies import english_zipf as zipf

    return zipf(word)


def nearest_word_distance(word: str, limit: int) -> int | None:
    """Edits from ``word`` (lower-cased) to the nearest ordinary Italian word (a frequent
    form of the ``vocabulary`` resource's index), up to ``limit``; 0 when it is one."""
    vocab = resources.get("vocabulary")
    if vocab.zipf(word) >= vocab.index_zipf:
        return 0
    found = vocab.candidates(word, max_distance=limit)
    return min((c.distance for c in found), default=None)


@dataclass
class Analysis:
    mentions: list[Mention]
    counts: Counter[str]
    book: NameBook
    zipf: Callable[[str], float]
    line_starts: list[int]
    variants: dict[int, Variant] = field(default_factory=dict)   # token index -> variant

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)

    def where(self, form: str, limit: int = 4) -> str:
        """"riga 3" / "righe 1, 3, 5" (the lines where the form is a name mention)."""
        lines = sorted({self.line(m.token.start) for m in self.mentions if m.form == form})
        shown = ", ".join(str(n) for n in lines[:limit]) + (" ..." if len(lines) > limit else "")
        return f"riga {shown}" if len(lines) == 1 else f"righe {shown}"

    def ordinary(self, word: str) -> bool:
        return self.zipf(word.lower()) >= ORDINARY_ZIPF


_last: tuple[Segmentation, tuple[str, ...], Analysis] | None = None


def analyse(ctx: Context) -> Analysis:
    """The (cached) name analysis of the context's document."""
    global _last
    accepted = tuple(str(n) for n in ctx.config.names.get("accept") or ())
    rejected = tuple(str(n) for n in ctx.config.names.get("reject") or ())
    if _last is not None and _last[0] is ctx.seg and _last[1] == (*accepted, "", *rejected):
        return _last[2]
    book = NameBook(ctx.resources.get("gazetteer"), accepted, rejected)
    zipf = _remembered_zipf(ctx.resources.get("vocabulary"))
    text = ctx.text
    starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
    analysis = Analysis(_mentions(ctx.seg, book, zipf), Counter(), book, zipf, starts)
    analysis.counts.update(m.form for m in analysis.mentions)
    analysis.variants = _variants(analysis)
    _last = (ctx.seg, (*accepted, "", *rejected), analysis)
    return analysis


_ZIPF: WordMemo[float] = WordMemo()


def _remembered_zipf(vocab: Vocabulary) -> Callable[[str], float]:
    """``vocab.zipf``, remembered across documents (names recur in every article)."""
    table = _ZIPF.table(vocab)

    def zipf(word: str) -> float:
        z = table.get(word)
        if z is None:
            z = table[word] = vocab.zipf(word)
        return z

    return zipf


def _candidate(tok: Token) -> bool:
    return tok.kind == "word" and tok.capitalised and not tok.elided and len(tok.text) > 1


def _title_case(seg: Segmentation, sentence: Sentence) -> bool:
    """A heading In Which Every Longer Word Has a Capital says nothing about names; a
    heading in sentence case ("Il Bari sceglie Massimo Carrera") is read like a sentence."""
    words = [t for t in seg.sentence_tokens(sentence) if t.kind == "word" and len(t.text) > 3]
    return all(t.capitalised for t in words[1:])


def _opens_clause(seg: Segmentation, tok: Token) -> bool:
    """After a colon, an opening quote or bracket, a dash or a line break a capital says
    nothing about names: "ha detto: Grande partita", a list line, a quoted sentence."""
    prev = seg.prev_token(tok)
    if prev is None:
        return True
    if "\n" in seg.text[prev.end:tok.start]:
        return True
    return prev.kind == "punct" and prev.text in ":;«“\"'‘([-–—•*"


def _mentions(seg: Segmentation, book: NameBook, zipf: Callable[[str], float]) -> list[Mention]:
    heading = {s.index for s in seg.sentences if s.heading and _title_case(seg, s)}
    found: list[tuple[Token, bool]] = []
    mid_forms: set[str] = set()
    for tok in seg.word_tokens:
        if not tok.capitalised or not _candidate(tok):
            continue
        initial = tok.sentence in heading or seg.is_sentence_initial(tok) or \
            _opens_clause(seg, tok)
        found.append((tok, initial))
        if not initial:
            mid_forms.add(tok.text)
    kept = [(tok, initial) for tok, initial in found
            if not initial or tok.text in mid_forms
            or zipf(tok.text.lower()) < ORDINARY_ZIPF
            or (book.known_token(tok.text) and zipf(tok.text.lower()) < FUNCTION_ZIPF)]
    # neighbours that make a longer name: not "La", "Il", "Di" (La Sharapova, Il Milan)
    by_index = {tok.index for tok, _ in kept if zipf(tok.text.lower()) < FUNCTION_ZIPF}
    text = seg.text

    def neighbour(tok: Token, step: int) -> str | None:
        j = tok.index + step
        if not 0 <= j < len(seg.tokens) or j not in by_index:
            return None
        other = seg.tokens[j]
        if other.sentence != tok.sentence:
            return None
        gap = text[other.end:tok.start] if step < 0 else text[tok.end:other.start]
        return other.text if gap.strip(" \t") == "" and "\n" not in gap else None

    return [Mention(tok, initial, neighbour(tok, -1), neighbour(tok, 1)) for tok, initial in kept]


def _variants(an: Analysis) -> dict[int, Variant]:
    counts = an.counts
    forms = list(counts)
    by_form: dict[str, list[Mention]] = {}
    for m in an.mentions:
        by_form.setdefault(m.form, []).append(m)
    folded: dict[str, list[str]] = {}
    # the frequent forms (the only possible targets), bucketed by first letter and length
    buckets: dict[tuple[str, int], list[str]] = {}
    for f in forms:
        folded.setdefault(fold(f), []).append(f)
        if counts[f] >= 2 and not f.isupper():
            buckets.setdefault((fold(f[:1]).lower(), len(f)), []).append(f)
    out: dict[int, Variant] = {}
    for rare in forms:
        n = counts[rare]
        if n > 2 or len(rare) < 4 or rare.isupper() or an.book.accepted(rare):
            continue
        targets: list[tuple[str, bool]] = []
        near = set(folded[fold(rare)])
        limit = max_edits(rare)
        key = fold(rare[:1]).lower()
        for length in range(len(rare) - limit, len(rare) + limit + 1):
            bucket = buckets.get((key, length))
            if bucket:
                near.update(f for f, _, _ in process.extract(
                    rare, bucket, scorer=OSA.distance, score_cutoff=limit, limit=None))
        for freq in near:
            if normalise(freq) == normalise(rare) or counts[freq] < max(2, n + 1) or \
                    freq.isupper():
                continue   # D'Ambrosio / D’Ambrosio is typography's business
            accent = fold(freq) == fold(rare)
            if not accent and (len(rare) < 5 or freq.lower() == rare.lower()
                               or inflection_only(rare, freq) or an.book.known_token(rare)):
                continue
            targets.append((freq, accent))
        if not targets:
            continue
        targets.sort(key=lambda t: (-counts[t[0]], t[0]))
        # a rare form that any of its mentions sets in another longer name ("Andrea Conti",
        # then "Conti" alone) is that other name, everywhere
        kept = [t for t in targets if all(_same_context(m, by_form[t[0]]) for m in by_form[rare])]
        if kept:
            for m in by_form[rare]:
                out[m.token.index] = Variant(m, tuple(t for t, _ in kept),
                                             all(a for _, a in kept))
    return out


def _same_context(m: Mention, others: list[Mention]) -> bool:
    """A rare form inside a longer name must share a neighbour with the frequent form:
    "Massimo Carriera" ~ "Massimo Carrera", but "Andrea Conti" is not "Antonio Conte"."""
    if m.prev is None and m.next is None:
        return True
    return (m.prev is not None and any(o.prev == m.prev for o in others)) or \
        (m.next is not None and any(o.next == m.next for o in others))
