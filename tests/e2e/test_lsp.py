"""`sportlint lsp` driven by pygls's language client over the subprocess's stdio:
initialize, didOpen -> diagnostics, didChange -> new diagnostics, code actions (quick fix,
fix all, suppress), shutdown and exit. Each wait is for a message, never a sleep."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pygls.lsp.client import LanguageClient

DOUBLE = "typography.double-space"
WAIT = 60.0


class Session:
    """A client with a queue of the diagnostics the server publishes."""

    def __init__(self) -> None:
        self.client = LanguageClient("sportlint-tests", "1")
        self.published: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()
        self.encoding = "utf-16"

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def publish(ls: Any, params: types.PublishDiagnosticsParams) -> None:
            self.published.put_nowait(params)

    async def diagnostics(self, uri: str, version: int | None = None) -> list[types.Diagnostic]:
        """The next diagnostics published for ``uri`` (for ``version``, when given)."""
        while True:
            params = await asyncio.wait_for(self.published.get(), WAIT)
            if params.uri == uri and (version is None or params.version == version):
                return list(params.diagnostics)

    def open(self, uri: str, text: str, language: str = "markdown", version: int = 1) -> None:
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=version,
                                                 text=text)))

    async def actions(self, uri: str, diag: types.Diagnostic | None = None,
                      only: list[str] | None = None) -> list[types.CodeAction]:
        rng = diag.range if diag else types.Range(types.Position(0, 0), types.Position(0, 0))
        found = await asyncio.wait_for(self.client.text_document_code_action_async(
            types.CodeActionParams(text_document=types.TextDocumentIdentifier(uri=uri), range=rng,
                                   context=types.CodeActionContext(
                                       diagnostics=[diag] if diag else [], only=only))), WAIT)
        return [a for a in found or [] if isinstance(a, types.CodeAction)]


def run_session(folder: Path, body: Callable[[Session], Awaitable[None]], *args: str,
                capabilities: types.ClientCapabilities | None = None) -> None:
    async def main() -> None:
        session = Session()
        await session.client.start_io(sys.executable, "-m", "sportlint", "lsp", *args, cwd=str(folder))
        exited = False
        try:
            result = await asyncio.wait_for(session.client.initialize_async(types.InitializeParams(
                capabilities=capabilities or types.ClientCapabilities(), process_id=None,
                root_uri=folder.as_uri(), initialization_options={"debounce": 50})), WAIT)
            assert result.server_info is not None and result.server_info.name == "sportlint"
            session.encoding = str(result.capabilities.position_encoding or "utf-16")
            session.client.initialized(types.InitializedParams())
            await body(session)
            await asyncio.wait_for(session.client.shutdown_async(None), WAIT)
            session.client.exit(None)
            exited = True
        finally:
            server = session.client._server
            if server is not None and server.returncode is None:
                try:
                    # after exit the server stops by itself; after a failure it is killed
                    await asyncio.wait_for(server.wait(), 10 if exited else 0.01)
                except TimeoutError:
                    server.kill()
            await asyncio.wait_for(session.client.stop(), 20)
            if server is not None:
                codes.append(server.returncode)

    codes: list[int | None] = []
    asyncio.run(main())
    assert codes == [0]         # shutdown, exit: the server ended by itself, cleanly



def apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP edits (no line holds a character outside the BMP in these texts)."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(p: types.Position) -> int:
        return starts[p.line] + p.character if p.line < len(lines) else len(text)

    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


def edits_of(action: types.CodeAction) -> list[types.TextEdit]:
    assert action.edit is not None and action.edit.document_changes
    change = action.edit.document_changes[0]
    assert isinstance(change, types.TextDocumentEdit)
    return [e for e in change.edits if isinstance(e, types.TextEdit)]


def test_open_change_quick_fix_and_shutdown(tmp_path: Path) -> None:
    draft = tmp_path / "pezzo.md"
    text = "# Cronaca\n\nIl centravanti  ha segnato al 23'.\n"
    draft.write_text(text, encoding="utf-8")
    uri = draft.as_uri()

    async def body(s: Session) -> None:
        s.open(uri, text)
        diags = await s.diagnostics(uri, 1)
        [d] = [d for d in diags if d.code == DOUBLE]
        assert (d.range.start.line, d.range.start.character, d.range.end.character) == (2, 14, 16)
        assert d.severity == types.DiagnosticSeverity.Warning and d.source == "sportlint"
        assert d.code_description is not None and d.code_description.href.endswith("#typographydouble-space")

        # a change: the slip moves after an emoji (two UTF-16 units) on the first line
        new = "# Cronaca 🏆\n\nIl  centravanti ha segnato al 23'.\n"
        s.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=new)]))
        diags = await s.diagnostics(uri, 2)
        [d] = [d for d in diags if d.code == DOUBLE]
        assert (d.range.start.line, d.range.start.character) == (2, 2)

        actions = await s.actions(uri, d)
        titles = [a.title for a in actions]
        fix = next(a for a in actions if a.kind == types.CodeActionKind.QuickFix and "«" in a.title)
        assert apply(new, edits_of(fix)) == "# Cronaca 🏆\n\nIl centravanti ha segnato al 23'.\n"
        suppress = next(a for a in actions if "Ignora" in a.title)
        assert apply(new, edits_of(suppress)).splitlines()[2] == \
            f"<!-- sportlint-disable-next-line {DOUBLE} -->"
        assert any("tutti" in t for t in titles)

    run_session(tmp_path, body)


def test_fix_all_safe_problems_and_a_suppression_that_works(tmp_path: Path) -> None:
    uri = (tmp_path / "nota.txt").as_uri()
    text = "Il il centravanti  ha segnato.\nPoi  basta.\n"

    async def body(s: Session) -> None:
        s.open(uri, text, language="plaintext")
        diags = await s.diagnostics(uri, 1)
        assert sum(d.code == DOUBLE for d in diags) == 2
        [fix_all] = await s.actions(uri, only=["source.fixAll"])
        fixed = apply(text, edits_of(fix_all))
        assert "  " not in fixed and fixed.endswith("basta.\n")

        first = next(d for d in diags if d.code == DOUBLE)
        suppress = next(a for a in await s.actions(uri, first) if "Ignora" in a.title)
        suppressed = apply(text, edits_of(suppress))
        s.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=suppressed)]))
        diags = await s.diagnostics(uri, 2)
        # the comment hides the first line's double space, not the second line's
        assert [d.range.start.line for d in diags if d.code == DOUBLE] == [2]

    run_session(tmp_path, body)


def test_config_from_the_documents_folder_and_its_errors(tmp_path: Path) -> None:
    quiet, broken = tmp_path / "quiet", tmp_path / "broken"
    quiet.mkdir()
    broken.mkdir()
    (quiet / ".sportlint.yaml").write_text(f"disable: [{DOUBLE}]\n", encoding="utf-8")
    (broken / ".sportlint.yaml").write_text("no_such_key: 1\n", encoding="utf-8")
    text = "Il centravanti  ha segnato.\n"

    async def body(s: Session) -> None:
        s.open((quiet / "a.md").as_uri(), text)
        assert all(d.code != DOUBLE for d in await s.diagnostics((quiet / "a.md").as_uri(), 1))
        s.open((tmp_path / "b.md").as_uri(), text)
        assert any(d.code == DOUBLE for d in await s.diagnostics((tmp_path / "b.md").as_uri(), 1))
        s.open((broken / "c.md").as_uri(), text)
        [d] = await s.diagnostics((broken / "c.md").as_uri(), 1)
        assert d.code == "sportlint.config" and "no_such_key" in d.message

    run_session(tmp_path, body)


def test_positions_in_the_encoding_the_client_asked_for(tmp_path: Path) -> None:
    text = "🏆🏆 Il  gol.\n"
    uri = (tmp_path / "a.txt").as_uri()

    async def body(s: Session) -> None:
        assert s.encoding == "utf-32"
        s.open(uri, text, language="plaintext")
        [d] = [d for d in await s.diagnostics(uri, 1) if d.code == DOUBLE]
        assert d.range.start.character == text.index("  ")      # code points, not UTF-16

    run_session(tmp_path, body, capabilities=types.ClientCapabilities(
        general=types.GeneralClientCapabilities(position_encodings=["utf-32"])))


def test_an_unsaved_markdown_buffer_is_markdown(tmp_path: Path) -> None:
    uri = "untitled:Untitled-1"
    text = "Il comando `ls  -l` elenca  tutto.\n"

    async def body(s: Session) -> None:
        s.open(uri, text, language="markdown")
        diags = [d for d in await s.diagnostics(uri, 1) if d.code == DOUBLE]
        # the double space in code is not prose; the one after "elenca" is
        assert [d.range.start.character for d in diags] == [text.index("elenca") + 6]

    run_session(tmp_path, body)


def test_a_missing_extra_is_a_clear_error(monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from sportlint.cli.main import main

    monkeypatch.setitem(sys.modules, "pygls", None)
    monkeypatch.delitem(sys.modules, "sportlint.server.lsp", raising=False)
    assert main(["lsp"]) == 2
    assert "pip install 'sportlint[lsp]'" in capsys.readouterr().err
