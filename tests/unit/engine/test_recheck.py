"""engine/recheck.py: a safe fix whose fixed sentence gains a finding becomes unsafe."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.config.loader import from_mapping
from sportlint.engine import linter
from sportlint.findings import Applicability, Finding
from sportlint.rules.base import Context, Rule
from sportlint.source import document


class _Swap(Rule):
    """Proposes "campo" for every "canpo" and "gola" for every "gol" (a careless rule)."""

    id = "spelling.test-swap"

    def check(self, ctx: Context) -> Iterator[Finding]:
        for tok in ctx.seg.words:
            right = {"canpo": "campo", "gol": "gola"}.get(tok.text)
            if right:
                yield self.finding(tok.start, tok.end, "scambio", [right],
                                   fix=Applicability.SAFE)


class _NoGola(Rule):
    """Flags "gola" (what the careless fix makes)."""

    id = "style.test-gola"

    def check(self, ctx: Context) -> Iterator[Finding]:
        for tok in ctx.seg.words:
            if tok.text == "gola":
                yield self.finding(tok.start, tok.end, "gola?")


def test_a_fix_that_makes_a_new_finding_is_unsafe_and_one_that_does_not_stays_safe() -> None:
    text = "Il canpo è pieno. Il gol arriva. Un gola già scritta."
    found = linter.lint(document.from_text(text), from_mapping({}, None), [_Swap(), _NoGola()])
    fixes = {text[f.start:f.end]: f.fix.applicability for f in found if f.fix}
    assert fixes == {"canpo": Applicability.SAFE, "gol": Applicability.UNSAFE}


def test_without_the_check_the_fix_stays_as_the_rule_made_it() -> None:
    text = "Il gol arriva."
    found = linter.lint(document.from_text(text), from_mapping({}, None), [_Swap(), _NoGola()],
                        check_fixes=False)
    assert [f.fix.applicability for f in found if f.fix] == [Applicability.SAFE]


def test_a_long_sentence_is_checked_around_each_fix() -> None:
    """A sentence far longer than the window: the careless fix is still caught there."""
    text = "Il gol arriva " + "e la squadra corre " * 60 + "e il canpo è pieno."
    found = linter.lint(document.from_text(text), from_mapping({}, None), [_Swap(), _NoGola()])
    fixes = {text[f.start:f.end]: f.fix.applicability for f in found if f.fix}
    assert fixes == {"canpo": Applicability.SAFE, "gol": Applicability.UNSAFE}


def test_a_sentence_of_many_fixes_has_only_its_first_ones_checked() -> None:
    """Checking each of a thousand fixes of one "sentence" would be quadratic: past the
    first `PER_SENTENCE`, a fix is not checked and so not applied unasked."""
    from sportlint.engine.recheck import PER_SENTENCE

    text = "Il " + " ".join(["canpo"] * (PER_SENTENCE + 3)) + "."
    found = linter.lint(document.from_text(text), from_mapping({}, None), [_Swap()])
    kinds = [f.fix.applicability for f in found if f.fix]
    assert kinds == [Applicability.SAFE] * PER_SENTENCE + [Applicability.UNSAFE] * 3
