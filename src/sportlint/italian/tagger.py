"""sportlint's part-of-speech tagger: a greedy averaged perceptron (Honnibal's design).

``resources.get("tagger")`` returns a `Tagger`; ``tagger.tag(["La", "squadra", "è",
"partita"])`` gives one `Tag` per word: its Universal Dependencies part of speech (``DET``,
``NOUN``, ``AUX``, ``VERB`` ...; a word that UD splits, such as an articulated preposition or a
verb with an enclitic, gets the joined tag: ``della`` is ``ADP+DET``, ``farlo`` ``VERB+PRON``)
and a confidence between 0 and 1 (a softmax of the perceptron's scores with a temperature
fitted on held-out sentences when the model was built; words the training data always saw
with one tag carry the share of that tag). Rules act only on confident tags.

Features: the word, its suffixes, prefixes and shape, its neighbours two each side (word,
suffix, ambiguity class) and its pairs with the next and the previous word, the two
previous tags, and the *ambiguity class* of the word and of its neighbours in sportlint's
lexicon (the set of parts of speech the lexicon gives it, with a verb's mood), so that the
tagger generalises to words the treebanks never saw. Only the last group depends on the
tags: `Tagger.tag` sums each of the others once per word and keeps the sums (a word, a
neighbour or a pair seen before costs one row), so features of the words cost next to
nothing at tagging time.

Training (`train`) also reads `noisy` copies of the sentences, with slips of inflection of
the kind the rules look for (another article, gender, number or person of the same lemma)
under the true tags, so that a slip does not shake the tagger's confidence in the words
around it, which the rules ask it to confirm.

The model (``data/generated/tagger/it.tagger.gz``, built by ``scripts/build_tagger.py`` from
the UD treebanks PUD, MarkIT, ParlaMint and Valico; CC BY-SA 4.0) is a gzipped file: a line
of JSON (tags, temperature, the unambiguous words, the table's size), then the weights as one
table of 16-bit integers, a row of one weight per tag for each of `BUCKETS` hashed features
(CRC-32 of the feature's text: features that share a bucket share its weights). `load`
keeps the decompressed file in sportlint's start-up cache (`sportlint.util.cache`) and
memory-maps it from there, so loading reads only the header.
"""

from __future__ import annotations

import gzip
import json
import math
import sys
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sportlint.util.datapaths import data_dir

FILE = "generated/tagger/it.tagger.gz"
#: rows of the weight table (a power of two)
BUCKETS = 1 << 18
#: features whose rows `Tagger.tag` keeps as tuples before it starts again
_ROWS_KEPT = 200_000
START = ("-START-", "-START2-")
END = ("-END-", "-END2-")


@dataclass(frozen=True)
class Tag:
    """A word's part of speech (UD UPOS, joined with ``+`` for a contraction) and the
    tagger's confidence in it (0 to 1)."""

    pos: str
    confidence: float


def normalise(word: str) -> str:
    """The form features are built on: lower case, a straight apostrophe, digits as 9."""
    low = word.lower().replace("’", "'")
    if any(c.isdigit() for c in low):
        return "".join("9" if c.isdigit() else c for c in low)
    return low


def shape(word: str) -> str:
    if word[:1].isupper():
        return "C" if word[1:].islower() or len(word) == 1 else "U"
    if word[:1].isdigit():
        return "9"
    if word[:1].isalpha():
        return "l"
    return "p"


def ambiguity(lexicon: Any, word: str) -> str:
    """The word's parts of speech in the lexicon, a verb's mood with it: ``"ADJ|NOUN|VERpart"``;
    ``"?"`` for a word the lexicon does not know."""
    if lexicon is None:
        return "?"
    out = set()
    for a in lexicon.analyses(word.replace("’", "'")):
        if a.pos in ("VER", "AUX"):
            out.add(a.pos + ("fin" if a.finite else a.mood))
        else:
            out.add(a.pos)
    return "|".join(sorted(out)) or "?"


def word_features(word: str, w: str, a: str, first: bool) -> list[str]:
    """The features of the word itself: its form ``w`` (normalised), affixes, shape and
    ambiguity class ``a`` (``word`` as written, ``first`` for a sentence's first word)."""
    return [
        "b",
        "w " + w,
        "s1 " + w[-1:],
        "s2 " + w[-2:],
        "s3 " + w[-3:],
        "s4 " + w[-4:],
        "p1 " + w[:1],
        "sh " + shape(word) + (" 0" if first else ""),
        "a " + a,
        "as3 " + a + " " + w[-3:],
    ]


def left_features(w: str, a: str) -> list[str]:
    """The previous word's features."""
    return ["w-1 " + w, "s-1 " + w[-3:], "a-1 " + a]


def right_features(w: str, a: str) -> list[str]:
    """The next word's features."""
    return ["w+1 " + w, "s+1 " + w[-3:], "a+1 " + a]


def left2_features(w: str, a: str) -> list[str]:
    return ["w-2 " + w]


def right2_features(w: str, a: str) -> list[str]:
    return ["w+2 " + w, "a+2 " + a]


def pair_features(w: str, a: str, w1: str, a1: str, right: bool) -> list[str]:
    """The features of the word and its next (``right``) or previous neighbour together."""
    if right:
        return ["ww+1 " + w + " " + w1, "aa+1 " + a + " " + a1]
    return ["w-1w " + w1 + " " + w, "aa-1 " + a1 + " " + a]


def tag_features(w: str, a: str, a1: str, prev: str, prev2: str) -> list[str]:
    """The features of the previous two tags (``a1``: the next word's ambiguity class)."""
    return [
        "t1 " + prev,
        "t2 " + prev2 + " " + prev,
        "t1w " + prev + " " + w,
        "at1 " + a + " " + prev,
    ]


def features(words: Sequence[str], norms: Sequence[str], ambs: Sequence[str], i: int,
             prev: str, prev2: str) -> list[str]:
    """The features of word ``i``: ``norms``/``ambs`` are padded by two at each end. The
    groups that do not depend on the tags are summed once per word by `Tagger.tag`."""
    j = i + 2
    w, a = norms[j], ambs[j]
    return [
        *word_features(words[i], w, a, i == 0),
        *left_features(norms[j - 1], ambs[j - 1]),
        *right_features(norms[j + 1], ambs[j + 1]),
        *left2_features(norms[j - 2], ambs[j - 2]),
        *right2_features(norms[j + 2], ambs[j + 2]),
        *pair_features(w, a, norms[j + 1], ambs[j + 1], True),
        *pair_features(w, a, norms[j - 1], ambs[j - 1], False),
        *tag_features(w, a, ambs[j + 1], prev, prev2),
    ]


def bucket(feature: str, mask: int = BUCKETS - 1) -> int:
    return zlib.crc32(feature.encode("utf-8", "surrogatepass")) & mask


class Tagger:
    """Greedy left-to-right tagging with fixed weights (see the module doc): ``table`` holds
    ``len(tags)`` weights per bucket, ``table[bucket(feature) * len(tags) + tag]``."""

    def __init__(self, tags: Sequence[str], table: Any,
                 unambiguous: dict[str, tuple[int, float]], temperature: float,
                 lexicon: Any = None) -> None:
        self.tags = tuple(tags)
        self.table = table
        self.mask = len(table) // len(self.tags) - 1
        self.unambiguous = unambiguous  # normalised word -> (tag index, share)
        self.temperature = temperature
        self.lexicon = lexicon
        # feature -> its row of the table, as a tuple (read once: summing tuples is faster)
        self._rows: dict[str, tuple[int, ...]] = {}
        # a group of features that do not depend on the tags (the word's own, a neighbour's,
        # a pair's) -> the sum of their rows
        self._groups: dict[tuple[Any, ...], tuple[int, ...]] = {}

    def _row(self, f: str) -> tuple[int, ...]:
        row = self._rows.get(f)
        if row is None:
            n = len(self.tags)
            o = (zlib.crc32(f.encode("utf-8", "surrogatepass")) & self.mask) * n
            row = self._rows[f] = tuple(self.table[o:o + n])
        return row

    def _group(self, feats: Callable[..., list[str]], *args: Any) -> tuple[int, ...]:
        """The sum of the rows of ``feats(*args)``, kept per (``feats``, ``args``)."""
        key = (feats, *args)
        row = self._groups.get(key)
        if row is None:
            n = len(self.tags)
            mask = self.mask
            table = self.table
            crc = zlib.crc32
            offsets = [(crc(f.encode("utf-8", "surrogatepass")) & mask) * n
                       for f in feats(*args)]
            row = self._groups[key] = tuple(map(sum, zip(*[table[o:o + n] for o in offsets],
                                                         strict=True)))
        return row

    def tag(self, words: Sequence[str]) -> list[Tag]:
        return self._tag(words, None)

    def _tag(self, words: Sequence[str],
             scored: list[tuple[int, list[int]]] | None) -> list[Tag]:
        """`tag`, also appending (word index, scores) of each scored word to ``scored``."""
        norms = [*START, *map(normalise, words), *END]
        lexicon = self.lexicon
        ambs = [*START, *(ambiguity(lexicon, w) for w in words), *END]
        tags = self.tags
        unambiguous = self.unambiguous
        temperature = self.temperature
        if len(self._rows) > _ROWS_KEPT or len(self._groups) > _ROWS_KEPT:
            self._rows.clear()
            self._groups.clear()
        group = self._group
        row_of = self._row
        exp = math.exp
        prev, prev2 = START
        out: list[Tag] = []
        for i, word in enumerate(words):
            j = i + 2
            w, a = norms[j], ambs[j]
            known = unambiguous.get(w)
            if known is not None:
                best, conf = known
            else:
                wl, al, wr, ar = norms[j - 1], ambs[j - 1], norms[j + 1], ambs[j + 1]
                wl2, al2, wr2, ar2 = norms[j - 2], ambs[j - 2], norms[j + 2], ambs[j + 2]
                rows = [
                    group(word_features, word, w, a, i == 0),
                    group(left_features, wl, al),
                    group(right_features, wr, ar),
                    group(left2_features, wl2, al2),
                    group(right2_features, wr2, ar2),
                    # pairs are rarely seen twice: their rows are added one by one
                    *map(row_of, pair_features(w, a, wr, ar, True)),
                    *map(row_of, pair_features(w, a, wl, al, False)),
                    *map(row_of, tag_features(w, a, ar, prev, prev2)),
                ]
                scores = list(map(sum, zip(*rows, strict=True)))
                top = max(scores)
                best = scores.index(top)
                conf = 1.0 / sum([exp((s - top) / temperature) for s in scores])
                if scored is not None:
                    scored.append((i, scores))
            out.append(Tag(tags[best], conf))
            prev2, prev = prev, tags[best]
        return out


# --- training (scripts/build_tagger.py and bench/bench_tagger.py) -------------------------

Sentence = tuple[list[str], list[str]]   # words, tags


class Perceptron:
    """The averaged perceptron being trained: weights with their running totals."""

    def __init__(self, tags: Sequence[str]) -> None:
        self.tags = list(tags)
        self.index = {t: i for i, t in enumerate(self.tags)}
        self.weights: dict[str, dict[int, float]] = defaultdict(dict)
        self._totals: dict[tuple[str, int], float] = defaultdict(float)
        self._stamps: dict[tuple[str, int], int] = defaultdict(int)
        self.instances = 0

    def predict(self, feats: Iterable[str]) -> int:
        scores = [0.0] * len(self.tags)
        for f in feats:
            row = self.weights.get(f)
            if row:
                for t, w in row.items():
                    scores[t] += w
        return max(range(len(scores)), key=lambda t: (scores[t], -t))

    def update(self, truth: int, guess: int, feats: Iterable[str]) -> None:
        self.instances += 1
        if truth == guess:
            return
        for f in feats:
            row = self.weights[f]
            for t, delta in ((truth, 1.0), (guess, -1.0)):
                key = (f, t)
                w = row.get(t, 0.0)
                self._totals[key] += (self.instances - self._stamps[key]) * w
                self._stamps[key] = self.instances
                row[t] = w + delta

    def averaged(self) -> dict[str, dict[int, float]]:
        out: dict[str, dict[int, float]] = {}
        for f, row in self.weights.items():
            new = {}
            for t, w in row.items():
                key = (f, t)
                total = self._totals[key] + (self.instances - self._stamps[key]) * w
                avg = total / self.instances
                if avg:
                    new[t] = avg
            if new:
                out[f] = new
        return out


def unambiguous_words(sentences: Sequence[Sentence], min_count: int = 20,
                      min_share: float = 0.995) -> dict[str, tuple[str, float]]:
    """Words seen often and (almost) always with one tag: tagged without scoring."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for words, tags in sentences:
        for w, t in zip(words, tags, strict=True):
            counts[normalise(w)][t] += 1
    out = {}
    for w, by_tag in counts.items():
        tag, k = max(by_tag.items(), key=lambda kv: kv[1])
        total = sum(by_tag.values())
        if total >= min_count and k / total >= min_share:
            out[w] = (tag, k / total)
    return out


#: the article forms that replace each other in a `noisy` copy (definite, indefinite)
_ARTICLE_SETS = (("il", "lo", "la", "i", "gli", "le", "l'"), ("un", "uno", "una", "un'"))
#: articulated prepositions: the preposition's stem, then the article's ending
_ARTPRE = {"del": "de", "dello": "de", "della": "de", "dei": "de", "degli": "de", "delle": "de",
           "dell'": "de", "al": "a", "allo": "a", "alla": "a", "ai": "a", "agli": "a",
           "alle": "a", "all'": "a", "dal": "da", "dallo": "da", "dalla": "da", "dai": "da",
           "dagli": "da", "dalle": "da", "dall'": "da", "nel": "ne", "nello": "ne",
           "nella": "ne", "nei": "ne", "negli": "ne", "nelle": "ne", "nell'": "ne",
           "sul": "su", "sullo": "su", "sulla": "su", "sui": "su", "sugli": "su",
           "sulle": "su", "sull'": "su"}
#: the lexicon's parts of speech whose other forms may stand for a word of each tag
_SAME_LEMMA = {"NOUN": ("NOUN",), "ADJ": ("ADJ",), "DET": ("DET", "ADJ"),
               "VERB": ("VER",), "AUX": ("AUX", "VER"), "PRON": ("PRO",)}


def variants(lexicon: Any, word: str, tag: str) -> list[str]:
    """Other forms a writer may slip into for ``word`` (tagged ``tag``): the other articles,
    the articulated preposition with another article, and the lexicon's forms of the
    word's lemma in another gender, number or person (same mood and tense)."""
    low = word.lower().replace("’", "'")
    if tag == "DET":
        for group in _ARTICLE_SETS:
            if low in group:
                return [f for f in group if f != low]
    if tag == "ADP+DET" and low in _ARTPRE:
        stem = _ARTPRE[low]
        return [f for f, st in _ARTPRE.items() if st == stem and f != low]
    pos = _SAME_LEMMA.get(tag)
    if pos is None or lexicon is None:
        return []
    out: list[str] = []
    for a in lexicon.analyses(low):
        if a.pos not in pos:
            continue
        if a.pos in ("VER", "AUX"):
            if not (a.finite or a.mood == "part"):
                continue
            forms = lexicon.forms(a.lemma, a.pos, mood=a.mood, tense=a.tense)
        else:
            forms = lexicon.forms(a.lemma, a.pos)
        out.extend(f for f in forms if f != low and f not in out and " " not in f)
    return out


def noisy(sentences: Sequence[Sentence], lexicon: Any, seed: int = 0,
          rate: float = 0.15) -> list[Sentence]:
    """A copy of each sentence with slips of inflection (each word that has `variants`
    replaced by one of them with probability ``rate``; the gold tags kept), for the
    sentences that get at least one. The rules ask the tagger about exactly such words
    (*le ultime due partita*, *i tifosi ha cantato*): trained on clean text alone, the
    tagger loses confidence in the words around a slip, which is what it is there to
    confirm."""
    import random

    rng = random.Random(seed)
    out: list[Sentence] = []
    for words, ts in sentences:
        new = list(words)
        changed = False
        for i, (w, t) in enumerate(zip(words, ts, strict=True)):
            if rng.random() >= rate:
                continue
            options = variants(lexicon, w, t)
            if options:
                v = rng.choice(options)
                new[i] = v[:1].upper() + v[1:] if w[:1].isupper() else v
                changed = True
        if changed:
            out.append((new, list(ts)))
    return out


def train(sentences: Sequence[Sentence], lexicon: Any, iterations: int = 8,
          seed: int = 0, progress: Callable[[str], None] | None = None,
          min_weight: float = 0.05, buckets: int = BUCKETS, augment: int = 3) -> Tagger:
    """An averaged perceptron trained on ``sentences`` (greedy, previous tags as predicted)
    and on ``augment`` `noisy` copies of them (the unambiguous words are read from the
    sentences as written)."""
    import random

    tags = sorted({t for _, ts in sentences for t in ts})
    model = Perceptron(tags)
    unamb = unambiguous_words(sentences)
    prepared = []
    copies = [s for k in range(augment) for s in noisy(sentences, lexicon, seed + k)]
    for words, ts in [*sentences, *copies]:
        norms = [*START, *map(normalise, words), *END]
        ambs = [*START, *(ambiguity(lexicon, w) for w in words), *END]
        prepared.append((words, ts, norms, ambs))
    order = list(range(len(prepared)))
    rng = random.Random(seed)
    for it in range(iterations):
        right = total = 0
        for s in order:
            words, ts, norms, ambs = prepared[s]
            prev, prev2 = START
            for i in range(len(words)):
                known = unamb.get(norms[i + 2])
                if known is not None:
                    guess_tag = known[0]
                else:
                    feats = features(words, norms, ambs, i, prev, prev2)
                    guess = model.predict(feats)
                    model.update(model.index[ts[i]], guess, feats)
                    guess_tag = tags[guess]
                right += guess_tag == ts[i]
                total += 1
                prev2, prev = prev, guess_tag
        rng.shuffle(order)
        if progress:
            progress(f"iteration {it + 1}: {right / max(total, 1):.4f} on training data")
    return pack(tags, model.averaged(), unamb, lexicon, min_weight, buckets)


def pack(tags: Sequence[str], weights: dict[str, dict[int, float]],
         unamb: dict[str, tuple[str, float]], lexicon: Any, min_weight: float = 0.05,
         buckets: int = BUCKETS) -> Tagger:
    """The trained weights as a `Tagger`'s hashed table (weights x 100, rounded)."""
    import array

    n = len(tags)
    sums = [0.0] * (buckets * n)
    for f, row in weights.items():
        o = bucket(f, buckets - 1) * n
        for t, w in row.items():
            if abs(w) >= min_weight:
                sums[o + t] += w
    table = array.array("h", (max(-32768, min(32767, round(w * 100))) for w in sums))
    index = {t: i for i, t in enumerate(tags)}
    return Tagger(tags, memoryview(table), {w: (index[t], share) for w, (t, share)
                                            in unamb.items()}, 100.0, lexicon)


def fit_temperature(tagger: Tagger, sentences: Sequence[Sentence]) -> float:
    """The softmax temperature that makes the tags of ``sentences`` most likely: a grid
    search on the held-out data's log-likelihood of the true tag, over the words the model
    scores (the unambiguous words' confidence is their share, whatever the temperature)."""
    index = {t: k for k, t in enumerate(tagger.tags)}
    scored: list[tuple[int, list[int]]] = []
    for words, ts in sentences:
        out: list[tuple[int, list[int]]] = []
        tagger._tag(words, out)
        scored.extend((index.get(ts[i], -1), scores) for i, scores in out)
    best_t, best_ll = tagger.temperature, -math.inf
    for t in [25.0 * k for k in range(1, 81)]:
        ll = 0.0
        for truth, scores in scored:
            top = max(scores)
            norm = math.log(sum(math.exp((v - top) / t) for v in scores))
            p = (scores[truth] - top) / t - norm if truth >= 0 else -math.inf
            ll += max(p, math.log(1e-9))
        if ll > best_ll:
            best_t, best_ll = t, ll
    tagger.temperature = best_t
    return best_t


def dumps(tagger: Tagger, meta: dict[str, Any]) -> bytes:
    """The model file (see the module doc), gzipped reproducibly."""
    import array
    import io

    header = {"tags": list(tagger.tags), "temperature": tagger.temperature,
              "buckets": tagger.mask + 1,
              "unambiguous": {w: [t, round(s, 4)] for w, (t, s)
                              in sorted(tagger.unambiguous.items())}, **meta}
    head = json.dumps(header, ensure_ascii=False, sort_keys=True).encode("utf-8")
    head += b" " * (len(head) % 2) + b"\n"      # the table starts at an even offset
    table = array.array("h", tagger.table)
    if sys.byteorder != "little":
        table.byteswap()
    buf = io.BytesIO()
    with gzip.GzipFile("", "wb", 9, buf, mtime=0) as fh:
        fh.write(head + table.tobytes())
    return buf.getvalue()


def model_file(data: Any) -> tuple[dict[str, Any], memoryview]:
    """The JSON header and the little-endian 16-bit weights of a decompressed model file
    (the tagger's and the parser's: a header line, then the weights), the weights read in
    place from ``data`` (bytes or a memory map) where the machine is little-endian."""
    end = data.find(b"\n")
    header = json.loads(bytes(data[:end]).decode("utf-8"))
    body = memoryview(data)[end + 1:]
    if sys.byteorder != "little":
        import array

        swapped = array.array("h")
        swapped.frombytes(body)
        swapped.byteswap()
        return header, memoryview(swapped)
    return header, body.cast("h")


def parse(data: Any, lexicon: Any = None) -> Tagger:
    """A `Tagger` over the decompressed model file ``data`` (bytes or a memory map: the
    weight table is read in place)."""
    header, table = model_file(data)
    n = len(header["tags"])
    if len(table) != header["buckets"] * n:
        raise ValueError("damaged tagger model: the weight table has the wrong size")
    unamb = {w: (int(t), float(s)) for w, (t, s) in header["unambiguous"].items()}
    return Tagger(header["tags"], table, unamb, float(header["temperature"]), lexicon)


def load() -> Tagger:
    """The shipped model, with the shipped lexicon for its ambiguity classes."""
    from sportlint.italian import resources
    from sportlint.util.cache import cached_blob

    source = data_dir() / FILE
    blob = cached_blob("tagger", [source], lambda: gzip.decompress(source.read_bytes()))
    return parse(blob, resources.get("lexicon"))
