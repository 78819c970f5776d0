"""`--format html`: one standalone page for an editor (inline CSS, no scripts, nothing
fetched from the network).

At the top, the totals and a table with one row per rule (severity, count, summary) and
the list of articles; then each article with findings (clean ones last, folded in a
``<details>``) as its source text, line by line with line numbers, every finding
highlighted in place in its severity's colour and numbered, its message and suggestion
shown on hover and listed beside the text (the number links the two). Regions that are
not prose (metadata, front matter, comments, code) are greyed. The page speaks Italian,
like the findings: its labels, and the rule table's descriptions (formatters/rules_it.py);
it never shows an editor a command-line flag (a fix is "correzione automatica" or "da
confermare"). It reads on a phone: below 640 px the rule table becomes one card per rule
and the text and the findings stack, so nothing scrolls sideways at 400 px. Every piece of
the drafts is HTML-escaped.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from html import escape

from sportlint.findings import FileReport, Finding, Severity
from sportlint.formatters.rules_it import SUMMARIES
from sportlint.source.document import Document

LABEL = {Severity.ERROR: "errore", Severity.WARNING: "avviso", Severity.SUGGESTION: "suggerimento"}
PLURAL = {Severity.ERROR: "errori", Severity.WARNING: "avvisi", Severity.SUGGESTION: "suggerimenti"}
#: how a fix is described to an editor (no command-line flags: the editor may never run one)
FIX_NOTE = {"safe": "correzione automatica sicura", "unsafe": "correzione automatica da confermare"}

CSS = """
:root { --err: #b3261e; --err-bg: #fde7e5; --warn: #8a5a00; --warn-bg: #fff1d6;
  --sug: #1d5fa8; --sug-bg: #e3eefb; --ink: #1f2328; --muted: #6a737d; --line: #e4e6ea; }
* { box-sizing: border-box; }
body { margin: 0; background: #f5f4f0; color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header.top { background: #17324d; color: #fff; padding: 18px 32px 14px; }
header.top h1 { margin: 0; font-size: 22px; letter-spacing: .3px; }
header.top h1 span { font-weight: 400; opacity: .8; }
header.top .totals { margin: 6px 0 0; font-size: 14px; opacity: .95; }
main, section.summary { max-width: 1400px; margin: 0 auto; padding: 0 32px; }
section.summary { padding-top: 20px; }
h2 { font-size: 17px; margin: 22px 0 10px; }
table.rules { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); }
table.rules th, table.rules td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line);
  vertical-align: top; }
table.rules th { background: #fafafa; font-size: 12px; text-transform: uppercase; letter-spacing: .5px;
  color: var(--muted); }
table.rules td:first-child { white-space: nowrap; }
table.rules td.n { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
ul.files { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 6px 18px; }
ul.files a, .cleanlist a { color: #17324d; }
.cleanlist { color: var(--muted); font-size: 13px; }
article.doc.clean summary { padding: 10px 18px; cursor: pointer; font-weight: 600; }
article.doc.clean summary .path { margin-left: 4px; }
article.doc.clean summary .count { float: right; font-weight: 400; color: #1a7f37; font-size: 14px; }
article.doc.clean { margin: 8px 0; box-shadow: none; }
article.doc.clean details[open] summary { border-bottom: 1px solid var(--line); }
code { font: 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; }
.badge.error { background: var(--err-bg); color: var(--err); }
.badge.warning { background: var(--warn-bg); color: var(--warn); }
.badge.suggestion { background: var(--sug-bg); color: var(--sug); }
article.doc { background: #fff; border: 1px solid var(--line); border-radius: 6px; margin: 22px 0;
  box-shadow: 0 1px 2px rgba(0,0,0,.04); }
article.doc > h2 { margin: 0; padding: 12px 18px; border-bottom: 1px solid var(--line); font-size: 16px;
  display: flex; justify-content: space-between; gap: 12px; }
article.doc > h2 .count { font-weight: 400; color: var(--muted); font-size: 14px; }
.doc-body { display: grid; grid-template-columns: minmax(0, 3fr) minmax(280px, 2fr); }
.text { padding: 14px 0; font: 17px/1.65 Georgia, "Times New Roman", serif;
  border-right: 1px solid var(--line); }
.line { display: grid; grid-template-columns: 3.2em minmax(0, 1fr); min-height: 1.65em; }
.ln { color: #a0a6ad; text-align: right; padding-right: 12px; user-select: none;
  font: 12px/2.3 ui-monospace, Menlo, Consolas, monospace; }
.src { white-space: pre-wrap; overflow-wrap: anywhere; padding-right: 18px; }
.nonprose { color: #9aa0a6; }
mark { position: relative; color: inherit; border-radius: 2px; padding: 1px 0;
  text-decoration-line: underline; text-decoration-style: wavy; text-decoration-thickness: 1px;
  text-underline-offset: 3px; }
mark.short { padding: 1px 3px; outline: 1.5px solid currentColor; outline-offset: 0; }
mark.error.short { outline-color: var(--err); } mark.warning.short { outline-color: var(--warn); }
mark.suggestion.short { outline-color: var(--sug); }
mark.error { background: var(--err-bg); text-decoration-color: var(--err); }
mark.warning { background: var(--warn-bg); text-decoration-color: var(--warn); }
mark.suggestion { background: var(--sug-bg); text-decoration-color: var(--sug); }
mark:hover::after { content: attr(data-tip); position: absolute; left: 0; top: 1.9em; z-index: 10;
  width: max-content; max-width: 30em; white-space: pre-line; background: #23272e; color: #fff;
  padding: 7px 10px; border-radius: 5px; font: 13px/1.45 system-ui, sans-serif;
  box-shadow: 0 4px 12px rgba(0,0,0,.25); }
a.ref { font: 600 10px/1 system-ui, sans-serif; vertical-align: super; text-decoration: none;
  color: #fff; border-radius: 8px; padding: 1px 4px; margin-left: 1px; }
a.ref.error { background: var(--err); } a.ref.warning { background: var(--warn); }
a.ref.suggestion { background: var(--sug); }
a.ref.insert::before { content: "\\2038"; margin-right: 1px; }
ol.findings { list-style: none; margin: 0; padding: 10px 14px; font-size: 14px; }
ol.findings li { padding: 8px 10px; border-left: 3px solid var(--line); margin-bottom: 8px;
  background: #fcfcfb; border-radius: 0 4px 4px 0; }
ol.findings li.error { border-left-color: var(--err); }
ol.findings li.warning { border-left-color: var(--warn); }
ol.findings li.suggestion { border-left-color: var(--sug); }
ol.findings li:target { background: #fff8c4; }
.meta { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; color: var(--muted);
  font-size: 12px; }
.meta a.num { font-weight: 700; color: var(--ink); text-decoration: none; }
.msg { margin: 3px 0 0; }
.sugg { margin: 3px 0 0; color: #30363d; }
.sugg del { background: var(--err-bg); text-decoration-color: var(--err); padding: 0 3px; }
.sugg ins { background: #dcf5e3; text-decoration: none; padding: 0 3px; }
.fixnote { color: var(--muted); font-size: 12px; }
.clean { padding: 14px 18px; color: #1a7f37; margin: 0; }
.readerror { padding: 14px 18px; color: var(--err); margin: 0; }
footer { max-width: 1400px; margin: 0 auto; padding: 8px 32px 32px; color: var(--muted); font-size: 12px; }
@media (max-width: 900px) { .doc-body { grid-template-columns: 1fr; } .text { border-right: 0; } }
@media (max-width: 640px) {
  header.top { padding: 14px 14px 12px; } header.top h1 { font-size: 19px; }
  main, section.summary, footer { padding-left: 10px; padding-right: 10px; }
  table.rules, table.rules tbody, table.rules tr, table.rules td { display: block; width: 100%; }
  table.rules thead { display: none; }
  table.rules tr { border-bottom: 1px solid var(--line); padding: 6px 0; }
  table.rules td { border: 0; padding: 2px 10px; }
  table.rules td:first-child { white-space: normal; }
  table.rules td.n { text-align: left; }
  table.rules td.n::after { content: " segnalazioni"; font-weight: 400; }
  .text { font-size: 16px; } .line { grid-template-columns: 2.4em minmax(0, 1fr); }
  .src { padding-right: 8px; }
  article.doc > h2 { flex-wrap: wrap; }
  mark:hover::after { max-width: 80vw; }
}
code, .path, ul.files a, .cleanlist a, header.top .totals { overflow-wrap: anywhere; }
article.doc > h2 .path { min-width: 0; }
"""


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _summary(rule_id: str, first: Finding) -> str:
    """What the rule checks, in Italian: its line in rules_it.py, or (a newsroom's own
    rule, a LanguageTool server's id) the message of its first finding."""
    return SUMMARIES.get(rule_id) or first.message


def _suggestion_html(doc: Document, f: Finding) -> str:
    if not f.suggestions:
        return ""
    old = doc.text[f.start:f.end]
    shown = []
    for s in f.suggestions[:3]:
        if s:
            shown.append(f"<del>{escape(old)}</del> → <ins>{escape(s)}</ins>" if old.strip()
                         else f"inserire <ins>{escape(s)}</ins>")
        else:
            shown.append(f"togliere <del>{escape(old)}</del>")
    note = ""
    if f.fix and f.fix.applicability.value in FIX_NOTE:
        note = f' <span class="fixnote">({FIX_NOTE[f.fix.applicability.value]})</span>'
    return f'<p class="sugg">Suggerimento: {" oppure ".join(shown)}{note}</p>'


def _tip(f: Finding) -> str:
    tip = f"{f.rule}: {f.message}"
    if f.suggestions:
        tip += "\nSuggerimento: " + ", ".join(f"«{s}»" if s else "togliere" for s in f.suggestions[:3])
    return tip


def _render_text(doc: Document, findings: list[Finding], key: str) -> str:
    """The source, line by line, with each finding's span marked and numbered."""
    text = doc.text
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    if len(line_starts) > 1 and line_starts[-1] == len(text):
        line_starts.pop()  # the final line end does not open an empty last line
    bounds = {0, len(text), *line_starts}
    for f in findings:
        bounds.update((f.start, f.end))
    for s, e in doc.ignored:
        bounds.update((s, e))
    cuts = sorted(b for b in bounds if 0 <= b <= len(text))
    ends: dict[int, list[int]] = {}
    for n, f in enumerate(findings, 1):
        ends.setdefault(f.end, []).append(n)
    lines: list[list[str]] = [[] for _ in line_starts]

    def refs_at(pos: int) -> str:
        out = []
        for n in ends.get(pos, []):
            f = findings[n - 1]
            insert = " insert" if f.start == f.end else ""
            out.append(f'<a class="ref {f.severity.label}{insert}" id="m{key}-{n}" '
                       f'href="#f{key}-{n}" title="{escape(_tip(f))}">{n}</a>')
        return "".join(out)

    for a, b in itertools.pairwise(cuts):
        if a == b:
            continue
        row = bisect.bisect_right(line_starts, a) - 1
        piece = text[a:b].rstrip("\r\n")
        covering = [f for f in findings if f.start <= a and b <= f.end and f.start < f.end]
        html = escape(piece)
        if any(s <= a and b <= e for s, e in doc.ignored):
            html = f'<span class="nonprose">{html}</span>'
        if covering and piece:
            worst = max(f.severity for f in covering)
            tip = "\n\n".join(_tip(f) for f in covering)
            short = " short" if all(f.end - f.start <= 2 for f in covering) else ""
            html = f'<mark class="{worst.label}{short}" data-tip="{escape(tip)}">{html}</mark>'
        lines[row].append(refs_at(a) + html)
    tail = refs_at(len(text))
    if tail:
        lines[-1].append(tail)
    rows = []
    for number, parts in enumerate(lines, 1):
        rows.append(f'<div class="line"><span class="ln">{number}</span>'
                    f'<span class="src">{"".join(parts)}</span></div>')
    return "\n".join(rows)


def _render_findings(doc: Document, findings: list[Finding], key: str) -> str:
    items = []
    for n, f in enumerate(findings, 1):
        line, col = doc.position(f.start)
        items.append(
            f'<li class="{f.severity.label}" id="f{key}-{n}">'
            f'<div class="meta"><a class="num" href="#m{key}-{n}">{n}</a>'
            f'<span>riga {line}, col. {col}</span>'
            f'<span class="badge {f.severity.label}">{LABEL[f.severity]}</span>'
            f'<code>{escape(f.rule)}</code></div>'
            f'<p class="msg">{escape(f.message)}</p>{_suggestion_html(doc, f)}</li>')
    return '<ol class="findings">\n' + "\n".join(items) + "\n</ol>"


def render(reports: list[FileReport]) -> str:
    findings = [f for r in reports for f in r.findings]
    by_rule: Counter[str] = Counter(f.rule for f in findings)
    first: dict[str, Finding] = {}
    for f in findings:
        first.setdefault(f.rule, f)
    worst: dict[str, Severity] = {}
    for f in findings:
        worst[f.rule] = max(worst.get(f.rule, f.severity), f.severity)
    severities: Counter[Severity] = Counter(f.severity for f in findings)
    fixable = sum(1 for f in findings if f.fix and f.fix.applicability.value == "safe")
    files_with = sum(1 for r in reports if r.findings)
    totals = [_count(len(findings), "segnalazione", "segnalazioni")
              + f" in {_count(files_with, 'articolo', 'articoli')} su {len(reports)}"]
    totals += [_count(severities[s], LABEL[s], PLURAL[s]) for s in sorted(severities, reverse=True)]
    if fixable:
        totals.append(f"{fixable} con correzione automatica")
    errors = sum(1 for r in reports if r.error)
    if errors:
        totals.append(_count(errors, "file illeggibile", "file illeggibili"))
    stopped = sum(1 for r in reports if r.problems)
    if stopped:
        totals.append(_count(stopped, "controllo incompleto", "controlli incompleti"))

    out = ['<!DOCTYPE html>', '<html lang="it">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>sportlint: {escape(totals[0])}</title>", f"<style>{CSS}</style>", "</head>",
           "<body>", '<header class="top"><h1>sportlint <span>· rapporto di correzione</span></h1>',
           f'<p class="totals">{" · ".join(escape(t) for t in totals)}</p></header>',
           '<section class="summary" id="summary">']
    if by_rule:
        out.append("<h2>Riepilogo per regola</h2>")
        out.append('<table class="rules"><thead><tr><th>Regola</th><th>Gravità</th>'
                   "<th>Segnalazioni</th><th>Che cosa controlla</th></tr></thead><tbody>")
        for rule_id, n in sorted(by_rule.items(), key=lambda kv: (-worst[kv[0]], -kv[1], kv[0])):
            sev = worst[rule_id]
            out.append(f'<tr class="rule" data-rule="{escape(rule_id)}">'
                       f'<td><code>{escape(rule_id)}</code></td>'
                       f'<td><span class="badge {sev.label}">{LABEL[sev]}</span></td>'
                       f'<td class="n">{n}</td><td>{escape(_summary(rule_id, first[rule_id]))}</td></tr>')
        out.append("</tbody></table>")
    # articles with findings (or unreadable) first, in the order given; clean ones after,
    # folded, so the editor starts where there is work to do
    numbered = list(enumerate(reports, 1))
    busy = [(i, r) for i, r in numbered if r.findings or r.incomplete]
    clean = [(i, r) for i, r in numbered if not (r.findings or r.incomplete)]
    out.append("<h2>Articoli</h2>")
    if busy:
        out.append('<ul class="files">' + "".join(
            f'<li><a href="#doc-{i}">{escape(r.path)}</a> '
            f'({"illeggibile" if r.error else len(r.findings)})</li>' for i, r in busy) + "</ul>")
    if clean:
        out.append(f'<p class="cleanlist">Senza segnalazioni ({len(clean)}): ' + ", ".join(
            f'<a href="#doc-{i}">{escape(r.path)}</a>' for i, r in clean) + "</p>")
    out.append("</section>")
    out.append("<main>")
    for i, report in busy + clean:
        folded = not (report.findings or report.incomplete)
        out.append(f'<article class="doc{" clean" if folded else ""}" id="doc-{i}" '
                   f'data-path="{escape(report.path)}">')
        count = "illeggibile" if report.error else _count(len(report.findings), "segnalazione",
                                                          "segnalazioni")
        heading = (f'<span class="path">{escape(report.path)}</span>'
                   f'<span class="count">{"nessuna segnalazione" if folded else count}</span>')
        out.append(f"<details><summary>{heading}</summary>" if folded else f"<h2>{heading}</h2>")
        if report.error or report.doc is None:
            out.append(f'<p class="readerror">{escape(report.error or "non letto")}</p>')
        else:
            key = str(i)
            out.append('<div class="doc-body">')
            out.extend(f'<p class="readerror">Controllo incompleto: la regola '
                       f'<code>{escape(p.rule)}</code> si è fermata perché il suo pattern ha '
                       f'superato il tempo massimo; le sue segnalazioni su questo articolo '
                       f'mancano.</p>' for p in report.problems)
            out.append(f'<div class="text">\n{_render_text(report.doc, report.findings, key)}\n</div>')
            if report.findings:
                out.append(_render_findings(report.doc, report.findings, key))
            else:
                out.append('<p class="clean">Nessuna segnalazione.</p>')
            out.append("</div>")
        if folded:
            out.append("</details>")
        out.append("</article>")
    out.append("</main>")
    out.append("<footer>Generato da sportlint. Passare il mouse su un passaggio evidenziato "
               "per leggere la segnalazione; il numero rimanda all'elenco.</footer>")
    out.append("</body></html>")
    return "\n".join(out)
