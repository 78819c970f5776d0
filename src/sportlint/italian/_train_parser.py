"""Training sportlint's dependency parser (``scripts/build_parser.py``,
``bench/bench_parser.py`` and the tests): the averaged perceptrons, the dynamic-oracle
loop, packing the weights into the model file, evaluation and the fitted temperatures.

Nothing at run time imports this module: `sportlint.italian.parser` only reads a model.
Training is deterministic (a seeded shuffle, insertion-ordered tables, CRC32 buckets), so
the same treebanks and tags give the same file byte for byte.
"""

from __future__ import annotations

import array
import gzip
import io
import json
import math
import random
import sys
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sportlint.italian.parser import (
    BUCKETS,
    LABEL_BUCKETS,
    LEFT,
    MOVES,
    RIGHT,
    SHIFT,
    Parser,
    _State,
    coarse_label,
    features,
    label_features,
    morph,
)
from sportlint.italian.tagger import normalise


@dataclass
class Tree:
    """A training sentence: written words, tags, heads (-1 root) and relations."""

    words: list[str]
    tags: list[str]
    heads: list[int]
    labels: list[str]


def gold_moves(state: _State, gold: Sequence[int]) -> list[int]:
    """The moves that lose no arc of the (projective) gold tree: the dynamic oracle."""
    i, n, stack = state.i, state.n, state.stack
    valid = state.valid()
    if not stack or (SHIFT in valid and gold[i] == stack[-1]):
        return [SHIFT]
    if gold[stack[-1]] == i:
        return [LEFT]
    costly = {m for m in MOVES if m not in valid}
    s0 = stack[-1]
    if len(stack) >= 2 and gold[s0] == stack[-2]:
        costly.add(LEFT)
    if SHIFT not in costly and any(gold[w] == i or gold[i] == w for w in stack):
        costly.add(SHIFT)
    if any(gold[w] == s0 or gold[s0] == w for w in range(i + 1, n)):
        costly.add(LEFT)
        costly.add(RIGHT)
    return [m for m in MOVES if m not in costly]


def projectivise(heads: list[int]) -> list[int]:
    """``heads`` (padded: root = n-1) with non-projective arcs lifted to the head's head
    until the tree is projective (the oracle needs a projective tree)."""
    heads = list(heads)
    n = len(heads)

    def crossing(d: int) -> bool:
        h = heads[d]
        lo, hi = min(d, h), max(d, h)
        for k in range(lo + 1, hi):
            a = k
            while a != h and a != n - 1 and 0 < a:
                a = heads[a]
            if a != h:
                return True
        return False

    for _ in range(n * 2):
        bad = [d for d in range(1, n - 1) if heads[d] != n - 1 and crossing(d)]
        if not bad:
            break
        d = min(bad, key=lambda x: abs(heads[x] - x))
        heads[d] = heads[heads[d]]
    return heads


class _Perceptron:
    """An averaged perceptron over string features, ``width`` classes."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.weights: dict[str, list[float]] = {}
        self.totals: dict[str, list[float]] = {}
        self.stamps: dict[str, list[int]] = {}
        self.instances = 0

    def scores(self, feats: list[str]) -> list[float]:
        out = [0.0] * self.width
        get = self.weights.get
        for f in feats:
            row = get(f)
            if row is not None:
                for k in range(self.width):
                    out[k] += row[k]
        return out

    def update(self, truth: int, guess: int, feats: list[str]) -> None:
        self.instances += 1
        if truth == guess:
            return
        now = self.instances
        for f in feats:
            row = self.weights.get(f)
            if row is None:
                row = self.weights[f] = [0.0] * self.width
                self.totals[f] = [0.0] * self.width
                self.stamps[f] = [0] * self.width
            tot, st = self.totals[f], self.stamps[f]
            for k, delta in ((truth, 1.0), (guess, -1.0)):
                tot[k] += (now - st[k]) * row[k]
                st[k] = now
                row[k] += delta

    def averaged(self) -> dict[str, list[float]]:
        now = max(self.instances, 1)
        out = {}
        for f, row in self.weights.items():
            tot, st = self.totals[f], self.stamps[f]
            avg = [(tot[k] + (now - st[k]) * row[k]) / now for k in range(self.width)]
            if any(avg):
                out[f] = avg
        return out


def _padded(tree: Tree) -> tuple[list[str], list[str], list[int]]:
    n = len(tree.words) + 2
    ws = ["<start>", *map(normalise, tree.words), "<root>"]
    ts = ["<start>", *tree.tags, "<root>"]
    heads = [-1] + [h + 1 if h >= 0 else n - 1 for h in tree.heads] + [-1]
    return ws, ts, heads


def train(trees: Sequence[Tree], iterations: int = 10, label_iterations: int = 6,
          seed: int = 0, progress: Callable[[str], None] | None = None,
          buckets: int = BUCKETS, label_buckets: int = LABEL_BUCKETS,
          lexicon: Any = None) -> Parser:
    """A parser trained on ``trees`` (the dynamic oracle follows the model's own moves)."""
    rng = random.Random(seed)
    prepared = []
    for t in trees:
        ws, ts, heads = _padded(t)
        ms = ["", *(morph(lexicon, w, x) for w, x in zip(t.words, t.tags, strict=True)), ""]
        prepared.append((ws, ts, projectivise(heads), heads,
                         [coarse_label(x) for x in t.labels], ms))
    model = _Perceptron(3)
    order = list(range(len(prepared)))
    for it in range(iterations):
        right = total = 0
        for s in order:
            ws, ts, gold, _, _, ms = prepared[s]
            state = _State(len(ws))
            while not state.done():
                feats = features(ws, ts, state, ms)
                scores = model.scores(feats)
                valid = state.valid()
                guess = max(valid, key=lambda m: scores[m])
                golds = gold_moves(state, gold)
                if golds:
                    best = max(golds, key=lambda m: scores[m])
                    model.update(best, guess, feats)
                state.apply(guess)
            right += sum(state.heads[w] == gold[w] for w in range(1, len(ws) - 1))
            total += len(ws) - 2
        rng.shuffle(order)
        if progress:
            progress(f"iteration {it + 1}: UAS {right / max(total, 1):.4f} on training data")
    labels = sorted({x for p in prepared for x in p[4]})
    index = {x: k for k, x in enumerate(labels)}
    labeller = _Perceptron(len(labels))
    for it in range(label_iterations):
        right = total = 0
        for s in order:
            ws, ts, _, heads, gl, _ = prepared[s]
            n = len(ws)
            kids: list[list[int]] = [[] for _ in range(n)]
            for w in range(1, n - 1):
                kids[heads[w]].append(w)
            for w in range(1, n - 1):
                feats = label_features(ws, ts, heads, kids, w)
                scores = labeller.scores(feats)
                guess = max(range(len(labels)), key=lambda k: (scores[k], -k))
                truth = index[gl[w - 1]]
                labeller.update(truth, guess, feats)
                right += guess == truth
                total += 1
        rng.shuffle(order)
        if progress:
            progress(f"labels {it + 1}: {right / max(total, 1):.4f} on training data")
    return Parser(_pack(model.averaged(), 3, buckets), _pack(labeller.averaged(), len(labels),
                  label_buckets), labels, 100.0, 100.0, lexicon)


def _pack(weights: dict[str, list[float]], width: int, buckets: int,
          min_weight: float = 0.05) -> memoryview:
    sums = [0.0] * (buckets * width)
    mask = buckets - 1
    for f, row in weights.items():
        o = (zlib.crc32(f.encode("utf-8", "surrogatepass")) & mask) * width
        for k, w in enumerate(row):
            if abs(w) >= min_weight:
                sums[o + k] += w
    return memoryview(array.array("h", (max(-32768, min(32767, round(w * 100))) for w in sums)))


def evaluate(parser: Parser, trees: Sequence[Tree], tags: Sequence[Sequence[str]] | None = None
             ) -> dict[str, Any]:
    """UAS, LAS (punctuation included and excluded) and the accuracy of confident arcs."""
    right = lright = total = 0
    pright = plright = ptotal = 0
    confident: dict[float, list[int]] = {c: [0, 0] for c in (0.8, 0.9, 0.95)}
    for k, t in enumerate(trees):
        arcs = parser.parse(t.words, tags[k] if tags is not None else t.tags)
        for a, h, lab, tag in zip(arcs, t.heads, t.labels, t.tags, strict=True):
            ok = a.head == h
            lok = ok and a.label == coarse_label(lab)
            right += ok
            lright += lok
            total += 1
            if tag != "PUNCT":
                pright += ok
                plright += lok
                ptotal += 1
            for c, cell in confident.items():
                if a.confidence >= c:
                    cell[0] += ok
                    cell[1] += 1
    return {"uas": right / max(total, 1), "las": lright / max(total, 1),
            "uas_nopunct": pright / max(ptotal, 1), "las_nopunct": plright / max(ptotal, 1),
            "tokens": total,
            "confident": {c: (r / max(n, 1), n / max(total, 1))
                          for c, (r, n) in confident.items()}}


def fit_temperatures(parser: Parser, trees: Sequence[Tree]) -> tuple[float, float]:
    """The softmax temperatures (arcs, labels) that make held-out arcs most likely."""
    grid = (25.0, 50.0, 75.0, 100.0, 150.0, 200.0, 300.0, 400.0, 600.0, 800.0, 1200.0)
    parsed = [(t, parser.parse(t.words, t.tags)) for t in trees]
    best = (parser.temperature, parser.label_temperature)
    for which in (0, 1):
        best_ll, best_t = -math.inf, best[which]
        for temp in grid:
            if which == 0:
                parser.temperature = temp
                parsed = [(t, parser.parse(t.words, t.tags)) for t in trees]
            else:
                parser.label_temperature = temp
                parsed = [(t, parser.parse(t.words, t.tags)) for t in trees]
            ll = 0.0
            for t, arcs in parsed:
                for a, h, lab in zip(arcs, t.heads, t.labels, strict=True):
                    if which == 0:
                        ok, p = a.head == h, a.confidence
                    else:
                        ok, p = a.label == coarse_label(lab), a.label_confidence
                    ll += math.log(max(p if ok else 1 - p, 1e-9))
            if ll > best_ll:
                best_ll, best_t = ll, temp
        if which == 0:
            parser.temperature = best_t
        else:
            parser.label_temperature = best_t
        best = (parser.temperature, parser.label_temperature)
    return best


def dumps(parser: Parser, meta: dict[str, Any]) -> bytes:
    """The model file (see the module doc), gzipped reproducibly."""
    header = {"labels": list(parser.labels), "temperature": parser.temperature,
              "label_temperature": parser.label_temperature, "buckets": parser.mask + 1,
              "label_buckets": parser.label_mask + 1, **meta}
    head = json.dumps(header, ensure_ascii=False, sort_keys=True).encode("utf-8")
    head += b" " * (len(head) % 2) + b"\n"
    t1 = array.array("h", parser.table)
    t2 = array.array("h", parser.label_table)
    if sys.byteorder != "little":
        t1.byteswap()
        t2.byteswap()
    buf = io.BytesIO()
    with gzip.GzipFile("", "wb", 9, buf, mtime=0) as fh:
        fh.write(head + t1.tobytes() + t2.tobytes())
    return buf.getvalue()


