"""docs/rules.md is generated from the rules' documentation, and the config-keys table of
docs/configuration.md from the config schema: both must stay in step with the code; every
shipped rule documents itself in the fixed sections the generator reads."""

from __future__ import annotations

import importlib.util
import itertools
import re
import sys
from pathlib import Path

import pytest

from sportlint import fix_text, lint_text
from sportlint.findings import Severity
from sportlint.rules import registry
from sportlint.rules.docs import HEADINGS, DocumentationError, render_reference, rule_sections, sections

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "docs" / "rules.md"


def test_rules_reference_is_current() -> None:
    current = REFERENCE.read_text(encoding="utf-8") if REFERENCE.exists() else ""
    assert current == render_reference(), \
        "docs/rules.md differs from the rules' documentation: run python scripts/build_docs.py"


def build_docs() -> object:
    spec = importlib.util.spec_from_file_location("build_docs", ROOT / "scripts" / "build_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_docs"] = module
    spec.loader.exec_module(module)
    return module


def test_every_generated_page_is_current() -> None:
    """What scripts/build_docs.py writes is what the repository holds: the rules reference,
    and the config-keys table (from config/schema.py) inside docs/configuration.md."""
    pages = build_docs().pages()  # type: ignore[attr-defined]
    assert ROOT / "docs" / "configuration.md" in pages
    for page, text in pages.items():
        assert page.read_text(encoding="utf-8") == text, \
            f"{page.name} is stale: run python scripts/build_docs.py"


def test_the_config_table_lists_every_key_of_the_schema() -> None:
    from sportlint.config import schema

    page = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    block = page.split("<!-- generated: config keys -->", 1)[1].split("<!-- end generated", 1)[0]
    for line in schema.markdown_table().splitlines()[2:]:
        assert line in block
    assert "`style.quotes`" in block and "`regex_timeout`" in block


def test_splicing_needs_both_markers() -> None:
    module = build_docs()
    with pytest.raises(ValueError, match="markers"):
        module.splice("no markers here\n", "| table |")  # type: ignore[attr-defined]
    spliced = module.splice("a\n<!-- generated: config keys -->\nold\n"  # type: ignore[attr-defined]
                            "<!-- end generated: config keys -->\nb\n", "| new |")
    assert spliced == "a\n<!-- generated: config keys -->\n| new |\n<!-- end generated: config keys -->\nb\n"


@pytest.mark.parametrize("rule_id", list(registry.all_rules()))
def test_rule_documentation_has_the_fixed_sections(rule_id: str) -> None:
    cls = registry.all_rules()[rule_id]
    summary, found = rule_sections(cls)
    assert summary == cls.summary() and "\n" not in summary
    assert list(found) == [h for h in HEADINGS if h in found]
    assert "->" in found["Example"], f"{rule_id}: the example shows no corrected form"
    assert rule_id in REFERENCE.read_text(encoding="utf-8")


def test_every_rule_has_a_section_in_the_reference() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    missing = [r for r in registry.all_rules() if f"\n### {r}\n" not in text]
    assert not missing, missing


#: the config an example needs (its documentation says so in prose: "With `style: ...`:")
EXAMPLE_CONFIG: dict[str, dict[str, object]] = {
    "names.reject": {"names": {"reject": {"Bayern Munich": "Bayern Monaco"}}},
    "quotes.style": {"style": {"quotes": "«»"}},
    "style.numbers-in-words": {"style": {"numbers_in_words": 10}},
    "typography.apostrophe-style": {"style": {"apostrophe": "’"}},
    "typography.ellipsis-style": {"style": {"ellipsis": "…"}},
}


def examples(text: str) -> list[tuple[str, str]]:
    """The (wrong, corrected) pairs of an Example section: an indented sentence, then
    an indented ``-> corrected`` line."""
    lines = [line[4:] for line in text.splitlines() if line.startswith("    ")]
    return [(a, b[3:]) for a, b in itertools.pairwise(lines)
            if not a.startswith("->") and b.startswith("-> ")]


@pytest.mark.parametrize("rule_id", [r for r in registry.all_rules() if r != "languagetool"])
def test_rule_example_is_real(rule_id: str) -> None:
    """The documented example fails, its corrected form passes, and where the rule fixes
    (safe or unsafe) the fix gives exactly the corrected form."""
    cls = registry.all_rules()[rule_id]
    pairs = examples(rule_sections(cls)[1]["Example"])
    assert pairs, f"{rule_id}: no indented example with its -> corrected form"
    config = {"select": [rule_id], "enable": [rule_id], **EXAMPLE_CONFIG.get(rule_id, {})}
    for wrong, right in pairs:
        assert [f for f in lint_text(wrong, config=config) if f.rule == rule_id], wrong
        assert not [f for f in lint_text(right, config=config) if f.rule == rule_id], right
        fixed = fix_text(wrong, config=config, unsafe=True)
        assert fixed in (wrong, right), (wrong, fixed)


@pytest.mark.parametrize(("doc", "problem"), [
    ("Summary.\n\nWhy:\nx\n\nWhat it catches:\ny", "out of order"),
    ("Summary.\n\nSome prose.\n\nWhat it catches:\ny", "text before the first section"),
    ("Summary.\n\nWhat it catches:\ny\n\nWhy:\nz", "missing sections: Example, Fix, Fix safety"),
    ("Summary.\n\nWhat it catches:\n\nWhy:\nz\n\nExample:\na -> b\n\nFix:\nf\n\nFix safety:\ns",
     "empty sections: What it catches"),
])
def test_a_malformed_documentation_is_explained(doc: str, problem: str) -> None:
    with pytest.raises(DocumentationError, match=problem):
        sections(doc)


def test_sections_keep_their_text() -> None:
    doc = ("Summary.\n\nWhat it catches:\nA slip.\n\nStays silent on:\nNames.\n\nWhy:\nReaders.\n\n"
           "Example:\n    Il il Bari.\n    -> Il Bari.\n\nFix:\nRemoves it.\n\nFix safety:\nSafe.")
    summary, found = sections(doc)
    assert summary == "Summary."
    assert found["Stays silent on"] == "Names."
    assert found["Example"] == "    Il il Bari.\n    -> Il Bari."


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_links_between_the_pages_resolve(page: Path) -> None:
    """Every relative link of the README and docs/ names a file that exists, and an
    #anchor names a heading of that file."""
    text = page.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, fragment = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        assert linked.exists(), f"{page.name}: link to missing {target}"
        if fragment and linked.suffix == ".md":
            headings = re.findall(r"^#+ (.*)$", linked.read_text(encoding="utf-8"), re.M)
            assert fragment in {github_anchor(h) for h in headings}, f"{page.name}: no heading for {target}"


def test_readme_configuration_basics_load() -> None:
    import yaml

    from sportlint.config.loader import from_mapping

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Configuration basics"):]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert block is not None
    config = from_mapping(yaml.safe_load(block.group(1)), "README.md")
    assert config.is_enabled("style.d-eufonica", default_enabled=False)
    assert not config.is_enabled("typography.mixed-ellipsis")
    assert config.severity_for("style.consistency", Severity.WARNING) == Severity.SUGGESTION


@pytest.mark.parametrize("page", [ROOT / "README.md", ROOT / "docs" / "cli.md"], ids=lambda p: p.name)
def test_every_flag_the_page_names_exists(page: Path) -> None:
    from sportlint.cli.main import build_parser

    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    known = {opt for sub in subparsers.choices.values() for action in sub._actions
             for opt in action.option_strings}
    # a pre-commit command line names pre-commit's own flags (try-repo --files)
    text = re.sub(r"^.*pre-commit (?:try-repo|run) .*$", "", page.read_text(encoding="utf-8"),
                  flags=re.M)
    named = set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", text))
    assert named <= known, named - known
