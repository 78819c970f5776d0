"""``--output FILE.parquet``: the findings as a Parquet table, one row per finding, for the
analysts who load an archive's audit into DuckDB, pandas or Spark
(``SELECT rule, count(*) FROM 'audit.parquet' GROUP BY rule``).

The columns are the fields of a finding of ``--format json`` (docs/json-output.md), typed:
path, rule, severity, message, text (string); line, column, end_line, end_column, offset,
end_offset (int64); suggestions (list of string); fix (string, null when there is none:
safe, unsafe, suggestion); edits (list of struct offset, end_offset, replacement); also
(list of string: the other rules that reported the same slip). Files
that could not be checked are not rows: the command line reports them on standard error
and with exit code 2, as for every format.

Rows are written in batches as the files are checked, to a temporary file beside FILE that
replaces it once the run is complete, so a run that fails half-way leaves FILE as it was.
Needs ``pyarrow`` (``pip install 'sportlint[parquet]'``, or the ``dask`` extra).
"""

from __future__ import annotations

import os
import tempfile
from typing import Any

from sportlint.findings import FileReport
from sportlint.formatters.json_format import finding_record

INSTALL = "pip install 'sportlint[parquet]'"
#: findings per row group written
BATCH = 50_000
SUFFIXES = (".parquet", ".pq")

COLUMNS = ("path", "line", "column", "end_line", "end_column", "offset", "end_offset", "rule",
           "severity", "message", "text", "suggestions", "fix", "edits", "also")


class ParquetError(Exception):
    """pyarrow is missing, or FILE cannot be written."""


def wanted(path: str | None) -> bool:
    """Whether ``--output PATH`` asks for Parquet (by its suffix)."""
    return bool(path) and str(path).lower().endswith(SUFFIXES)


def schema() -> Any:
    pa = _pyarrow()
    edit = pa.struct([("offset", pa.int64()), ("end_offset", pa.int64()),
                      ("replacement", pa.string())])
    types = {"line": pa.int64(), "column": pa.int64(), "end_line": pa.int64(),
             "end_column": pa.int64(), "offset": pa.int64(), "end_offset": pa.int64(),
             "suggestions": pa.list_(pa.string()), "edits": pa.list_(edit),
             "also": pa.list_(pa.string())}
    return pa.schema([(name, types.get(name, pa.string())) for name in COLUMNS])


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise ParquetError(f"--output FILE.parquet needs pyarrow: {INSTALL}") from None
    return pyarrow


class Writer:
    """Add reports as they come (`add`), then `close` (or `abort`)."""

    def __init__(self, path: str) -> None:
        self.pa = _pyarrow()
        self.path = path
        self.schema = schema()
        folder = os.path.dirname(os.path.abspath(path))
        try:
            fd, self.partial = tempfile.mkstemp(prefix=".sportlint-", suffix=".parquet.tmp",
                                                dir=folder)
            os.close(fd)
            self.writer = self.pa.parquet.ParquetWriter(self.partial, self.schema)
        except OSError as exc:
            raise ParquetError(f"cannot write {path}: {exc.strerror or exc}") from None
        self.rows: list[dict[str, Any]] = []
        self.count = 0

    def add(self, report: FileReport) -> None:
        if report.doc is None:
            return
        self.rows.extend(finding_record(report, f) for f in report.findings)
        if len(self.rows) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            try:
                self.writer.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema))
            except OSError as exc:
                self.abort()
                raise ParquetError(f"cannot write {self.path}: {exc.strerror or exc}") from None
            self.count += len(self.rows)
            self.rows = []

    def close(self) -> None:
        """Write what is left and put the file in place."""
        self._flush()
        try:
            self.writer.close()
            mode = 0o666 & ~_umask()
            os.chmod(self.partial, mode)
            os.replace(self.partial, self.path)
        except OSError as exc:
            self.abort()
            raise ParquetError(f"cannot write {self.path}: {exc.strerror or exc}") from None

    def abort(self) -> None:
        try:
            self.writer.close()
        except Exception:
            pass
        try:
            os.unlink(self.partial)
        except OSError:
            pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write(reports: list[FileReport], path: str) -> None:
    """All the reports' findings to ``path`` at once."""
    writer = Writer(path)
    try:
        for report in reports:
            writer.add(report)
    except BaseException:
        writer.abort()
        raise
    writer.close()
