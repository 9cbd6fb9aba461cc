"""How text sorts: Chinese by pinyin, as a coordinator reads a list (泌阳 before 高新区), other text
case-folded. Numbers and dates keep their own order; only text goes through here.

The pinyin comes from ``pinyin_table.txt`` beside this module, generated from pypinyin
(``python -m tests.support.pinyin_table``): each character's reading and the phrases pypinyin reads
differently (泌阳 bì yáng), for the characters the plan's data and the console use. It is read the way
pypinyin reads (forward maximum matching over its phrases), so the order is pypinyin's; but it costs
about 5 MB where pypinyin's dictionaries held 57 MB in every session.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from console.present.typography import HAN_FIRST, HAN_LAST

# not words: the characters pypinyin reads as Chinese (its RE_HANS), other runs are kept whole
_HANS = re.compile(
    "([\u3007\ue815-\ue864\ufa18\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002a6df\U0002a703-\U0002b73f\U0002b740-\U0002b81d\U0002b825-\U0002bf6e"
    "\U0002c029-\U0002ce93\U0002d016\U0002d11b-\U0002ebd9\U0002f80a-\U0002fa1f"
    "\U00030000-\U0003134a\U00031350-\U00032389]+)"
)


class _Table:
    """The readings of ``pinyin_table.txt``: characters in blocks by code point, phrases, prefixes."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.starts: list[int] = []
        self.blocks: list[list[str]] = []
        self.phrases: dict[str, tuple[str, ...]] = {}
        self.prefixes: set[str] = set()
        start = 0
        for raw in lines:
            line = raw.rstrip("\n")
            mark, rest = line[:1], line[1:]
            if mark == "@":
                start = int(rest, 16)
            elif mark == "=":
                phrase, _, reading = rest.partition(" ")
                self.phrases[phrase] = tuple(sys.intern(s) for s in reading.split(" "))
            elif mark == ">" and rest not in self.phrases:
                self.prefixes.add(rest)
            elif mark not in "#%" and line:
                self.starts.append(start)
                self.blocks.append([sys.intern(s) for s in line.split(" ")])

    def char(self, ch: str) -> str:
        """``ch``'s reading, or ``ch`` itself when it has none."""
        cp = ord(ch)
        at = bisect.bisect_right(self.starts, cp) - 1
        if at >= 0 and cp - self.starts[at] < len(self.blocks[at]):
            reading = self.blocks[at][cp - self.starts[at]]
            if reading != "-":
                return reading
        return ch

    def run(self, han: str) -> list[str]:
        """A run of Chinese characters read as pypinyin reads it: the longest known phrase first."""
        out: list[str] = []
        rest = han
        while rest:
            longest, whole = "", True
            for end in range(2, len(rest) + 1):
                if rest[:end] not in self.prefixes and rest[:end] not in self.phrases:
                    whole = False
                    break
                if rest[:end] in self.phrases:
                    longest = rest[:end]
            if longest:
                out.extend(self.phrases[longest])
                rest = rest[len(longest) :]
            elif whole:  # all of it starts a longer phrase that it is not: read character by character
                out.extend(self.char(ch) for ch in rest)
                rest = ""
            else:
                out.append(self.char(rest[0]))
                rest = rest[1:]
        return out


@lru_cache(maxsize=1)
def _table() -> _Table:
    """The pinyin table, read on the first text sort, not at start-up."""
    with Path(__file__).with_name("pinyin_table.txt").open(encoding="utf-8") as lines:
        return _Table(lines)


def syllables(text: str) -> list[str]:
    """``text`` in pinyin as pypinyin's ``lazy_pinyin`` gives it: a syllable per Chinese character,
    other runs (Latin, digits, punctuation) whole."""
    table = _table()
    out: list[str] = []
    for i, part in enumerate(_HANS.split(text)):
        if i % 2:
            out.extend(table.run(part))
        elif part:
            out.append(part)
    return out


@lru_cache(maxsize=65536)
def text_order(text: str) -> tuple[str, ...]:
    """A sort key for ``text``: its pinyin syllables (place names read by their phrases, so 泌阳 is
    bi yang), case-folded, with the text itself last to break ties."""
    return (*(syllable.casefold() for syllable in syllables(text)), text)


_CJK_NAME = 20  # cells longer than this are sentences, not names: not read as pinyin


@lru_cache(maxsize=65536)
def pinyin_forms(text: str) -> tuple[str, str]:
    """``text``'s pinyin run together and its initials ("pingyuxian", "pyx"), case-folded, for typing a
    Chinese name on a keyboard without a Chinese input method; ("", "") for text with no Chinese or
    longer than a name."""
    if len(text) > _CJK_NAME or not any(HAN_FIRST <= ch <= HAN_LAST for ch in text):
        return "", ""
    syllables = [s for s in text_order(text)[:-1] if s.strip()]
    return "".join(syllables).replace(" ", ""), "".join(s[:1] for s in syllables)


def name_matches(query: str, *names: str | None) -> bool:
    """Whether a typed query finds a name: part of any of ``names`` (Chinese or English), or of a
    Chinese name's pinyin (``suiping``) or initials (``sp``), ignoring case and spaces. The one
    matcher of the county dialog and the command palette."""
    q = "".join(query.split()).casefold()
    if not q:
        return True
    for name in filter(None, names):
        if q in "".join(name.split()).casefold() or pinyin_matches(q, name):
            return True
    return False


def pinyin_matches(needle: str, text: str) -> bool:
    """Whether a Latin-letter ``needle`` (case-folded, no spaces) is in ``text``'s pinyin or initials."""
    full, initials = pinyin_forms(text)
    return bool(full) and (needle in full or needle in initials)
