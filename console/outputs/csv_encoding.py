"""CSV in a national encoding for older readers (``devzones export --format csv --encoding gb18030``).

utf-8 (with a BOM, which Excel on Chinese Windows reads) stays the default. gb18030 holds every
character; gbk (what "ANSI" means on Chinese Windows) does not hold ✓ and some others. When a cell
cannot be written, the message names the file's line and the column, so the user can choose again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from console.core.text import clean
from console.words import Lang
from console.words.exports import EXPORTS

CSV_ENCODINGS = ("utf-8", "gb18030", "gbk")


def unencodable(
    rows: Sequence[Sequence[Any]], labels: Sequence[str], title: str, lang: Lang, encoding: str
) -> str:
    """Why ``rows`` (the heading row first) cannot be written in ``encoding``: the first cell that
    cannot, by its line in the file and its column, in ``lang``."""
    for line, row in enumerate(rows, start=1):
        for col, cell in enumerate(row):
            try:
                str(cell).encode(encoding)
            except UnicodeEncodeError as exc:
                char = str(cell)[exc.start]
                shown, where = clean(char) or "?", clean(labels[col])
                return EXPORTS(
                    "unencodable",
                    lang,
                    title=title,
                    line=line,
                    where=where,
                    char=shown,
                    code=ord(char),
                    encoding=encoding,
                )
    return EXPORTS("unencodable_somewhere", lang, title=title, encoding=encoding)
