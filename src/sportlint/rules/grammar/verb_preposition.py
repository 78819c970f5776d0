"""A verb followed by the wrong preposition ("ha optato di sollevare")."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any, ClassVar

from sportlint.findings import Applicability, Finding, Severity
from sportlint.italian.lexicon import Lexicon
from sportlint.italian.words import ARTICLES, ARTICULATED
from sportlint.rules.base import Context, Option, Rule
from sportlint.rules.grammar._helpers import capitalise_like, is_infinitive, next_word, prev_word
from sportlint.util.datapaths import data_dir, read_yaml
from sportlint.util.wordmemo import WordMemo

DATA = "curated/grammar/verb_prepositions.yaml"
_KEYS = {"verb", "wrong", "right", "before"}


@cache
def shipped_entries() -> tuple[tuple[str, str, str, str], ...]:
    data = read_yaml(data_dir() / DATA) or {}
    return tuple(parse(e, DATA) for e in data.get("entries") or [])


def parse(entry: Any, where: str) -> tuple[str, str, str, str]:
    if not isinstance(entry, dict) or not {"verb", "wrong", "right"} <= set(entry) \
            or set(entry) - _KEYS:
        raise ValueError(f"{where}: an entry needs verb, wrong, right (and optional before): "
                         f"{entry!r}")
    before = str(entry.get("before", "infinitive"))
    if before not in ("infinitive", "any"):
        raise ValueError(f"{where}: 'before' is 'infinitive' or 'any', not {before!r}")
    return str(entry["verb"]), str(entry["wrong"]), str(entry["right"]), before


def _check_extra(entries: list[dict[str, Any]] | None) -> str | None:
    """The config's ``extra`` entries: what is wrong with the first bad one, or None."""
    for n, entry in enumerate(entries or [], 1):
        try:
            parse(entry, f"item {n}")
        except ValueError as exc:
            return str(exc)
    return None


class VerbPreposition(Rule):
    """A verb followed by a preposition it does not govern ("optare di" -> "optare per").

    What it catches:
    Some verbs take a fixed preposition before an infinitive or a complement: "optare per",
    "continuare a", "cercare di", "tentare di". Every form of the verb counts (the lexicon
    conjugates it: opta, optò, optato, optando), as long as the preposition follows it
    directly and no article makes it a noun; an entry marked `before: infinitive` applies
    only when an infinitive follows the preposition ("optare di sollevarlo"). The list is
    data: `data/curated/grammar/verb_prepositions.yaml`.

    Stays silent on:
    A noun of the same stem after an article ("l'obbligo di firmare" is right).

    Why:
    Writing another preposition ("ha optato di sollevare l'allenatore") is a slip an editor
    corrects.

    Example:
        La società ha optato di sollevare l'allenatore.
        -> La società ha optato per sollevare l'allenatore.

    Fix:
    Replaces the preposition with the one the verb governs.

    Fix safety:
    Unsafe (`--unsafe-fixes`): it turns one real word into another.

    Options:
    `extra` adds a newsroom's own entries, e.g. `{verb: puntare, wrong: di, right: a, before:
    infinitive}`.
    """

    id = "grammar.verb-preposition"
    severity = Severity.WARNING
    skip_quoted = True
    options: ClassVar[dict[str, Option]] = {
        "extra": Option([], "list[dict]", "the newsroom's own entries: {verb, wrong, right, "
                                    "before: infinitive | any}", nullable=True, check=_check_extra)}

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(options)
        # word -> the lemmas of the table it can be a form of (kept across documents)
        self._lemmas: WordMemo[tuple[str, ...]] = WordMemo()
        self._table: dict[tuple[str, str], tuple[str, str]] | None = None

    def _entries(self) -> dict[tuple[str, str], tuple[str, str]]:
        if self._table is None:
            table: dict[tuple[str, str], tuple[str, str]] = {}
            extra = [parse(e, f"rules.{self.id}.extra") for e in self.opts["extra"] or []]
            for verb, wrong, right, before in (*shipped_entries(), *extra):
                table[(verb, wrong)] = (right, before)
            self._table = table
        return self._table

    def check(self, ctx: Context) -> Iterator[Finding]:
        lex: Lexicon = ctx.resources.get("lexicon")
        table = self._entries()
        verbs = {verb for verb, _ in table}
        wrong = {prep for _, prep in table}
        memo = self._lemmas.table(lex)
        seg = ctx.seg
        for tok in seg.words:
            prep = next_word(seg, tok)
            if prep is None or prep.elided or prep.low not in wrong:
                continue    # no entry of the table can match: the word is not looked up
            word = tok.low
            lemmas = memo.get(word)
            if lemmas is None:
                lemmas = memo[word] = tuple(sorted(lex.lemmas(word, "VER") & verbs))
            prior = prev_word(seg, tok)
            if lemmas and prior is not None and (prior.low in ARTICLES
                                                 or prior.low in ARTICULATED):
                continue  # a noun: "l'obbligo di", "un aiuto a"
            for lemma in lemmas:
                hit = table.get((lemma, prep.low))
                if hit is None:
                    continue
                right, before = hit
                following = next_word(seg, prep)
                if before == "infinitive" and (following is None
                                               or not is_infinitive(lex, following.text)):
                    continue
                fixed = capitalise_like(right, prep.text)
                yield self.finding(
                    prep.start, prep.end,
                    f"«{lemma}» regge «{right}», non «{prep.low}».",
                    [fixed], fix=Applicability.UNSAFE)
                break
