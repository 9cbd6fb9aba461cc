"""No line break inside a number, a date, a zone name or a 发文字号 in the Word 通报.

Between every two characters of such a unit goes U+2060 WORD JOINER (Unicode's "no break here"):
verified in LibreOffice 7.4, which then moves the whole unit to the next line (U+200D, Word's
"no-width non break", is ignored by LibreOffice). LibreOffice honours it only where the East Asian
language is not Chinese or Japanese (measured: with ``w:eastAsia="zh-CN"`` its own CJK line rules
broke "1⁠8⁠项" and "8⁠天）"), so the renderer writes each unit as a run of its own tagged
``w:eastAsia="en-US"`` (``unit_runs``); the rest of the text keeps zh-CN. Only the docx renderer applies it: Markdown and
XLSX text stays plain. Units are kept short (a date, a figure with its unit, a name) so that a
justified line is not left ragged. Readers of the docx strip U+2060; pdf text extraction drops it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

WORD_JOINER = "\u2060"
# not words: the patterns of the units kept on one line
_UNITS = re.compile(
    r"\S{0,8}〔\d{4}〕\d+号"  # 驻××办〔2026〕3号
    r"|\d{4}年(?:第[一二三四]季度末?|\d{1,2}月(?:\d{1,2}日)?|第\d+期)?"  # 2026年10月9日, 2026年第三季度
    r"|\d{1,2}月\d{1,2}日"  # 10月9日
    r"|\d{4}Q[1-4]"  # 2026Q3
    r"|[+\-−]?\d+(?:[.,/]\d+)*(?:%|个开发区|个|项|家|名|位|天|亿元|万元|元|号|期|倍|分|mm)?"
)


def unit_spans(text: str, names: Iterable[str] = ()) -> list[tuple[int, int]]:
    """The spans of ``text`` never broken: each of ``names`` where it occurs, then numbers and dates
    outside them, in order."""
    spans: list[tuple[int, int]] = []
    taken = [False] * len(text)
    for name in sorted({n for n in names if len(n) > 1}, key=len, reverse=True):
        for match in re.finditer(re.escape(name), text):
            if not any(taken[match.start() : match.end()]):
                spans.append(match.span())
                taken[match.start() : match.end()] = [True] * (match.end() - match.start())
    for match in _UNITS.finditer(text):
        if match.end() - match.start() > 1 and not any(taken[match.start() : match.end()]):
            spans.append(match.span())
    return sorted(spans)


def joined(text: str, names: Iterable[str] = ()) -> str:
    """``text`` with a word joiner between the characters of each unit (``unit_spans``)."""
    out, at = [], 0
    for start, end in unit_spans(text, names):
        out.append(text[at:start])
        out.append(WORD_JOINER.join(text[start:end]))
        at = end
    out.append(text[at:])
    return "".join(out)


def unit_runs(text: str) -> list[tuple[str, bool]]:
    """``text`` (already ``joined``) cut into pieces, each saying whether it is a joined unit."""
    pieces: list[tuple[str, bool]] = []
    at = 0
    for match in _JOINED.finditer(text):
        if match.start() > at:
            pieces.append((text[at : match.start()], False))
        pieces.append((match.group(), True))
        at = match.end()
    if at < len(text) or not pieces:
        pieces.append((text[at:], False))
    return pieces


# not words: a unit the joiner holds together
_JOINED = re.compile(r"[^\u2060](?:\u2060[^\u2060])+")
