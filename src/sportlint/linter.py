"""Run the enabled rules over a document and collect their findings."""

from __future__ import annotations

from collections.abc import Iterable

from . import registry, suppressions
from .config import Config, ConfigError, matches
from .document import Document
from .model import Finding
from .resources import Resources
from .rule import Context, Rule
from .segment import segment


def active_rules(config: Config) -> list[Rule]:
    """Instances of the rules the config enables, with their options."""
    return list(_instantiate(config))


def _instantiate(config: Config) -> Iterable[Rule]:
    known = registry.all_rules()
    where = config.source or "config"
    for rule_id in config.rules:
        if rule_id not in known:
            raise ConfigError(f"{where}: key 'rules.{rule_id}': no such rule")
    for key, prefixes in (("select", config.select or []), ("enable", config.enable),
                          ("disable'/'ignore", config.disable), ("severity", config.severity)):
        for prefix in unknown_prefixes(prefixes):
            raise ConfigError(f"{where}: key '{key}': no rule matches {prefix!r} "
                              "(see `sportlint rules`)")
    for rule_id, cls in known.items():
        if not (config.is_enabled(rule_id, cls.default_enabled)
                or (cls.dynamic_ids and config.selects_below(rule_id))):
            continue
        try:
            yield cls(config.options_for(rule_id))
        except KeyError as exc:
            raise ConfigError(f"{where}: key 'rules.{rule_id}': {exc.args[0]}") from None


def unknown_prefixes(prefixes: Iterable[str]) -> list[str]:
    """The rule-id prefixes that select no rule: not ``ALL``, no rule's id or a prefix of
    one, nor an id below a rule that reports under ids of its own (``languagetool.X``)."""
    known = registry.all_rules()
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


def lint(doc: Document, config: Config, rules: Iterable[Rule] | None = None) -> list[Finding]:
    """All findings of the enabled rules on one document, sorted by position."""
    seg = segment(doc)
    ctx = Context(doc, seg, config, Resources())
    findings: list[Finding] = []
    rules = list(rules) if rules is not None else active_rules(config)
    for rule in rules:
        for f in rule.check(ctx):
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
    return suppressions.apply(doc, findings, config, [r.id for r in rules], registry.all_rules())
