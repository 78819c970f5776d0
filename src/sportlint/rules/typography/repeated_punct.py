"""Punctuation typed twice (",," "!!" "..") or four dots for an ellipsis."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.segment.tokens import Token
from sportlint.util import lazyregex

_RUN = lazyregex.compile(r"[,;:!?.…]{2,}")
# Runs that are right: an ellipsis, ?! and !?, an ellipsis before or after ? or !
_FINE = lazyregex.compile(r"\.\.\.|…|[?!]?(?:\?!|!\?)|(?:\.\.\.|…)[?!,;:]|[?!](?:\.\.\.|…)")


def _inside_a_token(text: str, start: int, end: int) -> bool:
    """The run is glued to a letter, a digit or a slash on both sides ("rc?.d"), or is two
    dots before a slash ("../"): part of a path, a file pattern or an address."""
    before, after = text[start - 1:start], text[end:end + 1]
    if not set(text[start:end]) <= {".", "?"}:
        return False        # "vinto,,poi": a doubled comma is a slip, spaces or not
    if text[start:end] == ".." and after == "/":
        return True
    return bool(before) and bool(after) and (before.isalnum() or before == "/") and \
        (after.isalnum() or after == "/")


def _abbreviation_like(ctx: Context, word: Token | None, dot: int) -> bool:
    """A word glued to the dot that is short and no word of the lexicon: an abbreviation
    the shipped list lacks ("Mist." misto, "Sq." squadra). "vinto.:" is a slip."""
    if word is None or not word.is_word or word.end != dot or len(word.text) > 5:
        return False
    return not ctx.resources.get("lexicon").is_word(word.low)


class RepeatedPunctuation(Rule):
    """Punctuation typed twice (",," ";;" "!!" "??" ".."), or four dots for an ellipsis.

    What it catches:
    A doubled comma or full stop (a typing slip), "!!" and "??" (out of place in news copy),
    four or more dots. An abbreviation that ends a sentence takes one dot only ("ecc.." ->
    "ecc.").

    Stays silent on:
    An ellipsis ("..." or "…"), "?!" and an ellipsis next to ? or !, and an abbreviation's
    dot before a comma, semicolon or colon ("ecc.,", "ecc.;", "Sig.,", "Dir.: Rossi", the
    line-up's "All.: Gasperini"): the abbreviations of the shipped list
    (data/curated/abbreviations/abbreviations.txt, which the segmenter reads), and a short
    word the lexicon does not know ("Mist.:", "Sq.,"). Marks inside a path or a file
    pattern, glued to letters on both sides or two dots before a slash ("../file.deb",
    "/etc/rc?.d").

    Why:
    Doubled marks are typing slips or an exclamation out of place in news copy.

    Example:
        Ha vinto,, poi ha perso!!
        -> Ha vinto, poi ha perso!

    Fix:
    A doubled mark becomes one; four or more dots become an ellipsis; ".." becomes "." or
    "..." ("." first); two different marks (",.") get no fix.

    Fix safety:
    Safe for a doubled mark and for four or more dots; unsafe (`--unsafe-fixes`) for "..";
    no fix for two different marks.
    """

    id = "typography.repeated-punct"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        seg = ctx.seg
        ellipsis = str(ctx.style.get("ellipsis", "..."))
        for m in _RUN.finditer(ctx.doc.masked):
            start, run = m.start(), m.group()
            if _inside_a_token(ctx.doc.masked, start, m.end()):
                continue    # a path or a pattern, not prose: ../pacchetto.deb, /etc/rc?.d
            tok = seg.token_at(start)
            if (tok is None or tok.kind == "punct") and run[:1] == "." and run[1] in ",;:" and \
                    _abbreviation_like(ctx, seg.token_at(start - 1), start):
                continue    # "Mist.:", "Sost.,": a dot after a short non-word abbreviates it
            if tok is not None and tok.kind == "abbr" and tok.end == start + 1:
                # the abbreviation's own dot: "ecc.," is fine, "ecc.." takes one dot
                start, run = start + 1, run[1:]
                if run == ".":
                    yield self.finding(start, start + 1, "Dopo un'abbreviazione basta un punto.",
                                       [""], fix=Applicability.SAFE)
                    continue
            if len(run) < 2 or _FINE.fullmatch(run):
                continue
            end = start + len(run)
            message = f"Punteggiatura ripetuta: «{run}»."
            if set(run) <= {".", "…"} and len(run.replace("…", "...")) > 3:
                yield self.finding(start, end, "Puntini di sospensione: sono tre, non di più.",
                                   [ellipsis], fix=Applicability.SAFE)
            elif run == "..":
                yield self.finding(start, end, message, [".", ellipsis], fix=Applicability.UNSAFE)
            elif len(set(run)) == 1:
                yield self.finding(start, end, message, [run[0]], fix=Applicability.SAFE)
            else:
                yield self.finding(start, end, message + " Tieni un solo segno.")
