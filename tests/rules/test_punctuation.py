"""The punctuation.* rules: the parser loads only for a candidate, and suggestions."""

from __future__ import annotations

import subprocess
import sys

from sportlint import lint_text

SELECT = {"select": ["punctuation"]}

PROBE = """
from sportlint import lint_text
from sportlint.italian import resources
lint_text({text!r}, None, {{"select": ["punctuation"]}})
print("parser" in resources.load_times)
"""


def loads_parser(text: str) -> bool:
    out = subprocess.run([sys.executable, "-c", PROBE.format(text=text)], capture_output=True,
                         text=True, check=True).stdout
    return out.split()[-1] == "True"


def test_parser_loads_only_for_a_candidate() -> None:
    assert not loads_parser("La Roma ha vinto il derby. I tifosi hanno cantato a lungo.\n\n"
                            "«Abbiamo giocato bene», ha detto il tecnico.")
    assert loads_parser("Il tecnico ha detto che, la squadra ha giocato bene.")


def test_verb_object_comma_is_never_applied() -> None:
    text = "Il Milan ritrova dopo una lunga rincorsa, la vetta della classifica."
    findings = [f for f in lint_text(text, None, SELECT)
                if f.rule == "punctuation.verb-object-comma"]
    for f in findings:
        assert f.fix is None
        assert len(f.suggestions) == 2
