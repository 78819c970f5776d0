#!/usr/bin/env python3
"""Build sportlint's Italian morphological lexicon (data/generated/lexicon/it.lex.gz) from Morph-it!.

Source: Morph-it! by Marco Baroni and Eros Zanchetta (CC BY-SA 2.0 / LGPL), as republished
on the npm registry in JSON by the RosaeNLG project: ``italian-words-dict`` (nouns),
``italian-verbs-dict`` (verb paradigms) and ``italian-adjectives-dict``. npm is needed only
to run this script (``npm pack`` into a temporary folder); sportlint never needs it.

    python scripts/build_lexicon.py                 # fetch with npm pack, then build
    python scripts/build_lexicon.py --from DIR      # DIR holds the three unpacked packages

The npm packages hold the open classes only; closed-class words (articles, prepositions,
pronouns, conjunctions, determiners, numerals, common adverbs), the auxiliaries "essere" and
"avere" (missing from the verb package), a few variant forms and nouns are added from the
tables at the end of this script, and adverbs in -mente are derived from the adjectives
when wordfreq's Italian list attests them (wordfreq is a sportlint dependency).

Output format (one gzipped Latin-1 text, two sorted sections, see ``sportlint.italian.lexicon``):

    #paradigms
    LEMMA<TAB>P<TAB>FEATS<TAB>FORM,FORM,...   sorted; slots per POS in lexicon.SLOTS
    #forms
    FORM<TAB>LEMMAP LEMMAP ...                sorted; every form of every paradigm

P is a one-letter part-of-speech code (lexicon.POS_CODES). Each FORM is written relative to
its LEMMA, and each LEMMA relative to its FORM, as "characters to drop from the end" +
"what to add" (lexicon.encode): seguire -> seguì is "3ì", an empty FORM is "-".
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sportlint.italian.lexicon import POS_CODES, SLOTS, encode  # noqa: E402

PACKAGES = {
    "words": ("italian-words-dict", "words.json"),
    "verbs": ("italian-verbs-dict", "verbs.json"),
    "adjectives": ("italian-adjectives-dict", "adjectives.json"),
}
VERSION = "3.4.0"
OUT = ROOT / "data" / "generated" / "lexicon" / "it.lex.gz"
WORD = re.compile(r"^[a-zàèéìíîïòóùú'][a-zàèéìíîïòóùú'\-]*$")
_GERUND = re.compile(r"^(.*?[ae]ndo)(?:[a-z]+)?$")


def fetch(where: Path) -> Path:
    for package, _ in PACKAGES.values():
        subprocess.run(["npm", "pack", f"{package}@{VERSION}", "--silent"], cwd=where, check=True,
                       stdout=subprocess.DEVNULL)
        tgz = next(where.glob(f"{package}-*.tgz"))
        dest = where / package
        dest.mkdir()
        subprocess.run(["tar", "xzf", str(tgz), "-C", str(dest)], check=True)
    return where


def load(src: Path, key: str) -> dict:
    package, name = PACKAGES[key]
    hits = sorted(src.glob(f"{package}*/**/dist/{name}")) or sorted(src.glob(f"**/{name}"))
    if not hits:
        raise SystemExit(f"{name} not found under {src}")
    return json.loads(hits[0].read_text(encoding="utf-8"))


def ok(form: str | None) -> bool:
    return bool(form) and WORD.match(form) is not None  # type: ignore[arg-type]


def verb_paradigm(lemma: str, info: dict) -> list[str]:
    out: list[str] = []
    for mood, tense, person, number, gender in SLOTS["VER"]:
        value = ""
        if mood == "inf":
            value = lemma
        elif mood == "ger":
            raw = (info.get("ger") or {}).get("pres") or ""
            m = _GERUND.match(raw)
            value = m.group(1) if m else ""
        else:
            block = ((info.get(mood) or {}).get(tense)) or {}
            if mood == "part":
                key = ("S" if number == "s" else "P") + ("F" if gender == "f" else "")
                if tense == "pres":
                    key = "S" if number == "s" else "P"
            else:
                key = ("S" if number == "s" else "P") + person
            value = block.get(key) or "" if isinstance(block, dict) else ""
        out.append(value if ok(value) else "")
    return out


def build(src: Path) -> list[tuple[str, str, str, list[str]]]:
    paradigms: list[tuple[str, str, str, list[str]]] = []
    for lemma, info in load(src, "verbs").items():
        if info and ok(lemma):
            paradigms.append((lemma, "VER", "", verb_paradigm(lemma, info)))
    for lemma, (feats, forms) in AUXILIARIES.items():
        paradigms.append((lemma, "AUX", feats, forms.split(",")))
    slots = SLOTS["VER"]
    for lemma, variants in VARIANTS.items():
        # a second paradigm line holding only the variant forms the npm package dropped
        extra = [""] * len(slots)
        for (mood, tense, person, number, gender), form in variants.items():
            extra[slots.index((mood, tense, person, number, gender))] = form
        paradigms.append((lemma, "VER", "", extra))
    for lemma, info in load(src, "words").items():
        gender = (info.get("G") or "").lower()
        if gender not in ("m", "f") or not ok(lemma):
            continue
        singular = lemma if "S" not in info else (info["S"] or "")
        plural = info.get("P") or ""
        forms = [singular if ok(singular) else "", plural if ok(plural) else ""]
        gender = GENDER_FIXES.get(lemma, gender)
        if lemma in PLURAL_FIXES:
            forms[1] = PLURAL_FIXES[lemma]
        if any(forms):
            paradigms.append((lemma, "NOUN", gender, forms))
    for lemma, info in load(src, "adjectives").items():
        if not ok(lemma):
            continue
        forms = [info.get("MS") or lemma, info.get("MP") or "", info.get("FS") or "",
                 info.get("FP") or ""]
        paradigms.append((lemma, "ADJ", "", [f if ok(f) else "" for f in forms]))
    for lemma, plural in COMPARATIVES.items():
        paradigms.append((lemma, "ADJ", "", [lemma, plural, lemma, plural]))
    for lemma, gender, plural in (line.split() for line in NOUNS_ADDED.strip().splitlines()):
        paradigms.append((lemma, "NOUN", gender, [lemma, plural]))
    for line in ADJECTIVES_ADDED.strip().splitlines():
        forms = ["" if f == "-" else f for f in line.split()]
        paradigms.append((forms[0], "ADJ", "", forms))
    adj = SLOTS["ADJ"]
    for form, feats in (line.split() for line in TRUNCATED_ADDED.strip().splitlines()):
        # only the slots of its gender and number ("bei": masculine plural)
        want = feats.split("+")
        paradigms.append((form, "ADJ", "", [form if all(w in (n, g) for w in want) else ""
                                            for _, _, _, n, g in adj]))
    inf = slots.index(("inf", "pres", "", "", ""))
    for lemma, form in (line.split() for line in INFINITIVES_ADDED.strip().splitlines()):
        extra = [""] * len(slots)
        extra[inf] = form
        paradigms.append((lemma, "VER", "", extra))
    for line in CLOSED.strip().splitlines():
        pos, feats, words = line.split(None, 2)
        for word in words.split():
            paradigms.append((word, pos, "" if feats == "-" else feats, [word]))
    paradigms += adverbs(paradigms)
    return paradigms


Paradigms = list[tuple[str, str, str, list[str]]]


def adverbs(paradigms: Paradigms) -> Paradigms:
    """Adverbs in -mente from the adjectives (rapida -> rapidamente, facile -> facilmente),
    kept only when wordfreq's Italian list knows them (no invented adverbs)."""
    import wordfreq

    known = {lemma for lemma, pos, _, _ in paradigms if pos == "ADV"}
    out = []
    for _, pos, _, forms in paradigms:
        if pos != "ADJ" or not forms[2]:
            continue
        feminine = forms[2]
        stem = feminine[:-1] if re.search(r"[aeiou][lr]e$", feminine) else feminine
        adverb = stem + "mente"
        if adverb not in known and wordfreq.zipf_frequency(adverb, "it") >= 1.0:
            known.add(adverb)
            out.append((adverb, "ADV", "", [adverb]))
    return out


def write(paradigms: list[tuple[str, str, str, list[str]]], out: Path) -> None:
    index: dict[str, set[str]] = defaultdict(set)
    lines = []
    for lemma, pos, feats, forms in paradigms:
        if len(forms) != len(SLOTS.get(pos, [None])):
            raise SystemExit(f"{lemma} {pos}: {len(forms)} forms")
        code = POS_CODES[pos]
        lines.append(f"{lemma}\t{code}\t{feats}\t{','.join(encode(f, lemma) for f in forms)}")
        for form in forms:
            if form:
                index[form].add(encode(lemma, form) + code)
    body = ["#paradigms", *sorted(set(lines)), "#forms"]
    body += sorted(f"{form}\t{' '.join(sorted(refs))}" for form, refs in index.items())
    text = "\n".join(body) + "\n"
    out.parent.mkdir(parents=True, exist_ok=True)
    # no file name and no timestamp in the gzip header: the build is byte-for-byte repeatable
    with out.open("wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=0) as fh:
        # Latin-1: one byte per character on disk and in memory, decoded without a copy
        fh.write(text.encode("latin-1"))
    print(f"{out}: {len(lines)} paradigms, {len(index)} forms, {out.stat().st_size} bytes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--from", dest="src", type=Path,
                        help="folder with the unpacked npm packages (default: npm pack them)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if args.src:
        write(build(args.src), args.out)
        return
    with tempfile.TemporaryDirectory(prefix="sportlint-lexicon-") as tmp:
        write(build(fetch(Path(tmp))), args.out)


# Auxiliaries, missing from the verb package: forms in the VER slot order (lexicon.SLOTS).
AUXILIARIES = {
    "essere": ("", ",".join([
        "sono", "sei", "è", "siamo", "siete", "sono",
        "fui", "fosti", "fu", "fummo", "foste", "furono",
        "ero", "eri", "era", "eravamo", "eravate", "erano",
        "sarò", "sarai", "sarà", "saremo", "sarete", "saranno",
        "sarei", "saresti", "sarebbe", "saremmo", "sareste", "sarebbero",
        "sia", "sia", "sia", "siamo", "siate", "siano",
        "fossi", "fossi", "fosse", "fossimo", "foste", "fossero",
        "sii", "siamo", "siate", "essere", "essendo", "", "",
        "stato", "stati", "stata", "state"])),
    "avere": ("", ",".join([
        "ho", "hai", "ha", "abbiamo", "avete", "hanno",
        "ebbi", "avesti", "ebbe", "avemmo", "aveste", "ebbero",
        "avevo", "avevi", "aveva", "avevamo", "avevate", "avevano",
        "avrò", "avrai", "avrà", "avremo", "avrete", "avranno",
        "avrei", "avresti", "avrebbe", "avremmo", "avreste", "avrebbero",
        "abbia", "abbia", "abbia", "abbiamo", "abbiate", "abbiano",
        "avessi", "avessi", "avesse", "avessimo", "aveste", "avessero",
        "abbi", "abbiamo", "abbiate", "avere", "avendo", "avente", "aventi",
        "avuto", "avuti", "avuta", "avute"])),
}

# Common variant forms missing from the npm verb package, which keeps one form per slot
# (it has "veduto" but not "visto"). Written for sportlint.
_PP = [("part", "past", "", "s", "m"), ("part", "past", "", "p", "m"), ("part", "past", "", "s", "f"),
       ("part", "past", "", "p", "f")]
VARIANTS: dict[str, dict[tuple[str, str, str, str, str], str]] = {
    "vedere": dict(zip(_PP, "visto visti vista viste".split(), strict=True)),
    "rivedere": dict(zip(_PP, "rivisto rivisti rivista riviste".split(), strict=True)),
    "prevedere": dict(zip(_PP, "previsto previsti prevista previste".split(), strict=True)),
    "intravedere": dict(zip(_PP, "intravisto intravisti intravista intraviste".split(),
                            strict=True)),
    "provvedere": dict(zip(_PP, "provvisto provvisti provvista provviste".split(), strict=True)),
    "potere": {("ind", "past", "3", "s", ""): "poté"},
    "dare": {("ind", "pres", "1", "s", ""): "do", ("ind", "pres", "2", "s", ""): "dai",
             ("impr", "pres", "2", "s", ""): "dai"},
    "dire": {("impr", "pres", "2", "s", ""): "di'"},
    "dovere": {("ind", "past", "3", "s", ""): "dovette", ("ind", "past", "3", "p", ""): "dovettero"},
}

# Comparatives missing from the adjective package (both genders, one form each).
COMPARATIVES = {"maggiore": "maggiori", "minore": "minori", "migliore": "migliori",
                "peggiore": "peggiori", "superiore": "superiori", "inferiore": "inferiori",
                "ulteriore": "ulteriori", "anteriore": "anteriori", "posteriore": "posteriori",
                "interiore": "interiori", "esteriore": "esteriori"}

# Nouns missing from the noun package (lemma, gender, plural); "via" is also masculine
# ("il via", the start). Written for sportlint.
NOUNS_ADDED = """
incaricato m incaricati
lente f lenti
quadrato m quadrati
via m via
cross m cross
hat-trick m hat-trick
play-off m play-off
playoff m playoff
stopper m stopper
turnover m turnover
dottor m dottor
signor m signor
"""

# Nouns whose gender the noun package has wrong (it keeps one per lemma). Written for
# sportlint.
GENDER_FIXES = {"azione": "f", "età": "f", "folgore": "f", "informazione": "f",
                "varietà": "f", "voce": "f"}

# Plurals the noun package has wrong: -cia/-gia after a consonant make -ce/-ge
# ("fasce", "spiagge"). Written for sportlint.
PLURAL_FIXES = {"angoscia": "angosce", "denuncia": "denunce", "fascia": "fasce",
                "minaccia": "minacce", "pioggia": "piogge", "provincia": "province",
                "spiaggia": "spiagge", "striscia": "strisce", "traccia": "tracce"}

# Adjectives missing from the adjective package (or listed only as nouns): the four forms in
# the ADJ slot order (m.s, m.p, f.s, f.p; "-" for none). Written for sportlint.
ADJECTIVES_ADDED = """
bello belli bella belle
bellissimo bellissimi bellissima bellissime
buono buoni buona buone
buonissimo buonissimi buonissima buonissime
grande grandi grande grandi
grandissimo grandissimi grandissima grandissime
"""
# Truncated forms before a noun: form, the gender and number it has. Written for sportlint.
TRUNCATED_ADDED = """
bei m+p
begli m+p
maggior s
tal s
"""
# Truncated infinitives ("far gol", "poter giocare"): verb, form. Written for sportlint.
INFINITIVES_ADDED = """
dare dar
dire dir
dovere dover
fare far
potere poter
sapere saper
volere voler
"""

# Closed classes: POS, features ("-" for none), words. Written for sportlint.
CLOSED = """
ART m+s il lo un uno
ART f+s la una
ART m+p i gli
ART f+p le
ART s l'
ART f+s un'
PRE - di a da in con su per tra fra dopo durante contro verso senza sopra sotto dentro fuori \
presso entro mediante tramite dietro davanti accanto oltre lungo secondo circa tranne sino \
fino fin attorno intorno nonostante
ARTPRE m+s del dal nel sul col al dello dallo nello sullo allo
ARTPRE f+s della dalla nella sulla alla colla
ARTPRE s dell' dall' nell' sull' all'
ARTPRE m+p dei dai nei sui coi ai degli dagli negli sugli agli
ARTPRE f+p delle dalle nelle sulle alle
CON - e ed o od ma però perché poiché mentre quando se che come anche né oppure ovvero cioè \
infatti quindi dunque pertanto tuttavia eppure sebbene benché affinché finché purché laddove \
nonostante nonché ossia siccome qualora anziché perciò dove ove
PRO - mi ti si ci vi ne gli me te se ce ve sé chi cui ciò quale quali qualcosa niente nulla \
chiunque che
PRO s io tu
PRO p noi voi loro
PRO m+s lui esso egli lo colui costui qualcuno nessuno ognuno ciascuno
PRO f+s lei essa ella la colei costei
PRO m+p essi li
PRO f+p esse le
PRO p coloro costoro
DET m+s questo quello quel nessun alcun ciascun ogni qualche tale altro molto poco tanto \
troppo tutto parecchio certo stesso
DET f+s questa quella nessuna alcuna ciascuna altra molta poca tanta troppa tutta certa stessa
DET m+p questi quelli quei quegli alcuni altri molti pochi tanti troppi tutti parecchi certi \
vari diversi stessi entrambi
DET f+p queste quelle alcune altre molte poche tante troppe tutte parecchie certe varie \
diverse stesse entrambe
DET p due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici \
quindici sedici diciassette diciotto diciannove venti trenta quaranta cinquanta sessanta \
settanta ottanta novanta cento duecento trecento mille mila ambedue
DET m+s mio tuo suo nostro vostro
DET f+s mia tua sua nostra vostra
DET m+p miei tuoi suoi nostri vostri
DET f+p mie tue sue nostre vostre
DET - loro
ADV - non più meno molto poco tanto troppo già ancora sempre mai ora adesso poi dopo prima \
oggi ieri domani qui qua lì là così bene male meglio peggio anzi forse quasi appena soltanto \
solo ecco inoltre invece insieme subito spesso talvolta abbastanza sì no circa oltre anche \
quindi però pure ormai tuttora davvero comunque almeno soprattutto nemmeno neanche neppure \
magari piuttosto purtroppo altrimenti insomma benissimo indietro intanto ovunque giù attorno \
intorno affatto assieme mica chissà talmente assai tantissimo altrove peraltro stavolta \
volentieri infine finora addirittura persino perfino perciò proprio stasera stamattina ben mal \
ancor pur dove come
"""


if __name__ == "__main__":
    main()
