"""Drafts named by an fsspec URL (``s3://bucket/archive/*.md``, ``gs://...``, ``file://...``):
an archive in object storage, read by this process or by the workers of a Dask cluster.

fsspec comes with the ``dask`` extra (``pip install 'sportlint[dask]'``); each storage has
its own package (``s3fs`` for ``s3://``, ``gcsfs`` for ``gs://``), which fsspec names when it
is missing. A plain path never imports fsspec.
"""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.source.document import InputError
from sportlint.util import lazyregex

#: a URL's scheme (two letters at least, so that a Windows drive ``C:\\`` is a path)
_URL = lazyregex.compile(r"^[A-Za-z][A-Za-z0-9+.\-]+://")
#: what a folder or a glob of an archive yields (as for local folders: cli/discovery.py)
TEXT_SUFFIXES = (".md", ".markdown", ".txt")
INSTALL = "pip install 'sportlint[dask]'"


class RemoteError(Exception):
    """A URL that cannot be listed: the message says why (fsspec missing, no such bucket)."""


def is_url(path: str) -> bool:
    return bool(_URL.match(path))


def _fsspec() -> object:
    try:
        import fsspec
    except ImportError:
        raise RemoteError(f"reading URLs needs fsspec: {INSTALL} (and the storage's own "
                          "package, such as s3fs for s3://)") from None
    return fsspec


def expand(url: str) -> Iterator[str]:
    """The drafts a URL names: itself when it is a file; the ``*.md``, ``*.markdown`` and
    ``*.txt`` files under it when it is a folder; the files a glob (``*``, ``?``, ``[``)
    matches. Sorted, as local folders are walked."""
    fsspec = _fsspec()
    try:
        fs, root = fsspec.core.url_to_fs(url)     # type: ignore[attr-defined]
        if any(c in root for c in "*?["):
            found = [p for p in fs.glob(root) if not fs.isdir(p)]
        elif fs.isdir(root):
            # as a local folder is walked: drafts only, hidden folders (.git) skipped
            top = root.rstrip("/")
            found = [p for p in fs.find(root) if p.lower().endswith(TEXT_SUFFIXES)
                     and not any(part.startswith(".") for part in p[len(top):].split("/")[:-1])]
        else:
            yield url           # a file, named as given (or missing: reading it says so)
            return
    except ImportError as exc:      # the storage's package: "Install s3fs to access S3"
        raise RemoteError(f"{exc}") from None
    except OSError as exc:
        raise RemoteError(f"{exc.strerror or exc}") from None
    for path in sorted(found):
        yield fs.unstrip_protocol(path)


def read(url: str) -> bytes:
    """The bytes of the file a URL names; InputError naming it when it cannot be read."""
    try:
        fsspec = _fsspec()
        with fsspec.open(url, "rb") as handle:     # type: ignore[attr-defined]
            data: bytes = handle.read()
            return data
    except RemoteError as exc:
        raise InputError(url, str(exc)) from None
    except FileNotFoundError:
        raise InputError(url, "No such file or directory") from None
    except IsADirectoryError:
        raise InputError(url, "is a directory, not a text draft") from None
    except ImportError as exc:
        raise InputError(url, str(exc)) from None
    except OSError as exc:
        raise InputError(url, exc.strerror or str(exc)) from None
