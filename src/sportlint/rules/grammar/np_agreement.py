"""A noun and an adjective of one noun phrase disagree ("una prestazione straordinario")."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.determiners import AGREEMENT_FORMS, article_for
from sportlint.italian.lexicon import Analysis, Lexicon
from sportlint.rules.base import Context, Rule
from sportlint.rules.grammar._helpers import (
    capitalise_like,
    next_word,
    prev_word,
    suffix_gender,
    with_apostrophe,
)
from sportlint.rules.grammar._tagging import ARTICLES, confident, noun_features, one_form
from sportlint.segment.tokens import Token

# Adjectives used as adverbs in their masculine singular ("calcia alto", "gioca la palla
# lungo", "vince facile"): never judged in that form.
_ADVERBIAL = frozenset("""
alto basso lungo corto largo forte piano chiaro giusto dritto diritto veloce sodo caro duro
facile pulito secco storto fisso tondo netto
""".split())
# Adjectives whose masculine singular heads a prepositional locution right after a noun
# ("una casa vicino al mare", "un paese lontano dal centro"), with the preposition's forms.
_LOCUTIONS = {
    "vicino": frozenset("a ad al allo alla ai agli alle all'".split()),
    "lontano": frozenset("da dal dallo dalla dai dagli dalle dall'".split()),
}
# Before the noun: a preposition of a complement ("la maglia della squadra bianca": the
# adjective may agree with the first noun), or a coordination ("la maglia e il pantaloncino
# bianchi": it agrees with both).
_OF = frozenset("di d' da del dello della dei degli delle dell' dal dallo dalla dai dagli "
                "dalle dall'".split())
_COORDINATION = frozenset("e o ed od né".split())
# Adverbs between a noun and its adjective ("una città molto vicina").
_INTENSIFIERS = frozenset("molto poco tanto troppo così più meno davvero assai abbastanza "
                          "particolarmente estremamente altrettanto".split())


def _family(*rows: str) -> dict[str, tuple[dict[tuple[str, str], str], tuple[str, str]]]:
    """Each row is the m.s, m.p, f.s, f.p forms of one determiner: form -> (the forms by
    gender and number, its own gender and number)."""
    out = {}
    for row in rows:
        forms = dict(zip((("m", "s"), ("m", "p"), ("f", "s"), ("f", "p")), row.split(),
                         strict=True))
        for feats, form in forms.items():
            out[form] = (forms, feats)
    return out


# Demonstrative, possessive and interrogative determiners. "quello" is left out (its form
# depends on the next sound: "quel", "quei", "quegli"), and so is "loro" (invariable).
_DETERMINERS = _family("questo questi questa queste", "mio miei mia mie", "tuo tuoi tua tue",
                       "suo suoi sua sue",
                       "nostro nostri nostra nostre", "vostro vostri vostra vostre",
                       "quanto quanti quanta quante")
_GENDER = {"m": "maschile", "f": "femminile"}
_NUMBER = {"s": "singolare", "p": "plurale"}


def _adjective(lex: Lexicon, word: str, noun: bool = False) -> list[Analysis] | None:
    """The adjective and past-participle readings of a word that is only an adjective or a
    past participle (with ``noun``, also a noun: "ultime"), or None."""
    readings = lex.analyses(word)
    if not readings or word[-1:] not in "aeio":
        return None
    participle = [a for a in readings
                  if a.pos == "ADJ" or (a.pos == "VER" and a.mood == "part" and a.tense == "past")]
    if len(participle) != len([a for a in readings if not (noun and a.pos == "NOUN")]):
        return None
    return participle or None


class NpAgreement(Rule):
    """A noun and an adjective of one noun phrase disagree ("una prestazione straordinario").

    What it catches:
    An adjective (or past participle) right after its noun that has another gender or
    number ("i tifosi giallorosse"), and a noun that disagrees with the article and the
    adjective before it, across a numeral ("le ultime due partita"); a demonstrative,
    possessive or interrogative determiner of the wrong gender or number ("questi due
    partite", "le miei compagne", "quanti sfide"); and "la", "le", "lo", "gli" (also
    clitics, so grammar.article-number leaves them) before a noun of the other number
    when the tagger reads them as articles ("le parete"), as any article or articulated
    preposition before a noun that is also a verb form ("sul fasce"). The noun must be
    one the lexicon knows in a single gender and number, with a different form in the
    other number; the adjective must be variable and known only as an adjective or
    participle; and the tagger must confirm both (confident NOUN and ADJ/VERB tags).

    Stays silent on:
    "N di N ADJ" and coordinated nouns ("la maglia della squadra bianca", "la maglia e il
    pantaloncino bianchi": the adjective may belong to another noun), invariable and
    foreign nouns ("città", "gol", "derby"), capitalised words (names), adjectives used as
    adverbs ("gioca la palla lungo"), the locutions "vicino a" and "lontano da" right after the
    noun ("una casa vicino al mare"), a noun whose article disagrees with it (that is
    grammar.article-number's and grammar.article-gender's slip), and anything the tagger
    is not confident about.

    Why:
    Agreement across a noun phrase is the slip that survives a quick re-read: the eye stops
    at the noun.

    Example:
        Ha fornito una prestazione straordinario.
        -> Ha fornito una prestazione straordinaria.
        Ha saltato le ultime due partita.
        -> Ha saltato le ultime due partite.

    Fix:
    The adjective (or the noun, or the determiner) in the other's gender and number, when
    the lexicon has one such form. When an article or determiner and its noun differ only
    in number,
    both corrections are offered ("queste partite", "questa partita").

    Fix safety:
    Unsafe (`--unsafe-fixes`): the fix turns a real word into another, and which of the two
    words is wrong is a guess; with two corrections, suggestion only.
    """

    id = "grammar.np-agreement"
    severity = Severity.WARNING
    skip_quoted = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        lex: Lexicon = ctx.resources.get("lexicon")
        seg = ctx.seg
        for tok in seg.words:
            if (tok.capitalised and not seg.is_sentence_initial(tok)) or tok.text[-1:] in "'’":
                continue
            found = (self.after_noun(ctx, lex, tok) or self.before_noun(ctx, lex, tok)
                     or self.determiner_noun(ctx, lex, tok) or self.article_noun(ctx, lex, tok))
            if found is not None:
                yield found

    def after_noun(self, ctx: Context, lex: Lexicon, noun: Token) -> Finding | None:
        seg = ctx.seg
        if noun.capitalised:
            return None
        probe = next_word(seg, noun)            # cheap first: an adjective must follow
        if probe is not None and probe.low in _INTENSIFIERS:
            probe = next_word(seg, probe)
        if probe is None or _adjective(lex, probe.low, noun=True) is None:
            return None
        feats = noun_features(lex, noun.low, verbs=True) or self.invariable(ctx, lex, noun)
        adj = next_word(seg, noun)
        if feats is None or adj is None or ctx.text[noun.end:adj.start] != " ":
            return None
        if adj.low in _INTENSIFIERS:        # "una città molto vicina"
            adj = next_word(seg, adj)
        elif adj.low in _LOCUTIONS:         # "una casa vicino al mare"
            after = next_word(seg, adj)
            if after is not None and after.low.replace("’", "'") in _LOCUTIONS[adj.low]:
                return None
        if adj is None or adj.capitalised:
            return None
        readings = _adjective(lex, adj.low, noun=True)
        gender, number = feats
        if readings is None or any((a.gender, a.number) == feats for a in lex.analyses(adj.low)):
            return None
        if adj.low in _ADVERBIAL or adj.low in _INTENSIFIERS or \
                lex.has_pos(adj.low, "ADV", "DET", "PRO") or \
                not self.head_agrees(ctx, lex, noun, feats, readings):
            return None
        if number == "s" and any(a.pos == "NOUN" and a.number == "p"
                                 for a in lex.analyses(adj.low)):
            return None     # a plural noun in apposition: "la classifica costruttori"
        pos = "ADJ" if any(a.pos == "ADJ" for a in readings) else "VER"
        fixed = one_form(lex, [a for a in readings if a.pos == pos], pos, gender=gender,
                         number=number)
        if fixed is None or fixed == adj.low:
            return None
        # the adjective's readings are the lexicon's; the tagger need only rank ADJ (or
        # VERB, for a participle) first: a disagreeing adjective looks odd to it too
        if not (confident(ctx, noun, "NOUN") and confident(ctx, adj, "ADJ", "VERB", at=0)):
            return None
        return self.finding(
            adj.start, adj.end,
            f"«{adj.text}» non concorda con «{noun.text}» ({_GENDER[gender]} "
            f"{_NUMBER[number]}): «{fixed}».", [fixed], fix=Applicability.UNSAFE)

    @staticmethod
    def invariable(ctx: Context, lex: Lexicon, noun: Token) -> tuple[str, str] | None:
        """The gender and number of an invariable noun ("città") from its article."""
        before = prev_word(ctx.seg, noun)
        art = ARTICLES.get(before.low) if before is not None else None
        readings = lex.analyses(noun.low)
        if art is None or not art[0] or any(a.pos != "NOUN" for a in readings) or \
                len({a.gender for a in readings}) != 1 or \
                not any((a.gender, a.number) == art for a in readings):
            return None
        return art

    @staticmethod
    def head_agrees(ctx: Context, lex: Lexicon, noun: Token, feats: tuple[str, str],
                    adjective: list[Analysis]) -> bool:
        """The adjective can only belong to this noun: its article, if any, agrees with it
        (with no article, the noun's ending confirms its gender); no coordination before it;
        after "N di", the first noun does not agree with the adjective either."""
        seg = ctx.seg
        before = prev_word(seg, noun)
        art = ARTICLES.get(before.low) if before is not None else None
        if art is not None and before is not None:
            if art[1] != feats[1] or (art[0] and art[0] != feats[0]):
                return False
            before = prev_word(seg, before)
        elif not any(suffix_gender(a.lemma) == feats[0]
                     for a in lex.analyses(noun.low) if a.pos == "NOUN"):
            return False
        if any(a.finite for a in lex.analyses(noun.low)) and art is None and \
                (before is None or not lex.has_pos(before.low, "PRE", "ARTPRE", "DET")):
            return False    # "causa dubbi": a verb form, unless a determiner makes it a noun
        back = before
        for _ in range(4):
            if back is None:
                break
            if back.low in _COORDINATION:
                return False        # "nel diritto e nella cultura europei"
            back = prev_word(seg, back)
        if before is None or not (before.low in _OF or lex.has_pos(before.low, "PRE", "ARTPRE")):
            return True
        # "la maglia della squadra bianca", "la corsa a tappe francese": the adjective may
        # agree with a noun before the preposition
        head = prev_word(seg, before)
        for _ in range(6):
            if head is None or seg.is_sentence_initial(head):
                return True         # no other noun the adjective could belong to
            if head.capitalised or not lex.is_word(head.low):
                return False        # a name, or a word the lexicon does not know
            if any((h.gender, h.number) == (a.gender, a.number) for h in lex.analyses(head.low)
                   if h.pos == "NOUN" for a in adjective):
                return False
            head = prev_word(seg, head)
        return True

    def determiner_noun(self, ctx: Context, lex: Lexicon, det: Token) -> Finding | None:
        """A demonstrative, possessive or interrogative determiner and its noun."""
        seg = ctx.seg
        family = _DETERMINERS.get(det.low)
        if family is None or (det.capitalised and not seg.is_sentence_initial(det)):
            return None
        forms, have = family
        noun = next_word(seg, det)
        if noun is not None and ctx.text[det.end:noun.start] == " " and lex.is_word(noun.low) \
                and all(a.pos == "DET" and a.number == "p" for a in lex.analyses(noun.low)):
            noun = next_word(seg, noun)     # a numeral: "queste due squadre"
        if noun is None or noun.capitalised or ctx.text[noun.start - 1:noun.start] != " ":
            return None
        feats = noun_features(lex, noun.low, participle=True, verbs=True)
        if feats is None or feats == have:
            return None
        after = seg.next_token(noun)
        if after is not None and (after.kind == "number" or (
                after.is_word and lex.is_word(after.low)
                and all(a.pos == "DET" and a.number == "p" for a in lex.analyses(after.low)))):
            return None     # "la sua numero dieci": a shirt number names the player
        right = forms.get(feats)
        if feats[0] != have[0] and not any(suffix_gender(a.lemma) == feats[0]
                                           for a in lex.analyses(noun.low) if a.pos == "NOUN"):
            return None     # the lexicon's gender, unconfirmed by the ending ("voce")
        # the determiner is a closed-class word: the tagger need only confirm the noun
        if right is None or not confident(ctx, noun, "NOUN"):
            return None
        right = right[:1].upper() + right[1:] if det.text[:1].isupper() else right
        suggestions = [right]
        noun_fix = None
        if feats[0] == have[0]:             # only the number differs: the noun may be wrong
            noun_fix = one_form(lex, lex.analyses(noun.low), "NOUN", number=have[1])
        if noun_fix is None:
            return self.finding(
                det.start, det.end,
                f"«{det.text}» non concorda con «{noun.text}» ({_GENDER[feats[0]]} "
                f"{_NUMBER[feats[1]]}): «{right}».", suggestions, fix=Applicability.UNSAFE)
        whole = ctx.text[det.start:noun.end]
        first = right + ctx.text[det.end:noun.end]
        second = ctx.text[det.start:noun.start] + noun_fix
        return self.finding(
            det.start, noun.end,
            f"«{whole}»: determinante e nome non concordano nel numero («{first}» o "
            f"«{second}»).", [first, second], fix=Applicability.SUGGESTION)

    def article_noun(self, ctx: Context, lex: Lexicon, art: Token) -> Finding | None:
        """"le", "la", "gli", "lo" (also clitics) and a noun of the other number, when the
        tagger reads the word as an article; and any article or articulated preposition
        before a noun that is also a verb form ("sul fasce"): grammar.article-number leaves
        both to the tagger."""
        seg = ctx.seg
        entry = AGREEMENT_FORMS.get(art.low)
        if entry is None or entry[2] not in ("s", "p") or entry[1] not in ("m", "f") or \
                art.text[-1:] in "'’" or (art.capitalised and not seg.is_sentence_initial(art)):
            return None
        want = (entry[1], entry[2])
        noun = next_word(seg, art)
        if noun is None or noun.capitalised or ctx.text[art.end:noun.start] != " ":
            return None
        if art.low not in ("la", "le", "gli", "lo") and \
                not any(a.finite for a in lex.analyses(noun.low)):
            return None     # grammar.article-number's: it leaves only verb homographs
        feats = noun_features(lex, noun.low, participle=True, verbs=True)
        if feats is None or feats[0] != want[0] or feats[1] == want[1]:
            return None
        fixed = one_form(lex, lex.analyses(noun.low), "NOUN", number=want[1])
        if fixed is None or not (confident(ctx, art, "DET", "ADP+DET")
                                 and confident(ctx, noun, "NOUN")):
            return None
        # the noun or the article may be the wrong one: both corrections, as
        # grammar.article-number gives them
        article = with_apostrophe(article_for(entry[0], feats[0], feats[1], noun.low), ctx.style)
        article = capitalise_like(article, art.text)
        glue = "" if article[-1:] in "'’" else " "
        first = ctx.text[art.start:noun.start] + fixed
        second = article + glue + noun.text
        return self.finding(
            art.start, noun.end,
            f"«{ctx.text[art.start:noun.end]}»: articolo e nome non concordano nel numero "
            f"(«{first}» o «{second}»).", [first, second], fix=Applicability.SUGGESTION)

    def before_noun(self, ctx: Context, lex: Lexicon, art: Token) -> Finding | None:
        """article + adjective (+ numeral) + noun: the noun disagrees with both."""
        seg = ctx.seg
        want = ARTICLES.get(art.low)
        if want is None or not want[0] or art.low == "lo":
            return None     # "lo" before an adjective is a clitic ("lo vedo stanco")
        adj = next_word(seg, art)
        if adj is None or adj.capitalised:
            return None
        readings = _adjective(lex, adj.low, noun=True)
        if readings is None or not any(a.pos == "ADJ" and (a.gender, a.number) == want
                                       for a in readings):
            return None
        noun = next_word(seg, adj)
        if noun is not None and all(a.pos == "DET" and a.number == "p"
                                    for a in lex.analyses(noun.low)) and lex.is_word(noun.low):
            noun = next_word(seg, noun)     # a numeral: "le ultime due partite"
        if noun is None or noun.capitalised:
            return None
        feats = noun_features(lex, noun.low, participle=True, verbs=True)
        if feats is None or feats == want or feats[0] != want[0]:
            return None
        fixed = one_form(lex, lex.analyses(noun.low), "NOUN", number=want[1])
        # the adjective's reading is settled by the lexicon and the article; the tagger
        # need only rank ADJ first for it ("ultime" before a numeral is less sure)
        if fixed is None or not (confident(ctx, art, "DET") and confident(ctx, adj, "ADJ", at=0)
                                 and confident(ctx, noun, "NOUN")):
            return None
        return self.finding(
            noun.start, noun.end,
            f"«{noun.text}» non concorda con «{art.text} {adj.text}» "
            f"({_NUMBER[want[1]]}): «{fixed}».", [fixed], fix=Applicability.UNSAFE)
