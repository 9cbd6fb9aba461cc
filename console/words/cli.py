"""The words of the ``devzones`` command's messages: results, notes, warnings and errors, in Chinese
and English (``str.format`` placeholders). Its help (descriptions, options, examples) is in
``words.cli_help``. Data only: this module imports nothing of ``console`` but the Catalogue."""

from __future__ import annotations

from console.words import Catalogue

CLI = Catalogue(
    "cli",
    {
        # -- status --fail-on-missing's notes, the options' own checks, init's next steps ---------------------
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
        "template_needs": (
            "请给出 --zone 和 --period（季度报表），或 --assessment 年度（考核结果）",
            "give --zone and --period (a quarterly report), or --assessment YEAR (assessment results)",
        ),
        "option_not_here": (
            "{option} 不适用于 {command}（用于：交互界面、{commands}）",
            "{option} does not apply to {command} (it applies to: the console, {commands})",
        ),
        "option_console_only": (
            "{option} 只用于交互界面（不带子命令时），不适用于 {command}",
            "{option} applies only to the console (no command), not to {command}",
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
            "--period {value}：晚于数据所能支持的最新月份 {latest}（数据截至 {as_of}），可写 {latest} 或更早的月份；确需写出请加 --beyond-data（文中将注明）",
            "--period {value}: after {latest}, the latest month the data supports (data as of {as_of}); choose {latest} or earlier, or add --beyond-data (the document then says so)",
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
        # -- punctuation between the parts of a message ----------------------------------------------------
        "colon": ("：", ": "),
        "choice_separator": ("、", ", "),
        # -- issue 22, point 4 (output contract): export --out - and --shape --------------------------------
        "stdout_format": (
            "--out - 只能写 {formats}：{fmt} 是二进制或图片格式，请给出文件路径，如 --out 导出/",
            "--out - writes only {formats}: {fmt} is a binary or picture format; give a file path, "
            "such as --out exports/",
        ),
        "stdout_one_table": (
            "--out - 的 CSV 只能容纳一张表，而这次导出有 {count} 张（{tables}）；"
            "请只选一个视图，或改用 --format json / md",
            "CSV on --out - holds one table, and this export has {count} ({tables}); choose one view, "
            "or use --format json or md",
        ),
        "stdout_option": (
            "{option} 不能与 --out - 同时使用：标准输出只写数据本身",
            "{option} does not apply to --out -: standard output carries the data alone",
        ),
        "shape_views": (
            "--shape long 只适用于 --view zones 或 clusters（季度营收序列所在的视图），而不是 {view}",
            "--shape long applies to --view zones or clusters (the views with the quarterly series), "
            "not {view}",
        ),
        "shape_since": (
            "--shape long 不能与 --since 同时使用：变化清单没有季度序列",
            "--shape long does not apply with --since: the changes have no quarterly series",
        ),
    },
)

# What a user may type, accepted in either language (input, not words shown): the separators of a
# --county list, and the answers that confirm an ingest.
COUNTY_SEPARATORS = ",，"
YES_ANSWERS = ("y", "yes", "是")
