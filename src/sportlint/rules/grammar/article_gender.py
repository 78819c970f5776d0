"""An article of the wrong gender before a noun ("il partita", "la campo")."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.determiners import AGREEMENT_FORMS, article_for, initial_class
from sportlint.italian.lexicon import Lexicon
from sportlint.rules.base import Context, Rule
from sportlint.rules.grammar._helpers import (
    article_noun_pairs,
    capitalise_like,
    plural_fits,
    suffix_gender,
    with_apostrophe,
)

# Also clitic pronouns ("la porta a casa"): only before a word with no verb reading.
_PRONOUNS = frozenset("la le".split())
# Pronouns too often to judge ("lo siringa" with a verb the lexicon lacks, "uno faccia").
_SKIP = frozenset("lo gli uno".split())
_NOUN_VERB_ADJ = frozenset({"NOUN", "VER", "ADJ"})


class ArticleGender(Rule):
    """An article of the wrong gender before a noun ("il partita" -> "la partita").

    What it catches:
    An article or articulated preposition whose gender is not the noun's: the article and
    the articulated preposition agree with the noun in gender ("la partita", "il campo",
    "della squadra", "dei gol"). The rule checks a lower-case noun that the lexicon knows
    only as a noun of one gender (or a participle of that gender: no finite verb reading,
    "il taglia e incolla"; after "la" and "le", also pronouns, no verb reading at all: "la
    porta a casa") and whose ending confirms that gender (-zione, -tà, -a are feminine; -o,
    -ore, -mento masculine).

    Stays silent on:
    A plural article before a singular noun of the other gender: "i granata", "dei viola"
    (a team by its colours, invariable), "ai ragione" ("hai", grammar.avere-h's).
    Words whose gender the ending does not tell ("fine", "capitale", "tema", "atleta",
    "radio") are never flagged, nor invariable nouns (one form for singular and plural),
    whose ending tells no gender either: clippings take the gender of the word they clip
    ("la metro", the metropolitana, beside "il metro"). Meanings that change with the
    gender stay safe; a plural
    must end as its gender's plurals do (-i, -e), so "le dita", "le uova", "le braccia" are
    right.

    Why:
    A wrong gender is a slip of a half-revised sentence (the noun changed, the article not).

    When a singular article differs from a plural noun in gender as well ("nel porte", "al
    squadre"), the article takes the noun's gender and number ("nelle porte").

    Example:
        Ha perso il partita di ieri.
        -> Ha perso la partita di ieri.

    Fix:
    Replaces the article with the one of the noun's gender.

    Fix safety:
    Safe: the article alone changes. When it differs in number too, unsafe
    (`--unsafe-fixes`): the noun's number may be the slip ("sul reti" may be "sulla rete").
    """

    id = "grammar.article-gender"
    severity = Severity.ERROR
    skip_quoted = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        lex: Lexicon = ctx.resources.get("lexicon")
        seg = ctx.seg
        for tok, nxt, (family, gender, number) in article_noun_pairs(seg, AGREEMENT_FORMS, _SKIP):
            head = tok.low
            word = nxt.low
            pos = lex.parts_of_speech(word)
            if len(word) < 4 or "NOUN" not in pos or not pos <= _NOUN_VERB_ADJ:
                continue    # the test below on the readings, before they are read
            readings = lex.analyses(word)
            nouns = [a for a in readings if a.pos == "NOUN"]
            if not nouns or len(word) < 4 or any(a.pos not in ("NOUN", "VER", "ADJ")
                                                 for a in readings):
                continue  # short words change gender with meaning: "il via", "la via"
            if any(a.finite for a in readings) or \
                    (head in _PRONOUNS and any(a.pos == "VER" for a in readings)):
                continue  # "il taglia e incolla", "la porta a casa"
            if head == "un" and initial_class(word) == 2:
                continue  # "un amica": grammar.elision
            if {a.number for a in nouns} == {"s", "p"}:
                continue  # invariable, its ending tells no gender: clippings, "la metro"
            genders = {a.gender for a in readings if a.pos != "VER" or a.mood == "part"}
            numbers = {a.number for a in nouns}
            if len(genders) != 1 or len(numbers) != 1:
                continue
            right_gender = genders.pop()
            right_number = numbers.pop()    # the article's, or (both wrong) the noun's
            if number == "p" and right_number == "s":
                continue    # "dei granata", "i viola": a team's colours; "ai" for "hai"
            if right_number == "p" and \
                    not all(plural_fits(a.lemma, word, right_gender) for a in nouns):
                continue
            if right_gender == gender or \
                    any(suffix_gender(a.lemma) != right_gender for a in nouns):
                continue
            right = capitalise_like(article_for(family, right_gender, right_number, word),
                                    tok.text)
            right = with_apostrophe(right, ctx.style)
            glue = "" if right[-1:] in "'’" else " "
            both = right_number != number
            what = "femminile" if right_gender == "f" else "maschile"
            if both:
                what += " plurale" if right_number == "p" else " singolare"
            yield self.finding(
                tok.start, nxt.start, f"«{nxt.text}» è {what}: «{right}{glue}{nxt.text}».",
                [right + glue], fix=Applicability.UNSAFE if both else Applicability.SAFE)
