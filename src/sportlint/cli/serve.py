"""`sportlint serve`: the LanguageTool-compatible HTTP server (`sportlint.server.http`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sportlint.cli.exitcode import ExitCode

HELP = """\
Point a LanguageTool client at the address this prints (default http://127.0.0.1:8081):

  LanguageTool browser extension (Chrome, Firefox, Edge; Google Docs, Word online, a CMS):
    Settings -> Advanced settings -> LanguageTool server -> "Local server (localhost)"
    or "Other server": http://127.0.0.1:8081/v2
  LTeX (VS Code, Neovim, ...):   "ltex.languageToolHttpServerUri": "http://127.0.0.1:8081/"
                                 "ltex.language": "it"
  Obsidian (LanguageTool plugin): Settings -> LanguageTool -> Endpoint: Custom URL
                                 http://127.0.0.1:8081
  Python: language_tool_python.LanguageTool("it", remote_server="http://127.0.0.1:8081")

The config is --config FILE, or the .sportlint.yaml (or pyproject.toml) found upward from
the folder the server starts in. --languagetool URL also asks a real LanguageTool server and
merges its matches, so one address gives both. docs/editors.md has every set-up.
"""


def add_parser(sub: argparse._SubParsersAction, summary: str) -> None:
    serve = sub.add_parser("serve", help=summary,
                           description="Serve LanguageTool's HTTP API (/v2/check, /v2/languages) "
                                       "with sportlint's findings.",
                           epilog=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=_port, default=8081,
                       help="port (default: 8081, LanguageTool's; 0 picks a free one)")
    serve.add_argument("--config", metavar="FILE",
                       help="config file (default: searched upward from the current folder)")
    serve.add_argument("--languagetool", metavar="URL",
                       help="also ask this LanguageTool server and merge its matches "
                            "(default: languagetool.url of the config, if set)")
    serve.add_argument("--max-text-length", type=_positive_int, default=100_000, metavar="N",
                       help="refuse texts longer than N characters with 413 (default: 100000)")
    serve.add_argument("--timeout", type=_positive_float, default=10.0, metavar="SECONDS",
                       help="time limit of one check (default: 10)")
    serve.add_argument("--workers", type=_positive_int, default=2, metavar="N",
                       help="threads that check requests (default: 2)")
    serve.add_argument("--allow-origin", metavar="ORIGIN",
                       help="send Access-Control-Allow-Origin: ORIGIN, for web pages' scripts")


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        from sportlint.server import http
    except ImportError as exc:
        print(f"sportlint serve needs the server extra ({exc.name or exc} is missing): "
              "pip install 'sportlint[server]'", file=sys.stderr)
        return ExitCode.ERROR
    from sportlint.config.loader import load_config
    from sportlint.server.checker import Checker

    config = load_config(args.config, search_from=Path.cwd())
    url = args.languagetool or config.languagetool.get("url") or None
    settings = http.Settings(host=args.host, port=args.port, max_text_length=args.max_text_length,
                             timeout=args.timeout, workers=args.workers, languagetool=url,
                             languagetool_timeout=float(config.languagetool.get("timeout") or 10.0),
                             allow_origin=args.allow_origin)
    checker = Checker(config)
    checker.warm_up()

    def announce(address: str) -> None:
        where = f"config {config.source}" if config.source else "the default config"
        also = f", with LanguageTool at {url}" if url else ""
        print(f"sportlint serve: listening on {address} ({where}{also}); "
              f"LanguageTool clients: {address}/v2", file=sys.stderr, flush=True)

    import asyncio

    try:
        asyncio.run(http.serve(checker, settings, announce))
    except OSError as exc:
        print(f"sportlint serve: cannot listen on {args.host}:{args.port}: "
              f"{exc.strerror or exc}", file=sys.stderr)
        return ExitCode.ERROR
    return ExitCode.OK


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"must be a port number from 0 to 65535, not {value!r}")
    return port


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number, 1 or more, not {value!r}")
    return number


def _positive_float(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not number > 0 or number == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a number of seconds above 0, not {value!r}")
    return number
