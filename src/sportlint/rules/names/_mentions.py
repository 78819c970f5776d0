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
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

from sportlint.config import namesfile
from sportlint.italian import resources
from sportlint.italian.gazetteer import Gazetteer, from_names, name_tokens, normalise
from sportlint.italian.gazetteer import fold as _fold
from sportlint.util import lazyregex
from sportlint.util.fuzzy import osa_distance
from sportlint.util.wordmemo import WordMemo

if TYPE_CHECKING:
    from sportlint.italian.frequencies import Vocabulary
    from sportlint.rules.base import Context
    from sportlint.rules.names._runs import RunVariant
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
    # an English plural s after a consonant (Ranger/Rangers), not after a vowel (Lukakus)
    return len(long_) == len(short) + 1 and long_.startswith(short) and \
        (long_[-1] in VOWELS or (long_[-1] == "s" and short[-1] not in VOWELS))


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


#: the accented letters of Italian; any other (ī, ņ, ł, ş, ř) is typed on purpose
ITALIAN_LETTERS = frozenset("àèéìíîòóùú")


def keeps_letters(word: str, name: str) -> bool:
    """``name`` has every letter of ``word`` that Italian does not use: a form written with
    such a letter (Elīna, Skujiņš) is a foreign name in its own spelling, typed on purpose,
    not a slip of a name without it (Elena)."""
    own = {c for c in word.lower() if not c.isascii() and c.isalpha()
           and c not in ITALIAN_LETTERS}
    return not own or own <= set(name.lower())


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
    targets: tuple[str, ...]   # the right forms: known names first, then most frequent
    accent_only: bool          # Vlahovic / Vlahović
    tie: bool = False          # one against one, neither known: both places are shown
    mild: bool = False         # both forms written more than once: a suggestion
    other: Mention | None = None   # the first mention of the first target


class NameBook:
    """The gazetteer plus the newsroom's accepted names."""

    def __init__(self, gazetteer: Gazetteer, accepted: Iterable[str],
                 rejected: Iterable[str] = (),
                 zipf: Callable[[str], float] | None = None) -> None:
        self.gazetteer = gazetteer
        self.zipf = zipf
        self.accepted_names = {normalise(str(n)) for n in accepted}
        self.accepted_tokens = {t for n in self.accepted_names for t in name_tokens(n)}
        #: the accepted names' own fuzzy index (a newsroom's names file may be long)
        self.local = from_names(self.accepted_names)
        #: forms of ``names.reject``: names.reject reports them, the other rules leave them
        self.rejected = {normalise(str(n)) for n in rejected}

    def known_token(self, word: str) -> bool:
        """A token of a known name; not one that only the lists of all surnames or comuni
        hold when it is an ordinary word first ("Carriera", "Calcio")."""
        word = normalise(word)
        if word in self.accepted_tokens or word in self.rejected:
            return True
        if not self.gazetteer.has_token(word):
            return False
        return not (self.zipf is not None and self.gazetteer.weak_token(word)
                    and self.zipf(word.lower()) >= ORDINARY_ZIPF)

    def rejected_form(self, word: str) -> bool:
        return normalise(word) in self.rejected

    def accepted(self, word: str) -> bool:
        """An accepted name's token, or a form the newsroom rejects (reported elsewhere)."""
        word = normalise(word)
        return word in self.accepted_tokens or word in self.rejected

    def is_known(self, name: str) -> bool:
        return normalise(name) in self.accepted_names or self.gazetteer.is_known(name)

    def near(self, word: str, max_distance: int) -> list[tuple[str, int]]:
        found = dict(self.gazetteer.near(word, max_distance))
        if self.accepted_tokens:
            for tok, d in self.local.near(word, max_distance):
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
    text: str = ""
    by_form: dict[str, list[Mention]] = field(default_factory=dict)   # in text order
    #: multi-word variants against the document's own runs (`_runs.document_variants`)
    run_variants: list[RunVariant] | None = None

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)

    def where(self, form: str, limit: int = 4) -> str:
        """"riga 3" / "righe 1, 3, 5" (the lines where the form is a name mention)."""
        lines = sorted({self.line(m.token.start) for m in self.by_form.get(form, ())})
        shown = ", ".join(str(n) for n in lines[:limit]) + (" ..." if len(lines) > limit else "")
        return f"riga {shown}" if len(lines) == 1 else f"righe {shown}"

    def ordinary(self, word: str) -> bool:
        return self.zipf(word.lower()) >= ORDINARY_ZIPF


def analyse(ctx: Context) -> Analysis:
    """The name analysis of the context's document, kept on its segmentation (so that it
    goes with it: a module-level copy of the last one held a whole piece of a huge draft
    alive while the next was segmented)."""
    accepted = tuple(str(n) for n in ctx.config.names.get("accept") or ()) + \
        namesfile.names(tuple(str(p) for p in ctx.config.names.get("files") or ()))
    rejected = tuple(str(n) for n in ctx.config.names.get("reject") or ())
    key = (*accepted, "", *rejected)
    kept: Any = ctx.seg.memo.get("names.analysis")
    if kept is not None and kept[0] == key:
        return kept[1]
    zipf = _remembered_zipf(ctx.resources.get("vocabulary"))
    book = _book(ctx.resources.get("gazetteer"), accepted, rejected, zipf)
    text = ctx.text
    starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
    analysis = Analysis(_mentions(ctx.seg, book, zipf), Counter(), book, zipf, starts,
                        text=text)
    analysis.counts.update(m.form for m in analysis.mentions)
    analysis.variants = _variants(analysis)
    ctx.seg.memo["names.analysis"] = (key, analysis)
    return analysis


_BOOK: list[tuple[tuple[object, ...], NameBook]] = []


def _book(gazetteer: Gazetteer, accepted: tuple[str, ...], rejected: tuple[str, ...],
          zipf: Callable[[str], float]) -> NameBook:
    """The name book of these names, kept while they stay the same (a newsroom's names
    files are indexed once, not once per document)."""
    key = (id(gazetteer), accepted, rejected)
    if _BOOK and _BOOK[0][0] == key:
        book = _BOOK[0][1]
        book.zipf = zipf
        return book
    book = NameBook(gazetteer, accepted, rejected, zipf)
    _BOOK[:] = [(key, book)]
    return book


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


#: Forms that share one deletion key beyond this many are a crowd of look-alikes (a list
#: of similar names, or hostile input): no variant is read from that key, so the work per
#: form stays bounded and the whole search linear in the number of forms.
CROWD = 8
_POSSESSIVE = lazyregex.compile(r"'s$")
#: Words that link two spellings on purpose in one sentence: "Kean, detto Kaen", or set
#: one against the other: "al nome di Keira anziché Kiera", "Keira e non Kiera".
_LINKS = lazyregex.compile(r"(?i)\b(?:cosiddett[oaie]|dett[oaie]|ovvero|ossia|cioè|alias|"
                       r"in realtà|vale a dire|not[oaie] come|soprannominat[oaie]|"
                       r"chiamat[oaie]|anziché|invece (?:di|che)|piuttosto che|al posto di|"
                       r"e non|non già|oppure|grafia|variante)\b")
#: ... or a bare "o" (or a slash) between the two forms: "Keira o Kiera", "Keira/Kiera".
_ALTERNATIVE = lazyregex.compile(r"\s*(?:,\s*)?(?:\bo\b|/)\s*")
#: Zipf frequency from which a form is attested in Italian text: with an ordinary word
#: beside it, two words of the language (i Caraibi, i Caribi), not a misspelt name.
ATTESTED_ZIPF = 1.0


class Comparisons:
    """How many pairs of forms `_variants` compared (the operation-count test reads it)."""

    pairs = 0


def deletion_keys(word: str, edits: int) -> set[str]:
    """``word`` and every string made from it by deleting up to ``edits`` letters after the
    first: two words within ``edits`` edits of each other (an adjacent swap counting as one)
    with the same first letter share a key (the symmetric-delete index)."""
    keys = {word}
    frontier = {word}
    for _ in range(edits):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(1, len(w))}
        keys |= frontier
    return keys


_K = TypeVar("_K", bound=Hashable)
_V = TypeVar("_V")


def crowd_groups(items: Iterable[tuple[_K, _V]]) -> list[list[_V]]:
    """The values of ``items`` (key, value) grouped by key, in the order the keys come; a
    key that more than `CROWD` values share is dropped (a crowd tells nothing), so each
    group stays small and the pairs within groups grow linearly with the items."""
    keyed: dict[_K, list[_V]] = {}
    crowded: set[_K] = set()
    for k, v in items:
        if k in crowded:
            continue
        group = keyed.setdefault(k, [])
        if len(group) >= CROWD:
            crowded.add(k)
            del keyed[k]
            continue
        group.append(v)
    return list(keyed.values())


def _pairs(forms: Iterable[str]) -> set[tuple[str, str]]:
    """The pairs of forms close enough to compare, found through shared deletion keys: each
    form adds O(length) keys (O(length²) for long names) and meets at most `CROWD` others
    per key, so the pairs grow linearly with the forms, whatever the input."""
    groups = crowd_groups((k, f) for f in forms for k in deletion_keys(fold(f).lower(), max_edits(f)))
    pairs: set[tuple[str, str]] = set()
    for group in groups:
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                pairs.add((a, b) if a < b else (b, a))
    return pairs


@dataclass
class _Verdict:
    wrong: str
    right: str
    accent: bool = False
    tie: bool = False            # one against one, neither known: "which is right?"
    mild: bool = False           # each written more than once: a suggestion at most


def _linked(an: Analysis, by_form: dict[str, list[Mention]], a: str, b: str) -> bool:
    """The writer sets the two spellings side by side on purpose: in one sentence, linked by
    *cosiddetto, detto, ovvero, in realtà* ("Kean, detto Kaen")."""
    text = an.text
    for ma in by_form[a]:
        for mb in by_form[b]:
            if ma.token.sentence == mb.token.sentence:
                lo, hi = sorted((ma.token, mb.token), key=lambda t: t.start)
                if _LINKS.search(text, lo.end, hi.start) or \
                        _ALTERNATIVE.fullmatch(text, lo.end, hi.start):
                    return True
    return False


def lexicon_word(form: str) -> bool:
    """A word the lexicon knows (lower-cased): Ministro, Rosa, but not Hawking."""
    lexicon = resources.get("lexicon") if "lexicon" in resources.LOADERS else None
    return lexicon is not None and lexicon.is_word(form.lower())


def _attested(an: Analysis, form: str) -> bool:
    """A word of the language: in the frequency list from `ATTESTED_ZIPF`, or a word the
    lexicon knows (a rare inflection or derivative: Ministro beside Ministero)."""
    if an.zipf(form.lower()) >= ATTESTED_ZIPF or an.zipf(form) >= ATTESTED_ZIPF:
        return True
    return lexicon_word(form)


def _real(an: Analysis, form: str) -> bool:
    return an.zipf(form.lower()) > 0 or an.zipf(form) > 0


def _judge(an: Analysis, by_form: dict[str, list[Mention]], a: str, b: str) -> _Verdict | None:
    """Whether forms ``a`` and ``b`` are one name written two ways, and which one is the slip."""
    counts, book = an.counts, an.book
    if normalise(a) == normalise(b):
        return None   # D'Ambrosio / D’Ambrosio is typography's business
    if fold(a) == fold(b):
        rare, freq = sorted((a, b), key=lambda f: (counts[f], f))
        if counts[rare] <= 2 and counts[freq] >= 2 and counts[freq] > counts[rare] and \
                not book.accepted(rare):
            return _Verdict(rare, freq, accent=True)
        return None
    if fold(a).lower() == fold(b).lower():
        return None
    if _POSSESSIVE.sub("", normalise(a)) == _POSSESSIVE.sub("", normalise(b)):
        return None   # LanguageTool / LanguageTool's: English possessive
    if not (keeps_letters(a, b) and keeps_letters(b, a)):
        return None   # Elīna and Elena: a foreign spelling typed on purpose
    short, long_ = sorted((fold(a).lower(), fold(b).lower()), key=len)
    if osa_distance(short, long_, score_cutoff=max_edits(long_)) > max_edits(long_):
        return None
    ka, kb = book.known_token(a), book.known_token(b)
    if ka and kb:
        return None   # Conte and Conti: two known names
    tie = False
    if ka or kb:
        wrong, right = (b, a) if ka else (a, b)
    elif counts[a] == counts[b]:
        if counts[a] > 1:
            return None
        # one against one: the form no text writes (wordfreq) is the one reported, else
        # the later one
        za, zb = _real(an, a), _real(an, b)
        if za != zb:
            wrong, right = (b, a) if za else (a, b)
        else:
            first_a = by_form[a][0].token.start < by_form[b][0].token.start
            wrong, right = (b, a) if first_a else (a, b)
        tie = True
    else:
        wrong, right = sorted((a, b), key=lambda f: counts[f])
    cw, cr = counts[wrong], counts[right]
    if cw > 2 or cw > cr or (book.accepted(wrong) and not book.rejected_form(wrong)):
        return None
    if not (ka or kb) and cw == 2 and cr < 3:
        return None
    ordinary = an.ordinary(wrong)
    if ordinary and (tie or cr < 2 or (an.ordinary(right) and not (ka or kb))):
        return None   # two words, or a word against a name written once
    if not (ka or kb) and an.ordinary(right) and _attested(an, wrong):
        return None   # the Caraibi and the Caribi, Ministero and Ministro: two words
    if inflection_only(wrong, right) and (_real(an, wrong) or cw > 1 or (cr < 2 and not
                                                                         (ka or kb))):
        return None   # Rossi / Rosso, Milan / Milano: another word or name
    if not all(_same_context(m, by_form[right]) for m in by_form[wrong]):
        return None   # "Andrea Conti" is not "Antonio Conte"
    if _linked(an, by_form, wrong, right):
        return None
    return _Verdict(wrong, right, tie=tie, mild=cw > 1 and cr > 1)


def _variants(an: Analysis) -> dict[int, Variant]:
    by_form = an.by_form
    for m in an.mentions:
        by_form.setdefault(m.form, []).append(m)
    forms = [f for f in by_form if len(f) >= 4 and not f.isupper()]
    pairs = _pairs(forms)
    Comparisons.pairs += len(pairs)
    verdicts: dict[str, list[_Verdict]] = {}
    for a, b in sorted(pairs):
        v = _judge(an, by_form, a, b)
        if v is not None:
            verdicts.setdefault(v.wrong, []).append(v)
    out: dict[int, Variant] = {}
    for wrong, found in verdicts.items():
        found.sort(key=lambda v: (not an.book.known_token(v.right), -an.counts[v.right], v.right))
        accent = all(v.accent for v in found)
        for m in by_form[wrong]:
            out[m.token.index] = Variant(
                m, tuple(v.right for v in found), accent,
                tie=len(found) == 1 and found[0].tie,
                mild=all(v.mild for v in found),
                other=by_form[found[0].right][0])
    return out


def _same_context(m: Mention, others: list[Mention]) -> bool:
    """A rare form inside a longer name must share a neighbour with the frequent form:
    "Massimo Carriera" ~ "Massimo Carrera", but "Andrea Conti" is not "Antonio Conte"."""
    if m.prev is None and m.next is None:
        return True
    if (m.prev is not None and any(o.prev == m.prev for o in others)) or \
            (m.next is not None and any(o.next == m.next for o in others)):
        return True
    # the frequent form never stands in a longer name: the rare one may be its first, full
    # mention ("Ludovico Maragnoni", then "Marangoni" three times)
    return all(o.prev is None and o.next is None for o in others)
