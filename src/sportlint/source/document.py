"""Load a draft: decode it, and mark the regions that are not prose.

The text keeps every character of the file (a BOM, CRLF line ends), so offsets are
code points into the decoded file and ``--fix`` can write back exactly what it read.
Regions that are not prose (a metadata header, YAML front matter, Markdown code,
URLs, HTML comments and tags) are listed in ``ignored``; ``masked`` is the text
with those regions replaced by NUL characters (line ends kept), which is what the
segmenter reads, so no rule ever sees them.

The front matter's prose fields are the exception: the values of ``title``, ``subtitle``,
``summary`` and ``description`` (config ``front_matter_keys``),
the words readers see first, stay prose, each its own paragraph (``breaks``), with its
findings on its own line. Plain, quoted and block (``|``, ``>``) values are read; the keys,
the quotes and every other field stay masked.
"""

from __future__ import annotations

import bisect
import codecs
import errno
import os
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from sportlint.util import lazyregex

MASK = "\x00"

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdx"}
#: HTML as a CMS exports it: the text nodes are the prose
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
#: the front-matter fields read as prose unless the config names others
FRONT_MATTER_KEYS: tuple[str, ...] = ("title", "subtitle", "summary", "description")


class InputError(Exception):
    """A file that cannot be read (or, for ``--fix``, written back) as a text draft."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


@dataclass
class Document:
    path: str | None
    text: str
    markdown: bool = False
    ignored: list[tuple[int, int]] = field(default_factory=list)
    masked: str = ""
    #: the front-matter fields whose values are prose
    front_matter_keys: tuple[str, ...] = FRONT_MATTER_KEYS
    #: offsets where a paragraph starts whatever precedes it (each prose field's value,
    #: each HTML block element, each paragraph of a Word document)
    breaks: list[int] = field(default_factory=list)
    #: an HTML page (``.html``, ``.htm``): only its text nodes are prose
    html: bool = False
    #: a Word document's text (source/word.py): one line per paragraph, ``breaks`` given
    word: bool = False
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _ignored_index: tuple[list[tuple[int, int]], int, list[int], list[int]] | None = \
        field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.word:
            self.ignored = self.ignored or find_ignored(self.text, False, ())
        elif not self.ignored:
            if self.html:
                self.ignored, self.breaks = html_regions(self.text)
            else:
                self.ignored = find_ignored(self.text, self.markdown, self.front_matter_keys)
                self.breaks = [start for start, _ in front_matter_fields(self.text,
                                                                         self.front_matter_keys)]
        self.masked = mask(self.text, self.ignored)
        self._line_starts = [0] + [m.end() for m in regex.finditer(r"\r\n|\n|\r", self.text)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset; columns count code points."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line end."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] if line < len(self._line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def is_ignored(self, start: int, end: int) -> bool:
        """True when the span touches a region that is not prose."""
        spans = self.ignored
        if len(spans) <= 8:
            return any(s < max(end, start + 1) and start < e for s, e in spans)
        # many regions (a Markdown draft full of links): one binary search over the
        # regions sorted by start, with the furthest end reached by each prefix
        index = self._ignored_index
        if index is None or index[0] is not spans or index[1] != len(spans):
            ordered = sorted(spans)
            reach, furthest = [], -1
            for _, e in ordered:
                furthest = max(furthest, e)
                reach.append(furthest)
            index = self._ignored_index = (spans, len(spans), [s for s, _ in ordered], reach)
        k = bisect.bisect_left(index[2], max(end, start + 1))   # regions starting before the end
        return k > 0 and index[3][k - 1] > start


ENCODING_HINT = ("if the file is in another encoding, name it with --encoding, "
                 "e.g. --encoding cp1252")


def encoding_name(name: str) -> str:
    """``name`` when Python knows it as a text encoding (``latin-1``, ``cp1252``,
    ``utf-16``); otherwise a LookupError saying why (``rot13`` and ``base64`` are codecs,
    but not encodings of text)."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise LookupError(f"unknown encoding {name!r} (try utf-8, latin-1, cp1252)") from None
    if not getattr(info, "_is_text_encoding", True) or info.name in NOT_FOR_FILES or \
            not _round_trips_sample(info.name):
        raise LookupError(f"{name!r} is not an encoding of text files (try utf-8, latin-1, "
                          "cp1252)")
    return name


#: codecs Python counts as text encodings that no draft is saved in: domain names
#: (idna, punycode), Python's own escapes, and the codec that refuses everything
NOT_FOR_FILES = frozenset({"idna", "punycode", "unicode-escape", "raw-unicode-escape",
                           "undefined", "mbcs", "oem"})

_SAMPLE = "Il Bari ha vinto 2-1.\nGol al 23' di Rossi (su rigore).\n"


def _round_trips_sample(codec: str) -> bool:
    """A plain line of text survives the codec both ways (a codec of names or of
    escapes does not keep case, spaces or line ends)."""
    try:
        return codecs.decode(codecs.encode(_SAMPLE, codec), codec) == _SAMPLE
    except (UnicodeError, LookupError, TypeError, ValueError):
        return False


def _codec(encoding: str, data: bytes | None = None) -> str:
    """The codec that decodes and encodes the file's bytes one to one, so that a BOM is
    a character of the text (offset 0), as it is for UTF-8: ``utf-8-sig`` reads as
    ``utf-8``, and ``utf-16``/``utf-32`` as the byte order their BOM says."""
    name = codecs.lookup(encoding).name
    if name == "utf-8-sig":
        return "utf-8"
    for wide in ("utf-16", "utf-32"):
        if name == wide:
            if data is not None and data.startswith(codecs.BOM_UTF32_BE if wide == "utf-32"
                                                    else codecs.BOM_UTF16_BE):
                return f"{wide}-be"
            if data is not None and data.startswith(codecs.BOM_UTF32_LE if wide == "utf-32"
                                                    else codecs.BOM_UTF16_LE):
                return f"{wide}-le"
            return f"{wide}-{'le' if sys.byteorder == 'little' else 'be'}"
    return name


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """The text of a file's bytes: UTF-8 (a BOM kept as U+FEFF), or ``encoding`` when the
    user names one (``--encoding``). Raise InputError naming the file, the line and the
    byte when the bytes are not text in that encoding."""
    if encoding is None:
        if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):    # before UTF-16's
            raise InputError(path, "UTF-32 text; sportlint reads UTF-8 (save the file as UTF-8, "
                                   "or name the encoding with --encoding utf-32)")
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise InputError(path, "UTF-16 text; sportlint reads UTF-8 (save the file as UTF-8, "
                                   "or name the encoding with --encoding utf-16)")
        if b"\x00" in data:
            raise InputError(path, "binary content (NUL bytes), not a text draft")
    codec = _codec(encoding or "utf-8", data)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        line, _ = _line_column(data[:exc.start].decode(codec, "replace"))
        what = "UTF-8" if encoding is None else encoding
        hint = f"; {ENCODING_HINT}" if encoding is None else ""
        raise InputError(path, f"not valid {what} at line {line} "
                               f"(byte {exc.start}: {exc.reason}){hint}") from None
    except UnicodeError as exc:     # a codec that fails without saying where
        raise InputError(path, f"not valid {encoding or 'UTF-8'} ({exc})") from None
    if encoding is not None and "\x00" in text:
        raise InputError(path, "binary content (NUL characters), not a text draft")
    if encoding is not None:
        problem = mojibake(data, text, encoding)
        if problem:
            raise InputError(path, problem)
    return text


# Scripts an Italian draft is never mostly written in, and that a wrong encoding makes of
# it: UTF-8 or Latin text read as UTF-16 becomes Chinese characters, Hangul, Yi.
_FAR_SCRIPTS = lazyregex.compile(r"[\p{Han}\p{Hangul}\p{Yi}\p{Hiragana}\p{Katakana}\p{Co}\p{Cn}]")


def mojibake(data: bytes, text: str, encoding: str) -> str | None:
    """Why ``text``, decoded from ``data`` in the ``encoding`` the user named, is not what
    the file says (None when it looks right): bytes that are UTF-8, accented letters
    included, read in another encoding (è would be Ã¨); or a text made mostly of Chinese,
    Japanese or Korean characters, what UTF-8 read as UTF-16 looks like."""
    name = codecs.lookup(encoding).name
    if name in ("utf-8", "utf-8-sig"):
        return None
    if not data.isascii() and _is_utf8(data):
        return (f"its bytes are UTF-8 (accented letters included), which {encoding} would "
                f"misread (è as {_misread('è', encoding)}); drop --encoding to read it as UTF-8")
    letters = sum(1 for ch in text if not ch.isspace())
    far = len(_FAR_SCRIPTS.findall(text))
    if far >= 8 and far * 3 >= letters:
        return (f"read as {encoding}, {far} of its {letters} characters are Chinese, Japanese "
                f"or Korean: it is not in {encoding} (mojibake); name its real encoding, or "
                "drop --encoding for UTF-8")
    return None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _misread(char: str, encoding: str) -> str:
    try:
        return repr(char.encode("utf-8").decode(_codec(encoding), "replace"))
    except (UnicodeError, LookupError):
        return "something else"


#: the largest draft read by default (config ``max_file_size``), in bytes
MAX_FILE_SIZE = 10_000_000


def size_text(size: int) -> str:
    """A size for a message: ``10 MB``, ``512 KB``, ``100 bytes``."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:g} MB"
    if size >= 1000:
        return f"{size / 1000:g} KB"
    return f"{size} bytes"


def too_large(limit: int) -> str:
    return (f"larger than {size_text(limit)}, the most sportlint reads (config max_file_size; "
            "0 for no limit)")


def read_bounded(stream: Any, limit: int) -> bytes | None:
    """Up to ``limit`` bytes of a binary stream (0: all); None when it holds more. Never
    reads more than ``limit`` + 1 bytes, so an endless input (/dev/zero, a pipe that never
    ends) stops at once."""
    if not limit:
        return bytes(stream.read())
    chunks: list[bytes] = []
    total = 0
    # a pipe or a terminal may give less than asked: read on until past the limit or the end
    while total <= limit:
        data = stream.read(limit + 1 - total)
        if not data:
            break
        chunks.append(data)
        total += len(data)
    return None if total > limit else b"".join(chunks)


def read(path: str | Path, limit: int = MAX_FILE_SIZE) -> bytes:
    """A file's bytes (at most ``limit``; 0: no limit); InputError naming it when it cannot
    be read or is larger."""
    name = str(path)
    try:
        with Path(path).open("rb") as stream:
            data = read_bounded(stream, limit)
        if data is None:
            raise InputError(name, too_large(limit))
        return data
    except OSError as exc:
        problem = exc.strerror or str(exc)
        if exc.errno == errno.EISDIR:
            problem = "is a directory, not a text draft"
        elif Path(path).is_symlink() and not Path(path).exists():
            problem = f"broken symbolic link (to {os.readlink(path)})"
        raise InputError(name, problem) from None


def load(path: str | Path, encoding: str | None = None) -> Document:
    """Read and decode one file; raise InputError naming it when that fails."""
    name = str(path)
    return from_text(decode(read(path), name, encoding), name)


def from_text(text: str, path: str | None = None,
              front_matter_keys: tuple[str, ...] = FRONT_MATTER_KEYS) -> Document:
    suffix = Path(path).suffix.lower() if path is not None else ""
    return Document(path, text, markdown=suffix in MARKDOWN_SUFFIXES,
                    front_matter_keys=tuple(front_matter_keys), html=suffix in HTML_SUFFIXES)


def with_front_matter_keys(doc: Document, keys: tuple[str, ...]) -> Document:
    """``doc`` read with other front-matter prose fields (the config's); itself when the
    same."""
    if tuple(keys) == doc.front_matter_keys:
        return doc
    if doc.html or doc.word:
        return doc      # HTML and Word documents have no front matter
    return Document(doc.path, doc.text, markdown=doc.markdown, front_matter_keys=tuple(keys))


def encode(text: str, encoding: str | None = None, path: str = "",
           original: bytes = b"") -> bytes:
    """The bytes to write back: the inverse of ``decode`` (a BOM stays a BOM, in the byte
    order of the ``original`` bytes read). When a fix put a character the encoding cannot
    hold (’ or « in latin-1), raise InputError naming the file, the character and where."""
    if encoding is None:
        return text.encode("utf-8")
    codec = _codec(encoding, original)
    try:
        return text.encode(codec)
    except UnicodeEncodeError as exc:
        char = text[exc.start]
        line, column = _line_column(text[:exc.start])
        label = unicodedata.name(char, f"U+{ord(char):04X}")
        raise InputError(path, f"the fixes need {char!r} ({label}) at line {line}, column "
                               f"{column}, which {encoding} cannot hold; file left "
                               f"unchanged") from None


def _line_column(before: str) -> tuple[int, int]:
    """1-based line and column of the character after ``before`` (CRLF, LF or CR ends)."""
    lines = regex.split(r"\r\n|\n|\r", before)
    return len(lines), len(lines[-1]) + 1


def encode_diff(diff: str, encoding: str, original: bytes) -> bytes:
    """A diff of a file in ``encoding``, in that encoding (so that `patch` fits it to the
    file's bytes); a file name the encoding cannot hold is written as best it can."""
    codec = _codec(encoding, original)
    try:
        return diff.encode(codec, "surrogateescape")
    except UnicodeEncodeError:
        return diff.encode(codec, "replace")


# A metadata header such as " date 2021-02" opening a file (the seed's export format).
_HEADER = lazyregex.compile(r"\A\ufeff?[ \t]*(?:date|data)[ \t]+\d{4}(?:-\d{2}){1,2}(?:[T ][\d:]+)?(?=\s)",
                            regex.IGNORECASE)
_FRONT_MATTER = lazyregex.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<body>.*?)\r?\n"
                                  r"(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", regex.DOTALL)
_HTML_COMMENT = lazyregex.compile(r"<!--.*?(?:-->|\Z)", regex.DOTALL)
_URL = lazyregex.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"«»“”]*[^\s<>\"«»“”.,;:!?')\]]"
                         r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_FENCE = lazyregex.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)",
                           regex.DOTALL | regex.MULTILINE)
_INLINE_CODE = lazyregex.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", regex.DOTALL)
_HTML_TAG = lazyregex.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_LINK_TARGET = lazyregex.compile(r"(?<=\])\([^()\s]*(?:\s+\"[^\"]*\")?\)|^[ \t]{0,3}\[[^\]]+\]:[^\n]*",
                                 regex.MULTILINE)
_MD_MARKUP = lazyregex.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,3}[.)][ \t]+)"
                               r"|(?<![\w*])\*{1,3}(?=\S)|(?<=\S)\*{1,3}(?![\w*])"
                               r"|(?<![\w_])_{1,3}(?=\S)|(?<=\S)_{1,3}(?![\w_])"
                               r"|^[ \t]{0,3}(?:[-*_][ \t]*){3,}$|^\s*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+.*$",
                               regex.MULTILINE)


_FIELD = lazyregex.compile(r"^(?P<key>[^\s:#][^:\r\n]*?)[ \t]*:(?:[ \t]+(?P<value>[^\r\n]*?))?[ \t]*\r?$",
                           regex.MULTILINE)
_BLOCK = lazyregex.compile(r"[|>][+-]?[0-9]?[+-]?(?:[ \t]+#.*)?")
_QUOTED = lazyregex.compile(r"(['\"])(.*)\1(?:[ \t]+#.*)?")


def front_matter_fields(text: str, keys: tuple[str, ...] = FRONT_MATTER_KEYS
                        ) -> list[tuple[int, int]]:
    """The spans of the prose fields' values in the YAML front matter: a plain value, a
    quoted one (without its quotes), or the lines of a block value (``|``, ``>``)."""
    head = _FRONT_MATTER.match(text)
    if not head or not keys:
        return []
    first, body_end = head.span("body")
    wanted = {k.lower() for k in keys}
    spans: list[tuple[int, int]] = []
    for m in _FIELD.finditer(text, first, body_end):
        key = m["key"].strip().strip("'\"").lower()
        value = m["value"]
        if key not in wanted or not value:
            continue
        start, end = m.span("value")
        if _BLOCK.fullmatch(value):
            # the block: the lines after the key, indented (or empty), as one paragraph
            pos, lines = m.end() + 1, []
            while pos < body_end:
                line_end = text.find("\n", pos, body_end)
                line_end = body_end if line_end < 0 else line_end
                line = text[pos:line_end].rstrip("\r")
                if line.strip() and line[0] not in " \t":
                    break
                if line.strip():
                    lead = len(line) - len(line.lstrip())
                    lines.append((pos + lead, pos + len(line.rstrip())))
                pos = line_end + 1
            spans.extend(lines)
            continue
        if value.startswith("#"):
            continue
        quoted = _QUOTED.fullmatch(value)
        if quoted:
            start, end = start + quoted.start(2), start + quoted.end(2)
        elif value[0] in "[{&*!|>'\"%@`":
            continue      # a list, a mapping, an anchor or a tag: not a sentence
        else:
            comment = regex.search(r"[ \t]#", value)
            if comment:
                end = start + comment.start()
        if end > start:
            spans.append((start, end))
    return _join_blocks(spans, text)


def _join_blocks(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """The lines of one block value as one span (one paragraph): spans separated only by
    a line end and indentation are joined."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and regex.fullmatch(r"(?:\r?\n|\r)[ \t]+", text[out[-1][1]:start]):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def find_ignored(text: str, markdown: bool,
                 front_matter_keys: tuple[str, ...] = FRONT_MATTER_KEYS) -> list[tuple[int, int]]:
    """Spans of the text that are not prose, merged and sorted."""
    spans: list[tuple[int, int]] = []
    if text.startswith("\ufeff"):
        spans.append((0, 1))
    head = _FRONT_MATTER.match(text) or _HEADER.match(text)
    if head:
        pos = 0
        for start, end in front_matter_fields(text, front_matter_keys):
            spans.append((pos, start))
            pos = end
        spans.append((pos, head.end()))
    spans += [m.span() for m in _HTML_COMMENT.finditer(text)]
    spans += [m.span() for m in _URL.finditer(text)]
    if markdown:
        for pattern in (_FENCE, _INLINE_CODE, _HTML_TAG, _LINK_TARGET, _MD_MARKUP):
            spans += [m.span() for m in pattern.finditer(text)]
    return merge(spans)


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for start, end in spans:
        parts.append(text[pos:start])
        parts.append(regex.sub(r"[^\r\n]", MASK, text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


# HTML exported from a CMS: what is not a text node (tags, comments, scripts, styles, the
# doctype, character references) is masked; a block element starts a paragraph.
_HTML_RAW = lazyregex.compile(r"<(script|style|template|noscript|svg|math|textarea|iframe)\b[^>]*>.*?"
                              r"(?:</\1\s*>|\Z)", regex.DOTALL | regex.IGNORECASE)
_HTML_MARKUP = lazyregex.compile(r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<![^>]*>|<\?[^>]*>"
                                 r"|</?[A-Za-z][\w:-]*(?:\s(?:[^<>\"']|\"[^\"]*\"|'[^']*')*)?/?>",
                                 regex.DOTALL)
_HTML_ENTITY = lazyregex.compile(r"&(?:#\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
_HTML_BLOCK = lazyregex.compile(
    r"</?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|br|hr|tr|td|th|table|thead|tbody|tfoot|caption"
    r"|blockquote|section|article|aside|header|footer|nav|main|figure|figcaption|pre|address"
    r"|title|head|body|html|form|fieldset|legend|details|summary)\b[^>]*>", regex.IGNORECASE)


def html_regions(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """An HTML page's regions that are not prose (markup, raw-text elements such as
    scripts and styles, comments, character references) and where its block elements
    start paragraphs. Offsets stay those of the source, so findings sit on its lines."""
    spans: list[tuple[int, int]] = [(0, 1)] if text.startswith("\ufeff") else []
    raw = [m.span() for m in _HTML_RAW.finditer(text)]
    spans += raw
    spans += [m.span() for m in _HTML_MARKUP.finditer(text)]
    # a non-breaking space or an entity reads as a separator (never as part of a word)
    spans += [m.span() for m in _HTML_ENTITY.finditer(text)]
    spans += [m.span() for m in _URL.finditer(text)]
    breaks = sorted({m.end() for m in _HTML_BLOCK.finditer(text)}
                    | {m.start() for m in _HTML_BLOCK.finditer(text)} | {e for _, e in raw})
    return merge(spans), breaks
