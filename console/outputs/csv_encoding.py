"""CSV in a national encoding for older readers (``devzones export --format csv --encoding gb18030``).

utf-8 (with a BOM, which Excel on Chinese Windows reads) stays the default. gb18030 holds every
character; gbk (what "ANSI" means on Chinese Windows) does not hold ✓ and some others. When a cell
cannot be written, the message names the file's line and the column, so the user can choose again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from console.core.text import clean

CSV_ENCODINGS = ("utf-8", "gb18030", "gbk")


def unencodable(
    rows: Sequence[Sequence[Any]], labels: Sequence[str], title: str, lang: str, encoding: str
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
                if lang == "zh":
                    return (
                        f"{title}：CSV 第 {line} 行“{where}”列的字符“{shown}”（U+{ord(char):04X}）"
                        f"无法用 {encoding} 编码；请改用 --encoding gb18030 或 utf-8。未写入任何文件"
                    )
                return (
                    f"{title}: CSV line {line}, column '{where}': the character '{shown}' "
                    f"(U+{ord(char):04X}) cannot be written in {encoding}; use --encoding gb18030 or utf-8. "
                    "Nothing was written"
                )
    return f"{title}: cannot be written in {encoding}"
