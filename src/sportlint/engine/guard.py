"""The name guard: a safe fix never touches a capitalised word that may be a name.

A capitalised word inside a sentence is, in sports copy, most often a name: a surname that
is also a word (Immobile, Conte, Bove), one that begins with a particle (Di Lorenzo, Del
Piero, Da Costa, La Russa), a club, a title. A rule that rewrites or deletes such a word
without knowing names (a doubled word, a misspelling, an article) may corrupt it, so its
fix is downgraded from ``safe`` to ``unsafe``: still shown and offered with
``--unsafe-fixes``, never applied by ``--fix``.

Exempt are the rules whose business is names, which check them against the gazetteer and
the text's own spelling before they fix one (the ``names.*`` family), and the rules that
declare ``fixes_names`` (a month written with a capital inside a date). The first word of
a sentence is not guarded: its capital is the sentence's ("Il il Bari").
"""

from __future__ import annotations

from dataclasses import replace

from sportlint.findings import Applicability, Edit, Finding, Fix
from sportlint.rules.base import Rule
from sportlint.segment.segmenter import Segmentation
from sportlint.segment.tokens import Token

#: rule families whose fixes correct names on purpose
NAME_FAMILIES = ("names.",)


def exempt(rule: Rule) -> bool:
    """The rule may fix a capitalised word safely: its business is names."""
    return rule.fixes_names or rule.id.startswith(NAME_FAMILIES)


def guard(finding: Finding, seg: Segmentation) -> Finding:
    """The finding, its safe fix downgraded to unsafe when an edit touches a capitalised
    word that is not the first of its sentence."""
    fix = finding.fix
    if fix is None or fix.applicability is not Applicability.SAFE:
        return finding
    if not any(_touches_name(seg, e) for e in fix.edits):
        return finding
    return replace(finding, fix=Fix(fix.edits, Applicability.UNSAFE))


def _touches_name(seg: Segmentation, edit: Edit) -> bool:
    old = seg.text[edit.start:edit.end]
    if [c for c in old if c.isalnum()] == [c for c in edit.replacement if c.isalnum()]:
        return False    # spaces, marks, an apostrophe's glyph: no letter of a name changes
    for tok in _touched(seg, edit):
        if tok.is_word and tok.capitalised and not seg.is_sentence_initial(tok):
            return True
    return False


def _touched(seg: Segmentation, edit: Edit) -> list[Token]:
    """The tokens whose text the edit changes: those it overlaps, or the one an insertion
    falls strictly inside."""
    if edit.start == edit.end:
        tok = seg.token_at(edit.start)
        return [tok] if tok is not None and tok.start < edit.start else []
    out = []
    tok = seg.token_at(edit.start)
    if tok is not None and tok.end > edit.start:
        out.append(tok)
    out += [t for t in seg.tokens_between(edit.start, edit.end) if t not in out]
    last = seg.token_at(edit.end - 1)
    if last is not None and last not in out:
        out.append(last)
    return out
