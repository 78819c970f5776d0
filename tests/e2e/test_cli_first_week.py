"""A newsroom's first week (issue 20): output that says what happened (`--fix` prints
what it fixed and what remains, `--show-fixes`, `--statistics`, `--quiet`, `--exit-zero`,
`--color`), the two pre-commit hooks printing each finding once, the config found per
file, `exclude` and `.gitignore`, `sportlint rules` showing the effective state, and a
starter config whose examples are valid."""

from __future__ import annotations

import io
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from clirun import run
from sportlint.cli import output
from sportlint.cli.main import ExitCode
from sportlint.cli.starter import starter_config
from sportlint.config.loader import load_config

ROOT = Path(__file__).resolve().parents[2]
SELECT = ["--select", "spelling.accents,spelling.repeated-word,grammar.piu-plural"]
# two safe fixes (il il, poichè) and one unsafe (più occasione)
DRAFT = "Il il Bari ha vinto poichè ha segnato in più occasione.\n"
FIXED = "Il Bari ha vinto poiché ha segnato in più occasione.\n"


@pytest.fixture
def draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    path = tmp_path / "pezzo.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


# -- output that tells what happened ---------------------------------------------------

def test_fix_prints_what_it_fixed_and_what_remains(draft: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """`--fix` applied the fixes and printed nothing at all."""
    code, out, _ = run(capsys, "check", *SELECT, "--fix", "pezzo.md")
    assert draft.read_text(encoding="utf-8") == FIXED
    assert code == ExitCode.FINDINGS
    assert out.rstrip().endswith("Fixed 2 problems, 1 remaining")
    assert "[grammar.piu-plural]" in out           # the one that remains is shown
    # nothing left to fix: still said
    code, out, _ = run(capsys, "check", *SELECT, "--fix", "pezzo.md")
    assert out.rstrip().endswith("Fixed 0 problems, 1 remaining")
    # with a machine format the report stays parseable: the summary goes to stderr
    draft.write_text(DRAFT, encoding="utf-8")
    code, out, err = run(capsys, "check", *SELECT, "--fix", "--format", "json", "pezzo.md")
    assert out.startswith("{") and "Fixed 2 problems, 1 remaining" in err
    # fixing standard input: stdout is the text, the summary goes to stderr
    # --diff: what it would fix
    draft.write_text(DRAFT, encoding="utf-8")
    code, out, err = run(capsys, "check", *SELECT, "--diff", "pezzo.md")
    assert out.startswith("---") and "Would fix 2 problems, 1 remaining" in err
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_show_fixes_lists_them_per_file_and_rule(draft: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _ = run(capsys, "check", *SELECT, "--show-fixes", "pezzo.md")
    assert "Fixes --fix would apply (2 problems):\n- pezzo.md:\n" in out
    assert draft.read_text(encoding="utf-8") == DRAFT
    _, out, _ = run(capsys, "check", *SELECT, "--fix", "--show-fixes", "pezzo.md")
    assert re.search(r"Fixes applied \(2 problems\):\n- pezzo\.md:\n"
                     r"    1 × spelling\.accents\n    1 × spelling\.repeated-word\n", out)


def test_statistics_counts_per_rule(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft.write_text(DRAFT + "Ancora poichè, e poichè.\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", *SELECT, "--statistics", "pezzo.md")
    assert code == ExitCode.FINDINGS
    assert out.splitlines() == ["3  spelling.accents        [*]",
                                "1  grammar.piu-plural",
                                "1  spelling.repeated-word  [*]"]
    code, out, _ = run(capsys, "check", *SELECT, "--statistics", "--format", "json", "pezzo.md")
    assert yaml.safe_load(out)[0] == {"rule": "spelling.accents", "count": 3, "fixable": 3}


def test_quiet_prints_the_findings_and_nothing_else(draft: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", *SELECT, "--quiet", "pezzo.md")
    assert code == ExitCode.FINDINGS
    assert out.count("pezzo.md:1:") == 3 and "findings" not in out
    code, out, err = run(capsys, "check", *SELECT, "-q", "--fix", "pezzo.md")
    assert "Fixed" not in out + err and out.count("pezzo.md:1:") == 1


def test_exit_zero(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", *SELECT, "--exit-zero", "pezzo.md")
    assert code == ExitCode.OK and "3 findings" in out
    # an error is still an error
    assert run(capsys, "check", "--exit-zero", "manca.md")[0] == ExitCode.ERROR


def test_color_only_on_a_terminal(draft: Path, capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    assert "\x1b[" not in run(capsys, "check", *SELECT, "pezzo.md")[1]     # a pipe: auto is off
    coloured = run(capsys, "check", *SELECT, "--color", "always", "pezzo.md")[1]
    assert "\x1b[1;31merror\x1b[0m" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == run(capsys, "check", *SELECT, "pezzo.md")[1]
    assert "\x1b[" not in run(capsys, "check", *SELECT, "--no-color", "pezzo.md")[1]

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert output.use_color("auto", Terminal())
    assert not output.use_color("auto", io.StringIO())
    assert not output.use_color("auto", Terminal(), to_file=True)
    assert not output.use_color("never", Terminal())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not output.use_color("auto", Terminal())
    assert output.use_color("always", io.StringIO())      # an explicit choice wins
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert output.use_color("auto", io.StringIO())


def _hooks() -> dict[str, list[str]]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return {h["id"]: shlex.split(h["entry"])[1:] for h in hooks}


def test_both_hooks_print_each_finding_once(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With both hooks installed, each finding was printed twice."""
    hooks = _hooks()
    assert set(hooks) == {"sportlint", "sportlint-fix"}
    # pre-commit runs them in the order of the README's config: the fix hook first
    code_fix, out_fix, err_fix = run(capsys, *hooks["sportlint-fix"], *SELECT, "pezzo.md")
    code_check, out_check, err_check = run(capsys, *hooks["sportlint"], *SELECT, "pezzo.md")
    printed = out_fix + err_fix + out_check + err_check
    assert draft.read_text(encoding="utf-8") == FIXED
    assert code_fix == ExitCode.OK           # pre-commit fails it: the file changed
    assert code_check == ExitCode.FINDINGS
    assert "Fixed 2 problems, 1 remaining" in out_fix and "× spelling.accents" in out_fix
    for rule in ("spelling.accents", "spelling.repeated-word", "grammar.piu-plural"):
        assert printed.count(f"[{rule}]") <= 1, rule
    assert printed.count("[grammar.piu-plural]") == 1


# -- config per file, exclude, .gitignore -------------------------------------------------

def test_config_is_found_from_each_file_not_the_current_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`cd / && sportlint check repo/articoli/x.md` ignored the repo's .sportlint.yaml."""
    for name, rule in (("calcio", "spelling.accents"), ("basket", "spelling.repeated-word")):
        (tmp_path / name / "articoli").mkdir(parents=True)
        (tmp_path / name / ".sportlint.yaml").write_text(f"select: [{rule}]\n", encoding="utf-8")
        (tmp_path / name / "articoli" / "x.md").write_text(DRAFT, encoding="utf-8")
    pyproject = tmp_path / "tennis" / "pyproject.toml"
    pyproject.parent.mkdir()
    pyproject.write_text("[tool.sportlint]\nselect = ['grammar.piu-plural']\n", encoding="utf-8")
    (tmp_path / "tennis" / "x.md").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir("/")
    _code, out, _ = run(capsys, "check", "--format", "json", str(tmp_path / "calcio"),
                       str(tmp_path / "basket/articoli/x.md"), str(tmp_path / "tennis/x.md"))
    found = {(f["path"].split("/")[-3 if "articoli" in f["path"] else -2], f["rule"])
             for f in yaml.safe_load(out)["findings"]}
    assert found == {("calcio", "spelling.accents"), ("basket", "spelling.repeated-word"),
                     ("tennis", "grammar.piu-plural")}
    # --config names one config for every file
    (tmp_path / "uno.yaml").write_text("select: [spelling.accents]\n", encoding="utf-8")
    _, out, _ = run(capsys, "check", "--format", "json", "--config", str(tmp_path / "uno.yaml"),
                    str(tmp_path / "basket"), str(tmp_path / "tennis"))
    assert {f["rule"] for f in yaml.safe_load(out)["findings"]} == {"spelling.accents"}


def test_each_files_fail_level_is_its_own_configs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "lasco").mkdir()
    (tmp_path / "lasco" / ".sportlint.yaml").write_text(
        "select: [spelling.accents]\nseverity: {spelling: suggestion}\n", encoding="utf-8")
    (tmp_path / "lasco" / "x.md").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "check", "lasco")[0] == ExitCode.OK


def _tree(root: Path) -> None:
    for rel in ("articoli/a.md", "articoli/bozze/b.md", "archivio/c.md", "d.bozza.md", "e.md"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(DRAFT, encoding="utf-8")


def _checked(capsys: pytest.CaptureFixture[str], *args: str) -> set[str]:
    code, out, err = run(capsys, "check", "--select", "spelling.accents", "--format", "json", *args)
    assert code in (ExitCode.OK, ExitCode.FINDINGS), err
    return {f["path"] for f in yaml.safe_load(out)["findings"]}


def test_exclude_in_config_and_on_the_command_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _tree(tmp_path)
    (tmp_path / ".sportlint.yaml").write_text('exclude: [archivio/, "*.bozza.md"]\n',
                                              encoding="utf-8")
    monkeypatch.chdir(tmp_path / "articoli")      # patterns are relative to the config's folder
    assert _checked(capsys, "..") == {"../articoli/a.md", "../articoli/bozze/b.md", "../e.md"}
    monkeypatch.chdir(tmp_path)
    assert _checked(capsys, ".", "--extend-exclude", "bozze") == {"articoli/a.md", "e.md"}
    # --exclude replaces the config's patterns
    assert _checked(capsys, ".", "--exclude", "e.md,bozze/") == \
        {"articoli/a.md", "archivio/c.md", "d.bozza.md"}
    # a file named on the command line is checked all the same, unless --force-exclude
    assert _checked(capsys, "archivio/c.md") == {"archivio/c.md"}
    assert _checked(capsys, "--force-exclude", "archivio/c.md", "e.md") == {"e.md"}
    with pytest.raises(Exception, match="exclude"):
        (tmp_path / "bad.yaml").write_text("exclude: 3\n", encoding="utf-8")
        load_config(tmp_path / "bad.yaml")


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_gitignored_drafts_are_not_checked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _tree(tmp_path)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("bozze/\n*.bozza.md\n", encoding="utf-8")
    (tmp_path / "archivio" / ".gitignore").write_text("*\n!c.md\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _checked(capsys, ".") == {"articoli/a.md", "archivio/c.md", "e.md"}
    assert _checked(capsys, "articoli") == {"articoli/a.md"}
    assert _checked(capsys, "--no-respect-gitignore", ".") == \
        {"articoli/a.md", "articoli/bozze/b.md", "archivio/c.md", "d.bozza.md", "e.md"}
    (tmp_path / ".sportlint.yaml").write_text("respect_gitignore: false\n", encoding="utf-8")
    assert "d.bozza.md" in _checked(capsys, ".")
    (tmp_path / ".sportlint.yaml").unlink()
    # the hooks name staged files: --force-exclude applies .gitignore to them too
    assert _checked(capsys, "--force-exclude", "articoli/bozze/b.md", "e.md") == {"e.md"}
    # outside a git repository a .gitignore means nothing (as for git and ruff)
    shutil.rmtree(tmp_path / ".git")
    assert "d.bozza.md" in _checked(capsys, ".")


def test_rules_shows_the_effective_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """`sportlint rules` showed a rule as off although the config enables it."""
    monkeypatch.chdir(tmp_path)

    def line(rule: str) -> str:
        out = run(capsys, "rules", rule.split(".")[0])[1]
        return next(x for x in out.splitlines() if x.startswith(rule + " "))

    assert line("style.d-eufonica").endswith("(off)")
    (tmp_path / ".sportlint.yaml").write_text(
        "enable: [style.d-eufonica]\ndisable: [spelling.accents]\nseverity: {style: error}\n",
        encoding="utf-8")
    assert not line("style.d-eufonica").endswith("(off)")
    assert " error " in line("style.d-eufonica")
    assert line("spelling.accents").endswith("(off)")
    out = run(capsys, "rules", "style.d-eufonica")[1]
    assert out.startswith("style.d-eufonica (error; on in ")


def test_every_example_of_the_starter_config_is_valid(tmp_path: Path) -> None:
    """`sportlint init` wrote an example (`disable: [typography.ellipsis]`) that was
    itself a config error: each `e.g.` of the starter, put in place, must load."""
    text = starter_config()
    edited = []
    examples = 0
    for raw in text.splitlines():
        m = re.match(r"^(\s*)([a-z_]+): (.*?)\s+# (?:.*?e\.g\. )(.+)$", raw)
        if m and not m[4].startswith("http"):
            examples += 1
            edited.append(f"{m[1]}{m[2]}: {m[4]}")
        else:
            edited.append(raw)
    assert examples >= 5
    (tmp_path / "house-rules").mkdir()            # the rule_files example names a folder
    (tmp_path / "names").mkdir()                  # and the names.files example a file
    (tmp_path / "names" / "redazione.yaml").write_text("names:\n  - Ludovico Marangoni\n",
                                                       encoding="utf-8")
    path = tmp_path / ".sportlint.yaml"
    path.write_text("\n".join(edited) + "\n", encoding="utf-8")
    from sportlint.engine import linter

    linter.active_rules(load_config(path))      # no ConfigError


@pytest.mark.skipif(not hasattr(__import__("signal"), "SIGINT"), reason="needs SIGINT")
def test_watch_checks_again_when_a_draft_changes(tmp_path: Path) -> None:
    """`--watch` was an unrecognized argument."""
    import signal
    import sys
    import time

    (tmp_path / "pezzo.md").write_text(DRAFT, encoding="utf-8")
    env = {**__import__("os").environ, "NO_COLOR": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "sportlint.cli.main", "check", "--watch",
                             "--select", "spelling.accents", "."], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None and proc.stdout is not None
        assert "watching" in proc.stderr.readline()
        time.sleep(0.1)
        (tmp_path / "pezzo.md").write_text("Tutto pulito poichè sì, poichè no.\n", encoding="utf-8")
        assert "watching" in proc.stderr.readline()     # the second check has run
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    assert out.count("[spelling.accents]") == 3          # one finding, then two
