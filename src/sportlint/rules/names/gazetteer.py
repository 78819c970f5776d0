"""A misspelled known name: a club, player, coach, stadium or competition."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.gazetteer import KIND_LABELS, normalise
from sportlint.rules.base import Context, Option, Rule
from sportlint.rules.names._mentions import (
    Analysis,
    Mention,
    analyse,
    english_zipf,
    keeps_letters,
    max_edits,
    nearest_word_distance,
    slip_kind,
    spelling_variant,
    typo_like,
)
from sportlint.rules.names._runs import document_variants, known_variant, runs
from sportlint.util.wordmemo import WordMemo

#: Zipf frequency from which a known name is common enough to correct a non-word inside
#: a longer name whose other words the gazetteer does not know ("Mcihael Johnson").
COMMON_NAME = 3.0
#: Zipf frequency in English from which a token is an English word, not a slip.
ENGLISH_WORD = 3.0


class NameGazetteer(Rule):
    """A capitalised word that is no known name but one edit away from one ("Sampdroia").

    What it catches:
    Every name mention (see `names.consistency`) that is neither a known name (the
    gazetteer shipped in `data/generated/names/` and `data/curated/names/` plus the
    newsroom's `names.accept`) nor a common string (wordfreq Zipf 2 or more: an Italian
    word, or a name the web writes often) is compared with the gazetteer's name tokens with
    the same first letter: one edit away, or two for words of twelve letters or more, an
    adjacent swap counting as one ("Sparatk" -> Spartak, "Lewandowksi" -> Lewandowski).

    It is reported only when the known name explains the token better than anything else:
    the name is far more frequent in Italian text than the token (twice the margin when
    wordfreq knows the token at all); the edit looks like a slip of the keys (two letters
    swapped, a doubled letter, or any one edit in a long word or from a common name); no
    ordinary Italian word is closer (at the start of a sentence, where every word has a
    capital, an equally close word wins); at most two names are that close. Any one edit of
    a common Italian first name counts as a slip in a token text writes a thousand times
    less often ("Gioanni", "Ettoe"); not of a common foreign name (Maripan is no Marian). Inside a longer
    name ("Mirko Fersini") the longer name must become a known one ("Ispwich Town" ->
    "Ipswich Town"), or the token be a non-word next to a common name.

    A multi-word or hyphenated name the gazetteer does not know, whose other words are
    those of exactly one known name and whose odd word is one slip away from that name's
    word (first letter kept), is reported too: "Borussia Dortmound", "Paris Saint
    Germaine", "Stella Rosa" (a common word inside a club's name). A first name given to
    a surname that the gazetteer knows with a first name one slip away, among at most
    three people of that surname ("Simeone Inzaghi" for Simone Inzaghi), is a suggestion.

    Stays silent on:
    A token the article writes three times or more (then it is a name the gazetteer lacks:
    add it to `names.accept`, or learn it: `sportlint names learn`); spellings of one name
    (Tévez/Tevez, Nathalia/Natalia) and inflections (Kuznetsova/Kuznetsov), which are not
    typos; the regular adjective of a known place (Bergamaschi, Parmense, Cagliaritani);
    every comune, province and region of Italy, which the gazetteer knows; a name written
    with a letter Italian never uses (Elīna, Skujiņš: a macron, a cedilla, a caron) that the
    near known name lacks, which is the original spelling typed on purpose, not a slip.

    Why:
    A misspelt club or player name is the slip readers notice first, and no dictionary of
    common words knows the right form.

    Example:
        La Sampdroia ha vinto a Marassi.
        -> La Sampdoria ha vinto a Marassi.

    Fix:
    Replaces the token with the known name (the closest candidates are the suggestions).

    Fix safety:
    Safe with one candidate and a token no dictionary knows; otherwise unsafe
    (`--unsafe-fixes`).

    Options:
    `min_length` (default 5): shorter words are too ambiguous to correct; `min_gain`
    (default 1.0): how much more frequent (Zipf scale) the known name must be.
    """

    id = "names.gazetteer"
    severity = Severity.WARNING
    options: ClassVar[dict[str, Option]] = {
        "min_length": Option(5, "int", "shorter words are too ambiguous to correct"),
        "min_gain": Option(1.0, "float", "how much more frequent (Zipf scale) the known name must be")}

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(options)
        self._near: WordMemo[list[tuple[str, int]]] = WordMemo()

    def check(self, ctx: Context) -> Iterator[Finding]:
        an = analyse(ctx)
        flagged: set[int] = set()
        for m in an.mentions:
            if m.token.index in an.variants:
                continue   # names.consistency reports it, with the document's own form
            hit = self._candidates(an, m)
            if hit is None:
                continue
            flagged.add(m.token.index)
            cands, safe = hit
            word = m.form
            full = an.book.full_name(cands[0])
            known = f" ({KIND_LABELS.get(full[1], full[1])}: {full[0]})" if full else ""
            others = f"; oppure {', '.join(f'«{c}»' for c in cands[1:])}" if cands[1:] else ""
            yield self.finding(
                m.token.start, m.token.end,
                f"«{word}» non è un nome noto: forse «{cands[0]}»{known}{others}?",
                cands, fix=Applicability.SAFE if safe else Applicability.UNSAFE)
        yield from self._runs(ctx, an, flagged)

    def _runs(self, ctx: Context, an: Analysis, flagged: set[int]) -> Iterator[Finding]:
        """Multi-word names one part away from a known one ("Red Bul Racing")."""
        in_document = {m.token.index for rv in document_variants(an) for m in rv.run.mentions}
        for run in runs(an):
            indexes = {m.token.index for m in run.mentions}
            if indexes & (flagged | in_document | an.variants.keys()):
                continue
            rv = known_variant(an, run)
            if rv is None:
                continue
            name, wrong = run.surface(ctx.text), ctx.text[rv.start:rv.end]
            if rv.mild:
                yield self.finding(
                    rv.start, rv.end,
                    f"«{name}» non è un nome noto, «{rv.right}» sì: il nome «{wrong}» è "
                    f"quello giusto?", [rv.replacement], fix=Applicability.SUGGESTION,
                    severity=Severity.SUGGESTION)
                continue
            full = an.book.gazetteer.kind(rv.right)
            label = f" ({KIND_LABELS.get(full, full)})" if full else ""
            yield self.finding(
                rv.start, rv.end,
                f"«{name}» non è un nome noto: forse «{rv.right}»{label}?",
                [rv.replacement], fix=Applicability.UNSAFE)

    def _candidates(self, an: Analysis, m: Mention) -> tuple[list[str], bool] | None:
        word = normalise(m.form)   # the lists write straight apostrophes
        if len(word) < self.opts["min_length"] or word.isupper() or an.counts[m.form] >= 3:
            return None
        if an.book.known_token(word):
            return None
        own = max(an.zipf(word.lower()), an.zipf(word))
        if own >= 2.0:
            return None   # an Italian word, or a name wordfreq knows
        # the known names near a word depend only on the word, the gazetteer and the
        # newsroom's accepted names: kept across documents
        key = (word, frozenset(an.book.accepted_tokens))
        memo = self._near.table(an.book.gazetteer)
        near = memo.get(key)
        if near is None:
            near = memo[key] = [(tok, d) for tok, d in an.book.near(word, max_edits(word))
                                if not spelling_variant(tok, word)]
        if not near:
            return None
        best = near[0][1]
        top = [tok for tok, d in near if d == best]
        if len(top) > 2:
            return None
        if not any(keeps_letters(word, tok) for tok in top):
            return None   # Elīna, Skujiņš: a letter no Italian keyboard slips into a name
        gain = self.opts["min_gain"]

        if m.prev is not None or m.next is not None:
            # inside a longer name ("Mirko Fersini", "Puerto Madero") the whole name must be
            # a known one with the candidate in it ("Ispwich Town" -> "Ipswich Town"), or
            # the token a non-word and the candidate a common name ("Mcihael Johnson")
            strong = [tok for tok in top if self._known_run(an, m, tok) or
                      (own == 0 and typo_like(word, tok) and an.zipf(tok) >= COMMON_NAME) or
                      self._common(an, word, tok, own)]
        else:
            # a token wordfreq has seen is a real string somewhere: ask for more; a non-word
            # with two letters swapped or a doubled letter lost, or a long one, is a slip even
            # of a name wordfreq does not know (Koopmeniers, Kvaratskelia)
            def need(tok: str) -> float:
                if own > 0:
                    return 2 * gain
                strong_slip = slip_kind(word, tok) in ("swap", "double") and len(word) >= 6
                return 0 if strong_slip or len(word) >= 10 else gain

            strong = [tok for tok in top if (typo_like(word, tok) and
                      (an.zipf(tok) - own >= need(tok) or an.book.accepted(tok))) or
                      self._common(an, word, tok, own)]
        if not strong:
            return None
        word_dist = nearest_word_distance(word, best)
        if word_dist is not None and (word_dist < best or m.initial):
            return None   # an ordinary word (mis)spelled explains it as well
        if english_zipf(word) >= ENGLISH_WORD:
            return None   # an English word ("Hospital"), in a title or a quotation
        if an.book.gazetteer.place_derivation(word):
            return None   # a place's adjective ("Bergamaschi", "Parmense")
        strong.sort(key=lambda t: -an.zipf(t))
        safe = len(top) == 1 and best == 1 and own == 0 and not m.initial
        if "’" in m.form:   # keep the document's apostrophe
            strong = [t.replace("'", "’") for t in strong]
        return strong, safe

    @staticmethod
    def _common(an: Analysis, word: str, token: str, own: float) -> bool:
        """Any one edit of a common Italian first name (Gioanni, Ettoe) in a token of five
        letters or more that text writes a thousand times less often (Zipf 3 below): a
        slip. Not of a common foreign name: Maripan is no slip of Marian."""
        return len(word) >= 5 and token in an.book.gazetteer.first_names and \
            an.zipf(token) >= max(COMMON_NAME, own + 3)

    @staticmethod
    def _known_run(an: Analysis, m: Mention, token: str) -> bool:
        """"Ispwich Town" -> "Ipswich Town" is a known name: strong evidence."""
        if m.next is not None and an.book.is_known(f"{token} {m.next}"):
            return True
        return m.prev is not None and an.book.is_known(f"{m.prev} {token}")
