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

The parts: `tokens` (tokens and the role of each apostrophe), `sentences` (paragraphs,
headings, sentence starts), `quotes` (quote pairing); this module builds the
`Segmentation` from them, one paragraph at a time.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

import regex

from sportlint.segment.quotes import Quote, pair_quotes
from sportlint.segment.sentences import Paragraph, Sentence, is_heading, paragraph_spans, sentence_starts
from sportlint.segment.tokens import Token, tokenise
from sportlint.source.document import Document
from sportlint.util import lazyregex

_BEYOND_LATIN1 = lazyregex.compile(r"[^\x00-\xff]")
#: a character that a case-insensitive pattern matches to some Latin-1 character
_LATIN1_KIN = lazyregex.compile(r"[\x00-\xff]", regex.IGNORECASE)
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
        return token.index <= self._sentence_leads[token.sentence]

    @cached_property
    def _sentence_leads(self) -> list[int]:
        """For each sentence, the index of its first token that is no opening quote,
        bracket or dash: a token up to it is sentence-initial (one pass, so asking is
        constant time however long the sentence)."""
        leads = []
        for sentence in self.sentences:
            i = sentence.first_token
            while i < len(self.tokens) and self.tokens[i].sentence == sentence.index and \
                    self.tokens[i].kind == "punct" and self.tokens[i].text in "«“‘\"'(-–—[*„‚":
                i += 1
            leads.append(i)
        return leads

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
    for p_start, p_end in paragraph_spans(doc):
        _segment_paragraph(seg, text, p_start, p_end, strings)
    return seg


def _segment_paragraph(seg: Segmentation, text: str, p_start: int, p_end: int,
                       strings: dict[str, str]) -> None:
    p_index = len(seg.paragraphs)
    raw_tokens = tokenise(text, p_start, p_end, seg.marks)
    heading = is_heading(seg.doc, text, p_start, p_end, raw_tokens)
    # sentence boundaries: indexes into raw_tokens where a new sentence starts
    starts = [0] if heading else sentence_starts(text, raw_tokens, p_end)
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
    pair_quotes(seg.quotes, seg.marks, text, p_index, p_start, p_end)
