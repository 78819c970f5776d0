#!/usr/bin/env python3
"""Write the generated documentation: docs/rules.md, the rules reference, from the rules' own
documentation, and the table of config keys in docs/configuration.md from the config schema.

    python scripts/build_docs.py            # rewrite them
    python scripts/build_docs.py --check    # exit 1 when one is stale

The rules reference is `sportlint.rules.docs.render_reference` (each rule's summary, facts
and fixed sections); the config table is `sportlint.config.schema.markdown_table`, written
between the page's ``<!-- generated: config keys -->`` markers.
tests/e2e/test_docs_reference.py fails when a page differs from what this script writes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sportlint.config.schema import markdown_table
from sportlint.rules.docs import render_reference

DOCS = Path(__file__).resolve().parents[1] / "docs"
TARGET = DOCS / "rules.md"
CONFIGURATION = DOCS / "configuration.md"
START, END = "<!-- generated: config keys -->\n", "<!-- end generated: config keys -->\n"


def splice(page: str, block: str) -> str:
    """``page`` with the text between its config-keys markers replaced by ``block``."""
    head, found, rest = page.partition(START)
    _, found_end, tail = rest.partition(END)
    if not (found and found_end):
        raise ValueError(f"{CONFIGURATION}: the markers {START.strip()} and {END.strip()} are missing")
    return head + START + block.rstrip("\n") + "\n" + END + tail


def pages() -> dict[Path, str]:
    """Each generated page and the text it must hold."""
    configuration = CONFIGURATION.read_text(encoding="utf-8")
    return {TARGET: render_reference(), CONFIGURATION: splice(configuration, markdown_table())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="only check that the pages are current")
    args = parser.parse_args(argv)
    stale = 0
    for target, text in pages().items():
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if args.check:
            if current != text:
                print(f"{target} is stale: run python scripts/build_docs.py", file=sys.stderr)
                stale = 1
            continue
        if current != text:
            with target.open("w", encoding="utf-8", newline="\n") as out:
                out.write(text)
            print(f"wrote {target}")
    return stale


if __name__ == "__main__":
    sys.exit(main())
