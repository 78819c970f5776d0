"""Bounds on what one document can produce: at most ``max_findings_per_rule`` findings of
one rule (config; the rule is not asked for more, so 200 KB of "([" costs a thousand
findings, not two hundred thousand) and ``max_findings`` in all per file; what is left out
is summed up in one note, a finding of the pseudo-rule ``sportlint.too-many-findings`` at
the first finding left out, so that every output format shows it and the exit code is as
the hidden findings would make it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sportlint.findings import Finding, Severity

TOO_MANY = "sportlint.too-many-findings"
SUMMARY = "Findings left out of a file's report because a rule, or the file, has too many."


def first(findings: Iterable[Finding], limit: int) -> tuple[list[Finding], Finding | None]:
    """Up to ``limit`` findings (0: all), and the next one when there are more; the
    iterable is not read further, so a rule stops once it has given enough."""
    kept: list[Finding] = []
    iterator: Iterator[Finding] = iter(findings)
    for f in iterator:
        if limit and len(kept) >= limit:
            close = getattr(iterator, "close", None)
            if close is not None:
                close()     # the rule's generator ends here, not when collected
            return kept, f
        kept.append(f)
    return kept, None


def rule_note(rule: str, limit: int, at: Finding) -> Finding:
    return Finding(TOO_MANY, at.start, at.end, at.severity,
                   f"Troppe segnalazioni di {rule}: mostrate le prime {limit}; le altre, da qui "
                   f"in poi, non sono state cercate (limite max_findings_per_rule).",
                   path=at.path)


def cap_file(findings: list[Finding], limit: int) -> list[Finding]:
    """The first ``limit`` findings of a file (sorted), and one note counting the rest."""
    if not limit or len(findings) <= limit:
        return findings
    rest = findings[limit:]
    worst = max((f.severity for f in rest), default=Severity.WARNING)
    at = rest[0]
    note = Finding(TOO_MANY, at.start, at.end, worst,
                   f"Altre {len(rest)} segnalazioni in questo file non sono mostrate "
                   f"(limite max_findings: {limit}).", path=at.path)
    return [*findings[:limit], note]
