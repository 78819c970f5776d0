"""The caches behind the lint's throughput change nothing that rules see or report:
precomputed token attributes, next/previous-word tables, per-document helpers computed
once, per-word answers kept across documents, the binary search over ignored regions."""

from __future__ import annotations

import random

import pytest

from sportlint.config.loader import from_mapping
from sportlint.engine import linter
from sportlint.italian.dates import find_dates
from sportlint.segment.segmenter import Token, segment
from sportlint.source import document
from sportlint.source.document import Document
from sportlint.util.wordmemo import WordMemo

TEXT = ("L'allenatore dell'Inter, D'Ambrosio e il c.t. Rossi: «Abbiamo vinto 2-1 al 90'».\n\n"
        "Negli anni '80 la squadra giocò sabato 3 maggio; po' di tempo dopo, perche' no?")


def test_token_attributes_follow_the_text() -> None:
    for tok in segment(document.from_text(TEXT)).tokens:
        assert tok.is_word == (tok.kind == "word")
        assert tok.elided == (tok.kind == "word" and tok.text[-1] in "'’")
        assert tok.capitalised == tok.text[:1].isupper()
        assert tok.low == tok.text.lower().replace("’", "'")
        assert tok.bare == tok.text.rstrip("'’")


def test_token_equality_hash_and_repr() -> None:
    a = Token(0, 4, "Dell’", "word", 0, 0)
    b = Token(0, 4, "Dell’", "word", 0, 0)
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != Token(0, 4, "Dell’", "word", 1, 0)
    assert a.elided and a.low == "dell'" and a.bare == "Dell"
    assert repr(a) == "Token(start=0, end=4, text='Dell’', kind='word', index=0, sentence=0)"


def test_word_tables_match_the_token_helpers() -> None:
    seg = segment(document.from_text(TEXT))
    assert seg.word_tokens == [t for t in seg.tokens if t.kind == "word"]
    assert list(seg.words) == seg.word_tokens
    for tok in seg.tokens:
        nxt, prev = seg.next_token(tok), seg.prev_token(tok)
        assert seg.next_words[tok.index] == (nxt if nxt is not None and nxt.is_word else None)
        assert seg.prev_words[tok.index] == (prev if prev is not None and prev.is_word else None)


@pytest.mark.parametrize("text, expected", [
    ("Si gioca il 1° maggio.", [(1, 5, None)]),
    ("Era il primo Maggio 2019.", [(1, 5, 2019)]),
    ("LUNEDÌ 3 MAGGIO 2021 si riparte.", [(3, 5, 2021)]),
    ("Il 31/09/2017 e il 3.4.2018 no.", [(31, 9, 2017), (3, 4, 2018)]),
    ("Martedì 27 e mercoledì 28 novembre 2012.", [(27, 11, 2012), (28, 11, 2012)]),
    ("Nessuna data: 3 gol e 2 assist, sabato.", []),
])
def test_dates_found_once_per_document(text: str, expected: list[tuple[int, int, int | None]]) -> None:
    seg = segment(document.from_text(text))
    found = find_dates(seg)
    assert [(d.day, d.month, d.year) for d in found] == expected
    assert find_dates(seg) is found


def test_word_memo_starts_afresh_on_new_resources_and_past_its_limit() -> None:
    memo: WordMemo[int] = WordMemo(limit=2)
    first, second = object(), object()
    table = memo.table(first)
    table["a"] = 1
    assert memo.table(first) is table
    assert memo.table(second) == {}
    table = memo.table(second)
    table.update(a=1, b=2, c=3)
    assert memo.table(second) == {}


def test_is_ignored_with_many_regions_agrees_with_a_plain_scan() -> None:
    rng = random.Random(7)
    for _ in range(100):
        spans = []
        for _ in range(rng.randint(9, 30)):
            a = rng.randint(0, 200)
            spans.append((a, a + rng.randint(0, 20)))
        doc = Document("x.txt", "a" * 250)
        doc.ignored = spans
        for _ in range(100):
            start = rng.randint(0, 230)
            end = start + rng.randint(0, 10)
            plain = any(s < max(end, start + 1) and start < e for s, e in spans)
            assert doc.is_ignored(start, end) == plain


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


@pytest.mark.parametrize("text", ["POICHÈ il Milan ha vinto, si fa festa.",
                                  "Poichè l’Ω del Vlahović ha vinto, si fa festa.",
                                  "Il Milan ha vinto perché’ Poichè ſ."])
def test_substitution_shortcut_keeps_every_case(text: str) -> None:
    config = from_mapping({"select": ["spelling.accents"]}, None)
    found = linter.lint(document.from_text(text), config)
    assert [f.rule for f in found if text[f.start:f.end].lower() == "poichè"] == ["spelling.accents"]


def test_caseless_lower_falls_back_on_letters_kin_to_latin1() -> None:
    from sportlint.rules.base import Context
    from sportlint.rules.kinds.substitution import caseless_lower
    from sportlint.util.resources import Resources

    def lowered(text: str) -> str | None:
        doc = document.from_text(text)
        return caseless_lower(Context(doc, segment(doc), from_mapping({}, None), Resources()))

    assert lowered("L’Inter «Vinse» – così…") == "l’inter «vinse» – così…"
    assert lowered("Il ſole") is None
    assert lowered("Il \u212a") is None   # the Kelvin sign
    assert lowered("Vlahović e Łukasz") == "vlahović e łukasz"   # no Latin-1 kin


def test_substitution_shortcut_finds_what_the_full_search_finds() -> None:
    from sportlint.rules import registry
    from sportlint.rules.base import Context
    from sportlint.rules.kinds.substitution import SubstitutionRule
    from sportlint.util.resources import Resources

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


def test_consistency_shortcut_finds_what_the_full_search_finds() -> None:
    from sportlint.rules import registry
    from sportlint.rules.base import Context
    from sportlint.rules.kinds.consistency import ConsistencyRule
    from sportlint.util.resources import Resources

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


def test_date_shortcut_finds_what_the_full_search_finds() -> None:
    from sportlint.italian import dates

    rng = random.Random(11)
    pieces = ["Domenica", "LUNEDÌ", "martedi", "sabato,", "il", "l'", "1°", "primo", "Primo",
              "3", "31", "123", "maggio", "Settembre", "del", "dell’", "2017", "20014", "e",
              ",", "-", "x", "a3", "«", "\n\n", "8"]
    found = 0
    for _ in range(1000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        if rng.random() < 0.3:
            text = text.replace(" ", "")
        seg = segment(document.from_text(text))
        full = [m.span() for m in dates._DATE.finditer(seg.doc.masked)]
        assert [m.span() for m in dates._date_matches(seg, seg.doc.masked)] == full
        found += len(full)
    assert found > 20


def test_lexicon_line_search_finds_every_key_of_a_sorted_section() -> None:
    from sportlint.italian.lexicon import Lexicon

    rng = random.Random(2)
    keys = sorted({"".join(rng.choice("abcèz'") for _ in range(rng.randint(1, 7)))
                   for _ in range(3000)})
    lines = sorted(f"{k}\t{n}" for k in keys for n in range(rng.randint(1, 3)))
    lex = Lexicon("#header\n#paradigms\n" + "\n".join(lines) + "\n#forms\n" + "\n".join(lines) + "\n")
    assert len(lex._fences(lex._forms).lines) > 5
    probes = keys + [k + "a" for k in keys[::7]] + [k[:-1] for k in keys[::5]] + ["", "zzzzzzzz", "0"]
    for key in probes:
        expected = [line for line in lines if line.startswith(key + "\t")]
        assert lex._lines(key, lex._forms) == expected
        assert lex._lines(key, lex._paradigms) == expected
