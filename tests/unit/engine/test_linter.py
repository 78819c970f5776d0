"""sportlint.engine.linter: rules reused across documents (their per-document caches)
report what fresh ones do."""

from __future__ import annotations

from sportlint.config.loader import from_mapping
from sportlint.engine import linter
from sportlint.source import document


def test_rules_reused_across_documents_report_what_fresh_ones_do() -> None:
    config = from_mapping({"enable": ["ALL"]}, None)
    texts = ["Il centavanti ha segnato, la possibilita era buona.",
             "La società ha optato di sollevare l'allenatore. Il centavanti esulta.",
             "Nel 2014 lasciò la Juventus. Non segue Conte al Chelsea. Firmò per lo Spartak.",
             "Il centavanti ha segnato, la possibilita era buona."]
    shared = linter.active_rules(config)
    reported = set()
    for text in texts:
        doc = document.from_text(text)
        findings = linter.lint(doc, config, shared)
        assert findings == linter.lint(doc, config, linter.active_rules(config))
        reported |= {f.rule for f in findings}
    assert {"spelling.unknown-word", "spelling.final-accent", "grammar.verb-preposition",
            "grammar.tense-consistency"} <= reported
