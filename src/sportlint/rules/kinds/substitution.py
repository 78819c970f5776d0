"""Kind `substitution`: a wrong form and its right form, with the fix safety per entry.

```yaml
id: spelling.accents
kind: substitution
summary: Accent or apostrophe misspellings (poichè -> poiché).
message: "«{found}» si scrive «{right}»."
fix: safe                # default for entries; an entry may say unsafe, suggestion or none
case_sensitive: false    # false: 'Poichè' is matched too and gets 'Poiché'
entries:
  - {wrong: poichè, right: poiché}
  - {wrong: "sè stesso", right: "sé stesso", examples: [{fail: "...", fix: "..."}]}
```
A form matches as whole words only. Entries are kept sorted and loop-free (tests check).

Optional entry keys:

- ``exceptions``: regular expressions for phrases in which the form is not flagged
  (``personal trainer``, ``match point``); a match inside one is skipped. They run with
  the time limit of the config key ``regex_timeout`` (see `sportlint.rules.kinds.timelimit`).
- ``gender`` (``m`` or ``f``, the right form's gender), ``wrong_gender`` (the wrong
  form's, when it differs) and ``plural`` (the right form's plural): the fix then also
  makes the article in front agree (``il trainer`` -> ``l'allenatore``, ``dei trainer`` ->
  ``degli allenatori``, ``del match`` -> ``della partita``). A plural with no ``plural``
  form makes the fix a suggestion. Adjectives are not touched: an entry whose gender
  changes should be a ``suggestion``.
- ``also``: further right forms, suggested after ``right`` (each a string, or a mapping
  with ``right`` and its own ``gender``/``plural``); the fix applies ``right`` only.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterator
from typing import Any, ClassVar

import regex

from sportlint.findings import Applicability, Edit, Finding
from sportlint.italian import determiners
from sportlint.rules.base import Context
from sportlint.rules.kinds.base import DataRule
from sportlint.rules.kinds.keys import EXAMPLES, Key, Shape, fix_key, rule_shape
from sportlint.rules.kinds.timelimit import pattern_timeout
from sportlint.segment.tokens import Token
from sportlint.util import lazyregex
from sportlint.util.anchored import matches_at, offsets
from sportlint.util.lazyregex import LazyPattern

_BEFORE = r"(?<![\p{L}\p{M}\d_])"
_AFTER = r"(?![\p{L}\p{M}\d_]|['’]\p{L})"


def match_case(found: str, replacement: str) -> str:
    """Carry the capitalisation of ``found`` over to ``replacement``."""
    if found.isupper() and len(found) > 1:
        return replacement.upper()
    if found[:1].isupper() and not replacement[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


# Words after which an invariable English noun is read as plural ("due trainer").
_PLURAL_BEFORE = frozenset("""due tre quattro cinque sei sette otto nove dieci undici dodici
tanti tante molti molte alcuni alcune diversi diverse pochi poche vari varie questi queste
quei quegli quelle altri altre nostri vostri loro suoi sue tutti tutte entrambi entrambe
""".split())


def _latin1(text: str) -> bool:
    """Every character is Latin-1, or punctuation or a space beyond it (’ “ –), which
    have no case."""
    return all(c <= "\xff" or unicodedata.category(c)[0] in "PZ" for c in set(text))


def caseless_lower(ctx: Context) -> str | None:
    """The document's masked text in lower case when that is a faithful stand-in for a
    case-insensitive search of forms that pass `_latin1`, else None (see
    `Segmentation.caseless_lower`)."""
    return ctx.seg.caseless_lower()


_GENDER = ("m", "f")
_ALSO = Shape("substitution-also", "a further right form (in also)", {
    "right": Key(("string",), "The form suggested.", required=True),
    "gender": Key(("string",), "Its gender: the fix makes the article in front agree.",
                  choices=_GENDER),
    "wrong_gender": Key(("string",), "The wrong form's gender, when it differs (default: "
                        "the entry's).", choices=_GENDER),
    "plural": Key(("string",), "Its plural."),
}, needs={"wrong_gender": "gender", "plural": "gender"}, label=("right",))

ENTRY = Shape("substitution-entry", "a substitution entry", {
    "wrong": Key(("string",), "The wrong form, matched as whole words.", required=True),
    "right": Key(("string",), "The right form.", required=True),
    "fix": fix_key("the rule's fix"),
    "exceptions": Key(("list",), "Regular expressions of phrases in which the form is not "
                      "flagged.", items=("string",)),
    "gender": Key(("string",), "The right form's gender: the fix makes the article in front "
                  "agree.", choices=_GENDER),
    "wrong_gender": Key(("string",), "The wrong form's gender, when it differs.",
                        choices=_GENDER),
    "plural": Key(("string",), "The right form's plural."),
    "also": Key(("list",), "Further right forms, suggested after right (a form, or a mapping "
                "with right and its own gender and plural).", items=("string", _ALSO)),
    "examples": EXAMPLES,
}, needs={"wrong_gender": "gender", "plural": "gender"}, label=("wrong",))

SHAPE = rule_shape("substitution", "A wrong form and its right form, entry by entry.", {
    "fix": fix_key("safe"),
    "case_sensitive": Key(("boolean",), "Match the wrong forms' case exactly (default false)."),
    "entries": Key(("list",), "The wrong forms and their right forms.", required=True,
                   items=(ENTRY,), min_items=1),
})


class SubstitutionRule(DataRule):
    shapes: ClassVar[dict[str, Shape]] = {"substitution": SHAPE}
    table: ClassVar[dict[str, tuple[str, Applicability | None]]] = {}
    pattern: ClassVar[Any] = None
    #: the first word of each form, looked for in the lower-cased text first: a
    #: case-insensitive alternation is slow in ``regex``, so the pattern is tried only
    #: where one stands (None: no such shortcut)
    hint: ClassVar[tuple[str, ...] | None] = None
    extras: ClassVar[dict[str, dict[str, Any]]] = {}

    @classmethod
    def prepare(cls) -> None:
        table: dict[str, tuple[str, Applicability | None]] = {}
        default = cls.spec.get("fix", "safe")
        sensitive = bool(cls.spec.get("case_sensitive", False))
        extras: dict[str, dict[str, Any]] = {}
        for entry in cls.spec.get("entries") or []:
            wrong, right = str(entry["wrong"]), str(entry["right"])
            key = wrong if sensitive else wrong.casefold()
            if key in table:
                raise ValueError(f"duplicate entry {wrong!r}")
            table[key] = (right, cls.applicability(entry.get("fix"), default))
            extra = cls._extra(entry, sensitive)
            if extra:
                extras[key] = extra
        forms = sorted(table, key=len, reverse=True)
        flags = 0 if sensitive else regex.IGNORECASE
        body = "|".join(regex.escape(f).replace(r"\ ", r"\s+") for f in forms)
        cls.table = table
        cls.extras = extras
        cls.pattern = LazyPattern(_BEFORE + "(?:" + body + ")" + _AFTER, flags)   # escaped forms
        cls.hint = tuple(sorted({f.split()[0] for f in forms})) \
            if not sensitive and _latin1("".join(forms)) else None
        cls.message = cls.check_message(
            str(cls.spec.get("message", "«{found}»: si scrive «{right}».")))

    message: ClassVar[str] = ""

    @staticmethod
    def _extra(entry: dict[str, Any], sensitive: bool) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        flags = regex.V1 | (0 if sensitive else regex.IGNORECASE)
        try:
            extra["exceptions"] = [lazyregex.compile(str(p), flags) for p in entry.get("exceptions") or []]
        except regex.error as exc:
            raise ValueError(f"entry {entry['wrong']!r}: bad exception ({exc})") from None
        if "gender" in entry:
            extra["gender"] = entry["gender"]
            extra["wrong_gender"] = entry.get("wrong_gender", entry["gender"])
            if {extra["gender"], extra["wrong_gender"]} - {"m", "f"}:
                raise ValueError(f"entry {entry['wrong']!r}: a gender is m or f")
            extra["plural"] = entry.get("plural")
        also = []
        for alt in entry.get("also") or []:
            alt = {"right": alt} if isinstance(alt, str) else dict(alt)
            if "gender" in alt:
                alt.setdefault("wrong_gender", extra.get("wrong_gender", alt["gender"]))
                if {alt["gender"], alt["wrong_gender"]} - {"m", "f"}:
                    raise ValueError(f"entry {entry['wrong']!r}: a gender is m or f")
            also.append(alt)
        extra["also"] = also
        return {k: v for k, v in extra.items() if v}

    def _matches(self, ctx: Context) -> Iterator[Any]:
        """``pattern.finditer`` over the masked text. With a hint, the pattern is only tried
        where a form's first word stands in the lower-cased text: every match starts at
        one of those offsets, and trying them in order, each after the last match's end,
        finds what finditer finds."""
        masked = ctx.doc.masked
        lowered = caseless_lower(ctx) if self.hint is not None else None
        if self.hint is None or lowered is None:
            yield from self.pattern.finditer(masked)
            return
        yield from matches_at(self.pattern, masked, offsets(lowered, self.hint))

    def check(self, ctx: Context) -> Iterator[Finding]:
        sensitive = bool(self.spec.get("case_sensitive", False))
        excepted: dict[str, list[tuple[int, int]]] = {}
        timeout = pattern_timeout(ctx)
        # the forms are escaped literals (linear to match, so no time limit to pay for);
        # an entry's exceptions are regular expressions a person wrote: limited
        for m in self._matches(ctx):
            found = m.group()
            key = regex.sub(r"\s+", " ", found)
            # casefold, not lower: the case-insensitive match also takes a long s or a
            # Kelvin sign for s or k ("ſè ſteſſo"), which lower() keeps
            key = key if sensitive else key.casefold()
            if key not in self.table:
                continue
            right, fix = self.table[key]
            extra = self.extras.get(key, {})
            if extra.get("exceptions"):
                if key not in excepted:
                    excepted[key] = [e.span() for p in extra["exceptions"]
                                     for e in p.finditer(ctx.doc.masked, timeout=timeout)]
                if any(s <= m.start() and m.end() <= e for s, e in excepted[key]):
                    continue
            end = m.end()
            candidates = [self._replacement(ctx, m.start(), found, extra, right, fix)]
            for alt in extra.get("also", []):
                candidates.append(self._replacement(ctx, m.start(), found, alt, alt["right"], fix))
            start = min(c[0] for c in candidates)
            suggestions = [ctx.text[start:s] + r for s, r, _ in candidates]
            fix = candidates[0][2]
            yield self.finding(start, end,
                               self.message.format(found=found, right=match_case(found, right)),
                               suggestions, fix=fix,
                               edits=[Edit(start, end, suggestions[0])] if fix else None)

    @classmethod
    def _replacement(cls, ctx: Context, start: int, found: str, extra: dict[str, Any], right: str,
                     fix: Applicability | None) -> tuple[int, str, Applicability | None]:
        if "gender" in extra:
            return cls._agree(ctx, start, found, extra, right, fix)
        return start, match_case(found, right), fix

    @staticmethod
    def _agree(ctx: Context, start: int, found: str, extra: dict[str, Any], right: str,
               fix: Applicability | None) -> tuple[int, str, Applicability | None]:
        """The replacement with the article in front made to agree with it."""
        token = ctx.seg.token_at(start)
        prev: Token | None = ctx.seg.prev_token(token) if token is not None else None
        article = determiners.parse(prev.text, extra["wrong_gender"]) if prev is not None else None
        if article is not None:
            article = dataclasses.replace(article, gender=extra["gender"])
        plural = article.plural if article is not None else prev is not None and (
            prev.kind == "number" or prev.text.lower() in _PLURAL_BEFORE)
        word = right
        if plural:
            if extra.get("plural"):
                word = str(extra["plural"])
            elif fix is not None:
                fix = Applicability.SUGGESTION
        word = match_case(found, word)
        if article is None or prev is None:
            return start, word, fix
        new = match_case(prev.bare, determiners.form(article, word))
        apostrophe = prev.text[-1] if prev.elided else str(ctx.style.get("apostrophe", "'"))
        new = new.replace("'", apostrophe)
        if new == prev.text:
            return start, word, fix
        gap = "" if new.endswith(apostrophe) else " "
        return prev.start, new + gap + word, fix
