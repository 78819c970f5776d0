"""Recognise the parts of an open incidental clause (inciso) for punctuation.unclosed-inciso:
a subject at the start of a clause, a date or time expression or an apposition after a
comma, and a finite verb. Small closed word lists and suffixes, no tagger: the rule flags
only when all three parts are recognised, so it stays quiet when unsure."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from sportlint.italian.words import MONTHS, WEEKDAYS
from sportlint.segment.tokens import Token
from sportlint.util import lazyregex

ARTICLES = frozenset("il lo la i gli le l' l’".split())
# Words after which a clause (and its subject) starts.
# Not "e", "o", "né": after them a name may close a list of objects ("con Rossi e
# Bianchi, ieri ha vinto").
CLAUSE_OPENERS = frozenset("""
che quando mentre perché poiché giacché siccome se ma però anche inoltre infatti dove
finché allorché sebbene benché quindi così
""".split())
# Sentence-initial words followed by a comma that are adverbs or connectives, not subjects.
NOT_SUBJECTS = frozenset("""
intanto inoltre infine poi quindi allora dunque comunque insomma anzi eppure invece perciò
pertanto tuttavia ora oggi ieri domani stamattina stasera adesso ebbene ecco certo già però
finalmente purtroppo fortunatamente ovviamente sì no bene ok prima dopo sabato domenica
lunedì martedì mercoledì giovedì venerdì intanto stavolta quest'anno ciononostante peraltro
""".split())
# Words that open a vocative or a letter ("Caro Marco, oggi è ..."): never a subject.
VOCATIVES = frozenset("""
caro cara cari care gentile gentili egregio egregia spettabile ciao salve buongiorno signor
signore signora
""".split())
DAY_WORDS = frozenset("ieri oggi domani stamattina stasera stanotte stamani".split())
DAY_PARTS = frozenset("sera mattina pomeriggio notte mattino".split())
RELATIVE = frozenset("scorso scorsa prossimo prossima stesso stessa successivo successiva".split())
SEASON_WORDS = frozenset("stagione anno annata estate inverno campionato".split())
PERIOD_WORDS = frozenset("tempo ripresa finale recupero".split())
ORDINALS = frozenset("primo secondo terzo quarto".split())
UNITS = frozenset("anni anno mesi mese giorni giorno settimane settimana minuti ore stagioni".split())
NUMBER_WORDS = frozenset("un una due tre quattro cinque sei sette otto nove dieci pochi poche "
                         "alcuni alcune qualche".split())
# Prepositions that may open a date or time expression.
DATE_PREPS = frozenset("""
il lo l' l’ la nel nell' nell’ nella dal dall' dall’ dalla al all' all’ alla alle a ad in
entro verso durante sin fino già
""".split())
ROLE_NOUNS = frozenset("""
allenatore allenatrice tecnico attaccante difensore centrocampista portiere capitano
presidente direttore ds dg ct bomber ala terzino regista mediano trequartista centravanti
punta fantasista giocatore giocatrice calciatore calciatrice campione campionessa pilota
ciclista tennista arbitro arbitra vice vicepresidente proprietario patron amministratore
dirigente numero stella leader talento ex esterno laterale play pivot schiacciatrice
velocista maratoneta nuotatore nuotatrice sciatore sciatrice pugile fuoriclasse
""".split())
ROLE_MODIFIERS = frozenset("ex neo nuovo nuova attuale giovane storico storica vecchio ormai "
                           "grande classe".split())
PREPOSITIONS = frozenset("""
di del dello della dei degli delle dell' dell’ da dal dallo dalla dai dagli dalle dall' dall’
in nel nello nella nei negli nelle nell' nell’ a al allo alla ai agli alle all' all’ per con
su sul sulla
""".split())
# Sentence-initial words that cannot open a subject (Nella Juventus, ... / Contro Rossi, ...).
FUNCTION_WORDS = frozenset("""
a ad da di in con su per tra fra contro dopo secondo senza verso durante oltre presso come
dietro sopra sotto fino tranne dentro fuori accanto davanti insieme lungo
""".split())
_DEMONYM = lazyregex.compile(r"\p{Ll}+(?:ese|esi|ano|ana|ani|ane|ino|ina|ini|ine|ense|ensi|eno|ena)")

AUXILIARIES = frozenset("""
è ha hanno era erano fu furono sarà saranno sarebbe aveva avevano ebbe ebbero avrà avranno
avrebbe sono sta stava stanno stavano può possono poteva potrà poté potette deve devono
doveva dovrà dovette vuole voleva volle riesce riescono riusciva riuscirà torna tornò resta
restò rimane rimase viene vengono venne vennero va andò fa fece fecero decide decise
""".split())
IRREGULAR_PAST = frozenset("""
vinse perse prese mise chiuse decise giunse raggiunse scelse disse fece ebbe venne tenne
rimase corse colse sconfisse trasse scrisse spinse aggiunse concluse riprese sorprese assunse
visse nacque apparve parve volle seppe ruppe cadde diede stette ottenne mantenne ritenne
""".split())
PRESENT = frozenset("""
segna vince perde gioca batte supera conquista raggiunge entra esce parte arriva firma lascia
approda debutta esordisce passa realizza trova ottiene chiude apre guida allena sfida
affronta pareggia sconfigge elimina festeggia diventa risulta appare sembra dice dichiara
afferma spiega commenta annuncia conferma rinnova ritorna riesce sigla colpisce domina
vincono perdono giocano battono segnano tornano arrivano
""".split())
NOT_VERBS = frozenset("""
però perciò ciò oblò falò comò così lì sì colibrì giù più già cioè
""".split())


def low(tok: Token) -> str:
    return tok.text.lower()


def is_year(tok: Token) -> bool:
    return tok.kind == "number" and regex.fullmatch(r"1[89]\d\d|20\d\d", tok.text) is not None


def is_day(tok: Token) -> bool:
    return tok.kind == "number" and regex.fullmatch(r"(?:[1-9]|[12]\d|3[01])°?", tok.text) is not None


def date_end(toks: Sequence[Token], i: int) -> int:
    """End (exclusive) of a date or time expression starting at toks[i], or i when none."""
    n = len(toks)
    j = i
    prep = j < n and low(toks[j]) in DATE_PREPS
    if prep:
        j += 1
    if j < n and low(toks[j]) in RELATIVE:            # lo scorso 24 gennaio
        j += 1
    start = j
    if j < n and low(toks[j]) in WEEKDAYS:            # domenica (7 maggio)
        j += 1
        if j < n and low(toks[j]) in DAY_PARTS | RELATIVE:
            j += 1
        elif j < n and is_day(toks[j]) and not (j + 1 < n and low(toks[j + 1]) in MONTHS):
            j += 1                                    # sabato 12
    if j < n and is_day(toks[j]) and j + 1 < n and low(toks[j + 1]) in MONTHS:
        j += 2                                        # 7 maggio
    elif j < n and low(toks[j]) in MONTHS and j == start:
        j += 1                                        # (a) maggio
    elif j == start and j < n and low(toks[j]) in DAY_WORDS:
        j += 1                                        # ieri (sera)
        if j < n and low(toks[j]) in DAY_PARTS:
            j += 1
    elif j == start and prep and j < n and is_year(toks[j]):
        return j + 1                                  # nel 2017
    elif j == start and prep and j < n and toks[j].kind == "minute":
        return j + 1                                  # al 23'
    elif j == start and prep and j < n and low(toks[i]) == "alle" and toks[j].kind == "number":
        return j + 1                                  # alle 15:30
    elif j == start and prep and j + 1 < n and low(toks[i]) == "alle" and low(toks[j]) == "ore" \
            and toks[j + 1].kind == "number":
        return j + 2                                  # alle ore 15
    elif j == start and prep and j + 1 < n and low(toks[j]) in ORDINALS and \
            low(toks[j + 1]) in PERIOD_WORDS:
        return j + 2                                  # nel secondo tempo
    elif j == start and prep and j < n and low(toks[j]) in PERIOD_WORDS | SEASON_WORDS:
        j += 1                                        # nella ripresa, la stagione (scorsa)
        if j < n and low(toks[j]) in RELATIVE:
            j += 1
        return j if low(toks[j - 1]) in RELATIVE or low(toks[j - 1]) in PERIOD_WORDS else i
    elif j == start and j + 2 < n and (toks[j].kind == "number" or low(toks[j]) in NUMBER_WORDS) \
            and low(toks[j + 1]) in UNITS and low(toks[j + 2]) in ("fa", "dopo", "prima"):
        return j + 3                                  # due anni fa
    if j == start:
        return i
    if j < n and is_year(toks[j]):
        j += 1
    if j < n and low(toks[j]) in RELATIVE:
        j += 1
    return j


def apposition_end(toks: Sequence[Token], i: int) -> int:
    """End (exclusive) of an apposition such as "il tecnico del Bari" or "ex difensore
    dell'Inter" starting at toks[i], or i when none."""
    n = len(toks)
    j = i
    if j < n and low(toks[j]) in ARTICLES | {"un", "una", "uno", "un'", "un’"}:
        j += 1
    while j < n and low(toks[j]) in ROLE_MODIFIERS:
        j += 1
    if j + 1 < n and j == i and toks[j].kind == "number" and low(toks[j + 1]) == "anni":
        j += 2                                        # Rossi, 30 anni(,)
    elif j >= n or low(toks[j]) not in ROLE_NOUNS or toks[j].capitalised:
        return i
    else:
        j += 1
    while j < n:
        t = toks[j]
        w = low(t)
        if w in PREPOSITIONS or w in ARTICLES or w in ("ex", "e", "ed", "classe", "in", "seconda"):
            j += 1
        elif t.is_word and (t.capitalised or w in ROLE_NOUNS or _DEMONYM.fullmatch(t.text)):
            j += 1
        elif t.kind == "number" or (t.kind == "punct" and t.text in "-–"):
            j += 1
        else:
            break
    # the apposition must not end on a preposition or article ("il tecnico del")
    while j > i and (low(toks[j - 1]) in PREPOSITIONS or low(toks[j - 1]) in ARTICLES):
        j -= 1
    return j


def is_finite_verb(tok: Token, nxt: Token | None) -> bool:
    """A conservative guess that ``tok`` is a finite verb (or a clitic opening one)."""
    if not tok.is_word or tok.capitalised or tok.elided:
        return False
    w = low(tok)
    if w in AUXILIARIES or w in IRREGULAR_PAST or w in PRESENT:
        return True
    if w in ("si", "ne", "ci", "vi") and nxt is not None and nxt.is_word:
        return is_finite_verb(nxt, None) or nxt.text in ("è",)
    if w in NOT_VERBS or len(w) < 4:
        return False
    if w[-1] in "òì" and not w.endswith("dì"):
        return True                                   # segnò, riuscì
    if w[-1] == "é" and not w.endswith(("ché", "tré")):
        return True                                   # batté, poté
    if len(w) >= 5 and w.endswith(("rà", "ranno")):
        return True                                   # vincerà, giocheranno
    if len(w) >= 7 and w.endswith(("avano", "evano", "ivano", "arono", "erono", "irono")):
        return True
    return len(w) >= 6 and w.endswith(("ava", "eva"))
