"""`sportlint lsp`: the language server over standard input and output
(`sportlint.server.lsp`)."""

from __future__ import annotations

import argparse
import sys

from sportlint.cli.exitcode import ExitCode


def add_parser(sub: argparse._SubParsersAction, summary: str) -> None:
    lsp = sub.add_parser("lsp", help=summary,
                         description="The Language Server Protocol over standard input and "
                                     "output: diagnostics as you type, quick fixes, "
                                     "suppressions. docs/editors.md sets up VS Code, Neovim, "
                                     "Helix and Emacs.")
    lsp.add_argument("--config", metavar="FILE",
                     help="config file for every document (default: the one found upward "
                          "from each document's folder)")
    lsp.add_argument("--debounce", type=_milliseconds, default=300, metavar="MS",
                     help="wait this long after the last keystroke before checking (default: 300)")


def cmd_lsp(args: argparse.Namespace) -> int:
    try:
        from sportlint.server import lsp
    except ImportError as exc:
        print(f"sportlint lsp needs the lsp extra ({exc.name or exc} is missing): "
              "pip install 'sportlint[lsp]'", file=sys.stderr)
        return ExitCode.ERROR
    lsp.run(config=args.config, debounce=args.debounce / 1000)
    return ExitCode.OK


def _milliseconds(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be a whole number of milliseconds, not {value!r}")
    return number
