"""File safety in one place: atomic writes, safe placement, files moved in as a set, the dataset lock.

Every writer in devzones (config, export, bulletin, template, generate, ingest, undo, the view cache)
goes through here. A file is rendered in memory, written in full to a temporary file in its target's
folder, flushed to disk (fsync) and only then given its final name, so nobody ever sees half a file
under the final name. Temporary files are created by ``os.open(..., 0o666)`` and folders by
``os.mkdir(..., 0o777)``, so the process umask applies as it does to any file the user creates (a
group sharing a dataset with umask 002 can each finish what another left); the umask is never changed.

The low-level calls go through ``os.write``, ``os.fsync``, ``os.replace`` and ``os.link`` so that
tests can inject a full disk at any one of them.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import secrets
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO

from console.core.text import said_both
from console.words.config import FILES

Writer = Callable[[IO[bytes]], object]  # what it returns (a byte count, say) is ignored

LOCK_NAME = ".devzones.lock"
LOCK_TIMEOUT = 10.0  # seconds an ingest or undo waits for another one before giving up
TEMP_SUFFIX = ".tmp"
# Errors meaning "this file system has no hard links": placement falls back to an O_EXCL reservation.
_NO_LINKS = {errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP}
_NO_FOLDER_SYNC = {errno.EINVAL, errno.EBADF, errno.EACCES, errno.EPERM, errno.EISDIR, errno.ENOTSUP}


class NoFreeName(FileExistsError):
    """Every numbered name for a file is taken."""


class DatasetLocked(Exception):
    """Another ingest or undo holds the dataset lock for longer than we wait."""

    def __init__(self, directory: Path) -> None:
        # The words in each language are the CLI's catalogue ("dataset_locked"); this is the log's.
        # not words: the log's line; the CLI and the console say it in the user's language (dataset_locked)
        super().__init__(f"{directory}: the dataset is locked by another ingest; try again.")
        self.directory = directory


class LinkRefused(Exception):
    """A symbolic link where devzones would write inside a dataset (it could lead outside it)."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


def refuse_links(*paths: Path) -> None:
    """LinkRefused naming the first of ``paths`` that is a symbolic link."""
    for path in paths:
        if path.is_symlink():
            raise LinkRefused(path)


# -- primitives -------------------------------------------------------------------------------------------


def render(write: Writer) -> bytes:
    """The bytes ``write`` produces (writers write to a handle; we keep them in memory first)."""
    buffer = io.BytesIO()
    write(buffer)
    return buffer.getvalue()


def _create_exclusive(path: Path) -> int:
    """A new file opened for writing; FileExistsError if the name is taken. The umask applies."""
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (new names) to disk, where the platform allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open a folder; its renames are durable enough
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in _NO_FOLDER_SYNC:
            raise
    finally:
        os.close(fd)


def write_new(path: Path, data: bytes) -> None:
    """Create ``path`` (which must not exist) holding ``data``, flushed to disk; removed on failure."""
    fd = _create_exclusive(path)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def _short(name: str) -> str:
    """The start of ``name`` for a temporary name (a long final name must not make it too long)."""
    return name[:40]


def temp_name(folder: Path, name: str) -> Path:
    """A fresh hidden name for a temporary file beside ``name`` in ``folder``."""
    return folder / f".{_short(name)}.{secrets.token_hex(4)}{TEMP_SUFFIX}"


def write_temp(folder: Path, name: str, data: bytes) -> Path:
    """``data`` in a new hidden temporary file in ``folder``, flushed to disk; returns its path."""
    while True:
        tmp = temp_name(folder, name)
        try:
            write_new(tmp, data)
        except FileExistsError:
            continue
        return tmp


_TEMP_NAME = re.compile(r"^\..+\.[0-9a-f]{8}" + re.escape(TEMP_SUFFIX) + "$")


def is_temp(path: Path) -> bool:
    """Whether ``path`` is named as the temporary files this module makes (left only by a crash)."""
    return bool(_TEMP_NAME.match(path.name))


def atomic_write_bytes(path: Path, data: bytes) -> Path:
    """Replace ``path`` with ``data`` atomically: readers see the old file or the new, never half."""
    tmp = write_temp(path.parent, path.name, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)
    return path


# -- safe placement: never overwrite without force ------------------------------------------------------


def folder_problem(folder: Path) -> str | None:
    """Why files cannot be written into ``folder`` (it is missing or not writable), or None."""
    if not folder.is_dir():
        return said_both(FILES, "no_folder", folder=folder)
    if not os.access(folder, os.W_OK | os.X_OK):
        return said_both(FILES, "not_writable", folder=folder)
    return None


def split_name(name: str) -> tuple[str, str]:
    """('report', '.csv'); a manifest keeps its data file's suffix: ('z', '.json.manifest.toml')."""
    tail = ".manifest.toml" if name.endswith(".manifest.toml") and name != ".manifest.toml" else ""
    base = name[: len(name) - len(tail)]
    stem, dot, ext = base.rpartition(".")
    if not dot or not stem:
        return base, tail
    return stem, dot + ext + tail


def numbered(path: Path, n: int) -> Path:
    """``path`` itself for n = 1, else x-2.csv, x-3.csv …"""
    if n == 1:
        return path
    stem, suffix = split_name(path.name)
    return path.with_name(f"{stem}-{n}{suffix}")


MAX_NUMBER = 9999


def _claim(source: Path, target: Path) -> bool:
    """Give ``source``'s content the name ``target`` only if that name is free; False if taken.

    A hard link fails when the name exists, so two writers never take the same name. Where hard
    links are not supported, the name is reserved with an exclusive create and then replaced.
    """
    try:
        os.link(source, target)
        return True
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
    copy = source.with_name(source.name + ".copy")  # the source may be needed again for the next number
    write_new(copy, source.read_bytes())
    try:
        os.close(_create_exclusive(target))
    except FileExistsError:
        copy.unlink()
        return False
    try:
        os.replace(copy, target)
    except BaseException:
        target.unlink(missing_ok=True)
        copy.unlink(missing_ok=True)
        raise
    return True


def place(path: Path, write: Writer, force: bool = False) -> Path:
    """Write ``path`` safely; returns where it went.

    Without ``force`` an existing file is never replaced: the name gets -2, -3 … instead, and two
    writers at the same moment both keep their files.
    """
    return place_together([(path, write)], force)[0]


def place_together(
    files: Sequence[tuple[Path, Writer]],
    force: bool = False,
    manifest: tuple[Path, Callable[[list[Path]], Writer]] | None = None,
) -> list[Path]:
    """Write several files into one folder as a set: all of them appear, or none does.

    The files are written to a temporary folder beside the targets first, then moved in. Without
    ``force`` every name of the set gets the same number (x-2.csv with x-2.csv.manifest.toml) and
    nothing is overwritten; with ``force`` replaced files are restored if a later one fails.
    ``manifest`` is (its path, a function of the final paths giving its writer). Returns the final
    paths, the manifest last.
    """
    if not files:
        return []
    folder = files[0][0].parent
    contents = [render(write) for _, write in files]  # a writer that fails leaves no trace at all
    staging = _make_temp_folder(folder, files[0][0].name)
    placed: list[Path] = []
    backups: list[tuple[Path, Path]] = []
    try:
        staged = []
        for i, data in enumerate(contents):
            staged.append(staging / f"{i}.part")
            write_new(staged[-1], data)
        targets = [path for path, _ in files] + ([manifest[0]] if manifest else [])
        for n in range(1, 2 if force else MAX_NUMBER + 1):
            names = [numbered(t, n) for t in targets]
            if manifest:
                (staging / "manifest.part").unlink(missing_ok=True)
                write_new(staging / "manifest.part", render(manifest[1](names[:-1])))
                sources = [*staged, staging / "manifest.part"]
            else:
                sources = staged
            if force:
                for i, (source, name) in enumerate(zip(sources, names, strict=True)):
                    if name.exists():
                        backup = staging / f"{i}.backup"
                        link_or_copy(name, backup)
                        backups.append((backup, name))
                    os.replace(source, name)
                    placed.append(name)
                break
            if _claim_all(sources, names, placed):
                break
        else:
            # not words: both callers catch it and say their own words
            raise NoFreeName(errno.EEXIST, "no free file name", str(targets[0]))
        fsync_folder(folder)
        return placed
    except BaseException:
        restored = {name for _, name in backups}
        for name in placed:
            if name not in restored:
                name.unlink(missing_ok=True)
        for backup, name in backups:
            with contextlib.suppress(OSError):
                os.replace(backup, name)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _claim_all(sources: list[Path], names: list[Path], placed: list[Path]) -> bool:
    """Claim every name or none (names already claimed in this round are given back)."""
    for source, name in zip(sources, names, strict=True):
        if not _claim(source, name):
            for taken in placed:
                taken.unlink(missing_ok=True)
            placed.clear()
            return False
        placed.append(name)
    return True


def link_or_copy(source: Path, target: Path) -> None:
    """``target`` as a second name (or, without hard links, a copy) of ``source``."""
    try:
        os.link(source, target)
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        shutil.copy2(source, target)


def make_folder(parent: Path, prefix: str, suffix: str = "") -> Path:
    """A new folder ``parent/<prefix><8 hex digits><suffix>``, created with the process umask.

    ``tempfile.mkdtemp`` makes folders 0700 whatever the umask: on a dataset shared by a group
    (umask 002, a setgid folder) another member could then not finish or clean up after a crash.
    """
    while True:
        path = parent / f"{prefix}{secrets.token_hex(4)}{suffix}"
        try:
            os.mkdir(path, 0o777)
        except FileExistsError:
            continue
        return path


def _make_temp_folder(folder: Path, name: str) -> Path:
    sweep_stale_staging(folder)
    return make_folder(folder, f".{_short(name)}.", TEMP_SUFFIX)


STALE_AFTER = 3600.0  # seconds: a staging folder this old belongs to an export that was killed
_STAGING_NAME = re.compile(r"^\..+\.[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX) + "$")
_STAGED_PART = re.compile(r"^(\d+|manifest)\.part$")


def sweep_stale_staging(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the hidden staging folders an export killed part-way left in ``folder``; returns them.

    Only folders named as :func:`place_together` names them, older than an hour (a running export
    is never touched) and holding nothing but staged ``N.part`` files are removed: one that holds a
    ``.backup`` (the old file of a forced overwrite) is left for the user. Errors are ignored.
    """
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not _STAGING_NAME.match(entry.name):
            continue
        try:
            if (
                not entry.is_dir(follow_symlinks=False)
                or now - entry.stat(follow_symlinks=False).st_mtime < STALE_AFTER
            ):
                continue
            inside = os.listdir(entry.path)
            if not all(_STAGED_PART.match(name) for name in inside):
                continue
            shutil.rmtree(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


# -- the dataset lock ---------------------------------------------------------------------------------------


@contextlib.contextmanager
def dataset_lock(directory: Path, timeout: float | None = None) -> Iterator[None]:
    """An exclusive lock on the dataset at ``directory``; DatasetLocked after ``timeout`` seconds."""
    from filelock import FileLock, Timeout

    refuse_links(directory / LOCK_NAME)  # the lock file is opened for writing: never through a link
    lock = FileLock(directory / LOCK_NAME, timeout=LOCK_TIMEOUT if timeout is None else timeout)
    try:
        lock.acquire()
    except Timeout:
        raise DatasetLocked(directory) from None
    try:
        yield
    finally:
        lock.release()
