"""The rules reference, ``docs/rules.md``, generated from the rules' own documentation.

Every shipped rule documents itself in the same fixed sections, in this order (a code
rule in its class docstring, a data rule in its YAML ``summary`` and ``doc``):

    One-line summary (what ``sportlint rules`` lists).

    What it catches:
    ...
    Stays silent on:        (optional)
    ...
    Why:
    ...
    Example:
        a failing Italian sentence
        -> its corrected form
    Fix:
    ...
    Fix safety:
    ...
    Options:                (when the rule has options)
    ...

A heading is a line of its own, ending with a colon; the text under it runs to the next
heading. `sections` splits a documentation into them (and says what is wrong with one that
does not follow the shape); `render_reference` writes the whole reference, which
``scripts/build_docs.py`` saves as ``docs/rules.md`` (a test keeps the two in step).
A newsroom's own rules (``rule_files``) may document themselves however they like.
"""

from __future__ import annotations

import re

from sportlint.rules.base import Option, Rule

HEADINGS = ("What it catches", "Stays silent on", "Why", "Example", "Fix", "Fix safety",
            "Options")
REQUIRED = ("What it catches", "Why", "Example", "Fix", "Fix safety")

#: the families in the order the reference gives them, each with what it covers
FAMILIES: dict[str, str] = {
    "names": "Names of players, coaches, clubs, stadiums and competitions: a name written in "
             "a rare form close to one the article uses more often, a near-miss of a name in "
             "the shipped gazetteer, the newsroom's own accept and reject lists, Italian "
             "exonyms of foreign clubs, a place or club written in lower case.",
    "scores": "Scores and dates: a score restated in one sentence, score formats mixed, "
              "dates whose weekday is wrong or that do not exist, mistyped years.",
    "numbers": "Numbers written the Italian way: the decimal comma, ordinal indicators (3ª, "
               "12º), elided years (anni '70, Italia '90), times (1'07\"), the thousands "
               "separator of the house style.",
    "quotes": "Quotation marks paired across « » “ ” ‘ ’ \" ' (a straight ' is a quote only "
              "when it is not an apostrophe): mismatched, unbalanced, wrongly nested.",
    "typography": "Apostrophes mixed or misused, spacing and punctuation, ellipses, "
                  "parentheses, an inciso opened with a comma and never closed, look-alike "
                  "letters of other scripts and accents typed as the wrong character.",
    "grammar": "Real-word slips found with the Morph-it! lexicon: a participle for its action "
               "noun, a singular after \"più\", verb + preposition, articles and elisions, "
               "a/ha and e/è, a present in a passato remoto narration. Grammar rules skip "
               "quoted speech.",
    "spelling": "Non-words (word frequencies from wordfreq, suggestions by edit distance and "
                "frequency; names are never \"corrected\" into common words), accents, "
                "well-known misspellings, repeated words, prefixes written with a hyphen.",
    "style": "House style: spelling variants kept consistent, numbers in words, anglicisms "
             "and the d eufonica (off by default), pleonasms, capitalised months and weekdays, "
             "capitalised common nouns and titles in title case (off by default), a noun "
             "restated within a few words.",
    "languagetool": "An optional LanguageTool server the newsroom runs.",
}


class DocumentationError(ValueError):
    """A shipped rule's documentation that does not have the fixed sections."""


def sections(doc: str) -> tuple[str, dict[str, str]]:
    """The summary line and the sections (heading -> text) of one rule's documentation."""
    lines = doc.strip("\n").splitlines()
    if not lines or not lines[0].strip():
        raise DocumentationError("no summary line")
    summary = lines[0].strip()
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines[1:]:
        heading = line.strip()[:-1] if line.strip().endswith(":") else None
        if heading in HEADINGS and not line.startswith(" "):
            if heading in found:
                raise DocumentationError(f"section {heading!r} twice")
            current = found.setdefault(heading, [])
        elif current is None:
            if line.strip():
                raise DocumentationError(f"text before the first section: {line.strip()!r}")
        else:
            current.append(line)
    order = [h for h in HEADINGS if h in found]
    if list(found) != order:
        raise DocumentationError(f"sections out of order: {', '.join(found)} "
                                 f"(the order is {', '.join(HEADINGS)})")
    missing = [h for h in REQUIRED if h not in found]
    if missing:
        raise DocumentationError(f"missing sections: {', '.join(missing)}")
    texts = {h: "\n".join(body).strip("\n") for h, body in found.items()}
    empty = [h for h, text in texts.items() if not text.strip()]
    if empty:
        raise DocumentationError(f"empty sections: {', '.join(empty)}")
    return summary, texts


def rule_sections(cls: type[Rule]) -> tuple[str, dict[str, str]]:
    """`sections` of a rule, checked against what it declares (options need a section)."""
    try:
        summary, found = sections(cls.documentation())
    except DocumentationError as exc:
        raise DocumentationError(f"{cls.id}: {exc}") from None
    if cls.options and "Options" not in found:
        raise DocumentationError(f"{cls.id}: has options but no 'Options' section")
    return summary, found


def defined_in(cls: type[Rule]) -> str:
    """Where a shipped rule lives in the repository."""
    source = getattr(cls, "source", None)
    if source is not None:
        return f"rules/{source.parent.name}/{source.name}"
    return "src/" + cls.__module__.replace(".", "/") + ".py"


def _option_row(name: str, option: Option) -> str:
    cell = option.help.replace("|", "\\|")
    return f"| `{name}` | `{option.type_name}` | `{option.default_text()}` | {cell} |"


def render_rule(cls: type[Rule]) -> str:
    summary, found = rule_sections(cls)
    facts = [
        f"- Default severity: `{cls.severity.label}`",
        f"- Enabled by default: {'yes' if cls.default_enabled else 'no (turn it on with `enable`)'}",
        f"- Quoted speech: {'skipped' if cls.skip_quoted else 'checked'}",
        f"- Defined in: `{defined_in(cls)}`",
    ]
    if cls.dynamic_ids:
        facts.append(f"- Findings carry ids below its own (`{cls.id}.<id>`)")
    out = [f"### {cls.id}", "", summary, "", *facts, ""]
    for heading, text in found.items():
        out += [f"**{heading}**", "", text, ""]
        if heading == "Options":
            out += ["| option | type | default | meaning |", "| --- | --- | --- | --- |"]
            out += [_option_row(name, option) for name, option in cls.options.items()]
            out.append("")
    return "\n".join(out)


def anchor(rule_id: str) -> str:
    """GitHub's anchor for a ``### rule.id`` heading (dots dropped, hyphens kept)."""
    return rule_id.replace(".", "")


def render_reference() -> str:
    """The whole rules reference (the text of docs/rules.md)."""
    from sportlint.rules import registry

    rules = registry.all_rules()
    families: dict[str, list[type[Rule]]] = {name: [] for name in FAMILIES}
    for rule_id, cls in rules.items():
        families.setdefault(rule_id.split(".")[0], []).append(cls)
    out = [
        "# Rules reference",
        "",
        "<!-- Generated by scripts/build_docs.py from the rules' own documentation "
        "(src/sportlint/rules/docs.py); do not edit by hand. -->",
        "",
        "Every rule sportlint ships, family by family. `sportlint rules` lists them, "
        "`sportlint rules RULE` prints one rule's documentation in the terminal, and "
        "[configuration.md](configuration.md) tells how to enable, disable and re-rate them. "
        "Fix safety: a *safe* fix is applied by `--fix`, an *unsafe* one only with "
        "`--unsafe-fixes`, a *suggestion* is shown and never applied.",
        "",
        "| rule | severity | summary |",
        "| --- | --- | --- |",
    ]
    for rule_id, cls in rules.items():
        off = " (off by default)" if not cls.default_enabled else ""
        summary = cls.summary().replace("|", "\\|")
        out.append(f"| [{rule_id}](#{anchor(rule_id)}) | {cls.severity.label} | {summary}{off} |")
    out.append("")
    for family, members in families.items():
        if not members:
            continue
        out += [f"## {family}", "", FAMILIES.get(family, ""), ""]
        for cls in members:
            out.append(render_rule(cls))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).rstrip("\n") + "\n"
