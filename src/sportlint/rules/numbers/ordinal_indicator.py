"""numbers.ordinal-indicator: an ordinal written with a plain letter (3a, 12o) or a caret (3^)."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.numwords import gender
from sportlint.rules.base import Context, Rule
from sportlint.rules.numbers._context import char_after, char_before, glued_after, words_before

# A number after these is an address, a code or a label, where "3a" is "3/a" (via Roma 3a,
# classe 3a, l'articolo 12o comma?): never an ordinal to rewrite.
LABELS = frozenset("""
via viale corso piazza piazzale largo vicolo strada località loc civico numero n nr num int
interno scala piano classe sezione sez aula pagina pag tabella tab figura fig art articolo
comma lettera allegato modello mod tipo versione serie codice cod lotto box stand padiglione
gate binario linea
""".split())


class OrdinalIndicator(Rule):
    """An ordinal number written with a plain letter or a caret: "3a" -> "3ª", "12o" -> "12º".

    What it catches:
    The ordinal indicator typed as an ordinary letter glued to the digits ("arrivata 3a",
    "il Torino 12o", "la 2a giornata") or as a caret ("la 3^ giornata"). Italian writes the
    raised indicator: ª for the feminine, º for the masculine (or the degree sign °, as the
    house style says: `style.ordinal`).

    Stays silent on:
    Numbers in addresses, codes and labels ("via Roma 3a", "classe 3a", "pagina 12o"), a
    letter that starts a word or a score ("2a1"), and a caret whose noun's gender is unknown.

    Why:
    "3a" reads as a code or a house number; the raised indicator is the Italian notation of
    the ordinal (Treccani, the style books of the dailies).

    Example:
        La Juve è arrivata 3a, il Torino 12o.
        -> La Juve è arrivata 3ª, il Torino 12º.

    Fix:
    Writes ª for "a", the house style's º or ° for "o", and for a caret the indicator of the
    next noun's gender.

    Fix safety:
    Safe: the letter was the indicator, only its form changes. (No options: the masculine
    indicator is the house style's `style.ordinal`.)
    """

    id = "numbers.ordinal-indicator"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        seg = ctx.seg
        masculine = str(ctx.style.get("ordinal", "º"))
        for tok in seg.tokens:
            if tok.kind != "number" or not tok.text.isdigit() or len(tok.text) > 3:
                continue
            before = char_before(seg, tok)
            if before.isalnum() or before in "/-.,":
                continue
            mark = glued_after(seg, tok)
            if mark is None or mark.text not in ("a", "o", "^"):
                continue
            after = char_after(seg, mark.end)
            if after.isalnum() or after in "/-":
                continue
            if LABELS.intersection(words_before(seg, tok, 3)):
                continue
            if mark.text == "^":
                noun = seg.next_token(mark)
                g = gender(noun.text) if noun is not None and noun.is_word else None
                if g is None:
                    continue
                right = "ª" if g == "f" else masculine
            else:
                right = "ª" if mark.text == "a" else masculine
            yield self.finding(
                tok.start, mark.end,
                f"L'ordinale si scrive con l'indicatore: «{tok.text}{right}», non «{tok.text}{mark.text}».",
                [tok.text + right], fix=Applicability.SAFE)
