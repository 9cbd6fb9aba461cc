"""How text sorts: Chinese by pinyin, as a coordinator reads a list (泌阳 before 高新区), other text
case-folded. Numbers and dates keep their own order; only text goes through here."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=65536)
def text_order(text: str) -> tuple[str, ...]:
    """A sort key for ``text``: its pinyin syllables (pypinyin reads place names by their phrases, so
    泌阳 is bi yang), case-folded, with the text itself last to break ties."""
    from pypinyin import lazy_pinyin  # loaded on the first text sort, not at start-up

    return (*(syllable.casefold() for syllable in lazy_pinyin(text)), text)
