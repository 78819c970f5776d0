"""Run the enabled rules over a document and collect their findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from sportlint.config.loader import Config, ConfigError, canonical, matches
from sportlint.engine import bounds, guard, merge, recheck, suppressions, timeouts
from sportlint.engine.timeouts import timeout_problem
from sportlint.findings import Applicability, Edit, Finding, Findings, Fix, RuleProblem
from sportlint.italian.resources import Resources
from sportlint.rules import registry
from sportlint.rules.base import Context, OptionError, Rule
from sportlint.rules.kinds.substitution import SubstitutionRule
from sportlint.rules.kinds.timelimit import pattern_timeout
from sportlint.segment.segmenter import segment
from sportlint.source import document
from sportlint.source.document import Document, with_front_matter_keys


def active_rules(config: Config) -> list[Rule]:
    """Instances of the rules the config enables, with their options."""
    return list(_instantiate(config))


def _instantiate(config: Config) -> Iterable[Rule]:
    where = config.source or "config"
    known = {**registry.all_rules(), **user_rules(config)}
    for rule_id, given in config.rules.items():
        if canonical(rule_id) not in known:
            raise ConfigError(f"{config.option_sources.get(rule_id, where)}: "
                              f"key 'rules.{rule_id}': no such rule")
        # every rule's options, enabled or not: a wrong type is an error before any text
        _check_options(known[canonical(rule_id)], given, config.option_sources, where)
    for key, prefixes in (("select", config.select or []), ("enable", config.enable),
                          ("disable'/'ignore", config.disable), ("severity", config.severity)):
        for prefix in unknown_prefixes(prefixes, config):
            raise ConfigError(f"{where}: key '{key}': no rule matches {prefix!r} "
                              "(see `sportlint rules`)")
    for rule_id, cls in known.items():
        if not (config.is_enabled(rule_id, cls.default_enabled)
                or (cls.dynamic_ids and config.selects_below(rule_id))):
            continue
        yield cls(config.options_for(rule_id))


def _check_options(cls: type[Rule], given: dict[str, object], sources: dict[str, str],
                   where: str) -> None:
    """A config's options for one rule: an unknown option or a value of the wrong type is
    a ConfigError naming the file that set it (through `extends`, maybe a parent), the
    rule, the option, the value and the type."""
    try:
        cls.check_options(given)
    except KeyError as exc:
        raise ConfigError(f"{sources.get(cls.id, where)}: key 'rules.{cls.id}': "
                          f"{exc.args[0]}") from None
    except OptionError as exc:
        file = sources.get(f"{cls.id}.{exc.option}", where)
        raise ConfigError(f"{file}: key 'rules.{cls.id}.{exc.option}': {exc.problem}") from None


def user_rules(config: Config | None) -> dict[str, type[Rule]]:
    """The rules of the config's ``rule_files``."""
    if config is None or not config.rule_files:
        return {}
    try:
        return registry.user_rules(tuple(config.rule_files))
    except registry.RegistryError as exc:
        raise ConfigError(f"{config.source or 'config'}: key 'rule_files': {exc}") from None


def unknown_prefixes(prefixes: Iterable[str], config: Config | None = None) -> list[str]:
    """The rule-id prefixes that select no rule: not ``ALL``, no rule's id or a prefix of
    one (the config's own ``rule_files`` included), nor an id below a rule that reports
    under ids of its own (``languagetool.X``)."""
    known = {**registry.all_rules(), **user_rules(config)}
    ids = [*known, *suppressions.PSEUDO_RULES]
    dynamic = [rule_id for rule_id, cls in known.items() if cls.dynamic_ids]
    out = []
    for prefix in prefixes:
        bare = prefix.strip().rstrip(".")
        if bare.upper() == "ALL" or any(matches(rule_id, bare) for rule_id in ids) or \
                any(bare.startswith(rule_id + ".") for rule_id in dynamic):
            continue
        out.append(prefix)
    return out


#: a draft longer than this (code points) is linted in pieces of about this size, cut at
#: paragraph breaks, so that memory follows the piece and not the draft (a 30 MB archive
#: dump needs what half a million characters do: the segmentation of a piece, its tokens
#: above all, takes some 50 bytes a character, and at two million pieces a 3 MB draft
#: peaked at 47 bytes a character beyond the base; at half a million, 16:
#: bench/bench_memory.py); what a rule sees across pieces is lost there: a name spelt
#: two ways, a quotation or Markdown block cut by the break (the draft's sportlint-disable
#: comments act on every piece: `_lint_pieces`)
PIECE = 500_000


def lint(doc: Document, config: Config, rules: Iterable[Rule] | None = None, *,
         check_fixes: bool = True) -> Findings:
    """All findings of the enabled rules on one document, sorted by position; the rules
    that ran out of time (a YAML pattern, or a code rule's budget: timeouts.py) are on
    ``.problems``, and only their findings are missing. At most ``max_findings_per_rule``
    findings of a rule (per piece of a huge draft) and ``max_findings`` in all are kept,
    and one note says what was left out (bounds.py). With ``check_fixes``, each safe fix
    that rewrites a word is checked in context (engine/recheck.py)."""
    rules = list(rules) if rules is not None else active_rules(config)
    if len(doc.text) <= PIECE:
        found = _lint_one(doc, config, rules, check_fixes)
    else:
        found = _lint_pieces(doc, config, rules, check_fixes)
    return Findings(bounds.cap_file(found, config.max_findings), found.problems)


def _lint_pieces(doc: Document, config: Config, rules: list[Rule], check_fixes: bool) -> Findings:
    findings: list[Finding] = []
    problems: dict[str, RuleProblem] = {}
    # the draft's suppression comments act on every piece (a disable at the top of a dump
    # holds to its end), and which of them hid nothing is told once, for the whole draft
    directives = suppressions.parse(doc)
    used: set[tuple[int, str]] = set()
    each = replace(config, report_unused_suppressions=False) \
        if directives and config.report_unused_suppressions else config
    for start, end in pieces(doc.text, PIECE):
        piece = _piece(doc, start, end)
        own, index = suppressions.for_piece(directives, start, end)
        hid: set[tuple[int, str]] = set()
        found = _lint_one(piece, each, rules, check_fixes, directives=own, used=hid)
        used.update((index[i], prefix) for i, prefix in hid)
        findings += (shifted(f, start) for f in found)
        for problem in found.problems:
            problems.setdefault(problem.rule, problem)
    if each is not config:
        ran = [r.id for r in rules if r.id not in problems]
        known = {**registry.all_rules(), **user_rules(config)}
        findings += suppressions.unused(doc, directives, used, config, ran, known)
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return Findings(findings, list(problems.values()))


def _piece(doc: Document, start: int, end: int) -> Document:
    """The part ``start:end`` of ``doc``, read as ``doc`` is: its masked regions (Markdown
    code, an HTML page's tags) and paragraph breaks cut to the piece, not found again in a
    text that no longer begins where the page does."""
    ignored = [(max(s, start) - start, min(e, end) - start) for s, e in doc.ignored
               if s < end and e > start]
    breaks = [b - start for b in doc.breaks if start <= b < end]
    return Document(doc.path, doc.text[start:end], markdown=doc.markdown, ignored=ignored,
                    front_matter_keys=doc.front_matter_keys, breaks=breaks, html=doc.html,
                    word=doc.word)


def pieces(text: str, size: int) -> Iterator[tuple[int, int]]:
    """Spans of ``text`` of at most about ``size`` code points, each ending after a
    paragraph break (a blank line) where there is one in its second half, else after a
    line end, else where the size ends."""
    start = 0
    while len(text) - start > size:
        low, high = start + size // 2, start + size
        cut = text.rfind("\n\n", low, high)
        cut = cut + 2 if cut >= 0 else text.rfind("\n", low, high) + 1 or high
        yield start, cut
        start = cut
    yield start, len(text)


def shifted(f: Finding, by: int) -> Finding:
    """``f`` moved ``by`` code points later (a piece's finding in its draft)."""
    fix = f.fix and Fix(tuple(Edit(e.start + by, e.end + by, e.replacement) for e in f.fix.edits),
                        f.fix.applicability)
    return replace(f, start=f.start + by, end=f.end + by, fix=fix)


def _lint_one(doc: Document, config: Config, rules: list[Rule], check_fixes: bool, *,
              directives: list[suppressions.Directive] | None = None,
              used: set[tuple[int, str]] | None = None) -> Findings:
    """Lint one document (or piece: then ``directives`` are the draft's suppression
    comments that act on it, and ``used`` receives those that hid a finding)."""
    doc = with_front_matter_keys(doc, config.front_matter_keys)   # the config's prose fields
    seg = segment(doc)
    ctx = Context(doc, seg, config, Resources())
    findings: list[Finding] = []
    notes: list[Finding] = []
    problems: list[RuleProblem] = []
    per_rule = config.max_findings_per_rule
    seconds = timeouts.rule_budget(config.rule_timeout, len(doc.text))
    with timeouts.Alarm() as alarm:
        for rule in rules:
            try:
                with timeouts.Budget(seconds, alarm=alarm) as budget:
                    found, more = bounds.first(_kept(rule, ctx, budget), per_rule)
            except TimeoutError:
                problems.append(timeout_problem(rule.id, pattern_timeout(ctx), doc.path))
                continue
            except timeouts.RuleTimeout:
                problems.append(timeouts.budget_problem(rule.id, seconds, doc.path))
                continue
            findings += found
            if more is not None:
                notes.append(bounds.rule_note(rule.id, per_rule, more))
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    # In-text suppressions, here and only here: what they hide is neither reported nor fixed.
    ran = [r.id for r in rules if all(p.rule != r.id for p in problems)]
    known = {**registry.all_rules(), **user_rules(config)}
    kept = suppressions.apply(doc, findings, config, ran, known, directives=directives, used=used)
    # then one slip, one finding (merge.py): what a suppression hid takes no part
    merged = merge.merge(kept, doc.text, _tiers(rules))
    if check_fixes and any(f.fix and f.fix.applicability is Applicability.SAFE for f in merged):
        # the rules that ask a server (LanguageTool) are left out of the second look
        local = [r for r in rules if not r.dynamic_ids and
                 all(p.rule != r.id for p in problems)]
        merged = recheck.recheck(merged, seg, lambda text: _lint_one(
            document.from_text(text), config, local, False))
    if notes:
        merged = sorted([*merged, *notes], key=lambda f: (f.start, f.end, f.rule))
    return Findings(merged, problems)


def _tiers(rules: list[Rule]) -> Callable[[Finding], int]:
    """The merge tier of a finding by the rule that reported it (see engine/merge.py)."""
    tiers: dict[str, int] = {}
    dynamic: list[tuple[str, int]] = []
    for rule in rules:
        rank = 0 if rule.id.startswith("names.") else 1 if isinstance(rule, SubstitutionRule) \
            else 3 if rule.generic else 2
        tiers[rule.id] = rank
        if rule.dynamic_ids:
            dynamic.append((rule.id + ".", rank))

    def tier(f: Finding) -> int:
        if f.rule in tiers:
            return tiers[f.rule]
        return next((t for prefix, t in dynamic if f.rule.startswith(prefix)), 2)
    return tier


def _kept(rule: Rule, ctx: Context, budget: timeouts.Budget) -> Iterator[Finding]:
    """The findings of one rule that the linter keeps (not in masked text, not in quoted
    speech for a rule that skips it, not of an id ruled out), with their configured
    severity, and a safe fix that may rewrite a name made unsafe (guard.py); the budget is
    checked after each finding the rule gives."""
    doc, seg, config = ctx.doc, ctx.seg, ctx.config
    guarded = not guard.exempt(rule)
    for f in rule.check(ctx):
        budget.check()
        if doc.is_ignored(f.start, f.end):
            continue
        if f.rule != rule.id and not config.is_enabled(f.rule):
            continue    # a dynamic id (languagetool.X) that select/ignore rules out
        if rule.skip_quoted and seg.in_quote(f.start, f.end):
            continue
        if guarded:
            f = guard.guard(f, seg)     # a safe fix never rewrites a possible name
        severity = config.severity_for(f.rule, f.severity)
        if severity != f.severity:
            f = f.with_severity(severity)
        yield f.with_path(doc.path)
