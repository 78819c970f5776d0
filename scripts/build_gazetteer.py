#!/usr/bin/env python3
"""Build sportlint's name gazetteer (``data/{generated,curated}/names/*.txt``) from the shared name tables.

Usage: ``python scripts/build_gazetteer.py SOURCE_DIR [--out data/generated/names]``

SOURCE_DIR holds the TSV tables described in its SOURCES.md (openfootball, CC0 1.0; the
Fjelstul World Cup Database, CC BY-SA 4.0). The script writes one name per line, sorted and
deduplicated, one file per kind and source, so that the CC BY-SA data stays in files of its
own (``*.fjelstul.txt``). The hand-written lists (``*.sportlint.txt``) are not touched.
The tables are needed only to rebuild the data: never at runtime or by the tests.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

# Aliases tagged with a language other than these are not forms Italian copy uses.
KEEP_LANGS = {"it", "en"}
_LANG_TAG = re.compile(r"\s*\[([a-z]{2})\]\s*$")
_PAREN = re.compile(r"\s*\([^)]*\)\s*")
# Legal-form words and founding years that Italian copy drops ("AC Pisa 1909" -> "Pisa").
_CLUB_AFFIXES = {"AC", "ACF", "ACR", "AS", "ASC", "ASD", "AZ", "BC", "CFC", "FC", "SC", "SEF",
                 "SPAL", "SS", "SSC", "SSD", "UC", "US", "USD", "Calcio", "II"}
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)


def clean(name: str) -> str:
    name = _PAREN.sub(" ", name)
    name = unicodedata.normalize("NFC", name.replace("’", "'"))
    return " ".join(name.split())


def aliases(field: str) -> Iterator[str]:
    for alias in field.split("|"):
        alias = alias.strip()
        tag = _LANG_TAG.search(alias)
        if tag:
            if tag.group(1) not in KEEP_LANGS:
                continue
            alias = alias[:tag.start()]
        if alias:
            yield alias


def short_club_form(name: str) -> str | None:
    """'AC Pisa 1909' -> 'Pisa', 'Ternana Calcio' -> 'Ternana' (None when unchanged)."""
    words = [w for w in name.split() if w not in _CLUB_AFFIXES and not _YEAR.match(w)]
    short = " ".join(words)
    return short if short and short != name else None


def clubs(src: Path) -> set[str]:
    out: set[str] = set()
    for row in read_tsv(src / "clubs_europe_openfootball.tsv"):
        names = [row["name"], *aliases(row.get("aliases") or "")]
        out.update(names)
        if row["country"] == "italy":
            out.update(s for n in names if (s := short_club_form(n)))
    for row in read_tsv(src / "teams_in_fixtures_openfootball.tsv"):
        name = row["team_name_as_written"]
        out.add(name)
        if row["country"] == "italy" and (short := short_club_form(name)):
            out.add(short)
    return out


def players_openfootball(src: Path) -> set[str]:
    return {row["name"] for row in read_tsv(src / "players_squads_openfootball.tsv")}


def players_fjelstul(src: Path) -> set[str]:
    return {row["full_name"] for row in read_tsv(src / "players_worldcup_fjelstul.tsv")}


def coaches_fjelstul(src: Path) -> set[str]:
    return {row["full_name"] for row in read_tsv(src / "coaches_worldcup_managers_fjelstul.tsv")}


def write(path: Path, names: Iterable[str]) -> int:
    lines = sorted({c for n in names if len(c := clean(n)) > 1 and not c.isdigit()})
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return len(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", type=Path, help="folder with the name TSV tables")
    ap.add_argument("--out", type=Path,
                    default=Path(__file__).resolve().parent.parent / "data" / "generated" / "names")
    args = ap.parse_args(argv)
    if not (args.source / "clubs_europe_openfootball.tsv").is_file():
        print(f"{args.source}: no clubs_europe_openfootball.tsv here", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    outputs = {
        "clubs.openfootball.txt": clubs(args.source),
        "players.openfootball.txt": players_openfootball(args.source),
        "players.fjelstul.txt": players_fjelstul(args.source),
        "coaches.fjelstul.txt": coaches_fjelstul(args.source),
    }
    for name, names in outputs.items():
        print(f"{name}: {write(args.out / name, names)} names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
