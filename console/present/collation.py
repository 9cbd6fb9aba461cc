"""How text sorts: Chinese by pinyin, as a coordinator reads a list (泌阳 before 高新区), other text
case-folded. Numbers and dates keep their own order; only text goes through here."""

from __future__ import annotations

from functools import lru_cache

from console.present.typography import HAN_FIRST, HAN_LAST


@lru_cache(maxsize=65536)
def text_order(text: str) -> tuple[str, ...]:
    """A sort key for ``text``: its pinyin syllables (pypinyin reads place names by their phrases, so
    泌阳 is bi yang), case-folded, with the text itself last to break ties."""
    from pypinyin import lazy_pinyin  # loaded on the first text sort, not at start-up

    return (*(syllable.casefold() for syllable in lazy_pinyin(text)), text)


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
