"""style.restated-word: the same noun said twice within a few words (spettatori ... spettatori)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from sportlint.findings import Finding, Severity
from sportlint.italian.lexicon import Lexicon
from sportlint.italian.numwords import number_word
from sportlint.rules.base import Context, Option, Rule
from sportlint.segment.segmenter import Segmentation
from sportlint.segment.tokens import Token

# Words between two mentions that make the second one deliberate: another one, the same,
# each one (un gol e poi un altro gol, la stessa squadra).
_CONTRAST = frozenset("altro altra altri altre stesso stessa stessi stesse ogni ciascun "
                      "ciascuna nuovo nuova nuovi nuove vero vera".split())
# A coordinating conjunction between makes the two parallel (il derby di oggi e il derby
# di ieri, sia in casa sia in trasferta).
_PARALLEL = frozenset("e ed o od né ma sia oppure contro".split())
# Before the second mention: a degree word makes it a predicate (i poveri siano più poveri).
_DEGREE = frozenset("più meno molto tanto così troppo assai sempre".split())
# Forms of "essere" between: "la vita non è vita" is a figure, not a slip.
_ESSERE = frozenset("è sono era erano fu furono sarà saranno sia siano fosse fossero "
                    "essere stato stata stati state".split())
# Nouns that are pronouns after these words: "che cosa" asks, it does not restate.
_PRONOUN_LEADS = {"cosa": ("che", "qualche", "qualsiasi", "ogni")}
# Parts of speech of function words: never a restated content word.
_FUNCTION = ("ART", "ARTPRE", "PRE", "PRO", "DET", "CON", "AUX")


class RestatedWord(Rule):
    """The same noun said twice within a few words: "gli spettatori presenti erano 30.000 spettatori".

    What it catches:
    A noun repeated in the same form within a few words of the same clause, with no
    punctuation between: the second mention restates what the sentence has already said.

    Stays silent on:
    Deliberate repetition: "passo dopo passo", "giorno per giorno", "gol su gol", "casa e
    casa" (one word between); repetition across a comma or other punctuation (anaphora,
    lists); "un gol e poi un altro gol", "la stessa squadra"; names (capitalised words);
    quoted speech; nouns of three letters or fewer; "che cosa" (a pronoun); a second mention
    that qualifies a noun ("i campi da tennis", "la scuola di calcio").

    Why:
    A restated noun is the commonest slip of hurried copy: the sentence was rewritten and
    half of the old version stayed.

    Example:
        Gli spettatori presenti erano 30.000 spettatori.
        -> Gli spettatori presenti erano 30.000.

    Fix:
    None: the finding points at the second mention; the editor decides which to cut.

    Fix safety:
    No fix: nothing is ever applied.

    Options:
    `window` sets how many words may stand between the two mentions.
    """

    id = "style.restated-word"
    severity = Severity.SUGGESTION
    skip_quoted = True
    options: ClassVar[dict[str, Option]] = {
        "window": Option(4, "int", "the most words between the two mentions",
                         check=lambda v: None if v >= 1 else "must be 1 or more"),
    }

    def check(self, ctx: Context) -> Iterator[Finding]:
        seg = ctx.seg
        window = int(self.opts["window"])
        lex: Lexicon = ctx.resources.get("lexicon")
        content: dict[str, bool] = {}       # form -> a noun that is no function word
        for sentence in seg.sentences:
            if sentence.heading:
                continue
            recent: list[tuple[int, Token]] = []   # word position, token
            position = 0
            for tok in seg.sentence_tokens(sentence):
                if tok.kind == "punct":
                    recent.clear()          # a comma, a stop, a dash, a quote: a new clause
                    continue
                if not tok.is_word and tok.kind != "number":
                    continue
                position += 1
                if not tok.is_word or tok.capitalised or len(tok.text) < 4 or tok.elided:
                    continue
                noun = content.get(tok.low)
                if noun is None:
                    noun = content[tok.low] = bool(lex.lemmas(tok.low, "NOUN")) and \
                        not lex.has_pos(tok.low, *_FUNCTION)
                if not noun:
                    continue
                for pos, earlier in recent:
                    between = position - pos - 1
                    if between < 2 or between > window or earlier.low != tok.low:
                        continue
                    if _deliberate(seg, lex, earlier, tok):
                        continue
                    yield self.finding(
                        tok.start, tok.end,
                        f"«{tok.text}» ripete «{earlier.text}» a poche parole di distanza: "
                        f"una delle due si può togliere.")
                    break
                recent.append((position, tok))


def _deliberate(seg: Segmentation, lex: Lexicon, first: Token, second: Token) -> bool:
    """Repetition that the sentence means: parallel, contrasting or predicative."""
    words = [t.low for t in seg.tokens[first.index + 1:second.index] if t.is_word]
    if _CONTRAST.intersection(words) or _PARALLEL.intersection(words):
        return True
    after = seg.next_token(second)
    if after is not None and after.low in _CONTRAST:
        return True                                 # l'affidamento stesso
    before1, before2 = seg.prev_token(first), seg.prev_token(second)
    if before2 is not None and before2.low in _PRONOUN_LEADS.get(second.low, ()):
        return True                                 # un'altra cosa ... che cosa volete
    if before2 is not None and before2.low in ("da", "di"):
        return True                                 # giocare a tennis ... i campi da tennis
    counted = _number(before2)
    if _ESSERE.intersection(words) and not counted:
        return True
    if before2 is not None and before2.low in _DEGREE:
        return True
    if before1 is not None and before2 is not None and before1.low == before2.low:
        return True                                 # di grande emergenza ... di grande valenza
    if counted and _number(before1):
        return True                                 # da 45 anni a 50 anni
    return _modifies(seg, lex, first) and _modifies(seg, lex, second)


_NUMBER_WORDS = frozenset(number_word(n) for n in range(2, 101)) | frozenset(
    number_word(n)[:-1] + "'" for n in range(20, 100, 10)) | {"mille", "mila"}


def _number(tok: Token | None) -> bool:
    return tok is not None and (tok.kind == "number" or tok.low in _NUMBER_WORDS)


def _modifies(seg: Segmentation, lex: Lexicon, tok: Token) -> bool:
    """Followed by a noun: the mention modifies it (il grande ragazzo, il grande uomo)."""
    nxt = seg.next_token(tok)
    return nxt is not None and nxt.is_word and not nxt.capitalised and \
        lex.has_pos(nxt.low, "NOUN") and not lex.has_pos(nxt.low, "VER", "CON", "PRE", "ADV", "ADJ")
