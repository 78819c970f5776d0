"""An article and its noun disagree in number ("le parete", "il giocatori")."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.determiners import AGREEMENT_FORMS, article_for
from sportlint.italian.lexicon import Lexicon
from sportlint.rules.base import Context, Rule
from sportlint.rules.grammar._helpers import (
    article_noun_pairs,
    plural_fits,
    suffix_gender,
    with_apostrophe,
)

# Also clitic pronouns, or too often part of a name: never judged.
_SKIP = frozenset("lo gli uno la le".split())
#: Zipf frequency by which a loanword's Italian plural is rarer than its singular
LOAN_GAP = 0.8


def loanword(zipf: Callable[[str], float], singular: str, plural: str) -> bool:
    """A singular that is an English word at least as common in English text as in Italian,
    whose Italian plural is much rarer than it (cameo/camei, rodeo/rodei, trio/trii): Italian
    writes such loanwords invariable ("dei cameo", "i trio"), not as a slip. Not "idea" or
    "area", whose plurals (idee, aree) are as common as the singular."""
    from sportlint.italian.frequencies import english_zipf

    it = zipf(singular)
    return english_zipf(singular) >= max(it, 3.0) and zipf(plural) <= it - LOAN_GAP


class ArticleNumber(Rule):
    """An article and its noun disagree in number ("le parete" -> "le pareti").

    What it catches:
    An article or articulated preposition that does not agree in number with its noun ("le
    pareti", "il giocatore", "delle informazioni" are right). The rule checks a lower-case
    word the lexicon knows only as a noun (possibly also an adjective or participle, never a
    finite verb) in the other number, of the article's gender (confirmed by the noun's
    ending), with one form in the article's number.

    Stays silent on:
    Invariable nouns ("città", "gol") never qualify, nor a loanword written invariable in
    the plural: a singular as common in English as in Italian whose Italian plural is much
    rarer ("dei cameo", "i trio"; "delle area" is still a slip).

    Why:
    A number mismatch between article and noun is a typing slip or a half-revised phrase.

    Example:
        Ha parlato delle condizione del campo.
        -> Ha parlato delle condizioni del campo.

    Fix:
    Two corrections are possible (change the noun, or the article): both are offered, the
    noun first ("delle condizioni", "della condizione").

    Fix safety:
    Suggestion only: with two corrections, nothing is applied automatically.
    """

    id = "grammar.article-number"
    severity = Severity.WARNING
    skip_quoted = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        lex: Lexicon = ctx.resources.get("lexicon")
        seg = ctx.seg
        for tok, nxt, (family, gender, number) in article_noun_pairs(seg, AGREEMENT_FORMS, _SKIP):
            head = tok.low
            if family == "un" or any(a.pos == "VER" for a in lex.analyses(head)):
                continue  # "un" has no plural; "dai" is also a verb ("mi dai fastidio")
            word = nxt.low
            if head == "ai" and seg.is_sentence_initial(tok) and \
                    any(a.mood == "part" for a in lex.analyses(word)):
                continue  # "Ai fatto i compiti?" is "Hai fatto": grammar.avere-h
            other = self.other_number(lex, word, gender, number)
            if other is None:
                continue
            if number == "p" and loanword(ctx.resources.get("vocabulary").zipf, word, other):
                continue  # "dei cameo": a loanword used as an invariable plural
            article = article_for(family, gender, "p" if number == "s" else "s", word)
            article = with_apostrophe(article, ctx.style)
            glue = "" if article[-1:] in "'’" else " "
            whole = ctx.text[tok.start:nxt.end]
            noun_fix = ctx.text[tok.start:nxt.start] + other
            article_fix = (article[:1].upper() + article[1:] if tok.text[:1].isupper()
                           else article) + glue + nxt.text
            yield self.finding(
                tok.start, nxt.end,
                f"«{whole}»: articolo e nome non concordano nel numero "
                f"(«{noun_fix}» o «{article_fix}»).",
                [noun_fix, article_fix], fix=Applicability.SUGGESTION)

    @staticmethod
    def other_number(lex: Lexicon, word: str, gender: str, number: str) -> str | None:
        """The noun in the article's number, when the word is only in the other one."""
        if word[-1:] not in "aeiou":
            return None
        readings = lex.analyses(word)
        nouns = [a for a in readings if a.pos == "NOUN"]
        if not nouns or any(a.pos not in ("NOUN", "ADJ", "VER") or a.finite for a in readings):
            return None
        if any(a.number == number or a.gender != gender for a in readings if not a.finite
               and a.pos != "VER"):
            return None
        if any(suffix_gender(a.lemma) != gender for a in nouns):
            return None
        forms = {f for a in nouns for f in lex.forms(a.lemma, "NOUN", number=number)}
        forms.discard(word)
        if len(forms) != 1:
            return None
        form = forms.pop()
        plural = form if number == "p" else word
        if not all(plural_fits(a.lemma, plural, gender) for a in nouns):
            return None
        return form
