"""Paragraphs, headings and sentences: where a paragraph, a heading and a sentence
start and end in the masked text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from sportlint.source.document import MASK, Document
from sportlint.util import lazyregex

_FINAL = set(".!?…")
_CLOSERS = set("»”’\"')]")
_BLANK_LINE = lazyregex.compile(r"(?:\r?\n|\r)[ \t\x00]*(?:\r?\n|\r)(?:[ \t\x00]*(?:\r?\n|\r))*")
_MD_HEADING_LINE = lazyregex.compile(r"^[ \t]{0,3}#{1,6}[ \t].*$", regex.MULTILINE)
_REAL_BLANK_LINE = lazyregex.compile(r"(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)")
_COMMENT = lazyregex.compile(r"<!--.*?-->", regex.DOTALL)


def _only_comments(doc: Document, start: int, end: int) -> bool:
    """Whether the masked "blank" lines between ``start`` and ``end`` are HTML comments on
    lines of their own (a `<!-- sportlint-disable-next-line -->` inside a hard-wrapped
    paragraph), with no truly blank line: the comment leaves the prose view, and the
    paragraph goes on across it."""
    original = doc.text[start:end]
    if _REAL_BLANK_LINE.search(original) or "<!--" not in original:
        return False
    return not _COMMENT.sub("", original).strip()


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


def paragraph_spans(doc: Document) -> Iterator[tuple[int, int]]:
    text = doc.masked
    cuts = [(m.start(), m.end()) for m in _BLANK_LINE.finditer(text)
            if not _only_comments(doc, m.start(), m.end())]
    cuts += [(b, b) for b in doc.breaks]    # each front-matter prose field is a paragraph
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


def is_heading(doc: Document, text: str, start: int, end: int,
                tokens: list[tuple[int, int, str]]) -> bool:
    line = doc.text[line_start(doc.text, start):start + 1]
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


_LAST_LINE_END = lazyregex.compile(r"[\r\n]", regex.REVERSE)


def line_start(text: str, offset: int) -> int:
    # searched backwards for the nearest CR or LF: `rfind` of each, when a file has no CR
    # (or no LF), scanned the whole text before each paragraph (quadratic: 20 MB, minutes)
    match = _LAST_LINE_END.search(text, 0, offset)
    return match.end() if match else 0


#: abbreviations that often end a sentence: before a capital, a new one begins ("nel VI
#: secolo d.C. Alla fine ...", "rigori, punizioni ecc. Poi")
_ENDING_ABBREVIATIONS = frozenset(("ecc.", "etc.", "a.c.", "d.c."))


def sentence_starts(text: str, tokens: list[tuple[int, int, str]], p_end: int) -> list[int]:
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
                (kind == "abbr" and t.lower() in _ENDING_ABBREVIATIONS):
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
