"""The HTML report is for editors: its labels and its rule table speak Italian (the rule
table was in English), it never shows a command-line flag (it said "(si corregge con
--unsafe-fixes)"), and it reads at 400 px without scrolling sideways (checked in headless
Chromium, where it is installed)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from sportlint.cli.main import ExitCode, main
from sportlint.formatters.rules_it import SUMMARIES
from sportlint.rules import registry

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_ce6d04d1a70b5d49.txt"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def page(capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["check", "--format", "html", str(SEED)]) == ExitCode.FINDINGS
    return capsys.readouterr().out


def _visible(html: str) -> str:
    """The page's text, without the drafts' own text (which may hold anything)."""
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    html = re.sub(r'<div class="text">.*?</div>\n(?=<ol|<p class="clean")', "", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_the_rule_table_is_in_italian(page: str) -> None:
    rows = re.findall(r'<tr class="rule" data-rule="([^"]+)">.*?<td>([^<]*)</td></tr>', page)
    assert len(rows) >= 8
    for rule, summary in rows:
        assert summary == SUMMARIES[rule].replace("'", "&#x27;").replace('"', "&quot;"), rule
    assert "Riepilogo per regola" in page and "Che cosa controlla" in page


def test_editors_are_never_shown_a_flag(page: str) -> None:
    text = _visible(page)
    assert not re.search(r"(?<![\w-])--[a-z]", text), re.findall(r".{30}--[a-z].{30}", text)
    assert "correzione automatica da confermare" in page      # what --unsafe-fixes was


def test_every_shipped_rule_has_an_italian_summary() -> None:
    missing = sorted(set(registry.all_rules()) - set(SUMMARIES))
    assert not missing, f"add an Italian line for {missing} to src/sportlint/formatters/rules_it.py"


def test_a_newsroom_rule_is_described_by_its_message(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from sportlint.findings import FileReport, Finding, Severity
    from sportlint.formatters.base import get
    from sportlint.source import document

    doc = document.from_text("Testo di prova.\n", "a.md")
    finding = Finding("house.own", 0, 5, Severity.WARNING, "Parola vietata dalla redazione.")
    html = get("html")([FileReport("a.md", doc, [finding])])
    assert "<td>Parola vietata dalla redazione.</td>" in html


@pytest.mark.integration
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed "
                    "(Debian: apt-get install chromium); .ci/run installs it")
def test_readable_at_400_px(page: str, tmp_path: Path) -> None:
    """Rendered in a 400 px frame (a phone), nothing is wider than the frame."""
    (tmp_path / "report.html").write_text(page, encoding="utf-8")
    (tmp_path / "phone.html").write_text(
        '<!DOCTYPE html><html><body style="margin:0">'
        '<iframe id="f" src="report.html" style="width:400px;height:800px;border:0"></iframe>'
        '<script>document.getElementById("f").addEventListener("load", () => {'
        'const d = document.getElementById("f").contentDocument.documentElement;'
        'document.body.setAttribute("data-width", d.scrollWidth + "x" + d.clientWidth);});'
        "</script></body></html>", encoding="utf-8")
    assert CHROMIUM
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--allow-file-access-from-files", f"--user-data-dir={tmp_path / 'profile'}",
         "--virtual-time-budget=5000", "--dump-dom", (tmp_path / "phone.html").as_uri()],
        capture_output=True, text=True, timeout=120, check=False)
    width = re.search(r'data-width="(\d+)x(\d+)"', done.stdout)
    assert width, done.stderr[-2000:]
    scroll, client = int(width[1]), int(width[2])
    assert client <= 400 and scroll <= client, f"the page is {scroll} px wide in a {client} px frame"
