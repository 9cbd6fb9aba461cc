"""The words of statuses and levels: a status code's word, a level of no star or tier, the rankings'
marks for the plan's rules, what a zone misses, and the area the data covers. Data only.

One word, one meaning: two status codes share a word only when they are the same fact, declared here
(SAME_STATUS, code -> the code whose word it takes); every other code has a word of its own, in both
languages (tests/unit/test_status_words.py).
"""

from console.words import Catalogue

_STATUS_WORDS = {
    "met": ("达标", "met"),
    "missed": ("未达标", "missed"),
    "at_risk": ("有风险", "at risk"),
    # A star or tier target before the year's result is out, which the latest published result already
    # reaches (console.engine.status): not a pace (no star is earned by the quarter), so not the
    # revenue's word; both are marked ~.
    "on_track": ("暂达标", "met so far"),
    # Revenue or an indicator at or above the share of its target due by now.
    "on_pace": ("符合进度", "on track"),
    "behind": ("落后", "behind"),
    # A standing aim (the plan gives it no date) not reached yet: never due, so never behind or missed.
    "ongoing": ("持续推进", "ongoing"),
    "no_data": ("无数据", "no data"),
    "not_reported": ("未报送", "not reported"),
    "no_target": ("无目标", "no target"),
    "no_indicator": ("无量化指标", "no indicator"),
    "on_time": ("按时", "on time"),
    "late": ("逾期", "late"),
    "not_due": ("未到期", "not due"),
}

# Codes that are one fact under two names: a quarter's report not sent (``missing``, the report column)
# and the figure it would have brought (``not_reported``, revenue): one word, 未报送 (issue: "✗ missing"
# beside "not reported" for the same thing).
SAME_STATUS: dict[str, str] = {"missing": "not_reported"}

STATUS = Catalogue(
    "status", {**_STATUS_WORDS, **{code: _STATUS_WORDS[same] for code, same in SAME_STATUS.items()}}
)

# A star or tier level where the published result has none (not: no result published yet, which is
# the empty mark).
LEVEL_NONE = Catalogue(
    "level_none",
    {
        "star": ("无星", "no star"),
        "tier": ("无档", "no tier"),
    },
)

# What a zone misses (the overview's attention list).
MISSING = Catalogue(
    "missing",
    {
        "tier": ("档级", "tier"),
        "star": ("星级", "star"),
        "revenue": ("营收", "revenue"),
    },
)

# The rankings tab's short marks for the plan's rules (section 四(三), console.engine.rules.FLAGS):
# + a reward, ! a notice, !! the heaviest; a legend under the table names them, the zone's drill-down
# gives the plan's words. ASCII and CJK only, so the same in --ascii.
FLAG_MARKS = Catalogue(
    "flag_marks",
    {
        "top10_reward": ("+前", "+T"),
        "new_star_reward": ("+星", "+S"),
        "bottom10_notice": ("!后", "!B"),
        "rank_fell_notice": ("!降", "!F"),
        "bottom10_two_years": ("!!连", "!!2"),
    },
)

# The area the data covers (console.engine.coverage): scope words follow the data.
AREAS = Catalogue(
    "areas",
    {
        "city": ("全市", "city"),
        "province": ("全省", "province"),
        "nation": ("全国", "nation"),
    },
)
