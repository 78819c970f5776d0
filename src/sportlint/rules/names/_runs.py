"""Multi-word and hyphenated names: runs of adjacent name mentions ("Red Bull Racing",
"Paris Saint-Germain", "Borussia Dortmund") and the variants that differ from another run
in one word ("Red Bul Racing", "Paris Saint Germaine").

A run is cut into *parts* at spaces and hyphens, so that "Saint-Germain" and "Saint
Germain" have the same parts; the finding covers the differing part together with any
joiner that differs, and the fix writes the other run's text there.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sportlint.italian.gazetteer import PEOPLE, fold, normalise
from sportlint.rules.names._mentions import (
    Analysis,
    Mention,
    crowd_groups,
    deletion_keys,
    lexicon_word,
    max_edits,
)
from sportlint.util import lazyregex
from sportlint.util.fuzzy import osa_distance

_PART = lazyregex.compile(r"[^\s\-–]+")


@dataclass(frozen=True)
class Run:
    mentions: tuple[Mention, ...]
    parts: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]   # document offsets of each part

    @property
    def start(self) -> int:
        return self.mentions[0].token.start

    @property
    def end(self) -> int:
        return self.mentions[-1].token.end

    def surface(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass(frozen=True)
class RunVariant:
    run: Run
    start: int
    end: int
    replacement: str
    right: str          # the whole right name
    known: bool         # the right name is a known one
    times: int          # how often the document writes the right name
    mild: bool = False  # a first name given to another known name's surname
    at: int | None = None   # where the document writes the right name first


#: the most parts a run may have to be one name (Red Bull Racing Honda RBPT: five); a
#: longer row of capitalised words is a title or a list, and the work stays linear
MAX_PARTS = 6


def runs(an: Analysis) -> list[Run]:
    """The runs of two or more adjacent mentions in one sentence (parts of hyphenated
    tokens count: "Saint-Germain" is a run of its own)."""
    out: list[Run] = []
    group: list[Mention] = []

    def close() -> None:
        parts: list[str] = []
        spans: list[tuple[int, int]] = []
        for m in group:
            for p in _PART.finditer(m.form):
                parts.append(p.group())
                spans.append((m.token.start + p.start(), m.token.start + p.end()))
        if 2 <= len(parts) <= MAX_PARTS:
            out.append(Run(tuple(group), tuple(parts), tuple(spans)))

    for m in an.mentions:
        if group and m.prev is not None and group[-1].token.index == m.token.index - 1:
            group.append(m)
            continue
        if group:
            close()
        group = [m]
    if group:
        close()
    return out


def _one_part_apart(a: tuple[str, ...], b: tuple[str, ...]) -> int | None:
    """The index of the one part where two runs of the same length differ, or None."""
    if len(a) != len(b):
        return None
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return diff[0] if len(diff) == 1 else None


def part_slip(wrong: str, right: str) -> bool:
    """One edit (two from twelve letters), first letter kept, not only case or accents."""
    if len(wrong) < 3 or len(right) < 3 or wrong[:1] != right[:1]:
        return False
    a, b = fold(wrong).lower(), fold(right).lower()
    if a == b:
        return False
    short, long_ = sorted((a, b), key=len)
    if long_ == short + "s" and short[-1] not in "aeiou":
        return False  # an English plural (GitHub Action / Actions, Warrior / Warriors)
    limit = max_edits(max(a, b, key=len))
    return osa_distance(a, b, score_cutoff=limit) <= limit


def _edit(text: str, wrong: Run, right: Run, i: int) -> tuple[int, int, str]:
    """The span of ``wrong`` to rewrite (part ``i`` and any joiner that differs beside it)
    and its replacement from ``right``."""
    lo, hi = i, i
    for j in (i - 1, i):            # joiner before part i is j=i-1 .. i, after is i .. i+1
        if 0 <= j < len(wrong.parts) - 1:
            wj = text[wrong.spans[j][1]:wrong.spans[j + 1][0]]
            rj = text[right.spans[j][1]:right.spans[j + 1][0]]
            if wj != rj:
                lo, hi = min(lo, j), max(hi, j + 1)
    start, end = wrong.spans[lo][0], wrong.spans[hi][1]
    return start, end, text[right.spans[lo][0]:right.spans[hi][1]]


def document_variants(an: Analysis) -> list[RunVariant]:
    """`_document_variants`, computed once per analysis."""
    if an.run_variants is None:
        an.run_variants = _document_variants(an)
    return an.run_variants


def _document_variants(an: Analysis) -> list[RunVariant]:
    """Runs written once that differ in one part from a run written as often or more
    ("Red Bul Racing" beside "Red Bull Racing"), when that part's token is not already a
    single-word variant."""
    all_runs = runs(an)
    by_parts: dict[tuple[str, ...], list[Run]] = {}
    for r in all_runs:
        by_parts.setdefault(tuple(fold(p).lower() for p in r.parts), []).append(r)
    counts = Counter({k: len(v) for k, v in by_parts.items()})
    # runs of the same length sharing all parts but one, through the deletion keys of the
    # odd part: linear in the runs
    groups = crowd_groups(((len(key), i, key[:i], key[i + 1:], d), key)
                          for key in by_parts for i, part in enumerate(key)
                          for d in deletion_keys(part, max_edits(part)))
    seen: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
    out: list[RunVariant] = []
    for group in groups:
        for a in group:
            for b in group:
                if a == b or (a, b) in seen:
                    continue
                seen.add((a, b))
                wrong, right = by_parts[a][0], by_parts[b][0]
                at = _one_part_apart(wrong.parts, right.parts)
                if at is None or counts[a] > 1 or counts[b] < counts[a]:
                    continue
                if counts[a] == counts[b] and wrong.start < right.start:
                    continue   # one against one: the later one is reported
                v = _judge_pair(an, wrong, right, at, counts[b])
                if v is not None:
                    out.append(v)
    out.sort(key=lambda v: v.start)
    return out


def _judge_pair(an: Analysis, wrong: Run, right: Run, i: int, times: int) -> RunVariant | None:
    text, book = an.text, an.book
    w, r = wrong.parts[i], right.parts[i]
    if not part_slip(w, r):
        return None
    wname, rname = wrong.surface(text), right.surface(text)
    if book.is_known(wname):
        return None   # two known names
    rknown = book.is_known(rname)
    if book.known_token(w) and not rknown:
        return None   # "Andrea Conti" / "Andrea Conte": two people, as far as we know
    if book.accepted(w) or book.accepted(wname):
        return None
    if any(m.token.index in an.variants for m in wrong.mentions):
        return None   # the single-word variant already says it
    if times == 1 and not rknown and an.ordinary(w):
        return None
    start, end, rep = _edit(text, wrong, right, i)
    return RunVariant(wrong, start, end, rep, rname, rknown, times, at=right.start)


def known_variant(an: Analysis, run: Run) -> RunVariant | None:
    """A run the gazetteer does not know that is one part away from a known name with all
    its other parts ("Borussia Dortmound" -> "Borussia Dortmund", "Red Bul Racing" -> "Red
    Bull Racing"): the name is searched among the known names holding the run's longest
    other part, so a look-up reads a few dozen names, not the gazetteer."""
    text, book = an.text, an.book
    name = run.surface(text)
    if book.is_known(name) or book.accepted(name):
        return None
    n = len(run.parts)
    found: list[tuple[int, str]] = []
    for i, part in enumerate(run.parts):
        others = [p for j, p in enumerate(run.parts) if j != i]
        if len(part) < 3 or sum(map(len, others)) < 4 or not all(book.known_token(p)
                                                                  for p in others):
            continue
        if book.accepted(part):
            continue
        # a part that is itself a known token ("Germaine", "Rosa") is a slip only inside
        # the name of a club, competition, stadium or place: people share first names
        known_part = book.known_token(part)
        if known_part and i == 0 and n == 2:
            mild = _first_name(an, run)
            if mild is not None:
                return mild
        anchor = max(others, key=len)
        for cand in book.gazetteer.names_with_token(anchor):
            parts = tuple(p.group() for p in _PART.finditer(cand))
            if len(parts) != n or (known_part and book.gazetteer.kind(cand) in PEOPLE):
                continue
            if _one_part_apart(tuple(normalise(p) for p in run.parts), parts) == i and \
                    part_slip(normalise(part), parts[i]) and \
                    not _namesake(an, normalise(part), parts[i]):
                found.append((i, cand))
    # "Paris Saint-Germain" and "Paris Saint Germain" are one name: the first written wins
    # (the Italian forms, then the shortest: `names_with_token`'s order)
    by_parts: dict[tuple[int, tuple[str, ...]], str] = {}
    for i, cand in found:
        by_parts.setdefault((i, tuple(fold(p.group()).lower() for p in _PART.finditer(cand))),
                            cand)
    if len(by_parts) != 1:
        return None   # none, or several known names that close: too ambiguous
    (i, _), cand = next(iter(by_parts.items()))
    cand_parts = [(p.start(), p.end()) for p in _PART.finditer(cand)]
    start, end = run.spans[i]
    rep = cand[cand_parts[i][0]:cand_parts[i][1]]
    if "’" in text[run.start:run.end]:
        rep = rep.replace("'", "’")
    return RunVariant(run, start, end, rep, cand, True, 0)


#: A part written this often in Italian text (Zipf) is a name of its own (Hawking) ...
NAMESAKE_ZIPF = 3.0
#: ... when it is within this of the known name's part (Hawkins): no slip of it
NAMESAKE_GAP = 0.5


def _namesake(an: Analysis, part: str, known: str) -> bool:
    """The odd part is a name in its own right: no word of the lexicon ("Rosa" in "Stella
    Rosa" is a common word where the club's name fits), yet common in text and about as
    frequent as the known name's part, where a slip is far rarer than what it misspells
    (Stephen Hawking is no slip of Stephen Hawkins)."""
    own = max(an.zipf(part.lower()), an.zipf(part))
    return own >= NAMESAKE_ZIPF and \
        own >= max(an.zipf(known.lower()), an.zipf(known)) - NAMESAKE_GAP and \
        not lexicon_word(part)


#: A surname held by more known full names than this is too common to pair with one of them.
FEW_NAMESAKES = 3


def _first_name(an: Analysis, run: Run) -> RunVariant | None:
    """"Simeone Inzaghi": both words are known, the full name is not, and the gazetteer
    knows the surname with a first name one slip away (Simone Inzaghi) among at most three
    people of that surname: a first name given to the wrong surname (a suggestion)."""
    first, surname = (normalise(p) for p in run.parts)
    if "-" in run.surface(an.text) or len(first) < 4:
        return None
    people = [c for c in an.book.gazetteer.names_with_token(surname)
              if len(c.split()) == 2 and c.split()[1] == surname]
    if not people or len(people) > FEW_NAMESAKES:
        return None
    close = [c for c in people if part_slip(first, c.split()[0])]
    if len(close) != 1:
        return None
    start, end = run.spans[0]
    return RunVariant(run, start, end, close[0].split()[0], close[0], True, 0, mild=True)
