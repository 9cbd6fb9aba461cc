"""The words of the console's keys (console.present.keys): for each key entry ``name``, its short word on
the key bar (``name``), its line in the help dialog (``name_help``) and, when it has one, its name in the
command palette (``name_palette``). A help line names a tab by ``{overview}`` … (the tab's title). Data
only.

A new key: add its ``KeyEntry`` to ``console.present.keys.CATALOGUE`` and its words here, under the
entry's name.
"""

from console.words import Catalogue

KEYS = Catalogue(
    "keys",
    {
        "show_tab": ("标签", "tabs"),
        "show_tab_help": (
            "切换标签页（1 {overview}，2 {zones}，3 {clusters}，4 {tasks}，5 {rankings}）",
            "switch tab (1 {overview}, 2 {zones}, 3 {clusters}, 4 {tasks}, 5 {rankings})",
        ),
        "focus_next": ("下一表", "next table"),
        "focus_next_help": (
            "焦点移到下一处 / 上一处；「{tasks}」标签页上在任务表与量化指标表之间切换",
            "move the focus to the next / previous place; on the {tasks} tab, between the tasks and "
            "the indicators",
        ),
        "command_palette": ("命令", "commands"),
        "command_palette_help": (
            "命令面板：按名称查找并执行任一操作",
            "command palette: find any action by name and run it",
        ),
        "cursor": ("移动", "move"),
        "cursor_help": ("上一行 / 下一行", "previous / next row"),
        "edge": ("首行/末行", "first/last"),
        "edge_help": ("第一行 / 最后一行（Home / End 相同）", "first row / last row (Home / End too)"),
        "page": ("翻页", "page"),
        "page_help": ("上一页 / 下一页", "previous / next page"),
        "column": ("左右", "columns"),
        "column_help": (
            "左右滚动，整列查看放不下或截短的列（名称列不动）",
            "scroll sideways to see whole the columns that do not fit or are cut (the name stays)",
        ),
        "select": ("详情", "detail"),
        "select_help": ("查看当前行详情（Esc 返回）", "open the row under the cursor (Esc goes back)"),
        "attention": ("关注名单", "attention list"),
        "attention_help": (
            "{overview}：进入需关注名单，↑↓/j k 移动，Enter 打开该开发区详情（Esc 离开名单）",
            "{overview}: move into the attention list, Up/Down or j/k move, Enter opens the zone "
            "(Esc leaves the list)",
        ),
        "search": ("搜索", "search"),
        "search_help": ("搜索当前标签页（Esc 清除）", "search this tab (Esc clears)"),
        "search_palette": ("搜索当前标签页", "Search this tab"),
        "submit": ("回到表格", "to the table"),
        "submit_help": (
            "搜索框中：保留搜索，回到表格",
            "in the search box: keep the search and go back to the table",
        ),
        "clear_search": ("清除", "clear"),
        "clear_search_help": ("清除搜索", "clear the search"),
        "sort": ("排序/原序", "sort/plan order"),
        "sort_help": (
            "按下一列排序；最后一列之后回到方案原序（也清除记住的排序）",
            "sort by the next column; after the last one, back to plan order (the remembered sort is "
            "cleared)",
        ),
        "sort_palette": ("排序（循环各列，最后回到方案原序）", "Sort (cycles the columns, then plan order)"),
        "sort_reverse": ("反向", "reverse"),
        "sort_reverse_help": ("反向排序", "reverse the sort"),
        "copy_row": ("复制行", "copy row"),
        "copy_row_help": (
            "将当前行发送到终端剪贴板（终端须允许）",
            "send the row under the cursor to the terminal's clipboard (OSC 52, if the terminal allows it)",
        ),
        "next_year": ("年度", "year"),
        "next_year_help": ("切换到下一年度（循环）", "next year (cycles through the plan's years)"),
        "next_year_palette": ("切换年度", "Next year"),
        "toggle_lang": ("English", "中文"),
        "toggle_lang_help": ("切换语言（中文 / English）", "switch language (English / 中文)"),
        "toggle_lang_palette": ("切换语言 English", "Switch language 中文"),
        "counties": ("县区", "counties"),
        "counties_help": ("县区筛选", "county filter"),
        "counties_palette": ("县区筛选", "County filter"),
        "units": ("单位", "units"),
        "units_help": (
            "按责任单位筛选：牵头或参加的任务，或仅牵头的（「{tasks}」标签页）",
            "filter by responsible unit: the tasks it leads or takes part in, or leads only ({tasks} tab)",
        ),
        "units_palette": ("按责任单位筛选任务", "Filter tasks by responsible unit"),
        "changes": ("变化", "changes"),
        "changes_help": (
            "本期变化：标出与比较期相比有变化的单元格（Δ），再按只显示有变化的行，再按关闭",
            "changes since a quarter: mark the cells that changed (Δ), again for changed rows only, "
            "again off",
        ),
        "changes_palette": (
            "本期变化（标出 / 只看变化 / 关闭）",
            "Changes since (mark / changed rows only / off)",
        ),
        "compare_with": ("比较期", "compare with"),
        "compare_with_help": ("选择比较期（与哪个季度末相比）", "choose the quarter to compare with"),
        "compare_with_palette": ("选择比较期", "Choose the quarter to compare with"),
        "export": ("导出", "export"),
        "export_help": (
            "导出当前视图（CSV/XLSX/Parquet/JSON/Markdown/SVG）",
            "export what you see (CSV/XLSX/Parquet/JSON/Markdown/SVG)",
        ),
        "export_palette": ("导出当前视图", "Export this view"),
        "bulletin": ("通报", "bulletin"),
        "bulletin_help": (
            "生成月度通报（Markdown / XLSX / Word）",
            "write the monthly bulletin (Markdown / XLSX / Word)",
        ),
        "bulletin_palette": ("生成月度通报", "Write the monthly bulletin"),
        "back": ("返回", "back"),
        "back_help": ("从详情页返回", "leave the drill-down"),
        "help": ("帮助", "help"),
        "help_help": ("帮助（本页）", "this help"),
        "help_palette": ("帮助：全部按键", "Help: every key"),
        "quit": ("退出", "quit"),
        "quit_help": ("退出", "quit"),
        "quit_anywhere": ("退出", "quit"),
        "quit_anywhere_help": (
            "退出（任何地方，搜索框中也可用）",
            "quit (from anywhere, the search box too)",
        ),
        "redraw": ("重绘", "redraw"),
        "redraw_help": (
            "重绘整个屏幕（其他程序的消息写乱了终端时）",
            "redraw the whole screen (when another program's message wrote over it)",
        ),
        "redraw_palette": ("重绘整个屏幕", "Redraw the whole screen"),
    },
)

# The help dialog's sections, in the order shown.
KEY_GROUPS = Catalogue(
    "key_groups",
    {
        "move": ("切换", "Moving around"),
        "table": ("表格", "Tables"),
        "view": ("年度、语言与筛选", "Year, language and filters"),
        "output": ("导出", "Output"),
        "drilldown": ("详情页", "Drill-down"),
        "general": ("其他", "General"),
    },
)

# What a key says where it does not apply (console.present.keys.not_here).
KEY_MESSAGES = Catalogue(
    "key_messages",
    {
        "not_here": ("{label} 只在{where}标签页可用", "{label} works on the {where} tab only"),
        "tab_where": ("「{title}」（按 {n}）", "{title} (press {n})"),
        "where_sep": ("、", ", "),
    },
)
