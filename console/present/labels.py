"""The console's and the exports' catalogue of words, in Chinese (the default) and English: statuses,
column headings, the plan's units, plan references, counted nouns (plurals), units and percent.
(The CLI's own words are in console/cli_text.py, report problems in console/reports/words.py.)

Every status is shown by a symbol and a word as well as by colour, so it reads right with
NO_COLOR, in 16 colours and to a screen reader. Symbols avoid East Asian ambiguous-width
characters; ``ascii`` mode uses plain ASCII only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from console.core.text import clean
from console.data.scales import ScaleError, parse_star, parse_tier, star_label, tier_label

# The money unit of the plan, 亿元 (10^8 yuan): one English form everywhere, short enough for a table
# cell. A figure keeps the plan's number (1,500, not ¥150 bn: the figure beside it, in the same unit,
# reads the same), with the unit in brackets after it; a heading carries it the same way: 'Target
# (100M yuan)'. Exports keep the number numeric and the unit in its own column.
YI_EN = "100M yuan"

# One word, one meaning: two status codes share a word only when they are the same fact, declared
# here (SAME_STATUS, code -> the code whose word it takes); every other code has a word of its own, in
# both languages (tests/test_status_words.py).
STATUS_WORDS: dict[str, tuple[str, str]] = {
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
for _code, _same in SAME_STATUS.items():
    STATUS_WORDS[_code] = STATUS_WORDS[_same]

# (unicode, ascii); ✓ and ✗ are narrow (not East Asian ambiguous width). The one definition of the
# marks: the tables draw them (Formatter.symbol) and the help legend lists them (Formatter.status_legend),
# in this order. A word has one mark wherever it stands: 未报送 is ✗ for a report not sent and for the
# figure it would have brought (the legend said ✗ 未报送 while the figure's cell drew no mark).
STATUS_SYMBOLS: dict[str, tuple[str, str]] = {
    "met": ("✓", "+"),
    "on_time": ("✓", "+"),
    "on_track": ("~", "~"),
    "on_pace": ("~", "~"),
    "at_risk": ("!", "!"),
    "behind": ("!", "!"),
    "late": ("!", "!"),
    "ongoing": (">", ">"),
    "missed": ("✗", "x"),
    "missing": ("✗", "x"),
    "not_reported": ("✗", "x"),
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
    "not_reported": "bad",
}

# The colour of each severity class; every status also has a symbol and a word.
CLASS_STYLES = {"good": "green", "warn": "yellow", "bad": "bold red"}

# Under NO_COLOR colours turn to greys (bold red becomes the darkest of all), so the classes are told
# apart by weight and reverse video instead: the worst stands out most, never dimmer than the rest.
NO_COLOR_CLASS_STYLES = {"good": "", "warn": "bold", "bad": "bold underline"}  # reverse: the cursor only


def status_style(status: str | None, no_color: bool = False) -> str:
    """The Rich style of a status ('' where it has none); weight and reverse video under NO_COLOR."""
    return (NO_COLOR_CLASS_STYLES if no_color else CLASS_STYLES).get(STATUS_CLASS.get(status or "", ""), "")


# A star or tier level where the published result has none (not: no result published yet, which is
# the empty mark, Formatter.none).
LEVEL_NONE: dict[str, tuple[str, str]] = {
    "star": ("无星", "no star"),
    "tier": ("无档", "no tier"),
}


# The count tables' row of zones with no published result (the overview's tiers and stars): with it
# and the 无星 / 无档 row every column adds up to the zones counted.
NO_RESULT = ("无结果", "no result")


def no_result(lang: str = "zh") -> str:
    """'无结果' / 'no result': a count table's row of zones without a published result."""
    return NO_RESULT[lang_index(lang)]


def basis_word(basis: str | None, lang: str = "zh", short: bool = False) -> str:
    """'全年预计' / 'projected full year' (or '全年实际'): what a computed value stands on; '' for none."""
    if not basis:
        return ""
    key = f"basis_{basis}_short" if short and f"basis_{basis}_short" in TEXT else f"basis_{basis}"
    return text(key, lang)


def zones_judged_note(indicator: Mapping[str, Any], lang: str = "zh", long: bool = False) -> str:
    """'已报9区' / '9 reported' (long: '9/11个开发区有本期数，…') where a zone-scoped indicator is judged
    on fewer zones than it has (the others not reported or without a figure); '' where all are."""
    judged, total = indicator.get("zones_judged"), indicator.get("zones_total")
    if not total or judged is None or judged >= total or not judged:
        return ""
    return text("zones_judged_long" if long else "zones_judged", lang).format(judged=judged, total=total)


def report_counts_text(counts: Sequence[Any], lang: str = "zh") -> str:
    """Zones per report status, each with its word: '按时 3、无数据 8' / 'on time 3, no data 8'
    (``counts``: ReportCount-like, with ``status`` and ``zones``)."""
    sep = "、" if lang == "zh" else ", "
    return sep.join(f"{status_word(c.status, lang)} {c.zones}" for c in counts)


def level_none(kind: str, lang: str = "zh") -> str:
    """'无星' / 'no star': the one word for a published result of no star (or no tier)."""
    return LEVEL_NONE[kind][lang_index(lang)]


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
    # Not "Missing": that word was also a report not sent (未报送).
    "missing": ("未达目标", "Off target"),
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
    "basis": ("口径", "Basis"),
    "zones_judged": ("已报开发区数", "Zones reported"),
    "check": ("核对项", "Check"),
    "year": ("年度", "Year"),
    "stated": ("文本所述", "Stated"),
    "counted": ("附件统计", "Counted"),
    "message": ("说明", "Detail"),
}

# The rankings tab's short marks for the plan's rules (section 四(三), console.engine.rules.FLAGS):
# + a reward, ! a notice, !! the heaviest; a legend under the table names them, the zone's drill-down
# gives the plan's words. ASCII and CJK only, so the same in --ascii.
FLAG_MARKS: dict[str, tuple[str, str]] = {
    "top10_reward": ("+前", "+T"),
    "new_star_reward": ("+星", "+S"),
    "bottom10_notice": ("!后", "!B"),
    "rank_fell_notice": ("!降", "!F"),
    "bottom10_two_years": ("!!连", "!!2"),
}

TEXT: dict[str, tuple[str, str]] = {
    "sample_badge": ("示例数据", "SAMPLE DATA"),
    "plan_city": ("驻马店市", "Zhumadian"),
    "sample_lead": ("示例数据", "Sample data"),
    # A bulletin written with --force for a month after the latest the data supports (outputs.bulletin).
    "bulletin_warning_lead": ("注意", "Warning"),
    "month_after_data": (
        "{month} 晚于数据所能支持的最新月份 {latest}（数据截至 {as_of}），请选 {latest} 或更早的月份",
        "{month} is after {latest}, the latest month the data supports (data as of {as_of}): choose {latest} or earlier",
    ),
    "bulletin_month_warning": (
        "{month} 晚于数据所能支持的最新月份 {latest}（数据截至 {as_of}），本通报所述情况并非该月的实际情况。",
        "{month} is after {latest}, the latest month the data supports (data as of {as_of}): this bulletin does not describe that month.",
    ),
    # The bulletin title's area for a set that is not the plan's city (console.outputs.bulletin).
    # The bulletin's closing request: the plan's addressees for Zhumadian's set, neutral words elsewhere.
    "bulletin_closing_plan": (
        "请各县区政府、高新区管委会和各工作专班对照通报问题，抓紧整改落实。",
        "County governments, the high-tech zone committee and the working groups are asked to act on the issues above.",
    ),
    "bulletin_closing_other": (
        "请各开发区及其主管部门对照通报问题，抓紧整改落实。",
        "Each zone and the body responsible for it are asked to act on the issues above.",
    ),
    "bulletin_area_city": ("全市", "City"),
    "bulletin_area_province": ("全省", "Provincial"),
    "bulletin_area_nation": ("全国", "National"),
    "sample_notice": (
        "示例数据：目标取自方案原文，进度数据按固定种子生成，并非真实数据。",
        "Sample data: targets come from the plan's text; progress data is generated and is not real.",
    ),
    # The notice after the badge ([示例数据] …): the same words without the label said twice.
    "sample_detail": (
        "目标取自方案原文，进度数据按固定种子生成，并非真实数据。",
        "Targets come from the plan's text; progress data is generated and is not real.",
    ),
    # The same for data that sets its own targets (a generated set): they are not the plan's either.
    "sample_notice_own": (
        "示例数据：目标与进度数据均按固定种子生成，并非真实数据。",
        "Sample data: targets and progress data are generated and are not real.",
    ),
    "sample_detail_own": (
        "目标与进度数据均按固定种子生成，并非真实数据。",
        "Targets and progress data are generated and are not real.",
    ),
    # A standing aim (console.engine.progress): the plan gives no date, so it is never due.
    "standing_basis": (
        "长期目标：方案未规定完成时间，不设应达进度，也不判为落后或未达标；"
        "最新值达到目标（{target}）为达标，否则为持续推进，并显示基期起进度",
        "a standing aim: the plan sets no date, so there is no pace and it is never behind or missed;"
        " met once the latest value reaches the target ({target}), else ongoing, its progress from the"
        " base shown",
    ),
    "standing_pace": ("（长期目标，无应达进度）", " (standing aim: no pace)"),
    # A zone-scoped indicator some zones have not reported: judged on the zones that did
    # (console.engine.progress._rolled_status), and it says how many.
    "zones_judged": ("已报{judged}区", "{judged} reported"),
    "zones_judged_long": (
        "{judged}/{total}个开发区有本期数，状态按已报的开发区判断",
        "{judged} of {total} zones have a figure for the quarter; the status is judged on those",
    ),
    # What a count against a full-year threshold stands on (console.engine.determined.BASIS): a finished
    # year's own revenue, or the running year's projection (the clusters tab's 全年预计).
    "basis_full_year": ("全年实际", "full year"),
    "basis_projected": ("全年预计", "projected full year"),
    "basis_projected_short": ("预计", "proj."),
    "basis_trailing": ("近四季度", "last four quarters"),
    "basis_trailing_short": ("近4季", "4Q"),
    "basis_explained_I01": (
        "营业收入目标是全年数：每季度的值为截至该季度的近四个季度营业收入合计，第四季度即全年实际；"
        "本年度未结束时（近四季度）达到目标只算符合进度，全年结束后才判断达标",
        "the revenue target is a whole year's: each quarter's value is the revenue of the four quarters"
        " ending with it, at Q4 the year's own (full year); before the year ends (last four quarters)"
        " reaching the target is on track, and only the finished year can be met",
    ),
    # An indicator's base value (the last before the plan), from which its progress is measured.
    "baseline_fact": ("基期值", "Base value"),
    "baseline_none": ("无（按 0 计）", "none (taken as 0)"),
    "basis_explained": (
        "按各集群全年营业收入计数：已结束的年度用全年实际（第四季度累计）；本年度用全年预计"
        "（累计完成 ÷ 按进度应完成比例，即集群表的“全年预计”），预计达到目标只算符合进度，全年结束后才判断达标",
        "counted on each cluster's revenue for the whole year: a finished year on its full-year figure"
        " (the Q4 year to date); the running year on the projected full year (year to date / the share"
        " due by the quarter, the clusters tab's Projected), so a projection reaching the target is on"
        " track, and only the finished year can be met",
    ),
    # The overview's zones per tier and star: its heading (short enough for one line at 80 columns)
    # and its column headings (console widgets/overview.render_counts).
    "counts_title": (
        "{year}年开发区档级与星级：计划数 / {targets} / 最新结果（{result}{year_mark}）",
        "Zones per tier and star, {year}: plan / {targets} / latest result ({result})",
    ),
    "counts_title_filtered": (
        "{year}年{scope}开发区档级与星级：{targets} / 最新结果（{result}{year_mark}）",
        "Zones per tier and star, {year}, {scope}: {targets} / latest result ({result})",
    ),
    "counts_targets_annex2": ("附件2目标数", "annex 2"),
    "counts_targets": ("目标数", "targets"),
    "counts_tier": ("档级", "Tier"),
    "counts_star": ("星级", "Star"),
    "counts_plan": ("计划", "Plan"),
    "counts_target": ("目标", "Target"),
    "counts_result": ("结果", "Result"),
    # The bulletin's 与上期相比: what it counts (statuses) and what it leaves to ``devzones changes``.
    "compared_lead": (
        "与{when}相比，开发区、产业集群和指标的状态共有{n}项变化（{counts}），按严重程度排列；"
        "排名、季度报表和数据修订的变化不计在内，全部变化见 {command}：",
        "Compared with {when}, {n} changes of status of zones, clusters and indicators ({counts}),"
        " worst first; changes of rank, quarterly reports and revised figures are not counted here"
        " (all changes: {command}):",
    ),
    # The bulletin's summary of the quarter's reports: counts, or that they were never collected.
    "reports_late_missing": (
        "季度工作推进情况逾期报送{late}个、未报送{missing}个",
        "quarterly reports late: {late}, missing: {missing}",
    ),
    "reports_not_collected": (
        "{period}的季度工作推进情况报表不在数据中",
        "the reports for {period} were not collected",
    ),
    # The bulletin's sample note: progress only (the plan's targets), or targets and progress (own).
    "bulletin_sample": (
        "本通报所用进度数据为示例数据（按固定种子生成），并非真实数据，仅供演示。",
        "The progress data in this bulletin is sample data (generated with a fixed seed), not real results.",
    ),
    "bulletin_sample_own": (
        "本通报所用开发区、目标与进度数据均为示例数据（按固定种子生成），并非真实数据，仅供演示。",
        "The zones, targets and progress data in this bulletin are sample data (generated with a fixed seed), not real.",
    ),
    # An indicator's source (出处) when the dataset set the target itself (a generated set), not the plan.
    "source_own": (
        "本数据集自设（按固定种子生成），非方案原文",
        "set by this dataset (generated), not the plan's text",
    ),
    "as_of": ("数据截至", "as of"),
    # The rankings before any quarter's data (console.engine.rankings): no composite score is invented.
    "no_score_yet": (
        "尚无季度进度数据，不计算综合得分",
        "no quarterly progress data yet, so no composite score",
    ),
    # A bulletin month before the data: it would rest on a quarter before the plan's first (2024-01 on 2023Q4).
    "bulletin_before_data": (
        "{month} 的通报依据 {quarter} 的数据，早于数据的第一个季度 {first}；最早可写 {earliest} 的通报",
        "the {month} bulletin would rest on {quarter}, before the data's first quarter {first};"
        " the earliest bulletin is for {earliest}",
    ),
    # Rankings: the legend of the rule marks when the width hides their column (one line, not four).
    "flags_hidden": (
        "奖惩列因宽度未显示：加宽终端，或在开发区上按 Enter 查看",
        "Rules column hidden at this width: widen the terminal, or Enter on a zone",
    ),
    # The overview's "latest result (year)" before the province has published any.
    "no_result_yet": ("尚未公布", "none published"),
    "unit_filter": ("{unit}（{role}）", "{unit} ({role})"),
    # The command palette's line when nothing matches what was typed (Textual's own is English only).
    # A key pressed while the data is invalid: the overview (tab 1, named by its title) says why.
    "invalid_data_key": (
        "数据有误，此键不可用：原因见「{tab}」（按 1）",
        "The data is invalid, so this key does nothing: see {tab} (press 1)",
    ),
    # ``C`` on a table row: the row is written to the terminal as OSC 52, which gives no answer, and a
    # terminal, tmux (set-clipboard off or external) or a browser serving the console may drop it: say
    # what was done, not that the clipboard holds it, and the way that always works.
    "row_sent_to_clipboard": (
        "已将当前行发送到终端剪贴板（终端可能不接受；粘贴不到时可按 e 导出）",
        "Row sent to the terminal's clipboard (a terminal or tmux may refuse it; if nothing pastes, press e to export)",
    ),
    # The overview's attention list: cut at its length (the tab named by its title), or empty.
    "more_zones_see_tab": ("另有 {n} 个开发区，见「{tab}」标签页", "and {n} more zones: see the {tab} tab"),
    "attention_none": (
        "所有开发区的目标均已达标、暂达标或符合进度",
        "Every zone's targets are met, met so far or on track",
    ),
    "palette_empty": ("没有匹配的命令", "No matches found"),
    "unit_filter_heading": ("责任单位", "Responsible unit"),
    # A drill-down table or line whose figures are those of the year shown says the year (``y``
    # changes it): in a heading's brackets, and in a status or progress line.
    "in_year": ("{year}年", "{year}"),
    "status_in_year": ("状态（{year}年）", "Status ({year})"),
    "progress_in_year": ("基期起进度（{year}年）", "From baseline ({year})"),
    # A zone-scoped indicator's summary: its progress is the zones' mean, its status the worst zone's.
    "progress_zone_mean": ("各区平均基期起进度（{year}年）", "Zones' mean from baseline ({year})"),
    # A star or tier target annex 2 does not set (an empty target cell): not a target of no star.
    "goal_unset": ("未设", "unset"),
    "zones_of_status": ("{word}{n}区", "{word} {n}"),
    "status_made_of": ("按最差开发区：{counts}", "the worst zone's: {counts}"),
    "up_to": ("截至{period}", "to {period}"),
    # The overview's headline goals: the year and quarter of their figures, the year of their targets.
    "goals_year": ("{year}年", "{year}"),
    "goals_due": ("{due}年目标", "{due} targets"),
    "goals_sep": ("，", ", "),
    "goals_sep2": ("；", "; "),
    "no_data_yet": ("无数据", "no data yet"),
    # --as-of a real quarter before the plan's data (2023Q4): the quarter, and why it holds no data.
    "as_of_before_data": ("{period}（方案期前，无进度数据）", "{period} (before the plan: no data)"),
    # The help legend's last group, after the empty mark (— or -): what an empty cell means.
    "legend_empty": ("无目标或无数据", "no target or data"),
    "year": ("年度", "year"),
    "counties": ("县区", "counties"),
    "all_counties": ("全部县区", "all counties"),
    "rules_short": ("奖惩", "Rules"),
    "rules_heading": ("奖惩（方案四(三)）", "Rules (plan 4(3))"),
    "rules_none": ("未触发方案四(三)的奖惩条款", "No rule of the plan's section 4(3) applies"),
    # The drill-down's rules table is that of one year's published results (``y`` changes it).
    "rules_heading_year": ("奖惩（方案四(三)，{year}年评价结果）", "Rules (plan 4(3); {year} results)"),
    # The top line's short forms on a narrow terminal (console.present.top_line).
    "sample_badge_short": ("示例", "SAMPLE"),
    "n_counties": ("{n}个县区", "{n} counties"),
    "valid": ("数据有效", "data is valid"),
    "invalid": ("数据有误", "data is invalid"),
    "problems": ("个问题", "problem(s)"),
    "audit": ("方案自洽性核对", "Plan consistency audit"),
    "audit_clean": ("方案各处数字一致。", "The plan agrees with itself."),
    "findings": ("处不一致", "finding(s)"),
    "zones": ("开发区", "Zones"),
    "clusters": ("产业集群", "Clusters"),
    "indicators": ("量化指标", "Indicators"),
    "view_all": ("全部视图", "All views"),
    "unit_yi": ("亿元", YI_EN),
    # The line under a list cut by the screen's height (the overview's attention list): how many of its
    # items are below, and the key that shows them.
    # The overview's line at the bottom: what is below, counted (zones once each), in how many lines.
    "more_lines_below": ("…下方还有{rows}行（↓/PgDn）", "… {rows} more lines below (↓/PgDn)"),
    "more_zones_below": (
        "…另有{n}个开发区在下方{rows}行内（↓/PgDn）",
        "… {n} more zones in {rows} lines below (↓/PgDn)",
    ),
    "more_notes_below": (
        "…另有{n}条说明在下方{rows}行内（↓/PgDn）",
        "… {n} more note(s) in {rows} lines below (↓/PgDn)",
    ),
    "more_zones_notes_below": (
        "…另有{n}个开发区和{m}条说明在下方{rows}行内（↓/PgDn）",
        "… {n} more zones and {m} note(s) in {rows} lines below (↓/PgDn)",
    ),
    # The plan's own sentences (measures, target wording) exist in Chinese only.
    "plan_words_zh_only": ("", "The plan's own words are in Chinese: press l to read them (中文)."),
    # An export's key column: the zone's full name as the plan writes it (Chinese in every language).
    "zone_key_field": ("开发区全称", "Zone (full Chinese name)"),
}


def sample_notice(lang: str, own_targets: bool) -> str:
    """What sample data is: the plan's targets with generated progress, or (``own_targets``, a generated
    set) generated targets too."""
    return text("sample_notice_own" if own_targets else "sample_notice", lang)


def sample_line(lang: str, own_targets: bool) -> str:
    """'[示例数据] 目标取自…' / '[SAMPLE DATA] Targets come from…': the CLI's one line on sample data.
    ``own_targets`` is required (console.engine.coverage.coverage decides it from the manifest), so no
    surface can fall back to "targets come from the plan" for a generated set's own targets."""
    detail = text("sample_detail_own" if own_targets else "sample_detail", lang)
    return f"[{text('sample_badge', lang)}] {detail}"


def lang_index(lang: str) -> int:
    return 0 if lang == "zh" else 1


def status_word(status: str | None, lang: str = "zh") -> str:
    if status is None:
        return ""
    words = STATUS_WORDS.get(status)
    return words[lang_index(lang)] if words else status


def zones_by_status(statuses: Sequence[str | None], order: Sequence[str], lang: str = "zh") -> str:
    """What a zone-scoped status is made of: '按最差开发区：落后2区、符合进度5区、达标4区', in ``order``
    (the engine's severity, worst first)."""
    rank = {s: i for i, s in enumerate(order)}
    counts: dict[str, int] = {}
    for status in statuses:
        if status:
            counts[status] = counts.get(status, 0) + 1
    parts = [
        text("zones_of_status", lang).format(word=status_word(s, lang), n=n)
        for s, n in sorted(counts.items(), key=lambda kv: rank.get(kv[0], len(rank)))
    ]
    return text("status_made_of", lang).format(counts=("、" if lang_index(lang) == 0 else ", ").join(parts))


def heading(key: str, lang: str = "zh") -> str:
    return HEADINGS[key][lang_index(lang)]


def text(key: str, lang: str = "zh") -> str:
    return TEXT[key][lang_index(lang)]


def missing_words(items: list[str], lang: str = "zh") -> str:
    sep = "、" if lang == "zh" else ", "
    return sep.join(MISSING_WORDS[i][lang_index(lang)] for i in items)


# -- the plan's units (annex 1's 牵头单位 / 参加单位), as split_units names them ------------------------------

UNITS_EN: dict[str, str] = {
    "市发改委": "Municipal Development and Reform Commission",
    "市政府办（金融）": "Municipal Government Office (Finance)",
    "市委组织部": "Organisation Department of the CPC Municipal Committee",
    "市委人才办": "Talent Office of the CPC Municipal Committee",
    "市教育局": "Municipal Education Bureau",
    "市科技局": "Municipal Science and Technology Bureau",
    "市工信局": "Municipal Industry and Information Technology Bureau",
    "市财政局": "Municipal Finance Bureau",
    "市人社局": "Municipal Human Resources and Social Security Bureau",
    "市自然资源和规划局": "Municipal Natural Resources and Planning Bureau",
    "市场监管局": "Municipal Market Regulation Bureau",
    "市市场监管局": "Municipal Market Regulation Bureau",
    "市生态环境局": "Municipal Ecology and Environment Bureau",
    "市住建局": "Municipal Housing and Urban-Rural Development Bureau",
    "市商务局": "Municipal Commerce Bureau",
    "市税务局": "Municipal Tax Bureau",
    "市统计局": "Municipal Statistics Bureau",
    "市公安局": "Municipal Public Security Bureau",
    "市城管局": "Municipal Urban Management Bureau",
    "市通管办": "Municipal Communications Administration Office",
    "市通信管理办": "Municipal Communications Administration Office",
    "各县区政府": "county and district governments",
    "各县区人民政府": "county and district governments",
    "高新区管委会": "High-tech Zone Administrative Committee",
    "市直有关单位": "relevant municipal departments",
}


def split_units(units: str | None) -> list[str]:
    """The units of an annex-1 list (separated by 、 or ，), each with the 市 prefix made explicit."""
    out = []
    for part in (units or "").replace("，", "、").split("、"):
        part = part.strip()
        if not part:
            continue
        if not part.startswith(("市", "各", "高新区")):
            part = "市" + part
        out.append(part)
    return out


def unit_name(unit: str, lang: str = "zh") -> str:
    """A unit's name in ``lang``; a unit with no English name keeps its Chinese one (a proper name)."""
    return unit if lang == "zh" else UNITS_EN.get(unit, unit)


# The unit filter (``u``): one unit, and whether a task counts when the unit leads it or takes part in
# it (the default), or only when it leads it. One string carries both through the caches and the
# workers (``unit_choice``); the mark is a control character, which no unit's name holds (text from
# files passes console.core.text.clean, which removes them).
LEAD_ONLY_MARK = "\x1f"
UNIT_ROLES: dict[bool, tuple[str, str]] = {
    False: ("牵头或参加", "leads or takes part"),
    True: ("仅牵头", "leads only"),
}


def unit_choice(unit: str, lead_only: bool) -> str:
    """The unit filter's value: ``unit``, marked when only the tasks it leads count ("" is no filter)."""
    return f"{LEAD_ONLY_MARK}{unit}" if unit and lead_only else unit


def unit_of(choice: str | None) -> tuple[str, bool]:
    """(unit, lead only) of a unit filter's value (``unit_choice``)."""
    choice = choice or ""
    if choice.startswith(LEAD_ONLY_MARK):
        return choice[len(LEAD_ONLY_MARK) :], True
    return choice, False


def unit_role(lead_only: bool, lang: str = "zh") -> str:
    """牵头或参加 / 仅牵头: which tasks the unit filter keeps."""
    return UNIT_ROLES[lead_only][lang_index(lang)]


def unit_filter_label(choice: str | None, lang: str = "zh") -> str:
    """The unit filter as the screen and an export's manifest say it: 市发改委（仅牵头） / Municipal
    Development and Reform Commission (leads only); "" without a filter."""
    unit, lead_only = unit_of(choice)
    if not unit:
        return ""
    return TEXT["unit_filter"][lang_index(lang)].format(
        unit=unit_name(unit, lang), role=unit_role(lead_only, lang)
    )


def units_text(units: str | None, lang: str = "zh") -> str:
    """An annex-1 unit list as written (zh) or as English names separated by semicolons (en)."""
    if lang == "zh":
        return units or ""
    return "; ".join(unit_name(u, lang) for u in split_units(units))


# -- plan references: 二(一), 三(一)1 … ------------------------------------------------------------------

_CN_REF_DIGITS = str.maketrans("一二三四五六七八九（）", "123456789()")


# The ``source`` a generated set writes for the targets it sets itself (console.sample.generate).
OWN_SOURCE = "synthetic"


def plan_ref(ref: str | None, lang: str = "zh") -> str:
    """A reference into the plan's text as the plan writes it (zh) or with Arabic numerals (en):
    二(一) -> 2(1), 三(一)1 -> 3(1)1; a section 一 … 六 -> 1 … 6."""
    if not ref:
        return ""
    if ref == OWN_SOURCE:  # the data's own target (a generated set): words, not the code
        return text("source_own", lang)
    return ref if lang == "zh" else ref.translate(_CN_REF_DIGITS)


# -- counts and units ---------------------------------------------------------------------------------------

# English singular of the plural nouns the data and the console count in (indicators' unit_en, …).
SINGULAR: dict[str, str] = {
    "zones": "zone",
    "projects": "project",
    "firms": "firm",
    "clusters": "cluster",
    "platforms": "platform",
    "benchmarks": "benchmark",
    "parks": "park",
    "factories": "factory",
    "workshops": "workshop",
    "problems": "problem",
    "findings": "finding",
    "files": "file",
    "rows": "row",
    "reports": "report",
    "counties": "county",
    "tasks": "task",
    "indicators": "indicator",
}

# Chinese measure words of a count: a figure in one of these units is a whole number of things.
COUNT_UNITS = frozenset({"家", "个", "项", "座", "条", "户", "件", "所"})


def is_count(unit: str | None) -> bool:
    """Whether ``unit`` (Chinese, or an indicator's English plural noun) counts things (家, 个, 项, firms …)."""
    return bool(unit) and (unit in COUNT_UNITS or unit in SINGULAR or unit in SINGULAR.values())


# Counted nouns: (Chinese measure word and noun, English plural).
COUNTED: dict[str, tuple[str, str]] = {
    "zone": ("个开发区", "zones"),
    "problem": ("个问题", "problems"),
    "finding": ("处不一致", "findings"),
    "cluster": ("个集群", "clusters"),
    "indicator": ("项指标", "indicators"),
    "task": ("项任务", "tasks"),
    "file": ("个文件", "files"),
    "county": ("个县区", "counties"),
}

# English unit words found in data made before this form was chosen.
_UNIT_ALIASES = {"100 million yuan": YI_EN, "亿元": YI_EN, "百分点": "pp", "percentage points": "pp"}


def english_noun(plural: str, n: float | None) -> str:
    """``plural`` agreeing with ``n``: 1 -> its singular, anything else (0, 2, 1.5) -> the plural."""
    if n is not None and n == 1:
        return SINGULAR.get(plural, plural)
    return plural


def count(n: int, noun: str, lang: str = "zh") -> str:
    """'3 个开发区' / '1 zone', '3 zones' for a noun of COUNTED."""
    zh_word, plural = COUNTED[noun]
    return f"{n} {zh_word}" if lang == "zh" else f"{n} {english_noun(plural, n)}"


def unit_label(unit: str | None, unit_en: str | None, lang: str = "zh", n: float | None = None) -> str:
    """An indicator's unit in ``lang``: 亿元 / '100M yuan', 家 / 'firm(s)' agreeing with ``n``."""
    if lang == "zh":
        return unit or ""
    word = unit_en or unit or ""
    word = _UNIT_ALIASES.get(word, word)
    return english_noun(word, n)


def quantity(value: str, unit: str, lang: str = "zh") -> str:
    """A formatted number with its unit label (from ``unit_label``) as each language writes it:
    '91.4%' in both; '1,500 亿元', '180 家'; '1,500 (100M yuan)', '180 firms', '2.0 pp'."""
    if not unit:
        return value
    if unit == "%":
        return f"{value}%"
    if unit == YI_EN:
        return f"{value} ({unit})"
    return f"{value} {unit}"


# -- the plan consistency audit (console.engine.audit): each check's name -------------------------------

CHECKS: dict[str, tuple[str, str]] = {
    "tier_count": ("各档开发区数", "Zones per tier"),
    "star_count": ("各星级开发区数", "Zones per star level"),
    "tier_total": ("各档合计", "Tier counts in total"),
    "clusters_over_50": ("超50亿元集群数", f"Clusters over 50 ({YI_EN})"),
    "indicator_computed": ("指标计算值", "Computed indicator"),
}


def check_name(check: str, level: str | None, lang: str = "zh") -> str:
    """An audit finding's check and level as a reader reads it: '各星级开发区数 一星' / 'Zones per star
    level: 1-star'. A level the scales do not know (an indicator and quarter) is shown as it is."""
    name = CHECKS.get(check, (check, check))[lang_index(lang)]
    if not level:
        return name
    shown = level
    if lang != "zh" and check in ("tier_count", "star_count"):
        parse, label = (parse_tier, tier_label) if check == "tier_count" else (parse_star, star_label)
        try:
            shown = label(parse(level), lang)
        except ScaleError:
            shown = level
    return f"{name} {shown}" if lang == "zh" else f"{name}: {shown}"


# -- what the data covers (console.engine.coverage): scope words follow the data ------------------------

AREA_WORDS: dict[str, tuple[str, str]] = {
    "city": ("全市", "city"),
    "province": ("全省", "province"),
    "nation": ("全国", "nation"),
}
# The area's zones, e.g. 全国2543个开发区 / the nation's 2543 zones.
AREA_OWNER_EN = {"city": "the city's", "province": "the province's", "nation": "the nation's"}
# Short enough for the headline table's title (it wraps at the table's width, about 60 columns).
NO_AREA_TARGET = ("本数据无目标，方案目标属驻马店市", "no target for this data: the plan's are Zhumadian's")


def area_word(area: str, lang: str = "zh") -> str:
    """全市 / 全省 / 全国 (city / province / nation) for the area the data covers."""
    return AREA_WORDS.get(area, AREA_WORDS["city"])[lang_index(lang)]


def area_rank_heading(area: str, lang: str = "zh") -> str:
    """The rank among the dataset's zones: 全市名次 / City rank, 全国名次 / Nation rank."""
    word = area_word(area, lang)
    return f"{word}名次" if lang == "zh" else f"{word.capitalize()} rank"


def pool_rank_heading(pool: str, lang: str = "zh") -> str:
    """The assessment's rank within a tier: 全省档内排名 / Province rank, 全国档内排名 / Nation rank."""
    word = area_word(pool, lang)
    return f"{word}档内排名" if lang == "zh" else f"{word.capitalize()} rank"


# -- what an export wrote ---------------------------------------------------------------------------------

WRITTEN: dict[str, tuple[str, str]] = {
    "exported_to": ("已导出到 {folder}：", "Exported to {folder}:"),
}


def files_written(paths: Sequence[Path], lang: str = "zh") -> str:
    """The files an export wrote, for a toast: each folder once, then its files one per line (a path is
    never broken mid-name between two files, and no comma joins them in either language)."""
    folders: dict[Path, list[str]] = {}
    for path in paths:
        folders.setdefault(path.parent, []).append(path.name)
    lines = []
    for folder, names in folders.items():
        lines.append(WRITTEN["exported_to"][lang_index(lang)].format(folder=clean(folder, escape=True)))
        lines += [f"  {clean(name, escape=True)}" for name in names]
    return "\n".join(lines)
