"""Property tests over generated drafts: every rule survives odd input, offsets stay inside
the text, and fixing settles (fix(fix(x)) == fix(x)) and changes nothing when no fix applies."""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rulecases import rule_cases
from sportlint import fix_text, lint_text
from sportlint.cli.main import main
from sportlint.config.loader import from_mapping
from sportlint.engine import linter
from sportlint.findings import FileReport
from sportlint.formatters import json_format
from sportlint.rules import registry
from sportlint.rules.kinds.table import KINDS
from sportlint.source import document

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
# SPORTLINT_PROPERTY_SCALE=20 explores 20 times as many examples (a deeper local run; CI
# keeps the default, well under a minute for the whole module)
SCALE = max(1, int(os.environ.get("SPORTLINT_PROPERTY_SCALE", "1")))

drafts = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map(" ".join) | \
    st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)


@settings(max_examples=120 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=drafts, markdown=st.booleans())
def test_rules_survive_and_offsets_stay_inside(text: str, markdown: bool) -> None:
    path = "draft.md" if markdown else "draft.txt"
    for f in lint_text(text, path, ALL_RULES):
        assert 0 <= f.start <= f.end <= len(text), f
        if f.fix:
            assert all(0 <= e.start <= e.end <= len(text) for e in f.fix.edits), f


@settings(max_examples=80 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=drafts)
def test_fix_settles_and_leaves_unfixable_text_alone(text: str) -> None:
    once = fix_text(text, None, ALL_RULES, unsafe=True)
    assert fix_text(once, None, ALL_RULES, unsafe=True) == once
    fixable = [f for f in lint_text(text, None, ALL_RULES)
               if f.fix and f.fix.applicability.value in ("safe", "unsafe")]
    if not fixable:
        assert once == text     # nothing to apply: not a byte changes


# --- arbitrary Unicode -----------------------------------------------------------------
# Italian fragments (so that rules fire) mixed with any Unicode text: combining marks,
# astral characters, right-to-left text and controls, zero-width characters, CR alone,
# U+2028/U+2029/U+0085 and the other line-ish controls, NUL, case mappings that change a
# string's length (İ, ß, ﬁ), digits of other scripts.
ODD = [
    "\u0301", "\u0300", "\u0308", "e\u0301", "E\u0300", "a\u0301\u0301", "😀", "👍🏽", "🇮🇹",
    "𝔸", "\U00010000", "\U0010fffd", "\u202e", "\u202d", "\u202c", "\u200e", "\u200f",
    "\u2066", "\u2069", "אבג", "مرحبا", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",
    "\r", "\r\r\n", "\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c", "\x00", "\x7f",
    "\u00a0", "\u202f", "\u3000", "ß", "İ", "ı", "ﬁ", "ǅ", "Ⅻ", "٣", "²", "½", "ʼ", "＇",
    "＂", "‛", "‟", "‹", "›", "〈", "\ufffd", "\ufffe",
]
# whole sentences that make each rule fire (or stay silent): the rules' own cases
CASE_TEXTS = sorted({str(c.get("fail", c.get("pass", ""))) for rule_id in registry.all_rules()
                     for c in rule_cases(rule_id)} - {""})
# ... and the same sentences in forms a keyboard, an OCR or a CMS may produce: capitals,
# decomposed accents (NFD), letters that fold to s/k/ss only case-insensitively (long s,
# Kelvin sign, capital sharp s), odd apostrophes
VARIANTS = [
    str.upper, str.title, str.swapcase, lambda t: unicodedata.normalize("NFD", t),
    lambda t: t.replace("s", "ſ"), lambda t: t.replace("k", "\u212a").replace("K", "\u212a"),
    lambda t: t.replace("ss", "ß").upper(), lambda t: t.replace("'", "ʼ"),
    lambda t: t.replace(" ", "\u00a0"), lambda t: t.replace(" ", "\u2028"),
]
ITALIAN = st.sampled_from(FRAGMENTS) | st.sampled_from(CASE_TEXTS) | \
    st.builds(lambda text, variant: variant(text), st.sampled_from(CASE_TEXTS),
              st.sampled_from(VARIANTS))
UNICODE_PIECES = ITALIAN | st.sampled_from(ODD) | st.text(max_size=6) | \
    st.characters(codec="utf-8")
unicode_drafts = st.lists(UNICODE_PIECES, max_size=40).map(" ".join) | \
    st.lists(UNICODE_PIECES, max_size=40).map("".join)
# Lone surrogates: a file or standard input never has them (both are decoded as strict
# UTF-8), but text handed to the Python API may.
SURROGATES = st.characters(categories=["Cs"])
api_drafts = st.lists(UNICODE_PIECES | SURROGATES, max_size=40).map("".join)
LINE_BREAK = regex.compile(r"\r\n|\n|\r")
LONE_BREAK = regex.compile(r"\r(?!\n)|(?<!\r)\n")


def crlf_bom(text: str) -> str:
    """The same draft as a Windows editor saves it: CRLF line ends and a BOM."""
    return "\ufeff" + regex.sub(r"\r?\n", "\r\n", text)


def offset_of(text: str, line: int, column: int) -> int:
    """The code-point offset of a 1-based (line, column), lines ending at CRLF, LF or CR."""
    starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]
    return starts[line - 1] + column - 1


def check_report(text: str, path: str) -> None:
    """Lint with every rule; the findings and their JSON records agree with the text."""
    findings = lint_text(text, path, ALL_RULES)
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text), f
        if f.fix:
            assert all(0 <= e.start <= e.end <= len(text) for e in f.fix.edits), f
    doc = document.from_text(text, path)
    records = json.loads(json_format.render([FileReport(path, doc, list(findings))]))
    assert len(records["findings"]) == len(findings)
    for record in records["findings"]:
        start, end = record["offset"], record["end_offset"]
        assert text[start:end] == record["text"], record
        assert offset_of(text, record["line"], record["column"]) == start, record
        assert offset_of(text, record["end_line"], record["end_column"]) == end, record
        for edit in record["edits"]:
            assert 0 <= edit["offset"] <= edit["end_offset"] <= len(text), record


@settings(max_examples=150 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=unicode_drafts, markdown=st.booleans())
def test_any_unicode_survives_and_offsets_match_the_json(text: str, markdown: bool) -> None:
    check_report(text, "draft.md" if markdown else "draft.txt")


@settings(max_examples=60 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=unicode_drafts, markdown=st.booleans())
def test_crlf_and_bom_offsets_match_the_json(text: str, markdown: bool) -> None:
    check_report(crlf_bom(text), "draft.md" if markdown else "draft.txt")


@settings(max_examples=40 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=api_drafts, markdown=st.booleans())
def test_api_text_with_lone_surrogates(text: str, markdown: bool) -> None:
    path = "draft.md" if markdown else "draft.txt"
    check_report(text, path)
    once = fix_text(text, path, ALL_RULES, unsafe=True)
    assert fix_text(once, path, ALL_RULES, unsafe=True) == once


@settings(max_examples=80 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=unicode_drafts, markdown=st.booleans(), unsafe=st.booleans(), windows=st.booleans())
def test_fix_is_idempotent_on_any_unicode(text: str, markdown: bool, unsafe: bool,
                                          windows: bool) -> None:
    text = crlf_bom(text) if windows else text
    path = "draft.md" if markdown else "draft.txt"
    once = fix_text(text, path, ALL_RULES, unsafe=unsafe)
    assert fix_text(once, path, ALL_RULES, unsafe=unsafe) == once
    if windows:     # fixes never split a CRLF nor remove the BOM
        assert once.startswith("\ufeff")
        if LONE_BREAK.search(text) is None:
            assert LONE_BREAK.search(once) is None, once


@settings(max_examples=15 * SCALE, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=unicode_drafts, windows=st.booleans())
def test_cli_json_offsets_on_files(text: str, windows: bool, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Through `sportlint check --format json` on a file written as UTF-8 bytes."""
    text = crlf_bom(text) if windows else text
    draft = tmp_path / "draft.md"
    draft.write_bytes(text.encode("utf-8"))
    families = "names,scores,quotes,typography,grammar,spelling,style"   # off-by-default too
    code = main(["check", "--select", families, "--format", "json", str(draft)])
    out, _ = capsys.readouterr()
    report = json.loads(out)
    if "\x00" in text:     # a file with NUL bytes is binary: reported, not linted
        assert code == 2 and "binary content" in report["errors"][0]["message"]
        return
    assert code in (0, 1) and not report["errors"], report["errors"]
    for record in report["findings"]:
        start, end = record["offset"], record["end_offset"]
        assert text[start:end] == record["text"], record
        assert offset_of(text, record["line"], record["column"]) == start, record


# --- a newsroom's own rule files (config rule_files) ------------------------------------
# Whatever a YAML rule file holds, it either fails to load with an error (which the config
# reports naming the file) or lints any text without an exception.
_SCALARS = st.none() | st.booleans() | st.integers(-1, 3) | st.text(max_size=4) | st.sampled_from(
    ["safe", "unsafe", "suggestion", "none", "warning", "m", "f", "e", "a b", "forza", "ct",
     "(c)(o)", "(?P<span>a)", r"\b\w+\b", "(a+)+$", r"\1", "{found}", "{right}", "{0}", "{"])
_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=3)
                       | st.dictionaries(st.text(max_size=3), inner, max_size=3), max_leaves=8)
_ENTRY_KEYS = ["wrong", "right", "pattern", "replacement", "message", "fix", "forms", "endings",
               "before", "preferred", "exceptions", "gender", "wrong_gender", "plural", "also",
               "case_sensitive"]
_ENTRIES = st.lists(st.dictionaries(st.sampled_from(_ENTRY_KEYS), _SCALARS | _VALUES, max_size=6),
                    max_size=3) | _VALUES
_SPECS = st.fixed_dictionaries(
    {"id": st.just("style.fuzz"), "kind": st.sampled_from(sorted(KINDS)), "summary": st.just("x")},
    optional={"message": _SCALARS, "fix": _SCALARS, "severity": _SCALARS,
              "skip_quoted": _SCALARS, "case_sensitive": _SCALARS, "options": _VALUES,
              "entries": _ENTRIES, "patterns": _ENTRIES})
_QUICK = from_mapping({"regex_timeout": 0.05}, None)


@settings(max_examples=150 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=_SPECS, text=unicode_drafts)
def test_any_user_rule_file_loads_with_an_error_or_lints(spec: dict[str, object],
                                                         text: str) -> None:
    try:
        cls = KINDS[str(spec["kind"])].from_spec(spec, Path("fuzz.yaml"))
    except (KeyError, ValueError, TypeError, AttributeError):
        return      # registry.data_rule turns these into an error naming the file
    found = linter.lint(document.from_text(text, "draft.md"), _QUICK, [cls({})])
    for f in found:
        assert 0 <= f.start <= f.end <= len(text)
