"""names.lowercase: a known place or club written in lower case (francia, la germania)."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.frequencies import Vocabulary, foreign_zipf
from sportlint.italian.gazetteer import Gazetteer
from sportlint.italian.lexicon import Lexicon
from sportlint.rules.base import Context, Rule

_KINDS = ("place", "club")
# Only names common enough that the frequency list's word is mostly the name: a small
# town's name is often a rare common noun the lexicon lacks (Pineto, "nel pineto").
MIN_ZIPF = 3.0
# Characters that glue a word to a handle, a tag, a path or a file name (#roma, @inter).
_GLUE = "#@/._\\"


def _lowercased_name(word: str, right: str, gaz: Gazetteer, lex: Lexicon, vocab: Vocabulary) -> bool:
    if gaz.kind(right) not in _KINDS or lex.is_word(word):
        return False
    zipf = vocab.zipf(word)
    return zipf >= MIN_ZIPF and foreign_zipf(word) <= zipf


class Lowercase(Rule):
    """A known place or club written in lower case: "la nazionale di francia" -> "Francia".

    What it catches:
    A country, region, town or club of the gazetteer written all in lower case ("la
    germania", "a milano", "la juventus").

    Stays silent on:
    Lower-case forms that are Italian words (massa, sale, ala, prato, bari are words; Massa,
    Sale, Ala, Prato, Bari are places), demonyms and adjectives (francese, romanista,
    fiorentina: words of the lexicon), forms commoner in the languages sports copy borrows
    from than in Italian (como, nice, split, real), hashtags, handles and file names (#roma,
    @inter, roma.it), words of three letters or fewer, and names too rare in the frequency
    list to tell them from a rare common noun ("la pioggia nel pineto": Pineto is a town
    and a club, "pineto" a pine wood).

    Why:
    Names of places and clubs take a capital; the lower-case form is a slip that no spell
    checker sees, since the word is "known".

    Example:
        La nazionale di francia ha battuto la germania.
        -> La nazionale di Francia ha battuto la Germania.

    Fix:
    Writes the name with its capital, as the gazetteer has it.

    Fix safety:
    Safe: the lower-case form is no Italian word, and the capitalised one is a known name.
    (No options.)
    """

    id = "names.lowercase"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        gaz: Gazetteer | None = None
        lex: Lexicon | None = None
        vocab: Vocabulary | None = None
        text = ctx.text
        verdicts: dict[str, bool] = {}      # word -> a known name written in lower case
        for tok in ctx.seg.word_tokens:
            word = tok.text
            if len(word) < 4 or not word.isalpha() or not word.islower():
                continue
            before = text[tok.start - 1] if tok.start else " "
            after = text[tok.end:tok.end + 2]
            if before in _GLUE or (after[:1] in _GLUE and after[1:].isalnum()):
                continue
            right = word[0].upper() + word[1:]
            known = verdicts.get(word)
            if known is None:
                if gaz is None:
                    gaz = ctx.resources.get("gazetteer")
                    lex = ctx.resources.get("lexicon")
                    vocab = ctx.resources.get("vocabulary")
                assert lex is not None and vocab is not None
                known = verdicts[word] = _lowercased_name(word, right, gaz, lex, vocab)
            if not known:
                continue
            yield self.finding(tok.start, tok.end,
                               f"«{right}» è un nome proprio: si scrive con la maiuscola.",
                               [right], fix=Applicability.SAFE)
