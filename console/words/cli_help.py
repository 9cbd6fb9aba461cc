"""The help of the ``devzones`` command in Chinese and English: the program's and each command's
description, every option, the examples and exit codes (the epilog), the formats, the placeholders,
and argparse's own fixed strings. Data only: this module imports nothing of ``console`` but the Catalogue."""

from __future__ import annotations

from console.words import Catalogue

CLI_HELP = Catalogue(
    "cli_help",
    {
        # -- the program and its commands ------------------------------------------------------------------
        "description": (
            "驻马店市开发区高质量发展三年行动（2024—2026年）监测台。不带子命令时打开交互界面。",
            "Monitor Zhumadian's 2024-2026 development-zone action plan. With no command, open the console.",
        ),
        "commands": ("子命令", "commands"),
        "check": (
            "校验数据，并核对计划文本与数据是否一致",
            "validate the data and audit the plan against itself",
        ),
        "status": ("每个开发区、产业集群和指标的进度状态", "status of every zone, cluster and indicator"),
        "rankings": (
            "开发区排名：综合得分、全省同档位次和计划规定的奖惩标记",
            "zones ranked: composite score, province rank within tier, and the plan's rule flags",
        ),
        "bulletin": ("生成月度通报", "write the monthly bulletin (月度通报)"),
        "template": (
            "生成某开发区的季度报表填报模板（.xlsx）",
            "write a zone's fill-in workbook for a quarterly report",
        ),
        "ingest": (
            "校验已填报表并合并到数据集（可用 devzones undo 撤销）",
            "check filled reports and merge them into the dataset (undo with devzones undo)",
        ),
        "undo": ("恢复上一次导入所替换的文件", "restore the files the last ingest replaced"),
        "export": (
            "与界面中的导出相同，把视图写成以下格式之一：{formats}",
            "as the console does, write a view in one of these formats: {formats}",
        ),
        "generate": ("生成示例数据集（结果确定、可重现）", "write a sample dataset (deterministic)"),
        "init": (
            "新建真实数据集：计划表、空的进度表和 manifest.toml（sample = false）",
            "start a real dataset: the plan tables, empty progress tables and manifest.toml (sample = false)",
        ),
        "where": (
            "显示配置、状态、缓存和数据所在的位置",
            "show where the config, state, cache and data are",
        ),
        "completion": ("输出命令行补全脚本", "print a shell completion script"),
        "changes": (
            "两个季度之间的变化：状态转变、目标达成或未达成、排名升降、报表到达或缺报、数据修订",
            "what changed between two quarters: status transitions, targets met or missed, rank moves,"
            " reports arrived or missing, revised figures",
        ),
        # -- options ---------------------------------------------------------------------------------------
        "version": ("显示版本号并退出", "show the version and exit"),
        "opt_data": ("数据集目录（默认：内置示例数据）", "dataset directory (default: the embedded data)"),
        "opt_lang": ("语言：zh（默认）或 en", "language, zh (default) or en"),
        "opt_ascii": ("只用 ASCII 符号和线条", "plain ASCII symbols and lines only"),
        "opt_mouse": ("交互界面不捕获鼠标", "console: do not capture the mouse"),
        "opt_year": ("计划年度（默认：数据截至季度所在年度）", "the plan year (default: the as-of year)"),
        "opt_county": (
            "只看该县区的开发区（可重复，或用逗号分隔）",
            "only zones of this county or district (repeat, or separate with commas)",
        ),
        "opt_as_of": (
            "按某季度末的数据评估，如 2026Q2（默认：数据中最新季度）",
            "evaluate the data as it stood at the end of a quarter, such as 2026Q2 (default: the latest)",
        ),
        "opt_since": (
            "变化模式：同时导出自某季度末以来的变化（如 2026Q2，与 changes --from 相同），清单中记下参照期",
            "changes mode: also write the changes since the end of a quarter (such as 2026Q2, as changes --from)"
            " beside the view; the manifest names that reference period",
        ),
        "opt_from": ("比较起点季度，如 2026Q2", "the quarter to compare from, such as 2026Q2"),
        "opt_to": ("比较终点季度（默认：数据中最新季度）", "the quarter to compare to (default: the latest)"),
        "opt_json": ("输出 JSON（供程序读取）", "machine-readable output (JSON)"),
        "opt_fail": (
            "有开发区未完成目标时以退出码 1 结束（用于定时任务；尚无数据不算未完成）",
            "exit 1 when a zone shown misses a target (for cron; no data yet is not a miss)",
        ),
        "opt_month": ("通报月份，如 2026-10", "the bulletin's month, e.g. 2026-10"),
        "opt_bulletin_format": ("格式：{formats}", "format: {formats}"),
        "opt_out_file": (
            "要写入的文件；以 / 结尾或已存在的文件夹则写入其中，名称自动生成",
            "file to write; ending in / or an existing folder: a suggested name inside it",
        ),
        "opt_force": (
            "覆盖已有文件，而不是给新文件编号",
            "replace an existing file instead of numbering the new one",
        ),
        "opt_zone": ("开发区（全称或简称）", "the zone (full or short name)"),
        "opt_assessment": (
            "改为生成某年度全省考核结果的录入模板（所有开发区一张表）",
            "instead, write the entry workbook for a year's provincial assessment results (every zone)",
        ),
        "opt_init_dir": ("新数据集的文件夹（不存在则新建）", "folder of the new dataset (created if absent)"),
        "opt_init_force": (
            "文件夹不是空的也照样建立（已有数据集文件时仍然拒绝）",
            "create it even in a non-empty folder (a folder already holding a dataset is still refused)",
        ),
        "opt_quarter": ("季度，如 2026Q4", "the quarter, e.g. 2026Q4"),
        "opt_files": (
            "已填好的 .xlsx 模板或同字段的 .csv 文件",
            "filled .xlsx templates or .csv files of the same fields",
        ),
        "opt_dry": ("只显示将要修改的内容，不做修改", "show what would change, change nothing"),
        "opt_yes": ("不询问，直接应用", "apply without asking"),
        "opt_view": ("视图", "the view"),
        "opt_search": (
            "只导出包含该文字的行（同界面中的 /）",
            "only rows containing this text, as / does in the console",
        ),
        "opt_sort": (
            "按列排序（zone、target、score …）；列名前加 - 为降序",
            "sort by a column key (zone, target, score …); -KEY for descending",
        ),
        "opt_format": ("格式：{formats}", "format: {formats}"),
        "opt_encoding": (
            "CSV 的编码：utf-8（默认，带 BOM）、gb18030（旧版软件）或 gbk",
            "CSV encoding: utf-8 (default, with a BOM), gb18030 (older readers) or gbk",
        ),
        "opt_size": (
            "svg 截图的终端大小，如 120x40（默认；英文默认 160x40）",
            "terminal size of the svg screenshot, e.g. 120x40 (the default in Chinese; 160x40 in English)",
        ),
        "opt_gen_out": ("要写入的目录", "directory to write"),
        "opt_zones": (
            "生成 N 个开发区的模拟计划（184：一个省，2543：全国）",
            "synthetic plan of N zones (184: a province, 2543: the nation)",
        ),
        "opt_seed": ("随机种子（默认：内置数据的种子）", "random seed (default: the shipped data's seed)"),
        "opt_plan": ("使用的计划表目录（默认：内置数据）", "plan tables to use (default: the embedded data)"),
        "opt_gen_force": ("替换 --out 中已有的数据集", "replace a dataset already in --out"),
        "opt_shell": ("命令行类型（bash、zsh 或 tcsh）", "the shell"),
        "integer": ("整数", "integer"),
        # argparse ends a section heading with ':'; a Chinese heading takes the full-width colon.
        "heading_colon": ("：", ":"),
        # -- the epilog ------------------------------------------------------------------------------------
        "epilog": (
            "示例：\n"
            "  devzones                                  打开交互界面\n"
            "  devzones status --county 遂平县           某县区的进度\n"
            "  devzones status --json --fail-on-missing  定时任务：有未完成目标时退出码为 1\n"
            "  devzones export --view all --format xlsx --out 导出/\n"
            "  devzones bulletin --period 2026-10 --out 通报/\n"
            "  devzones where                            配置、缓存和数据的位置\n"
            "\n"
            "退出码：\n"
            "  0  成功\n"
            "  1  --fail-on-missing 发现未完成目标的开发区；导入未应用（含确认期间数据集已变）；没有可撤销的导入\n"
            "  2  用法错误：选项有误，或数据中没有所要的年度、县区、开发区、月份\n"
            "  3  数据无效（指出文件、行和列）、报表被拒收，或撤销被拒（文件在导入后被改过）\n"
            "  4  文件系统错误：没有权限、磁盘已满、文件名太长、文件夹不存在、数据集被另一导入占用等\n"
            "  5  程序内部错误（请报告；设 DEVZONES_DEBUG=1 可显示详细追溯）\n"
            "\n"
            '语言：--lang en 或设置 [display] lang = "en" 使用英文。',
            "examples:\n"
            "  devzones                                  open the console\n"
            "  devzones status --county 遂平县           one county's progress\n"
            "  devzones status --json --fail-on-missing  for cron: exit 1 when a target is missed\n"
            "  devzones export --view all --format xlsx --out exports/\n"
            "  devzones bulletin --period 2026-10 --out bulletins/\n"
            "  devzones where                            where config, cache and data are\n"
            "\n"
            "exit codes:\n"
            "  0  success\n"
            "  1  --fail-on-missing found a zone missing a target; ingest not applied (also: the dataset\n"
            "     changed while you decided); nothing to undo\n"
            "  2  usage error: a wrong option, or a year, county, zone or month the data does not have\n"
            "  3  invalid data (with file, row and column), a rejected report, or an undo refused because\n"
            "     a file changed after the ingest\n"
            "  4  file-system error: permission, disk full, name too long, missing folder, dataset locked\n"
            "     by another ingest …\n"
            "  5  internal error (please report it; DEVZONES_DEBUG=1 shows the traceback)\n"
            "\n"
            'language: Chinese by default; --lang en or the setting [display] lang = "en" for English.',
        ),
        # -- each command's examples (its help's epilog) -------------------------------------------------------
        "ex_status": (
            "示例：\n  devzones status --year 2025 --county 遂平县,西平县\n  devzones status --json --fail-on-missing",
            "examples:\n  devzones status --year 2025 --county 'Suiping County,Xiping County'\n  devzones status --json --fail-on-missing",
        ),
        "ex_changes": (
            "示例：\n  devzones changes --from 2026Q2\n  devzones changes --from 2025Q4 --to 2026Q2 --county 遂平县 --json",
            "examples:\n  devzones changes --from 2026Q2\n  devzones changes --from 2025Q4 --to 2026Q2 --json",
        ),
        "ex_export": (
            "示例：\n  devzones export --view zones --format xlsx --out 导出/\n"
            "  devzones export --view clusters --sort=-target --format csv --out 集群.csv",
            "examples:\n  devzones export --view zones --format xlsx --out exports/\n"
            "  devzones export --view clusters --sort=-target --format csv --out clusters.csv",
        ),
        "ex_bulletin": (
            "示例：\n  devzones bulletin --period 2026-10 --out 通报/\n"
            "  devzones bulletin --period 2026年10月 --format xlsx --out 十月通报.xlsx",
            "examples:\n  devzones bulletin --period 2026-10 --out bulletins/\n"
            "  devzones bulletin --period 2026-10 --format xlsx --lang en --out october.xlsx",
        ),
        "ex_template": (
            "示例：\n  devzones template --zone 遂平 --period 2026Q4 --out 模板/",
            "examples:\n  devzones template --zone Suiping --period 2026Q4 --out templates/",
        ),
        "ex_init": (
            "示例：\n  devzones init /srv/devzones/数据\n  devzones init 数据 --force",
            "examples:\n  devzones init /srv/devzones/data\n  devzones init data --force",
        ),
        "ex_ingest": (
            "示例：\n  devzones ingest --data 数据/ 遂平-2026Q4.xlsx --dry-run\n"
            "  devzones ingest --data 数据/ 报表/*.xlsx --yes --json",
            "examples:\n  devzones ingest --data data/ suiping-2026Q4.xlsx --dry-run\n"
            "  devzones ingest --data data/ reports/*.xlsx --yes --json",
        ),
        # issue 22 (the 通报 as a 公文): bulletin --style and --number.
        "opt_bulletin_style": (
            '版式：gongwen（公文，GB/T 9704-2012）或 tongbao（情况通报）；默认取配置中的 style = "gongwen"',
            "layout: gongwen (official document, GB/T 9704-2012) or tongbao (情况通报); default: the "
            "config's [bulletin] style",
        ),
        "opt_bulletin_number": (
            "发文字号的序号（公文）或期号（情况通报）；不给时沿用该月通报已编的号，否则取本系列的下一个号（仅 docx、pdf）",
            "the 发文字号's number (gongwen) or the issue number (tongbao); default: the number the month's "
            "bulletin was given already, else the next of the series (docx and pdf only)",
        ),
        "opt_beyond_data": (
            "晚于数据所能支持的最新月份也写出（文中注明其并非该月情况）",
            "write a month after the latest the data supports (the document says it does not describe that month)",
        ),
        # -- issue 22, installs: the manual page (tests/support/manpage.py) and the help's pointer to it ----
        # The manual page's NAME line (what `man -k` and `whatis` show) and the title over its pages.
        "man_name": ("驻马店市开发区三年行动方案监测台", "monitor Zhumadian's development-zone action plan"),
        "man_manual": ("用户命令", "User Commands"),
        # The last line of `devzones --help`: where the whole manual is.
        "epilog_manual": (
            "手册：“man devzones”（英文；与本帮助同源，另含各子命令的全部选项）",
            "manual: man devzones (made from this help, with every command's options)",
        ),
        # -- issue 22, point 4 (output contract): export --out - and --shape --------------------------------
        "opt_out_export": (
            "要写入的文件；以 / 结尾或已存在的文件夹则写入其中，名称自动生成；"
            "- 写到标准输出（仅 csv、json、md，不写清单）",
            "file to write; ending in / or an existing folder: a suggested name inside it; "
            "- writes to standard output (csv, json and md only; no manifest)",
        ),
        "opt_shape": (
            "wide（默认）：每个开发区（集群）一行，每季度一列；long：每个开发区（集群）每季度一行，"
            "列名固定、不随 --as-of 变化；仅用于 zones、clusters 视图",
            "wide (default): one row per zone (cluster), a column per quarter; long: one row per zone "
            "(cluster) and quarter, with fixed column names (zone_id, quarter, revenue, revenue_ytd, "
            "target …); zones and clusters views only",
        ),
    },
)

# What each --format value writes (the export and bulletin help list every value they accept from these).
CLI_FORMATS = Catalogue(
    "cli_formats",
    {
        "csv": ("csv（CSV 表格）", "csv (CSV)"),
        "xlsx": ("xlsx（Excel 工作簿）", "xlsx (Excel workbook)"),
        "parquet": ("parquet（Parquet 数据文件）", "parquet (Parquet data file)"),
        "json": ("json（JSON）", "json (JSON)"),
        "md": ("md（Markdown 文本）", "md (Markdown text)"),
        "svg": ("svg（SVG 图片：界面截图）", "svg (SVG picture: a screenshot of the console)"),
        "docx": ("docx（Word 公文版式）", "docx (Word, official-document layout)"),
        # issue 22 (the 通报 as a 公文): PDF through LibreOffice.
        "pdf": ("pdf（便携文档，可直接打印分发）", "pdf (PDF, converted by LibreOffice)"),
    },
)

# Placeholders in help and usage lines (argparse's metavars), keyed by their English form. A value's own
# form (YYYYQN, YYYY-MM) and a list of choices ({zh,en}) are shown as they are typed.
CLI_METAVARS = Catalogue(
    "cli_metavars",
    {
        "COMMAND": ("子命令", "COMMAND"),
        "DIR": ("目录", "DIR"),
        "PATH": ("路径", "PATH"),
        "FILE": ("文件", "FILE"),
        "YEAR": ("年度", "YEAR"),
        "C": ("县区", "C"),
        "KEY": ("列", "KEY"),
        "N": ("个数", "N"),
        "NUMBER": ("序号", "NUMBER"),
        "SEED": ("种子", "SEED"),
        "SEARCH": ("文字", "SEARCH"),
        "ZONE": ("开发区", "ZONE"),
        "COLSxROWS": ("列数x行数", "COLSxROWS"),
        "SHELL": ("命令行类型", "SHELL"),
    },
)

# argparse's fixed strings (Python 3.11-3.13): the English is argparse's own message id, word for word;
# anything not listed stays as argparse says it.
ARGPARSE = Catalogue(
    "cli_argparse",
    {
        "usage": ("用法：", "usage: "),
        "positional_arguments": ("位置参数", "positional arguments"),
        "options": ("选项", "options"),
        "show_this_help_message_and_exit": ("显示帮助并退出", "show this help message and exit"),
        "show_program_s_version_number_and_exit": (
            "显示版本号并退出",
            "show program's version number and exit",
        ),
        "prog_error_message": ("%(prog)s：错误：%(message)s\n", "%(prog)s: error: %(message)s\n"),
        "argument_argument_name_message": (
            "参数 %(argument_name)s：%(message)s",
            "argument %(argument_name)s: %(message)s",
        ),
        "invalid_choice_value_choose_from_choices": (
            "无效的选项值 %(value)r（可选：%(choices)s）",
            "invalid choice: %(value)r (choose from %(choices)s)",
        ),
        "invalid_type_value_value": ("%(value)r 不是有效的%(type)s", "invalid %(type)s value: %(value)r"),
        "the_following_arguments_are_required_x": (
            "缺少必需的参数：%s",
            "the following arguments are required: %s",
        ),
        "unrecognized_arguments_x": ("无法识别的参数：%s", "unrecognized arguments: %s"),
        "expected_one_argument": ("需要一个值", "expected one argument"),
        "expected_at_most_one_argument": ("最多需要一个值", "expected at most one argument"),
        "expected_at_least_one_argument": ("至少需要一个值", "expected at least one argument"),
        "ambiguous_option_option_could_match_matches": (
            "选项 %(option)s 有歧义，可能是：%(matches)s",
            "ambiguous option: %(option)s could match %(matches)s",
        ),
        "not_allowed_with_argument_x": ("不能与参数 %s 同时使用", "not allowed with argument %s"),
        "ignored_explicit_argument_x": ("忽略了多余的值 %r", "ignored explicit argument %r"),
        "one_of_the_arguments_x_is_required": ("需要以下参数之一：%s", "one of the arguments %s is required"),
        "unexpected_option_string_x": ("意外的选项：%s", "unexpected option string: %s"),
        "unknown_parser_parser_name_choices_choices": (
            "没有子命令 %(parser_name)r（可选：%(choices)s）",
            "unknown parser %(parser_name)r (choices: %(choices)s)",
        ),
        "expected_x_argument": ("需要 %s 个值", "expected %s argument"),
        "expected_x_arguments": ("需要 %s 个值", "expected %s arguments"),
    },
)
