"""Write a fixed draft back without ever losing a byte: to a temporary file beside it,
flushed and synced, with the original's owner, group and permissions, renamed over it only
if the draft on disk still holds the bytes sportlint read; a hard-linked draft is rewritten
in place after a backup copy, so its links survive.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from typing import BinaryIO


class ChangedOnDisk(Exception):
    """The file no longer holds the bytes sportlint read: another program (an editor, a
    second sportlint) wrote it meanwhile, and overwriting it would lose that change."""


def write(path: str, data: bytes, original: bytes) -> None:
    """Replace the file's bytes ``original`` (as read) with ``data``, so that no failure
    at any moment loses either: ``data`` goes to a new temporary file beside the file
    (through a symbolic link, beside its target; the link stays a link), flushed to disk,
    with the file's permissions (and owner and group, where allowed), and is then renamed
    over the file. Just before the rename the file is read again: if it no longer holds
    ``original``, ChangedOnDisk and nothing is written. The temporary file never survives
    a failure.

    A file with several hard links is rewritten in place instead (a rename would give
    this name a new file and leave the other names with the old text), after a backup
    copy of ``original`` beside it, removed once the new bytes are on disk; so is a file
    whose owner or group the new file cannot be given (a colleague's draft that is ours
    to write only through its group). A file this process may not write is refused."""
    target = os.path.realpath(path)
    info = os.stat(target)
    if not stat.S_ISREG(info.st_mode):
        # a FIFO or a device named on the command line: reading it again would block, and
        # a rename would put a plain file in its place
        raise OSError(errno.EINVAL, "not a regular file", target)
    if not info.st_mode & 0o222:
        # renaming over it would work, but a draft marked read-only is not ours to change
        raise PermissionError(errno.EACCES, "the file is read-only", target)
    if not os.access(target, os.W_OK):
        # a colleague's draft in a folder we may write: the same
        raise PermissionError(errno.EACCES, "you may not write this file", target)
    if info.st_nlink > 1:
        _write_in_place(target, data, original)
        return
    tmp = _temporary_copy(target, data, info)
    if not _same_owner(tmp, info):
        # the new file cannot be made the draft's owner's (a group-writable draft of a
        # colleague): rewritten in place, it stays theirs
        _unlink(tmp)
        _write_in_place(target, data, original)
        return
    try:
        if _read(target) != original:
            raise ChangedOnDisk(target)
        os.replace(tmp, target)
        tmp = ""
        _sync_folder(target)
    finally:
        if tmp:
            _unlink(tmp)


def _temporary_copy(target: str, data: bytes, info: os.stat_result) -> str:
    """A new file beside ``target``, holding ``data`` on disk, with its mode, owner and
    group; its name, unique, so that two runs never share one."""
    folder, name = os.path.split(target)
    # the name shortened, so that the temporary one (24 bytes more) still fits the file
    # system's limit (255 bytes) beside a draft whose name nearly reaches it
    while len(os.fsencode(name)) > 100:
        name = name[:-1]
    try:
        import tempfile

        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".sportlint-tmp")
    except OSError as exc:
        # a folder this user may not write (the draft itself may be writable): say so
        raise OSError(exc.errno, f"cannot create a temporary file in {folder}: "
                                 f"{exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            _keep_owner(handle.fileno(), info)
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), stat.S_IMODE(info.st_mode))
            else:       # Windows, before Python 3.13
                os.chmod(tmp, stat.S_IMODE(info.st_mode))
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        _unlink(tmp)
        raise
    return tmp


def _keep_owner(fd: int, info: os.stat_result) -> None:
    """The original's owner and group on the new file, as far as this process may set
    them (root may set both; the owner may set a group it belongs to)."""
    if not hasattr(os, "fchown"):
        return
    for uid in (info.st_uid, -1):
        try:
            os.fchown(fd, uid, info.st_gid)
            return
        except OSError:
            continue


def _same_owner(path: str, info: os.stat_result) -> bool:
    try:
        mine = os.stat(path)
    except OSError:
        return True     # nothing better to do than the rename
    return (mine.st_uid, mine.st_gid) == (info.st_uid, info.st_gid)


class HalfWritten(Exception):
    """A hard-linked file whose in-place write failed and could not be undone; its
    original text is in the backup file ``backup``."""

    def __init__(self, reason: str, backup: str) -> None:
        super().__init__(reason, backup)
        self.reason = reason
        self.backup = backup


def _write_in_place(target: str, data: bytes, original: bytes) -> None:
    """Overwrite a hard-linked file's bytes, keeping its inode (so every name sees the
    fixes): a backup of ``original`` beside it first, removed when ``data`` is on disk;
    should the write fail half-way, ``original`` is put back from memory, and if even
    that fails the backup stays and HalfWritten names it."""
    backup = _temporary_copy(target, original, os.stat(target))
    keep_backup = False
    try:
        with open(target, "r+b") as handle:
            if handle.read() != original:
                raise ChangedOnDisk(target)
            try:
                _overwrite(handle, data)
            except BaseException as exc:
                try:
                    _overwrite(handle, original)
                except BaseException as undo:
                    keep_backup = True      # the file may hold neither text
                    if not isinstance(undo, Exception):     # a second Ctrl-C
                        print(f"sportlint: {target}: interrupted while its original text was "
                              f"put back: it is saved in {backup}", file=sys.stderr)
                        raise
                    raise HalfWritten(getattr(exc, "strerror", None) or str(exc),
                                      backup) from exc
                raise
    finally:
        if not keep_backup:
            _unlink(backup)


def _overwrite(handle: BinaryIO, data: bytes) -> None:
    handle.seek(0)
    handle.write(data)
    handle.truncate()
    handle.flush()
    os.fsync(handle.fileno())


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def _sync_folder(target: str) -> None:
    """Flush the rename itself to disk (where a folder can be opened)."""
    try:
        fd = os.open(os.path.dirname(target) or ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
