"""LanguageTool's public HTTP API, spoken by sportlint: what a ``/v2/check`` request asks
(`Request`, from its form fields) and what the answer says (`answer`, from sportlint's
findings). No web framework here: `sportlint.server.http` serves it, the tests call it
directly too.

The answer has LanguageTool's shape, so that any LanguageTool client (the browser extension,
LTeX, Obsidian's plugin, ``language-tool-python``) reads it unchanged: offsets and lengths
are in UTF-16 code units, as LanguageTool counts them (an emoji is two), of the whole text
(markup included, for annotated ``data``). Rule ids stay sportlint's (``names.consistency``);
each family is a LanguageTool category (`CATEGORIES`), under LanguageTool's own id when it
has one for the same thing, so that a client's category switches work on both.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sportlint import __version__
from sportlint.findings import Finding, Severity
from sportlint.server.annotated import AnnotatedText, AnnotationError

#: the language codes sportlint answers for ("auto": the client lets the server choose)
LANGUAGES = ({"name": "Italian", "code": "it", "longCode": "it-IT"},)
ACCEPTED_LANGUAGES = {"it", "it-it", "auto"}

#: family -> (LanguageTool category id, its name as the client shows it, issueType)
CATEGORIES: dict[str, tuple[str, str, str]] = {
    "names": ("NAMES", "Nomi propri", "misspelling"),
    "scores": ("SEMANTICS", "Risultati e date", "inconsistency"),
    "quotes": ("PUNCTUATION", "Virgolette", "typographical"),
    "typography": ("TYPOGRAPHY", "Tipografia", "typographical"),
    "grammar": ("GRAMMAR", "Grammatica", "grammar"),
    "spelling": ("TYPOS", "Ortografia", "misspelling"),
    "style": ("STYLE", "Stile", "style"),
}
_OTHER = ("MISC", "Varie", "uncategorized")

#: where a rule's documentation is (the anchor is added); `sportlint rules ID` shows it too
RULES_DOC_URL = "https://github.com/sportlint/sportlint/blob/main/docs/rules.md"

#: characters of context either side of a match, as LanguageTool's server gives
CONTEXT = 40


class BadRequest(ValueError):
    """A request LanguageTool would refuse with 400; the message is for the client."""


def doc_url(rule_id: str) -> str:
    from sportlint.rules.docs import anchor

    return f"{RULES_DOC_URL}#{anchor(rule_id)}"


def category(rule_id: str) -> tuple[str, str, str]:
    return CATEGORIES.get(rule_id.split(".", 1)[0], _OTHER)


def families_of(category_ids: Iterable[str]) -> list[str]:
    """The families a list of category ids names (by LanguageTool's id or the family's)."""
    wanted = {c.strip().upper() for c in category_ids if c.strip()}
    return [family for family, (cid, _, _) in CATEGORIES.items()
            if cid in wanted or family.upper() in wanted]


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(",") if v.strip())


@dataclass(frozen=True)
class Request:
    """One ``/v2/check`` request: the text and which rules the client wants."""

    text: AnnotatedText
    language: str
    enabled_rules: tuple[str, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    enabled_categories: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    enabled_only: bool = False
    picky: bool = False

    @classmethod
    def from_form(cls, form: Mapping[str, str]) -> Request:
        """Read the form fields; BadRequest says what is missing or wrong."""
        language = (form.get("language") or "").strip()
        if not language:
            raise BadRequest("Missing 'language' parameter, e.g. language=it "
                             "(sportlint checks Italian: it, it-IT or auto)")
        if "text" in form and "data" in form:
            raise BadRequest("Set only 'text' or 'data', not both")
        if "text" in form:
            text = AnnotatedText.from_text(form["text"])
        elif "data" in form:
            try:
                text = AnnotatedText.from_data(form["data"])
            except AnnotationError as exc:
                raise BadRequest(str(exc)) from None
        else:
            raise BadRequest("Missing 'text' or 'data' parameter")
        level = (form.get("level") or "default").strip().lower()
        if level not in ("default", "picky"):
            raise BadRequest(f"Unknown level {level!r}: use 'default' or 'picky'")
        enabled_only = (form.get("enabledOnly") or "false").strip().lower() == "true"
        enabled = _split(form.get("enabledRules"))
        enabled_cats = _split(form.get("enabledCategories"))
        if enabled_only and not (enabled or enabled_cats):
            raise BadRequest("enabledOnly=true needs enabledRules or enabledCategories")
        return cls(text, language, enabled, _split(form.get("disabledRules")), enabled_cats,
                   _split(form.get("disabledCategories")), enabled_only, level == "picky")

    @property
    def italian(self) -> bool:
        return self.language.lower() in ACCEPTED_LANGUAGES

    def selection(self) -> tuple[Any, ...]:
        """What picks the rules (a cache key)."""
        return (self.enabled_rules, self.disabled_rules, self.enabled_categories,
                self.disabled_categories, self.enabled_only, self.picky)


class UTF16:
    """Code-point offsets of one text as UTF-16 code units (LanguageTool's count)."""

    def __init__(self, text: str) -> None:
        self._wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def __call__(self, offset: int) -> int:
        import bisect

        return offset + bisect.bisect_left(self._wide, offset)


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _context(plain: str, start: int, end: int) -> dict[str, Any]:
    lo, hi = max(0, start - CONTEXT), min(len(plain), end + CONTEXT)
    before = ("..." if lo > 0 else "") + plain[lo:start]
    after = plain[end:hi] + ("..." if hi < len(plain) else "")
    text = before + plain[start:end] + after
    # LanguageTool's context is one line: line ends become spaces (lengths unchanged)
    text = text.replace("\r", " ").replace("\n", " ")
    return {"text": text, "offset": units(before), "length": units(plain[start:end])}


def _sentence(plain: str, start: int, end: int) -> str:
    """The sentence around a span: from the previous stop or line end to the next."""
    lo = 0
    for sep in (". ", "! ", "? ", "… ", "\n"):
        i = plain.rfind(sep, 0, start)
        if i >= 0:
            lo = max(lo, i + len(sep))
    hi = len(plain)
    for stop in (".", "!", "?", "…", "\n"):
        i = plain.find(stop, end)
        if i >= 0:
            hi = min(hi, i + (stop != "\n"))
    return plain[lo:hi].strip()


def match(finding: Finding, text: AnnotatedText, utf16: UTF16) -> dict[str, Any]:
    """One finding as a LanguageTool match."""
    start = text.to_original(finding.start)
    end = max(start, text.to_original(finding.end, is_end=True))
    cid, cname, issue = category(finding.rule)
    if finding.severity == Severity.SUGGESTION and issue not in ("misspelling",):
        issue = "style"
    offset = utf16(start)
    return {
        "message": finding.message,
        "shortMessage": cname,
        "replacements": [{"value": s} for s in finding.suggestions],
        "offset": offset,
        "length": utf16(end) - offset,
        "context": _context(text.plain, finding.start, finding.end),
        "sentence": _sentence(text.plain, finding.start, finding.end),
        "type": {"typeName": "UnknownWord" if finding.rule == "spelling.unknown-word" else "Other"},
        "rule": {
            "id": finding.rule,
            "description": f"{cname}: {finding.rule}",
            "issueType": issue,
            "urls": [{"value": doc_url(finding.rule)}],
            "category": {"id": cid, "name": cname},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def answer(findings: Sequence[Finding], text: AnnotatedText, *, incomplete: bool = False,
           extra: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    """The whole ``/v2/check`` answer; ``extra``: matches of a LanguageTool server (proxy
    mode), already in the answer's offsets, merged in order."""
    utf16 = UTF16(text.original)
    matches = [match(f, text, utf16) for f in findings]
    if extra:
        matches = sorted([*matches, *extra], key=lambda m: (m["offset"], m["length"]))
    return {
        "software": {"name": "sportlint", "version": __version__, "buildDate": "",
                     "apiVersion": 1, "premium": False, "premiumHint": "", "status": ""},
        "warnings": {"incompleteResults": incomplete},
        "language": {"name": "Italian", "code": "it-IT",
                     "detectedLanguage": {"name": "Italian", "code": "it-IT", "confidence": 1.0}},
        "matches": matches,
    }


def text_too_long(limit: int, length: int) -> str:
    """LanguageTool's 413 message."""
    return (f"Error: Your text exceeds the limit of {limit} characters (it's {length} "
            f"characters). Please submit a shorter text.")
