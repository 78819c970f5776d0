"""Italian number words and the form of "uno" before a noun (helper of
``style.numbers-in-words``, not a rule)."""

from __future__ import annotations

import regex

_UNITS = ("zero uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici "
          "quattordici quindici sedici diciassette diciotto diciannove").split()
_TENS = {2: "venti", 3: "trenta", 4: "quaranta", 5: "cinquanta", 6: "sessanta",
         7: "settanta", 8: "ottanta", 9: "novanta"}

# Nouns whose gender the endings do not tell (or tell wrongly), common in sports copy.
_FEMININE = frozenset("""
rete gare gara mano radio foto moto auto eco notte fase finale semifinale chiave parte
classe sorte volta morte mente gente fine frase base fonte sede lezione stagione occasione
partenza frazione posizione edizione competizione qualificazione convocazione squalifica
""".split())
_MASCULINE = frozenset("""
problema tema sistema schema programma clima dramma diploma pigiama cinema panorama
poeta papa pianeta fantasma dilemma enigma stemma telegramma
gol club match record derby set round sprint test bonus tour sport team goal rigore
allenatore giocatore calciatore difensore attaccante centrocampista portiere campione
mese nome ponte fiume dente pane cane piede paese mare sole cuore colore errore onore
numero titolo minuto secondo giorno anno punto posto turno girone gruppo successo
""".split())
# Nouns of both genders (il/la collega).
_BOTH = frozenset("atleta collega pilota giornalista cantante nipote consorte".split())
# Adjectives that may sit between the number and the noun ("1 solo punto").
_BETWEEN = frozenset("solo sola singolo singola unico unica misero misera piccolo piccola "
                     "grande altro altra ultimo ultima".split())


def number_word(n: int) -> str:
    """The Italian word for 0..100 ("ventuno", "trentotto", "cento")."""
    if n < 0 or n > 100:
        raise ValueError(n)
    if n < 20:
        return _UNITS[n]
    if n == 100:
        return "cento"
    tens, unit = divmod(n, 10)
    word = _TENS[tens]
    if unit in (1, 8):
        word = word[:-1]   # ventuno, ventotto
    return word + (_UNITS[unit] if unit else "")


def gender(noun: str) -> str | None:
    """``"m"``, ``"f"``, or None when the form does not tell (a singular noun expected)."""
    w = noun.lower()
    if w in _BOTH:
        return None
    if w in _FEMININE:
        return "f"
    if w in _MASCULINE:
        return "m"
    if w.endswith(("zione", "sione", "gione", "tà", "tù", "trice", "ice", "ie", "udine")):
        return "f"
    if w.endswith(("ista", "cida", "ante", "ente", "ale", "ese")):
        return None   # both genders, or not told by the ending
    if w.endswith(("ore", "one", "ame", "ime", "ume")):
        return "m"
    if w.endswith("o"):
        return "m"
    if w.endswith("a"):
        return "f"
    if w[-1:].isalpha() and w[-1] not in "aeiouàèéìòù":
        return "m"   # loanwords: gol, club, record
    return None


def one_before(next_word: str, noun_gender: str | None) -> list[str]:
    """The forms of "uno" before ``next_word``: ``un``, ``uno``, ``una``, ``un'``
    (``un'`` includes the apostrophe and is written without a space)."""
    w = next_word.lower()
    vowel = w[:1] in tuple("aeiouàèéìòùh")
    impure = (w[:1] == "s" and w[1:2] not in tuple("aeiouàèéìòù")) or w[:1] in ("z", "x", "y") \
        or w[:2] in ("gn", "ps", "pn") or (w[:1] == "i" and w[1:2] in tuple("aeiou"))
    masculine = "uno" if impure else "un"
    feminine = "un'" if vowel else "una"
    if noun_gender == "m":
        return [masculine]
    if noun_gender == "f":
        return [feminine]
    return [masculine, feminine]


def noun_after_one(words: list[str]) -> str | None:
    """The noun that a "1" counts, from the words after it (skipping "solo", "unico" ...)."""
    for w in words[:2]:
        if w.lower() not in _BETWEEN:
            return w
    return None


def definite_article(number: str) -> str:
    """The masculine definite article before a number written in digits, as it is read:
    «l'» before a vowel (l'1-0, l'8 maggio, l'11, l'80'), «lo» before zero (lo 0-0), «il»
    otherwise (il 2-1, il 18, il 1990, mille)."""
    digits = regex.match(r"\d+", number.lstrip())
    if digits is None:
        return "il"
    n = int(digits[0])
    if n == 0:
        return "lo"
    vowel = n in (1, 8, 11) or 80 <= n <= 89 or 800 <= n <= 899 or \
        8000 <= n <= 8999 or 11000 <= n <= 11999 or 80000 <= n <= 89999
    return "l'" if vowel else "il"


def with_article(number: str) -> str:
    """The number with its article: «il 2-1», «l'1-0», «l'800»."""
    article = definite_article(number)
    return f"{article}{number}" if article.endswith("'") else f"{article} {number}"
