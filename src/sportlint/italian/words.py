"""Italian closed-class words, in one place: vowels, articles and articulated prepositions,
simple prepositions, clitic pronouns, months and weekdays.

Plain constants, no imports: every layer from the segmenter up may read them. The article
forms with their gender, number and the sound they stand before are in `determiners`; the
readings of open-class words come from the lexicon.
"""

from __future__ import annotations

VOWELS = frozenset("aeiouàèéìíòóù")
ARTICLES = frozenset("il lo la i gli le l' un uno una un'".split())
DI_ARTICLES = frozenset("di del dello della dei degli delle dell' d'".split())
ARTICULATED = frozenset("""
del dello della dei degli delle dell' al allo alla ai agli alle all' dal dallo dalla dai dagli
dalle dall' nel nello nella nei negli nelle nell' sul sullo sulla sui sugli sulle sull' col coi
""".split())
PREPOSITIONS = frozenset("di a da in con su per tra fra".split())
CLITICS = ("glielo", "gliela", "glieli", "gliele", "gliene", "melo", "mela", "celo", "cela",
           "lo", "la", "li", "le", "ne", "si", "ci", "vi", "mi", "ti", "gli")

#: in calendar order (``MONTHS.index(name) + 1`` is the month's number)
MONTHS = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
          "settembre", "ottobre", "novembre", "dicembre")
#: Monday first, as ``datetime.date.weekday()`` counts
WEEKDAYS = ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica")
MONTH_SET = frozenset(MONTHS)
WEEKDAY_SET = frozenset(WEEKDAYS)
