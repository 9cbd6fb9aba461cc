"""The words of the console's views and exports: tab and column headings, the views' texts, the plan's
units, counted nouns, the audit's checks and the views' own words. Data only.

``YI_EN`` is the money unit of the plan, 亿元 (10^8 yuan): one English form everywhere, short enough for a
table cell. A figure keeps the plan's number (1,500, not ¥150 bn: the figure beside it, in the same
unit, reads the same), with the unit in brackets after it; a heading carries it the same way: 'Target
(100M yuan)'. Exports keep the number numeric and the unit in its own column.
"""

from console.words import Catalogue

YI_EN = "100M yuan"

# Each tab's title (console.present.viewmodel.TAB_TITLES).
TABS_WORDS = Catalogue(
    "tabs",
    {
        "overview": ("概览", "Overview"),
        "zones": ("开发区", "Zones"),
        "clusters": ("产业集群", "Clusters"),
        "tasks": ("重点任务", "Tasks"),
        "rankings": ("排名", "Rankings"),
    },
)

# The tabs' columns and titles and the views' own words (console.present.views, formatter, headings,
# series, rule_marks), in key order.
VIEWS = Catalogue(
    "views",
    {
        "attention": ("需关注", "Attention"),
        "bracket": ("（{note}）", " ({note})"),
        "clause_sep": ("；", "; "),
        "code": ("代码", "Code"),
        "comparison": ("比较", "Comparison"),
        "counts_heading": ("档级与星级（计划/目标/结果）", "Tiers and stars (plan/targets/result)"),
        "counts_heading_scope": (
            "档级与星级（{scope}：目标/结果）",
            "Tiers and stars ({scope}: targets/result)",
        ),
        "county": ("县区", "County"),
        "data_period": ("数据期", "Data period"),
        "days_late": ("逾期天数", "Days late"),
        "days_late_short": ("{days}天", " {days}d"),
        "detail": ("说明", "Detail"),
        "due_standing": (" 长期目标", " standing aim"),
        "due_year": ("目标年度", "Due year"),
        "due_yearly": (" 每年", " yearly"),
        "flag": ("标记", "flag"),
        "from_baseline": ("基期起进度", "From baseline"),
        "gap_late": ("{period} 有 {late} 个开发区逾期报送", "{late} zones late for {period}"),
        "gap_missing": ("{period} 有 {absent} 个开发区未报送", "no report for {period} from {absent} zones"),
        "gap_missing_and_late": (
            "{period} 有 {absent} 个开发区未报送、{late} 个逾期报送",
            "no report for {period} from {absent} zones, {late} late",
        ),
        "gap_no_reports": ("尚未导入任何季度报表", "no quarterly report ingested yet"),
        "gap_no_results": (
            "{n} 个开发区尚无已公布的考核结果",
            "no published assessment result for {n} zones",
        ),
        "gap_reports": ("季度报表", "Reports"),
        "gap_reports_not_collected": (
            "{period} 的报表不在数据中（数据从更晚的季度开始）",
            "reports for {period} were not collected (the data starts later)",
        ),
        "gap_results": ("考核结果", "Results"),
        "headline_goals": ("主要目标", "Headline goals"),
        "headline_goals_note": ("主要目标（{note}）", "Headline goals ({note})"),
        "headline_goals_when": ("主要目标（{when}）", "Headline goals ({when})"),
        "headline_goals_whole_area": (
            "主要目标（{area}，不随县区筛选）",
            "Headline goals (whole {area}, not filtered)",
        ),
        "headline_goals_whole_area_when": (
            "主要目标（{area}，不随县区筛选；{when}）",
            "Headline goals (whole {area}, not filtered; {when})",
        ),
        "indicator": ("指标", "Indicator"),
        "indicator_code": ("指标编码", "Code"),
        "indicators": ("量化指标", "Indicators"),
        "industry": ("产业", "Industry"),
        "item": ("项目", "Item"),
        "lagging_clusters": ("落后集群", "Lagging clusters"),
        "lagging_with_mark": ("{mark}{names}", "{mark} {names}"),
        "lagging_with_words": ("{mark}：{names}", "{mark}: {names}"),
        "latest": ("最新值", "Latest"),
        "lead_units": ("牵头单位", "Lead units"),
        "missing_item": ("{words}{status}", "{item} {status}"),
        "pace": ("进度目标", "Pace"),
        "pace_share": ("进度比例", "Pace share"),
        "pace_target": ("进度目标", "Pace target"),
        "participating": ("参加单位", "Participating"),
        "period": ("期间", "Period"),
        "plan_area": ("计划（{area}）", "Plan ({area})"),
        "progress_from_baseline": ("基期起进度", "Progress from baseline"),
        "projected": ("预计全年", "Projected"),
        "quarterly": ("季度营收", "Quarterly"),
        "rank": ("名次", "Rank"),
        "rank_change_up_is": ("名次变化（上升为正）", "Rank change (up is +)"),
        "rank_year": ("（{year}）", " ({year})"),
        "report": ("报送", "Report"),
        "report_period": ("报送期", "Report period"),
        "report_status": ("报送状态", "Report status"),
        "result": ("结果", "Result"),
        "result_year": ("评价年度", "Result year"),
        "rev_pace": ("营收/进度", "Rev/pace"),
        "revenue_p": ("{p}营收", "Revenue {p}"),
        "revenue_status": ("营收状态", "Revenue status"),
        "revenue_target": ("营收目标", "Revenue target"),
        "revenue_ytd": ("累计营收", "Revenue YTD"),
        "rule_codes": ("奖惩代码", "Rule codes"),
        "rules": ("奖惩", "Rules"),
        "rules_enter": ("（在开发区上按 Enter 查看条款原文）", "(Enter on a zone shows the rules' text)"),
        "rules_lead_sep": ("：", ": "),
        "score": ("综合得分", "Score"),
        "section": ("部分", "Section"),
        "share_of_target": ("完成比例", "Share of target"),
        "standing_aim": ("长期目标", "Standing aim"),
        "star": ("星级", "Star"),
        "star_result": ("星级结果", "Star result"),
        "star_short": ("{n}星", "S{n}"),
        "star_start": ("{n}", "S{n}"),
        "star_status": ("星级状态", "Star status"),
        "star_target": ("星级目标", "Star target"),
        "starred_plan": ("计划有星级", "starred plan"),
        "starred_result": ("实际有星级", "starred result"),
        "status": ("状态", "Status"),
        "target": ("目标", "Target"),
        "targets": ("指标数", "Targets"),
        "targets_met_column": ("指标达标", "Targets met"),
        "targets_met_count": ("达标指标数", "Targets met"),
        "task": ("任务", "Task"),
        "task_no": ("任务编号", "Task no."),
        "tier": ("档级", "Tier"),
        "tier2_plan": ("计划二档及以上", "tier 2+ plan"),
        "tier2_result": ("实际二档及以上", "tier 2+ result"),
        "tier_result": ("档级结果", "Tier result"),
        "tier_short": ("{n}档", "T{n}"),
        "tier_start": ("{n}", "T{n}"),
        "tier_status": ("档级状态", "Tier status"),
        "tier_target": ("档级目标", "Tier target"),
        "tier_the_year_before": ("上年档级", "Tier the year before"),
        "title_note": ("{title}（{note}）", "{title} ({note})"),
        "unit": ("单位", "Unit"),
        "vs_last_q": ("较上季", "vs last Q"),
        "year_before": ("上年排名", "Year before"),
        "ytd": ("累计", "YTD"),
        "zone": ("开发区", "Zone"),
        "zones": ("开发区数", "Zones"),
        "zones_in_tier": ("档内开发区数", "Zones in tier"),
        "zones_met": ("达标开发区数", "Zones met"),
        "zones_noun": ("区", " {zones}"),
    },
)


# The column headings the exports, the CLI and the drill-downs share (console.present.labels.heading).
HEADINGS = Catalogue(
    "headings",
    {
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
    },
)

# The views' and exports' texts (console.present.labels.text).
VIEW_TEXT = Catalogue(
    "view_text",
    {
        "sample_badge": ("示例数据", "SAMPLE DATA"),
        "plan_city": ("驻马店市", "Zhumadian"),
        "sample_lead": ("示例数据", "Sample data"),
        # A bulletin written with --beyond-data for a month after the latest the data supports (outputs.bulletin).
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
        "more_zones_see_tab": (
            "另有 {n} 个开发区，见「{tab}」标签页",
            "and {n} more zones: see the {tab} tab",
        ),
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
        "no_result": ("无结果", "no result"),
        # Short enough for the headline table's title (it wraps at the table's width, about 60 columns).
        "no_area_target": (
            "本数据无目标，方案目标属驻马店市",
            "no target for this data: the plan's are Zhumadian's",
        ),
        "exported_to": ("已导出到 {folder}：", "Exported to {folder}:"),
        "list_sep": ("、", ", "),
        "area_rank": ("{word}名次", "{word} rank"),
        "pool_rank": ("{word}档内排名", "{word} rank"),
        "check_level": ("{name} {level}", "{name}: {level}"),
        # -- issue 22, point 4 (output contract): code columns' headings --
        # An export's key column of a cluster: its industry as the data names it (Chinese in every language).
        "industry_key_field": ("产业（数据名）", "Industry (data name, Chinese)"),
        # export --shape long: a row per quarter.
        "quarter": ("季度", "Quarter"),
        "revenue_in_quarter": ("当季营收", "Revenue in the quarter"),
    },
)

# The plan's units (annex 1's 牵头单位 / 参加单位), as split_units names them: a unit with no English
# name keeps its Chinese one (a proper name).
UNITS = Catalogue(
    "units",
    {
        "市发改委": ("市发改委", "Municipal Development and Reform Commission"),
        "市政府办（金融）": ("市政府办（金融）", "Municipal Government Office (Finance)"),
        "市委组织部": ("市委组织部", "Organisation Department of the CPC Municipal Committee"),
        "市委人才办": ("市委人才办", "Talent Office of the CPC Municipal Committee"),
        "市教育局": ("市教育局", "Municipal Education Bureau"),
        "市科技局": ("市科技局", "Municipal Science and Technology Bureau"),
        "市工信局": ("市工信局", "Municipal Industry and Information Technology Bureau"),
        "市财政局": ("市财政局", "Municipal Finance Bureau"),
        "市人社局": ("市人社局", "Municipal Human Resources and Social Security Bureau"),
        "市自然资源和规划局": ("市自然资源和规划局", "Municipal Natural Resources and Planning Bureau"),
        "市场监管局": ("市场监管局", "Municipal Market Regulation Bureau"),
        "市市场监管局": ("市市场监管局", "Municipal Market Regulation Bureau"),
        "市生态环境局": ("市生态环境局", "Municipal Ecology and Environment Bureau"),
        "市住建局": ("市住建局", "Municipal Housing and Urban-Rural Development Bureau"),
        "市商务局": ("市商务局", "Municipal Commerce Bureau"),
        "市税务局": ("市税务局", "Municipal Tax Bureau"),
        "市统计局": ("市统计局", "Municipal Statistics Bureau"),
        "市公安局": ("市公安局", "Municipal Public Security Bureau"),
        "市城管局": ("市城管局", "Municipal Urban Management Bureau"),
        "市通管办": ("市通管办", "Municipal Communications Administration Office"),
        "市通信管理办": ("市通信管理办", "Municipal Communications Administration Office"),
        "各县区政府": ("各县区政府", "county and district governments"),
        "各县区人民政府": ("各县区人民政府", "county and district governments"),
        "高新区管委会": ("高新区管委会", "High-tech Zone Administrative Committee"),
        "市直有关单位": ("市直有关单位", "relevant municipal departments"),
    },
)

# Which tasks the unit filter keeps: those the unit leads or takes part in, or only those it leads.
UNIT_ROLES = Catalogue(
    "unit_roles", {"any": ("牵头或参加", "leads or takes part"), "lead": ("仅牵头", "leads only")}
)

# Counted nouns: (Chinese measure word and noun, English plural).
COUNTED = Catalogue(
    "counted",
    {
        "zone": ("个开发区", "zones"),
        "problem": ("个问题", "problems"),
        "finding": ("处不一致", "findings"),
        "cluster": ("个集群", "clusters"),
        "indicator": ("项指标", "indicators"),
        "task": ("项任务", "tasks"),
        "file": ("个文件", "files"),
        "county": ("个县区", "counties"),
    },
)

# The plan consistency audit's checks (console.engine.audit): each check's name.
CHECKS = Catalogue(
    "checks",
    {
        "tier_count": ("各档开发区数", "Zones per tier"),
        "star_count": ("各星级开发区数", "Zones per star level"),
        "tier_total": ("各档合计", "Tier counts in total"),
        "clusters_over_50": ("超50亿元集群数", "Clusters over 50 (" + YI_EN + ")"),
        "indicator_computed": ("指标计算值", "Computed indicator"),
    },
)
