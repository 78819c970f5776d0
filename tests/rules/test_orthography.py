"""Italian orthography and number conventions (issue 23): the issue's sample text gets one
finding per slip, with the expected fix where it is certain, and the gates hold on the
same sentences written right. The rules' own cases are in tests/rules/cases/."""

from __future__ import annotations

import pytest

from sportlint import fix_text, lint_text

SAMPLE = (
    "Il Napoli ha vinto a Marzo 2023 lo scudetto, e a Settembre ha perso. La nazionale di "
    "francia ha battuto la germania. Il ginnasta ha chiuso con 14.825 punti, il 62.5% dei "
    "voti. L'ex-presidente del Milan ha parlato di un mercato extra-comunitario e di un "
    "gesto anti-sportivo. La Juve è arrivata 3a, il Torino 12o. Ai mondiali di Italia 90 il "
    "vincitore ha chiuso in 1'7\" davanti a tutti. Il sindaco ha detto che la Città è in "
    "festa per la Vittoria. Gli spettatori presenti erano 30.000 spettatori. É stata una "
    "giornata storica."
)
# (rule, the text it covers, its first suggestion or None)
EXPECTED = [
    ("style.date-case", "Marzo", "marzo"),
    ("style.date-case", "Settembre", "settembre"),
    ("names.lowercase", "francia", "Francia"),
    ("names.lowercase", "germania", "Germania"),
    ("numbers.decimal-point", "14.825", "14,825"),
    ("numbers.decimal-point", "62.5%", "62,5%"),
    ("spelling.prefix-hyphen", "ex-presidente", "ex presidente"),
    ("spelling.prefix-hyphen", "extra-comunitario", "extracomunitario"),
    ("spelling.prefix-hyphen", "anti-sportivo", "antisportivo"),
    ("numbers.ordinal-indicator", "3a", "3ª"),
    ("numbers.ordinal-indicator", "12o", "12º"),
    ("numbers.elided-year", "90", "'90"),
    ("numbers.time-format", "1'7\"", "1'07\""),
    ("style.common-noun-case", "Città", "città"),
    ("style.common-noun-case", "Vittoria", "vittoria"),
    ("style.restated-word", "spettatori", None),
    ("typography.accent-char", "É", "È"),
]
# style.common-noun-case is off by default (a capital often marks a name the gazetteer lacks)
CONFIG = {"enable": ["style.common-noun-case"]}


def test_every_slip_of_the_sample_is_found_once() -> None:
    found = [(f.rule, SAMPLE[f.start:f.end], f.suggestions[0] if f.suggestions else None)
             for f in lint_text(SAMPLE, None, CONFIG)]
    assert found == EXPECTED


def test_the_certain_fixes_of_the_sample() -> None:
    assert fix_text(SAMPLE, None, CONFIG) == (
        "Il Napoli ha vinto a marzo 2023 lo scudetto, e a settembre ha perso. La nazionale di "
        "Francia ha battuto la Germania. Il ginnasta ha chiuso con 14.825 punti, il 62,5% dei "
        "voti. L'ex presidente del Milan ha parlato di un mercato extracomunitario e di un "
        "gesto antisportivo. La Juve è arrivata 3ª, il Torino 12º. Ai mondiali di Italia 90 il "
        "vincitore ha chiuso in 1'07\" davanti a tutti. Il sindaco ha detto che la Città è in "
        "festa per la Vittoria. Gli spettatori presenti erano 30.000 spettatori. È stata una "
        "giornata storica.")
    # the judged score and the event's year are unsafe: a thousands group and a count are
    # still possible readings
    unsafe = fix_text(SAMPLE, None, CONFIG, unsafe=True)
    assert "con 14,825 punti" in unsafe and "Italia '90 il" in unsafe


def test_the_default_profile_leaves_capitalised_common_nouns_alone() -> None:
    rules = {f.rule for f in lint_text(SAMPLE)}
    assert "style.common-noun-case" not in rules
    assert {r for r, _, _ in EXPECTED} - rules == {"style.common-noun-case"}


# One sentence per gate of the issue: none of the new rules speaks.
@pytest.mark.parametrize("text", [
    "Marzo 2023 resta nella storia. Settembre è il mese del ritorno.",       # sentence-initial
    "La Roma ha battuto la Lazio nel derby.",                                 # Roma the club
    "L'ex presidente e la sua ex erano allo stadio con l'ex di turno.",       # ex as a noun
    "Allo stadio c'erano 10.000 spettatori.",                                 # thousands
    "Negli anni Sessanta e negli anni '80 il calcio era diverso.",            # anni Sessanta
    "Il sindaco ha detto: «La Città è in festa per la Vittoria, gli spettatori presenti "
    "erano 30.000 spettatori»."                                               # quotes
])
def test_the_gates_of_the_issue(text: str) -> None:
    rules = [r for r, _, _ in EXPECTED]
    assert lint_text(text, None, {"select": sorted(set(rules))}) == []
