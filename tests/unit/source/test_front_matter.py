"""Front matter: `title`, `subtitle`, `summary` and `description` (the words readers see
first) are prose, each its own paragraph, with findings on their own lines; every other
field, the keys and the quotes stay masked; the config names other fields."""

from __future__ import annotations

from sportlint import fix_text, lint_text
from sportlint.segment.segmenter import segment
from sportlint.source import document

SELECT = {"select": ["spelling.accents", "spelling.repeated-word"]}
DRAFT = ("---\n"
         "title: Il il Bari vince al San Nicola\n"
         'subtitle: "Una vittoria poichè voluta"\n'
         "author: Il il cronista\n"
         "date: 2024-01-01\n"
         "tags: [poichè, perchè]\n"
         "summary: >\n"
         "  I pugliesi hanno vinto\n"
         "  perchè hanno segnato.\n"
         "description: 'Il Bari torna a vincere' # poichè nel commento\n"
         "---\n"
         "\n"
         "Testo pulito.\n")


def _found(text: str, path: str = "x.md", config: dict | None = None) -> list[tuple[int, int, str]]:
    doc = document.from_text(text, path)
    return [(*doc.position(f.start), f.rule) for f in lint_text(text, path, config or SELECT)]


def test_title_subtitle_summary_are_checked_on_their_lines() -> None:
    assert _found(DRAFT) == [(2, 10, "spelling.repeated-word"), (3, 25, "spelling.accents"),
                             (9, 3, "spelling.accents")]
    assert _found(DRAFT, "x.txt") == _found(DRAFT)      # a .txt draft's front matter too


def test_each_field_is_its_own_paragraph() -> None:
    doc = document.from_text(DRAFT, "x.md")
    paragraphs = [DRAFT[p.start:p.end] for p in segment(doc).paragraphs]
    assert paragraphs == ["Il il Bari vince al San Nicola", "Una vittoria poichè voluta",
                          "I pugliesi hanno vinto\n  perchè hanno segnato.",
                          "Il Bari torna a vincere", "Testo pulito."]


def test_the_fix_touches_only_the_values() -> None:
    fixed = fix_text(DRAFT, "x.md", SELECT)
    assert fixed == (DRAFT.replace("Il il Bari", "Il Bari").replace("poichè voluta", "poiché voluta")
                     .replace("perchè hanno", "perché hanno"))


def test_the_config_names_the_prose_fields() -> None:
    text = "---\ntitle: Il il Bari\nocchiello: Vince poichè segna\n---\nTesto.\n"
    assert [r for _, _, r in _found(text)] == ["spelling.repeated-word"]
    config = {**SELECT, "front_matter_keys": ["occhiello"]}
    assert _found(text, config=config) == [(3, 18, "spelling.accents")]
    assert _found(text, config={**SELECT, "front_matter_keys": []}) == []


def test_crlf_and_a_bom() -> None:
    text = "\ufeff---\r\ntitle: Il il Bari\r\nauthor: Il il\r\n---\r\nTesto.\r\n"
    assert _found(text) == [(2, 10, "spelling.repeated-word")]


def test_not_front_matter_is_unchanged() -> None:
    # a thematic break later in the text is not front matter; no front matter, no fields
    assert document.front_matter_fields("Testo.\n---\ntitle: x\n---\n") == []
    assert document.front_matter_fields("---\ntitle:\n---\n") == []
