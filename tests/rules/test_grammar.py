"""Precision guards for the grammar.* rules: clean professional copy stays clean, quoted
speech is skipped, fixes settle, and the user-extensible verb list is validated."""

from __future__ import annotations

import pytest

from sportlint import fix_text, lint_text
from sportlint.config.loader import ConfigError

GRAMMAR = {"select": ["grammar"]}

# Made-up copy written for these tests: surnames that are words, minute marks, elided
# years, formations, comparatives, mass nouns after "più", participles that are nouns,
# a historical present throughout, quoted speech in the present.
CLEAN = [
    "Il Bari ha battuto il Teramo 2-1 con un gol al 23' di Conte, schierato nel 4-2-3-1. "
    "È il giocatore più veloce della squadra e ha segnato in più occasioni.",
    "Negli anni '80 il club vinse due campionati. Oggi milita in Serie C e punta alla "
    "promozione.",
    "Rossi nasce a Lecce nel 1970. Esordisce in Serie A a diciotto anni, vince lo scudetto "
    "e chiude la carriera in Grecia.",
    "Nel 2015 lasciò il Milan. Il club, che gioca a San Siro, lo salutò con un video. "
    "Tornò in Italia due anni dopo.",
    "Il risultato della gara è giusto. L'inviato del giornale ha parlato con il tecnico, "
    "e il dettato della norma è chiaro: l'esonero dell'allenatore non è in discussione.",
    "Servono più calma e più attenzione; per più tempo la squadra ha sofferto, e da più "
    "tempo non vinceva in trasferta.",
    "Un'azione personale, un amico in tribuna, un'altra occasione, nessun altro giocatore, "
    "un'atleta e un atleta, l'hotel, all'ultimo minuto, dell'Inter.",
    "Il tecnico ha optato per il 3-5-2 e ha continuato a cercare di vincere.",
    "Immobile segna, Bove corre, Conte urla: né lui né il vice ne hanno parlato.",
    "«Segue sempre il suo istinto e a volte sbaglia», disse di lui il presidente nel 2010. "
    "Vinse tre titoli. Fu un grande.",
    "La conquista del titolo è arrivata all'ultima giornata. In seguito il club ha ceduto "
    "il capitano.",
    "Gli ha dato la fascia, le ha dato fiducia, ci da' una mano.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_copy_is_not_flagged(text: str) -> None:
    assert lint_text(text, None, GRAMMAR) == []


def test_quoted_speech_is_skipped() -> None:
    text = "Il presidente ha detto: «Ha optato di restare in più occasione»."
    assert lint_text(text, None, GRAMMAR) == []
    assert lint_text("Ha optato di restare in più occasione.", None, GRAMMAR)


SLIPS = ("La società ha optato di esonerarlo in più occasione. Fu l'esonerato del tecnico "
         "a chiudere. Rossi a segnato un gol e un'altro.")


def test_fixes_settle_and_are_idempotent() -> None:
    once = fix_text(SLIPS, None, GRAMMAR, unsafe=True)
    assert once == ("La società ha optato per esonerarlo in più occasioni. Fu l'esonero del "
                    "tecnico a chiudere. Rossi ha segnato un gol e un altro.")
    assert fix_text(once, None, GRAMMAR, unsafe=True) == once


def test_only_safe_fixes_without_unsafe() -> None:
    fixed = fix_text(SLIPS, None, GRAMMAR)
    assert "un altro" in fixed and "optato di" in fixed


def test_tense_suggestion_is_never_applied() -> None:
    text = "Lasciò il Milan. Non segue il tecnico a Londra. Firmò per lo Spartak."
    findings = lint_text(text, None, GRAMMAR)
    assert [f.suggestions for f in findings] == [("seguì",)]
    assert fix_text(text, None, GRAMMAR, unsafe=True) == text


def test_bad_extra_verb_entry_is_an_error() -> None:
    config = {"select": ["grammar"],
              "rules": {"grammar.verb-preposition": {"extra": [{"verb": "optare"}]}}}
    with pytest.raises((ValueError, ConfigError)):
        lint_text("Ha optato di restare.", None, config)


def test_d_eufonica_is_off_by_default() -> None:
    text = "Sono vicini ad un accordo."
    assert all(f.rule != "style.d-eufonica" for f in lint_text(text, None, {}))
    on = lint_text(text, None, {"enable": ["style.d-eufonica"], "select": ["style.d-eufonica"]})
    assert [f.suggestions for f in on] == [("a",)]


def test_verb_preposition_list_is_sorted_and_unique() -> None:
    from sportlint.rules.grammar.verb_preposition import shipped_entries

    entries = shipped_entries()
    keys = [(verb, wrong) for verb, wrong, _, _ in entries]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert all(wrong != right for _, wrong, right, _ in entries)


@pytest.mark.parametrize("text", ["", "...", "Il", "l'", "a", "più", "in più", "Ha optato di",
                                  "# Titolo\n\n```\nl'esonerato del codice\n```\n", "«»"])
def test_fragments_do_not_crash(text: str) -> None:
    assert isinstance(lint_text(text, "x.md", GRAMMAR), list)


def test_markdown_code_is_not_checked() -> None:
    text = "# Titolo\n\nTesto pulito.\n\n```\nla società ha optato di cambiare\n```\n"
    assert lint_text(text, "draft.md", GRAMMAR) == []
