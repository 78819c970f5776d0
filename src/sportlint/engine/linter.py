"""Run the enabled rules over a document and collect their findings."""

from __future__ import annotations

from collections.abc import Iterable

from sportlint.config.loader import Config, ConfigError, matches
from sportlint.engine import suppressions
from sportlint.engine.timeouts import timeout_problem
from sportlint.findings import Finding, Findings, RuleProblem
from sportlint.italian.resources import Resources
from sportlint.rules import registry
from sportlint.rules.base import Context, OptionError, Rule
from sportlint.rules.kinds.timelimit import pattern_timeout
from sportlint.segment.segmenter import segment
from sportlint.source.document import Document, with_front_matter_keys


def active_rules(config: Config) -> list[Rule]:
    """Instances of the rules the config enables, with their options."""
    return list(_instantiate(config))


def _instantiate(config: Config) -> Iterable[Rule]:
    where = config.source or "config"
    known = {**registry.all_rules(), **user_rules(config)}
    for rule_id, given in config.rules.items():
        if rule_id not in known:
            raise ConfigError(f"{config.option_sources.get(rule_id, where)}: "
                              f"key 'rules.{rule_id}': no such rule")
        # every rule's options, enabled or not: a wrong type is an error before any text
        _check_options(known[rule_id], given, config.option_sources, where)
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


def lint(doc: Document, config: Config, rules: Iterable[Rule] | None = None) -> Findings:
    """All findings of the enabled rules on one document, sorted by position; the rules
    that ran out of time (a YAML pattern, timeouts.py) are on ``.problems``, and only their
    findings are missing."""
    doc = with_front_matter_keys(doc, config.front_matter_keys)   # the config's prose fields
    seg = segment(doc)
    ctx = Context(doc, seg, config, Resources())
    findings: list[Finding] = []
    problems: list[RuleProblem] = []
    rules = list(rules) if rules is not None else active_rules(config)
    for rule in rules:
        try:
            found = list(rule.check(ctx))
        except TimeoutError:
            problems.append(timeout_problem(rule.id, pattern_timeout(ctx), doc.path))
            continue
        for f in found:
            if doc.is_ignored(f.start, f.end):
                continue
            if f.rule != rule.id and not config.is_enabled(f.rule):
                continue    # a dynamic id (languagetool.X) that select/ignore rules out
            if rule.skip_quoted and seg.in_quote(f.start, f.end):
                continue
            severity = config.severity_for(f.rule, f.severity)
            if severity != f.severity:
                f = f.with_severity(severity)
            findings.append(f.with_path(doc.path))
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    # In-text suppressions, here and only here: what they hide is neither reported nor fixed.
    ran = [r.id for r in rules if all(p.rule != r.id for p in problems)]
    known = {**registry.all_rules(), **user_rules(config)}
    kept = suppressions.apply(doc, findings, config, ran, known)
    return Findings(kept, problems)
