"""style.title-case: a title of a work in English-style title case («Il Giardino Dei Ciliegi»)."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Edit, Finding, Severity
from sportlint.italian.gazetteer import Gazetteer
from sportlint.italian.lexicon import Lexicon
from sportlint.italian.words import ARTICLES, ARTICULATED, DI_ARTICLES, PREPOSITIONS
from sportlint.rules.base import Context, Rule

# Words that Italian never capitalises inside a title; one of them with a capital after the
# first word is what tells English-style title case from a name (Lega Nazionale Dilettanti).
FUNCTION = ARTICLES | ARTICULATED | DI_ARTICLES | PREPOSITIONS | frozenset(
    "e ed o od ma che non col coi".split())


class TitleCase(Rule):
    """A title in quotation marks with every word capitalised: «Il Giardino Dei Ciliegi».

    What it catches:
    The title of a book, film, song or programme, in quotation marks, written in English
    title case: every word with a capital, the articles and prepositions too («Il Nome
    Della Rosa», «Tre Uomini E Una Gamba»). Italian capitalises only the first word of a
    title (and the names in it).

    Stays silent on:
    Titles that capitalise no article, preposition or conjunction after the first word (a
    name such as «Lega Nazionale Dilettanti», «La Grande Bellezza»); titles of fewer than
    three words; titles in another language («The Last Dance»: words the lexicon lacks).

    Why:
    Title case is an English convention; the Italian style books keep one capital, as
    catalogues and the dailies write «Il nome della rosa». A house style that keeps the
    capitals turns the rule off (it is off by default).

    Example:
        Ha letto «Il Giardino Dei Ciliegi» in ritiro.
        -> Ha letto «Il giardino dei ciliegi» in ritiro.

    Fix:
    Writes in lower case every word after the first that is an Italian word and no name of
    the gazetteer (places and clubs keep their capital: «Viaggio in Italia»).

    Fix safety:
    Unsafe: a capital may belong to a name the gazetteer does not know. Off by default:
    turn it on with `enable: [style.title-case]` where the house style wants one capital.
    (No options.)
    """

    id = "style.title-case"
    severity = Severity.SUGGESTION
    default_enabled = False

    def check(self, ctx: Context) -> Iterator[Finding]:
        seg = ctx.seg
        lex: Lexicon = ctx.resources.get("lexicon")
        gaz: Gazetteer = ctx.resources.get("gazetteer")
        for quote in seg.quotes:
            if not quote.matched or quote.open is None or quote.close is None:
                continue
            words = [t for t in seg.tokens_between(quote.open + 1, quote.close) if t.is_word]
            if not 3 <= len(words) <= 10 or len(words) != len(
                    [t for t in seg.tokens_between(quote.open + 1, quote.close)
                     if t.is_word or t.text in ",'’"]):
                continue            # a sentence with punctuation is speech, not a title
            if not all(t.capitalised for t in words):
                continue
            later = words[1:]
            if not any(t.low.rstrip("'’") in FUNCTION or t.low in FUNCTION for t in later):
                continue
            if not all(lex.is_word(t.low) or t.low in FUNCTION or gaz.has_token(t.text)
                       for t in words):
                continue            # another language
            edits = [Edit(t.start, t.start + 1, t.text[0].lower()) for t in later
                     if gaz.kind(t.text) is None and not t.text[1:2].isupper()
                     and (lex.is_word(t.low) or t.low in FUNCTION)]
            if not edits:
                continue
            start, end = quote.open + 1, quote.close
            right = list(ctx.text[start:end])
            for e in edits:
                right[e.start - start] = e.replacement
            fixed = "".join(right)
            yield self.finding(start, end,
                               f"Nei titoli l'italiano usa la maiuscola solo per la prima parola "
                               f"e per i nomi: «{fixed}».", [fixed],
                               fix=Applicability.UNSAFE, edits=edits)
