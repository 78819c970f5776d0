"""The names family: precision guards, detection paths, fix safety, the gazetteer and its
data files. Every text here is made up for the test."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from sportlint import fix_text, lint_text
from sportlint.findings import Applicability, Severity
from sportlint.italian import resources
from sportlint.italian.gazetteer import Gazetteer, fold, name_lists, name_tokens
from sportlint.rules.names._mentions import inflection_only, typo_like
from sportlint.util.datapaths import data_dir

NAMES = {"select": ["names"]}
ROOT = Path(__file__).resolve().parents[2]


def names_findings(text: str, config: dict | None = None) -> list:
    cfg = dict(NAMES)
    cfg.update(config or {})
    return lint_text(text, None, cfg)


# --- precision guards: correct copy stays silent --------------------------------------------
GUARDS = {
    "conte-conti": (
        "Antonio Conte ha presentato la gara. Conte ha chiesto calma. Secondo Conte il gruppo "
        "è pronto. Il giudice sportivo, Paolo Conti, ha squalificato due giocatori; Conti ha "
        "poi spiegato la decisione."),
    "inzaghi-brothers": (
        "Simone Inzaghi ha battuto Filippo Inzaghi nel derby dei fratelli. Simone ha sorriso, "
        "Filippo meno. Inzaghi, quello dell'Inter, ha lodato la squadra del fratello."),
    "shared-surname": (
        "Alessandro Bastoni e Simone Bastoni sono in campo insieme. Bastoni, il difensore, ha "
        "servito l'assist; l'altro Bastoni ha recuperato palla."),
    "immobile": (
        "Ciro Immobile ha segnato una doppietta. Immobile ha esultato sotto la curva, mentre "
        "il portiere è rimasto immobile sulla linea. Immobile, dopo la gara, ha parlato."),
    "bove": (
        "Edoardo Bove ha recuperato palla a centrocampo. Bove è stato il migliore; nel "
        "presepe della curva c'era perfino un bove di cartone."),
    "conte-conte": (
        "Conte ha scelto la difesa a tre. Il conte di Montecristo è il suo libro preferito, "
        "ha detto Conte in conferenza stampa."),
    "milano-milan": (
        "Il Milan ha vinto a Milano davanti a settantamila tifosi. Il Milan è primo. Milano "
        "festeggia, e anche il sindaco di Milano ha fatto i complimenti al Milan."),
    "roma": (
        "La Roma ha battuto la Lazio. A Roma si festeggia fino a notte; la Roma torna al "
        "terzo posto e Roma intera sogna. Romano di nascita, il capitano ha parlato ai tifosi."),
    "genoa-genova": (
        "Il Genoa ha battuto il Torino. Il Genoa sale al decimo posto e Genova festeggia; "
        "il Genoa torna a vincere in casa dopo due mesi."),
    "english-plural": (
        "I Rangers hanno vinto il derby. I Rangers sono primi, e il Ranger più atteso ha segnato "
        "il gol che porta i Rangers in finale."),
    "apostrophe-names": (
        "D'Ambrosio ha anticipato l'attaccante, poi N'Dicka ha salvato sulla linea. Danilo "
        "D'Ambrosio e Evan N'Dicka sono stati i migliori; D'Ambrosio ha anche segnato."),
    "sentence-initial-word": (
        "Massimo Carrera allena il Bari. Carrera è arrivato ieri in città. Carriera lunga e "
        "piena di successi, quella di Maldini, che Carrera ha sempre ammirato."),
}


@pytest.mark.parametrize("name", sorted(GUARDS))
def test_precision_guard(name: str) -> None:
    assert names_findings(GUARDS[name]) == []


def test_guards_hold_with_every_rule_enabled() -> None:
    for text in GUARDS.values():
        assert [f for f in lint_text(text, None, {}) if f.rule.startswith("names.")] == []


# --- detection paths ---------------------------------------------------------------------
CAREER = ("Il Bari ha scelto Massimo Carrera. Carrera arriva dalla Grecia.\n\n"
          "La società punta su Carrera perché con Carriera, da giocatore, vinse due titoli.")


def test_real_word_standing_for_a_name_is_caught_with_an_unsafe_fix() -> None:
    (f,) = names_findings(CAREER)
    assert f.rule == "names.consistency"
    assert CAREER[f.start:f.end] == "Carriera"
    assert f.suggestions[0] == "Carrera"
    assert f.fix is not None and f.fix.applicability is Applicability.UNSAFE
    # the message names the conflicting form and the lines where it appears
    assert "«Carrera»" in f.message and "righe 1, 3" in f.message
    assert fix_text(CAREER, None, NAMES) == CAREER
    assert "perché con Carrera, da giocatore" in fix_text(CAREER, None, NAMES, unsafe=True)


def test_sentence_case_heading_is_read_like_a_sentence() -> None:
    text = ("# Il Bari sceglie Massimo Carriera\n\nMassimo Carrera è il nuovo allenatore. "
            "Carrera arriva dalla Grecia.\n")
    (f,) = lint_text(text, "draft.md", NAMES)
    assert text[f.start:f.end] == "Carriera" and f.suggestions[0] == "Carrera"
    title = ("# Il Bari Sceglie Una Carriera Nuova\n\nMassimo Carrera è il nuovo allenatore. "
             "Carrera arriva dalla Grecia.\n")
    assert lint_text(title, "draft.md", NAMES) == []


def test_non_word_with_one_candidate_has_a_safe_fix() -> None:
    text = "Ha firmato per lo Sparatk di Mosca."
    (f,) = names_findings(text)
    assert f.rule == "names.gazetteer"
    assert f.fix is not None and f.fix.applicability is Applicability.SAFE
    assert "Spartak" in f.message
    assert fix_text(text, None, NAMES) == "Ha firmato per lo Spartak di Mosca."


def test_transposition_against_the_document_form() -> None:
    text = ("La squadra di Ugo Pastrelli vince ancora. Pastrelli ha cambiato tre giocatori. "
            "Il modulo di Patsrelli convince.")
    (f,) = names_findings(text)
    assert f.rule == "names.consistency"
    assert f.suggestions == ("Pastrelli",)
    assert "2 volte" in f.message and "riga 1" in f.message


def test_rare_form_introduced_as_another_full_name_is_another_person() -> None:
    text = ("Gianni Brambati ha segnato. Brambati ha esultato. Il gol di Brambati vale tre "
            "punti. Poi Luca Brambani ha sbagliato un rigore, e Brambani si è scusato.")
    assert names_findings(text) == []


def test_capital_after_a_colon_or_a_line_break_is_no_name_signal() -> None:
    text = ("Massimo Carrera allena il Bari e Carrera vuole vincere. Lo ha detto lui: "
            "Carriera e famiglia vengono prima.\nCarriera, famiglia e amici.")
    assert names_findings(text) == []


def test_accent_variant_is_a_suggestion() -> None:
    text = "Vlahović ha segnato. Il tiro di Vlahović era imparabile. Poi Vlahovic è uscito."
    (f,) = names_findings(text)
    assert f.severity is Severity.SUGGESTION
    assert f.suggestions == ("Vlahović",)
    assert f.fix is not None and f.fix.applicability is Applicability.SUGGESTION


def test_gazetteer_typo_not_reported_twice_when_the_document_has_the_name() -> None:
    text = "Lo Spartak Mosca vince. Lo Spartak resta primo, lo Sparatk sogna."
    findings = names_findings(text)
    assert [f.rule for f in findings] == ["names.consistency"]


def test_multi_word_known_name_confirms_a_typo() -> None:
    text = "L'Ispwich Town ha perso ancora in casa."
    (f,) = names_findings(text)
    assert f.rule == "names.gazetteer" and f.suggestions[0] == "Ipswich"


def test_ordinary_word_explains_a_sentence_initial_token() -> None:
    # "Sparata" is an Italian word one edit away: at the start of a sentence it wins the tie
    assert names_findings("Sparatk ieri sera dalla curva, poi la calma.") == []


def test_english_word_is_no_typo_of_a_name() -> None:
    # "Greets" is an English word, two letters swapped from the player Gerets
    assert names_findings("Il brano del disco si intitola Greets, ed è in inglese.") == []


def test_name_repeated_three_times_is_a_name_the_gazetteer_lacks() -> None:
    text = "Gol di Lewandowksi. Lewandowksi esulta. Ancora Lewandowksi nel finale."
    assert names_findings(text) == []


def test_accept_and_reject_config() -> None:
    text = "Il Bari ha battuto la Sampdroia."
    assert names_findings(text, {"names": {"accept": ["Sampdroia"]}}) == []
    (f,) = names_findings(text, {"names": {"reject": {"Sampdroia": "Sampdoria"}}})
    assert f.rule == "names.reject" and f.fix is not None
    assert f.fix.applicability is Applicability.SAFE


def test_typographic_apostrophes() -> None:
    config = {"names": {"accept": ["Mario Dell'Orso"]}}
    text = "Il gol è di Dell’Orsso, entrato nella ripresa."
    (f,) = names_findings(text, config)
    assert f.suggestions == ("Dell’Orso",)
    mixed = "D'Ambrosio ha segnato. D'Ambrosio ha esultato. Poi D’Ambrosio è uscito."
    assert names_findings(mixed) == []


def test_fix_is_idempotent() -> None:
    text = CAREER + "\n\nIl Bari ha battuto la Sampdroia."
    once = fix_text(text, None, NAMES, unsafe=True)
    assert fix_text(once, None, NAMES, unsafe=True) == once


# --- helpers -------------------------------------------------------------------------------
def test_edit_shapes() -> None:
    assert typo_like("Sparatk", "Spartak")          # adjacent swap
    assert typo_like("Milwall", "Millwall")         # doubled letter typed once
    assert typo_like("Petersborough", "Peterborough")
    assert not typo_like("Madero", "Maduro")        # two real names
    assert inflection_only("Conte", "Conti") and inflection_only("Milan", "Milano")
    assert not inflection_only("Carrera", "Carriera")
    assert fold("Vlahović") == "Vlahovic"


# --- the gazetteer -----------------------------------------------------------------------
def test_gazetteer_interface() -> None:
    gaz = resources.get("gazetteer")
    assert gaz.is_known("Spartak Mosca") and gaz.is_known("Massimo Carrera")
    assert not gaz.is_known("spartak mosca")            # case-sensitive
    assert gaz.has_token("Spartak") and gaz.has_token("Mosca") and gaz.has_token("D'Ambrosio")
    assert gaz.has_token("D’Ambrosio")                  # typographic apostrophe
    assert not gaz.has_token("spartak") and not gaz.has_token("Sparatk")
    assert ("Spartak", 1) in gaz.near("Sparatk")
    assert gaz.kind("San Nicola") == "stadium" and gaz.kind("Prem'er-Liga") == "competition"
    assert gaz.kind("Antonio Conte") == "coach" and gaz.kind("Genova") == "place"


def test_small_gazetteer_fuzzy_index() -> None:
    gaz = Gazetteer({"Ugo Pastrelli": "player", "Pastrello": "club", "Bari": "club"})
    assert gaz.near("Patsrelli") == [("Pastrelli", 1)]
    assert [t for t, _ in gaz.near("Pastrelli", 1)] == ["Pastrello"]
    assert gaz.near("Xastrelli") == []      # other first letter: other bucket
    assert name_tokens("Prem'er-Liga e N’Dicka") == ["Prem'er-Liga", "e", "N'Dicka"]


NAME_FILES = name_lists()


@pytest.mark.parametrize("path", NAME_FILES, ids=[p.name for p in NAME_FILES])
def test_name_lists_are_sorted_unique_and_documented(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines == sorted(set(lines)), f"{path.name}: not sorted or has duplicates"
    assert all(line == line.strip() and line for line in lines)
    sources = (path.parent / "SOURCES.md").read_text(encoding="utf-8")
    assert f"`{path.name}`" in sources, f"{path.name} missing from SOURCES.md"
    notice = (ROOT / "NOTICE").read_text(encoding="utf-8")
    assert "data/" + path.relative_to(data_dir()).as_posix() in notice, f"{path.name} missing from NOTICE"


def test_cc_by_sa_data_stays_in_its_own_files() -> None:
    sources = (data_dir() / "generated" / "names" / "SOURCES.md").read_text(encoding="utf-8")
    for row in re.findall(r"^\| `([^`]+)` \|.*$", sources, re.M):
        line = next(line for line in sources.splitlines() if line.startswith(f"| `{row}`"))
        assert ("fjelstul" in row) == ("CC BY-SA 4.0" in line), row


def test_build_script_on_made_up_tables(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_gazetteer"] = module
    spec.loader.exec_module(module)
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    (src / "clubs_europe_openfootball.tsv").write_text(
        "name\tcountry\tcity\tfounded\taliases\tsource_file\n"
        "AC Pizzighettone 1921\titaly\tPizzighettone\t1921\t"
        "Pizzi | AC Pizzi Mailand [de] | Pizzi FC [en]\tx\n",
        encoding="utf-8")
    (src / "teams_in_fixtures_openfootball.tsv").write_text(
        "team_name_as_written\tcountry\tn_files\texample_source\nUS Borgoratto\titaly\t1\tx\n",
        encoding="utf-8")
    (src / "players_squads_openfootball.tsv").write_text(
        "name\tnationality\tposition\tbirth_year\tclub\tseason\tprevious_club\tsource\n"
        "Ugo Pastrelli\tITA\tFW\t2001\tPizzi\t2023/24\t\tx\n", encoding="utf-8")
    (src / "players_worldcup_fjelstul.tsv").write_text(
        "full_name\tgiven_name\tfamily_name\tbirth_date\tfemale\tnational_teams\ttournaments\tsource\n"
        "Aldo D’Orzo\tAldo\tD'Orzo\t1930-01-01\t0\tItaly\t1954\tx\n", encoding="utf-8")
    (src / "coaches_worldcup_managers_fjelstul.tsv").write_text(
        "full_name\tgiven_name\tfamily_name\tnationality\tfemale\tmanaged_at_world_cups\tsource\n"
        "Rino Tasca\tRino\tTasca\tItaly\t0\tItaly (1954)\tx\n", encoding="utf-8")
    assert module.main([str(src), "--out", str(out)]) == 0
    clubs = (out / "clubs.openfootball.txt").read_text(encoding="utf-8").splitlines()
    assert clubs == sorted(["AC Pizzighettone 1921", "Pizzighettone", "Pizzi", "Pizzi FC",
                            "US Borgoratto", "Borgoratto"])
    assert (out / "players.fjelstul.txt").read_text(encoding="utf-8") == "Aldo D'Orzo\n"
    assert (out / "coaches.fjelstul.txt").read_text(encoding="utf-8") == "Rino Tasca\n"


# --- hostile input: the variant search stays linear ----------------------------------------
def _look_alikes(n: int) -> list[str]:
    """``n`` distinct capitalised tokens, each one to three letters off one name."""
    import random
    import string

    rng = random.Random(16)
    seen: set[str] = set()
    while len(seen) < n:
        word = list("Brambatelli")
        for _ in range(rng.randint(1, 3)):
            word[rng.randrange(1, len(word))] = rng.choice(string.ascii_lowercase)
        seen.add("".join(word))
    return sorted(seen)


def test_variant_search_is_linear_on_look_alikes() -> None:
    from sportlint.rules.names._mentions import CROWD, _pairs, deletion_keys

    counts = {}
    for n in (2000, 8000):
        forms = _look_alikes(n)
        counts[n] = len(_pairs(forms))
        # each form meets at most CROWD - 1 others under each of its keys
        assert counts[n] <= n * len(deletion_keys("brambatelli", 1)) * (CROWD - 1)
    assert counts[8000] <= 6 * counts[2000]      # four times the forms: not sixteen times


def test_look_alikes_through_the_rule() -> None:
    from sportlint.rules.names import _mentions

    text = " ".join(f"Poi {w} segna." for w in _look_alikes(1500))
    before = _mentions.Comparisons.pairs
    names_findings(text)
    assert _mentions.Comparisons.pairs - before <= 1500 * 12 * _mentions.CROWD


def test_build_script_reads_the_other_sports(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_gazetteer"] = module
    spec.loader.exec_module(module)
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    for name in ("clubs_europe_openfootball.tsv", "players_squads_openfootball.tsv",
                 "teams_in_fixtures_openfootball.tsv", "players_worldcup_fjelstul.tsv",
                 "coaches_worldcup_managers_fjelstul.tsv"):
        header = {"clubs_europe_openfootball.tsv": "name\tcountry\taliases",
                  "teams_in_fixtures_openfootball.tsv": "team_name_as_written\tcountry",
                  "players_squads_openfootball.tsv": "name"}.get(name, "full_name")
        (src / name).write_text(header + "\n", encoding="utf-8")
    (src / "riders_cycling_letourdataset.tsv").write_text(
        "name\trace\nAAD VAN DEN HOEK\tTdF\nPIERRE-LUC D'ARGO\tTdF\n", encoding="utf-8")
    (src / "teams_f1_f1db.tsv").write_text(
        "name\tkind\tfull_name\nRed Gull\tconstructor\tRed Gull Racing\n", encoding="utf-8")
    (src / "places_italy_comuni_istat.tsv").write_text(
        "name\tprovince\tregion\nBorgo/Burg\tBolzano/Bozen\tTrentino-Alto Adige/Südtirol\n",
        encoding="utf-8")
    assert module.main([str(src), "--out", str(out)]) == 0
    riders = (out / "riders.letour.txt").read_text(encoding="utf-8").splitlines()
    assert riders == ["Aad Van Den Hoek", "Aad van den Hoek", "Pierre-Luc D'Argo"]
    assert (out / "teams.f1db.txt").read_text(encoding="utf-8") == "Red Gull\nRed Gull Racing\n"
    assert (out / "comuni.istat.txt").read_text(encoding="utf-8").splitlines() == sorted(
        ["Borgo", "Burg", "Bolzano", "Bozen", "Trentino-Alto Adige", "Südtirol"])
    assert not (out / "players.nba.txt").exists()     # a table that is missing: skipped
