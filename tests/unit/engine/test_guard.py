"""engine/guard.py: a safe fix never touches a capitalised word that may be a name; and
`sportlint check --fix` leaves surnames with a particle alone while it still fixes a
doubled word."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.clirun import run

from sportlint.config.loader import from_mapping
from sportlint.engine import linter
from sportlint.findings import Applicability, Edit, Finding
from sportlint.rules.base import Context, Rule
from sportlint.source import document

SURNAMES = ("Il cross di Di Lorenzo è perfetto. Il gol del Del Piero di allora. "
            "La palla arriva da Da Costa. Il tiro di De Rossi. Un assist per La Russa "
            "e per Lo Celso. E ora il il gol.\n")


def test_fix_leaves_surnames_with_a_particle_untouched(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "pezzo.txt"
    draft.write_text(SURNAMES, encoding="utf-8")
    run(capsys, "check", "--fix", str(draft))
    fixed = draft.read_text(encoding="utf-8")
    assert fixed == SURNAMES.replace("il il gol", "il gol")
    for name in ("di Di Lorenzo", "del Del Piero", "da Da Costa", "di De Rossi",
                 "per La Russa", "per Lo Celso"):
        assert name in fixed


class _Lower(Rule):
    """Lower-cases every capitalised word (a careless rule)."""

    id = "style.test-lower"

    def check(self, ctx: Context) -> Iterator[Finding]:
        for tok in ctx.seg.words:
            if tok.capitalised:
                yield self.finding(tok.start, tok.end, "minuscola", [tok.text.lower()],
                                   fix=Applicability.SAFE)


class _NamesLower(_Lower):
    id = "names.test-lower"


class _Spaces(Rule):
    """Changes an apostrophe's glyph inside a name: no letter changes."""

    id = "typography.test-glyph"

    def check(self, ctx: Context) -> Iterator[Finding]:
        at = ctx.text.index("'")
        yield self.finding(at, at + 1, "apostrofo", ["’"], fix=Applicability.SAFE,
                           edits=[Edit(at, at + 1, "’")])


def _fixes(rule: Rule, text: str) -> dict[str, Applicability]:
    config = from_mapping({}, None)
    found = linter.lint(document.from_text(text), config, [rule])
    return {text[f.start:f.end]: f.fix.applicability for f in found if f.fix}


def test_a_safe_fix_of_a_capitalised_word_mid_sentence_becomes_unsafe() -> None:
    fixes = _fixes(_Lower(), "Oggi gioca Immobile con la Lazio.")
    assert fixes == {"Oggi": Applicability.SAFE,            # the sentence's capital
                     "Immobile": Applicability.UNSAFE, "Lazio": Applicability.UNSAFE}


def test_the_names_rules_and_glyph_changes_are_not_guarded() -> None:
    assert _fixes(_NamesLower(), "Gioca Immobile.")["Immobile"] is Applicability.SAFE
    assert _fixes(_Spaces(), "Il gol di D'Ambrosio.") == {"'": Applicability.SAFE}
