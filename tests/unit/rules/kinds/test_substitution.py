"""The `substitution` data-rule kind's shortcut (a caseless search narrowed by the forms'
first letters) finds what the full search finds, in every case."""

from __future__ import annotations

import random

import pytest

from sportlint.config.loader import from_mapping
from sportlint.engine import linter
from sportlint.segment.segmenter import segment
from sportlint.source import document


@pytest.mark.parametrize("text", ["POICHÈ il Milan ha vinto, si fa festa.",
                                  "Poichè l’Ω del Vlahović ha vinto, si fa festa.",
                                  "Il Milan ha vinto perché’ Poichè ſ."])
def test_substitution_shortcut_keeps_every_case(text: str) -> None:
    config = from_mapping({"select": ["spelling.accents"]}, None)
    found = linter.lint(document.from_text(text), config)
    assert [f.rule for f in found if text[f.start:f.end].lower() == "poichè"] == ["spelling.accents"]


def test_caseless_lower_falls_back_on_letters_kin_to_latin1() -> None:
    from sportlint.italian.resources import Resources
    from sportlint.rules.base import Context
    from sportlint.rules.kinds.substitution import caseless_lower

    def lowered(text: str) -> str | None:
        doc = document.from_text(text)
        return caseless_lower(Context(doc, segment(doc), from_mapping({}, None), Resources()))

    assert lowered("L’Inter «Vinse» – così…") == "l’inter «vinse» – così…"
    assert lowered("Il ſole") is None
    assert lowered("Il \u212a") is None   # the Kelvin sign
    assert lowered("Vlahović e Łukasz") == "vlahović e łukasz"   # no Latin-1 kin


def test_substitution_shortcut_finds_what_the_full_search_finds() -> None:
    from sportlint.italian.resources import Resources
    from sportlint.rules import registry
    from sportlint.rules.base import Context
    from sportlint.rules.kinds.substitution import SubstitutionRule

    rng = random.Random(5)
    config = from_mapping({}, None)
    kinds = [c for c in registry.all_rules().values()
             if isinstance(c, type) and issubclass(c, SubstitutionRule)]
    fill = ["a", "il", "x", "'", "’", "-", ".", " ", "\n\n", "È", "perché", "«", "1", "_", "é"]
    found = 0
    for _ in range(300):
        cls = rng.choice(kinds)
        parts = []
        for _ in range(rng.randint(1, 6)):
            if rng.random() < 0.5:
                form = rng.choice(list(cls.table)).replace(" ", rng.choice([" ", "  ", "\n"]))
                parts.append("".join(c.upper() if rng.random() < 0.3 else c for c in form))
            else:
                parts.append(rng.choice(fill))
            parts.append(rng.choice([" ", "", "'", "a"]))
        doc = document.from_text("".join(parts))
        ctx = Context(doc, segment(doc), config, Resources())
        full = [m.span() for m in cls.pattern.finditer(doc.masked)]
        assert [m.span() for m in cls()._matches(ctx)] == full
        found += len(full)
    assert found > 50
