"""`sportlint lsp`: a language server over standard input and output, on pygls.

- Diagnostics when a document opens, and again after each change once the writer pauses
  (``debounce``, 300 ms by default; ``initializationOptions: {"debounce": MS}`` too): the
  lint runs in a thread, and a result for a version that is no longer current is dropped.
- Each diagnostic has the finding's severity, ``code`` = the rule id, ``codeDescription``
  = a link to the rule's documentation, ``source`` = "sportlint".
- Code actions: one quick fix per suggestion; "fix all safe problems" (also as
  ``source.fixAll.sportlint``, for fix-on-save); a comment that suppresses the rule on
  that line (``<!-- sportlint-disable-next-line RULE -->``).
- The config is the one found upward from the document's folder (``.sportlint.yaml`` or
  ``pyproject.toml``), or ``--config``; a config error is shown as a diagnostic on the
  first line. Saving a config file checks the open documents again.
- Markdown (``.md`` files, or ``languageId`` markdown) and plain text.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls import uris
from pygls.lsp.server import LanguageServer

from sportlint import __version__
from sportlint.api import fix_result
from sportlint.config.loader import CONFIG_NAMES, Config, ConfigError, find_config, load_config
from sportlint.engine import linter
from sportlint.findings import Finding, Severity
from sportlint.rules.base import Rule
from sportlint.server import lspedits
from sportlint.server.ltapi import doc_url
from sportlint.source import document

SOURCE = "sportlint"
FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.sportlint"
CONFIG_CODE = "sportlint.config"

_SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error,
             Severity.WARNING: types.DiagnosticSeverity.Warning,
             Severity.SUGGESTION: types.DiagnosticSeverity.Information}


@dataclass
class Checked:
    """The last lint of one document version."""

    version: int | None
    text: str
    findings: list[Finding]


@dataclass
class State:
    config_path: str | None = None           # --config: one config for every document
    debounce: float = 0.3
    checked: dict[str, Checked] = field(default_factory=dict)
    pending: dict[str, asyncio.Task[None]] = field(default_factory=dict)
    #: config file (or "" for none) -> (its mtime, the config, its rules)
    configs: dict[str, tuple[float, Config, list[Rule]]] = field(default_factory=dict)


class SportlintServer(LanguageServer):
    def __init__(self, state: State) -> None:
        super().__init__("sportlint", __version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.state = state

    # --- what a document is checked with --------------------------------------------------
    def config_for(self, path: str | None) -> tuple[Config, list[Rule]]:
        """The config for a document (cached until its file changes); ConfigError."""
        if self.state.config_path:
            file: Path | None = Path(self.state.config_path)
        else:
            folder = Path(path).parent if path else Path.cwd()
            file = find_config(folder) if folder.is_dir() else find_config(Path.cwd())
        key = str(file) if file else ""
        try:
            mtime = os.stat(key).st_mtime if key else 0.0
        except OSError:
            mtime = -1.0
        cached = self.state.configs.get(key)
        if cached is not None and cached[0] == mtime:
            return cached[1], cached[2]
        config = load_config(file) if file else load_config(None)
        rules = linter.active_rules(config)
        self.state.configs[key] = (mtime, config, rules)
        return config, rules

    def lint(self, uri: str, text: str, language_id: str | None) -> tuple[list[Finding], str | None]:
        """Findings of a text, or a config error (then no findings)."""
        path = uris.to_fs_path(uri) if uri.startswith("file:") else None
        try:
            config, rules = self.config_for(path)
        except ConfigError as exc:
            return [], str(exc)
        return list(linter.lint(document.from_text(text, _name(path, uri, language_id)),
                                config, rules)), None

    # --- diagnostics -------------------------------------------------------------------
    async def check(self, uri: str, delay: float = 0.0) -> None:
        if delay:
            await asyncio.sleep(delay)
        doc = self.workspace.get_text_document(uri)
        version, text = doc.version, doc.source
        loop = asyncio.get_running_loop()
        try:
            findings, error = await loop.run_in_executor(None, self.lint, uri, text, doc.language_id)
        except Exception as exc:    # a bug: said in the editor's log, the server goes on
            self.window_log_message(types.LogMessageParams(
                type=types.MessageType.Error, message=f"sportlint: cannot check {uri}: {exc!r}"))
            return
        current = self.workspace.text_documents.get(uri)
        if current is None or current.version != version:
            return              # closed or changed meanwhile: a newer check follows
        self.state.checked[uri] = Checked(version, text, findings)
        lines = lspedits.Lines(text, self.encoding)
        diagnostics = [diagnostic(f, lines) for f in findings]
        if error:
            diagnostics.insert(0, types.Diagnostic(
                range=types.Range(types.Position(0, 0), types.Position(0, 0)),
                message=f"config error: {error}", severity=types.DiagnosticSeverity.Error,
                source=SOURCE, code=CONFIG_CODE))
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, diagnostics=diagnostics, version=version))

    def schedule(self, uri: str, delay: float) -> None:
        old = self.state.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        task = asyncio.ensure_future(self.check(uri, delay))
        self.state.pending[uri] = task
        task.add_done_callback(lambda t: self.state.pending.pop(uri, None)
                               if self.state.pending.get(uri) is t else None)

    @property
    def encoding(self) -> str:
        enc = self.workspace.position_encoding
        value = getattr(enc, "value", enc) or "utf-16"
        return str(value)

    # --- code actions --------------------------------------------------------------------
    def actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        doc = self.workspace.get_text_document(uri)
        text = doc.source
        checked = self.state.checked.get(uri)
        if checked is None or checked.text != text:
            findings, _ = self.lint(uri, text, doc.language_id)
        else:
            findings = checked.findings
        lines = lspedits.Lines(text, self.encoding)
        start = lines.offset(params.range.start.line, params.range.start.character)
        end = lines.offset(params.range.end.line, params.range.end.character)
        only = params.context.only or []
        wanted = [f for f in findings if f.start <= max(end, start) and start <= f.end]
        out: list[types.CodeAction] = []
        if not only or any(k.startswith(types.CodeActionKind.QuickFix.value) for k in only):
            for f in wanted:
                diag = [diagnostic(f, lines)]
                for action in lspedits.quick_fixes(f):
                    out.append(code_action(action, uri, doc.version, lines,
                                           types.CodeActionKind.QuickFix, diag))
                out.append(code_action(lspedits.suppression(text, f), uri, doc.version, lines,
                                       types.CodeActionKind.QuickFix, diag))
        wants_fix_all = not only or any(FIX_ALL_KIND.startswith(k) or k.startswith(FIX_ALL_KIND)
                                        for k in only)
        if wants_fix_all and any(f.fix is not None for f in findings):
            fixed = self.fix_all(uri, text, doc.language_id)
            edit = lspedits.whole_edit(text, fixed)
            if edit is not None:
                out.append(code_action(lspedits.Action("Correggi tutti i problemi sicuri (sportlint)",
                                                       (edit,)),
                                       uri, doc.version, lines, FIX_ALL_KIND, None))
        return out

    def fix_all(self, uri: str, text: str, language_id: str | None) -> str:
        path = uris.to_fs_path(uri) if uri.startswith("file:") else None
        try:
            config, rules = self.config_for(path)
        except ConfigError:
            return text
        result = fix_result(text, _name(path, uri, language_id), config, False, rules)
        return result.text if result.settled else text


def _name(path: str | None, uri: str, language_id: str | None) -> str | None:
    """The name the document is checked under: Markdown by its suffix, or by languageId."""
    name = path or uri
    if language_id == "markdown" and Path(name).suffix.lower() not in document.MARKDOWN_SUFFIXES:
        return name + ".md"
    return name


def lsp_range(lines: lspedits.Lines, start: int, end: int) -> types.Range:
    return types.Range(types.Position(*lines.position(start)), types.Position(*lines.position(end)))


def diagnostic(f: Finding, lines: lspedits.Lines) -> types.Diagnostic:
    return types.Diagnostic(
        range=lsp_range(lines, f.start, f.end), message=f.message,
        severity=_SEVERITY.get(f.severity, types.DiagnosticSeverity.Warning),
        code=f.rule, code_description=types.CodeDescription(href=doc_url(f.rule)),
        source=SOURCE,
        data={"suggestions": list(f.suggestions),
              "fix": f.fix.applicability.value if f.fix else None})


def code_action(action: lspedits.Action, uri: str, version: int | None, lines: lspedits.Lines,
                kind: str, diagnostics: Sequence[types.Diagnostic] | None) -> types.CodeAction:
    edits: list[types.TextEdit | types.AnnotatedTextEdit | types.SnippetTextEdit] = [
        types.TextEdit(range=lsp_range(lines, e.start, e.end), new_text=e.new_text)
        for e in action.edits]
    change = types.TextDocumentEdit(
        text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
        edits=edits)
    return types.CodeAction(title=action.title, kind=kind, is_preferred=action.preferred or None,
                            diagnostics=list(diagnostics) if diagnostics else None,
                            edit=types.WorkspaceEdit(document_changes=[change]))


def build(state: State) -> SportlintServer:
    server = SportlintServer(state)

    @server.feature(types.INITIALIZE)
    def initialize(ls: SportlintServer, params: types.InitializeParams) -> None:
        options: Any = params.initialization_options
        if isinstance(options, dict):
            if isinstance(options.get("debounce"), (int, float)) and options["debounce"] >= 0:
                state.debounce = float(options["debounce"]) / 1000
            if isinstance(options.get("config"), str) and options["config"]:
                state.config_path = options["config"]

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: SportlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: SportlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, state.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: SportlintServer, params: types.DidSaveTextDocumentParams) -> None:
        name = Path(uris.to_fs_path(params.text_document.uri) or "").name
        if name in CONFIG_NAMES or name == "pyproject.toml":
            state.configs.clear()
            for uri in list(ls.workspace.text_documents):
                ls.schedule(uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: SportlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = state.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        state.checked.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll,
                           FIX_ALL_KIND]))
    def code_actions(ls: SportlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.actions(params)

    return server


def run(config: str | None = None, debounce: float = 0.3) -> None:
    """Serve over standard input and output until the client says exit."""
    build(State(config_path=config, debounce=debounce)).start_io()
