"""The widgets' words (widgets/): the command palette's system commands, the drill-down's blocks and
charts, the overview's notes. Data only."""

from __future__ import annotations

from console.words import Catalogue

WIDGETS = Catalogue(
    "widgets",
    {
        # What a dialog's or widget's own key does (console.present.keys.WIDGET_BINDS)
        "bind_cancel": ("取消", "Cancel"),
        "bind_apply": ("应用", "Apply"),
        "bind_toggle": ("勾选", "Toggle"),
        "bind_all": ("全选", "All"),
        "bind_to_the_list": ("到列表", "To the list"),
        "bind_down": ("下移", "Down"),
        "bind_up": ("上移", "Up"),
        "bind_close": ("关闭", "Close"),
        "bind_export": ("导出", "Export"),
        "bind_write": ("生成", "Write"),
        "bind_next_option": ("下一项", "Next option"),
        "bind_previous_option": ("上一项", "Previous option"),
        "bind_back": ("返回", "Back"),
        "bind_submit": ("提交", "Submit"),
        # Textual's own palette commands and notices (widgets/commands.py)
        "theme": ("主题", "Theme"),
        "theme_help": ("更换配色主题", "Change the colour theme"),
        "quit": ("退出", "Quit"),
        "quit_help": ("立即退出", "Quit the console now"),
        "minimize": ("还原", "Minimize"),
        "minimize_help": ("把放大的部件还原", "Restore the maximized widget to its size"),
        "maximize": ("最大化", "Maximize"),
        "maximize_help": ("放大当前部件", "Maximize the focused widget"),
        "screenshot": ("截图", "Screenshot"),
        "screenshot_help": ("把当前屏幕保存为 SVG 图片", "Save the screen as an SVG picture"),
        "search_themes": ("搜索配色主题…", "Search for themes…"),
        "search_commands": ("搜索命令…", "Search for commands…"),
        "quit_key": ("按 {key} 退出", "Press {key} to quit"),
        "quit_title": ("要退出吗？", "Do you want to quit?"),
        # Charts with nothing to draw (widgets/drilldown_screen.py, widgets/overview.py)
        "chart_empty": ("无数据", "no data"),
        # The drill-down's series and blocks (widgets/drilldown_panel.py); a series label without an
        # entry in a language is shown as the data names it.
        "series_YTD": ("累计", "YTD"),
        "series_pace": ("进度目标", "pace"),
        "series_score": ("考核得分", "score"),
        "series_rank": ("档内排名", "rank"),
        "series_value": ("数值", "Value"),
        "series_target": ("目标", "Target"),
        "series_tier": ("{label}·{tier}", "{label}, {tier}"),
        "zone_revenue_chart": (
            "{year}年营收累计与进度目标（亿元）",
            "{year} revenue year to date vs pace ({unit})",
        ),
        "zone_score_chart": ("{pool}考核综合得分", "{pool_title} evaluation score"),
        "zone_rank_chart": ("{pool}（数值越小越靠前）", "{pool} within tier (lower is better)"),
        "all_on_time": ("全部按时报送", "All on time"),
        "n_zones": ("共 {n} 个", "{n} zones"),
        "cluster_summary": (
            "{year}年：目标 {target} 亿元，累计 {ytd}{period}，",
            "{year}: target {target}, year to date {ytd} ({units}): ",
        ),
        "cluster_chart": (
            "{year}年季度累计营收与进度目标（亿元）",
            "{year} year-to-date revenue by quarter vs pace ({unit})",
        ),
        "cluster_chart_any_year": (
            "季度累计营收与进度目标（亿元）",
            "Year-to-date revenue by quarter vs pace ({unit})",
        ),
        "lead_units": ("牵头单位", "Lead"),
        "participating_units": ("参加单位", "Participating"),
        "status": ("状态", "Status"),
        "measure": ("措施", "Measure"),
        "no_values_yet": ("尚无数据", "No values yet"),
        "indicator_chart": ("数值与目标（{unit}）", "Value against target ({unit})"),
        # The overview (widgets/overview.py)
        "reports_heading": ("季度报送（{period}）：", "Quarterly reports ({period}): "),
        "reports_more": (" 等{n}个", " and {more} more ({n} zones)"),
        "reports_all_listed": (
            "（全部名单：在需关注名单的「季度报表」上按 Enter）",
            " (all of them: Enter on 'Reports' in the attention list)",
        ),
        "reports_all_on_time": ("全部按时报送", "all on time"),
        "attention_title": (
            "需关注（未达或可能未达目标；Enter 打开）",
            "Attention: zones missing or at risk of missing a target (Enter opens)",
        ),
        "attention_below": ("未达或可能未达目标", "Missing or at risk of missing a target"),
        "tiers_chart": (
            "{area}开发区档级与星级：计划与实际（个）",
            "{area_title} zones by tier and star: plan and result",
        ),
        "result_year": ("{year}年", "{year}"),
    },
)
