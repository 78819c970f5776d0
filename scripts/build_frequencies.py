#!/usr/bin/env python3
"""Build sportlint's word-frequency tables (data/generated/frequencies/*.freq) from wordfreq.

sportlint looks words up in wordfreq's lists (Italian 'best' for the ``vocabulary``
resource; English 'best' and the 'small' lists of English, French, Spanish, German and
Portuguese for the "is this a foreign word?" checks). Importing wordfreq and unpacking its
msgpack lists takes about half a second, most of a one-file check, so this script copies the
lists sportlint reads into plain text tables that load in a few milliseconds and are
searched in place (`sportlint.italian.frequencies`). wordfreq is needed only to run this script.

    python scripts/build_frequencies.py            # rewrite data/generated/frequencies/
    python scripts/build_frequencies.py --check    # exit 1 when the tables are stale

Format (UTF-8 text, LF line ends; see ``sportlint.italian.frequencies.FrequencyTable``)::

    #sportlint-frequencies 1 LANG LIST WORDS FLOOR_CB wordfreq-VERSION
    #words
    WORD<TAB>CB                    sorted by UTF-8 bytes; one line per word
    #index INDEX_ZIPF              (Italian only)
    LENGTH<TAB>INITIAL<TAB>WORD WORD ...

CB is wordfreq's own quantisation: the word's frequency is exactly ``10 ** (-CB / 100)``
(wordfreq stores each list as buckets of whole centibels), so every value sportlint computes
from a table equals the one it computed from wordfreq. FLOOR_CB: words rarer than this are
left out (English 'best' keeps Zipf >= 2.0: sportlint only asks whether a word is a common
English word, at Zipf 3). The index section lists the alphabetic Italian words at or above
Zipf INDEX_ZIPF grouped by (length, first letter), most frequent first: the correction
candidates index of `Vocabulary`, ready to use.

Data licence: wordfreq's lists are CC BY-SA 4.0 (Robyn Speer and contributors, with data
from Wikipedia, SUBTLEX, OpenSubtitles, Google Books, the Leeds corpus, Twitter, Reddit,
OSCAR ...); the tables are derived works under the same licence (data/generated/frequencies/SOURCES.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "generated" / "frequencies"
INDEX_ZIPF = 2.5
# (language, wordlist, Zipf floor or None for the whole list)
TABLES = [("it", "best", None), ("en", "best", 2.0), ("en", "small", None),
          ("fr", "small", None), ("es", "small", None), ("de", "small", None),
          ("pt", "small", None)]


def buckets(lang: str, wordlist: str) -> dict[str, int]:
    """word -> centibels below 0, as wordfreq's get_frequency_dict assigns them (a word
    listed in two buckets takes the later one, as there)."""
    import wordfreq

    out: dict[str, int] = {}
    for index, bucket in enumerate(wordfreq.get_frequency_list(lang, wordlist)):
        for word in bucket:
            out[word] = index
    return out


def render(lang: str, wordlist: str, floor: float | None) -> str:
    words = buckets(lang, wordlist)
    floor_cb = round((9 - floor) * 100) if floor is not None else max(words.values())
    words = {w: cb for w, cb in words.items() if cb <= floor_cb}
    for w in words:
        if not w or any(c in w for c in "\t\n\r") or w.startswith("#"):
            raise SystemExit(f"{lang} {wordlist}: a word the format cannot hold: {w!r}")
    from importlib.metadata import version

    lines = [f"#sportlint-frequencies 1 {lang} {wordlist} {len(words)} {floor_cb} "
             f"wordfreq-{version('wordfreq')}", "#words"]
    lines += [f"{w}\t{words[w]}" for w in sorted(words, key=lambda w: w.encode("utf-8"))]
    if lang == "it":
        lines.append(f"#index {INDEX_ZIPF}")
        # the order and test of Vocabulary._buckets over wordfreq's frequency dict
        floor_freq = 10 ** (INDEX_ZIPF - 9)
        index: dict[tuple[int, str], list[str]] = {}
        for w in sorted(words, key=lambda w: (words[w], w)):
            if 10 ** (-words[w] / 100) >= floor_freq and w.isalpha():
                index.setdefault((len(w), w[0]), []).append(w)
        lines += [f"{n}\t{c}\t{' '.join(ws)}" for (n, c), ws in sorted(index.items())]
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="only compare with the shipped files")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    stale = []
    for lang, wordlist, floor in TABLES:
        path = OUT / f"{lang}.{wordlist}.freq"
        text = render(lang, wordlist, floor)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path.name)
            continue
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"{path.relative_to(ROOT)}: {text.count(chr(10)) - 2} lines, {len(text.encode())} bytes")
    if stale:
        print("stale:", ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
