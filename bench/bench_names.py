#!/usr/bin/env python3
"""Benchmark the names rules and the gazetteer: time per 10k words and load time, printed as
ratios against a baseline measured in the same run (segmenting the same text), so the
figures compare across machines. No thresholds: read the ratios, watch them in diffs.

    python bench/bench_names.py [--words 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from benchlib import best_of

from sportlint.config.loader import from_mapping
from sportlint.engine import linter
from sportlint.italian import resources
from sportlint.rules.base import Context
from sportlint.segment.segmenter import segment
from sportlint.source import document

ROOT = Path(__file__).resolve().parent.parent


def sample_text(words: int) -> str:
    """The repository's seed article, paragraphs repeated up to ``words`` words."""
    seed = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    paragraphs = [p for p in seed.split("\n\n") if p.strip()]
    out: list[str] = []
    count = 0
    while count < words:
        for p in paragraphs:
            out.append(p)
            count += len(p.split())
    return "\n\n".join(out)


def names_text(words: int, gazetteer: object) -> str:
    """A worst case: every sentence names new players and clubs from the gazetteer, one in
    five misspelled (two letters swapped), so the fuzzy paths run on most mentions."""
    import random

    rng = random.Random(7)
    players = sorted(n for n in gazetteer._names if gazetteer.kind(n) == "player")  # type: ignore[attr-defined]
    clubs = sorted(n for n in gazetteer._names if gazetteer.kind(n) == "club")  # type: ignore[attr-defined]
    out: list[str] = []
    count = 0
    while count < words:
        player, club = rng.choice(players), rng.choice(clubs)
        if rng.random() < 0.2 and len(player) > 6:
            i = rng.randrange(1, len(player) - 2)
            player = player[:i] + player[i + 1] + player[i] + player[i + 2:]
        sentence = f"Nella ripresa {player} ha segnato il gol decisivo contro il {club}."
        out.append(sentence)
        count += len(sentence.split())
    return "\n\n".join(" ".join(out[i:i + 5]) for i in range(0, len(out), 5))


def look_alikes(n: int) -> str:
    """``n`` distinct capitalised names, each one to three letters off one name."""
    import random
    import string

    rng = random.Random(18)
    seen: set[str] = set()
    while len(seen) < n:
        word = list("Brambatelli")
        for _ in range(rng.randint(1, 3)):
            word[rng.randrange(1, len(word))] = rng.choice(string.ascii_lowercase)
        seen.add("".join(word))
    return " ".join(f"Poi {w} segna." for w in sorted(seen))


#: the lists the gazetteer had before it took every sport (issue 16): the baseline
FOOTBALL = ("clubs.openfootball.txt", "players.openfootball.txt", "players.fjelstul.txt",
            "coaches.fjelstul.txt")


def cold_start(repeat: int = 5) -> tuple[float, float, tuple[float, int], tuple[float, int]]:
    """A one-article `sportlint check` in a new process (best of ``repeat``, warm cache), and
    what the gazetteer of every sport adds to it: its load from the cache against the load
    of the football lists alone, both fresh in this process (best of ``repeat``)."""
    import subprocess
    import sys

    from sportlint.italian import gazetteer as gaz_module

    article = ROOT / "tests" / "articles" / "bozza_con_errori.txt"
    command = [sys.executable, "-m", "sportlint", "check", str(article)]
    subprocess.run(command, capture_output=True, check=False)    # fill the cache

    def check() -> None:
        subprocess.run(command, capture_output=True, check=False)

    cold = best_of(check, repeat)
    every = gaz_module.name_lists()
    football = [p for p in every if p.name in FOOTBALL or p.name.endswith(".sportlint.txt")]
    sizes = {}
    for lists in (every, football):
        sizes[len(lists)] = len(gaz_module.load(lists))   # fill the cache
    t_all = best_of(lambda: gaz_module.load(every).has_token("Spartak"), repeat)
    t_football = best_of(lambda: gaz_module.load(football).has_token("Spartak"), repeat)
    # the names rules on one article, first run (a cold process: nothing remembered)
    text = article.read_text(encoding="utf-8")

    def first_run(lists: list[Path]) -> float:
        from sportlint.rules.names import _mentions
        from sportlint.rules.names.gazetteer import NameGazetteer

        def once() -> None:
            resources._cache["gazetteer"] = gaz_module.load(lists)
            _mentions._last = None
            _mentions._BOOK.clear()
            _mentions.fold.cache_clear()
            config = from_mapping({"select": ["names"]}, None)
            doc = document.from_text(text, "a.txt")
            ctx = Context(doc, segment(doc), config, resources.Resources())
            for rule in linter.active_rules(config):
                if isinstance(rule, NameGazetteer):
                    rule._near.table(None)   # a fresh rule remembers nothing
                list(rule.check(ctx))
        return best_of(once, repeat)

    r_all, r_football = first_run(every), first_run(football)
    resources._cache.pop("gazetteer", None)
    grown = (t_all - t_football) + (r_all - r_football)
    return (cold, grown, (t_football + r_football, sizes[len(football)]),
            (t_all + r_all, sizes[len(every)]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=10000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    text = sample_text(args.words)
    n_words = len(text.split())
    doc = document.from_text(text, "bench.txt")
    per_10k = 10000 / n_words

    baseline = best_of(lambda: segment(doc), args.repeat) * per_10k

    # cold loads: the gazetteer alone, then its fuzzy index on the first fuzzy query
    resources.clear()
    started = time.perf_counter()
    gazetteer = resources.get("gazetteer")
    load = time.perf_counter() - started
    started = time.perf_counter()
    gazetteer.near("Sparatk")
    index = time.perf_counter() - started
    resources.get("vocabulary")

    config = from_mapping({"select": ["names"]}, None)
    rules = linter.active_rules(config)
    seg = segment(doc)

    def run_rules() -> None:
        from sportlint.rules.names import _mentions as name_mentions
        name_mentions._last = None   # no cached analysis between runs
        ctx = Context(doc, seg, config, resources.Resources())
        for rule in rules:
            list(rule.check(ctx))

    run_rules()   # warm the word index that the typo rule builds on first use
    rules_time = best_of(run_rules, args.repeat) * per_10k

    worst = document.from_text(names_text(args.words, gazetteer), "worst.txt")
    worst_seg = segment(worst)
    worst_per_10k = 10000 / len(worst.text.split())
    worst_base = best_of(lambda: segment(worst), args.repeat) * worst_per_10k

    def run_worst() -> None:
        from sportlint.rules.names import _mentions as name_mentions
        name_mentions._last = None
        ctx = Context(worst, worst_seg, config, resources.Resources())
        for rule in rules:
            list(rule.check(ctx))

    worst_time = best_of(run_worst, args.repeat) * worst_per_10k

    print(f"text: {n_words} words; rules: {', '.join(r.id for r in rules)}")
    print(f"baseline  segment 10k words          {baseline * 1000:8.1f} ms   1.00x")
    print(f"names     rules per 10k words        {rules_time * 1000:8.1f} ms "
          f"{rules_time / baseline:6.2f}x")
    print(f"names     rules, name-dense text     {worst_time * 1000:8.1f} ms "
          f"{worst_time / worst_base:6.2f}x its own segmentation ({worst_base * 1000:.1f} ms)")
    print(f"gazetteer cold load ({len(gazetteer)} names) {load * 1000:8.1f} ms "
          f"{load / baseline:6.2f}x")
    print(f"gazetteer fuzzy index, first query   {index * 1000:8.1f} ms "
          f"{index / baseline:6.2f}x")
    # hostile input: thousands of distinct look-alike names (issue 18): time per KB at two
    # sizes, against segmenting the same text; linear when the two ratios agree
    for n in (2000, 8000):
        hostile = document.from_text(look_alikes(n), "hostile.txt")
        hostile_seg = segment(hostile)
        seg_time = best_of(lambda h=hostile: segment(h), 1)

        def run_hostile(h: object = hostile, hs: object = hostile_seg) -> None:
            from sportlint.rules.names import _mentions as name_mentions
            name_mentions._last = None
            ctx = Context(h, hs, config, resources.Resources())  # type: ignore[arg-type]
            for rule in rules:
                list(rule.check(ctx))

        took = best_of(run_hostile, 1)
        print(f"names     {n} look-alike names ({len(hostile.text) // 1000} KB) "
              f"{took * 1000:8.1f} ms {took / seg_time:6.2f}x its segmentation")
    cold, grown, football_load, all_load = cold_start()
    print(f"cold start `sportlint check` one article {cold * 1000:8.1f} ms   1.00x (own baseline)")
    print(f"gazetteer load + names rules on the article, football lists only "
          f"({football_load[1]} names) {football_load[0] * 1000:.1f} ms; every list "
          f"({all_load[1]} names) {all_load[0] * 1000:.1f} ms: the cold start grows by "
          f"{grown * 1000:.1f} ms, {grown / cold:.3f}x of it")
    print("load times: " + ", ".join(f"{k} {v * 1000:.1f} ms"
                                     for k, v in sorted(resources.load_times.items())))


if __name__ == "__main__":
    main()
