"""The result cache (runner/resultcache.py): an unchanged file checked again with the same
config, rules and sportlint is not linted again, and gets the same report; a change of
the file, the config, a rule option, the rules that run or sportlint's version checks it
again; --fix never writes less than it would without the cache; the folder keeps under
its size bound; a damaged entry is a miss."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

import sportlint
from clirun import run
from sportlint.engine import linter
from sportlint.findings import Applicability, Edit, Finding, Findings, Fix, RuleProblem, Severity
from sportlint.runner import resultcache

DRAFT = "Il il Bari ha vinto poichè ha segnato.\n"
CLEAN = "Il Bari ha vinto.\n"
SELECT = ["--select", "spelling,typography"]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The result cache on (the suite turns it off), in a folder of its own."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("SPORTLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("SPORTLINT_NO_RESULT_CACHE", raising=False)
    monkeypatch.delenv("SPORTLINT_NO_CACHE", raising=False)
    return folder / resultcache.FOLDER


@pytest.fixture
def lints(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents linted (their paths), as the runner asks the linter."""
    seen: list[str] = []
    real = linter.lint

    def counting(doc: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(doc.path)
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(linter, "lint", counting)
    return seen


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code, out, _ = run(capsys, "check", *SELECT, "--jobs", "1", *args)
    return code, out


def test_an_unchanged_file_is_read_from_the_cache_with_the_same_report(
        tmp_path: Path, cache: Path, lints: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    for fmt in ("text", "json"):
        first = check(capsys, "--format", fmt, str(draft))
        lints.clear()
        assert check(capsys, "--format", fmt, str(draft)) == first
        assert lints == []
    assert first[0] == 1 and len(list(cache.iterdir())) == 1


def test_no_cache_checks_again_and_writes_nothing(
        tmp_path: Path, cache: Path, lints: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    check(capsys, "--no-cache", str(draft))
    check(capsys, "--no-cache", str(draft))
    assert len(lints) == 2 and not cache.exists()


def test_the_config_key_turns_it_off(
        tmp_path: Path, cache: Path, lints: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".sportlint.yaml").write_text("cache: false\n", encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    check(capsys, str(draft))
    check(capsys, str(draft))
    assert len(lints) == 2 and not cache.exists()


def test_a_change_of_content_config_option_rules_or_version_checks_again(
        tmp_path: Path, cache: Path, lints: list[str], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    config = tmp_path / ".sportlint.yaml"

    def linted_again() -> bool:
        lints.clear()
        check(capsys, str(draft))
        return bool(lints)

    assert linted_again()                           # first run
    assert not linted_again()                       # unchanged
    draft.write_text(DRAFT + "\nPoi ha perso.\n", encoding="utf-8")
    assert linted_again()                           # the content
    assert not linted_again()
    config.write_text("severity:\n  spelling: error\n", encoding="utf-8")
    assert linted_again()                           # the config
    assert not linted_again()
    config.write_text("severity:\n  spelling: error\nrules:\n  spelling.final-accent:\n"
                      "    add_ratio: 2.0\n", encoding="utf-8")
    assert linted_again()                           # a rule option
    lints.clear()
    run(capsys, "check", "--select", "spelling", "--jobs", "1", str(draft))
    assert lints                                    # the rules that run
    monkeypatch.setattr(sportlint, "__version__", sportlint.__version__ + ".post1")
    monkeypatch.setattr(resultcache, "_code", None)
    assert linted_again()                           # sportlint's version


def test_fix_uses_an_entry_only_when_it_fixes_nothing(
        tmp_path: Path, cache: Path, lints: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    draft, twin = tmp_path / "draft.txt", tmp_path / "twin.txt"
    for path in (draft, twin):
        path.write_text(DRAFT, encoding="utf-8")
    check(capsys, str(draft))                       # cached, with safe fixes
    check(capsys, "--fix", str(draft))
    check(capsys, "--fix", "--no-cache", str(twin))
    assert draft.read_bytes() == twin.read_bytes() != DRAFT.encode()
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    check(capsys, str(clean))
    lints.clear()
    assert check(capsys, "--fix", str(clean))[0] == 0
    assert lints == [] and clean.read_text(encoding="utf-8") == CLEAN


def test_parallel_workers_read_and_write_the_same_entries(
        tmp_path: Path, cache: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for n in range(6):
        (tmp_path / f"d{n}.txt").write_text(DRAFT.replace("Bari", f"Bari {n}"), encoding="utf-8")
    first = run(capsys, "check", *SELECT, "--jobs", "2", str(tmp_path))
    assert len(list(cache.iterdir())) == 6
    assert run(capsys, "check", *SELECT, "--jobs", "2", str(tmp_path)) == first
    assert run(capsys, "check", *SELECT, "--jobs", "1", "--no-cache", str(tmp_path)) == first


def test_a_damaged_entry_is_a_miss(
        tmp_path: Path, cache: Path, lints: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    first = check(capsys, str(draft))
    for entry in cache.iterdir():
        entry.write_bytes(entry.read_bytes()[:10])
    lints.clear()
    assert check(capsys, str(draft)) == first and lints


def test_entries_round_trip_and_incomplete_results_are_not_stored(tmp_path: Path) -> None:
    store = resultcache.ResultCache(str(tmp_path), "run")
    finding = Finding("spelling.x", 3, 5, Severity.ERROR, "msg", ("a", "b"),
                      Fix((Edit(3, 5, "a"),), Applicability.SAFE), also=("typography.y",))
    key = store.key(b"text", "a.md", None)
    assert key != store.key(b"text", "a.txt", None) != store.key(b"text", "a.md", "latin-1")
    store.put(key, [finding])
    assert store.get(key) == [finding]
    other = store.key(b"other", "a.md", None)
    store.put(other, Findings([finding], [RuleProblem("spelling.x", "timed out")]))
    assert store.get(other) is None


def test_the_folder_keeps_under_its_bound_dropping_the_oldest(tmp_path: Path) -> None:
    for n in range(10):
        entry = tmp_path / f"{n:02}"
        entry.write_bytes(b"x" * 1000)
        os.utime(entry, (1_000_000 + n, 1_000_000 + n))
    resultcache.prune(str(tmp_path), limit=5000)
    kept = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert kept == ["07", "08", "09"]               # at most three quarters of the bound
    (tmp_path / "10").write_bytes(b"x" * 1000)
    resultcache.prune(str(tmp_path), limit=1000)    # a new entry: looked at again
    assert len([p for p in tmp_path.iterdir() if not p.name.startswith(".")]) == 0


def test_a_run_whose_results_are_all_cached_loads_no_rule_nor_rapidfuzz(tmp_path: Path, cache: Path) -> None:
    import subprocess
    import sys

    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    code = ("import sys\nfrom sportlint.cli.main import main\n"
            f"main(['check', {str(draft)!r}])\n"
            "print(sorted(m for m in sys.modules if m.startswith('sportlint.rules.spelling.')"
            " or m == 'rapidfuzz'))")
    env = {**os.environ, "SPORTLINT_CACHE_DIR": str(cache.parent)}
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env=env, check=False) for _ in range(2)]
    first, second = (r.stdout.splitlines() for r in runs)
    assert first[:-1] == second[:-1] and first[-1] != "[]"   # the same report
    assert second[-1] == "[]"          # no rule, and not rapidfuzz (its files are in the key)


def test_an_entry_gone_meanwhile_is_checked_with_the_rules(
        tmp_path: Path, cache: Path, lints: list[str], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from sportlint.runner import single

    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    first = check(capsys, str(draft))
    def pruned_meanwhile(*args: object) -> None:     # by another run, after the probe
        for entry in cache.iterdir():
            entry.unlink()

    monkeypatch.setattr(single, "cached", pruned_meanwhile)
    lints.clear()
    assert check(capsys, str(draft)) == first and lints == [str(draft)]


def test_an_edit_of_a_names_file_or_a_rule_file_the_config_names_checks_again(
        tmp_path: Path, cache: Path, lints: list[str], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The files a config names are in the key by their content, not their path: a name
    learnt or a rule edited since the last check is applied to unchanged drafts too."""
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    names = tmp_path / "names.yaml"
    names.write_text("names:\n  - Ugo Pastrelli\n", encoding="utf-8")
    rules = tmp_path / "house.yaml"
    rule = ("id: house.{id}\nkind: substitution\nsummary: x\nentries:\n"
            "  - {{wrong: segnato, right: realizzato}}\n")
    rules.write_text(rule.format(id="one"), encoding="utf-8")
    (tmp_path / ".sportlint.yaml").write_text(
        "rule_files: [house.yaml]\nnames:\n  files: [names.yaml]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)     # --select house is checked against this folder's config

    def linted_again() -> bool:
        lints.clear()
        code, out, err = run(capsys, "check", "--jobs", "1", "--select", "spelling,house",
                             str(draft))
        assert code == 1 and "[house." in out, err
        return bool(lints)

    assert linted_again() and not linted_again()
    names.write_text("names:\n  - Ugo Pastrelli\n  - Lino Bari\n", encoding="utf-8")
    assert linted_again() and not linted_again()
    rules.write_text(rule.format(id="two"), encoding="utf-8")
    assert linted_again() and not linted_again()
