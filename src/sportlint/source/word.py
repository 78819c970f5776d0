"""Word documents (``.docx``): their paragraphs as prose, read with python-docx (the
``docx`` extra: ``pip install 'sportlint[docx]'``).

The document's text is its body's paragraphs in order (those of tables too, cell by cell),
one per line, so a finding's line is the paragraph's number (empty paragraphs counted) and
its column the character in the paragraph. A line break inside a paragraph reads as a
space, so that the count holds. Each paragraph starts a paragraph of the prose view.
``--fix`` does not write a .docx (runner/single.py says so): its fixes would have to be
carried back into the runs of the XML without losing their formatting, so the editor
applies them in Word.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from sportlint.source.document import Document, InputError

WORD_SUFFIXES = {".docx"}


def _paragraphs(document: Any) -> Iterator[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def walk(parent: Any, element: Any) -> Iterator[str]:
        for child in element.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                yield Paragraph(child, parent).text
            elif tag == "tbl":
                for row in Table(child, parent).rows:
                    for cell in row.cells:
                        yield from walk(cell, cell._tc)
            elif tag == "sdt":              # a content control: its paragraphs
                content = next((c for c in child.iterchildren()
                                if c.tag.endswith("}sdtContent")), None)
                if content is not None:
                    yield from walk(parent, content)

    yield from walk(document, document.element.body)


def from_docx(data: bytes, path: str) -> Document:
    """The prose of a .docx file's bytes; InputError naming the file when it is not one
    or python-docx is missing."""
    try:
        import docx
    except ImportError:
        raise InputError(path, "reading .docx files needs python-docx: "
                               "pip install 'sportlint[docx]'") from None
    import zipfile

    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = [text.replace("\r", " ").replace("\n", " ").replace("\x0b", " ")
                      for text in _paragraphs(document)]
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(path, f"not a Word .docx document ({exc})") from None
    except Exception as exc:  # python-docx raises its own errors for broken parts
        raise InputError(path, f"cannot read the Word document ({type(exc).__name__}: "
                               f"{exc})") from None
    breaks, pos = [], 0
    for text in paragraphs:
        breaks.append(pos)
        pos += len(text) + 1
    return Document(path, "\n".join(paragraphs) + "\n", word=True, breaks=breaks)
