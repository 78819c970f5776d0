"""The LanguageTool answer built from findings, and proxy mode's merge."""

from __future__ import annotations

import pytest

from sportlint.findings import Finding, Severity
from sportlint.server import ltapi
from sportlint.server.annotated import AnnotatedText


def finding(text: str, word: str, rule: str = "typography.double-space",
            severity: Severity = Severity.WARNING) -> Finding:
    start = text.index(word)
    return Finding(rule, start, start + len(word), severity, "Messaggio.", (" ",))


def test_offsets_are_utf16_units() -> None:
    text = "😀😀 a  b"
    [m] = ltapi.answer([finding(text, "  ")], AnnotatedText.from_text(text))["matches"]
    assert (m["offset"], m["length"]) == (text.index("  ") + 2, 2)
    assert m["rule"]["category"] == {"id": "TYPOGRAPHY", "name": "Tipografia"}
    assert m["rule"]["urls"][0]["value"].endswith("#typographydouble-space")
    assert m["replacements"] == [{"value": " "}]


def test_a_span_with_an_emoji_inside_is_longer_in_utf16() -> None:
    text = "Gol 😀 bello"
    [m] = ltapi.answer([finding(text, "😀 b")], AnnotatedText.from_text(text))["matches"]
    assert m["length"] == 4


def test_context_and_sentence() -> None:
    text = "Prima frase. " + "parola " * 20 + "Il  gol. Dopo."
    [m] = ltapi.answer([finding(text, "  ")], AnnotatedText.from_text(text))["matches"]
    ctx = m["context"]
    assert ctx["text"].startswith("...") and ctx["text"][ctx["offset"]:ctx["offset"] + 2] == "  "
    assert m["sentence"].endswith("Il  gol.") and not m["sentence"].startswith("Prima")


def test_a_suggestion_is_a_matter_of_style() -> None:
    text = "a  b"
    [m] = ltapi.answer([finding(text, "  ", severity=Severity.SUGGESTION)],
                       AnnotatedText.from_text(text))["matches"]
    assert m["rule"]["issueType"] == "style"


def test_categories_name_families() -> None:
    assert ltapi.families_of(["TYPOGRAPHY", "names", "WHATEVER"]) == ["names", "typography"]


@pytest.mark.parametrize(("form", "says"), [
    ({"text": "x"}, "language"),
    ({"language": "it"}, "'text' or 'data'"),
    ({"language": "it", "text": "x", "level": "max"}, "level"),
])
def test_bad_forms(form: dict[str, str], says: str) -> None:
    with pytest.raises(ltapi.BadRequest, match=says):
        ltapi.Request.from_form(form)


def test_request_reads_lists_and_level() -> None:
    req = ltapi.Request.from_form({"language": "it-IT", "text": "x", "disabledRules": "a, b,",
                                   "level": "picky", "enabledCategories": "STYLE"})
    assert req.italian and req.picky and req.disabled_rules == ("a", "b")
    assert req.enabled_categories == ("STYLE",)
    assert not ltapi.Request.from_form({"language": "en-US", "text": "x"}).italian
