"""The newsroom's names files (config ``names.files``), as ``sportlint names learn``
writes them: its local clubs and players, counted as known names by the names rules.

A names file is YAML::

    # sportlint names file
    names:
      - name: Polisportiva Valdarno     # a name: known to every names rule
        count: 5
        variants:                        # forms seen near it, for an editor to review
          - {form: Polisportiva Valdarmo, count: 1, review: true}
      - Ludovico Marangoni               # a bare string is a name too

Only the ``name`` entries count; the variants are there to be read (a variant an editor
finds right is moved to an entry of its own). A file that cannot be read, or whose shape is
not this one, is a config error that names the file.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any


class NamesFileError(ValueError):
    """A names file that cannot be used; the message names the file."""


def names(paths: tuple[str, ...]) -> tuple[str, ...]:
    """The names of every file of ``paths``, in order (read once per file version)."""
    out: list[str] = []
    for path in paths:
        try:
            st = os.stat(path)
        except OSError as exc:
            raise NamesFileError(f"{path}: cannot read names file ({exc.strerror})") from None
        out.extend(_read(path, st.st_size, st.st_mtime_ns))
    return tuple(out)


@lru_cache(maxsize=32)
def _read(path: str, size: int, mtime: int) -> tuple[str, ...]:
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise NamesFileError(f"{path}: cannot read names file ({exc})") from None
    except yaml.YAMLError as exc:
        raise NamesFileError(f"{path}: invalid YAML in names file ({exc})") from None
    if data is None:
        return ()
    if not isinstance(data, dict) or not isinstance(data.get("names", []), list):
        raise NamesFileError(f"{path}: a names file is a mapping with a list 'names' "
                             f"(as `sportlint names learn` writes it)")
    return tuple(_entry(path, i, e) for i, e in enumerate(data.get("names") or [], 1))


def _entry(path: str, i: int, entry: Any) -> str:
    name = entry.get("name") if isinstance(entry, dict) else entry
    if not isinstance(name, str) or not name.strip() or "\n" in name:
        raise NamesFileError(f"{path}: entry {i} of 'names': a name is a one-line string "
                             f"or a mapping with 'name', not {entry!r}")
    return name.strip()
