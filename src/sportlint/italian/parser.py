"""sportlint's dependency parser: greedy arc-hybrid transitions scored by an averaged
perceptron, trained with a dynamic oracle (Goldberg and Nivre 2013; the design of Honnibal's
"Parsing English in 500 lines of Python"), and a second perceptron that labels the arcs.

``resources.get("parser")`` returns a `Parser`; ``parser.parse(words, tags)`` takes the
written words of a sentence and the tagger's parts of speech (``italian.tagger``: joined tags
such as ``ADP+DET`` for an articulated preposition) and gives one `Arc` per word: the index
of its head (``-1`` for the sentence's root), its Universal Dependencies relation (``nsubj``,
``obj``, ``appos``, ``acl:relcl`` ...; a few subtypes kept, see `KEEP`), and two confidences
between 0 and 1: of the transition that made the arc (a softmax over the valid transitions
with a temperature fitted on held-out sentences) and of its label. Rules act only on
confident arcs.

The model (``data/generated/parser/it.parser.gz``, built by ``scripts/build_parser.py`` from
the UD treebanks PUD, MarkIT, ParlaMint and Valico; CC BY-SA 4.0) is a gzipped file: a line
of JSON (labels, temperatures, table sizes), then two tables of 16-bit integers: the
transition weights (a row of 3 per hashed feature) and the label weights (a row of one per
label). Like the tagger, `load` memory-maps the decompressed file from sportlint's start-up
cache. Nothing loads it unless a rule has a candidate sentence. Its features read the
lexicon's number and verb form of each word (`morph`), so it is built with the lexicon it
ships with. Training is ``sportlint.italian._train_parser`` (not imported at run time).
"""

from __future__ import annotations

import gzip
import math
import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sportlint.italian.tagger import model_file, normalise
from sportlint.util.datapaths import data_dir

FILE = "generated/parser/it.parser.gz"
SHIFT, RIGHT, LEFT = 0, 1, 2
MOVES = (SHIFT, RIGHT, LEFT)
#: rows of the transition and the label tables (powers of two)
BUCKETS = 1 << 19
LABEL_BUCKETS = 1 << 15
#: relation subtypes kept (every other subtype is folded into its relation)
KEEP = frozenset({"acl:relcl", "nsubj:pass", "aux:pass", "obl:agent", "expl:impers"})
_ROWS_KEPT = 300_000


@dataclass(frozen=True)
class Arc:
    """A word's head (index in the sentence, -1 for the root), relation and confidences."""

    head: int
    label: str
    confidence: float
    label_confidence: float


def coarse_label(label: str) -> str:
    return label if label in KEEP else label.split(":")[0]


class _State:
    """A parse in progress: words are 1..n-2 (0 a start pad, n-1 the root)."""

    __slots__ = ("_counts", "heads", "i", "lefts", "n", "rights", "stack")

    def __init__(self, n: int) -> None:
        self.n = n
        self.heads: list[int] = [-1] * n
        self.lefts: list[list[int]] = [[] for _ in range(n)]
        self.rights: list[list[int]] = [[] for _ in range(n)]
        self.stack: list[int] = [1]
        self.i = 2
        self._counts: tuple[list[int], list[int]] | None = None

    def counts(self, tags: Sequence[str]) -> tuple[list[int], list[int]]:
        """Prefix counts of punctuation and of verbs: ``c[k]`` over words ``0..k-1``."""
        if self._counts is None:
            p, v = [0], [0]
            for t in tags:
                p.append(p[-1] + (t == "PUNCT"))
                v.append(v[-1] + (t.startswith(("VERB", "AUX"))))
            self._counts = (p, v)
        return self._counts

    def done(self) -> bool:
        return not self.stack and self.i + 1 >= self.n

    def valid(self) -> list[int]:
        moves = []
        if self.i + 1 < self.n:
            moves.append(SHIFT)
        if len(self.stack) >= 2:
            moves.append(RIGHT)
        if self.stack:
            moves.append(LEFT)
        return moves

    def apply(self, move: int) -> None:
        stack = self.stack
        if move == SHIFT:
            stack.append(self.i)
            self.i += 1
            return
        child = stack.pop()
        head = stack[-1] if move == RIGHT else self.i
        self.heads[child] = head
        (self.lefts if child < head else self.rights)[head].append(child)


def _ctx(items: list[int], k: int, data: Sequence[str]) -> str:
    return data[items[-k]] if len(items) >= k else ""


def morph(lexicon: Any, word: str, tag: str) -> str:
    """What the lexicon says of a word's number and (for a verb) its form, under its tag:
    ``"p"``, ``"s|p"``, ``"fins"``, ``"inf"``, ``"parts"``, or ``""``."""
    if lexicon is None:
        return ""
    head = tag.split("+")[0]
    readings = lexicon.analyses(word)
    if head in ("VERB", "AUX"):
        out = {("fin" if a.finite else a.mood) + (a.number if a.mood != "inf" else "")
               for a in readings if a.pos in ("VER", "AUX")}
    elif head in ("NOUN", "ADJ", "DET", "PRON"):
        out = {a.number for a in readings if a.pos not in ("VER", "AUX") and a.number}
    else:
        return ""
    return "|".join(sorted(out))


def features(words: Sequence[str], tags: Sequence[str], state: _State,
             ms: Sequence[str] | None = None) -> list[str]:
    """The transition features (Zhang and Nivre's set, read for arc-hybrid): words and tags
    of the top three stack items and the first three buffer items, the leftmost and
    rightmost children, valencies and distance; the second stack item's children and
    distance to the first (the head RIGHT would give it); the punctuation and verbs between
    s1, s0 and b0 (a comma or a verb between two words makes an arc between them less
    likely); and, with ``ms`` (`morph`), the number and verb form of s1, s0 and b0, for
    agreement (``words``/``tags``/``ms`` padded: 0 is the start, n-1 the root)."""
    n0, n, stack = state.i, state.n, state.stack
    depth = len(stack)
    s0 = stack[-1] if depth else -1
    ws0, ws1, ws2 = (_ctx(stack, 1, words), _ctx(stack, 2, words), _ctx(stack, 3, words))
    ts0, ts1, ts2 = (_ctx(stack, 1, tags), _ctx(stack, 2, tags), _ctx(stack, 3, tags))
    wn0 = words[n0]
    tn0 = tags[n0]
    wn1 = words[n0 + 1] if n0 + 1 < n else ""
    tn1 = tags[n0 + 1] if n0 + 1 < n else ""
    tn2 = tags[n0 + 2] if n0 + 2 < n else ""
    wn2 = words[n0 + 2] if n0 + 2 < n else ""
    lefts, rights = state.lefts, state.rights
    n0l = lefts[n0]
    vn0b = len(n0l)
    wn0b1, tn0b1 = (words[n0l[0]], tags[n0l[0]]) if n0l else ("", "")
    wn0b2, tn0b2 = (words[n0l[1]], tags[n0l[1]]) if vn0b > 1 else ("", "")
    if s0 >= 0:
        s0l, s0r = lefts[s0], rights[s0]
    else:
        s0l, s0r = [], []
    vs0b, vs0f = len(s0l), len(s0r)
    ws0b1, ts0b1 = (words[s0l[0]], tags[s0l[0]]) if s0l else ("", "")
    ws0b2, ts0b2 = (words[s0l[1]], tags[s0l[1]]) if vs0b > 1 else ("", "")
    ws0f1, ts0f1 = (words[s0r[-1]], tags[s0r[-1]]) if s0r else ("", "")
    ws0f2, ts0f2 = (words[s0r[-2]], tags[s0r[-2]]) if vs0f > 1 else ("", "")
    d = str(min(n0 - s0, 5)) if s0 > 0 else "0"
    f = ["bias"]
    for k, w in enumerate((wn0, wn1, wn2, ws0, ws1, ws2, wn0b1, wn0b2, ws0b1, ws0b2,
                           ws0f1, ws0f2)):
        if w:
            f.append(f"w{k} {w}")
    for k, t in enumerate((tn0, tn1, tn2, ts0, ts1, ts2, tn0b1, tn0b2, ts0b1, ts0b2,
                           ts0f1, ts0f2)):
        if t:
            f.append(f"t{k} {t}")
    f += [
        f"wt0 {wn0}/{tn0}", f"wt1 {wn1}/{tn1}", f"wt2 {wn2}/{tn2}", f"wts {ws0}/{ts0}",
        f"s0n0 {ws0} {wn0}",
        f"wtn0ws0 {wn0}/{tn0} {ws0}",
        f"wtn0ts0 {wn0}/{tn0} {ts0}",
        f"wts0wn0 {ws0}/{ts0} {wn0}",
        f"wts0tn0 {ws0}/{ts0} {tn0}",
        f"wtwt {ws0}/{ts0} {wn0}/{tn0}",
        f"tts0n0 {ts0} {tn0}",
        f"ttn0n1 {tn0} {tn1}",
        f"ttt0 {tn0} {tn1} {tn2}",
        f"ttt1 {ts0} {tn0} {tn1}",
        f"ttt2 {ts0} {ts1} {tn0}",
        f"ttt3 {ts0} {ts0f1} {tn0}",
        f"ttt4 {ts0} {tn0} {tn0b1}",
        f"ttt5 {ts0} {ts0b1} {ts0b2}",
        f"ttt6 {ts0} {ts0f1} {ts0f2}",
        f"ttt7 {tn0} {tn0b1} {tn0b2}",
        f"ttt8 {ts0} {ts1} {ts2}",
        f"tts1 {ts1} {ts0} {tn0} {tn0b1}",
        f"ws1ts0 {ws1}/{ts1} {ts0}",
        f"v0 {ws0} {vs0f}", f"v1 {ws0} {vs0b}", f"v2 {wn0} {vn0b}",
        f"v3 {ts0} {vs0f}", f"v4 {ts0} {vs0b}", f"v5 {tn0} {vn0b}",
        f"d0 {ws0} {d}", f"d1 {wn0} {d}", f"d2 {ts0} {d}", f"d3 {tn0} {d}",
        f"d4 {tn0}{ts0} {d}", f"d5 {wn0}{ws0} {d}",
        f"p1 {tags[s0 - 1] if s0 > 0 else ''} {ts0} {tn0}",
        f"p2 {tags[n0 - 1]} {tn0} {ts0}",
        f"p3 {words[n0 - 1]} {tn0} {ts0}",
        f"x0 {wn0[-3:]} {tn0}", f"x1 {ws0[-3:]} {ts0}", f"x2 {ws0[-3:]} {wn0[-3:]}",
        f"x3 {ts0} {tn0} {d} {vs0f} {vn0b}",
    ]
    # s1: the other head s0 may attach to (RIGHT), its children and its distance to s0
    s1 = stack[-2] if depth > 1 else -1
    if s1 > 0:
        s1l, s1r = lefts[s1], rights[s1]
        ts1f1 = tags[s1r[-1]] if s1r else ""
        ts1b1 = tags[s1l[0]] if s1l else ""
        d1 = str(min(s0 - s1, 5))
        pc = state.counts(tags)
        p01 = pc[0][s0] - pc[0][s1]
        v01 = pc[1][s0] - pc[1][s1]
        f += [
            f"s1a {ws1}/{ts1} {ws0}/{ts0}", f"s1b {ws1} {ws0}", f"s1c {ts1} {ws0}/{ts0}",
            f"s1d {ts1} {ts0} {d1}", f"s1e {ws1} {d1}",
            f"s1f {ts1} {ts1f1} {ts0}", f"s1g {ts1} {ts1b1} {ts0}",
            f"s1h {ts1} {len(s1r)} {ts0}", f"s1p {ts1} {ts0} {min(p01, 3)} {min(v01, 2)}",
            f"s1x {ws1[-3:]} {ts1} {ts0}",
        ]
    if ms is not None:
        ms0 = ms[s0] if s0 >= 0 else ""
        ms1 = ms[stack[-2]] if depth > 1 else ""
        mn0 = ms[n0]
        f += [f"ag0 {ts0} {ms0} {tn0} {mn0}", f"ag1 {ts1} {ms1} {ts0} {ms0}",
              f"ag2 {ts1} {ms1} {tn0} {mn0}", f"ag3 {ws0} {mn0}", f"ag4 {ms0} {wn0}",
              f"ag5 {ts1} {ms1} {ts0} {ms0} {tn0} {mn0}"]
    if s0 > 0:
        pc = state.counts(tags)
        p0n = pc[0][n0] - pc[0][s0 + 1]
        v0n = pc[1][n0] - pc[1][s0 + 1]
        f += [
            f"pn {ts0} {tn0} {min(p0n, 3)} {min(v0n, 2)}",
            f"pnw {ws0} {tn0} {min(p0n, 3)}", f"pnw2 {ts0} {wn0} {min(p0n, 3)}",
            f"nx {ts0} {tn0} {tn1} {words[n0 + 1] if n0 + 1 < n and tn1 == 'PUNCT' else ''}",
            f"sx {ts0} {tags[s0 + 1]} {tn0}",
        ]
    return f


def label_features(words: Sequence[str], tags: Sequence[str], heads: Sequence[int],
                   kids: Sequence[Sequence[int]], d: int) -> list[str]:
    """The features for labelling the arc of word ``d`` (padded indices)."""
    h = heads[d]
    wd, td = words[d], tags[d]
    wh, th = words[h], tags[h]
    direction = "L" if d < h else "R"
    dist = str(min(abs(h - d), 6))
    mine = kids[d]
    first = mine[0] if mine else 0
    ktags = " ".join(sorted({tags[k] for k in mine})) if mine else ""
    case = next((words[k] for k in mine if k < d and tags[k].startswith("ADP")), "")
    return [
        "b", f"wd {wd}", f"td {td}", f"wh {wh}", f"th {th}", f"dir {direction}",
        f"tdth {td} {th} {direction}", f"wdth {wd} {th} {direction}",
        f"tdwh {td} {wh} {direction}", f"wdwh {wd} {wh}",
        f"dist {td} {th} {direction} {dist}",
        f"k {td} {ktags}", f"kf {td} {tags[first] if first else ''} {words[first] if first else ''}",
        f"case {case} {td} {th}", f"casew {case}",
        f"prev {words[d - 1]} {td} {direction}", f"prevt {tags[d - 1]} {td} {th}",
        f"next {tags[d + 1] if d + 1 < len(tags) else ''} {td}",
        f"hh {tags[heads[h]] if 0 < h < len(heads) - 1 and heads[h] >= 0 else 'R'} {th} {td}",
        f"root {h == len(heads) - 1} {td}",
        f"sfx {wd[-2:]} {td} {direction}",
        f"nk {len(mine)} {td}",
    ]


class Parser:
    """Greedy parsing with fixed weights: ``table[bucket(f) * 3 + move]`` and
    ``label_table[bucket(f) * len(labels) + label]``."""

    def __init__(self, table: Any, label_table: Any, labels: Sequence[str],
                 temperature: float, label_temperature: float, lexicon: Any = None) -> None:
        self.lexicon = lexicon
        self.table = table
        self.mask = len(table) // 3 - 1
        self.labels = tuple(labels)
        self.label_table = label_table
        self.label_mask = len(label_table) // len(self.labels) - 1
        self.temperature = temperature
        self.label_temperature = label_temperature
        self._rows: dict[str, tuple[int, ...]] = {}
        self._label_rows: dict[str, tuple[int, ...]] = {}

    def _scores(self, feats: list[str], rows_of: dict[str, tuple[int, ...]], table: Any,
                mask: int, width: int) -> list[int]:
        get = rows_of.get
        crc = zlib.crc32
        rows = []
        for f in feats:
            row = get(f)
            if row is None:
                o = (crc(f.encode("utf-8", "surrogatepass")) & mask) * width
                row = rows_of[f] = tuple(table[o:o + width])
            rows.append(row)
        return list(map(sum, zip(*rows, strict=True)))

    def parse(self, words: Sequence[str], tags: Sequence[str]) -> list[Arc]:
        """One `Arc` per word (``tags``: the tagger's parts of speech of ``words``)."""
        if not words:
            return []
        if len(self._rows) > _ROWS_KEPT:
            self._rows.clear()
            self._label_rows.clear()
        ws = ["<start>", *map(normalise, words), "<root>"]
        ts = ["<start>", *tags, "<root>"]
        n = len(ws)
        lex = self.lexicon
        ms = ["", *(morph(lex, w, t) for w, t in zip(words, tags, strict=True)), ""]
        state = _State(n)
        conf = [0.0] * n
        # the lowest probability of any move made while a word was on the stack: its arc is
        # only as sure as the least sure decision it waited through
        low = [1.0] * n
        temp = self.temperature
        while not state.done():
            scores = self._scores(features(ws, ts, state, ms), self._rows, self.table,
                                  self.mask, 3)
            valid = state.valid()
            move = max(valid, key=lambda m: scores[m])
            top = scores[move]
            p = 1.0 / sum(math.exp((scores[m] - top) / temp) for m in valid)
            for w in state.stack:
                if p < low[w]:
                    low[w] = p
            if move == SHIFT:
                low[state.i] = p
            else:
                w = state.stack[-1]
                conf[w] = min(p, low[w])
            state.apply(move)
        heads = state.heads
        for w in range(1, n - 1):
            if heads[w] < 0:       # cannot happen with valid moves; defensive
                heads[w] = n - 1
        kids: list[list[int]] = [[] for _ in range(n)]
        for w in range(1, n - 1):
            kids[heads[w]].append(w)
        out = []
        width = len(self.labels)
        ltemp = self.label_temperature
        for w in range(1, n - 1):
            scores = self._scores(label_features(ws, ts, heads, kids, w), self._label_rows,
                                  self.label_table, self.label_mask, width)
            if heads[w] == n - 1:
                best = self.labels.index("root") if "root" in self.labels else 0
            else:
                best = max(range(width), key=lambda k: (scores[k], -k))
            top = scores[best]
            lp = 1.0 / sum(math.exp(min(50.0, (s - top) / ltemp)) for s in scores)
            head = heads[w] - 1 if heads[w] != n - 1 else -1
            out.append(Arc(head, self.labels[best], conf[w], lp))
        return out


def parse_model(data: Any, lexicon: Any = None) -> Parser:
    """A `Parser` over the decompressed model file ``data`` (read in place); ``lexicon``
    gives the words' number and verb form (`morph`), as in training."""
    header, table = model_file(data)
    size = header["buckets"] * 3
    labels = header["labels"]
    if len(table) != size + header["label_buckets"] * len(labels):
        raise ValueError("damaged parser model: the weight tables have the wrong size")
    return Parser(table[:size], table[size:], labels, float(header["temperature"]),
                  float(header["label_temperature"]), lexicon)


def load() -> Parser:
    """The shipped model, with the shipped lexicon."""
    from sportlint.italian import resources
    from sportlint.util.cache import cached_blob

    source = data_dir() / FILE
    blob = cached_blob("parser", [source], lambda: gzip.decompress(source.read_bytes()))
    return parse_model(blob, resources.get("lexicon"))


def arcs_by_head(arcs: Sequence[Arc]) -> dict[int, list[int]]:
    """Head index -> its dependents' indices (-1: the roots)."""
    out: dict[int, list[int]] = defaultdict(list)
    for k, a in enumerate(arcs):
        out[a.head].append(k)
    return out
