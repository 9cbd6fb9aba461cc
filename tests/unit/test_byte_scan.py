"""The reader's quick byte scan (console.core.text.may_hold_removed) tells a clean data file from one
holding a character cleaning removes: when it says "none", the reader skips removing them, so a
wrong "none" would let an escape sequence or a bidi override through to the screen."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from console.core.text import REMOVED, clean, may_hold_removed

# Text like a data file's: Chinese, punctuation sharing lead bytes with removed characters (“” — ，),
# and the removed characters themselves, in every UTF-8 length.
_NEAR = "中文区县，（）“”—…€é\u2030\u2070\uff0c\ufdcf\ufdf0\ufffd\U0001f600\U0010fffd,\n\t\r"
_TEXT = st.text(alphabet=st.sampled_from(_NEAR + REMOVED), max_size=40)


@given(_TEXT)
def test_says_whether_cleaning_would_remove_a_character(text: str) -> None:
    removed = clean(text, keep_newlines=True) != text.replace("\r\n", "\n").replace("\r", "\n").replace(
        "\t", " "
    )
    assert may_hold_removed(text.encode()) == removed


def test_finds_one_removed_character_in_megabytes_of_clean_text() -> None:
    clean_file = ("郑州市，经开区（一期）“园区”—2026,12.5\n" * 60_000).encode()
    assert not may_hold_removed(clean_file)
    for bad in ("\x1b", "\u202e", "\ufffe", "\U0001ffff", "\x85", "\u200f"):
        assert may_hold_removed(clean_file + f"驻马店{bad}\n".encode())


def test_bytes_that_are_not_utf8_are_never_called_clean() -> None:
    assert may_hold_removed("区县".encode("gb18030") + b"\xe2\x80")
