"""A rare spelling of a name that the article writes differently elsewhere."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.rules.names._mentions import analyse
from sportlint.rules.names._runs import document_variants


class NameConsistency(Rule):
    """Two spellings of one name in the same article, whatever their counts.

    What it catches:
    The rule collects the name mentions of the document: capitalised words mid-sentence, and
    at the start of a sentence or in a heading only those that are known names or no
    ordinary Italian word ("Carriera lunga e piena di successi, quella di Maldini" opens with
    the word *carriera*, not with a name). Two forms with the same first letter one edit
    apart (two for names of twelve letters or more; swapping two adjacent letters counts as
    one edit) are one name written two ways, even one against one and in names of four or
    five letters (Kaen/Kean, Pogab/Pogba, Lukakus/Lukaku, Osimhe/Osimhen):

    - when the gazetteer (or `names.accept`) knows one form, the other is flagged with the
      known one as suggestion;
    - otherwise the form written less often is flagged (once, or twice against three times
      or more), with the frequent form as suggestion; one against one, the later mention
      is flagged and the message shows both places ("«Tavmoli» (riga 2) e «Tamvoli» (riga
      1)"), with both forms as suggestions.

    Multi-word and hyphenated names are compared part by part: a run of names written once
    that differs in one part from another run of the article ("Red Bul Racing" beside "Red
    Bull Racing", "Paris Saint Germaine" beside "Paris Saint-Germain", "Simeone Inzaghi"
    beside "Simone Inzaghi") is flagged on that part.

    That includes a common word capitalised where the name fits: "dato che Carriera, il 7
    maggio" in an article that writes Carrera five times. Accent variants (Vlahovic in an
    article that writes Vlahović) are reported as a suggestion to unify the spelling, as
    are two forms each written more than once.

    Stays silent on:
    Two forms that are both known names (Conte and Conti, Simone and Simeone); forms that
    differ in their first letter; a final vowel (Rossi/Rosso, Milan/Milano) when the rare
    form is a word or a name anywhere; two forms each written twice; two words of the
    language, neither a known name, the frequent one ordinary and the rare one attested
    (the Caraibi and the Caribi, Ministero and Ministro); a form written with a letter
    Italian never uses that the other lacks (Elīna beside Elena); a pair the writer links
    or opposes on purpose in one sentence (*cosiddetto, detto, ovvero, in realtà, alias,
    noto come, anziché, invece di, e non*, or a bare *o* or slash between them: "Keira
    anziché Kiera"); a form in the newsroom's `names.accept` list; a rare form inside a longer name
    the frequent form never shares ("Andrea Conti" is not "Antonio Conte"). Hostile input
    (thousands of look-alike names) is searched in linear time: a group of more than eight
    look-alikes says nothing.

    Why:
    A name typed as an ordinary word, or with one letter off, is a real word or a plausible
    name, so spelling checks pass it; only the article's own usage shows the slip.

    Example:
        Massimo Carrera ... Carrera ... dato che Carriera, il 7 maggio
        -> Massimo Carrera ... Carrera ... dato che Carrera, il 7 maggio

    Fix:
    Replaces the flagged form with the known or the frequent one (one against one: the
    earlier one).

    Fix safety:
    Unsafe (`--unsafe-fixes`) when it turns a real word into a name (Carriera -> Carrera)
    or neither form is known; safe for a non-word with a single candidate that is a known
    name (Ispwich -> Ipswich); suggestion only for accent variants and for two forms each
    written more than once.
    """

    id = "names.consistency"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        an = analyse(ctx)
        for rv in document_variants(an):
            wrong = ctx.text[rv.start:rv.end]
            noted = ", il nome noto" if rv.known else ""
            count = "una volta" if rv.times == 1 else f"{rv.times} volte"
            line = an.line(rv.at) if rv.at is not None else "?"
            yield self.finding(
                rv.start, rv.end,
                f"«{rv.run.surface(ctx.text)}» sembra una variante di «{rv.right}»{noted}, "
                f"che il testo scrive {count} (riga {line}): controllare «{wrong}».",
                [rv.replacement], fix=Applicability.UNSAFE)
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
            if variant.tie and variant.other is not None:
                other_line = an.line(variant.other.token.start)
                yield self.finding(
                    tok.start, tok.end,
                    f"«{rare}» (riga {an.line(tok.start)}) e «{target}» (riga {other_line}): "
                    f"lo stesso nome scritto in due modi? Controllare quale grafia è giusta.",
                    [target, rare], fix=Applicability.UNSAFE)
                continue
            if variant.mild:
                yield self.finding(
                    tok.start, tok.end,
                    f"«{rare}» ({an.counts[rare]} volte) e «{target}» ({times} volte, {where}): "
                    f"se è lo stesso nome, uniformare la grafia.",
                    list(variant.targets), fix=Applicability.SUGGESTION,
                    severity=Severity.SUGGESTION)
                continue
            real_word = an.zipf(rare.lower()) > 0 or an.zipf(rare) > 0
            known = an.book.known_token(target)
            # safe only when the right form is a known name and the rare one a non-word
            safe = len(variant.targets) == 1 and not real_word and \
                not variant.mention.initial and known
            once = "una sola volta" if an.counts[rare] == 1 else f"{an.counts[rare]} volte"
            if times == 1 and known and variant.other is not None:
                said = f"«{target}» (riga {an.line(variant.other.token.start)}), il nome noto"
            else:
                said = f"«{target}», che il testo scrive {times} volte ({where})"
            yield self.finding(
                tok.start, tok.end,
                f"«{rare}» ({once}) sembra una variante di {said}: controllare il nome.",
                list(variant.targets),
                fix=Applicability.SAFE if safe else Applicability.UNSAFE)
