"""The dialogs' words (widgets/dialogs/): titles, hint lines, fields, buttons, counts. Data only."""

from __future__ import annotations

from console.words import Catalogue

DIALOGS = Catalogue(
    "dialogs",
    {
        # Shared
        "folder": ("文件夹", "Folder"),
        # County filter
        "county_title": ("县区筛选", "County filter"),
        "county_hint": (
            "输入文字筛选  空格 勾选  Ctrl+A 全选/全不选",
            "Type to filter  Space toggles  Ctrl+A all/none",
        ),
        "county_keys": (
            "Enter 应用（只筛出一个时即选它）  Esc 取消",
            "Enter applies (or picks the only match)  Esc cancels",
        ),
        "county_placeholder": ("筛选：名称或拼音", "filter: name or pinyin"),
        "county_all": ("全部 {total} 个县区（不勾选即全部）", "All {total} counties (none checked = all)"),
        "county_checked": ("已选 {n} / {total} 个县区", "{n} of {total} counties checked"),
        "county_shown": ("，显示 {n} 个", ", {n} shown"),
        # Responsible unit
        "unit_all": ("全部单位", "All units"),
        "unit_title": ("按责任单位筛选任务", "Filter tasks by responsible unit"),
        "unit_keys": (
            "Tab 计入范围  Enter 选定  Esc 取消",
            "Tab: which tasks count  Enter picks  Esc cancels",
        ),
        # Quarter to compare with
        "period_title": ("与哪个季度末相比（至{to}）", "Compare {to} with the end of"),
        "period_keys": ("Enter 选定  Esc 取消", "Enter chooses  Esc cancels"),
        # Help
        "help_title": ("按键（Esc 关闭）", "Keys (Esc closes)"),
        "help_leading_mark": (
            "行首 ! 表示该开发区未达或可能未达档级、星级或营收目标。",
            "A leading ! marks a zone missing, or at risk of missing, its tier, star or revenue target.",
        ),
        "help_tiers": (
            "“一→二档”：目标一档，实际（或最新结果）二档；“营收/进度”：累计完成占年度目标 / 按进度应完成比例。",
            "'T1→T2': target tier 1, result (or latest result) tier 2; 'Rev/pace': year to date as a share of"
            " the year's target / share due by now.",
        ),
        # Export
        "export_title": ("导出当前视图", "Export what you see"),
        "export_keys": (
            "Tab 下一项  Enter 确认本项  Ctrl+S 导出  Esc 取消",
            "Tab next  Enter confirms  Ctrl+S exports  Esc cancels",
        ),
        "this_tab": ("本标签页", "This tab"),
        "all_tabs": ("全部标签页", "All tabs"),
        "file_name": ("文件名", "File name"),
        "numbered": ("已有同名文件时自动编号", "Numbered if the file exists"),
        "export_failed_lead": ("导出失败：", "Export failed: "),
        "export_button": ("[ 导出 ]", "[ Export ]"),
        "cancel_button": ("[ 取消 ]", "[ Cancel ]"),
        # Bulletin (the keys in words, not arrows: the same in --ascii)
        "bulletin_title": ("月度通报", "Monthly bulletin"),
        "bulletin_keys": (
            "Tab 下一项  左右键选格式  Enter 生成  Esc 取消",
            "Tab next  Left/Right format  Enter writes  Esc cancels",
        ),
        "bulletin_month": ("月份（如 2026-10）", "Month (e.g. 2026-10)"),
        "bulletin_failed_lead": ("通报未生成：", "Bulletin not written: "),
    },
)
