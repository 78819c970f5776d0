"""util.fuzzy: rapidfuzz's OSA distance and extract, imported on first use, with the same
results as rapidfuzz itself (the length shortcut included)."""

from rapidfuzz import process
from rapidfuzz.distance import OSA

from sportlint.util.fuzzy import extract_osa, osa_distance

PAIRS = [("Conte", "Conti"), ("Inzaghi", "Inzagih"), ("Bove", "Bovelli"), ("", "abc"),
         ("Immobile", "Immobile"), ("Pellegrini", "Pelegrini"), ("ab", "ba")]


def test_osa_distance_agrees_with_rapidfuzz() -> None:
    for a, b in PAIRS:
        assert osa_distance(a, b) == OSA.distance(a, b)
        for cutoff in (0, 1, 2, 3):
            assert osa_distance(a, b, score_cutoff=cutoff) == \
                OSA.distance(a, b, score_cutoff=cutoff), (a, b, cutoff)


def test_extract_osa_agrees_with_rapidfuzz() -> None:
    choices = ["conte", "conti", "conto", "monte", "bove", "contessa"]
    for word in ("conte", "cnte", "bovi"):
        for limit in (1, 2):
            assert extract_osa(word, choices, limit) == list(process.extract(
                word, choices, scorer=OSA.distance, score_cutoff=limit, limit=None))
