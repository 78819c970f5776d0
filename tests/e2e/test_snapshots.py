"""Snapshots of the whole CLI text output on the seed and on articles the project wrote.

Regenerate with ``python -m pytest tests/e2e/test_snapshots.py --update-snapshots`` and review
the diff like any other change.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sportlint.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOTS = Path(__file__).parent / "snapshots"
INPUTS = ["seeds/000_ce6d04d1a70b5d49.txt", *sorted(
    str(p.relative_to(ROOT)) for p in (ROOT / "tests" / "articles").iterdir())]


@pytest.mark.parametrize("rel", INPUTS)
def test_cli_text_output(rel: str, request: pytest.FixtureRequest,
                         monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    code = main(["check", "--config", str(ROOT / "src" / "sportlint" / "config" / "default.yaml"), rel])
    output = f"exit code {code}\n" + capsys.readouterr().out
    snapshot = SNAPSHOTS / (Path(rel).name + ".out")
    if request.config.getoption("--update-snapshots"):
        snapshot.write_text(output, encoding="utf-8")
    assert snapshot.exists(), f"no snapshot for {rel}: run with --update-snapshots"
    assert output == snapshot.read_text(encoding="utf-8")


def test_readme_shows_the_seed_snapshot() -> None:
    """The README's sample output is the seed's snapshot: regenerate both together."""
    snapshot = (SNAPSHOTS / "000_ce6d04d1a70b5d49.txt.out").read_text(encoding="utf-8")
    output = snapshot.split("\n", 1)[1].rstrip("\n")
    assert output in (ROOT / "README.md").read_text(encoding="utf-8")
