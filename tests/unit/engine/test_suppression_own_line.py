"""A suppression comment on a line of its own inside a hard-wrapped paragraph leaves the
prose view without breaking the paragraph: it split it, so a quotation opened before the
comment and closed after it gave two quote warnings."""

from __future__ import annotations

import pytest

from sportlint import lint_text
from sportlint.segment.segmenter import segment
from sportlint.source import document

QUOTED = ("Il tecnico ha detto: «Siamo pronti,\n"
          "<!-- sportlint-disable-next-line spelling.accents -->\n"
          "vogliamo vincere poichè serve». Poi è uscito.\n")


@pytest.mark.parametrize("path", ["x.md", "x.txt"])
def test_an_own_line_comment_does_not_split_the_paragraph(path: str) -> None:
    doc = document.from_text(QUOTED, path)
    assert len(segment(doc).paragraphs) == 1
    assert lint_text(QUOTED, path) == []      # no quote warnings, and the accent suppressed
    # without the comment the accent is flagged (the suppression is what hides it)
    bare = QUOTED.replace("<!-- sportlint-disable-next-line spelling.accents -->\n", "")
    assert [f.rule for f in lint_text(bare, path)] == ["spelling.accents"]


def test_a_multi_line_comment_and_two_comments() -> None:
    text = ("Il Bari «vince\n<!-- una nota\nsu due righe -->\n<!-- e un'altra -->\n"
            "ancora» al San Nicola.\n")
    assert len(segment(document.from_text(text, "x.md")).paragraphs) == 1
    assert [f.rule for f in lint_text(text, "x.md") if f.rule.startswith("quotes")] == []


def test_a_real_blank_line_still_separates() -> None:
    for text in ("Primo paragrafo.\n\n<!-- nota -->\nSecondo paragrafo.\n",
                 "Primo paragrafo.\n<!-- nota -->\n\nSecondo paragrafo.\n",
                 "Primo paragrafo.\n\nSecondo paragrafo.\n"):
        assert len(segment(document.from_text(text, "x.md")).paragraphs) == 2, text
    # other masked lines (a code fence) still end the paragraph
    fence = "Primo paragrafo\n```\ncodice\n```\nSecondo paragrafo.\n"
    assert len(segment(document.from_text(fence, "x.md")).paragraphs) == 2
