"""`sportlint names learn ARCHIVE...`: read a newsroom's published articles and write a
names file (config ``names.files``) of the names they use that the gazetteer lacks.

Each name is read the way the names rules read it (a capitalised word mid-sentence, or one
no ordinary Italian word at the start of a sentence; runs of them: "Polisportiva
Valdarno"). A name the archive writes at least ``--min-count`` times goes in the file with
its count; the forms one slip away from it (the same first letter, one edit: two from
twelve letters) that the archive writes less often are listed under it as its variants,
marked ``review: true``: an editor looks at each, and moves a variant that is a real name
of its own to an entry of its own. Only the entries count as known names.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from sportlint.cli.exitcode import ExitCode
from sportlint.config.loader import from_mapping, load_config
from sportlint.italian import resources
from sportlint.italian.gazetteer import fold
from sportlint.rules.base import Context
from sportlint.rules.names import _mentions, _runs
from sportlint.segment.segmenter import segment
from sportlint.source import document

HEADER = ("# sportlint names file, written by `sportlint names learn` from {n} article(s).\n"
          "# Each name counts as a known name once this file is in the config's names.files;\n"
          "# the variants (review: true) are forms seen near a name: check each one, and\n"
          "# move a real name of its own to an entry of its own.\n")


def cmd_names(args: argparse.Namespace) -> int:
    paths = _articles(args.archive)
    if not paths:
        print(f"sportlint: no .txt or .md articles in {', '.join(args.archive)}", file=sys.stderr)
        return ExitCode.ERROR
    config = load_config(args.config, search_from=Path.cwd()) if args.config else \
        from_mapping({}, None)
    counts: Counter[str] = Counter()
    failed = 0
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"sportlint: {path}: cannot read ({exc})", file=sys.stderr)
            failed += 1
            continue
        counts.update(_names_in(text, str(path), config))
    entries = learn(counts, args.min_count)
    out = _dump(entries, len(paths) - failed)
    if args.output == "-":
        sys.stdout.write(out)
    else:
        Path(args.output).write_text(out, encoding="utf-8")
        print(f"sportlint: {len(entries)} names written to {args.output}", file=sys.stderr)
    return ExitCode.ERROR if failed else ExitCode.OK


def _articles(archive: list[str]) -> list[Path]:
    out: list[Path] = []
    for raw in archive:
        p = Path(raw)
        if p.is_dir():
            out += sorted(q for q in p.rglob("*") if q.suffix in (".txt", ".md") and q.is_file())
        elif p.is_file():
            out.append(p)
        else:
            print(f"sportlint: {raw}: no such file or folder", file=sys.stderr)
    return out


def _names_in(text: str, path: str, config: Any) -> Counter[str]:
    """The names of one article the gazetteer does not know: single words and runs."""
    doc = document.from_text(text, path)
    ctx = Context(doc, segment(doc), config, resources.Resources())
    an = _mentions.analyse(ctx)
    found: Counter[str] = Counter()
    in_runs: set[int] = set()
    for run in _runs.runs(an):
        name = run.surface(ctx.text)
        if not an.book.is_known(name):
            found[name] += 1
            in_runs.update(m.token.index for m in run.mentions)
    for m in an.mentions:
        form = m.form
        if m.token.index in in_runs or form.isupper() or len(form) < 3 or \
                an.book.known_token(form) or an.ordinary(form):
            continue
        found[form] += 1
    return found


def learn(counts: Counter[str], min_count: int = 2) -> list[dict[str, Any]]:
    """Names written at least ``min_count`` times, most frequent first, each with the
    rarer forms one slip away as variants to review."""
    pairs = _mentions._pairs([f for f in counts if len(f) >= 4])
    near: dict[str, set[str]] = {}
    for a, b in pairs:
        if _close(a, b):
            near.setdefault(a, set()).add(b)
            near.setdefault(b, set()).add(a)
    order = sorted(counts, key=lambda f: (-counts[f], f))
    entries: list[dict[str, Any]] = []
    taken: set[str] = set()
    for form in order:
        if form in taken or counts[form] < min_count:
            continue
        variants = sorted((v for v in near.get(form, ()) if counts[v] < counts[form]
                           and v not in taken), key=lambda v: (-counts[v], v))
        taken.update([form, *variants])
        entry: dict[str, Any] = {"name": form, "count": counts[form]}
        if variants:
            entry["variants"] = [{"form": v, "count": counts[v], "review": True}
                                 for v in variants]
        entries.append(entry)
    return entries


def _close(a: str, b: str) -> bool:
    from rapidfuzz.distance import OSA

    x, y = fold(a).lower(), fold(b).lower()
    limit = _mentions.max_edits(max(x, y, key=len))
    return x != y and OSA.distance(x, y, score_cutoff=limit) <= limit and \
        not _mentions.inflection_only(a, b)


def _dump(entries: list[dict[str, Any]], n: int) -> str:
    import yaml

    body = yaml.safe_dump({"names": entries}, allow_unicode=True, sort_keys=False,
                          default_flow_style=None, width=100)
    return HEADER.format(n=n) + body
