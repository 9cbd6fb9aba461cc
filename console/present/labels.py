"""Words and symbols for statuses and column headings, in Chinese (the default) and English.

Every status is shown by a symbol and a word as well as by colour, so it reads right with
NO_COLOR, in 16 colours and to a screen reader. Symbols avoid East Asian ambiguous-width
characters; ``ascii`` mode uses plain ASCII only.
"""

from __future__ import annotations

STATUS_WORDS: dict[str, tuple[str, str]] = {
    "met": ("达标", "met"),
    "missed": ("未达标", "missed"),
    "at_risk": ("有风险", "at risk"),
    "on_track": ("正常", "on track"),
    "on_pace": ("符合进度", "on pace"),
    "behind": ("落后", "behind"),
    "no_data": ("无数据", "no data"),
    "not_reported": ("未报送", "not reported"),
    "no_target": ("无目标", "no target"),
    "no_indicator": ("无量化指标", "no indicator"),
    "on_time": ("按时", "on time"),
    "late": ("逾期", "late"),
    "missing": ("未报送", "missing"),
    "not_due": ("未到期", "not due"),
}

# (unicode, ascii); ✓ and ✗ are narrow (not East Asian ambiguous width).
STATUS_SYMBOLS: dict[str, tuple[str, str]] = {
    "met": ("✓", "+"),
    "on_time": ("✓", "+"),
    "on_track": ("~", "~"),
    "on_pace": ("~", "~"),
    "at_risk": ("!", "!"),
    "behind": ("!", "!"),
    "late": ("!", "!"),
    "missed": ("✗", "x"),
    "missing": ("✗", "x"),
}

# Severity classes, for colour: bad / warn / good / none.
STATUS_CLASS: dict[str, str] = {
    "met": "good",
    "on_time": "good",
    "on_track": "good",
    "on_pace": "good",
    "at_risk": "warn",
    "behind": "warn",
    "late": "warn",
    "missed": "bad",
    "missing": "bad",
}

# The colour of each severity class; every status also has a symbol and a word.
CLASS_STYLES = {"good": "green", "warn": "yellow", "bad": "bold red"}

# Under NO_COLOR colours turn to greys (bold red becomes the darkest of all), so the classes are told
# apart by weight and reverse video instead: the worst stands out most, never dimmer than the rest.
NO_COLOR_CLASS_STYLES = {"good": "", "warn": "bold", "bad": "bold reverse"}


def status_style(status: str | None, no_color: bool = False) -> str:
    """The Rich style of a status ('' where it has none); weight and reverse video under NO_COLOR."""
    return (NO_COLOR_CLASS_STYLES if no_color else CLASS_STYLES).get(STATUS_CLASS.get(status or "", ""), "")


MISSING_WORDS: dict[str, tuple[str, str]] = {
    "tier": ("档级", "tier"),
    "star": ("星级", "star"),
    "revenue": ("营收", "revenue"),
}

HEADINGS: dict[str, tuple[str, str]] = {
    "zone": ("开发区", "Zone"),
    "county": ("县区", "County"),
    "star": ("星级 目标→实际", "Star target→result"),
    "tier": ("档级 目标→实际", "Tier target→result"),
    "star_status": ("星级状态", "Star"),
    "tier_status": ("档级状态", "Tier"),
    "revenue_status": ("营收状态", "Revenue"),
    "report": ("季度报送", "Report"),
    "missing": ("未达目标", "Missing"),
    "industry": ("产业", "Industry"),
    "target": ("年度目标", "Target"),
    "actual_ytd": ("累计完成", "YTD"),
    "pace_target": ("进度目标", "Pace"),
    "projected": ("全年预计", "Projected"),
    "status": ("状态", "Status"),
    "indicator": ("指标", "Indicator"),
    "latest": ("最新值", "Latest"),
    "progress": ("进度", "Progress"),
    "period": ("期间", "Period"),
    "check": ("核对项", "Check"),
    "year": ("年度", "Year"),
    "stated": ("文本所述", "Stated"),
    "counted": ("附件统计", "Counted"),
    "message": ("说明", "Detail"),
}

TEXT: dict[str, tuple[str, str]] = {
    "sample_badge": ("示例数据", "SAMPLE DATA"),
    "sample_notice": (
        "示例数据：目标取自方案原文，进度数据按固定种子生成，并非真实数据。",
        "Sample data: targets come from the plan's text; progress data is generated and is not real.",
    ),
    "as_of": ("数据截至", "as of"),
    "no_data_yet": ("无数据", "no data yet"),
    "year": ("年度", "year"),
    "counties": ("县区", "counties"),
    "all_counties": ("全部县区", "all counties"),
    "valid": ("数据有效", "data is valid"),
    "invalid": ("数据有误", "data is invalid"),
    "problems": ("个问题", "problem(s)"),
    "audit": ("方案自洽性核对", "Plan consistency audit"),
    "audit_clean": ("方案各处数字一致。", "The plan agrees with itself."),
    "findings": ("处不一致", "finding(s)"),
    "zones": ("开发区", "Zones"),
    "clusters": ("产业集群", "Clusters"),
    "indicators": ("量化指标", "Indicators"),
    "unit_yi": ("亿元", "100M yuan"),
}


def lang_index(lang: str) -> int:
    return 0 if lang == "zh" else 1


def status_word(status: str | None, lang: str = "zh") -> str:
    if status is None:
        return ""
    words = STATUS_WORDS.get(status)
    return words[lang_index(lang)] if words else status


def heading(key: str, lang: str = "zh") -> str:
    return HEADINGS[key][lang_index(lang)]


def text(key: str, lang: str = "zh") -> str:
    return TEXT[key][lang_index(lang)]


def missing_words(items: list[str], lang: str = "zh") -> str:
    sep = "、" if lang == "zh" else ", "
    return sep.join(MISSING_WORDS[i][lang_index(lang)] for i in items)
