"""House style: small counts written in words ("un punto", not "1 punto")."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.numwords import gender, noun_after_one, number_word, one_before
from sportlint.italian.scores import score_spans, token_in_spans
from sportlint.italian.words import MONTHS
from sportlint.rules.base import Context, Rule
from sportlint.segment.segmenter import Segmentation
from sportlint.segment.tokens import Token
from sportlint.util import lazyregex

# Words after a number that make it a measure, a time or a date, not a count to spell out.
_MEASURES = frozenset("""
minuti minuto secondi secondo ore ora euro dollari sterline franchi km kg cm mm m g h min
sec mt metri chilometri chili grammi gradi litri per x milioni milione mila miliardi
""".split()) | frozenset(MONTHS)
# Words before a number that make it a label (jersey, match, page, channel) or a time.
_LABELS = frozenset("""
numero n nr num maglia maglie gara gare game set girone gruppo categoria pagina pag art
articolo comma capitolo canale formula serie turno giornata tappa fase round quarto livello
grado classe tipo modello versione quota ore alle dalle minuto al dal del nel sul
allo dallo dello nello sullo punto punti atto scena parte volume stagione episodio
""".split())
# Function words after a number: it is not a count of the next word.
_FUNCTION = frozenset("""
e ed o od di da in con su per tra fra a ad il lo la i gli le un uno una del della dei delle
degli al alla ai alle dal dalla dai che è ha hanno sono era erano non si ne ci vi come più
meno anche già mai
""".split())
_DIGITS = lazyregex.compile(r"[1-9]\d{0,2}")
_COLLECTIVE = frozenset("tutti tutte entrambi entrambe".split())


class NumbersInWords(Rule):
    """A small count written in digits where the house style wants words ("1 punto").

    What it catches:
    With the house style `style.numbers_in_words` (default 0 = off), counts up to that
    number written in digits. With 10, "soltanto 1 punto", "3 gare", "tutti e 4". Quoted
    speech is skipped.

    Stays silent on:
    Scores ("2-1", "2 a 1"), dates ("7 maggio"), times and minutes ("alle 5", "5 minuti"),
    measures and money ("5 km", "3 euro", "5 per cento"), labels ("maglia numero 5", "gara
    2", "Formula 1"), numbers in brackets or headlines, sentences that also count past the
    limit ("156 presenze in 5 anni": comparable numbers stay in digits), and table-like
    paragraphs.

    Why:
    Many house styles write small counts in words; digits there read as a note, not copy.

    Example:
    With `style: {numbers_in_words: 10}`:

        Ha segnato 3 gol in campionato.
        -> Ha segnato tre gol in campionato.

    Fix:
    Writes the number in words: "soltanto un punto", "tre gare", "tutti e quattro". For one,
    the article form follows the noun: "un punto", "uno stadio", "una rete", "un'occasione"
    (both forms are offered when the ending does not tell the gender).

    Fix safety:
    Suggestion only: whether a number is a count is the editor's call.
    """

    id = "style.numbers-in-words"
    severity = Severity.SUGGESTION
    skip_quoted = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        limit = ctx.style.get("numbers_in_words", 0)
        if not isinstance(limit, int) or limit <= 0:
            return
        limit = min(limit, 100)
        seg, text = ctx.seg, ctx.text
        scores = score_spans(seg)
        for sentence in seg.sentences:
            if sentence.heading or _tabular(seg, sentence.paragraph):
                continue
            tokens = seg.sentence_tokens(sentence)
            if any(_big_count(seg, t, limit) for t in tokens):
                continue
            for tok in tokens:
                if tok.kind != "number" or not _DIGITS.fullmatch(tok.text):
                    continue
                n = int(tok.text)
                if n > limit or token_in_spans(tok, scores) or _bracketed(seg, tok):
                    continue
                prev = seg.prev_token(tok)
                after = _words_after(seg, text, tok)
                if prev is not None and prev.text.lower() == "e" and after[:1] != ["e"] and \
                        _collective(seg, prev):
                    yield self._finding(tok, n, [], limit)   # tutti e 4
                    continue
                if not after or not _counts(seg, prev, after[0]):
                    continue
                yield self._finding(tok, n, after, limit)

    def _finding(self, tok: Token, n: int, after: list[str], limit: int) -> Finding:
        start, end = tok.start, tok.end
        if n == 1 and after:
            noun = noun_after_one(after) or after[0]
            forms = one_before(after[0], gender(noun) or gender(after[0]))
            if forms == ["un'"]:
                end = tok.end + 1   # "1 occasione" -> "un'occasione"
        else:
            forms = [number_word(n)]
        return self.finding(
            start, end,
            f"Stile della redazione: i numeri fino a {limit} si scrivono in lettere "
            f"(«{forms[0]}»).",
            forms, fix=Applicability.SUGGESTION)


def _words_after(seg: Segmentation, text: str, tok: Token) -> list[str]:
    """Up to two words straight after ``tok``, each after a single space."""
    out: list[str] = []
    t = tok
    for _ in range(2):
        nxt = seg.next_token(t)
        if nxt is None or not nxt.is_word or text[t.end:nxt.start] != " ":
            break
        out.append(nxt.text)
        t = nxt
    return out


def _counts(seg: Segmentation, prev: Token | None, word: str) -> bool:
    """True when the number before ``word`` counts it (a lower-case content word)."""
    low = word.lower()
    if not word.islower() or word.endswith(("'", "’")) or low in _MEASURES or low in _FUNCTION:
        return False
    if prev is None:
        return True
    p = prev.text.lower().rstrip(".")
    return not (p in _LABELS or (prev.capitalised and prev.is_word and not seg.is_sentence_initial(prev)) or
                (prev.kind != "word" and prev.text not in ",;"))


def _collective(seg: Segmentation, conj: Token) -> bool:
    before = seg.prev_token(conj)
    return before is not None and before.text.lower() in _COLLECTIVE


def _big_count(seg: Segmentation, tok: Token, limit: int) -> bool:
    """A number past the limit that is not a year or a day of a date."""
    if tok.kind != "number" or not tok.text.isdigit() or int(tok.text) <= limit:
        return False
    if 1800 <= int(tok.text) <= 2100:
        return False   # a year
    nxt = seg.next_token(tok)
    return not (nxt is not None and nxt.text.lower() in MONTHS)


def _bracketed(seg: Segmentation, tok: Token) -> bool:
    for t in reversed(seg.tokens[seg.sentences[tok.sentence].first_token:tok.index]):
        if t.text == ")":
            return False
        if t.text == "(":
            return True
    return False


def _tabular(seg: Segmentation, paragraph: int) -> bool:
    p = seg.paragraphs[paragraph]
    body = seg.doc.masked[p.start:p.end]
    if "|" in body or "\t" in body:
        return True
    toks = seg.tokens_between(p.start, p.end)
    numbers = sum(1 for t in toks if t.kind == "number")
    return len(toks) >= 6 and numbers * 3 > len(toks)
