"""Tokens of the plan's own Chinese text and of the data's files, which the console parses or matches as
they are written (never shown as words of the console, so not in the catalogue of console/words/).
Data only."""

from __future__ import annotations

# Annex 1's unit lists: units separated by 、 (sometimes ，), the city's departments written without
# their 市 prefix, which split_units makes explicit unless the name starts with one of these.
UNIT_LIST_SEPARATORS = ("，", "、")
UNIT_PREFIX = "市"
UNIT_PREFIXES_KEPT = ("市", "各", "高新区")

# A plan reference's Chinese numerals and brackets, and their Arabic forms: 二(一) -> 2(1).
CN_REF_DIGITS = ("一二三四五六七八九（）", "123456789()")

# Chinese measure words of a count: a figure in one of these units is a whole number of things.
COUNT_UNITS = frozenset({"家", "个", "项", "座", "条", "户", "件", "所"})

# Unit words found in data made before the one English form (YI_EN) was chosen: alias -> unit word
# ("YI_EN" stands for the money unit's English form).
UNIT_ALIASES = {"100 million yuan": "YI_EN", "亿元": "YI_EN", "百分点": "pp", "percentage points": "pp"}

# The shared prefix of the plan's section titles (开发区…), which the tasks tab drops to keep them short.
SECTION_PREFIX = "开发区"

# The units whose figures an indicator's chart draws as counts (whole things), not amounts.
CHART_COUNT_UNITS = ("家", "个")
