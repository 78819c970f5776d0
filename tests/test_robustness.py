"""Property tests over generated drafts: every rule survives odd input, offsets stay inside
the text, and fixing settles (fix(fix(x)) == fix(x)) and changes nothing when no fix applies."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sportlint import fix_text, lint_text
from sportlint.config import from_mapping

# Fragments of Italian sports copy, and the marks that make the segmenter's life hard.
FRAGMENTS = [
    "Il", "il", "Bari", "Carrera", "Carriera", "carriera", "ha", "a", "vinto", "per", "2-1",
    "2 a 1", "4-2-3-1", "2020-21", "al", "23'", "45'+2", "anni", "'80", "7'37\"", "19\"72",
    "l'", "dell'", "un'", "po'", "D'Ambrosio", "N'Dicka", "Prem'er-Liga", "esonerato",
    "esonero", "più", "occasione", "optato", "di", "perchè", "poichè", "e", "è", "ne", "né",
    "Sparatk", "Spartak", "Mosca", "Conte", "Conti", "Inzaghi", "Immobile", "c.t.", "S.p.A.",
    "ecc.", "domenica", "8", "maggio", "2017", "31", "settembre", "20014", "1", "punto",
    "«", "»", "“", "”", "‘", "’", "\"", "'", "(", ")", ",", ".", ";", ":", "!", "?", "...",
    "…", "-", "–", "—", " ", "  ", "\n", "\n\n", "\r\n", "\t", "#", "*", "`", "<!--", "-->",
    "https://example.org/a", "sportlint-disable", "\u00a0", "é", "ò",
]
ALL_RULES = from_mapping({"enable": ["ALL"]}, None)

drafts = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map(" ".join) | \
    st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=drafts, markdown=st.booleans())
def test_rules_survive_and_offsets_stay_inside(text: str, markdown: bool) -> None:
    path = "draft.md" if markdown else "draft.txt"
    for f in lint_text(text, path, ALL_RULES):
        assert 0 <= f.start <= f.end <= len(text), f
        if f.fix:
            assert all(0 <= e.start <= e.end <= len(text) for e in f.fix.edits), f


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=drafts)
def test_fix_settles_and_leaves_unfixable_text_alone(text: str) -> None:
    once = fix_text(text, None, ALL_RULES, unsafe=True)
    assert fix_text(once, None, ALL_RULES, unsafe=True) == once
    fixable = [f for f in lint_text(text, None, ALL_RULES)
               if f.fix and f.fix.applicability.value in ("safe", "unsafe")]
    if not fixable:
        assert once == text     # nothing to apply: not a byte changes
