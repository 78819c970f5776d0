"""Bugs the property tests over arbitrary Unicode found (tests/e2e/test_robustness.py), each
pinned by a short made-up text."""

from __future__ import annotations

from sportlint import fix_text, lint_text

ALL = {"enable": ["ALL"]}


def test_long_s_in_a_substitution_form() -> None:
    # the case-insensitive match takes "ſ" (long s) for "s"; the table lookup used
    # lower(), which keeps "ſ": KeyError in every substitution rule
    found = [f for f in lint_text("Lo fa da ſè ſteſſo.", None, ALL) if f.rule == "spelling.accents"]
    assert [f.suggestions for f in found] == [("sé stesso",)]
    assert fix_text("Lo fa da ſè ſteſſo.") == "Lo fa da sé stesso."


def test_long_s_in_a_month_or_weekday() -> None:
    # "agoſto" matched the month pattern, then MONTHS.index("agoſto") raised ValueError
    # (date rules: scores.date-weekday, scores.impossible-date, style.date-case)
    found = lint_text("Venerdì 3 agoſto 2024 il Bari ha vinto.", None, ALL)
    assert "scores.date-weekday" in {f.rule for f in found}
    lint_text("Dall'11 agoſto al 31 ſettembre, ſabato 3 agosto 2024.", None, ALL)


def test_long_s_in_a_consistency_group() -> None:
    # classify() looked the form up with lower(): StopIteration inside the generator
    # (RuntimeError) for every article with a group's form spelt with a long s
    found = lint_text("Il set point e il ſet-point, poi un altro set point.", None, ALL)
    assert [(f.rule, f.suggestions) for f in found if f.rule == "style.consistency"] == \
        [("style.consistency", ("set point",))]
    lint_text("La pole position e la pole-poſition. Il poſt-partita e il postpartita.", None, ALL)
