"""words.in_lang_of: a value of the data in a language, from its Chinese and its English twin."""

from __future__ import annotations

from console.words import in_lang_of


def test_english_twin_in_english_chinese_in_chinese() -> None:
    assert in_lang_of("高新区", "Hi-tech Zone", "en") == "Hi-tech Zone"
    assert in_lang_of("高新区", "Hi-tech Zone", "zh") == "高新区"


def test_an_empty_or_missing_twin_falls_back_to_the_chinese() -> None:
    assert in_lang_of("高新区", None, "en") == "高新区"
    assert in_lang_of("高新区", "", "en") == "高新区"
    assert in_lang_of(["驿城区"], [], "en") == ["驿城区"]  # lists too (the CLI's county choices)
