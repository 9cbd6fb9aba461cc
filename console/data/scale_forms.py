"""The forms coordinators write stars, tiers, quarters and dates in: file-format tokens read from data
files (Chinese numerals, full-width digits, 星/档/季度 suffixes, 年月日 dates), not words the console says.

Data only, as the catalogue's modules are: console.data.scales and console.data.validate read these to
parse a cell; what the console shows for a level or a quarter is in console.words.scales.
"""

from __future__ import annotations

import re

# Chinese numerals a star, tier or quarter is written with (两 as well as 二 for 2), and 〇-九 by value.
CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUMERALS = "〇一二三四五六七八九"
# Full-width digits and letters an input method types, read as their ASCII forms.
FULLWIDTH = str.maketrans("０１２３４５６７８９ＱｑＳＴ－", "0123456789QqST-")
# A cell meaning "none" where a star or tier is expected (无星 is written 无).
NONE_FORMS = ("", "无", "-", "—", "/")
# A level's written suffix and prefix: 二星级, 2星, 第二档, 二档次.
STAR_SUFFIX = re.compile(r"(星级|星)$")
TIER_SUFFIX = re.compile(r"(档次|档)$")
ORDINAL_PREFIX = re.compile(r"^第")
# A quarter: 2025Q3, 2025-Q3, 2025 Q3; 2025年第三季度, 2025年3季度.
PERIOD_FORMS = (
    re.compile(r"^(\d{4})\s*[-/ ]?\s*[Qq]\s*(\d)$"),
    re.compile(r"^(\d{4})\s*年\s*第?\s*([0-9一二三四五六七八九])\s*季度?$"),
)
# A date: 2026-10-03, 2026/10/3 (a spreadsheet may add 00:00:00), 2026年10月3日.
DATE_FORMS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]00:00(?::00)?)?$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
)
