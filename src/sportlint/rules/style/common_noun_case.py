"""style.common-noun-case: a common noun capitalised mid-sentence (la Città, per la Vittoria)."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Finding, Severity
from sportlint.italian.determiners import AGREEMENT_FORMS
from sportlint.italian.gazetteer import WEAK_KINDS, Gazetteer
from sportlint.italian.lexicon import Lexicon
from sportlint.rules.base import Context, Rule
from sportlint.segment.segmenter import Segmentation
from sportlint.segment.tokens import Token

# Institutions that many house styles capitalise (lo Stato, il Comune, la Nazionale): they
# follow `style.institution_capitals`.
INSTITUTIONS = frozenset("""
stato nazionale comune regione provincia governo parlamento senato camera chiesa repubblica
costituzione procura questura prefettura ministero federazione lega tribunale corte consiglio
giunta paese polizia esercito marina aeronautica università presidente presidenza capitale
comitato assemblea commissione agenzia società club primavera curva tribuna magistratura
procuratore premier dipartimento istituto forze protezione osservatorio gabinetto nazione
unione comunità banca museo policlinico ospedale autodromo accademia ordine tesoro
""".split())
# Capitalised by every style: God and the Pope, the compass points as regions (il Sud).
# The Earth, Sun and Moon as celestial bodies, eras and movements (il Medioevo, la Resistenza).
ALWAYS = frozenset("""dio signore madonna papa nord sud est ovest occidente oriente terra sole
luna medioevo rinascimento risorgimento resistenza illuminismo romanticismo riforma
controriforma internet web""".split())
_OF = frozenset("di del dello della dei degli delle dell' d' de du des of da van von".split())
# A word of these names is the name itself: la Fontana (a player), il Tour, il Giro.
_SHORTENED = ("player", "coach", "competition")


class CommonNounCase(Rule):
    """A common noun with a capital mid-sentence where nothing makes it a name ("la Città è in festa").

    What it catches:
    A word of the lexicon that is only a common noun, written with a capital after an
    article that agrees with it, in the middle of a sentence: "la Città è in festa", "per
    la Vittoria". Institutions (lo Stato, il Comune, la Nazionale, la Procura) follow the
    house style: with `style.institution_capitals: false` they are suggested in lower case
    too.

    Stays silent on:
    The first word of a sentence; names of several words (la Città Eterna, la Curva Nord,
    la Coppa di Lega, l'Autodromo internazionale del Mugello, il Policlinico "Gemelli", il
    quotidiano La Notte); plurals, which are mostly nicknames (i Blues, i Lupi); clubs,
    places and competitions of the gazetteer (il Bari, il Prato, lo Scudetto, i Mondiali)
    and words of a player's, coach's or competition's name (la Fontana); an article that
    does not agree, which makes the word a surname (la Pellegrini); God, the Pope, the
    compass points as regions (il Sud), the Earth, eras (il Medioevo), Internet and the Web; words of three
    letters (il Pil); headings; quoted speech.

    Why:
    Capitals on common nouns are an English or bureaucratic habit that Italian style books
    discourage; only names and, by house choice, institutions take them.

    Example:
        Il sindaco ha detto che la Città è in festa.
        -> Il sindaco ha detto che la città è in festa.

    Fix:
    Suggests the lower-case word; an editor decides (a capital may mark a name the
    gazetteer lacks).

    Fix safety:
    Suggestion only, never applied. Off by default: on professional copy most capitals it
    finds mark names the gazetteer lacks (il Tour, i Blues, il Policlinico "Gemelli"); turn
    it on with `enable: [style.common-noun-case]` for copy that over-capitalises. (No
    options: institutions follow the house style's `style.institution_capitals`.)
    """

    id = "style.common-noun-case"
    severity = Severity.SUGGESTION
    #: a capital often marks a name the gazetteer lacks (la Terra, il Tour, i Blues):
    #: too many of them in professional copy to run by default
    default_enabled = False
    skip_quoted = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        seg = ctx.seg
        institutions = bool(ctx.style.get("institution_capitals", True))
        lex: Lexicon | None = None
        gaz: Gazetteer | None = None
        for tok in seg.word_tokens:
            if not tok.capitalised or not tok.text[1:].islower() or not tok.text.isalpha() \
                    or len(tok.text) < 4:
                continue
            low = tok.low
            if low in ALWAYS:
                continue
            prev = seg.prev_token(tok)
            article = AGREEMENT_FORMS.get(prev.low) if prev is not None and prev.is_word else None
            if article is None and not (prev is not None and prev.low in ("l'", "dell'", "all'",
                                                                         "nell'", "dall'", "sull'")):
                continue
            if seg.is_sentence_initial(tok) or seg.sentences[tok.sentence].heading:
                continue
            if prev is not None and prev.capitalised and not seg.is_sentence_initial(prev):
                continue                    # the quotidiano La Notte, Le Rime: a title
            if prev is not None and seg.is_sentence_initial(prev) is False and \
                    _capitalised_before(seg, prev):
                continue
            if _name_follows(seg, tok):
                continue
            if lex is None:
                lex = ctx.resources.get("lexicon")
                gaz = ctx.resources.get("gazetteer")
            assert gaz is not None
            readings = lex.analyses(low)
            lemmas = {a.lemma for a in readings if a.pos == "NOUN"}
            institution = bool(lemmas & INSTITUTIONS) or low in INSTITUTIONS
            if institution and institutions:
                continue
            if not institution and (not readings or any(a.pos != "NOUN" for a in readings)):
                continue
            readings = tuple(a for a in readings if a.pos == "NOUN")
            if all(a.number == "p" for a in readings) or (article is not None and article[2] == "p"):
                continue                    # i Blues, i Lupi, le Rondinelle: nicknames
            if article is not None and not any(
                    a.gender in (article[1], "") and a.number in (article[2], "")
                    for a in readings):
                continue
            kind = gaz.kind(tok.text)
            # a comune, surname or first name that is also a noun (Vittoria, Rosa) is the
            # noun here: the article and the lexicon's noun reading say so
            if (kind is not None and kind not in WEAK_KINDS) or any(
                    gaz.kind(n) in _SHORTENED for n in gaz.names_with_token(tok.text)):
                continue
            yield self.finding(
                tok.start, tok.end,
                f"«{tok.text}» ha la maiuscola a metà frase: se non è un nome proprio, "
                f"scrivi «{low}».", [low])


def _capitalised_before(seg: Segmentation, prev: Token) -> bool:
    """The article follows a capitalised word: part of a name (Porta la Vittoria)."""
    before = seg.prev_token(prev)
    return before is not None and before.is_word and before.capitalised and \
        not seg.is_sentence_initial(before)


def _name_follows(seg: Segmentation, tok: Token) -> bool:
    """A capitalised word right after, or after di/del/della, or after a lower-case word
    and di/del (la Città Eterna, la Torre di Pisa, l'Autodromo internazionale del Mugello);
    a quotation mark right after (il Policlinico "Gemelli")."""
    nxt = seg.next_token(tok)
    if nxt is not None and nxt.kind == "punct" and nxt.text in "\"«“'‘":
        return True
    if nxt is not None and nxt.is_word and not nxt.capitalised and nxt.low not in _OF:
        after = seg.next_token(nxt)
        if after is not None and after.low in _OF:
            nxt = after
    if nxt is not None and nxt.is_word and nxt.low in _OF:
        nxt = seg.next_token(nxt)
    return nxt is not None and (nxt.is_word or nxt.kind == "number") and \
        (nxt.capitalised or nxt.kind == "number")
