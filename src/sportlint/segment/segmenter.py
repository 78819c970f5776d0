"""Segment a document once, the Italian way: paragraphs, headings, sentences, tokens,
the role of every apostrophe and quote-like mark (``marks``) and quote spans, all with
absolute code-point offsets.

Every rule gets a `Segmentation`; none re-tokenises. The segmenter knows:

- elisions (``l'esonero``, ``dell'AEK``, ``un'amica``) -> the article or preposition is its
  own token ending with the apostrophe (``elided``);
- apostrophes inside names (``D'Ambrosio``, ``N'Dicka``, ``Dell'Orco`` mid-sentence,
  ``Prem'er-Liga``) -> one token;
- truncations (``po'``), minute marks (``al 23'``, ``45'+2``), elided years (``anni '80``),
  times and seconds (``7'37"``, ``19"72``, ``12''``, ``1'15''``) -> not quotes;
- abbreviations (``S.p.A.``, ``ecc.``, ``c.t.``, initials ``A. Rossi``) -> no sentence break;
- headings: Markdown ``#`` lines, and a one-line paragraph without final punctuation;
- quote spans over « », “ ”, ‘ ’, straight " and ', paired leniently (a ‘ closed by a
  straight ' is still a span, marked as mismatched) with their nesting depth.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from typing import Final

import regex

from sportlint.source.document import MASK, Document

APOSTROPHES = "'’"

# Mark roles: Segmentation.marks maps the offset of each ' or ’ (and of a " that is part of
# a time such as 7'37") to one of these.
ELISION = "elision"          # l'esonero, dell'ex, un'amica
NAME = "name"                # D'Ambrosio, N'Dicka, Prem'er-Liga
TRUNCATION = "truncation"    # po', mo', Ca'
MINUTE = "minute"            # al 23', 45'+2
YEAR = "year"                # anni '80
TIME = "time"                # 7'37", 5.55'58"
ACCENT = "accent"            # perche', citta': an accent written as apostrophe (a defect)
QUOTE = "quote"              # a quotation mark

# Words that take an elided form before a vowel (lower case, without the apostrophe).
ELIDING = frozenset("""
l d c m t s v n un quest quell dell dall nell sull all coll pell tutt nessun buon bell sant
grand mezz senz com dov ch anch cos qual quand sott sovr fin nient ciascun alcun qualcun
vent trent quarant cinquant sessant settant ottant novant
""".split())
# Elisions that may open a sentence before a capitalised word (L'Inter, Dell'AEK is a name).
ELIDING_INITIAL = frozenset("l un quest quell all dell dall nell sull".split())
# Words after which a single capital letter is a letter, not an initial (Serie A, girone C).
_BEFORE_LETTER = frozenset("la alla della dalla nella sulla in di serie girone gruppo classe "
                           "categoria lettera piano tipo vitamina".split())
TRUNCATED = frozenset("po mo ca be va fa sta da di to".split())

ABBREVIATIONS = frozenset("""
ecc etc sig sigg sig.ra dott dr prof avv ing on sen geom rag arch mons p pag pagg pp n nr
num art cap cfr vol ca c.a ss s st jr sr mr mrs vs v fig tel ed int es lett cit op ap
gen ott nov dic feb mar apr giu lug ago set ecc
""".split())

# abbr and word come first: only they start with a letter (most positions), so the order
# of the others, which start with a digit, a sign or an apostrophe, is what decides among them
_TOKEN = regex.compile(
    r"""
    (?P<abbr>(?:\p{L}{1,3}\.){2,}(?!\p{L}))
  | (?P<word>\p{L}[\p{L}\p{M}]*(?:(?:['’]|-)\p{L}[\p{L}\p{M}]*)*['’]?)
  | (?P<time>(?<![\p{L}\d])\d{1,2}(?:['’]\d{1,2})?(?:''|’’)(?![\p{L}\d'’])
           | \d{1,2}(?:[.:]\d{2})?['’]\d{1,2}(?:["”]\d{0,2})?(?!\d) | \d{1,2}["”]\d{1,2}(?!\d))
  | (?P<minute>(?<![\p{L}\d])\d{1,3}['’](?:\s?\+\s?\d{1,2}['’]?)?(?![\p{L}\d]))
  | (?P<year>(?<![\p{L}\d'’])['’]\d{2}(?!\d|['’]\p{L}))
  | (?P<number>[+\-−]?\d+(?:[.,:/–\-]\d+)*(?:[%°ºª]|\s?%)?)
  | (?P<punct>\.\.\.|[^\s\p{L}\d\x00])
    """,
    regex.VERBOSE,
)
_SPACED_ELISION = regex.compile(r"[ \t]+[aeiouàèéìíòóùAEIOUÀÈÉÌÒÙhH]")
_FINAL = set(".!?…")
_CLOSERS = set("»”’\"')]")
_BLANK_LINE = regex.compile(r"(?:\r?\n|\r)[ \t\x00]*(?:\r?\n|\r)(?:[ \t\x00]*(?:\r?\n|\r))*")
_MD_HEADING_LINE = regex.compile(r"^[ \t]{0,3}#{1,6}[ \t].*$", regex.MULTILINE)


class Token:
    """A token of the text: ``start``/``end`` offsets, its ``text``, ``kind`` (word, number,
    minute, year, time, abbr, punct), ``index`` in Segmentation.tokens and ``sentence`` (index
    in Segmentation.sentences). Read-only by contract (mypy enforces it: the attributes are
    Final). The derived attributes (``is_word``, ``elided``, ``capitalised``, ``low``) are
    computed once here: rules ask for them many times per token."""

    __slots__ = ("capitalised", "elided", "end", "index", "is_word", "kind", "low",
                 "sentence", "start", "text")

    def __init__(self, start: int, end: int, text: str, kind: str, index: int,
                 sentence: int) -> None:
        self.start: Final = start
        self.end: Final = end
        self.text: Final = text
        self.kind: Final = kind
        self.index: Final = index
        self.sentence: Final = sentence
        word = kind == "word"
        self.is_word: Final = word
        #: an elided article/preposition such as ``dell'``, glued to the next word
        self.elided: Final = word and text[-1:] in ("'", "’")
        self.capitalised: Final = text[:1].isupper()
        #: the text in lower case with a typographic apostrophe made straight
        low = text.lower().replace("’", "'")
        self.low: Final = text if low == text else low     # no second copy of "il"

    @property
    def bare(self) -> str:
        """The text without a final apostrophe."""
        return self.text.rstrip(APOSTROPHES)

    def _key(self) -> tuple[int, int, str, str, int, int]:
        return (self.start, self.end, self.text, self.kind, self.index, self.sentence)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Token:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"Token(start={self.start!r}, end={self.end!r}, text={self.text!r}, "
                f"kind={self.kind!r}, index={self.index!r}, sentence={self.sentence!r})")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    index: int
    paragraph: int
    first_token: int    # index range into Segmentation.tokens
    last_token: int     # exclusive
    heading: bool = False


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    index: int
    heading: bool
    first_sentence: int
    last_sentence: int  # exclusive


@dataclass(frozen=True)
class Quote:
    """A quote span. ``open``/``close`` are offsets of the marks; either may be None
    (never closed before the paragraph ended / closing mark never opened)."""

    open: int | None
    close: int | None
    open_char: str
    close_char: str
    depth: int
    paragraph: int

    @property
    def matched(self) -> bool:
        return self.open is not None and self.close is not None and \
            PAIRS.get(self.open_char) == self.close_char

    @property
    def inner(self) -> tuple[int, int]:
        """The quoted text's span (to the paragraph's end when never closed)."""
        start = self.open + 1 if self.open is not None else -1
        return start, self.close if self.close is not None else -1


PAIRS = {"«": "»", "“": "”", "„": "“", "‘": "’", '"': '"', "'": "'", "‚": "’"}
_OPENING = set("«“„‘‚")
_CLOSING = set("»”’")
_BEYOND_LATIN1 = regex.compile(r"[^\x00-\xff]")
#: a character that a case-insensitive pattern matches to some Latin-1 character
_LATIN1_KIN = regex.compile(r"[\x00-\xff]", regex.IGNORECASE)
_QUOTE_MARK = regex.compile("[" + regex.escape("".join(sorted(set(PAIRS) | _CLOSING))) + "]")


@dataclass
class Segmentation:
    doc: Document
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    marks: dict[int, str] = field(default_factory=dict)
    #: per-document results of helpers shared by several rules (``dates.find_dates`` ...)
    memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.doc.text

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    @cached_property
    def _quoted(self) -> list[tuple[int, int]]:
        spans = []
        for q in self.quotes:
            if q.open is None:
                continue
            end = q.close if q.close is not None else self.paragraphs[q.paragraph].end
            spans.append((q.open, end))
        return sorted(spans)

    @cached_property
    def word_tokens(self) -> list[Token]:
        """The word tokens, in order."""
        return [t for t in self.tokens if t.kind == "word"]

    @property
    def words(self) -> Iterator[Token]:
        return iter(self.word_tokens)

    @cached_property
    def next_words(self) -> list[Token | None]:
        """For each token index, the next token when it is a word of the same sentence."""
        toks = self.tokens
        out: list[Token | None] = [None] * len(toks)
        for i in range(len(toks) - 1):
            nxt = toks[i + 1]
            if nxt.kind == "word" and nxt.sentence == toks[i].sentence:
                out[i] = nxt
        return out

    @cached_property
    def prev_words(self) -> list[Token | None]:
        """For each token index, the previous token when it is a word of the same sentence."""
        toks = self.tokens
        out: list[Token | None] = [None] * len(toks)
        for i in range(1, len(toks)):
            prev = toks[i - 1]
            if prev.kind == "word" and prev.sentence == toks[i].sentence:
                out[i] = prev
        return out

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.first_token:sentence.last_token]

    def paragraph_sentences(self, paragraph: Paragraph) -> list[Sentence]:
        return self.sentences[paragraph.first_sentence:paragraph.last_sentence]

    def paragraph_of(self, token: Token) -> Paragraph:
        return self.paragraphs[self.sentences[token.sentence].paragraph]

    def token_at(self, offset: int) -> Token | None:
        i = bisect.bisect_right(self._token_starts, offset) - 1
        if i >= 0 and self.tokens[i].start <= offset < self.tokens[i].end:
            return self.tokens[i]
        return None

    def tokens_between(self, start: int, end: int) -> list[Token]:
        lo = bisect.bisect_left(self._token_starts, start)
        hi = bisect.bisect_left(self._token_starts, end)
        return [t for t in self.tokens[lo:hi] if t.end <= end]

    def next_token(self, token: Token, same_sentence: bool = True) -> Token | None:
        i = token.index + 1
        if i < len(self.tokens) and (not same_sentence or self.tokens[i].sentence == token.sentence):
            return self.tokens[i]
        return None

    def prev_token(self, token: Token, same_sentence: bool = True) -> Token | None:
        i = token.index - 1
        if i >= 0 and (not same_sentence or self.tokens[i].sentence == token.sentence):
            return self.tokens[i]
        return None

    def is_sentence_initial(self, token: Token) -> bool:
        """First word of its sentence, ignoring opening quotes, brackets and dashes."""
        sentence = self.sentences[token.sentence]
        for t in self.tokens[sentence.first_token:token.index]:
            if t.kind != "punct" or t.text not in "«“‘\"'(-–—[*„‚":
                return False
        return True

    @cached_property
    def _quoted_reach(self) -> tuple[list[int], list[int]]:
        """The quoted spans' starts, and for each the furthest end of it and the spans
        before it: one binary search answers `in_quote`."""
        starts, reach, furthest = [], [], -1
        for qs, qe in self._quoted:
            furthest = max(furthest, qe)
            starts.append(qs)
            reach.append(furthest)
        return starts, reach

    def caseless_lower(self) -> str | None:
        """The masked text in lower case when that is a faithful stand-in for a
        case-insensitive search of lower-case Latin-1 letters and caseless punctuation:
        no character of the text beyond Latin-1 matches a Latin-1 one under IGNORECASE
        ("ſ", "K" Kelvin, "İ", "ẞ" do; "ć", "ł", "š", ’ do not), so a character matches
        such a character only if it lowers to it, and offsets are kept. None otherwise
        (callers then search the text as before). Computed once."""
        if "caseless_lower" not in self.memo:
            masked = self.doc.masked
            kin = any(_LATIN1_KIN.match(c) for c in set(_BEYOND_LATIN1.findall(masked)))
            lowered = None if kin else masked.lower()
            self.memo["caseless_lower"] = \
                lowered if lowered is None or len(lowered) == len(masked) else None
        return self.memo["caseless_lower"]  # type: ignore[return-value]

    def in_quote(self, start: int, end: int | None = None) -> bool:
        """True when the span lies inside quoted text (quotation marks excluded)."""
        end = start + 1 if end is None else end
        starts, reach = self._quoted_reach
        i = bisect.bisect_left(starts, start) - 1   # the last span opening before start
        return i >= 0 and end <= reach[i]


def segment(doc: Document) -> Segmentation:
    seg = Segmentation(doc)
    text = doc.masked
    strings: dict[str, str] = {}
    for p_start, p_end in _paragraph_spans(doc):
        _segment_paragraph(seg, text, p_start, p_end, strings)
    return seg


def _paragraph_spans(doc: Document) -> Iterator[tuple[int, int]]:
    text = doc.masked
    cuts = [(m.start(), m.end()) for m in _BLANK_LINE.finditer(text)]
    if doc.markdown:
        for m in _MD_HEADING_LINE.finditer(doc.text):
            cuts.append((m.start(), m.start()))
            cuts.append((m.end(), m.end()))
    cuts.sort()
    pos = 0
    for cut_start, cut_end in [*cuts, (len(text), len(text))]:
        if cut_start < pos:
            pos = max(pos, cut_end)
            continue
        start, end = pos, cut_start
        while start < end and (text[start].isspace() or text[start] == MASK):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] == MASK):
            end -= 1
        if end > start:
            yield start, end
        pos = cut_end


def _segment_paragraph(seg: Segmentation, text: str, p_start: int, p_end: int,
                       strings: dict[str, str]) -> None:
    p_index = len(seg.paragraphs)
    raw_tokens = _tokenise(seg, text, p_start, p_end)
    heading = _is_heading(seg.doc, text, p_start, p_end, raw_tokens)
    # sentence boundaries: indexes into raw_tokens where a new sentence starts
    starts = [0] if heading else _sentence_starts(text, raw_tokens, p_end)
    first_sentence = len(seg.sentences)
    bounds = [*starts, len(raw_tokens)]
    for k in range(len(starts)):
        lo, hi = bounds[k], bounds[k + 1]
        if lo >= hi:
            continue
        s_index = len(seg.sentences)
        tokens = seg.tokens
        first_token = index = len(tokens)
        for start, end, kind in raw_tokens[lo:hi]:
            word = text[start:end]
            # one string object per distinct word ("il", "di", "Roma"): a long draft
            # repeats a few thousand words hundreds of thousands of times
            word = strings.setdefault(word, word)
            tokens.append(Token(start, end, word, kind, index, s_index))
            index += 1
        s_start, s_end = raw_tokens[lo][0], raw_tokens[hi - 1][1]
        seg.sentences.append(Sentence(s_start, s_end, s_index, p_index, first_token,
                                      len(seg.tokens), heading))
    seg.paragraphs.append(Paragraph(p_start, p_end, p_index, heading, first_sentence,
                                    len(seg.sentences)))
    _pair_quotes(seg, text, p_index, p_start, p_end)


def _tokenise(seg: Segmentation, text: str, p_start: int, p_end: int) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    roles = seg.marks
    for m in _TOKEN.finditer(text, p_start, p_end):
        kind = m.lastgroup or "punct"
        start, end = m.span()
        if kind == "word":
            if "'" in text[start:end] or "’" in text[start:end]:
                out.extend(_split_word(text, start, end, roles, out))
            else:
                out.append((start, end, kind))
            continue
        if kind in ("minute", "year", "time"):
            for i in range(start, end):
                if text[i] in "'’\"”":
                    roles[i] = {"minute": MINUTE, "year": YEAR, "time": TIME}[kind]
        if kind == "abbr" or (kind == "punct" and text[start] == "." and out
                              and _is_abbreviation(text, out[-1], start)):
            if kind == "punct":
                prev = out.pop()
                start = prev[0]
                kind = "abbr"
            out.append((start, end, "abbr"))
            continue
        out.append((start, end, kind))
    return out


def _is_abbreviation(text: str, prev: tuple[int, int, str], dot: int) -> bool:
    start, end, kind = prev
    if kind != "word" or end != dot:
        return False
    word = text[start:end]
    if len(word) == 1 and word.isupper():
        # an initial (A. Rossi), but not a letter ending a sentence (in Serie A.)
        before = text[max(0, start - 12):start].split()
        return not before or before[-1].lower() not in _BEFORE_LETTER
    return (word.lower() in ABBREVIATIONS and len(word) > 1) or word in ("n", "p", "s", "v", "pp")


def _split_word(text: str, start: int, end: int, roles: dict[int, str],
                before: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Split elisions off a word match and record the role of each apostrophe in it."""
    out: list[tuple[int, int, str]] = []
    pos = start
    for i in range(start, end):
        ch = text[i]
        if ch not in APOSTROPHES:
            continue
        if i == end - 1:
            # a final apostrophe: truncation (po'), accent (perche'), or a closing quote
            word = text[pos:i]
            if word.lower() in ELIDING and (text[i + 1:i + 2].isdigit() or (
                    _SPACED_ELISION.match(text, i + 1) and word not in ("C", "D", "M", "N", "S", "T", "V"))):
                # an elision before a number (l'11 agosto, sull'1-0) or typed with a space
                # before a vowel (l' esonero: a slip that typography.elision-space reports)
                roles[i] = ELISION
                out.append((pos, i + 1, "word"))
                return out
            if (word.lower() in TRUNCATED and not word.istitle()) or word.lower() == "po":
                roles[i] = TRUNCATION
            else:
                # a closing quote unless quote pairing finds none open (then an accent)
                roles[i] = QUOTE
                out.append((pos, i, "word"))
                out.append((i, i + 1, "punct"))
                return out
            continue
        left = text[pos:i]
        right_initial = text[i + 1]
        # the tokens before, latest first (not `before + out`: a copy of the paragraph's
        # tokens at each apostrophe made a long paragraph quadratic)
        initial = (not before and not out) or \
            _after_sentence_end(text, chain(reversed(out), reversed(before)))
        if _is_elision(left, right_initial, initial):
            roles[i] = ELISION
            out.append((pos, i + 1, "word"))
            pos = i + 1
        else:
            roles[i] = NAME
    out.append((pos, end, "word"))
    return out


def _after_sentence_end(text: str, latest_first: Iterable[tuple[int, int, str]]) -> bool:
    for start, end, kind in latest_first:
        t = text[start:end]
        if kind == "punct" and t in "«“‘\"'(-–—[„":
            continue
        return kind == "punct" and t in (".", "!", "?", "…", "...", ":")
    return True


def _is_elision(left: str, right_initial: str, sentence_initial: bool) -> bool:
    low = left.lower()
    if low not in ELIDING:
        return False
    if left.islower() or right_initial.islower():
        return True
    # capitalised prefix before a capitalised word: L'Inter opens a sentence; mid-sentence
    # D'Ambrosio, Dell'Orco, N'Dicka are names
    return sentence_initial and low in ELIDING_INITIAL


def _is_heading(doc: Document, text: str, start: int, end: int,
                tokens: list[tuple[int, int, str]]) -> bool:
    line = doc.text[_line_start(doc.text, start):start + 1]
    if doc.markdown and regex.match(r"[ \t]{0,3}#{1,6}[ \t]", line):
        return True
    body = text[start:end]
    if "\n" in body.strip() or not tokens:
        return False
    last = body.rstrip(" \t\x00*_")[-1:]
    if last in ".!?…:;,»”\"')" or not body[:1].isupper():
        return False
    words = sum(1 for t in tokens if t[2] == "word")
    return 0 < words <= 20


_LAST_LINE_END = regex.compile(r"[\r\n]", regex.REVERSE)


def _line_start(text: str, offset: int) -> int:
    # searched backwards for the nearest CR or LF: `rfind` of each, when a file has no CR
    # (or no LF), scanned the whole text before each paragraph (quadratic: 20 MB, minutes)
    match = _LAST_LINE_END.search(text, 0, offset)
    return match.end() if match else 0


def _sentence_starts(text: str, tokens: list[tuple[int, int, str]], p_end: int) -> list[int]:
    starts = [0]
    n = len(tokens)
    i = 0
    while i < n:
        start, end, kind = tokens[i]
        if kind == "word":
            i += 1
            continue
        t = text[start:end]
        if (kind == "punct" and (t in _FINAL or t == "...")) or \
                (kind == "abbr" and t.lower() in ("ecc.", "etc.")):
            j = i + 1
            while j < n and tokens[j][2] == "punct" and (text[tokens[j][0]] in _CLOSERS
                                                           or text[tokens[j][0]] in _FINAL):
                if tokens[j][0] != tokens[j - 1][1]:
                    break
                j += 1
            if j < n and _opens_sentence(text, tokens, j):
                starts.append(j)
            i = j
            continue
        i += 1
    return starts


def _opens_sentence(text: str, tokens: list[tuple[int, int, str]], j: int) -> bool:
    start, _end, kind = tokens[j]
    gap = text[tokens[j - 1][1]:start]
    if not gap or (not gap.isspace() and MASK not in gap):
        return False
    first = text[start]
    if kind == "punct" and first in "«“‘\"'(-–—[„":
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        return nxt is not None and (text[nxt[0]].isupper() or text[nxt[0]].isdigit())
    return first.isupper() or first.isdigit()


def _pair_quotes(seg: Segmentation, text: str, p_index: int, p_start: int, p_end: int) -> None:
    """Pair the quotation marks of one paragraph (a quote never spans paragraphs)."""
    stack: list[tuple[int, str]] = []
    roles = seg.marks
    first = len(seg.quotes)     # the earlier paragraphs' quotes are sorted and all before
    for found in _QUOTE_MARK.finditer(text, p_start, p_end):
        i = found.start()
        ch = text[i]
        role = roles.get(i)
        if role is not None and role != QUOTE:
            continue
        if ch in APOSTROPHES:
            roles[i] = QUOTE
        before = text[i - 1] if i > p_start else " "
        after = text[i + 1] if i + 1 < p_end else " "
        opens_here = (before.isspace() or before in "([{«“‘\"'—–-/" or before == MASK) and \
            not after.isspace()
        closes_here = not before.isspace() and (after.isspace() or not after.isalnum())
        if ch in _OPENING and not (ch == "‘" and closes_here and not opens_here and stack) \
                and not (ch == "“" and stack and stack[-1][1] == "„"):
            stack.append((i, ch))
            continue
        if ch in '"\'' and opens_here and not (stack and stack[-1][1] == ch):
            stack.append((i, ch))
            continue
        if ch == "'" and not closes_here and not stack:
            roles[i] = ACCENT if text[i - 1:i].isalpha() else QUOTE
            continue
        # a closing mark: find what it closes
        match = next((k for k in range(len(stack) - 1, -1, -1)
                      if PAIRS[stack[k][1]] == ch), None)
        if match is None and ch in "'’" and i > p_start and text[i - 1].isalpha() and \
                not any(PAIRS[s[1]] in "'’" for s in stack):
            # letter + apostrophe with no single quote open: an accent written as apostrophe
            roles[i] = ACCENT
            continue
        if match is None and ch in '"”' and _after_seconds(text, i, p_start):
            roles[i] = TIME          # a bare seconds mark with no quote open: a 12" lead
            continue
        if match is None and stack:
            match = len(stack) - 1   # mismatched pair: ‘San Nicola'
        if match is None:
            seg.quotes.append(Quote(None, i, "", ch, 0, p_index))
            continue
        for k in range(len(stack) - 1, match, -1):   # opened inside and never closed
            o, oc = stack.pop()
            seg.quotes.append(Quote(o, None, oc, "", k, p_index))
        o, oc = stack.pop()
        seg.quotes.append(Quote(o, i, oc, ch, match, p_index))
    for depth in range(len(stack) - 1, -1, -1):
        o, oc = stack.pop()
        if oc == "'" and o > p_start and text[o - 1].isalpha():
            roles[o] = ACCENT
            continue
        seg.quotes.append(Quote(o, None, oc, "", depth, p_index))
    seg.quotes[first:] = sorted(seg.quotes[first:],
                                key=lambda q: q.open if q.open is not None else q.close or 0)


def _after_seconds(text: str, i: int, p_start: int) -> bool:
    """True when the mark at ``i`` follows a number of one or two digits standing alone
    (``a 12"``, ``41" di vantaggio``): the seconds of a gap, not a closing quote."""
    j = i
    while j > p_start and text[j - 1].isdigit():
        j -= 1
    return 1 <= i - j <= 2 and (j == p_start or not (text[j - 1].isalnum() or text[j - 1] in ".,"))
