"""Annotated text: markup skipped, offsets mapped back onto the whole."""

from __future__ import annotations

import json

import pytest

from sportlint.server.annotated import AnnotatedText, AnnotationError

PARTS = [{"markup": "<p>"}, {"text": "Il "}, {"markup": "<b>"}, {"text": "Milan"},
         {"markup": "</b>"}, {"text": " vince."}, {"markup": "</p>", "interpretAs": "\n\n"},
         {"text": "Poi"}]


def test_plain_text_skips_markup_and_keeps_interpret_as() -> None:
    text = AnnotatedText.from_data(json.dumps({"annotation": PARTS}))
    assert text.plain == "Il Milan vince.\n\nPoi"
    assert text.original == "<p>Il <b>Milan</b> vince.</p>Poi"


def test_offsets_map_to_the_whole() -> None:
    text = AnnotatedText.from_data({"annotation": PARTS})
    start = text.plain.index("Milan")
    assert text.original[text.to_original(start):text.to_original(start + 5, is_end=True)] == "Milan"
    # a span across markup keeps the markup inside it, not the markup after it
    start, end = text.plain.index("Milan vince"), text.plain.index(" vince") + 6
    assert text.original[text.to_original(start):text.to_original(end, is_end=True)] == \
        "Milan</b> vince"
    first = text.to_original(0)
    assert text.original[first:first + 2] == "Il"
    poi = text.plain.index("Poi")
    assert text.original[text.to_original(poi):] == "Poi"
    # inside an interpretAs: the markup's start
    assert text.to_original(text.plain.index("\n")) == text.original.index("</p>")


def test_plain_text_maps_to_itself() -> None:
    text = AnnotatedText.from_text("Testo")
    assert (text.plain, text.to_original(3), text.to_original(5, is_end=True)) == ("Testo", 3, 5)


@pytest.mark.parametrize(("data", "says"), [
    ("{", "not valid JSON"),
    ("[]", "'annotation' list"),
    ('{"annotation": "x"}', "'annotation' list"),
    ('{"annotation": [1]}', "item 0 is not an object"),
    ('{"annotation": [{"text": "a", "markup": "b"}]}', "not both"),
    ('{"annotation": [{"markup": 3}]}', "must be strings"),
])
def test_bad_data_says_what_is_wrong(data: str, says: str) -> None:
    with pytest.raises(AnnotationError, match=says):
        AnnotatedText.from_data(data)


def test_a_suppression_comment_in_markup_is_kept_for_the_suppressions() -> None:
    comment = "<!-- sportlint-disable-next-line typography.double-space -->"
    text = AnnotatedText.from_data({"annotation": [{"markup": comment}, {"text": "\nIl  gol."},
                                                   {"markup": "<!-- other -->"}]})
    assert text.plain == comment + "\nIl  gol."
    start = text.plain.index("  ")
    assert text.original[text.to_original(start):text.to_original(start + 2, is_end=True)] == "  "
