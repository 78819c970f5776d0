"""sportlint's part-of-speech tagger: a greedy averaged perceptron (Honnibal's design).

``resources.get("tagger")`` returns a `Tagger`; ``tagger.tag(["La", "squadra", "è",
"partita"])`` gives one `Tag` per word: its Universal Dependencies part of speech (``DET``,
``NOUN``, ``AUX``, ``VERB`` ...; a word that UD splits, such as an articulated preposition or a
verb with an enclitic, gets the joined tag: ``della`` is ``ADP+DET``, ``farlo`` ``VERB+PRON``)
and a confidence between 0 and 1 (a softmax of the perceptron's scores with a temperature
fitted on held-out sentences when the model was built; words the training data always saw
with one tag carry the share of that tag). Rules act only on confident tags.

Features: the word, its suffixes and shape, its neighbours, the two previous tags, and the
*ambiguity class* of the word and of its neighbours in sportlint's lexicon (the set of parts
of speech the lexicon gives it, with a verb's mood), so that the tagger generalises to words
the treebanks never saw.

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


def features(words: Sequence[str], norms: Sequence[str], ambs: Sequence[str], i: int,
             prev: str, prev2: str) -> list[str]:
    """The features of word ``i``: ``norms``/``ambs`` are padded by two at each end."""
    j = i + 2
    w = norms[j]
    a = ambs[j]
    return [
        "b",
        "w " + w,
        "s3 " + w[-3:],
        "s2 " + w[-2:],
        "s1 " + w[-1:],
        "p1 " + w[:1],
        "sh " + shape(words[i]) + (" 0" if i == 0 else ""),
        "t1 " + prev,
        "t2 " + prev2 + " " + prev,
        "t1w " + prev + " " + w,
        "w-1 " + norms[j - 1],
        "s-1 " + norms[j - 1][-3:],
        "w+1 " + norms[j + 1],
        "s+1 " + norms[j + 1][-3:],
        "w-2 " + norms[j - 2],
        "w+2 " + norms[j + 2],
        "a " + a,
        "a-1 " + ambs[j - 1],
        "a+1 " + ambs[j + 1],
        "at1 " + a + " " + prev,
        "aa+1 " + a + " " + ambs[j + 1],
        "aa-1 " + ambs[j - 1] + " " + a,
        "a+2 " + ambs[j + 2],
        "s4 " + w[-4:],
        "ww+1 " + w + " " + norms[j + 1],
        "w-1w " + norms[j - 1] + " " + w,
        "as3 " + a + " " + w[-3:],
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

    def tag(self, words: Sequence[str]) -> list[Tag]:
        norms = [*START, *map(normalise, words), *END]
        lexicon = self.lexicon
        ambs = [*START, *(ambiguity(lexicon, w) for w in words), *END]
        tags = self.tags
        n = len(tags)
        table = self.table
        mask = self.mask
        unambiguous = self.unambiguous
        temperature = self.temperature
        crc = zlib.crc32
        rows_of = self._rows
        if len(rows_of) > _ROWS_KEPT:
            rows_of.clear()
        get = rows_of.get
        exp = math.exp
        prev, prev2 = START
        out: list[Tag] = []
        for i in range(len(words)):
            known = unambiguous.get(norms[i + 2])
            if known is not None:
                best, conf = known
            else:
                rows = []
                for f in features(words, norms, ambs, i, prev, prev2):
                    row = get(f)
                    if row is None:
                        o = (crc(f.encode("utf-8", "surrogatepass")) & mask) * n
                        row = rows_of[f] = tuple(table[o:o + n])
                    rows.append(row)
                scores = list(map(sum, zip(*rows, strict=True)))
                top = max(scores)
                best = scores.index(top)
                conf = 1.0 / sum([exp((s - top) / temperature) for s in scores])
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


def train(sentences: Sequence[Sentence], lexicon: Any, iterations: int = 8,
          seed: int = 0, progress: Callable[[str], None] | None = None,
          min_weight: float = 0.05, buckets: int = BUCKETS) -> Tagger:
    """An averaged perceptron trained on ``sentences`` (greedy, previous tags as predicted)."""
    import random

    tags = sorted({t for _, ts in sentences for t in ts})
    model = Perceptron(tags)
    unamb = unambiguous_words(sentences)
    prepared = []
    for words, ts in sentences:
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
    """The softmax temperature that makes the confidences of ``sentences`` most likely
    (a grid search on the held-out data's log-likelihood)."""
    best_t, best_ll = tagger.temperature, -math.inf
    for t in (25.0, 50.0, 75.0, 100.0, 150.0, 200.0, 300.0, 400.0, 600.0, 800.0):
        tagger.temperature = t
        ll = 0.0
        for words, ts in sentences:
            for tag, truth in zip(tagger.tag(words), ts, strict=True):
                p = tag.confidence if tag.pos == truth else (1 - tag.confidence) / 4
                ll += math.log(max(p, 1e-9))
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


def parse(data: Any, lexicon: Any = None) -> Tagger:
    """A `Tagger` over the decompressed model file ``data`` (bytes or a memory map: the
    weight table is read in place)."""
    end = data.find(b"\n")
    header = json.loads(bytes(data[:end]).decode("utf-8"))
    table = memoryview(data)[end + 1:]
    if sys.byteorder != "little":
        import array

        swapped = array.array("h")
        swapped.frombytes(table)
        swapped.byteswap()
        table = memoryview(swapped)
    else:
        table = table.cast("h")
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
