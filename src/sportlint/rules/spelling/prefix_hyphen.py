"""spelling.prefix-hyphen: a prefix written with a hyphen (ex-presidente, extra-comunitario)."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.lexicon import Lexicon
from sportlint.rules.base import Context, Rule

# Prefixes that Italian writes joined to a common word (extracomunitario, antisportivo,
# precampionato, semifinale, ultrarapido, ipertecnologico, neopromosso ...).
JOINED = ("extra", "anti", "pre", "post", "super", "ultra", "iper", "mini", "maxi", "multi",
          "semi", "neo", "contro", "sovra", "stra", "infra", "intra", "pluri", "mega", "micro")


class PrefixHyphen(Rule):
    """A prefix written with a hyphen: "ex-presidente" -> "ex presidente", "anti-sportivo" -> "antisportivo".

    What it catches:
    - "ex" joined to the next word by a hyphen ("l'ex-presidente", "l'ex-Juve"): Italian
      writes it apart, with a space and no hyphen;
    - a prefix such as extra-, anti-, pre-, post-, super-, ultra-, iper-, semi- written with
      a hyphen before a common word when the joined form is an Italian word
      ("extra-comunitario", "anti-sportivo", "ultra-rapido").

    Stays silent on:
    "ex" as a noun ("la sua ex"), a prefix before a name ("anti-Juve", "post-Mourinho"), and
    a hyphenated form whose joined form the lexicon does not know ("anti-infortunio",
    "pre-partita"), where the hyphen is a choice.

    Why:
    The Accademia della Crusca and the style books of the dailies write "ex" apart and the
    other prefixes joined; the hyphen belongs only where the prefix meets a name or would
    make a word hard to read.

    Example:
        L'ex-presidente ha parlato di un gesto anti-sportivo.
        -> L'ex presidente ha parlato di un gesto antisportivo.

    Fix:
    A space for the hyphen after "ex"; the joined word after the other prefixes.

    Fix safety:
    Safe: "ex" is always written apart, and a joined form is offered only when the lexicon
    knows it. The hyphen after "ex" is common in copy and only discouraged by the
    dictionaries, so that finding is a suggestion; the others are warnings. (No options.)
    """

    id = "spelling.prefix-hyphen"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        lex: Lexicon | None = None
        for tok in ctx.seg.word_tokens:
            text = tok.text
            if "-" not in text:
                continue
            head, _, rest = text.partition("-")
            low = head.lower()
            if not rest or "-" in rest or not head.isalpha() or not head[:1].isalpha():
                continue
            if low == "ex":
                right = f"{head} {rest}"
                yield self.finding(tok.start, tok.end,
                                   f"«ex» si scrive staccato e senza trattino: «{right}».",
                                   [right], fix=Applicability.SAFE, severity=Severity.SUGGESTION)
                continue
            if low not in JOINED or not rest.islower() or not (head.islower() or head.istitle()):
                continue
            if lex is None:
                lex = ctx.resources.get("lexicon")
            joined = head + rest
            if not lex.is_word(joined.lower()):
                continue
            yield self.finding(tok.start, tok.end,
                               f"Il prefisso «{low}-» si scrive attaccato: «{joined}».",
                               [joined], fix=Applicability.SAFE)
