"""The formats editors hand over besides Markdown and text: HTML exported from a CMS (its
text nodes are the prose; tags, scripts, styles, comments and entities are not; findings
on the source's own lines and columns, so --fix edits the page in place) and Word .docx
(its paragraphs, tables included; a finding's line is the paragraph, its column the
character; --fix leaves the file alone and says so)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clirun import run
from sportlint import fix_text, lint_text
from sportlint.cli.main import ExitCode
from sportlint.segment.segmenter import segment
from sportlint.source import document

SELECT = ["--select", "spelling.accents,spelling.repeated-word"]
PAGE = """<!DOCTYPE html>
<html lang="it"><head><meta charset="utf-8"><title>Il Bari vince</title>
<style>p.il il { color: red }</style>
<script>var nota = "poichè"; if (a < b) { il il(); }</script></head>
<body><h1>Il il Bari vince al San Nicola</h1><p class="lead">La squadra ha vinto <b>poichè</b> ha
segnato per prima&nbsp;e perch&egrave; ci credeva.</p><p>Seconda <a href="https://x.it/il">frase</a>.</p>
<!-- il il commento della redazione --></body></html>
"""


def test_html_text_nodes_are_prose_on_the_source_lines() -> None:
    doc = document.from_text(PAGE, "pezzo.html")
    found = [(*doc.position(f.start), f.rule, PAGE[f.start:f.end])
             for f in lint_text(PAGE, "pezzo.html", {"select": SELECT[1].split(",")})]
    assert found == [(5, 13, "spelling.repeated-word", " il"), (5, 85, "spelling.accents", "poichè")]
    paragraphs = [PAGE[p.start:p.end] for p in segment(doc).paragraphs]
    assert paragraphs[:2] == ["Il Bari vince", "Il il Bari vince al San Nicola"]
    assert len(paragraphs) == 4     # the title, the heading and two <p>: block elements part them


def test_html_fix_edits_the_page_in_place() -> None:
    fixed = fix_text(PAGE, "pezzo.htm", {"select": SELECT[1].split(",")})
    assert fixed == PAGE.replace("<h1>Il il", "<h1>Il").replace("<b>poichè</b>", "<b>poiché</b>")


def test_folders_give_html_and_docx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    docx = pytest.importorskip("docx")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    word = docx.Document()
    word.add_paragraph("Il Bari ha vinto.")
    word.add_paragraph("")
    word.add_paragraph("Ha segnato poichè ci credeva, e il il pubblico applaude.")
    table = word.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Marcatori"
    table.cell(0, 1).text = "Rossi, perchè di testa"
    word.save(str(tmp_path / "b.docx"))
    original = (tmp_path / "b.docx").read_bytes()
    code, out, _ = run(capsys, "check", *SELECT, ".")
    assert code == ExitCode.FINDINGS
    assert "a.html:5:13: error [spelling.repeated-word]" in out
    # paragraph 3, character 12; the table's second cell is paragraph 5
    assert "b.docx:3:12: error [spelling.accents]" in out
    assert "b.docx:3:35: error [spelling.repeated-word]" in out
    assert "b.docx:5:8: error [spelling.accents]" in out
    assert "| Ha segnato poichè ci credeva" in out
    # --fix fixes the page and leaves the Word file byte for byte, saying so
    code, out, err = run(capsys, "check", *SELECT, "--fix", ".")
    assert (tmp_path / "b.docx").read_bytes() == original
    assert "b.docx: --fix does not write Word documents" in err
    assert "poiché" in (tmp_path / "a.html").read_text(encoding="utf-8")
    assert "b.docx:3:12" in out


def test_a_broken_docx_is_an_error_naming_it(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("docx")
    (tmp_path / "rotto.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "ok.txt").write_text("Il il Bari.\n", encoding="utf-8")
    code, out, err = run(capsys, "check", *SELECT, str(tmp_path / "rotto.docx"), str(tmp_path / "ok.txt"))
    assert code == ExitCode.ERROR
    assert "rotto.docx: not a Word .docx document" in err
    assert "ok.txt:1:3" in out          # the other file is still checked
