"""How a data file's problems are told, in Chinese and English, from one catalogue of messages and places.

:func:`said` makes a :class:`~console.core.text.Said` (the English words as the string, the Chinese
ones in ``zh``) from a key of the catalogue ``console.words.data.DATA``, so a DataError's message is made once, before the
language is known, and shown in either. Fields that are themselves ``Said`` are filled in the
matching language. Values quoted from a data file are not part of these words: DataError carries them
apart and quotes them as they are (cleaned). Library and OS error texts (English) are kept in the
English form only; the Chinese one says what happened in Chinese.
"""

from __future__ import annotations

import errno

from console.core.text import Said, clean, said_both
from console.words.data import DATA

# The catalogue's key for each operating-system reason a file cannot be read (the Chinese words; the
# English form keeps the OS's own).
_OS_REASONS: dict[int, str] = {
    errno.ENOENT: "os_enoent",
    errno.EACCES: "os_eacces",
    errno.EPERM: "os_eperm",
    errno.EISDIR: "os_eisdir",
    errno.ENOTDIR: "os_enotdir",
    errno.ENAMETOOLONG: "os_enametoolong",
    errno.EIO: "os_eio",
    errno.ELOOP: "os_eloop",
}


def said(key: str, **fields: object) -> Said:
    """The message ``key`` with ``fields`` filled in, in both languages (Said fields in the matching one)."""
    return said_both(DATA, key, **{k: v if isinstance(v, Said) else str(v) for k, v in fields.items()})


def joined(items: list[str], sep: str = "list_sep") -> Said:
    """``items`` joined as each language joins a list (', ' / '、'; ' or ' / '或')."""
    zh, en = DATA.pair(sep)
    return Said(en.join(items), zh.join(items))


def os_reason(exc: OSError) -> Said:
    """Why the operating system would not let us read a file: its own words, and ours in Chinese."""
    reason = exc.strerror or type(exc).__name__
    return Said(clean(reason), DATA(_OS_REASONS.get(exc.errno or 0, "os_other"), "zh"))


def detail(exc: BaseException) -> str:
    """A library error's first line (English), for the English form of a message only."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return clean(text)
