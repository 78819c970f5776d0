"""typography.mixed-script: a Cyrillic or Greek look-alike letter inside a Latin word."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.rules.base import Context, Rule

# Letters of other scripts drawn like a Latin letter (the homoglyphs that copy pasted from
# a Cyrillic keyboard layout or a PDF brings in), and the Latin letter each stands for.
LOOKALIKES = dict(zip(
    "аеорсухіјѕԁԛԝАВЕКМНОРСТХІЈЅУ"      # Cyrillic
    "οαικνρυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",           # Greek
    "aeopcyxijsdqwABEKMHOPCTXIJSY"
    "oaikvpuxABEZHIKMNOPTYX", strict=True))


def _script(ch: str) -> str:
    """LATIN, CYRILLIC, GREEK ... for a letter (the first word of its Unicode name)."""
    try:
        return unicodedata.name(ch).split(" ", 1)[0]
    except ValueError:
        return ""


class MixedScript(Rule):
    """A Cyrillic or Greek letter that looks Latin inside an Italian word ("Nаpoli" with a Cyrillic а).

    What it catches:
    A word written in Latin letters with one or more letters of another script that look
    the same: the Cyrillic а, е, о, р, с, х, і or the Greek ο, ν, ρ. They come in with text
    pasted from PDFs, Cyrillic keyboard layouts or automatic transliteration, are invisible
    on screen, and break search, spell checking and the names of players and clubs.

    Stays silent on:
    Words written wholly, or mostly, in another script (Спартак, Ολυμπιακός); letters of other
    scripts that look like no Latin letter.

    Why:
    A reader never sees the difference, but a search for "Napoli" does not find "Nаpoli",
    and neither does any other tool downstream.

    Example:
        Il Nаpoli ha vinto.
        -> Il Napoli ha vinto.

    Fix:
    Writes the Latin letter each look-alike stands for.

    Fix safety:
    Safe: the look-alike is replaced by the one Latin letter drawn the same; nothing else in
    the word changes. (No options.)
    """

    id = "typography.mixed-script"
    severity = Severity.ERROR

    def check(self, ctx: Context) -> Iterator[Finding]:
        for tok in ctx.seg.word_tokens:
            text = tok.text
            if text.isascii():
                continue
            latin = foreign = 0
            for ch in text:
                if not ch.isalpha():
                    continue
                if _script(ch) == "LATIN":
                    latin += 1
                else:
                    foreign += 1
            if not foreign or latin <= foreign:
                continue
            odd = [ch for ch in text if ch.isalpha() and _script(ch) not in ("LATIN", "")]
            if not all(ch in LOOKALIKES for ch in odd):
                continue
            right = "".join(LOOKALIKES.get(ch, ch) for ch in text)
            names = ", ".join(sorted({f"«{ch}» ({_script(ch).lower()})" for ch in odd}))
            yield self.finding(
                tok.start, tok.end,
                f"«{text}» contiene lettere di un altro alfabeto ({names}) che sembrano "
                f"latine: scrivi «{right}».", [right], fix=Applicability.SAFE)
