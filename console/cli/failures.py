"""What a failure says: an OS error as what happened to which path and what to do, a writer's failure
as a file-system error naming its target, and a store's refusal in the chosen language."""

from __future__ import annotations

import contextlib
import errno
import os
import re
from collections.abc import Iterator
from pathlib import Path

from console.cli.common import EXIT_FILES, CommandFailed, visible
from console.core.text import Said, in_lang
from console.words import Lang
from console.words.cli import CLI

# errno -> the words that say what happened and what to do (EDQUOT does not exist on every platform).
OS_KEYS = {
    getattr(errno, name): key
    for name, key in (
        ("ENOSPC", "os_ENOSPC"),
        ("EDQUOT", "os_ENOSPC"),
        ("EACCES", "os_EACCES"),
        ("EPERM", "os_EACCES"),
        ("ENAMETOOLONG", "os_ENAMETOOLONG"),
        ("EROFS", "os_EROFS"),
        ("ENOENT", "os_ENOENT"),
        ("ENOTDIR", "os_ENOTDIR"),
        ("EISDIR", "os_EISDIR"),
        ("EEXIST", "os_EEXIST"),
    )
    if hasattr(errno, name)
}

# Libraries that do their own I/O (polars, pyarrow) report the OS error only in their message.
_ERRNO_TEXT = re.compile(r"\(os error (\d+)\)|\[Errno (\d+)\]")


def errno_of(exc: BaseException) -> int | None:
    """The OS error number behind ``exc``: its own, a cause's, or one its message quotes."""
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            break
        if isinstance(seen, OSError) and seen.errno is not None:
            return seen.errno
        match = _ERRNO_TEXT.search(str(seen))
        if match:
            return int(match.group(1) or match.group(2))
        seen = seen.__cause__ or seen.__context__
    return None


def os_reason(exc: BaseException, lang: Lang, path: object = None, writing: bool = False) -> str:
    """What a file-system failure was, to which path, and what to do (without the "error:" prefix).

    ``writing``: ``path`` was being created. "Not found" then means a missing folder; when the folder
    is there, it is one that takes no new files (/proc and other special file systems say ENOENT).
    """
    if path is None and isinstance(exc, OSError):
        path = exc.filename
    number = errno_of(exc)
    if path is None or number is None:  # the message is all there is (it names its own path)
        said = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], Said) else exc
        return visible(in_lang(said, lang), 400)
    folder = Path(str(path)).parent
    if writing and number == errno.ENOENT and folder.is_dir() and not Path(str(path)).exists():
        return CLI("os_no_new_files", lang, path=visible(path), folder=visible(folder))
    key = OS_KEYS.get(number)
    if key is not None:
        return CLI(key, lang, path=visible(path))
    return CLI("os_other", lang, reason=visible(os.strerror(number)), path=visible(path))


@contextlib.contextmanager
def writing(target: Path, lang: Lang, *errors: type[Exception]) -> Iterator[None]:
    """Failures while writing ``target`` become one line naming it (exit 4): an OSError, one of the
    writer's own ``errors`` (ExportError …), or a library error quoting an OS error ("(os error 28)")."""
    try:
        yield
    except CommandFailed:
        raise
    except Exception as exc:
        if not isinstance(exc, (OSError, *errors)) and errno_of(exc) is None:
            raise
        raise CommandFailed(EXIT_FILES, os_reason(exc, lang, target, writing=True)) from None


def told(exc: Exception, lang: Lang, limit: int = 600) -> str:
    """An exception's message in ``lang`` (a catalogue Problem or a Said; other text as it is)."""
    from console.reports.words import in_language

    said = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)
    return visible(in_language(said, lang), limit)


def locked(exc: Exception, lang: Lang) -> str:
    """The dataset lock is held by another ingest or undo."""
    return CLI("dataset_locked", lang, path=visible(getattr(exc, "directory", ""), 600))


def link_refused(exc: Exception, lang: Lang) -> str:
    """A path in the dataset is a symbolic link, which devzones never writes through."""
    return CLI("link_refused", lang, path=visible(getattr(exc, "path", ""), 600))
