"""The characters of Chinese typography that line breaking, title cutting and sorting test for: blocks
of CJK characters, brackets and marks that may not start or end a line. Data only (character classes,
not words of the console, so not in console/words/)."""

from __future__ import annotations

# CJK characters, compatibility ideographs, full-width forms and CJK punctuation (a regex class body).
CJK_CLASS = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
# Marks that may not start a line, and marks that may not end one.
CLOSING_MARKS = "，。、；：？！）」』》〉】”’,.;:?!)]}%"
OPENING_MARKS = "（「『《〈【“‘([{"
# A bracketed part at the end of a title, full-width or ASCII brackets, with the space before it.
BRACKETED_END = r"(\s*[（(][^（）()]*[）)])\s*$"
OPEN_BRACKETS = ("（", "(")
CLOSE_BRACKETS = "）)"
# What a cut title should not end with: spaces and separating punctuation.
TRAILING_SEPARATORS = " ,，、:：;；-—"
# The block of common Chinese characters (CJK Unified Ideographs), first and last.
HAN_FIRST, HAN_LAST = "\u4e00", "\u9fff"
