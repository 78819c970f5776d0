"""Precision guards for the quotes.* and typography.* rules: what must stay quiet, and how
their suggestions and fixes apply."""

from __future__ import annotations

import pytest

from sportlint import fix_text, lint_text

SELECT = {"select": ["quotes", "typography", "punctuation"]}


def findings(text: str, path: str | None = None, config: dict | None = None) -> list:
    return lint_text(text, path, config or SELECT)


def apply_first(text: str, finding) -> str:
    return text[:finding.start] + finding.suggestions[0] + text[finding.end:]


@pytest.mark.parametrize("text", [
    "Dopo l'esonero, dell'AEK e un'amica, il Bari cambia.",
    "Segna D'Ambrosio, poi N'Dicka e Dell'Orco; lo Spartak vince la Prem'er-Liga.",
    "Serve un po' di calma, ha detto.",
    "Il gol al 23' e il pareggio al 45'+2, poi il 90'.",
    "Una squadra degli anni '80 e degli anni '90.",
    "Chiude in 7'37\", poi corre i 200 in 19\"72 e la tappa in 5.55'58\".",
    "La stagione inizia l'11 agosto, sull'1-0 la partita è chiusa.",
    "«Il “muro” giallorosso», ha scritto, «ha retto fino al recupero».",
    "«Lo chiamano “il ‘muro’ di Roma”», ha detto, e poi 'basta'.",
])
def test_apostrophes_and_nested_quotes_are_quiet(text: str) -> None:
    assert findings(text) == []


def test_crlf_and_markdown_are_quiet() -> None:
    text = ("# Il Bari: «si riparte»\r\n\r\nIl Bari ha vinto 2-1, poi ha perso.\r\n\r\n"
            "- primo punto\r\n-   secondo punto (con  rientro)\r\n\r\n"
            "| Squadra  | Punti |\r\n|----------|-------|\r\n| Bari     |    40 |\r\n\r\n"
            "**Nota:** leggi `a  ,b ( x` e https://esempio.it/a,b?c=1 e www.esempio.it/x.\r\n\r\n"
            "```\r\ncodice  ,  (  'non chiuso\r\n```\r\n\r\n<!-- una nota ,, (( -->\r\n")
    found = findings(text, "draft.md")
    assert [f for f in found if f.rule != "typography.double-space"] == []
    # the only double spaces a Markdown draft may hold in prose are real ones
    assert all(text[f.start - 2:f.start] != "|" for f in found)


def test_masked_regions_are_not_prose() -> None:
    text = "Leggi https://esempio.it/pagina,Due?x=1..2 e scrivi a redazione@esempio.it o basta ."
    assert [f.rule for f in findings(text)] == ["typography.space-before-punct"]


def test_mismatched_quote_suggestion_applies_to_its_span() -> None:
    text = "I Galletti vincono al ‘Tardini' per 2-1."
    (f,) = findings(text)
    assert f.rule == "quotes.mismatched"
    assert apply_first(text, f) == "I Galletti vincono al ‘Tardini’ per 2-1."


def test_mixed_apostrophe_suggestion_applies_to_its_span() -> None:
    text = "Il ritorno dell’ex difensore dopo l'esonero e l'addio."
    (f,) = findings(text)
    assert f.rule == "typography.mixed-apostrophes"
    assert apply_first(text, f) == "Il ritorno dell'ex difensore dopo l'esonero e l'addio."


def test_open_inciso_suggestion_applies_to_its_span() -> None:
    text = "Si sa che Verdi, il 3 aprile 2015 riuscì a vincere la coppa."
    (f,) = findings(text)
    assert f.rule == "punctuation.unclosed-inciso"
    assert text[f.start:f.end] == "2015"
    assert apply_first(text, f) == "Si sa che Verdi, il 3 aprile 2015, riuscì a vincere la coppa."


def test_quoted_speech_skips_the_inciso_rule_only() -> None:
    text = "«Rossi, ieri sera ha segnato ,  e basta», ha detto."
    rules = {f.rule for f in findings(text)}
    assert "punctuation.unclosed-inciso" not in rules
    assert {"typography.space-before-punct", "typography.double-space"} <= rules


MESSY = ("Il  Bari ha vinto , poi ha perso.La Ternana vola!! E poi.... il gol… e la festa...\n\n"
         "Il ritorno dell’ex difensore dopo l'esonero. Vince al ‘Tardini' ( in casa ).\n\n"
         "Verdi, nel 2019 vinse la coppa. E' stato un po strano, qual'è il segreto?")


def test_fix_is_idempotent_and_clean() -> None:
    once = fix_text(MESSY, None, SELECT)
    assert fix_text(once, None, SELECT) == once
    assert "  " not in once and " ," not in once and "!!" not in once
    assert "dell'ex" in once and "‘Tardini’" in once and "(in casa)" in once
    assert "È stato un po' strano, qual è" in once
    # the open inciso is an unsafe fix: only with unsafe fixes
    assert "nel 2019 vinse" in once
    unsafe = fix_text(MESSY, None, SELECT, unsafe=True)
    assert "nel 2019, vinse" in unsafe
    assert fix_text(unsafe, None, SELECT, unsafe=True) == unsafe


def test_house_style_decides_the_pair() -> None:
    text = "Vince in casa al ‘Tardini' di Parma."
    (f,) = findings(text, config={**SELECT, "style": {"quotes": '""'}})
    assert apply_first(text, f) == "Vince in casa al 'Tardini' di Parma."
