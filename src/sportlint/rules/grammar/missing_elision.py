"""A feminine article not elided before an adjective with a vowel ("una altra", "la unica")."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.lexicon import Lexicon
from sportlint.rules.base import Context, Rule
from sportlint.rules.grammar._helpers import capitalise_like, next_word, plain_case, with_apostrophe
from sportlint.rules.grammar._tagging import confident

# The feminine singular forms that elide before a vowel -> their elided form.
_ELIDES = {"una": "un'", "la": "l'", "della": "dell'", "alla": "all'", "dalla": "dall'",
           "nella": "nell'", "sulla": "sull'"}
_VOWELS = "aeiouàèéìòó"


class MissingElision(Rule):
    """A feminine article not elided before an adjective ("una altra" -> "un'altra").

    What it catches:
    "una", "la" and the articulated prepositions "della", "alla", "dalla", "nella",
    "sulla" right before a lower-case adjective or determiner that starts with a vowel, is
    known to the lexicon only as feminine singular and is followed by a noun: "una altra
    occasione", "la unica rete", "sulla unica occasione". The tagger must read the article
    as an article.

    Stays silent on:
    Nouns: edited copy keeps the full article before a noun often enough ("una emergenza",
    "una ammenda", "nella interpretazione") that it is a choice, not a slip. Words that
    start with a semivowel i or u before another vowel ("la iena", "la uadi"), with h ("la
    hall"), capitalised words ("la Inter", "la Uefa": names and acronyms are
    read aloud as they are), words that may be something else ("la aiuta": a clitic and a
    verb), "la una" (the hour), and quoted speech.

    Why:
    Before an adjective, Italian elides the feminine article: "un'altra", "l'unica". "Una
    altra" is a slip; "la unica" reads as a half-revised sentence.

    Example:
        Ha avuto una altra occasione.
        -> Ha avuto un'altra occasione.

    Fix:
    The elided article joined to the word, with the house-style apostrophe.

    Fix safety:
    Unsafe (`--unsafe-fixes`): the elision is the rule in edited copy, but a writer may keep
    the full form on purpose.
    """

    id = "grammar.missing-elision"
    severity = Severity.WARNING
    skip_quoted = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        lex: Lexicon = ctx.resources.get("lexicon")
        seg = ctx.seg
        for tok in seg.words:
            elided = _ELIDES.get(tok.low)
            if elided is None or not plain_case(seg, tok):
                continue
            nxt = next_word(seg, tok)
            if nxt is None or nxt.capitalised or ctx.text[tok.end:nxt.start] != " ":
                continue
            word = nxt.low
            if word[:1] not in _VOWELS or (word[:1] in "iu" and word[1:2] in _VOWELS):
                continue
            after = next_word(seg, nxt)
            if not self.feminine_singular(lex, word) or after is None or \
                    not lex.has_pos(after.low, "NOUN") or \
                    not confident(ctx, tok, "DET", "ADP+DET"):
                continue
            fixed = capitalise_like(with_apostrophe(elided, ctx.style), tok.text) + nxt.text
            yield self.finding(
                tok.start, nxt.end,
                f"Davanti a un aggettivo che comincia per vocale «{tok.text}» si elide: "
            f"«{fixed}».", [fixed],
                fix=Applicability.UNSAFE)

    @staticmethod
    def feminine_singular(lex: Lexicon, word: str) -> bool:
        readings = lex.analyses(word)
        return any(a.pos in ("ADJ", "DET") for a in readings) and \
            all(a.pos in ("ADJ", "DET", "NOUN") and a.gender == "f" and a.number == "s"
                for a in readings)
