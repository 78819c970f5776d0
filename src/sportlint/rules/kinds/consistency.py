"""Kind `consistency`: groups of variant spellings of one thing; an article should pick one.

```yaml
id: style.consistency
kind: consistency
summary: One thing spelt two ways in one article (ct and c.t., play-off and playoff).
message: "«{found}»: altrove nell'articolo «{right}»; usare una sola grafia."
fix: unsafe               # default for groups; a group may say safe, suggestion or none
skip_quoted: true         # occurrences inside quotes neither count nor get flagged
entries:
  - forms: [c.t., ct, CT]             # the variants (at least two)
    fix: unsafe
    examples: [{fail: "...", fix: "..."}, {pass: "..."}]
  - forms: [e-mail, email]
    preferred: e-mail                 # optional: the form to keep whatever the majority
    fix: safe
  - forms: [vice presidente, vice-presidente, vicepresidente]
    endings: [e, i]                   # optional: forms are stems, each + one ending
  - forms: [d.s., ds]
    case_sensitive: true              # optional: "DS" is not "ds" (only a sentence-initial
                                      # capital is allowed)
  - forms: [Nazional, nazional]
    endings: [e, i]
    before: '(?i:la|della|alle) '   # optional: a regex the text before must match
```
(A group with ``before`` runs with the time limit of the config key ``regex_timeout``.)

When one article uses two or more forms of a group, every occurrence of a minority form is
flagged with the article's majority form as its suggestion: the group's ``preferred`` form
(or one named in the rule option ``preferred``, a list of forms) when it is used, else the
most frequent form, ties going to the form used first. An article that keeps to one form,
whichever, is never flagged: this is consistency, not a house-style ban (use a
`substitution` rule for that).

Matching is on whole words. Forms are told apart case-insensitively, apostrophes ' and ’
alike and any run of spaces alike, unless two forms of the group differ only by case
(``ct``/``CT``, ``Serie A``/``serie A``): then case counts, and a capital that only opens a
sentence or heading (``Serie A`` first in a sentence), or a sentence all in capitals,
counts for neither form. The
suggestion keeps the flagged occurrence's ending and sentence-initial capital, and the
apostrophe the article uses. An abbreviation's final dot that also ends the sentence (``il
c.t.`` at the end) is kept when the replacement has none.

Groups are kept sorted by their first form, and no form may belong to two groups (tests
check). List only true variants of one word (``autogol``/``autorete`` are two words).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, ClassVar

import regex

from sportlint.findings import Applicability, Finding
from sportlint.rules.base import Context, Option
from sportlint.rules.kinds.base import DataRule
from sportlint.rules.kinds.keys import EXAMPLES, Key, Shape, fix_key, rule_shape
from sportlint.rules.kinds.substitution import _latin1, caseless_lower, match_case
from sportlint.rules.kinds.timelimit import pattern_timeout
from sportlint.util import lazyregex
from sportlint.util.anchored import matches_at, offsets
from sportlint.util.lazyregex import LazyPattern

#: the config's own preferred forms (a form or a list), beside each group's ``preferred``
PREFERRED = Option([], "str | list[str]", "the forms to keep whatever the majority, when used",
                   nullable=True)

_BEFORE = r"(?<![\p{L}\p{M}\d_.-])"
_AFTER = r"(?![\p{L}\p{M}\d_]|['’]\p{L}|-\p{L})"
GROUP = Shape("consistency-group", "a consistency group", {
    "forms": Key(("list",), "The variant spellings of one thing (at least two).", required=True,
                 items=("string",), min_items=2),
    "preferred": Key(("string",), "The form to keep whatever the majority (one of forms)."),
    "endings": Key(("list",), "The forms are stems, each followed by one of these endings.",
                   items=("string",)),
    "fix": fix_key("the rule's fix"),
    "case_sensitive": Key(("boolean",), "Forms that differ only by case are different "
                          "(DS is not ds; default false)."),
    "before": Key(("string",), "A regular expression the text before a form must match."),
    "note": Key(("string",), "A remark for whoever edits the group (not read)."),
    "examples": EXAMPLES,
}, label=("forms",))

SHAPE = rule_shape("consistency", "Groups of variant spellings of one thing; an article "
                   "should pick one.", {
    "fix": fix_key("unsafe"),
    "entries": Key(("list",), "The groups of forms.", required=True, items=(GROUP,),
                   min_items=1),
})


def normal(form: str) -> str:
    """A form's identity for comparison: apostrophes and spaces alike."""
    return regex.sub(r"\s+", " ", form.replace("’", "'"))


@dataclass(frozen=True)
class Group:
    forms: tuple[str, ...]
    endings: tuple[str, ...]
    preferred: str | None
    fix: Applicability | None
    case_sensitive: bool
    strict: bool
    pattern: Any
    #: the pattern holds a regex a person wrote (``before``): it runs with a time limit
    limited: bool = False

    def classify(self, stem: str, capital_only: bool) -> int | None:
        """The index of the form ``stem`` spells, or None when it cannot tell."""
        key = normal(stem)
        forms = [normal(f) for f in self.forms]
        if not self.case_sensitive:
            # casefold: the case-insensitive match also takes a long s for s ("ſ")
            low = key.casefold()
            return next((i for i, f in enumerate(forms) if f.casefold() == low), None)
        if key in forms:
            i = forms.index(key)
            lowered = key[:1].lower() + key[1:]
            if capital_only and lowered != key and lowered in forms:
                return None   # "Serie A" opening a sentence: could be either form
            return i
        lowered = key[:1].lower() + key[1:]
        if lowered in forms:
            return forms.index(lowered)
        if self.strict:
            return None
        matches = [i for i, f in enumerate(forms) if f.casefold() == key.casefold()]
        return matches[0] if len(matches) == 1 else None


@dataclass(frozen=True)
class Occurrence:
    start: int
    end: int
    text: str
    form: int
    ending: str
    initial: bool


class ConsistencyRule(DataRule):
    shapes: ClassVar[dict[str, Shape]] = {"consistency": SHAPE}
    groups: ClassVar[list[Group]] = []
    keys: ClassVar[list[set[str]]] = []
    shortcuts: ClassVar[list[bool]] = []
    message: ClassVar[str] = ""

    @classmethod
    def prepare(cls) -> None:
        default = cls.spec.get("fix", "unsafe")
        groups = []
        seen: dict[str, str] = {}
        for entry in cls.spec.get("entries") or []:
            forms = tuple(str(f) for f in entry["forms"])
            endings = tuple(str(e) for e in entry.get("endings") or [""])
            preferred = entry.get("preferred")
            if preferred is not None and preferred not in forms:
                raise ValueError(f"group {forms}: preferred {preferred!r} is not one of its forms")
            lowered = [normal(f).lower() for f in forms]
            strict = bool(entry.get("case_sensitive", False))
            case_sensitive = strict or len(set(lowered)) < len(lowered)
            if len(set(normal(f) for f in forms)) < len(forms):
                raise ValueError(f"group {forms}: a form is listed twice")
            for f in forms:
                for e in endings:
                    key = normal(f + e).lower()
                    if seen.get(key, forms[0]) != forms[0]:
                        raise ValueError(f"{f + e!r} is in two groups")
                    seen[key] = forms[0]
            # longest first; ties in a fixed order, so that the pattern's source is the same
            # in every process (set order varies with the hash seed) and its compiled form
            # is found in the pattern cache (util.lazyregex) instead of compiled at each run
            stems = sorted({_form_regex(f) for f in forms}, key=lambda s: (-len(s), s))
            tails = sorted({regex.escape(e) for e in endings}, key=lambda s: (-len(s), s))
            before = "(?<=" + str(entry["before"]) + ")" if entry.get("before") else ""
            source = (before + _BEFORE + "(?P<stem>" + "|".join(stems) + ")"
                      + "(?P<ending>(?-i:" + "|".join(tails) + "))" + _AFTER)
            try:   # compiled on first use unless it holds a user's 'before' pattern
                pattern: Any = (lazyregex.compile(source, regex.IGNORECASE) if before
                                else LazyPattern(source, regex.IGNORECASE))
            except regex.error as exc:
                raise ValueError(f"group {forms}: bad 'before' pattern ({exc})") from None
            groups.append(Group(forms, endings, preferred,
                                cls.applicability(entry.get("fix"), default),
                                case_sensitive, strict, pattern, bool(before)))
        cls.groups = groups
        # A plain substring test tells which groups can occur at all; only those run.
        cls.keys = [{regex.split(r"[\s'’]", f.lower(), maxsplit=1)[0] for f in g.forms}
                    for g in groups]
        # groups whose pattern may be tried only where a key stands (see `_matches`)
        cls.shortcuts = ["" not in keys and _latin1("".join(g.forms)) and not g.limited
                         for g, keys in zip(groups, cls.keys, strict=True)]
        cls.message = cls.check_message(str(cls.spec.get(
            "message", "«{found}»: altrove nell'articolo «{right}»; usare una sola grafia.")))
        cls.options = {"preferred": cls._preferred(cls.options.get("preferred")), **{
            name: option for name, option in cls.options.items() if name != "preferred"}}

    @staticmethod
    def _preferred(declared: Option | None) -> Option:
        """The ``preferred`` option, with the default the rule file may declare for it."""
        if declared is None:
            return PREFERRED
        problem = PREFERRED.problem(declared.default)
        if problem is not None:
            raise ValueError(f"option 'preferred': {problem}")
        return replace(PREFERRED, default=declared.default)

    def check(self, ctx: Context) -> Iterator[Finding]:
        preferred = self.opts.get("preferred") or []
        if isinstance(preferred, str):
            preferred = [preferred]
        chosen = {normal(str(f)) for f in preferred}
        caseless = caseless_lower(ctx)
        lowered = caseless if caseless is not None else ctx.doc.masked.lower()
        for group, keys, shortcut in zip(self.groups, self.keys, self.shortcuts, strict=True):
            if caseless is not None and shortcut:
                starts = _key_starts(caseless, keys)   # found once: the test and the offsets
                if not starts:
                    continue
            elif not any(k in lowered for k in keys):
                continue
            else:
                starts = None
            found = list(self._occurrences(ctx, group, keys, starts))
            used = {o.form for o in found}
            if len(used) < 2:
                continue
            target = self._target(group, found, chosen)
            for o in found:
                if o.form != target:
                    yield self._flag(ctx, group, o, target, found)

    @staticmethod
    def _matches(ctx: Context, group: Group, keys: set[str],
                 starts: list[int] | None = None) -> Iterator[Any]:
        """``group.pattern.finditer`` over the masked text, trying the pattern only where a
        form's first word stands in the lower-cased text (every match starts at one), when
        lower case is a faithful stand-in for the pattern's IGNORECASE (see
        `caseless_lower`). ``starts``: those offsets, when the caller has them."""
        masked = ctx.doc.masked
        if group.limited:
            # a 'before' a person wrote: one scan, under the time limit (forms are escaped
            # literals, linear, with no limit to pay for)
            yield from group.pattern.finditer(masked, timeout=pattern_timeout(ctx))
            return
        if starts is None:
            lowered = caseless_lower(ctx)
            if lowered is None or "" in keys or not _latin1("".join(group.forms)):
                yield from group.pattern.finditer(masked)
                return
            starts = _key_starts(lowered, keys)
        yield from matches_at(group.pattern, masked, starts)

    def _occurrences(self, ctx: Context, group: Group, keys: set[str],
                     starts: list[int] | None) -> Iterator[Occurrence]:
        for m in self._matches(ctx, group, keys, starts):
            start, end = m.span()
            if self.skip_quoted and ctx.seg.in_quote(start, end):
                continue
            token = ctx.seg.token_at(start)
            initial = token is not None and token.start == start and \
                ctx.seg.is_sentence_initial(token)
            if group.case_sensitive and token is not None and _all_caps(ctx, token.sentence):
                continue    # "LA UEFA MULTA IL CLUB": capitals say nothing of the spelling
            form = group.classify(m.group("stem"), initial)
            if form is not None:
                yield Occurrence(start, end, m.group(), form, m.group("ending"), initial)

    @staticmethod
    def _target(group: Group, found: list[Occurrence], chosen: set[str]) -> int:
        used = {o.form for o in found}
        for i, form in enumerate(group.forms):
            if i in used and (form == group.preferred or normal(form) in chosen):
                return i
        counts: dict[int, int] = {}
        for o in found:
            counts[o.form] = counts.get(o.form, 0) + 1
        first = {}
        for o in reversed(found):
            first[o.form] = o.start
        return max(counts, key=lambda i: (counts[i], -first[i]))

    def _flag(self, ctx: Context, group: Group, o: Occurrence, target: int,
              found: list[Occurrence]) -> Finding:
        right = group.forms[target]
        apostrophes = [c for t in found if t.form == target for c in t.text if c in "'’"]
        if apostrophes:
            right = right.replace("'", apostrophes[0]).replace("’", apostrophes[0])
        if group.case_sensitive:
            if o.initial:
                right = right[:1].upper() + right[1:]
        else:
            right = match_case(o.text[:len(o.text) - len(o.ending)], right)
        right += o.ending
        end = o.end
        text = ctx.text
        if right.endswith(".") and text[end:end + 1] == ".":
            end += 1                                # "il ct." -> "il c.t."
        elif o.text.endswith(".") and not right.endswith(".") and _ends_paragraph(text, end):
            right += "."                            # "il c.t." at the end -> "il ct."
        message = self.message.format(found=o.text, right=right)
        return self.finding(o.start, end, message, [right], fix=group.fix)


def _key_starts(lowered: str, keys: set[str]) -> list[int]:
    """The offsets where any of ``keys`` stands in ``lowered``, in order."""
    return sorted(offsets(lowered, keys))


def _all_caps(ctx: Context, sentence: int) -> bool:
    s = ctx.seg.sentences[sentence]
    return not any(c.islower() for c in ctx.doc.masked[s.start:s.end])


def _ends_paragraph(text: str, offset: int) -> bool:
    """Only spaces or closing marks between ``offset`` and the end of its line."""
    rest = text[offset:].split("\n", 1)[0]
    return not rest.strip(" \t\r»”’\")'")


def _form_regex(form: str) -> str:
    out = []
    for part in regex.split(r"(\s+|['’])", form):
        if not part:
            continue
        if part.isspace():
            out.append(r"\s+")
        elif part in "'’":
            out.append("['’]")
        else:
            out.append(regex.escape(part))
    return "".join(out)
