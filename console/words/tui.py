"""The console's own words (console.tui): toasts, the top bar, the failure screen, empty tables, the
changes mode's notes. Data only."""

from __future__ import annotations

from console.words import Catalogue

TUI = Catalogue(
    "tui",
    {
        # Workers' outcomes (console.tui.messages, .workers, .app)
        "reload_invalid": (
            "数据文件有误（{count}处），仍显示上次有效的数据：{message}",
            "The data files have {count} problem(s); still showing the last good data: {message}",
        ),
        "export_failed": ("导出失败：{message}", "Export failed: {message}"),
        "os_error_advice": (
            "请检查该路径是否存在、可读写且磁盘有空间",
            "check that the path exists, that you may read and write it, and that the disk has room",
        ),
        "internal_error": ("内部错误", "internal error"),
        "list_separator": ("；", "; "),
        "data_reloaded": ("数据已更新", "Data reloaded"),
        "loading_data": ("数据加载中…", "Loading the data…"),
        # Flows (console.tui.flows)
        "bulletin_month_note": (
            "默认为数据覆盖的最新月份（数据截至 {as_of}）",
            "The newest month the data covers (data to {as_of})",
        ),
        # The main screen (console.tui.main_screen)
        "header_invalid": ("数据有误（{n}）", "data invalid ({n})"),
        "header_loading": ("加载中…", "loading…"),
        "name_separator": ("、", ", "),
        "header_year": ("{year}年", "{year}"),
        "header_last_good": ("数据文件有误，显示上次有效数据", "data files invalid: last good data shown"),
        "cannot_show": ("数据有误，无法显示： {where}", "The data cannot be shown: {where}"),
        "fix_and_restart": (
            "修正后重新启动，或用 devzones check 查看。",
            "Fix the files and restart, or run devzones check.",
        ),
        "search_placeholder": ("搜索（Esc 清除）", "search (Esc clears)"),
        # The panes (console.tui.panes)
        "no_rows_match": (
            "没有匹配“{search}”的行（Esc 清除搜索）",
            "No rows match '{search}' (Esc clears the search)",
        ),
        "no_rows_changed": (
            "自{since}以来没有变化的行（d 关闭）",
            "No rows changed since {since} (d turns it off)",
        ),
        "no_rows": ("无数据", "No rows"),
        "indicators_title": ("量化指标", "Quantified targets"),
        "indicators_of_unit": ("量化指标：{unit}", "Quantified targets: {unit}"),
        # The changes mode (console.tui.changes_mode)
        "one_quarter_only": (
            "数据只有一个季度，无可比较的上期",
            "The data has one quarter: nothing to compare with",
        ),
        "changes_other_year": (
            "变化仅标于{year}年，{shown}年无可列出的变化行（y 切换年度，d 关闭）",
            "Changes are marked in {year} only: no changed rows in {shown} (y next year, d off)",
        ),
        "nothing_changed": ("没有变化", "nothing changed"),
        "more_changes": (
            "另有 {more} 项变化，各标签页以 {mark} 标出",
            "and {more} more, marked {mark} on each tab",
        ),
        "changes_since": ("{mark} 较{since}", "{mark} since {since}"),
        "changed_only": ("（仅变化）", " (changed only)"),
        "marked_in_year": ("（变化仅标于{year}年）", " (marked in {year} only)"),
    },
)
