"""Findings of a LanguageTool server the newsroom runs (optional)."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Edit, Finding, Fix, Severity
from sportlint.rules.base import Context, Rule
from sportlint.rules.languagetool import _client as ltclient
from sportlint.source.document import MASK

# LanguageTool issue types (rule.issueType) that are matters of style, not errors.
_STYLE_ISSUES = {"style", "register", "locale-violation", "inconsistency", "typographical"}


class LanguageTool(Rule):
    """Findings of a LanguageTool server the newsroom runs (optional).

    What it catches:
    Whatever the LanguageTool server reports. Off until a server is configured:
    `languagetool.url` in the config, or `sportlint check --languagetool
    http://localhost:8081`. Each document is sent to the server's `/v2/check` (Markdown
    markup, URLs and front matter blanked out); each match becomes a finding whose id is
    `languagetool.` + LanguageTool's rule id (`languagetool.GR_10_001`), so `select`,
    `ignore` and `severity` work on them by prefix like on sportlint's own rules (`ignore:
    [languagetool.ST_04_001]`). Offsets are turned from LanguageTool's UTF-16 units into
    code points. Like other grammar checks it skips quoted speech.

    Stays silent on:
    Rules that are noisy on sports copy, or that sportlint does better (spelling of names,
    doubled words, numbers in words, d eufonica): they are disabled by default; the list,
    with a reason for each, is `data/curated/languagetool/disabled.yaml`.

    Why:
    A newsroom that already runs LanguageTool gets its findings in the same report, with
    the same selection, severities and output formats.

    Example:
    With a server answering:

        Tu ai ragione.
        -> Tu hai ragione.

    (a finding `languagetool.<rule id>` on "ai", suggestion "hai").

    Fix:
    LanguageTool's suggestions become the finding's suggestions. A server that cannot be
    reached is reported once on stderr ("LanguageTool server ... unavailable") and skipped
    for the rest of the run; sportlint's own findings are kept.

    Fix safety:
    Never applied by `--fix`: a single suggestion is an unsafe fix (`--unsafe-fixes`),
    several are shown only.

    Options:
    Config keys under `languagetool:` (not rule options): `url`, `timeout` (seconds, default
    10), `language` (default `it`), `disabled_rules`, `enabled_rules` (turns a rule of the
    default list back on), `level` (`picky` for LanguageTool's picky mode).
    """

    id = "languagetool"
    generic = True      # a general checker: sportlint's own rule on the same slip wins
    severity = Severity.WARNING
    skip_quoted = True
    dynamic_ids = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        settings = ctx.config.languagetool
        if not settings.get("url"):
            return
        text = ctx.doc.masked.replace(MASK, " ")
        for m in ltclient.check(text, settings):
            rule_id = f"{self.id}.{m.rule_id}"
            if m.end <= m.start:
                continue
            suggestions = tuple(m.replacements[:5])
            fix = None
            if suggestions:
                applicability = Applicability.UNSAFE if len(suggestions) == 1 \
                    else Applicability.SUGGESTION
                fix = Fix((Edit(m.start, m.end, suggestions[0]),), applicability)
            severity = Severity.SUGGESTION if m.issue_type in _STYLE_ISSUES else self.severity
            yield Finding(rule_id, m.start, m.end, severity, m.message, suggestions, fix)
