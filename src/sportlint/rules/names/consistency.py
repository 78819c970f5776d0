"""A rare spelling of a name that the article writes differently elsewhere."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.rules.names._mentions import analyse


class NameConsistency(Rule):
    """A name written once or twice in a form close to the one the article uses more often.

    What it catches:
    The rule collects the name mentions of the document: capitalised words mid-sentence, and
    at the start of a sentence or in a heading only those that are known names or no
    ordinary Italian word ("Carriera lunga e piena di successi, quella di Maldini" opens with
    the word *carriera*, not with a name). A form used at most twice that is a near variant
    of a form used more often (same first letter, one edit, two for names of twelve letters
    or more; swapping two adjacent letters counts as one edit) is flagged, with the frequent
    form as suggestion. That includes a common word capitalised where the name fits: "dato
    che Carriera, il 7 maggio" in an article that writes Carrera five times.

    Accent variants (Vlahovic in an article that writes Vlahović) are reported as a
    suggestion to unify the spelling.

    Stays silent on:
    A rare form that is itself a known name (Conti next to Conte, Simeone next to Simone),
    that differs only in a final vowel (Conte/Conti, Milan/Milano), that is in the
    newsroom's `names.accept` list, or that stands inside a longer name the frequent form
    never shares ("Andrea Conti" is not "Antonio Conte").

    Why:
    A name typed as an ordinary word, or with one letter off, is a real word or a plausible
    name, so spelling checks pass it; only the article's own usage shows the slip.

    Example:
        Massimo Carrera ... Carrera ... dato che Carriera, il 7 maggio
        -> Massimo Carrera ... Carrera ... dato che Carrera, il 7 maggio

    Fix:
    Replaces the rare form with the article's frequent one.

    Fix safety:
    Unsafe (`--unsafe-fixes`) when it turns a real word into a name (Carriera -> Carrera);
    safe for a non-word with a single candidate that is a known name (Ispwich -> Ipswich);
    suggestion only for accent variants.
    """

    id = "names.consistency"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        an = analyse(ctx)
        for variant in an.variants.values():
            tok = variant.mention.token
            rare = tok.text
            target = variant.targets[0]
            where = an.where(target)
            times = an.counts[target]
            if variant.accent_only:
                yield self.finding(
                    tok.start, tok.end,
                    f"«{rare}» è scritto «{target}» altrove nel testo ({times} volte, "
                    f"{where}): uniformare la grafia.",
                    list(variant.targets), fix=Applicability.SUGGESTION,
                    severity=Severity.SUGGESTION)
                continue
            real_word = an.zipf(rare.lower()) > 0 or an.zipf(rare) > 0
            # safe only when the document's form is a known name and the rare one a non-word
            safe = len(variant.targets) == 1 and not real_word and \
                not variant.mention.initial and an.book.known_token(target)
            once = "una sola volta" if an.counts[rare] == 1 else f"{an.counts[rare]} volte"
            yield self.finding(
                tok.start, tok.end,
                f"«{rare}» ({once}) sembra una variante di «{target}», che il testo scrive "
                f"{times} volte ({where}): controllare il nome.",
                list(variant.targets),
                fix=Applicability.SAFE if safe else Applicability.UNSAFE)
