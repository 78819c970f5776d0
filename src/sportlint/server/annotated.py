"""LanguageTool's annotated text (the ``data`` field of ``/v2/check``), as LTeX and the
browser extension send it: ``{"annotation": [{"text": "Il "}, {"markup": "<b>"},
{"text": "Milan"}, {"markup": "</b>"}, {"markup": "<p>", "interpretAs": "\\n\\n"}]}``.

Text parts are checked; markup parts are not (a markup part's ``interpretAs``, if any,
stands in for it in the checked text, so that ``<p>`` still ends a paragraph; a
``<!-- sportlint-disable ... -->`` comment stays, so that suppressions work as in a file). Offsets of
the answer refer to the whole, text and markup together, as LanguageTool's do.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from typing import Any

#: a markup part that is a suppression comment (``<!-- sportlint-disable-next-line RULE -->``)
#: goes into the checked text as it is: comments are never checked, and the suppressions
#: read it there as in a file
_DIRECTIVE = re.compile(r"\s*<!--\s*sportlint-[\w-]+.*-->\s*\Z", re.DOTALL)


class AnnotationError(ValueError):
    """The ``data`` field is not annotated text; the message says what is wrong."""


@dataclass(frozen=True)
class _Part:
    plain_start: int     # where the part's checked text starts in the plain text
    plain_len: int
    orig_start: int      # where the part starts in the whole (text and markup)
    orig_len: int
    is_text: bool


@dataclass
class AnnotatedText:
    """The plain text to check, the whole it came from, and the offset map between them."""

    plain: str
    original: str
    parts: list[_Part]

    @classmethod
    def from_text(cls, text: str) -> AnnotatedText:
        return cls(text, text, [_Part(0, len(text), 0, len(text), True)])

    @classmethod
    def from_data(cls, data: str | Any) -> AnnotatedText:
        """Parse the ``data`` field (a JSON string, or the object already parsed)."""
        if isinstance(data, str):
            try:
                data = json.loads(data)
            except json.JSONDecodeError as exc:
                raise AnnotationError(f"'data' is not valid JSON ({exc.msg} at character "
                                      f"{exc.pos})") from None
        if not isinstance(data, dict) or not isinstance(data.get("annotation"), list):
            raise AnnotationError("'data' must be a JSON object with an 'annotation' list, "
                                  'e.g. {"annotation": [{"text": "Testo"}, {"markup": "<b>"}]}')
        plain: list[str] = []
        original: list[str] = []
        parts: list[_Part] = []
        p = o = 0
        for index, item in enumerate(data["annotation"]):
            if not isinstance(item, dict):
                raise AnnotationError(f"'data': annotation item {index} is not an object")
            text, markup = item.get("text"), item.get("markup")
            if (text is None) == (markup is None):
                raise AnnotationError(f"'data': annotation item {index} needs either 'text' "
                                      "or 'markup' (not both)")
            if markup is not None and isinstance(markup, str) and _DIRECTIVE.match(markup):
                text = markup     # a sportlint-disable comment: the suppressions read it
            if text is not None:
                if not isinstance(text, str):
                    raise AnnotationError(f"'data': annotation item {index}: 'text' must be a string")
                parts.append(_Part(p, len(text), o, len(text), True))
                plain.append(text)
                original.append(text)
                p += len(text)
                o += len(text)
                continue
            interpret = item.get("interpretAs", "")
            if not isinstance(markup, str) or not isinstance(interpret, str):
                raise AnnotationError(f"'data': annotation item {index}: 'markup' and "
                                      "'interpretAs' must be strings")
            parts.append(_Part(p, len(interpret), o, len(markup), False))
            plain.append(interpret)
            original.append(markup)
            p += len(interpret)
            o += len(markup)
        return cls("".join(plain), "".join(original), parts)

    def to_original(self, offset: int, is_end: bool = False) -> int:
        """The offset in the whole of a code-point offset into the plain text. An end that
        falls at a part boundary stays at the end of the text before it (the span does not
        take in the markup after it); a start there moves to the text after it."""
        if len(self.parts) == 1:
            return offset
        starts = [part.plain_start for part in self.parts]
        index = bisect.bisect_right(starts, offset) - 1
        if is_end:
            # the last part that starts before the end (a part of length 0 adds nothing)
            index = bisect.bisect_left(starts, offset) - 1
        index = max(0, min(index, len(self.parts) - 1))
        part = self.parts[index]
        within = offset - part.plain_start
        if part.is_text:
            return part.orig_start + min(within, part.orig_len)
        # inside a markup part's interpretAs: the markup's start (or its end, for an end)
        return part.orig_start + (part.orig_len if is_end and within > 0 else 0)
