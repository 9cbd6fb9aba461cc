"""The Word bulletin's typefaces and numerals, as data (file-format tokens, not words to translate):
the faces GB/T 9704 names (the document names the first of each; the others are what Windows and
Linux have, for the fontconfig fallback in console/outputs/fonts.conf), and the Chinese numerals of
its second-level headings (（一）). Kept apart so the catalogue test can allow this module's literals.
"""

from __future__ import annotations

LATIN = "Times New Roman"
# (the face GB/T 9704 names, what Windows in Chinese has, what Linux and macOS with CJK fonts have)
TITLE_FONT = ("方正小标宋简体", "宋体", "Noto Serif CJK SC")
BODY_FONT = ("仿宋_GB2312", "仿宋", "Noto Serif CJK SC")
HEADING_FONT = ("黑体", "SimHei", "Noto Sans CJK SC")
SUBHEADING_FONT = ("楷体_GB2312", "楷体", "Noto Serif CJK SC")
TABLE_FONT = ("宋体", "SimSun", "Noto Serif CJK SC")

# Chinese numerals one to ten, for （一） … （十一）.
CN_NUMBERS = "一二三四五六七八九十"
# The document's language tag (w:lang) per console language; East Asian text is always zh-CN.
DOC_LANG = {"zh": "zh-CN", "en": "en-GB"}
