"""Bounds (issue 18): a code rule's time budget (a rule that runs on is stopped with a
note, the others go on), the cap on findings per rule and per file (one note sums up the
rest, in every format), and the largest file read (/dev/zero stops at once)."""

from __future__ import annotations

import io
import itertools
import json
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from clirun import run
from sportlint.cli.main import ExitCode
from sportlint.config.loader import from_mapping
from sportlint.engine import bounds, linter, timeouts
from sportlint.findings import Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.source import document


class Spinner(Rule):
    """A rule that never ends and never yields (test only)."""

    id = "test.spinner"

    def check(self, ctx: Context) -> Iterator[Finding]:
        while True:
            pass
        yield  # pragma: no cover


class Trickle(Rule):
    """A rule that yields findings for ever, slowly (test only)."""

    id = "test.trickle"

    def check(self, ctx: Context) -> Iterator[Finding]:
        while True:
            time.sleep(0.002)
            yield self.finding(0, 1, "x")


class Flood(Rule):
    """A rule with one finding per character (test only)."""

    id = "test.flood"
    severity = Severity.ERROR
    produced = 0

    def check(self, ctx: Context) -> Iterator[Finding]:
        for i in range(len(ctx.text)):
            Flood.produced += 1
            yield self.finding(i, i + 1, "x")


def _doc(text: str = "Il Bari ha vinto.") -> document.Document:
    return document.from_text(text, None)


# --- the time budget ----------------------------------------------------------------

@pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"), reason="no interval timers")
def test_one_alarm_handler_serves_every_rule_of_a_lint_and_is_put_back() -> None:
    import signal

    class Other(Spinner):
        id = "test.spinner2"

    before = signal.getsignal(signal.SIGALRM)
    config = from_mapping({"rule_timeout": 0.05, "select": ["spelling.repeated-word"]}, None)
    rules = [Spinner(), *linter.active_rules(config), Other()]
    found = linter.lint(_doc("Il il Bari ha vinto."), config, rules)
    assert [f.rule for f in found] == ["spelling.repeated-word"]
    assert [p.rule for p in found.problems] == ["test.spinner", "test.spinner2"]
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"), reason="no interval timers")
def test_a_rule_that_never_ends_is_stopped_and_the_others_go_on() -> None:
    config = from_mapping({"rule_timeout": 0.05, "select": ["spelling.repeated-word"]}, None)
    rules = [Spinner(), *linter.active_rules(config)]
    found = linter.lint(_doc("Il il Bari ha vinto."), config, rules)
    assert [f.rule for f in found] == ["spelling.repeated-word"]
    (problem,) = found.problems
    assert problem.rule == "test.spinner"
    assert "took more than 0.05 s on this file (rule_timeout)" in problem.describe()


def test_in_a_thread_the_budget_is_checked_between_findings() -> None:
    config = from_mapping({"rule_timeout": 0.05, "max_findings_per_rule": 0}, None)
    out: list[object] = []
    thread = threading.Thread(target=lambda: out.append(linter.lint(_doc(), config, [Trickle()])))
    thread.start()
    thread.join(60)
    (found,) = out
    assert [p.rule for p in found.problems] == ["test.trickle"]     # type: ignore[attr-defined]


def test_the_budget_does_not_count_resource_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [0.0]
    loaded = [0.0]
    # patched before the budget starts: it counts from the loads made so far in this
    # process, which earlier tests (a --jobs run loads every resource) make arbitrary
    monkeypatch.setattr(timeouts.resources, "loading_seconds", lambda: loaded[0])
    budget = timeouts.Budget(1.0, clock=lambda: now[0])
    now[0], loaded[0] = 5.0, 4.5          # 4.5 of the 5 s went to loading the lexicon
    budget.check()
    now[0] = 5.6
    with pytest.raises(timeouts.RuleTimeout):
        budget.check()


def test_the_budget_grows_with_the_text() -> None:
    assert timeouts.rule_budget(10, 1000) == 10
    assert timeouts.rule_budget(10, 3_000_000) == 30


# --- findings per rule and per file -------------------------------------------------

def test_a_rule_stops_at_its_cap_with_one_note() -> None:
    config = from_mapping({"max_findings_per_rule": 100}, None)
    Flood.produced = 0
    found = linter.lint(_doc("x" * 200_000), config, [Flood()])
    assert Flood.produced <= 101              # the rule was not asked for more
    assert [f.rule for f in found].count("test.flood") == 100
    (note,) = [f for f in found if f.rule == bounds.TOO_MANY]
    assert note.start == 100 and note.severity == Severity.ERROR
    assert "test.flood" in note.message and "prime 100" in note.message


def test_a_file_keeps_its_first_findings_and_counts_the_rest() -> None:
    config = from_mapping({"max_findings_per_rule": 0, "max_findings": 50}, None)
    found = linter.lint(_doc("x" * 120), config, [Flood()])
    assert len(found) == 51
    assert found[-1].rule == bounds.TOO_MANY and "Altre 70 segnalazioni" in found[-1].message


def test_brackets_give_bounded_findings_in_every_format(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    # 200 KB of "([" gave 200,000 findings and a 159 MB SARIF file
    draft = tmp_path / "brackets.txt"
    draft.write_text("([" * 20_000, encoding="utf-8")
    for fmt in ("json", "sarif", "text", "github", "html"):
        code, out, _ = run(capsys, "check", "--select", "typography.unbalanced-parens",
                           "--format", fmt, str(draft))
        assert code == ExitCode.FINDINGS
        assert "typography.unbalanced-parens: mostrate le prime 1000" in out, fmt
        if fmt == "json":
            assert len(json.loads(out)["findings"]) == 1001


# --- the largest file read ----------------------------------------------------------

@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_dev_zero_stops_at_once(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "/dev/zero")
    assert code == ExitCode.ERROR
    assert "/dev/zero: larger than 10 MB, the most sportlint reads (config max_file_size" in err


def test_a_file_over_the_configured_size_is_an_error_naming_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".sportlint.yaml").write_text("max_file_size: 1000\n", encoding="utf-8")
    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    big.write_text("Il Bari ha vinto. " * 100, encoding="utf-8")
    small.write_text("Il il Bari ha vinto.\n", encoding="utf-8")
    code, out, err = run(capsys, "check", "--config", str(tmp_path / ".sportlint.yaml"),
                         "--select", "spelling.repeated-word", str(big), str(small))
    assert code == ExitCode.ERROR
    assert f"{big}: larger than 1 KB" in err
    assert "[spelling.repeated-word]" in out        # the other file is still checked


def test_read_bounded_reads_no_more_than_the_limit_and_one() -> None:
    class Endless(io.RawIOBase):
        given = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:   # type: ignore[override]
            n = min(len(buffer), 7)                     # a pipe: short reads
            buffer[:n] = b"a" * n
            self.given += n
            return n

    stream = Endless()
    assert document.read_bounded(io.BufferedReader(stream, 7), 100) is None
    assert stream.given <= 101 + 7
    assert document.read_bounded(io.BytesIO(b"abc"), 3) == b"abc"
    assert document.read_bounded(io.BytesIO(b"abcd"), 3) is None
    assert document.read_bounded(io.BytesIO(b"abcd"), 0) == b"abcd"


def test_the_bounds_are_validated() -> None:
    from sportlint.config.loader import ConfigError

    for key in ("max_file_size", "max_findings_per_rule", "max_findings"):
        for bad in (-1, "10MB", 1.5, True):
            with pytest.raises(ConfigError, match=f"key '{key}'"):
                from_mapping({key: bad}, None)
    with pytest.raises(ConfigError, match="key 'rule_timeout'"):
        from_mapping({"rule_timeout": 0}, None)


# --- a huge draft is linted in pieces -----------------------------------------------

def test_pieces_end_at_paragraph_breaks_and_cover_the_text() -> None:
    text = ("Il Bari ha vinto.\n\n" * 30) + "x" * 500 + "\nfine\n"
    spans = list(linter.pieces(text, 100))
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert all(text[a:b].endswith("\n\n") for a, b in spans[:4])
    assert all(b - a <= 100 for a, b in spans)


def test_a_huge_draft_gets_the_findings_of_its_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    para = "Il il Bari ha vinto perchè ha segnato al 23' di Rossi, poi poi ha perso."
    text = "\n\n".join(f"{para} {n}" for n in range(40)) + "\n"
    config = from_mapping({"select": ["spelling", "typography"]}, None)
    rules = linter.active_rules(config)
    whole = linter.lint(document.from_text(text, "a.txt"), config, rules)
    monkeypatch.setattr(linter, "PIECE", 500)
    cut = linter.lint(document.from_text(text, "a.txt"), config, rules)
    assert len(whole) == 120
    assert [(f.rule, f.start, f.end, f.fix) for f in cut] == \
        [(f.rule, f.start, f.end, f.fix) for f in whole]
    from sportlint import fix_text

    assert fix_text(text, "a.txt", config).count("perché") == 40


def test_the_pieces_of_a_huge_page_keep_its_masks(monkeypatch: pytest.MonkeyPatch) -> None:
    """A piece of an HTML page or a Markdown draft is read as the page is: a tag or a code
    block cut into a piece is not prose there (a piece used to be read as plain text)."""
    para = ('<p class="perchè">Il Bari ha vinto perchè ha segnato.</p>\n'
            '<script>var poichè = 1;</script>\n\n')
    text = "<html><body>\n" + para * 30 + "</body></html>\n"
    config = from_mapping({"select": ["spelling.accents"]}, None)
    rules = linter.active_rules(config)
    whole = linter.lint(document.from_text(text, "a.html"), config, rules)
    monkeypatch.setattr(linter, "PIECE", 500)
    cut = linter.lint(document.from_text(text, "a.html"), config, rules)
    assert len(whole) == 30 and all(text[f.start:f.end] == "perchè" for f in whole)
    assert [(f.rule, f.start, f.end) for f in cut] == [(f.rule, f.start, f.end) for f in whole]


def test_the_suppressions_of_a_huge_draft_act_on_every_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    """A sportlint-disable at the top of a dump holds in its last piece too (each piece
    used to see only its own comments), an enable in one piece ends it in the next, and
    --report-unused-suppressions judges a comment by all the pieces: one that hides only
    later findings is used, one that hides nothing anywhere is reported once."""
    para = "Il Bari ha vinto la partita di ieri sera contro la Reggina con un gol nel finale."
    body = "\n\n".join([para] * 20)
    text = ("<!-- sportlint-disable spelling.repeated-word -->\n\n" + body +
            "\n\nIl il Bari ha perso.\n\n" + body +
            "\n\n<!-- sportlint-enable spelling.repeated-word -->\n\n" + body +
            "\n\nPoi poi ha vinto.\n\n<!-- sportlint-disable-next-line typography -->\n"
            "Fine.\n")
    config = from_mapping({"select": ["spelling.repeated-word", "typography"],
                           "report_unused_suppressions": True}, None)
    rules = linter.active_rules(config)
    whole = linter.lint(document.from_text(text, "a.md"), config, rules)
    monkeypatch.setattr(linter, "PIECE", 1500)
    assert len(list(linter.pieces(text, linter.PIECE))) >= 4
    cut = linter.lint(document.from_text(text, "a.md"), config, rules)
    assert [(f.rule, text[f.start:f.end]) for f in whole] == [
        ("spelling.repeated-word", " poi"),
        ("sportlint.unused-suppression", "<!-- sportlint-disable-next-line typography -->")]
    assert [(f.rule, f.start, f.end, f.message) for f in cut] == \
        [(f.rule, f.start, f.end, f.message) for f in whole]
