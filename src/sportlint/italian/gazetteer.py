"""The name gazetteer: clubs, players, coaches, stadiums, competitions and places that
Italian sports copy names, from the sorted lists in ``data/generated/names/*.txt`` and
``data/curated/names/*.txt`` (see the ``SOURCES.md`` beside them).

Loaded lazily and once through ``resources.get("gazetteer")``. Exact look-ups are set
membership; the fuzzy index (for "Sparatk" -> "Spartak") is built on the first fuzzy query
and buckets the name tokens by first letter and length, so a query compares a word with the
few hundred tokens of its bucket, never with every name.

File names say what a list holds: ``<kind>.<source>.txt`` with kind one of ``clubs``,
``players``, ``coaches``, ``stadiums``, ``competitions``, ``places``, ``athletes``,
``drivers``, ``riders``, ``teams``, ``circuits``, ``events``, ``persons`` (surnames),
``firstnames``, ``comuni``; one name per line.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

from sportlint.util import lazyregex
from sportlint.util.datapaths import data_dir
from sportlint.util.fuzzy import extract_osa
from sportlint.util.sortedlines import Fences

KINDS = {"clubs": "club", "players": "player", "coaches": "coach", "stadiums": "stadium",
         "competitions": "competition", "places": "place", "athletes": "athlete",
         "drivers": "driver", "riders": "rider", "teams": "team", "circuits": "circuit",
         "events": "event", "persons": "person", "comuni": "comune",
         "firstnames": "first name"}
# Italian labels of the kinds, for messages.
KIND_LABELS = {"club": "squadra", "player": "giocatore", "coach": "allenatore",
               "stadium": "stadio", "competition": "competizione", "place": "luogo",
               "athlete": "atleta", "driver": "pilota", "rider": "corridore",
               "team": "squadra", "circuit": "circuito", "event": "gara",
               "person": "cognome", "first name": "nome di battesimo", "comune": "comune",
               "accepted": "nome accettato"}
#: Lists of every name a person or a town may have (Italian surnames, all comuni): many of
#: their names are ordinary words too (Carriera, Calcio), which the other lists never hold.
#: A token only these lists know is a *weak* token (`Gazetteer.weak_token`).
WEAK_KINDS = frozenset({"person", "comune", "first name"})
#: The endings of a regular Italian demonym or place adjective, after the place's stem
#: (longest first): milan-ese, bresci-ano, palerm-itano, parm-ense, bergam-asco.
DEMONYM_SUFFIXES = tuple(sorted(
    {f"{base}{end}" for base, ends in (("es", "ei"), ("an", "oaie"), ("itan", "oaie"),
                                       ("in", "oaie"), ("ens", "ei"), ("asc", "oa"),
                                       ("ot", "aie"), ("iot", "aie"))
     for end in ends} | {"aschi", "asche"}, key=lambda x: (-len(x), x)))
#: The kinds that name people (a shared first name or surname says nothing).
PEOPLE = frozenset({"player", "coach", "athlete", "driver", "rider", "person", "first name"})

# The segmenter's word pattern: a name token is what `segment` would make one token.
_WORD = lazyregex.compile(r"\p{L}[\p{L}\p{M}]*(?:(?:['’]|-)\p{L}[\p{L}\p{M}]*)*")


def normalise(text: str) -> str:
    """NFC with straight apostrophes: how the lists store names."""
    return unicodedata.normalize("NFC", text.replace("’", "'"))


# Letters that carry their diacritic inside (no combining mark to strip).
_FOLD_EXTRA = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                             "ı": "i", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe",
                             "ð": "d", "þ": "th"})


def fold(text: str) -> str:
    """Without diacritics (Vlahović -> Vlahovic, Højbjerg -> Hojbjerg), case kept."""
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD_EXTRA))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed
                                                 if not unicodedata.combining(c)))


def name_tokens(name: str) -> list[str]:
    return _WORD.findall(normalise(name))


def _bucket_key(word: str) -> str:
    return fold(word[:1]).lower()


#: the searches of the names holding a token (each reads the whole table: some 0.6 ms) after
#: which `Gazetteer.names_with_token` indexes every name by its tokens once (some 0.25 s,
#: what about 400 searches cost), as an archive run that meets thousands of names does; a
#: one-article check never pays for the index
SCANS_BEFORE_INDEX = 400


def _names_by_token(data: bytes) -> dict[str, list[str]]:
    """Token -> the names (of the ``name<TAB>kind`` lines of ``data``) that hold it among
    their `name_tokens`, in the table's order: what the search finds, for every token."""
    out: dict[str, list[str]] = {}
    for line in bytes(data).split(b"\n"):
        name = line.split(b"\t", 1)[0].decode()
        for tok in dict.fromkeys(name_tokens(name)):
            out.setdefault(tok, []).append(name)
    return out


class Gazetteer:
    """Known names (exact surface forms) and their tokens, with a fuzzy token index.

    Built to load fast: the shipped lists are already NFC with straight apostrophes, so a
    single check of the whole text replaces normalising every name; the token set comes from
    one pass over the text; the names holding a token are looked up only for the few tokens
    a message names, by searching the joined text; the fuzzy index is built on first use.
    """

    def __init__(self, names: Mapping[str, str], preferred: Iterable[str] = (),
                 first_names: Iterable[str] = ()) -> None:
        text = "\n".join(names)
        if "’" in text or not unicodedata.is_normalized("NFC", text):
            self._names: dict[str, str] = {normalise(n): k for n, k in names.items()}
            text = "\n".join(self._names)
        else:
            self._names = dict(names)
        #: the names joined by newlines (the search text of `names_with_token`)
        self._text = text
        #: the forms Italian copy uses (the hand-written lists): first in messages
        self._preferred = {normalise(n) for n in preferred}
        # a run of letters is one token; anything else is split as `name_tokens` does
        pieces = set(text.split())
        self._tokens: set[str] = set(filter(str.isalpha, pieces))
        for piece in pieces.difference(self._tokens):
            self._tokens.update(_WORD.findall(piece))
        self._with_token: dict[str, list[str]] = {}
        self._scans = 0
        self._by_token: dict[str, list[str]] | None = None
        #: Italian first names (the ``firstnames`` lists), whatever kind their entry took
        self.first_names = set(first_names)
        self._weak: set[str] = set()
        if WEAK_KINDS.intersection(self._names.values()):
            strong = {t for n, k in self._names.items() if k not in WEAK_KINDS
                      for t in name_tokens(n)}
            self._weak = self._tokens - strong

    @classmethod
    def from_parts(cls, names: Any, preferred: set[str], tokens: Any,
                   index: dict[str, str] | None = None, text: str | None = None,
                   weak: Any = None, first_names: Iterable[str] = ()) -> Gazetteer:
        """A gazetteer from what another one computed (names -> kind and the tokens, as
        dicts and sets or as `Table` s; the preferred names; optionally the fuzzy index
        and the joined names): `load` keeps them in the cache."""
        gaz = cls.__new__(cls)
        gaz._names, gaz._preferred, gaz._tokens = names, preferred, tokens
        gaz._text = text if text is not None else \
            "" if isinstance(names, Table) else "\n".join(names)
        gaz._with_token = {}
        gaz._scans = 0
        gaz._by_token = None
        gaz._weak = weak if weak is not None else set()
        gaz.first_names = set(first_names)
        if index is not None:
            gaz.__dict__["_index"] = index
        return gaz

    def __len__(self) -> int:
        return len(self._names)

    # --- exact -----------------------------------------------------------------------------
    def is_known(self, name: str) -> bool:
        """``name`` is a known surface form (one or more words), case-sensitive."""
        return normalise(name) in self._names

    def has_token(self, word: str) -> bool:
        """``word`` is a token of some known name ("Spartak", "Mosca", "D'Ambrosio")."""
        return normalise(word) in self._tokens

    def weak_token(self, word: str) -> bool:
        """``word`` is a token only of the lists of all surnames or all comuni (`WEAK_KINDS`):
        a name, but maybe an ordinary word first ("Carriera")."""
        return normalise(word) in self._weak

    def place_derivation(self, word: str) -> str | None:
        """The known place (comune, province, region, country, city) that ``word`` is a
        regular derivation of ("milanese" -> Milano, "palermitani" -> Palermo, "Toscana"
        -> "toscano"), or None. Regular: the place without its final vowel, then one of
        the suffixes of `DEMONYM_SUFFIXES`; irregular demonyms (napoletano, fiorentino)
        are not guessed."""
        low = fold(normalise(word)).lower()
        stems = self._place_stems
        for suffix in DEMONYM_SUFFIXES:
            if low.endswith(suffix) and len(low) - len(suffix) >= 3:
                place = stems.get(low[:-len(suffix)])
                if place is not None:
                    return place
        return None

    @cached_property
    def _place_stems(self) -> dict[str, str]:
        """Place stem (folded, lower case, without a final vowel) -> place, for the
        single-word names that are no person's (places first: Milano, Palermo, and clubs
        named after them); kept in the cache by `load`."""
        stems: dict[str, str] = {}
        for name, kind in self._names.items():
            if kind not in PEOPLE and name.isalpha() and name[:1].isupper():
                low = fold(name).lower()
                stem = low[:-1] if low[-1] in "aeiou" else low
                if kind in ("place", "comune") or stem not in stems:
                    stems[stem] = name   # a place before a club of the same stem
        return stems

    def kind(self, name: str) -> str | None:
        """'club', 'player', 'coach', 'stadium' or 'competition' (None when unknown)."""
        return self._names.get(normalise(name))

    def names_with_token(self, word: str) -> list[str]:
        """Known names that contain ``word`` as a token, Italian forms and shortest first."""
        return sorted(self._names_with(normalise(word)),
                      key=lambda n: (n not in self._preferred, len(n), n))

    def _names_with(self, token: str) -> list[str]:
        """The names with ``token`` among their tokens: each line of the joined text that
        holds the string, kept when its tokens include it (cached per token)."""
        found = self._with_token.get(token)
        if found is not None:
            return found
        found = []
        if token in self._tokens and isinstance(self._names, Table):
            if self._by_token is None and self._scans >= SCANS_BEFORE_INDEX:
                self._by_token = _names_by_token(self._names._data)
            if self._by_token is not None:
                found = list(self._by_token.get(token, ()))
                self._with_token[token] = found
                return found
            self._scans += 1
            # the table's lines are "name<TAB>kind": a hit in a kind is no name token
            data, needle = self._names._data, token.encode()
            at = data.find(needle)
            while at >= 0:
                start = data.rfind(b"\n", 0, at) + 1
                end = data.find(b"\n", at)
                name = data[start:end].split(b"\t", 1)[0].decode()
                if token in name_tokens(name):
                    found.append(name)
                at = data.find(needle, end)
        elif token in self._tokens:
            text, names = self._text, self._names
            if text.count("\n") != len(names) - 1:   # a name with a line break in it
                found = [n for n in names if token in name_tokens(n)]
                text = ""
            at = text.find(token) if text else -1
            while at >= 0:
                start = text.rfind("\n", 0, at) + 1
                end = text.find("\n", at)
                if end < 0:
                    end = len(text)
                name = text[start:end]
                if token in name_tokens(name):
                    found.append(name)
                at = text.find(token, end)
        self._with_token[token] = found
        return found

    # --- fuzzy -----------------------------------------------------------------------------
    @cached_property
    def _index(self) -> dict[str, str]:
        """"<first letter, folded> <length>" -> the tokens of that bucket, sorted, joined by
        line breaks (plain strings: the cache stores and loads them fast; a bucket is split
        on its first query)."""
        groups: dict[str, list[str]] = {}
        keys: dict[str, str] = {}   # first letter -> its bucket key (a few hundred letters)
        for tok in self._tokens:
            initial = tok[:1]
            key = keys.get(initial)
            if key is None:
                key = keys[initial] = _bucket_key(initial)
            groups.setdefault(f"{key} {len(tok)}", []).append(tok)
        return {k: "\n".join(sorted(v)) for k, v in groups.items()}

    def _bucket(self, key: str, length: int) -> list[str]:
        split: dict[str, list[str]] = self.__dict__.setdefault("_split", {})
        name = f"{key} {length}"
        found = split.get(name)
        if found is None:
            joined = self._index.get(name)
            found = split[name] = joined.split("\n") if joined else []
        return found

    def near(self, word: str, max_distance: int = 1) -> list[tuple[str, int]]:
        """Known tokens within ``max_distance`` edits of ``word`` (an adjacent transposition
        is one edit), with the same first letter, nearest first; ``word`` itself excluded."""
        word = normalise(word)
        key = _bucket_key(word)
        found: list[tuple[str, int]] = []
        for length in range(max(1, len(word) - max_distance), len(word) + max_distance + 1):
            bucket = self._bucket(key, length)
            if not bucket:
                continue
            for tok, dist, _ in extract_osa(word, bucket, max_distance):
                if tok != word:
                    found.append((tok, int(dist)))
        found.sort(key=lambda x: (x[1], x[0]))
        return found


class Table:
    """Sorted lines ``KEY<TAB>VALUE`` of UTF-8 bytes after a first line break, searched in
    place (`Fences`, a fence every 512 bytes): what
    the shipped gazetteer's names and tokens are, so that loading them from the cache is
    one read of two byte strings, not tens of thousands of Python strings in a set."""

    __slots__ = ("_count", "_data", "_fences")

    def __init__(self, data: bytes, count: int) -> None:
        self._data, self._count = data, count
        self._fences: Fences | None = None

    @classmethod
    def of(cls, items: Mapping[str, str] | Iterable[str]) -> Table | None:
        """The table of a mapping (or of keys with empty values); None when a key or value
        holds a tab or a line break (such names keep the plain dict)."""
        pairs = items.items() if isinstance(items, Mapping) else ((k, "") for k in items)
        lines = sorted(f"{k}\t{v}".encode() for k, v in pairs)
        if any(line.count(b"\t") != 1 or b"\n" in line for line in lines):
            return None
        # a line break first: every line, the first too, follows one (`Fences` asks it)
        return cls(b"\n" + b"\n".join(lines) + b"\n" if lines else b"", len(lines))

    def get(self, key: str, default: str | None = None) -> str | None:
        if not self._data or "\t" in key or "\n" in key:
            return default
        if self._fences is None:
            self._fences = Fences(self._data, 1, len(self._data), 512)
        prefix = key.encode() + b"\t"
        at = self._fences.first(prefix)
        if at < 0:
            return default
        return self._data[at + len(prefix):self._data.find(b"\n", at)].decode()

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def items(self) -> Iterator[tuple[str, str]]:
        for line in self._data.decode().split("\n")[1:-1]:
            key, _, value = line.partition("\t")
            yield key, value

    def __iter__(self) -> Iterator[str]:
        return (k for k, _ in self.items())

    def __len__(self) -> int:
        return self._count

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Table):
            return self._data == other._data
        if isinstance(other, Mapping):
            return dict(self.items()) == dict(other)
        if isinstance(other, (set, frozenset)):
            return set(self) == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


# Every character str.isspace() and str.splitlines() treat as a space or a line break,
# but LF, space and tab (tests/unit/italian/test_gazetteer.py checks the list).
ODD_SPACES = ("\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
              "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


def _tidy(text: str) -> bool:
    """One entry per LF-ended line and nothing to strip or skip (the shipped lists): no
    comment, no space or tab around a line, no other space or line-break character."""
    return not (text.startswith(("#", " ", "\t")) or text.endswith((" ", "\t"))
                or any(s in text for s in ("\n#", " \n", "\n ", "\t\n", "\n\t"))
                or any(c in text for c in ODD_SPACES))


def read_list(path: Path) -> list[str]:
    """The entries of a list file: one per line, stripped; blank lines and # comments out."""
    text = path.read_text(encoding="utf-8")
    if _tidy(text):
        return list(filter(None, text.split("\n")))
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


NAME_FOLDERS = ("generated/names", "curated/names")


def name_lists() -> list[Path]:
    """The shipped name lists, generated and hand-written together, sorted by file name."""
    return sorted((path for folder in NAME_FOLDERS for path in (data_dir() / folder).glob("*.txt")),
                  key=lambda path: path.name)


def read_names(paths: Iterable[Path]) -> tuple[dict[str, str], set[str]]:
    """Name -> kind from every ``<kind>.<source>.txt`` list of ``paths``, and the names of
    the hand-written ``*.sportlint.txt`` lists (the Italian forms). A name in several lists
    takes the kind of the first list (by file name; the lists of every surname and every
    comune, `WEAK_KINDS`, after all others)."""
    lists: list[tuple[list[str], str]] = []
    preferred: set[str] = set()
    def order(path: Path) -> tuple[bool, str]:   # the lists of every surname and comune last
        return KINDS.get(path.name.split(".", 1)[0]) in WEAK_KINDS, path.name

    for path in sorted(paths, key=order):
        kind = KINDS.get(path.name.split(".", 1)[0])
        if kind is None:
            continue
        entries = read_list(path)
        lists.append((entries, kind))
        if path.name.endswith(".sportlint.txt"):
            preferred.update(entries)
    names: dict[str, str] = {}
    for entries, kind in reversed(lists):   # earlier lists overwrite later ones
        names.update(dict.fromkeys(entries, kind))
    return names, preferred


def from_names(names: Iterable[str], kind: str = "accepted") -> Gazetteer:
    return Gazetteer({n: kind for n in names})


def load(lists: list[Path] | None = None) -> Gazetteer:
    """The shipped gazetteer (the ``gazetteer`` resource), or one of some of its ``lists``
    (the benchmark compares them). What it builds from the lists (names, tokens, fuzzy
    index) is kept in sportlint's cache (`sportlint.util.cache`), keyed by the lists'
    sizes and times."""
    from sportlint.util.cache import cached

    lists = name_lists() if lists is None else lists
    sources = [p for p in lists if p.name.split(".", 1)[0] in KINDS]
    sources.append(Path(__file__))   # the code that derives the entry

    def build() -> tuple[Any, ...]:
        firsts = [n for p in lists if p.name.startswith("firstnames.") for n in read_list(p)]
        gaz = Gazetteer(*read_names(lists), first_names=firsts)
        names, tokens = Table.of(gaz._names), Table.of(gaz._tokens)
        weak = Table.of(gaz._weak)
        if names is None or tokens is None or weak is None:   # a tab: dicts and sets
            return (gaz._names, gaz._preferred, gaz._tokens, gaz._index, gaz._text, gaz._weak,
                    sorted(gaz.first_names))
        return ("tables", names._data, len(names), tokens._data, len(tokens), weak._data,
                len(weak), sorted(gaz._preferred), gaz._index, None,
                sorted(gaz.first_names), gaz._place_stems)

    parts = cached("gazetteer", sources, build)
    if parts[0] == "tables":
        (_, names, n_names, tokens, n_tokens, weak, n_weak, preferred, index, text, firsts,
         stems) = parts
        gaz = Gazetteer.from_parts(Table(names, n_names), set(preferred),
                                   Table(tokens, n_tokens), index, text, Table(weak, n_weak),
                                   firsts)
        gaz.__dict__["_place_stems"] = stems
        return gaz
    return Gazetteer.from_parts(*parts)
