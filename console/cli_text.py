"""The words of the ``devzones`` command: help, examples and error messages in Chinese and English.

Also a small shim that translates argparse's own fixed strings ("usage:", "options", "error:",
"invalid choice …") while a parser is built and used, so that help and usage errors speak the
chosen language from the first word to the last.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
from collections.abc import Iterable, Iterator

from console.core.text import clean

LANGS = ("zh", "en")

# key: (Chinese, English). Placeholders are str.format fields.
WORDS: dict[str, tuple[str, str]] = {
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
    "help": ("显示帮助并退出", "show this help message and exit"),
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
    "opt_fail_note": (
        "{count} 个开发区尚无数据（既无已公布的考核结果，也无季度报表数据），不计为未完成目标",
        "{count} zone(s) have no data yet (no assessment result published, no quarterly figures):"
        " not counted as missing a target",
    ),
    "fail_unreported": (
        "{count} 个开发区 {period} 的季度报表未报送（{zones}）：其营收进度无法判断，不计为未完成目标",
        "{count} zone(s) have not sent their {period} quarterly report ({zones}): their revenue progress"
        " cannot be judged, so it is not counted as missing a target",
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
    "template_needs": (
        "请给出 --zone 和 --period（季度报表），或 --assessment 年度（考核结果）",
        "give --zone and --period (a quarterly report), or --assessment YEAR (assessment results)",
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
        "svg 截图的终端大小，如 120x40（默认）",
        "terminal size of the svg screenshot, e.g. 120x40 (default)",
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
    "option_not_here": (
        "{option} 不适用于 {command}（用于：交互界面、{commands}）",
        "{option} does not apply to {command} (it applies to: the console, {commands})",
    ),
    "option_console_only": (
        "{option} 只用于交互界面（不带子命令时），不适用于 {command}",
        "{option} applies only to the console (no command), not to {command}",
    ),
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
    "init_done": (
        "已在 {out} 建立真实数据集（{count} 个文件；尚无进度数据，因此还没有数据截至季度）。\n"
        "下一步（每条命令都可照抄运行）：\n"
        "  1. 在配置中指向它：[data] dir = {toml}（devzones where 显示配置文件位置），或每次加 --data {data}\n"
        "  2. devzones check --data {data}    校验\n"
        "  3. devzones template --data {data} --assessment 2025 --out 考核.xlsx    全省考核结果录入表；"
        "填好后 devzones ingest --data {data} 考核.xlsx\n"
        "  4. devzones template --data {data} --zone 遂平 --period 2026Q1 --out 模板/    发给各开发区的季度报表\n"
        "  5. devzones ingest --data {data} 模板/*.xlsx    导入收回并填好的报表（devzones undo --data {data} 可撤销）\n"
        "共享服务器上：协调员只需读权限，市发改委需写权限（见 README 的“Going live”（上线）一节）。",
        "Created a real dataset in {out} ({count} files; no progress data yet, so no as-of quarter yet).\n"
        "Next steps (each command runs as printed):\n"
        "  1. point the config at it: [data] dir = {toml} (devzones where shows the config file), or pass --data {data}\n"
        "  2. devzones check --data {data}    validate it\n"
        "  3. devzones template --data {data} --assessment 2025 --out results.xlsx    the province's results to fill in;"
        " then devzones ingest --data {data} results.xlsx\n"
        "  4. devzones template --data {data} --zone Suiping --period 2026Q1 --out templates/    quarterly report"
        " workbooks for the zones\n"
        "  5. devzones ingest --data {data} templates/*.xlsx    ingest the returned, filled reports"
        " (devzones undo --data {data} reverts)\n"
        'On a shared server coordinators need read access, the commission write access (README, "Going live").',
    ),
    "ex_ingest": (
        "示例：\n  devzones ingest --data 数据/ 遂平-2026Q4.xlsx --dry-run\n"
        "  devzones ingest --data 数据/ 报表/*.xlsx --yes --json",
        "examples:\n  devzones ingest --data data/ suiping-2026Q4.xlsx --dry-run\n"
        "  devzones ingest --data data/ reports/*.xlsx --yes --json",
    ),
    # -- the guard's messages --------------------------------------------------------------------------
    "error": ("devzones：错误：{message}", "devzones: error: {message}"),
    "option_problem": ("{option}：{problem}", "{option}: {problem}"),
    "list_separator": ("；", "; "),
    "warning": ("devzones：警告：{message}", "devzones: warning: {message}"),
    "note": ("devzones：注意：{message}", "devzones: note: {message}"),
    "dataset_locked": (
        "{path}：数据集正被另一个导入或撤销占用，请稍后再试",
        "{path}: the dataset is locked by another ingest or undo; try again later",
    ),
    "embedded_read_only": (
        "内置示例数据只读；请复制一份（cp -r）并用 --data 指向它",
        "the embedded sample dataset is read-only; copy it (cp -r) and point --data at the copy",
    ),
    "undo_nothing": ("没有可撤销的导入。", "Nothing to undo."),
    "undo_restored": ("已恢复：{names}", "Restored: {names}"),
    "ingest_needs_yes": (
        "未应用：非交互运行时请加 --yes",
        "not applied: add --yes when not running interactively",
    ),
    "ingest_ask": ("应用这些修改？[y/N] ", "Apply these changes? [y/N] "),
    "rejected_file": ("{mark} {source}：", "{mark} {source}:"),
    "ingest_rejected": ("未导入任何内容，数据未改变", "nothing was ingested; the dataset is unchanged"),
    "ingest_dry_run": ("（试运行，未修改数据）", "(dry run: nothing changed)"),
    "ingest_nothing_new": ("没有新的或修改的数值。", "No new or revised values."),
    "generate_exists": (
        "{out} 已有数据集（{name}），generate 不会替换；请换一个文件夹，或加 --force 替换",
        "{out} already holds a dataset ({name}); generate does not replace it: choose another folder, or add --force",
    ),
    "ingest_done": (
        "已导入，原文件保存在 {entry}；可用 devzones undo --data {data} 撤销。",
        "Ingested; the replaced files are kept in {entry}; devzones undo --data {data} restores them.",
    ),
    "path_empty": (
        "路径为空（是否用了未设置的变量？）；请写出文件或文件夹的路径",
        "the path is empty (an unset variable?); give a file or folder path",
    ),
    "path_no_home": (
        "{value}：找不到用户 {user} 的主目录；请写出完整路径",
        "{value}: there is no home folder for the user {user}; give the full path",
    ),
    "county_empty": (
        "--county 不能为空；要看全部县区，请不加 --county",
        "--county is empty; leave --county out for all counties",
    ),
    "unknown_county": (
        "没有县区“{value}”。{hint}可选：{valid}",
        "unknown county '{value}'. {hint}Choose from: {valid}",
    ),
    "did_you_mean": ("是不是“{value}”？", "Did you mean '{value}'? "),
    "unknown_year": ("{value} 年没有目标。可选：{valid}", "no targets for {value}; choose from: {valid}"),
    "unknown_sort": (
        "没有可排序的列“{value}”。可选：{valid}",
        "no column '{value}' to sort by; choose from: {valid}",
    ),
    "encoding_csv_only": (
        "--encoding 只用于 --format csv（而不是 {fmt}）",
        "--encoding applies to --format csv only (not {fmt})",
    ),
    "size_svg_only": (
        "--size 只用于 --format svg（而不是 {fmt}）",
        "--size applies to --format svg only (not {fmt})",
    ),
    "svg_one_view": (
        "--format svg 截取一个标签页：请用 --view overview、zones、clusters、tasks 或 rankings，而不是 all",
        "--format svg draws one tab: use --view overview, zones, clusters, tasks or rankings, not all",
    ),
    "bad_size": (
        "--size “{value}”：应为 列数x行数，如 120x40（40–1000 列，10–1000 行）",
        "--size '{value}': expected COLSxROWS such as 120x40 (40-1000 columns, 10-1000 rows)",
    ),
    "bad_month": (
        "--period “{value}”：应为月份，如 2026-10 或 2026年10月",
        "--period '{value}': expected a month such as 2026-10 or 2026年10月",
    ),
    "month_after_data": (
        "--period {value}：晚于数据所能支持的最新月份 {latest}（数据截至 {as_of}），可写 {latest} 或更早的月份；确需写出请加 --force（文中将注明）",
        "--period {value}: after {latest}, the latest month the data supports (data as of {as_of}); choose {latest} or earlier, or add --force (the document then says so)",
    ),
    "month_before_data": (
        "--period {value}：该月的通报依据 {quarter} 的数据，早于数据的第一个季度 {first}；最早可写 --period {earliest}",
        "--period {value}: that month's bulletin would rest on {quarter}, before the data's first quarter {first};"
        " the earliest is --period {earliest}",
    ),
    "link_refused": (
        "{path} 是符号链接：devzones 不经链接写入，以免写到数据集之外；未做任何修改。"
        "请把它换成真实的文件夹或文件（或删除它）后再试",
        "{path} is a symbolic link: devzones does not write through a link, which could reach outside"
        " the dataset; nothing was changed. Replace it with a real folder or file (or remove it) and try again",
    ),
    "no_terminal": (
        "交互界面需要终端（输入和输出都不能是管道或文件）；脚本请用子命令，如 devzones status，见 devzones --help",
        "the console needs a terminal (neither input nor output may be a pipe or a file); scripts use a"
        " command such as devzones status: see devzones --help",
    ),
    "as_of_bad": (
        "{option} “{value}”：应为季度，如 2026Q2、2026-Q2 或 2026年第二季度",
        "{option} '{value}': expected a quarter such as 2026Q2, 2026-Q2 or 2026年第二季度",
    ),
    "as_of_no_data": (
        "{option} {value}：数据集还没有任何季度的数据",
        "{option} {value}: the dataset has no quarter's data yet",
    ),
    "as_of_outside": (
        "{option} {value}：数据覆盖 {first} 至 {last}",
        "{option} {value}: the data covers {first} to {last}",
    ),
    "since_svg": (
        "--since 不适用于 --format svg：界面截图不带变化清单；变化请用 --format csv、xlsx、json、parquet 或 md 导出",
        "--since does not apply to --format svg: the console screenshot carries no list of changes;"
        " export them with --format csv, xlsx, json, parquet or md",
    ),
    "since_order": (
        "--since {start} 应早于所导出的季度 {end}",
        "--since {start} must be before the quarter exported, {end}",
    ),
    "changes_order": (
        "--from {start} 应早于 --to {end}",
        "--from {start} must be before --to {end}",
    ),
    "changes_none": ("{start} 至 {end} 之间没有变化。", "No changes from {start} to {end}."),
    # Every kind of change, counted by kind, so that a figure elsewhere that counts some kinds only (the
    # bulletin's status changes) can be found in it.
    "changes_head": (
        "{start} → {end} 的全部变化，共 {count} 项（{kinds}）",
        "All changes from {start} to {end}: {count} ({kinds})",
    ),
    # -- devzones changes: the words for each code and field are console/present/changes_view.py's ---------
    "days_late": ("逾期 {days} 天", "{days} days late"),
    "revised_when": ("修订于 {when}", "revised {when}"),
    "bad_quarter": (
        "--period “{value}”：应为季度，如 2026Q4、2026-Q4 或 2026年第四季度",
        "--period '{value}': expected a quarter such as 2026Q4, 2026-Q4 or 2026年第四季度",
    ),
    "unknown_zone": (
        "没有开发区“{value}”。{hint}可选（简称）：{valid}",
        "unknown zone '{value}'. {hint}Choose from (short names): {valid}",
    ),
    "generated": (
        "已写入 {count} 张表和 manifest.toml 到 {out}",
        "wrote {count} tables and manifest.toml to {out}",
    ),
    "zones_min": ("--zones 至少为 1", "--zones must be at least 1"),
    "os_ENOSPC": (
        "磁盘空间不足：{path}。请腾出空间，或用 --out 写到别处。",
        "no space left on the device: {path}. Free some space, or write elsewhere with --out.",
    ),
    "os_EACCES": (
        "没有权限：{path}。请检查该文件或文件夹的权限，或换一个位置。",
        "permission denied: {path}. Check the permissions of that file or folder, or use another place.",
    ),
    "os_ENAMETOOLONG": (
        "文件名太长：{path}。请用较短的名称。",
        "file name too long: {path}. Use a shorter name.",
    ),
    "os_EROFS": (
        "只读文件系统：{path}。请换一个可写的位置。",
        "read-only file system: {path}. Use a writable place.",
    ),
    "os_no_new_files": (
        "无法在 {folder} 中新建文件：该文件夹存在，但不接受新文件（特殊或只读的文件系统，如 /proc）：{path}。请换一个位置。",
        "cannot create a file in {folder}: the folder exists but takes no new files (a special or"
        " read-only file system such as /proc): {path}. Use another place.",
    ),
    "os_ENOENT": ("找不到：{path}。请检查路径是否正确。", "not found: {path}. Check the path."),
    "os_ENOTDIR": ("不是文件夹：{path}。请检查路径。", "not a folder: {path}. Check the path."),
    "os_EISDIR": ("是文件夹而不是文件：{path}。", "is a folder, not a file: {path}."),
    "os_EEXIST": ("已存在：{path}。", "already exists: {path}."),
    "os_other": ("文件操作失败（{reason}）：{path}。", "file operation failed ({reason}): {path}."),
    "internal": (
        "内部错误（{kind}：{message}）。请把这一行和所用的命令发给本系统的维护人员；"
        "设 DEVZONES_DEBUG=1 再运行可显示详细追溯。",
        "internal error ({kind}: {message}). Please send this line and the command you ran to whoever "
        "maintains this installation; run again with DEVZONES_DEBUG=1 for the traceback.",
    ),
    "interrupted": ("已中断。", "interrupted."),
    # -- where -------------------------------------------------------------------------------------------
    "where_user": ("用户配置", "user config"),
    "where_system": ("系统配置", "system config"),
    "where_default": ("默认设置（说明每个键）", "defaults (documents every key)"),
    "where_state": ("状态（界面记住的标签页、排序等）", "state (what the console remembers)"),
    "where_state_note": (
        "界面退出时写入；配置文件只读不写",
        "written when the console quits; config files are only read",
    ),
    "where_cache": ("缓存", "cache"),
    "where_data": ("数据", "data"),
    "where_embedded": ("内置示例数据", "the embedded sample data"),
    "exists": ("存在", "exists"),
    "absent": ("不存在", "absent"),
}

# What each --format value writes (the export and bulletin help list every value they accept from these).
FORMAT_WORDS: dict[str, tuple[str, str]] = {
    "csv": ("csv（CSV 表格）", "csv (CSV)"),
    "xlsx": ("xlsx（Excel 工作簿）", "xlsx (Excel workbook)"),
    "parquet": ("parquet（Parquet 数据文件）", "parquet (Parquet data file)"),
    "json": ("json（JSON）", "json (JSON)"),
    "md": ("md（Markdown 文本）", "md (Markdown text)"),
    "svg": ("svg（SVG 图片：界面截图）", "svg (SVG picture: a screenshot of the console)"),
    "docx": ("docx（Word 公文版式）", "docx (Word, official-document layout)"),
}

# Placeholders in help and usage lines (argparse's metavars), by their English form. A value's own
# form (YYYYQN, YYYY-MM) and a list of choices ({zh,en}) are shown as they are typed.
METAVARS: dict[str, str] = {
    "COMMAND": "子命令",
    "DIR": "目录",
    "PATH": "路径",
    "FILE": "文件",
    "YEAR": "年度",
    "C": "县区",
    "KEY": "列",
    "N": "个数",
    "SEED": "种子",
    "SEARCH": "文字",
    "ZONE": "开发区",
    "COLSxROWS": "列数x行数",
    "SHELL": "命令行类型",
}


def formats_words(formats: Iterable[str], lang: str) -> str:
    """Every format in ``formats`` with what it writes, as a list in ``lang``."""
    return join_choices((FORMAT_WORDS[f][0 if lang == "zh" else 1] for f in formats), lang)


def metavar(name: str, lang: str) -> str:
    """A help placeholder in ``lang`` (its English form when there is no Chinese one)."""
    return METAVARS.get(name, name) if lang == "zh" else name


# argparse's fixed strings (Python 3.11-3.13) in Chinese; anything not listed stays as argparse says it.
ARGPARSE_ZH: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项值 %(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "%(value)r 不是有效的%(type)s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可能是：%(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "忽略了多余的值 %r",
    "one of the arguments %s is required": "需要以下参数之一：%s",
    "unexpected option string: %s": "意外的选项：%s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "没有子命令 %(parser_name)r（可选：%(choices)s）",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
}


def say(key: str, lang: str, **fields: object) -> str:
    """The words for ``key`` in ``lang`` with ``fields`` filled in."""
    zh, en = WORDS[key]
    return (zh if lang == "zh" else en).format(**fields)


def join_choices(values: Iterable[object], lang: str) -> str:
    """``a, b, c`` (or ``a、b、c`` in Chinese) from any iterable of values."""
    return ("、" if lang == "zh" else ", ").join(str(v) for v in values)


@contextlib.contextmanager
def argparse_language(lang: str) -> Iterator[None]:
    """While active, argparse's own strings come out in ``lang`` (it looks them up through ``_``)."""
    if lang != "zh":
        yield
        return
    # argparse's gettext aliases are module globals that its stubs do not declare (hence the ignores).
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def gettext(message: str) -> str:
        return ARGPARSE_ZH.get(message, message)

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    argparse._, argparse.ngettext = gettext, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


# Control (Cc), format (Cf: bidi overrides, zero-width marks), line/paragraph separators and lone
# surrogates: none of them reaches the terminal raw in a message.
def visible(text: object, limit: int = 160) -> str:
    """A path or message as one safe line: control, format and separator characters shown as
    escapes (``\\x1b``, ``\\u202e``), and the middle of a very long text elided."""
    shown = clean(text, escape=True)
    if len(shown) > limit:
        keep = (limit - 1) // 2
        shown = shown[:keep] + "…" + shown[-keep:]
    return shown


# errno -> the words that say what happened and what to do (EDQUOT does not exist on every platform).
OS_KEYS = {
    getattr(errno, name): key
    for name, key in (
        ("ENOSPC", "os_ENOSPC"),
        ("EDQUOT", "os_ENOSPC"),
        ("EACCES", "os_EACCES"),
        ("EPERM", "os_EACCES"),
        ("ENAMETOOLONG", "os_ENAMETOOLONG"),
        ("EROFS", "os_EROFS"),
        ("ENOENT", "os_ENOENT"),
        ("ENOTDIR", "os_ENOTDIR"),
        ("EISDIR", "os_EISDIR"),
        ("EEXIST", "os_EEXIST"),
    )
    if hasattr(errno, name)
}
