"""The words of the drill-downs (console.present.drilldown_views): their tables' titles and column
headings, and the sentences that say how an indicator is judged. Data only."""

from console.words import Catalogue

DRILLDOWN = Catalogue(
    "drilldown",
    {
        "late_reports": (
            "季度报送（{period}）：逾期或未报送的开发区",
            "Quarterly reports ({period}): late or missing",
        ),
        "submitted": ("报送日期", "Submitted"),
        "report": ("报送状态", "Report"),
        "county": ("县区", "County"),
        "zone": ("开发区", "Zone"),
        "days_late": ("逾期天数", "Days late"),
        "status": ("状态", "Status"),
        "measure_ref": ("措施 {ref}", "Measure {ref}"),
        "plan_words": ("方案原文", "The plan's words"),
        "zones_listed": (
            "：最需关注的 {n} 个，另有 {more} 个未列出（可按县区筛选）",
            ": the {n} most in need of attention; {more} more not listed (filter by county)",
        ),
        "by_zone": ("各开发区", "By zone"),
        "by_zone_inside": ("各开发区（{inside}）", "By zone ({inside})"),
        "due": ("应达", "Due"),
        "progress": ("进度", "Progress"),
        "base": ("基期值", "Base"),
        "history": ("历史值", "Values over time"),
        "history_inside": ("历史值（{inside}）", "Values over time ({inside})"),
        "reported": ("上报值", "Reported"),
        "value": ("数值", "Value"),
        "quarter": ("季度", "Quarter"),
        "each_zone_judged": (
            "。每个开发区分别判断（见下表的基期值、进度和应达），指标取最差开发区的状态",
            ". Each zone is judged on its own (its base, progress and progress due are "
            "in the table below: Base, Progress, Due); the indicator takes its worst "
            "zone's status",
        ),
        "rank_in_tier": ("{heading}", "{heading} in tier"),
        "sentence_end": ("。", ". "),
        "this_period": ("本期", "now"),
        "inside_sep": ("，", ", "),
        "scope_city": ("{area}", "{area}-wide"),
        "scope_each_zone": ("每个开发区", "every zone"),
        "scope_each_zone_each_year": ("每个开发区、每年", "every zone, every year"),
        "scope_relative": ("相对指标", "relative"),
        "indicator_history": (
            "指标历史值（{area}或各区合计）",
            "Indicator values over time ({area}-wide or summed over zones)",
        ),
        "indicator_history_when": (
            "指标历史值（{area}或各区合计；{when}）",
            "Indicator values over time ({area}-wide or summed over zones; {when})",
        ),
        "basis_progress": (
            "基期起进度 =（最新值 - 基期值）/（目标 {target} - "
            "基期值），基期值为方案开始前最后一期的值；与按时间应达的进度（至{period}为 "
            "{share}）相比：达到为符合进度，不足为落后，达到目标为达标",
            "progress from the base = (latest - base) / (target {target} - "
            "base), the base being the last value before the plan began; against "
            "the progress due by now{by}, {share}: at or above it on track, "
            "below it behind, the target reached met",
        ),
        "basis_direct": (
            "最新值与目标（{comparison}{target}）直接比较；达到为达标，未到期前未达到为落后",
            "the latest value against the target ({comparison}{target}): met once reached, behind until then",
        ),
        "value_content": ("内容", "Value"),
        "item": ("项目", "Item"),
        "source": ("出处", "Source"),
        "task": ("所属任务", "Task"),
        "judged_on": ("判断依据", "Judged on"),
        "pace_due": ("（应达 {share}）", " (pace {share})"),
        "from_baseline": ("基期起进度", "From baseline"),
        "latest": ("最新值", "Latest"),
        "scope": ("范围", "Scope"),
        "target": ("目标", "Target"),
        "headline_goal": (
            "总体目标（方案第一部分）",
            "headline goal (section 1 of the plan)",
        ),
        "reported_value": ("；上报值 {reported}", "; reported {reported}"),
        "zones_met": (" 个开发区达标", " zones met"),
        "against_relative_to": ("（对比：{relative_to}）", " (against: {relative_to})"),
        "indicator": ("指标", "Indicator"),
        "code": ("指标编码", "Code"),
        "by_year": ("各年度（亿元）", "By year ({yi})"),
        "projected": ("预计全年", "Projected"),
        "pace": ("进度目标", "Pace"),
        "period": ("期间", "Period"),
        "ytd": ("累计", "YTD"),
        "year": ("年度", "Year"),
        "shown": ("（所选）", " (shown)"),
        "quarterly_reports": ("季度报送", "Quarterly reports"),
        "due_date": ("截止", "Due"),
        "clusters_when": ("产业集群（{when}，亿元）", "Clusters ({when}, {yi})"),
        "industry": ("产业", "Industry"),
        "zone_years": ("各年度目标与结果", "Targets and results by year"),
        "result_year": ("评价年度", "Result year"),
        "zones_in_tier": ("档内开发区数", "Zones in tier"),
        "tier": ("档级", "Tier"),
        "tier_target": ("档级目标", "Tier target"),
        "tier_goal": ("档级目标{arrow}结果", "Tier target{arrow}result"),
        "star": ("星级", "Star"),
        "star_target": ("星级目标", "Star target"),
        "star_goal": ("星级目标{arrow}结果", "Star target{arrow}result"),
    },
)
