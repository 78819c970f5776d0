"""`--format html`: one standalone page (no network resources), findings highlighted in
place and listed beside, a summary per rule, everything from the drafts escaped. Checked
on the rendered string, and in headless Chromium where it is installed."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sportlint.cli.main import ExitCode, main
from sportlint.findings import FileReport, Finding, Severity
from sportlint.formatters.base import get
from sportlint.source import document

BASIC = ["--select", "spelling.accents,spelling.repeated-word"]
HOSTILE = ("Il il Bari <b>vince</b> poichè <script>alert('x')</script> & «basta».\n\n"
           "Seconda riga pulita.\n")
CLEAN = "Il Bari ha vinto perché ha segnato.\n"


class Page(HTMLParser):
    """The elements of a page: (tag, attrs) in order, and the text inside each article."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.article_text: list[str] = []
        self._depth_in_article = 0
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        self.elements.append((tag, attributes))
        if tag == "article":
            self.article_text.append("")
            self._depth_in_article += 1
        elif self._depth_in_article:
            self._depth_in_article += 1

    def handle_endtag(self, tag: str) -> None:
        if self._depth_in_article:
            self._depth_in_article -= 1

    def handle_data(self, data: str) -> None:
        if self._depth_in_article:
            self.article_text[-1] += data

    def find(self, tag: str, cls: str | None = None) -> list[dict[str, str]]:
        return [a for t, a in self.elements
                if t == tag and (cls is None or cls in a.get("class", "").split())]


@pytest.fixture
def report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
           capsys: pytest.CaptureFixture[str]) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("bozza.txt").write_text(HOSTILE, encoding="utf-8")
    Path("pulita.md").write_text(CLEAN, encoding="utf-8")
    code = main(["check", *BASIC, "--format", "html", "-o", "report.html", "bozza.txt", "pulita.md"])
    assert code == ExitCode.FINDINGS
    return tmp_path / "report.html"


def check_structure(html: str) -> None:
    page = Page(html)
    # one section per article, the findings numbered in the text and listed beside it
    articles = page.find("article", "doc")
    assert [a["data-path"] for a in articles] == ["bozza.txt", "pulita.md"]
    assert len(page.find("a", "ref")) == 2
    assert len(page.find("li", "error")) == 2
    marks = page.find("mark")
    assert len(marks) == 2 and all(m["class"].split()[0] == "error" for m in marks)
    assert any("«poichè» si scrive «poiché»" in m["data-tip"] for m in marks)
    refs = {a["href"] for a in page.find("a", "ref")}
    items = {"#" + li["id"] for li in page.find("li", "error")}
    assert refs == items
    # a summary row per rule
    rows = page.find("tr", "rule")
    assert sorted(r["data-rule"] for r in rows) == ["spelling.accents", "spelling.repeated-word"]
    # the draft's markup is text, never elements
    tags = {t for t, _ in page.elements}
    assert "script" not in tags and "b" not in tags
    assert "<b>vince</b>" in page.article_text[0]
    assert "<script>alert('x')</script> & «basta»." in page.article_text[0]
    assert "Nessuna segnalazione" in page.article_text[1]
    # standalone: inline CSS, nothing fetched
    assert "link" not in tags and "img" not in tags
    for _, attrs in page.elements:
        for name in ("src", "href"):
            assert not attrs.get(name, "").startswith(("http:", "https:", "//")), attrs
    assert "url(" not in html and "@import" not in html


def test_html_report_structure(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    check_structure(html)


def test_html_report_no_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.md").write_text(CLEAN, encoding="utf-8")
    assert main(["check", *BASIC, "--format", "html", str(tmp_path / "a.md")]) == ExitCode.OK
    page = Page(capsys.readouterr().out)
    assert page.find("article", "doc") and not page.find("mark") and not page.find("tr", "rule")


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         f"--user-data-dir={tmp_path / 'chromium-profile'}", *args],
        capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.integration
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed "
                    "(Debian: apt-get install chromium); .ci/run installs it")
def test_html_report_in_chromium(report: Path, tmp_path: Path) -> None:
    done = chromium(tmp_path, "--dump-dom", report.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert "<article" in dom, done.stderr[-2000:]
    check_structure(dom)
    shot = tmp_path / "report.png"
    done = chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,1600", report.as_uri())
    assert done.returncode == 0 and shot.stat().st_size > 10_000


def test_articles_with_findings_first_clean_ones_folded(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(HOSTILE, encoding="utf-8")
    main(["check", *BASIC, "--format", "html", str(tmp_path / "a.md"), str(tmp_path / "b.txt")])
    html = capsys.readouterr().out
    page = Page(html)
    articles = page.find("article", "doc")
    assert [Path(a["data-path"]).name for a in articles] == ["b.txt", "a.md"]
    assert [a["class"] for a in articles] == ["doc", "doc clean"]
    assert len(page.find("details")) == 1
    assert "Senza segnalazioni (1)" in html


def test_multi_line_and_insertion_findings() -> None:
    doc = document.from_text("Prima riga\nseconda riga\nterza\n", "a.txt")
    findings = [Finding("x.span", 6, 18, Severity.WARNING, "Due righe."),
                Finding("x.insert", 29, 29, Severity.SUGGESTION, "Manca il punto.", (".",))]
    page = Page(get("html")([FileReport("a.txt", doc, findings)]))
    assert len(page.find("span", "ln")) == 3            # three lines, no empty fourth
    assert [m["class"] for m in page.find("mark")] == ["warning", "warning"]  # split per line
    refs = page.find("a", "ref")
    assert [r["class"] for r in refs] == ["ref warning", "ref suggestion insert"]
    # gutter number, text, and each finding's number right after its span
    assert "1Prima riga\n2seconda1 riga\n3terza2\n" in page.article_text[0]
