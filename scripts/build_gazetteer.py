#!/usr/bin/env python3
"""Build sportlint's name gazetteer (``data/{generated,curated}/names/*.txt``) from the shared name tables.

Usage: ``python scripts/build_gazetteer.py SOURCE_DIR [--out data/generated/names]``

SOURCE_DIR holds the TSV tables described in its SOURCES.md (openfootball, CC0 1.0; the
Fjelstul World Cup Database, CC BY-SA 4.0; F1DB, CC BY 4.0; LeTourDataSet, nba_api,
EDJNet OlympicsGoNUTS and Faker, MIT; ISTAT's comuni, CC BY 3.0 IT). The script writes
one name per line, sorted and deduplicated, one file per kind and source, so that each
licence stays with files of its own (``*.fjelstul.txt`` CC BY-SA, ``*.f1db.txt`` CC BY,
``*.istat.txt`` CC BY 3.0 IT). The hand-written lists (``*.sportlint.txt``) are not
touched. Tables of the other sports that are missing are skipped with a note, so the
football lists can be rebuilt from the football tables alone.
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


# Particles that stay in lower case inside a name written in capitals ("AAD VAN DEN HOEK").
_PARTICLES = {"van", "von", "den", "der", "de", "del", "della", "di", "da", "du", "le", "la",
              "y", "ten", "ter", "dos", "das"}


def _cap(word: str) -> str:
    """"D'ALESSANDRO" -> "D'Alessandro", "PIERRE-LUC" -> "Pierre-Luc"."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group()[:1].upper() + m.group()[1:].lower(), word)


def from_capitals(name: str) -> list[str]:
    """A name the source writes in capitals, as copy writes it: every word capitalised
    ("Aad Van Den Hoek") and, when it has particles, with them in lower case ("Aad van den
    Hoek"); Italian copy writes both (Van Aert, van der Poel)."""
    words = [_cap(w) for w in name.split()]
    out = [" ".join(words)]
    low = [w.lower() if i and w.lower() in _PARTICLES else w for i, w in enumerate(words)]
    if low != words:
        out.append(" ".join(low))
    return out


def table(src: Path, name: str) -> Iterator[dict[str, str]]:
    """The rows of a table of the other sports, or none (with a note) when it is missing."""
    path = src / name
    if not path.is_file():
        print(f"{name}: not in {src}, skipped", file=sys.stderr)
        return iter(())
    return read_tsv(path)


def athletes_edjnet(src: Path) -> set[str]:
    return {row["name"] for row in table(src, "athletes_olympics_medalists_edjnet.tsv")
            if not re.match(r"^Q\d+$", row["name"])}


def drivers_f1db(src: Path) -> set[str]:
    return {n for row in table(src, "drivers_f1_f1db.tsv")
            for n in (row["name"], row["full_name"]) if n}


def teams_f1db(src: Path) -> set[str]:
    return {n for row in table(src, "teams_f1_f1db.tsv")
            for n in (row["name"], row["full_name"]) if n}


def circuits_f1db(src: Path) -> set[str]:
    out: set[str] = set()
    for row in table(src, "venues_f1_f1db.tsv"):
        if row["kind"] == "circuit":
            out.update(n for n in (row["name"], row["full_name"]) if n)
            out.update(aliases(row.get("previous_names") or ""))
    return out


def events_f1db(src: Path) -> set[str]:
    return {n for row in table(src, "venues_f1_f1db.tsv") if row["kind"] == "grand_prix"
            for n in (row["name"], row["full_name"]) if n}


def riders_letour(src: Path) -> set[str]:
    return {n for row in table(src, "riders_cycling_letourdataset.tsv")
            for n in from_capitals(row["name"])}


def teams_letour(src: Path) -> set[str]:
    return {n for row in table(src, "teams_cycling_letourdataset.tsv")
            for n in from_capitals(row["name"])}


def players_nba(src: Path) -> set[str]:
    return {row["name"] for row in table(src, "players_basketball_nba_api.tsv")}


def teams_nba(src: Path) -> set[str]:
    return {n for row in table(src, "teams_basketball_nba_api.tsv")
            for n in (row["name"], row["nickname"]) if n}


def persons_faker(src: Path) -> set[str]:
    return {row["name"] for row in table(src, "persons_italian_faker.tsv")
            if row["kind"] == "last_name"}


def firstnames_faker(src: Path) -> set[str]:
    return {row["name"] for row in table(src, "persons_italian_faker.tsv")
            if row["kind"].startswith("first_name")}


def places_faker(src: Path) -> set[str]:
    return {row["name"] for row in table(src, "countries_italian_faker.tsv")}


def places_istat(src: Path) -> set[str]:
    """Every comune, its province and its region ("Reggio nell'Emilia", "Emilia-Romagna"),
    and each part of a bilingual name ("Bolzano/Bozen")."""
    out: set[str] = set()
    for row in table(src, "places_italy_comuni_istat.tsv"):
        for name in (row["name"], row["province"], row["region"]):
            out.update(p.strip() for p in name.split("/") if p.strip())
    return out


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
    others = {
        "athletes.edjnet.txt": athletes_edjnet, "drivers.f1db.txt": drivers_f1db,
        "teams.f1db.txt": teams_f1db, "circuits.f1db.txt": circuits_f1db,
        "events.f1db.txt": events_f1db, "riders.letour.txt": riders_letour,
        "teams.letour.txt": teams_letour, "players.nba.txt": players_nba,
        "teams.nba.txt": teams_nba, "persons.faker.txt": persons_faker,
        "firstnames.faker.txt": firstnames_faker,
        "places.faker.txt": places_faker, "comuni.istat.txt": places_istat,
    }
    for name, build in others.items():
        names = build(args.source)
        if names:
            outputs[name] = names
    for name, names in outputs.items():
        print(f"{name}: {write(args.out / name, names)} names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
