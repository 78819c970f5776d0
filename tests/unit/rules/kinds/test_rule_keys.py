"""Per-kind keys of data-rule files (`sportlint.rules.kinds.keys`) and the JSON Schema built
from them (``rule-file.schema.json``): a key the kind does not read, a required key missing
or a value of the wrong type is an error naming the file, the place and the key, and the
schema an editor uses says the same as the checks sportlint runs."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sportlint.cli.main import main
from sportlint.rules import registry
from sportlint.rules.kinds import keys, schema
from sportlint.rules.kinds.table import KINDS

VALIDATOR = jsonschema.Draft7Validator(json.loads(schema.PATH.read_text(encoding="utf-8")))


def schema_accepts(spec: Any) -> bool:
    return VALIDATOR.is_valid(spec)


def python_accepts(spec: dict[str, Any]) -> bool:
    """The key checks of the kind named in ``spec`` (what the engine then compiles is
    not the schema's business)."""
    try:
        keys.check(spec, KINDS[spec["kind"]].shapes[spec["kind"]])
    except ValueError:
        return False
    return True


def loads(tmp_path: Path, spec: dict[str, Any], name: str = "style.house.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    return path


def test_the_schema_is_valid_and_in_step_with_the_kinds() -> None:
    jsonschema.Draft7Validator.check_schema(VALIDATOR.schema)
    assert schema.PATH.read_text(encoding="utf-8") == schema.render(), \
        "rule-file.schema.json is stale: python -m sportlint.rules.kinds.schema --write"
    assert set(VALIDATOR.schema["properties"]["kind"]["enum"]) == set(KINDS)


@pytest.mark.parametrize("path", registry.data_rule_files(), ids=lambda p: p.stem)
def test_every_shipped_rule_file_passes_the_schema(path: Path) -> None:
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in VALIDATOR.iter_errors(spec)]
    assert errors == []
    assert python_accepts(spec)


# --- good and bad made-up files: both checks agree ----------------------------------------

ENTRY = {"wrong": "coach", "right": "allenatore"}
GOOD: list[dict[str, Any]] = [
    {"id": "style.a", "kind": "substitution", "summary": "S.", "entries": [ENTRY]},
    {"id": "style.a", "kind": "substitution", "summary": "S.", "fix": False,
     "case_sensitive": True, "skip_quoted": True, "default_enabled": False,
     "severity": "error", "message": "«{found}»: «{right}».", "doc": "More.",
     "options": {"x": 1}, "cases": [{"pass": "Bene."}, {"fail": "Il coach.",
                                                         "fix": "L'allenatore.", "path": "x.md",
                                                         "config": {"select": ["style"]}}],
     "entries": [{**ENTRY, "fix": "unsafe", "gender": "m", "wrong_gender": "m",
                  "plural": "allenatori", "exceptions": ["coach di vita"],
                  "also": ["tecnico", {"right": "guida", "gender": "f", "plural": "guide"}],
                  "examples": [{"fail": "il coach", "suggest": "l'allenatore"}]}]},
    {"id": "style.b", "kind": "pattern", "summary": "P.", "fix": "safe",
     "patterns": [{"pattern": "a+", "replacement": "a", "message": "m"}, {"pattern": "b"}]},
    {"id": "style.c", "kind": "existence", "summary": "E.", "message": "m",
     "patterns": [{"pattern": "x", "message": "y"}]},
    {"id": "style.d", "kind": "consistency", "summary": "C.", "fix": "none",
     "entries": [{"forms": ["ct", "c.t."], "preferred": "ct", "endings": ["", "s"],
                  "fix": "suggestion", "case_sensitive": False, "before": "il ",
                  "note": "house style", "examples": [{"pass": "il ct"}]}]},
]


def with_(spec: dict[str, Any], where: tuple[Any, ...], key: str, value: Any) -> dict[str, Any]:
    """``spec`` with ``key`` set to ``value`` in the mapping at ``where`` (a path)."""
    out = copy.deepcopy(spec)
    target = out
    for step in where:
        target = target[step]
    target[key] = value
    return out


def without(spec: dict[str, Any], where: tuple[Any, ...], key: str) -> dict[str, Any]:
    out = copy.deepcopy(spec)
    target = out
    for step in where:
        target = target[step]
    del target[key]
    return out


SUB, FULL, PAT, EXI, CON = GOOD
BAD: dict[str, dict[str, Any]] = {
    "severity not a severity": with_(SUB, (), "severity", "grave"),
    "pattern with entries": with_(PAT, (), "entries", [ENTRY]),
    "stray top key": with_(SUB, (), "boundary", True),
    "typo in an entry": with_(SUB, ("entries", 0), "rigth", "x"),
    "typo in a pattern": with_(PAT, ("patterns", 0), "replacment", "x"),
    "existence with a replacement": with_(EXI, ("patterns", 0), "replacement", "x"),
    "existence with fix": with_(EXI, (), "fix", "safe"),
    "consistency with case_sensitive on top": with_(CON, (), "case_sensitive", True),
    "typo in a group": with_(CON, ("entries", 0), "prefered", "ct"),
    "typo in a case": with_(FULL, ("cases", 0), "passs", "x"),
    "typo in an example": with_(FULL, ("entries", 0, "examples", 0), "sugest", "x"),
    "typo in an also": with_(FULL, ("entries", 0, "also", 1), "gendre", "f"),
    "no summary": without(SUB, (), "summary"),
    "blank summary": with_(SUB, (), "summary", "  "),
    "no entries": without(SUB, (), "entries"),
    "empty entries": with_(SUB, (), "entries", []),
    "no patterns": without(PAT, (), "patterns"),
    "no right": without(SUB, ("entries", 0), "right"),
    "no pattern": without(PAT, ("patterns", 0), "pattern"),
    "one form": with_(CON, ("entries", 0), "forms", ["ct"]),
    "entries a mapping": with_(SUB, (), "entries", {"coach": "allenatore"}),
    "an entry a string": with_(SUB, (), "entries", ["coach -> allenatore"]),
    "exceptions a string": with_(SUB, ("entries", 0), "exceptions", "coach di vita"),
    "a form a number": with_(CON, ("entries", 0), "forms", ["ct", 1]),
    "wrong a number": with_(SUB, ("entries", 0), "wrong", 12),
    "skip_quoted a string": with_(SUB, (), "skip_quoted", "yes"),
    "case_sensitive null": with_(SUB, (), "case_sensitive", None),
    "options a list": with_(SUB, (), "options", ["x"]),
    "cases a mapping": with_(SUB, (), "cases", {"pass": "x"}),
    "id a number": with_(SUB, (), "id", 3),
    "fix true": with_(SUB, (), "fix", True),
    "fix unknown": with_(PAT, (), "fix", "always"),
    "severity unknown": with_(SUB, (), "severity", "fatal"),
    "gender unknown": with_(SUB, ("entries", 0), "gender", "n"),
    "plural without gender": with_(SUB, ("entries", 0), "plural", "allenatori"),
    "wrong_gender without gender": with_(SUB, ("entries", 0), "wrong_gender", "m"),
    "also a number": with_(SUB, ("entries", 0), "also", [3]),
    "case with fail and pass": with_(FULL, ("cases", 0), "fail", "x"),
    "case with neither": with_(FULL, (), "cases", [{"path": "x.md"}]),
    "pass case with fix": with_(FULL, ("cases", 0), "fix", "x"),
}


@pytest.mark.parametrize("written", ["Warning", "ERROR", " suggestion "])
def test_a_severity_may_be_written_in_any_case(written: str, tmp_path: Path) -> None:
    """As before the key checks (Severity.parse reads it): a newsroom's `severity: Warning`
    is a warning, for the Python checks and for the schema alike."""
    spec = with_(SUB, (), "severity", written)
    assert python_accepts(spec) and schema_accepts(spec)
    from sportlint.findings import Severity

    cls = registry.data_rule(loads(tmp_path, spec))
    assert cls.severity is Severity.parse(written)


@pytest.mark.parametrize("spec", GOOD, ids=lambda s: s["kind"])
def test_good_files_pass_both_checks(spec: dict[str, Any], tmp_path: Path) -> None:
    assert schema_accepts(spec)
    assert python_accepts(spec)
    assert registry.data_rule(loads(tmp_path, spec)).id == spec["id"]


@pytest.mark.parametrize("name", BAD)
def test_bad_files_fail_both_checks(name: str, tmp_path: Path) -> None:
    spec = BAD[name]
    assert not schema_accepts(spec)
    assert not python_accepts(spec)
    with pytest.raises(registry.RegistryError):
        registry.data_rule(loads(tmp_path, spec))


@pytest.mark.parametrize("path", registry.data_rule_files(), ids=lambda p: p.stem)
def test_a_stray_key_anywhere_in_a_shipped_file_fails_both(path: Path) -> None:
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    places: list[tuple[Any, ...]] = [()]
    for list_key in ("entries", "patterns", "cases"):
        if spec.get(list_key):
            places.append((list_key, len(spec[list_key]) - 1))
    for entry_index, entry in enumerate(spec.get("entries") or []):
        if entry.get("examples"):
            places.append(("entries", entry_index, "examples", 0))
            break
    for place in places:
        bad = with_(spec, place, "colour", "red")
        assert not schema_accepts(bad), place
        assert not python_accepts(bad), place


# Random edits of the good files (a key set, to a value of some type, or deleted, anywhere
# in the file): the Python checks and the schema accept the same ones.
_KEYS = [*sorted({k for kind in KINDS.values() for shape in kind.shapes.values()
                  for sub in shape.shapes().values() for k in sub.keys}), "colour"]
_VALUES = st.sampled_from(["safe", "none", "no", "m", "f", "error", "x", " ", "", True, False,
                           None, 0, 1, 2.5, [], ["a"], ["a", "b"], ["a", 1], {}, {"x": 1},
                           [{"pass": "x"}], [{"fail": "x", "fix": "y"}], [{"fix": "y"}],
                           [ENTRY], [{"pattern": "x"}], [{"forms": ["a", "b"]}],
                           ["a", {"right": "b"}], [{"right": "b", "plural": "c"}]])


def _places(data: Any, where: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every mapping in a rule file but the free-form ones (options, config)."""
    found: list[tuple[Any, ...]] = []
    if isinstance(data, dict):
        found.append(where)
        for key, value in data.items():
            if key not in ("options", "config"):
                found += _places(value, (*where, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _places(value, (*where, i))
    return found


@st.composite
def _edited(draw: st.DrawFn) -> dict[str, Any]:
    spec = copy.deepcopy(draw(st.sampled_from(GOOD)))
    for _ in range(draw(st.integers(1, 2))):
        target = spec
        for step in draw(st.sampled_from(_places(spec))):
            target = target[step]
        edit = draw(st.sampled_from(["delete", "change", "add"]) if target else st.just("add"))
        key = draw(st.sampled_from(sorted(target) if edit != "add" else _KEYS))
        if edit == "delete":
            del target[key]
        else:
            target[key] = copy.deepcopy(draw(_VALUES))
    if spec.get("kind") not in list(KINDS):   # a kind sportlint has: its engine's keys
        spec["kind"] = "pattern"
    return spec


_SPECS = _edited()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=_SPECS)
def test_the_python_checks_and_the_schema_agree(spec: dict[str, Any]) -> None:
    assert python_accepts(spec) == schema_accepts(spec)


# --- the messages ------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "said"), [
    ("pattern with entries", ["unknown key 'entries'", "a pattern rule takes", "patterns"]),
    ("typo in an entry", ["entries[0] (wrong 'coach')", "unknown key 'rigth'",
                          "did you mean 'right'?", "a substitution entry takes"]),
    ("typo in a pattern", ["patterns[0] (pattern 'a+')", "'replacment'",
                           "did you mean 'replacement'?"]),
    ("typo in an example", ["entries[0].examples[0]", "'sugest'"]),
    ("existence with a replacement", ["patterns[0]", "'replacement'",
                                      "an existence rule takes message, pattern"]),
    ("no right", ["entries[0]", "missing key 'right'"]),
    ("exceptions a string", ["key 'exceptions' must be a list, not a string"]),
    ("a form a number", ["forms[1] must be a string, not a number"]),
    ("skip_quoted a string", ["key 'skip_quoted' must be true or false, not a string"]),
    ("case_sensitive null", ["key 'case_sensitive' must be true or false, not empty (null)"]),
    ("fix unknown", ["key 'fix' must be one of safe, unsafe, suggestion, none, no, false"]),
    ("plural without gender", ["key 'plural' is read only together with 'gender'"]),
    ("case with fail and pass", ["cases[0]", "either 'fail' or 'pass'"]),
])
def test_an_error_names_the_file_the_place_and_the_key(name: str, said: list[str],
                                                       tmp_path: Path) -> None:
    path = loads(tmp_path, BAD[name])
    with pytest.raises(registry.RegistryError) as error:
        registry.data_rule(path)
    message = str(error.value)
    assert message.startswith(f"{path}: ")
    for words in said:
        assert words in message


def test_a_newsroom_rule_file_with_a_stray_key_is_a_config_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "house").mkdir()
    rule = tmp_path / "house" / "style.house-forza.yaml"
    rule.write_text("id: style.house-forza\nkind: pattern\nsummary: Slang.\n"
                    "message: \"«{found}»: scrivere «{right}».\"\nfix: safe\npatterns:\n"
                    "  - {pattern: '\\bforza\\b', replacment: 'avanti'}\n", encoding="utf-8")
    (tmp_path / ".sportlint.yaml").write_text("rule_files: [house/]\n", encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text("Dai, forza ragazzi.\n", encoding="utf-8")
    code = main(["check", "--config", str(tmp_path / ".sportlint.yaml"), str(draft)])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert "config error" in err
    assert str(rule) in err
    assert "unknown key 'replacment'" in err and "did you mean 'replacement'?" in err


def test_the_schema_module_prints_the_shipped_file() -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "sportlint.rules.kinds.schema"],
                          capture_output=True, text=True, check=True)
    assert Path(done.stdout.strip()) == schema.PATH
    assert schema.PATH.is_file()
