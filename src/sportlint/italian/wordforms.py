"""Is an unknown-looking Italian word a regular form of a known one?

Word-frequency lists rank many correct forms as rare or miss them altogether: enclitic
pronouns (``aggiudicarsela``, ``occorsegli``), rare inflections of common verbs
(``degenerassero``, ``esordiranno``), ``-issimo`` superlatives, ``-mente`` adverbs. A
spelling rule must not call them misspellings. `explain` strips a clitic or swaps a
regular ending for its siblings in the same paradigm and asks the frequency list about
the results; a typo (``ottenero``, ``rendini``) rarely lands on a regular paradigm whose
other members are common, or on a verb whose infinitive and another form are attested,
if rarely (``esondati``: ``esondare`` and ``esondato``).

This is a guesser for precision, not a morphological analyser: the Morph-it! lexicon,
when installed as the ``lexicon`` resource, answers first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

# Enclitic pronouns, longest first (aggiudicar-sela, rivender-glieli, giocata-si).
CLITICS = tuple(sorted("""
glielo gliela glieli gliele gliene sela selo seli sele sene mela melo meli mele mene
tela telo teli tele tene cela celo celi cele cene vela velo veli vele vene
si ci vi mi ti lo la li le ne gli
""".split(), key=len, reverse=True))

# Regular endings that belong together: a word ending in one of them is a plausible form
# when the same stem with another ending of the group is a common word.
_ARE = """are o i a iamo ate ano ava avi avamo avate avano ai asti ò ammo aste arono erò erai
erà eremo erete eranno erei eresti erebbe eremmo ereste erebbero ino iate assi asse assimo
assero ando ante anti ato ata ati ate atore atrice atori atrici azione azioni abile abili
atosi atasi""".split()
_ERE = """ere o i e iamo ete ono eva evi evamo evate evano ei etti é ette emmo este erono
ettero erò erai erà eremo erete eranno erei eresti erebbe eremmo ereste erebbero a ano essi
esse essimo essero endo ente enti uto uta uti ute""".split()
_IRE = """ire o i e iamo ite ono isco isci isce iscono iva ivi ivamo ivate ivano ii isti ì
immo iste irono irò irai irà iremo irete iranno irei iresti irebbe iremmo ireste irebbero a
ano isca iscano issi isse issimo issero endo ente enti ito ita iti ite""".split()
_NOUN = "o a i e".split()
PARADIGMS: tuple[tuple[str, ...], ...] = (tuple(_ARE), tuple(_ERE), tuple(_IRE), tuple(_NOUN))

# What an enclitic pronoun attaches to: an infinitive (aggiudicar-), a gerund
# (riconquistando-), a participle (giocata-, ingrossato-), a passato remoto (occorse-).
_CLITIC_HOSTS = ("r", "ando", "endo", "ato", "ata", "ati", "ate", "uto", "uta", "uti", "ute",
                 "ito", "ita", "iti", "ite", "se", "ò", "é", "ì",
                 # the imperatives of "noi" and "voi": affrontiamo-lo, prendete-lo
                 "iamo", "ete")

# Derivational suffixes of agent nouns and their adjectives, the base being a noun:
# astista (asta), pesista (peso), canoista (canoa), rugbistico (rugby).
_AGENT = ("ista", "isti", "iste", "istica", "istico", "istici", "istiche", "ismo", "ismi")
# Prefixes that make new words of old ones: neotecnico, controriscatto, multiorganica.
PREFIXES = tuple(sorted("""
anti auto bi co contro euro ex extra inter intra iper maxi mega mini mono multi neo para
pluri poli post pre pseudo re ri s dis semi sopra sotto stra super tri ultra vice
""".split(), key=len, reverse=True))

# Derivational endings whose base is itself a word: velocissimo -> veloce/veloc-o,
# rapidamente -> rapida, tiratissimi -> tirato.
_SUPERLATIVE = ("issimo", "issima", "issimi", "issime")
_INFINITIVE_STEMS = ("ar", "er", "ir", "rr")


def _variants(stem: str, first_conjugation: bool) -> Iterator[str]:
    """The stem, with the c/ch and g/gh spellings of Italian velars both tried (and, for
    -are verbs, the i of -ciare/-giare that falls before e: mangi-are, mang-erò)."""
    yield stem
    if stem.endswith(("ch", "gh")):
        yield stem[:-1]
    elif stem.endswith(("c", "g")):
        yield stem + "h"
    if first_conjugation and stem.endswith(("ci", "gi")):
        yield stem[:-1]


def _imperative(base: str, zipf: Callable[[str], float]) -> bool:
    """An imperative that takes a clitic: modifica(lo) of modificare, esegui(ne) of
    eseguire, prendi(lo) of prendere."""
    if base.endswith("a"):
        return zipf(base + "re") >= 2.0
    if base.endswith("i"):
        return max(zipf(base[:-1] + "ere"), zipf(base + "re")) >= 2.0
    return False


def explain(word: str, zipf: Callable[[str], float], *, sibling_zipf: float = 2.5,
            base_zipf: float = 1.5, depth: int = 0, exclude: str = "") -> str | None:
    """A known word that ``word`` is a regular form of, or None; ``exclude`` is a word
    that does not count as evidence (the correction being weighed against ``word``)."""
    word = word.lower()
    if exclude:
        inner = zipf

        def zipf(w: str) -> float:
            return 0.0 if w == exclude else inner(w)

    if len(word) < 5 or depth > 1:
        return None
    # enclitics: aggiudicarsela -> aggiudicar(e), giocatasi -> giocata
    for clitic in CLITICS:
        if word.endswith(clitic) and len(word) - len(clitic) >= 4:
            base = word[: -len(clitic)]
            if not base.endswith(_CLITIC_HOSTS) and not _imperative(base, zipf):
                continue    # baccione is not bacio + ne
            # porre, trarre, condurre keep their double r: presuppor-lo, ridur-la, trar-ne
            for candidate in (base, base + "e", base[:-1] + "e" if base.endswith("r") else "",
                              base + "re" if base.endswith(("or", "ar", "ur")) else ""):
                if candidate and zipf(candidate) >= base_zipf:
                    return candidate
            if base.endswith(("ando", "endo", "ar", "er", "ir")):
                found = explain(base + ("e" if base.endswith("r") else ""), zipf,
                                sibling_zipf=sibling_zipf, base_zipf=base_zipf, depth=depth + 1)
                if found:
                    return found
    # apocope of -uno before a noun: ottantun anni -> ottantuno (like nessun, ciascun)
    if word.endswith("un") and zipf(word + "o") >= base_zipf:
        return word + "o"
    # adverbs in -mente: rapidamente -> rapida (and rapido), facilmente -> facile,
    # velocemente -> veloce; not lentemente (lenta -> lentamente)
    if word.endswith("mente") and len(word) > 8:
        base = word[:-5]
        if base.endswith("a") and zipf(base) >= sibling_zipf and \
                zipf(base[:-1] + "o") >= sibling_zipf:
            return base
        if base.endswith("e") and zipf(base) >= sibling_zipf and \
                zipf(base[:-1] + "a") < sibling_zipf:
            return base
        if base.endswith(("l", "r")) and zipf(base + "e") >= sibling_zipf:
            return base + "e"
    # superlatives: tiratissimi -> tirato, velocissima -> veloce
    if word.endswith(_SUPERLATIVE):
        stem = word[:-6]
        for v in _variants(stem, False):
            for candidate in (v + "o", v + "e", v + "a"):
                if zipf(candidate) >= sibling_zipf:
                    return candidate
    # agent nouns: astista -> asta, lunghista -> lungo, rugbistiche -> rugby
    for suffix in _AGENT:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            for v in _variants(stem, False):
                for candidate in (v, v + "o", v + "a", v + "e", v + "i"):
                    if zipf(candidate) >= sibling_zipf + 0.5:
                        return candidate
    # prefixes and compounds: neotecnico -> tecnico, mediogioco -> medio + gioco
    for prefix in PREFIXES:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) >= (7 if prefix == "s" else 5) and \
                zipf(rest) >= sibling_zipf + 0.5:
            return rest
    for i in range(4, len(word) - 4):
        left, right = word[:i], word[i:]   # medio-gioco, calcio-scommesse, auto-gol
        if left[-1] == "o" and zipf(left) >= 3.5 and zipf(right) >= 3.5:
            return right
    # paradigms: forava -> forare, esordiranno -> esordire
    for paradigm in PARADIGMS:
        for ending in paradigm:
            if not word.endswith(ending) or len(word) - len(ending) < 3:
                continue
            stem = word[: -len(ending)]
            verbal = paradigm is not PARADIGMS[3]
            for v in _variants(stem, paradigm is PARADIGMS[0]):
                rare: list[str] = []    # siblings attested, but rarely
                for other in paradigm:
                    if other == ending or (verbal and len(other) < 2):
                        continue    # a verb's evidence is a longer ending: gironata is not gironi
                    if other == "e" and v.endswith(_INFINITIVE_STEMS):
                        continue    # ottenero is not a form of ottenere
                    candidate = v + other
                    z = zipf(candidate)
                    if z >= sibling_zipf:
                        return candidate
                    if verbal and z >= base_zipf:
                        rare.append(candidate)
                if len(rare) >= 2 and rare[0] == v + paradigm[0]:
                    return rare[0]  # esondati: esondare and esondato are both attested
    return None


# Nouns made from a verb: tallonatore (tallonare), smarcamento (smarcare), inseguitore
# (inseguire), svolgimento (svolgere); the verb's infinitive is the evidence.
_DEVERBAL = (("atore", ("are",)), ("atori", ("are",)), ("atrice", ("are",)),
             ("atrici", ("are",)), ("amento", ("are",)), ("amenti", ("are",)),
             ("itore", ("ire", "ere")), ("itori", ("ire", "ere")), ("itrice", ("ire", "ere")),
             ("itrici", ("ire", "ere")), ("imento", ("ire", "ere")), ("imenti", ("ire", "ere")))
# Diminutives and augmentatives of a common noun: scavetto (scavo), rapportone (rapporto).
_ALTERED = ("etto", "etta", "etti", "ette", "ino", "ina", "ini", "ine", "one", "ona", "oni",
            "ello", "ella", "elli", "elle")


# Learned and technical adjectives made from a word the lexicon knows: divisivo (diviso),
# trattamentale (trattamento), ordinatorio (ordinare), interlocutorio (interlocutore).
_FROM_PARTICIPLE = ("ivo", "iva", "ivi", "ive")
_FROM_NOUN = ("ale", "ali")
_FROM_VERB = (("atorio", "are"), ("atoria", "are"), ("atorie", "are"), ("itorio", "ire"),
              ("itoria", "ire"), ("itorie", "ire"), ("itorio", "ere"), ("itoria", "ere"))


def derived(word: str, zipf: Callable[[str], float], is_word: Callable[[str], bool] | None,
            is_noun: Callable[[str], bool] | None = None, *, common: float = 3.5,
            is_past: Callable[[str], bool] | None = None) -> str | None:
    """The word a regular derivation of ``word`` comes from, or None: a noun of agent or
    action from a verb ``is_word`` (the lexicon) knows, a learned adjective (divisivo from
    diviso, trattamentale from trattamento, ordinatorio from ordinare), the third person
    plural of a passato remoto whose singular ``is_past`` knows (espansero, espanse), or an
    altered form (diminutive, augmentative) of a common word that ``is_noun``, when given,
    says is a noun (rendini is no diminutive of the verb form rendo). A typo rarely lands
    on a known stem plus one of these suffixes."""
    word = word.lower()
    if is_past is not None and word.endswith("ero") and len(word) >= 7 and \
            is_past(word[:-2]):
        return word[:-2]
    if is_word is not None:
        for suffix in _FROM_PARTICIPLE:
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and len(stem) >= 4 and is_word(stem + "o"):
                return stem + "o"
        for suffix in _FROM_NOUN:
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and len(stem) >= 6:
                for vowel in "oe":
                    if is_word(stem + vowel) and (is_noun is None or is_noun(stem + vowel)):
                        return stem + vowel
        for suffix, ending in _FROM_VERB:
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and len(stem) >= 3 and is_word(stem + ending):
                return stem + ending
        for suffix, endings in _DEVERBAL:
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and len(stem) >= 3:
                for ending in endings:
                    verb = stem + ending
                    if is_word(verb):
                        return verb
    for suffix in _ALTERED:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 4:
            for vowel in "oae":
                base = stem + vowel
                if zipf(base) >= common and (is_noun is None or is_noun(base)):
                    return base
    return None


# The endings of Italian demonyms and adjectives of place: bergamasco, vicentino, pavese,
# forlivese, parmigiano, anconetano, udinese, casertano.
_DEMONYM = tuple(sorted("""
igiano igiana igiani igiane etano etana etani etane asco asca aschi asche ese esi ense
ensi ano ana ani ane ino ina ini ine ita iti ite ota oti ote
""".split(), key=len, reverse=True))


def place_of(word: str, places: Mapping[str, tuple[str, ...]]) -> str | None:
    """The place whose demonym or adjective ``word`` looks like, or None: ``places`` maps
    the first four letters of each place name (lower case) to the names. The stem left by
    a demonym's ending must begin like the place, all but its last three letters
    (vicentini: vicen-za)."""
    word = word.lower()
    for suffix in _DEMONYM:
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < 4:
            continue
        for place in places.get(stem[:4], ()):
            shared = 0
            while shared < min(len(stem), len(place)) and stem[shared] == place[shared]:
                shared += 1
            if shared >= max(4, len(place) - 3):
                return place
    return None
