"""The `consistency` data-rule kind: spec checks and the choice of the majority form."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from sportlint.config.loader import Config, from_mapping
from sportlint.engine.linter import lint
from sportlint.rules.kinds.consistency import ConsistencyRule
from sportlint.segment.segmenter import segment
from sportlint.source import document
from sportlint.source.document import Document


def make(entries: list[dict[str, Any]], **extra: Any) -> type[ConsistencyRule]:
    spec = {"id": "style.test", "kind": "consistency", "summary": "Test.", "entries": entries,
            **extra}
    rule = ConsistencyRule.from_spec(spec, Path("style.test.yaml"))
    assert issubclass(rule, ConsistencyRule)
    return rule


def run(rule: type[ConsistencyRule], text: str, **options: Any) -> list[tuple[str, str]]:
    doc = Document("x.txt", text)
    findings = lint(doc, Config(), [rule(options)])
    return [(text[f.start:f.end], f.suggestions[0]) for f in findings]


@pytest.mark.parametrize("entries", [
    [{"forms": ["ct"]}],
    [{"forms": ["ct", "c.t."], "preferred": "CT"}],
    [{"forms": ["ct", "c.t."], "colour": "red"}],
    [{"forms": ["ct", "ct"]}],
    [{"forms": ["ct", "c.t."]}, {"forms": ["CT", "c.t"]}],
    [{"forms": ["ct", "c.t."], "before": "(unclosed"}],
    [],
])
def test_bad_specs_are_refused(entries: list[dict[str, Any]]) -> None:
    with pytest.raises(ValueError):
        make(entries)


def test_majority_wins_and_ties_go_to_the_first_form() -> None:
    rule = make([{"forms": ["e-mail", "email"]}])
    assert run(rule, "Una email, una e-mail, una e-mail.") == [("email", "e-mail")]
    assert run(rule, "Una email, una e-mail.") == [("e-mail", "email")]
    assert run(rule, "Una email, una email.") == []


def test_preferred_form_beats_the_majority_only_when_used() -> None:
    rule = make([{"forms": ["e-mail", "email"], "preferred": "e-mail"}])
    assert run(rule, "Una email, una email, una e-mail.") == [("email", "e-mail")] * 2
    assert run(rule, "Una email, una email.") == []
    plain = make([{"forms": ["e-mail", "email"]}])
    assert run(plain, "Una email, una email, una e-mail.", preferred=["e-mail"]) == \
        [("email", "e-mail")] * 2


def test_sentence_initial_capital_counts_for_neither_case_form() -> None:
    rule = make([{"forms": ["Serie", "serie"], "endings": [" A", " B"]}])
    assert run(rule, "Serie A amara. Gioca in serie B.") == []
    assert run(rule, "Gioca in Serie A. Poi in serie B, poi in Serie A.") == \
        [("serie B", "Serie B")]


def test_quoted_occurrences_neither_count_nor_get_flagged() -> None:
    rule = make([{"forms": ["c.t.", "ct"]}], skip_quoted=True)
    assert run(rule, "Il c.t. parla: «Il ct sono io, il ct decide».") == []


def test_the_article_apostrophe_is_kept() -> None:
    rule = make([{"forms": ["Prem'er-Liga", "Premier Liga"]}])
    assert run(rule, "La Prem’er-Liga e la Prem’er-Liga; la Premier Liga.") == \
        [("Premier Liga", "Prem’er-Liga")]


def test_words_that_merely_contain_a_form_are_not_matched() -> None:
    rule = make([{"forms": ["ct", "c.t."]}])
    assert run(rule, "Il c.t. e il direct del dict; act.") == []


def test_a_sentence_in_capitals_says_nothing_of_case() -> None:
    rule = make([{"forms": ["UEFA", "Uefa"]}])
    assert run(rule, "LA UEFA MULTA IL CLUB\n\nLa Uefa ha deciso. La Uefa paga.") == []


def test_fixing_settles_and_is_idempotent() -> None:
    from sportlint import fix_text

    text = ("Il c.t. ha convocato il gruppo per i play-off. Parla il ct. I playoff "
            "iniziano in Serie B e poi in serie C; il c.t. li segue.\n\nIl trainer del Bari, "
            "ma però, resta. Il CT conferma")
    config = {"select": ["style"]}
    once = fix_text(text, None, config, unsafe=True)
    assert fix_text(once, None, config, unsafe=True) == once
    assert "Parla il c.t. I play-off" in once and once.endswith("Il c.t. conferma")
    assert "in Serie C" in once
    assert "L'allenatore del Bari" in once and "ma però" not in once


def test_consistency_shortcut_finds_what_the_full_search_finds() -> None:
    from sportlint.italian.resources import Resources
    from sportlint.rules import registry
    from sportlint.rules.base import Context
    from sportlint.rules.kinds.consistency import ConsistencyRule

    rng = random.Random(9)
    config = from_mapping({}, None)
    kinds = [c for c in registry.all_rules().values()
             if isinstance(c, type) and issubclass(c, ConsistencyRule)]
    fill = ["la", "il", "x", "'", "’", "-", ".", " ", "\n\n", "È", "perché", "«", "1", "_"]
    found = 0
    for _ in range(300):
        cls = rng.choice(kinds)
        i = rng.randrange(len(cls.groups))
        group, keys = cls.groups[i], cls.keys[i]
        parts = []
        for _ in range(rng.randint(1, 6)):
            if rng.random() < 0.6:
                form = rng.choice(group.forms) + rng.choice(group.endings)
                form = form.replace(" ", rng.choice([" ", "  ", "\n"])).replace("'", "’")
                parts.append("".join(c.upper() if rng.random() < 0.2 else c for c in form))
            else:
                parts.append(rng.choice(fill))
            parts.append(rng.choice([" ", "", "'", "a", " la "]))
        doc = document.from_text("".join(parts))
        ctx = Context(doc, segment(doc), config, Resources())
        full = [m.span() for m in group.pattern.finditer(doc.masked)]
        assert [m.span() for m in cls._matches(ctx, group, keys)] == full
        found += len(full)
    assert found > 50
