#!/usr/bin/env python3
"""Write docs/rules.md, the rules reference, from the rules' own documentation.

    python scripts/build_docs.py            # rewrite docs/rules.md
    python scripts/build_docs.py --check    # exit 1 when docs/rules.md is stale

The text comes from `sportlint.rules.docs.render_reference` (each rule's summary, facts and
fixed sections); tests/e2e/test_docs_reference.py fails when the file differs from it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sportlint.rules.docs import render_reference

TARGET = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="only check that docs/rules.md is current")
    args = parser.parse_args(argv)
    text = render_reference()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is stale: run python scripts/build_docs.py", file=sys.stderr)
            return 1
        return 0
    TARGET.parent.mkdir(exist_ok=True)
    with TARGET.open("w", encoding="utf-8", newline="\n") as out:
        out.write(text)
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
