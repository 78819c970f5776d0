"""`sportlint serve`: LanguageTool's HTTP API (``/v2/check``, ``/v2/languages``) served by
aiohttp, so that the LanguageTool browser extension, LTeX, Obsidian's plugin or any other
LanguageTool client pointed at it gets sportlint's findings.

- Binds to 127.0.0.1 unless told otherwise: the drafts a newsroom checks stay on the machine.
- A request body over the size limit is refused with 413 before it is read; a text over
  ``max_text_length`` characters with LanguageTool's own 413 message; bad input with 400 and
  a line that says what is wrong (LanguageTool's ``Error: ...`` text answers).
- Checks run in a small pool of threads, each with a time limit (LanguageTool's 500 answer
  when it runs out); more requests waiting than ``max_queue`` get 503, as LanguageTool's.
- Proxy mode (``languagetool``): the same request also goes to a real LanguageTool server
  and its matches are merged into the answer (`sportlint.server.proxy`).
"""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from aiohttp import ClientSession, ClientTimeout, web

from sportlint.server import ltapi, proxy
from sportlint.server.checker import Checker

API_HELP = ("This is sportlint's LanguageTool-compatible API: POST /v2/check with the fields "
            "text (or data) and language=it; GET /v2/languages lists the languages.")


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8081
    max_text_length: int = 100_000       # characters of text, as LanguageTool counts them
    timeout: float = 10.0                # seconds one check may take
    workers: int = 2                     # threads that check
    max_queue: int = 32                  # requests waiting for a thread before 503
    languagetool: str | None = None      # proxy mode: the LanguageTool server's URL
    languagetool_timeout: float = 10.0
    allow_origin: str | None = None      # Access-Control-Allow-Origin, for pages' scripts

    @property
    def max_body(self) -> int:
        """Bytes a request body may have: room for the longest text allowed, URL-encoded
        (up to 9 bytes a character for Italian accents and emoji) and wrapped in annotated
        JSON, and never less than 1 MiB."""
        return max(1 << 20, self.max_text_length * 12 + 65536)


def _error(status: int, message: str) -> web.Response:
    """LanguageTool's error answer: plain text that starts with ``Error:``."""
    text = message if message.startswith("Error:") else f"Error: {message}"
    return web.Response(status=status, text=text, content_type="text/plain")


class Service:
    """The routes; one per server, with its checker, thread pool and proxy session."""

    def __init__(self, checker: Checker, settings: Settings) -> None:
        self.checker = checker
        self.settings = settings
        self.pool = ThreadPoolExecutor(max_workers=settings.workers,
                                       thread_name_prefix="sportlint-check")
        self.waiting = 0
        self.session: ClientSession | None = None

    async def languages(self, request: web.Request) -> web.Response:
        return web.json_response(list(ltapi.LANGUAGES), headers=self._cors())

    async def healthcheck(self, request: web.Request) -> web.Response:
        return web.Response(text="OK", content_type="text/plain")

    async def root(self, request: web.Request) -> web.Response:
        return _error(400, API_HELP)

    async def check(self, request: web.Request) -> web.Response:
        try:
            form: dict[str, str] = {}
            fields = await request.post() if request.method == "POST" else request.query
            for key, value in fields.items():
                if not isinstance(value, str):
                    return _error(400, f"Field {key!r} must be text, not a file upload")
                form.setdefault(key, value)
            for key, value in request.query.items():   # LanguageTool reads both
                form.setdefault(key, value)
        except web.HTTPRequestEntityTooLarge:
            return _error(413, f"Your request exceeds this server's limit of "
                               f"{self.settings.max_body} bytes. Please submit a shorter text.")
        except (UnicodeDecodeError, ValueError) as exc:
            return _error(400, f"Cannot read the request's form fields ({exc})")
        try:
            req = ltapi.Request.from_form(form)
        except ltapi.BadRequest as exc:
            return _error(400, str(exc))
        if not req.italian:
            if self.session is not None and self.settings.languagetool:
                # another language: LanguageTool's answer alone
                found = await proxy.forward(self.session, self.settings.languagetool, form,
                                            self.checker.config)
                if found is not None:
                    return web.json_response(found, headers=self._cors())
            return _error(400, f"sportlint checks Italian only (language=it, it-IT or auto), "
                               f"not {req.language!r}")
        length = len(req.text.plain)
        if length > self.settings.max_text_length:
            return _error(413, ltapi.text_too_long(self.settings.max_text_length, length))
        if self.waiting >= self.settings.max_queue:
            return _error(503, "There are currently too many parallel requests. "
                               "Please try again later.")
        self.waiting += 1
        try:
            loop = asyncio.get_running_loop()
            started = loop.time()
            lint = loop.run_in_executor(self.pool, self.checker.lint, req)
            remote: asyncio.Future[dict[str, Any] | None] | None = None
            if self.session is not None and self.settings.languagetool:
                remote = asyncio.ensure_future(proxy.forward(
                    self.session, self.settings.languagetool, form, self.checker.config))
            try:
                findings = await asyncio.wait_for(lint, self.settings.timeout)
                if loop.time() - started > self.settings.timeout:
                    raise TimeoutError   # finished while the loop waited for its turn
            except TimeoutError:
                if remote is not None:
                    remote.cancel()
                return _error(500, f"Checking took longer than {self.settings.timeout:g} "
                                   "seconds, which is this server's limit. Please consider "
                                   "submitting a shorter text.")
            extra: list[dict[str, Any]] = []
            incomplete = bool(findings.problems)
            if remote is not None:
                lt_answer = await remote
                if lt_answer is None:
                    incomplete = True
                else:
                    ours = ltapi.answer(findings, req.text)["matches"]
                    extra = [m for m in proxy.merge(ours, lt_answer.get("matches") or [])
                             if self.checker.config.is_enabled(f"languagetool.{m['rule']['id']}")]
            body = ltapi.answer(findings, req.text, incomplete=incomplete, extra=extra)
        finally:
            self.waiting -= 1
        return web.json_response(body, headers=self._cors())

    def _cors(self) -> dict[str, str]:
        origin = self.settings.allow_origin
        return {"Access-Control-Allow-Origin": origin} if origin else {}


@web.middleware
async def _errors(request: web.Request, handler: Callable[[web.Request], Any]) -> web.StreamResponse:
    """Every answer in LanguageTool's shape: 404 and 405 too, and an unexpected error."""
    try:
        response: web.StreamResponse = await handler(request)
        return response
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        return _error(exc.status, exc.reason + (": " + request.path if exc.status == 404 else ""))
    except Exception as exc:    # a bug: the client gets a line, the server keeps serving
        print(f"sportlint serve: internal error on {request.path}: {exc!r}", file=sys.stderr)
        return _error(500, f"Internal Error: {exc}")


def make_app(checker: Checker, settings: Settings) -> web.Application:
    service = Service(checker, settings)
    app = web.Application(client_max_size=settings.max_body, middlewares=[_errors])
    app.router.add_get("/v2/languages", service.languages)
    app.router.add_get("/v2/healthcheck", service.healthcheck)
    app.router.add_route("GET", "/v2/check", service.check)
    app.router.add_route("POST", "/v2/check", service.check)
    app.router.add_get("/", service.root)

    async def session(app: web.Application) -> Any:
        if settings.languagetool:
            service.session = ClientSession(timeout=ClientTimeout(total=settings.languagetool_timeout))
        yield
        if service.session is not None:
            await service.session.close()
        service.pool.shutdown(wait=False, cancel_futures=True)

    app.cleanup_ctx.append(session)
    return app


async def serve(checker: Checker, settings: Settings,
                announce: Callable[[str], None] | None = None) -> None:
    """Serve until SIGINT or SIGTERM; ``announce`` gets the address once it listens."""
    app = make_app(checker, settings)
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, settings.host, settings.port)
    await site.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):    # not on this platform's loop
            pass
    host, port = runner.addresses[0][:2]
    if announce is not None:
        announce(f"http://{'[' + host + ']' if ':' in host else host}:{port}")
    try:
        await stop.wait()
    finally:
        await runner.cleanup()
