"""quotes.style: `style: {quotes: "“”"}` was accepted and nothing enforced it."""

from __future__ import annotations

from sportlint import fix_text, lint_text

SPEECH = "Il tecnico ha detto: «Siamo pronti». Poi ha aggiunto: «Vinceremo»."


def test_the_house_style_in_the_config_is_enforced() -> None:
    config = {"style": {"quotes": "“”"}}
    found = [f for f in lint_text(SPEECH, None, config) if f.rule == "quotes.style"]
    assert len(found) == 2 and all(f.fix and f.fix.applicability.value == "safe" for f in found)
    assert fix_text(SPEECH, None, config) == SPEECH.replace("«", "“").replace("»", "”")
    # the shipped default is no choice of the newsroom's: silent
    assert not [f for f in lint_text(SPEECH.replace("«", "“").replace("»", "”")) if f.rule == "quotes.style"]


def test_a_guessed_pairing_is_not_fixed_by_fix() -> None:
    text = 'Ha detto: "Siamo pronti" e poi «andiamo.'
    config = {"style": {"quotes": "«»"}, "select": ["quotes.style"]}
    (finding,) = lint_text(text, None, config)
    assert finding.fix and finding.fix.applicability.value == "unsafe"
    assert fix_text(text, None, config) == text


def test_a_config_file_and_its_extends_count(tmp_path) -> None:
    from sportlint.config.loader import load_config

    (tmp_path / "base.yaml").write_text('style: {quotes: "“”"}\n', encoding="utf-8")
    (tmp_path / ".sportlint.yaml").write_text("extends: base.yaml\n", encoding="utf-8")
    config = load_config(tmp_path / ".sportlint.yaml")
    assert "quotes" in config.explicit_style
    assert [f.rule for f in lint_text(SPEECH, None, config) if f.rule == "quotes.style"] == \
        ["quotes.style", "quotes.style"]
