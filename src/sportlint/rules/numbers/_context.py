"""Helpers of the numbers rules: the words around a number token."""

from __future__ import annotations

from sportlint.segment.segmenter import Segmentation
from sportlint.segment.tokens import Token


def glued_after(seg: Segmentation, tok: Token) -> Token | None:
    """The token written right after ``tok`` with no space between (3|a, 12|o)."""
    nxt = seg.next_token(tok)
    return nxt if nxt is not None and nxt.start == tok.end else None


def words_before(seg: Segmentation, tok: Token, n: int) -> list[str]:
    """Up to ``n`` lower-case words before ``tok`` in its sentence, nearest first."""
    out: list[str] = []
    prev = seg.prev_token(tok)
    while prev is not None and len(out) < n:
        if prev.is_word or prev.kind == "abbr":
            out.append(prev.low.rstrip("."))
        prev = seg.prev_token(prev)
    return out


def char_before(seg: Segmentation, tok: Token) -> str:
    return seg.text[tok.start - 1] if tok.start else ""


def char_after(seg: Segmentation, end: int) -> str:
    return seg.text[end] if end < len(seg.text) else ""
