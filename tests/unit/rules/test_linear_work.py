"""Hostile input (issue 18): the quote rules and the spelling rules do work in proportion
to the text, measured by the lines of sportlint's code they run and the memory they
allocate (never by the clock) on a text and on one four times longer: linear work grows
about 4 times, quadratic 16 times. The whole-CLI figures on a megabyte are in
bench/bench_hostile.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from sportlint.config.loader import from_mapping
from sportlint.engine import linter
from sportlint.findings import FileReport
from sportlint.formatters import json_format
from sportlint.source import document
from workcount import growth, lines_run, peak_memory

#: four times the text: linear work is about 4 times (some fixed cost makes it less),
#: quadratic about 16
LINEAR = 6.0

QUOTES = {
    # 12,000 « then 12,000 » took 26 s before: every pair nested in the same marks
    "nested-same": lambda n: "«" * n + "»" * n,
    "nested-levels": lambda n: "«“‘" * n + "’”»" * n,
    "opened-never-closed": lambda n: "«a " * n,
    "closed-by-the-wrong-kind": lambda n: "«" * n + "”" * n,
    "crossing": lambda n: "‘a “b " * n + "’ c” " * n,
    "straight": lambda n: "\"a 'b " * n + "' c\" " * n,
    "closed-never-opened": lambda n: "a» " * n,
}


def _lint(select: str, text: str) -> Callable[[], Any]:
    config = from_mapping({"select": [select]}, None)
    rules = linter.active_rules(config)
    doc = document.from_text(text, None)
    return lambda: linter.lint(doc, config, rules)


def _report(select: str, text: str) -> Callable[[], Any]:
    """Lint and render the JSON report, whose findings carry their text: a finding as
    long as a nested quotation made the report grow with the square of the text."""
    lint = _lint(select, text)
    doc = document.from_text(text, None)
    return lambda: json_format.render([FileReport("t.txt", doc, lint())])


@pytest.mark.parametrize("shape", sorted(QUOTES))
def test_the_quote_rules_are_linear(shape: str) -> None:
    make = QUOTES[shape]

    def run(n: int) -> Callable[[], Any]:
        return _report("quotes", make(n))

    assert growth(lines_run, run, 150) < LINEAR
    assert growth(peak_memory, run, 150) < LINEAR


def test_a_long_token_costs_the_spelling_rules_little() -> None:
    # one 400 KB word took 45 s: its edits and splits were searched, each split copying
    # the word (work in C that no line count sees): now a word longer than any Italian
    # word is not searched at all, so its length costs the rule nothing
    def run(n: int) -> Callable[[], Any]:
        return _lint("spelling.unknown-word", "Il " + "centavanti" * n + " ha segnato.")

    assert growth(lines_run, run, 200) < 1.5
    assert growth(peak_memory, run, 200) < LINEAR

    def every_rule(n: int) -> Callable[[], Any]:
        return _lint("spelling", "Il " + "centavanti" * n + " ha segnato.")

    assert growth(lines_run, every_rule, 200) < LINEAR


def test_long_tokens_are_still_reported_below_the_length_of_a_word() -> None:
    found = _lint("spelling.unknown-word", "Il centavanti ha segnato.")()
    assert [f.rule for f in found] == ["spelling.unknown-word"]


def test_a_long_nested_quotation_is_not_copied_into_its_suggestion() -> None:
    text = "«Il «" + "muro " * 100 + "» regge», ha detto."
    (finding,) = _lint("quotes.nesting", text)()
    assert (finding.start, finding.end) == (4, 5)     # the opening mark, not the whole quote
    assert finding.suggestions == ()
    assert finding.fix is not None and [e.replacement for e in finding.fix.edits] == ["“", "”"]
