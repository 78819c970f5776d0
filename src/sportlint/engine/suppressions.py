"""Suppressions written in the draft as HTML comments, applied right after linting.

- ``<!-- sportlint-disable RULE -->`` ... ``<!-- sportlint-enable RULE -->``: no finding of
  RULE from the end of the first comment to the start of the second (or to the end of the
  file when it is never enabled again).
- ``<!-- sportlint-disable-next-line RULE -->``: no finding of RULE that starts on the line
  after the line where the comment ends.

RULE is a rule id or a prefix of one (``names``, ``spelling.accents``); several are
separated by commas or spaces; none means every rule. A reason may follow after ``--``
(with or without spaces around it):
``<!-- sportlint-disable-next-line names -- the player's real name -->``. When directives
overlap, the latest one that covers a rule wins (``disable spelling`` then ``enable
spelling.accents`` leaves only spelling.accents on). HTML comments are not prose (see
``document.py``), so the comments themselves are never checked. In Markdown, a directive
inside code (a fence or backticks) is an example, not a directive.

The linter calls :func:`apply` once, before anything else sees the findings, so a
suppressed finding is neither reported nor fixed. With ``report_unused_suppressions``
(``--report-unused-suppressions``), every rule prefix of a ``disable`` or
``disable-next-line`` comment that hid nothing becomes a finding of the pseudo-rule
``sportlint.unused-suppression`` on the comment (a prefix that names no sportlint rule and
a misspelt directive such as ``sportlint-disable-line`` are reported too; a prefix whose
rules did not run this time is not).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from sportlint.config.loader import Config, matches
from sportlint.findings import Finding, Severity
from sportlint.source import document
from sportlint.source.document import Document
from sportlint.util import lazyregex

UNUSED = "sportlint.unused-suppression"
#: findings that do not come from a registered rule: id -> summary
PSEUDO_RULES = {UNUSED: "A sportlint-disable comment that suppresses nothing.",
                "sportlint.too-many-findings": "Findings left out of a file's report because "
                                               "a rule, or the file, has too many."}

KINDS = ("disable", "enable", "disable-next-line")
_DIRECTIVE = lazyregex.compile(r"<!--\s*sportlint-(?P<kind>[\w-]+)(?P<body>.*?)-->", regex.DOTALL)
_PREFIX = lazyregex.compile(r"[\w][\w.-]*")


@dataclass(frozen=True)
class Directive:
    kind: str                    # one of KINDS, or what a misspelt one says
    start: int                   # the comment's span in the text
    end: int
    prefixes: tuple[str, ...]    # rule-id prefixes; () means every rule


def parse(doc: Document) -> list[Directive]:
    """The directives of a document, in text order."""
    if "sportlint-" not in doc.text:
        return []
    code = _code_spans(doc) if doc.markdown else []
    out: list[Directive] = []
    # a directive ends at a "-->": none can start after the last one (without this bound,
    # every unclosed "<!-- sportlint-" would scan to the end of the text: quadratic)
    end = doc.text.rfind("-->") + 3
    for m in _DIRECTIVE.finditer(doc.text, 0, max(end, 0)):
        if any(s <= m.start() < e for s, e in code):
            continue
        body = m["body"].split("--", 1)[0]     # no rule id has "--": a reason follows
        prefixes = tuple(p.rstrip(".") for p in _PREFIX.findall(body))
        out.append(Directive(m["kind"], m.start(), m.end(), prefixes))
    return out


def _code_spans(doc: Document) -> list[tuple[int, int]]:
    spans = [m.span() for m in document._FENCE.finditer(doc.text)]
    spans += [m.span() for m in document._INLINE_CODE.finditer(doc.text)]
    return spans


def _best(state: dict[str, tuple[bool, int]], rule_id: str) -> tuple[str, bool, int] | None:
    """The most specific state entry covering ``rule_id`` ("" covers every rule)."""
    best: tuple[str, bool, int] | None = None
    for prefix, (disabled, index) in state.items():
        if (prefix == "" or matches(rule_id, prefix)) and (best is None or len(prefix) > len(best[0])):
            best = (prefix, disabled, index)
    return best


def apply(doc: Document, findings: Sequence[Finding], config: Config,
          ran: Iterable[str] = (), known: Iterable[str] = (), *,
          directives: list[Directive] | None = None,
          used: set[tuple[int, str]] | None = None) -> list[Finding]:
    """The findings that no directive suppresses (sorted by position), plus, with
    ``config.report_unused_suppressions``, a finding for each unused directive prefix
    (with the severity the config gives it; none when the config disables it). ``ran``
    are the ids of the rules that ran; ``known`` every rule id sportlint has.
    ``directives`` are the document's (default: `parse`; a piece of a huge draft is given
    those of the draft: `for_piece`); ``used`` receives the (directive index, prefix)
    pairs that hid a finding."""
    directives = parse(doc) if directives is None else directives
    if not directives:
        return list(findings)
    used = set() if used is None else used
    next_line: dict[int, list[int]] = {}
    regions: list[int] = []
    for i, d in enumerate(directives):
        if d.kind == "disable-next-line":
            next_line.setdefault(doc.position(d.end)[0] + 1, []).append(i)
        elif d.kind in KINDS:
            regions.append(i)
    starts = [directives[i].end for i in regions]
    kept: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.start, f.end, f.rule)):
        hit = _next_line_hit(directives, next_line.get(doc.position(f.start)[0], []), f.rule)
        if hit is None:
            # the directives in force at f.start, replayed in order (few per document)
            state: dict[str, tuple[bool, int]] = {}
            for i in regions[:bisect.bisect_right(starts, f.start)]:
                _step(state, directives[i], i)
            best = _best(state, f.rule)
            if best is not None and best[1]:
                hit = (best[2], best[0])
        if hit is None:
            kept.append(f)
        else:
            used.add(hit)
    extra = unused(doc, directives, used, config, ran, known)
    if extra:
        kept = sorted([*kept, *extra], key=lambda f: (f.start, f.end, f.rule))
    return kept


def for_piece(directives: Sequence[Directive], start: int, end: int
              ) -> tuple[list[Directive], list[int]]:
    """The directives of the draft that act on its piece ``start:end`` (a huge draft is
    linted in pieces: engine/linter.py), in the piece's offsets, and the index in
    ``directives`` of each: the ``disable`` and ``enable`` comments before the piece, as if
    written at its start (a ``sportlint-disable`` at the top of a dump still holds in its
    last piece), then the comments inside it."""
    out: list[Directive] = []
    index: list[int] = []
    for i, d in enumerate(directives):
        if d.end <= start and d.kind in ("disable", "enable"):
            out.append(Directive(d.kind, 0, 0, d.prefixes))
        elif start <= d.start and d.end <= end:
            out.append(Directive(d.kind, d.start - start, d.end - start, d.prefixes))
        else:
            continue
        index.append(i)
    return out, index


def unused(doc: Document, directives: list[Directive], used: set[tuple[int, str]],
           config: Config, ran: Iterable[str], known: Iterable[str]) -> list[Finding]:
    """With ``config.report_unused_suppressions``, the findings of the unused directive
    prefixes of ``doc`` (`apply` adds them itself; a huge draft's come from all its
    pieces at once)."""
    if not config.report_unused_suppressions or any(matches(UNUSED, p) for p in config.disable):
        return []
    severity = config.severity_for(UNUSED, Severity.WARNING)
    return [f.with_severity(severity) for f in _unused(doc, directives, used, set(ran), set(known))]


def _next_line_hit(directives: list[Directive], indices: list[int], rule_id: str
                   ) -> tuple[int, str] | None:
    for i in indices:
        prefixes = directives[i].prefixes or ("",)
        for prefix in prefixes:
            if prefix == "" or matches(rule_id, prefix):
                return i, prefix
    return None


def _step(state: dict[str, tuple[bool, int]], d: Directive, index: int) -> None:
    disabled = d.kind == "disable"
    if not d.prefixes:
        state.clear()
        if disabled:
            state[""] = (True, index)
        return
    for prefix in d.prefixes:
        for old in [p for p in state if p and matches(p, prefix)]:
            del state[old]          # a later, broader directive overrides narrower ones
        state[prefix] = (disabled, index)


def _covers(rule_ids: set[str], prefix: str) -> bool:
    """True when ``prefix`` selects one of ``rule_ids``, or an id below one of them (a rule
    may report under ids of its own, such as ``languagetool.SOME_RULE``)."""
    return any(matches(r, prefix) or prefix.startswith(r + ".") for r in rule_ids)


def _unused(doc: Document, directives: list[Directive], used: set[tuple[int, str]],
            ran: set[str], known: set[str]) -> list[Finding]:
    out: list[Finding] = []
    for i, d in enumerate(directives):
        if d.kind == "enable":
            continue
        if d.kind not in KINDS:
            known_kinds = ", ".join(f"sportlint-{k}" for k in KINDS)
            out.append(Finding(UNUSED, d.start, d.end, Severity.WARNING,
                               f"«sportlint-{d.kind}» non è una direttiva di sportlint "
                               f"(si usa {known_kinds}).", path=doc.path))
            continue
        for prefix in d.prefixes or ("",):
            if (i, prefix) in used:
                continue
            if prefix and known and not _covers(known, prefix):
                message = f"«{prefix}» non corrisponde a nessuna regola di sportlint."
            elif prefix and not _covers(ran, prefix):
                continue  # its rules did not run this time: cannot tell
            elif prefix:
                message = (f"Soppressione inutile: qui non c'è nessuna segnalazione di «{prefix}» "
                           "da nascondere.")
            else:
                message = "Soppressione inutile: qui non c'è nessuna segnalazione da nascondere."
            out.append(Finding(UNUSED, d.start, d.end, Severity.WARNING, message, path=doc.path))
    return out
