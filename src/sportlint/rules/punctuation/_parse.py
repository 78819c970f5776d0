"""The parser's view of a sentence for the ``punctuation.*`` rules: a rule finds a candidate
comma with the lexicon first and asks the parser (``resources.get("parser")``, lazy) only
to confirm it, so a text without candidates never loads the model. Parses are memoised per
sentence on the segmentation and by the sentence's words and tags for the process (a
recheck or a fixer pass parses the same sentences again); the tags are the tagger's
(`grammar._tagging`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sportlint.italian.parser import Arc
from sportlint.rules.base import Context
from sportlint.rules.grammar._tagging import SENTENCES_KEPT, sentence_tags, tag_words
from sportlint.segment.tokens import Token
from sportlint.util.wordmemo import WordMemo

#: the confidence an arc needs before a rule acts on it: the confidence is the least sure
#: transition the word waited through on the stack, and at 0.8 the shipped model's arcs are
#: right about nine times in ten (bench/bench_parser.py); the rules add a second parse
CONFIDENT = 0.8
#: the confidence a second parse (of the sentence as the rule would correct it) needs to
#: confirm the first one
CONFIRM = 0.6
#: the confidence an arc's label needs (labels are less sure than heads: the label softmax
#: spreads over some forty relations, with a temperature fitted on held-out sentences
#: parsed from the tagger's tags, and "obj", "nsubj", "obl" share much of it)
LABEL_CONFIDENT = 0.4
#: the tagger's confidence a verb or noun needs
TAG_CONFIDENT = 0.9
#: sentences longer than this are not parsed (a list, a table row run together)
MAX_TOKENS = 90
#: words after which a subordinate or coordinate clause (and its subject) begins
SUBORDINATORS = frozenset("che perché poiché quando mentre se e ma però anche dove come "
                          "finché affinché benché sebbene".split())
SUBJECT_LABELS = frozenset({"nsubj", "nsubj:pass"})
#: what may stand between a subject and its verb: a negation, clitics
#: (not the object clitics, which take up a dislocated object: "La cosa più strana, la
#: si trova ...")
BEFORE_VERB = frozenset("non si ci mi ti vi gli".split())
AUX_LABELS = frozenset({"aux", "aux:pass", "cop"})


@dataclass
class Tagged:
    """The tagger's view of a sentence (``tags``: one `Tag` per token): what a rule asks
    before it pays for a parse."""

    tokens: list[Token]
    tags: list[Any]

    def tagged(self, k: int, *pos: str, at: float = TAG_CONFIDENT) -> bool:
        tag = self.tags[k]
        return tag.pos in pos and tag.confidence >= at


@dataclass
class Parsed(Tagged):
    arcs: list[Arc]

    @cached_property
    def children(self) -> list[list[int]]:
        out: list[list[int]] = [[] for _ in self.tokens]
        for k, a in enumerate(self.arcs):
            if a.head >= 0:
                out[a.head].append(k)
        return out

    def span(self, k: int) -> tuple[int, int]:
        """The first and last index of ``k``'s subtree, punctuation left out (UD hangs a
        comma on the phrase before it)."""
        lo = hi = k
        todo = [k]
        while todo:
            x = todo.pop()
            if self.tokens[x].kind != "punct":
                lo, hi = min(lo, x), max(hi, x)
            todo.extend(self.children[x])
        return lo, hi

    def subtree(self, k: int) -> list[int]:
        out, todo = [], [k]
        while todo:
            x = todo.pop()
            out.append(x)
            todo.extend(self.children[x])
        return sorted(out)

    def sure(self, k: int, *labels: str, at: float = CONFIDENT) -> bool:
        """Whether ``k``'s arc is confident (and its label one of ``labels``, confident)."""
        a = self.arcs[k]
        if a.confidence < at:
            return False
        return not labels or (a.label in labels and a.label_confidence >= LABEL_CONFIDENT)


_ARCS: WordMemo[list[Arc]] = WordMemo(SENTENCES_KEPT)


def parse_words(ctx: Context, words: list[str], tags: list[Any]) -> list[Arc]:
    """The parser's arcs of ``words`` with the tagger's ``tags``, memoised by both: parsing
    is a function of them alone, given the loaded model."""
    parser = ctx.resources.get("parser")
    table = _ARCS.table(parser)
    pos = [t.pos for t in tags]
    key = (tuple(words), tuple(pos))
    found = table.get(key)
    if found is None:
        found = table[key] = parser.parse(words, pos)
    return found


def tagged(ctx: Context, tokens: list[Token]) -> Tagged | None:
    """The tags of the sentence of ``tokens`` (all the tokens of one sentence), or None for
    a sentence too long to parse: a rule whose gates read only tags asks this, and parses
    only the candidates that pass them (tagging costs a fifth of parsing)."""
    if not tokens or len(tokens) > MAX_TOKENS:
        return None
    by_index = sentence_tags(ctx, tokens[0])
    return Tagged(tokens, [by_index[t.index] for t in tokens])


def parse(ctx: Context, tokens: list[Token]) -> Parsed | None:
    """The parse of the sentence of ``tokens`` (all the tokens of one sentence), or None
    for a sentence too long to parse."""
    if not tokens or len(tokens) > MAX_TOKENS:
        return None
    memo: Any = ctx.seg.memo.setdefault("punctuation.parse", {})
    key = tokens[0].sentence
    found = memo.get(key)
    if found is None:
        by_index = sentence_tags(ctx, tokens[0])
        tags = [by_index[t.index] for t in tokens]
        arcs = parse_words(ctx, [t.text for t in tokens], tags)
        found = memo[key] = Parsed(tokens, tags, arcs)
    return found


def parse_variant(ctx: Context, words: list[str], kinds: list[str]) -> Parsed:
    """The parse of a rewritten sentence (a comma added or dropped): a rule checks that the
    correction it suggests reads as the structure it assumes. ``kinds``: each word's token
    kind ("punct" for punctuation)."""
    memo: Any = ctx.seg.memo.setdefault("punctuation.variants", {})
    key = tuple(words)
    found = memo.get(key)
    if found is None:
        tags = tag_words(ctx, words)
        arcs = parse_words(ctx, words, tags)
        tokens = [_Word(w, k) for w, k in zip(words, kinds, strict=True)]
        found = memo[key] = Parsed(tokens, tags, arcs)  # type: ignore[arg-type]
    return found


class _Word:
    """The little of a `Token` that `Parsed` reads, for a rewritten sentence."""

    def __init__(self, text: str, kind: str) -> None:
        self.text = text
        self.kind = kind
        self.low = text.lower().replace("’", "'")


def second_person(lex: Any, word: str) -> bool:
    """Whether a verb form can be of the second person or an imperative, and not of the
    third (a vocative's verb: "Rossi, hai sbagliato", "Ragazzi, andate"; "ritrova" is also
    an imperative, but first a third person)."""
    readings = [a for a in lex.analyses(word) if a.finite]
    return any(a.person == "2" or a.mood == "impr" for a in readings) and \
        not any(a.person == "3" and a.mood != "impr" for a in readings)


def finite(lex: Any, word: str) -> bool:
    return any(a.finite for a in lex.analyses(word))


#: nouns of time: a fronted time phrase may take a comma ("La settimana scorsa, ha vinto")
TIME_NOUNS = frozenset("""
giorno giornata settimana mese anno stagione sera serata mattina mattinata notte pomeriggio
volta estate inverno primavera autunno ora minuto minuti secondo momento periodo fine weekend
lunedì martedì mercoledì giovedì venerdì sabato domenica vigilia anni giorni mesi settimane
ieri oggi domani tempo ripresa
""".split())
_QUOTES = set("«»“”\"‘’'()[]—–-:;")


@dataclass(frozen=True)
class SubjectComma:
    """A comma between a clause's subject (``subject``: its head; ``start`` the first token
    of its phrase) and the verb after it (``verb``); ``relative``: the subject phrase ends
    with a relative or participial clause (an inciso closed but never opened)."""

    comma: int
    start: int
    subject: int
    verb: int
    relative: bool


def subject_commas(ctx: Context, tokens: list[Token]) -> list[SubjectComma]:
    """The commas of a sentence (``tokens``) that stand between a subject and its verb, as
    the parser confidently reads them (memoised; see the rules for the gates)."""
    memo: Any = ctx.seg.memo.setdefault("punctuation.subject-commas", {})
    if not tokens:
        return []
    key = tokens[0].sentence
    if key in memo:
        return list(memo[key])
    out: list[SubjectComma] = []
    memo[key] = out
    candidates: list[tuple[int, int]] = []
    # only a sentence's first comma can follow its subject (or a subject after "che")
    c = next((k for k, t in enumerate(tokens) if t.text == ","), 0)
    if 2 <= c < len(tokens) - 1 and tokens[c - 1].is_word and tokens[c + 1].is_word:
        lex = ctx.resources.get("lexicon")
        # the verb may follow a negation or a clitic ("La Roma, non ha", "Il club, si è")
        v = c + 1
        while v < len(tokens) - 1 and v < c + 3 and tokens[v].low in BEFORE_VERB:
            v += 1
        verb, last = tokens[v], tokens[c - 1]
        nounlike = last.capitalised or any(a.pos in ("NOUN", "ADJ")
                                           for a in lex.analyses(last.low))
        # a verb closed by a comma of its own is a parenthetical inciso ("La Roma, si sa,
        # non perde"; "La scoperta, aggiunge, pone"), not the subject's verb
        aside = any(t.text == "," for t in tokens[v + 1:v + 3])
        if verb.is_word and nounlike and not aside and finite(lex, verb.low) and \
                not second_person(lex, verb.low):
            candidates.append((c, v))
    # the verb's tag first: most candidates end there, before any parse
    t = tagged(ctx, tokens) if candidates else None
    candidates = [(c, v) for c, v in candidates
                  if t is not None and t.tagged(v, "VERB", "AUX", "AUX+PRON", "VERB+PRON")]
    if not candidates:
        return out
    p = parse(ctx, tokens)
    if p is None:
        return out
    for c, v in candidates:
        pred = v
        if p.arcs[v].label in AUX_LABELS:
            if not p.sure(v) or p.arcs[v].head <= c:
                continue
            pred = p.arcs[v].head
        subjects = [k for k in p.children[pred] if p.arcs[k].label in SUBJECT_LABELS]
        if len(subjects) != 1 or subjects[0] > c:
            continue
        s = subjects[0]
        if not p.sure(s, *SUBJECT_LABELS) or not p.tagged(s, "NOUN", "PROPN"):
            continue
        lo, hi = p.span(s)
        if hi != c - 1:
            continue
        if lo > 0 and tokens[lo - 1].low not in SUBORDINATORS:
            continue
        inside = range(lo, c)
        if any(tokens[k].kind == "punct" for k in inside):
            continue              # an apposition or an inciso closed before the verb; a list
        if any(p.arcs[k].label in ("conj", "cc") for k in inside):
            continue              # a list of subjects ("Rossi e Bianchi, ...")
        if tokens[s].low in TIME_NOUNS or any(tokens[k].low in TIME_NOUNS for k in inside):
            continue
        if p.tagged(lo, "VERB", at=0.0):
            continue              # an absolute construction ("Finita la partita, ...")
        if p.tagged(lo, "NOUN", at=0.0) or (tokens[-1].text == "?" and
                                             not p.tagged(lo, "DET", "ADP+DET", at=0.0)):
            continue              # a vocative with the polite "Lei" ("Senatore Rossi,
                                  # accetta?", "Presidente, ritiene ..."): a subject that
                                  # is a common noun has its article
        # the sentence without the comma must read the same way (a parenthetical such as
        # "..., ha detto il tecnico, ..." does not)
        words = [t.text for t in tokens]
        kinds = [t.kind for t in tokens]
        w = parse_variant(ctx, words[:c] + words[c + 1:], kinds[:c] + kinds[c + 1:])
        wv = v - 1
        wpred = w.arcs[wv].head if w.arcs[wv].label in AUX_LABELS else wv
        if w.arcs[s].head != wpred or not w.sure(s, *SUBJECT_LABELS, at=CONFIRM):
            continue
        relative = any(p.arcs[k].label in ("acl:relcl", "acl") and p.tags[k].pos.startswith(
            ("VERB", "AUX")) for k in inside)
        out.append(SubjectComma(c, lo, s, v, relative))
    return list(out)
