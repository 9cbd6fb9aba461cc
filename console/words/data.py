"""What a data file's problems are told (console.data.problem_words, DataError.text), in Chinese and
English: messages, the places they name, the operating system's reasons and what each table holds."""

from __future__ import annotations

from console.words import Catalogue

# key -> (Chinese, English); placeholders are filled with str.format.
DATA = Catalogue(
    "data",
    {
        # -- places and the quoted value (DataError.text) ----------------------------------------------
        "row": ("第 {row} 行", "row {row}"),
        "column": ("“{column}”列", "column '{column}'"),
        "place_sep": ("，", ", "),
        "found": ("填写的是“{value}”", "found '{value}'"),
        "found_sep": ("，", ": "),
        "at": ("{place}：{message}", "{place}: {message}"),
        # -- the dataset's folder and files ------------------------------------------------------------
        "no_dir": ("数据目录不存在", "no such data directory"),
        "missing_file": (
            "缺少文件：应有 {names}（{description}）",
            "missing file: expected {names} ({description})",
        ),
        "files_twice": ("{listed} 都是“{table}”表，只保留一个", "{listed} all hold '{table}'; keep only one"),
        "manifest_missing": (
            "缺少文件：应有 manifest.toml，写明 title、sample 和（有进度数据后）as_of",
            "missing file: expected manifest.toml with title, sample and (once data arrives) as_of",
        ),
        "not_toml": ("不是有效的 TOML 文件，请检查其格式", "not valid TOML: {detail}"),
        "title_expected": ("应为数据集的标题（文字）", "expected the dataset's title as text"),
        "sample_expected": (
            "应为 true 或 false：进度数据是否为示例数据？",
            "expected true or false: is the progress data sample data?",
        ),
        "header_no_rows": ("文件只有表头，没有数据行", "the file has a header but no rows"),
        "unreadable": (
            "无法读取（{reason}）；请检查它是否存在、是否有权读取",
            "cannot be read ({reason}); check that it exists and that you may read it",
        ),
        # -- reading a file ----------------------------------------------------------------------------
        "bad_bytes": (
            "含有无法按任何支持的编码解读的字节；请把文件另存为 UTF-8（Excel 中的“CSV UTF-8”）或 GB18030",
            "bytes that decode in no supported encoding; save the file as UTF-8 (CSV UTF-8 in Excel) or GB18030",
        ),
        "too_many_values": (
            "有 {count} 个值，而表头只有 {width} 列",
            "{count} values where the header has {width} columns",
        ),
        "malformed_csv_at": (
            "CSV 格式有误；文件是否不完整？",
            "malformed CSV ({detail}); is the file truncated?",
        ),
        "malformed_csv": ("CSV 格式有误；文件是否不完整？", "malformed CSV; is the file truncated?"),
        "empty_file": ("文件是空的；应有表头行", "the file is empty; expected a header row"),
        "malformed_header": ("CSV 表头格式有误", "malformed CSV header ({detail})"),
        "truncated_row": (
            "最后一行在第 {count} 个值后中断（应有 {width} 个）；文件似乎不完整",
            "the last row stops after {count} of {width} values; the file looks truncated",
        ),
        "bad_parquet": (
            "不是可读取的 Parquet 文件（不完整或已损坏？）",
            "not a readable Parquet file (truncated or damaged?): {detail}",
        ),
        "nested_column": (
            "此列含有嵌套或对象类型的值；应为普通文字或数字",
            "the column holds {dtype} values; expected plain text or numbers",
        ),
        "not_text": ("有列无法读作文字", "columns that cannot be read as text: {detail}"),
        "bad_xlsx": (
            "不是可读取的 .xlsx 工作簿（不完整或已损坏？）",
            "not a readable .xlsx workbook (truncated or damaged?): {detail}",
        ),
        "formula_no_value": (
            "工作表“{sheet}”单元格 {cell} 含公式“{formula}”但没有保存计算结果；请填写数值本身，或用电子表格软件打开后保存",
            "sheet '{sheet}', cell {cell} holds a formula '{formula}' with no saved result; type the value"
            " itself, or open and save the file in Excel",
        ),
        "far_cell": (
            "工作表“{sheet}”单元格 {cell} 有内容，远在表格之外：一张工作表最多读取 {rows} 行、{columns} 列、"
            "共 {cells} 个单元格；请删除这个多余的单元格（或把表格拆小）",
            "sheet '{sheet}', cell {cell} holds a value far outside the table: a sheet is read up to {rows}"
            " rows, {columns} columns and {cells} cells in all; delete the stray cell (or split the table)",
        ),
        "crowded_sheet": (
            "工作表“{sheet}”的单元格（含只有格式的空单元格，到 {cell} 为止）多于 {elements} 个；请删除多余的行列",
            "sheet '{sheet}' has more than {elements} cells (empty formatted ones included, up to {cell});"
            " delete the rows and columns it does not need",
        ),
        "sheet_unreadable": (
            "工作表“{sheet}”无法读取（内容已损坏）",
            "sheet '{sheet}' cannot be read (its content is damaged): {detail}",
        ),
        "unsupported": (
            "不支持的格式；应为 .csv、.parquet 或 .xlsx",
            "unsupported format; expected .csv, .parquet or .xlsx",
        ),
        "header_twice": (
            "表头中此列出现两次；只保留一个",
            "the header names this column twice; keep only one",
        ),
        # -- columns and cells -------------------------------------------------------------------------
        "missing_column": ("缺少“{column}”列（{description}）", "missing column '{column}' ({description})"),
        "unexpected_column": (
            "多余的列；应有的列为：{columns}。{hint}",
            "unexpected column; expected columns: {columns}.{hint}",
        ),
        "required": ("缺少值；此列必填", "missing value; this column is required"),
        "expected": ("应为{what}", "expected {what}"),
        "one_of": ("应为以下之一：{choices}", "expected one of {choices}"),
        "whole_number": ("整数", "a whole number"),
        "year": ("年份，如 2025", "a year such as 2025"),
        "number": ("数字", "a number"),
        "bound": (
            "应为 -{bound} 到 {bound} 之间的{what}；是否输错了？",
            "expected {what} between -{bound} and {bound}; is it a typo?",
        ),
        "negative": ("不能为负数", "must not be negative"),
        "at_least": ("应为不小于 {low} 的{what}", "expected {what} of at least {low}"),
        "within": ("应为 {low}–{high} 之间的{what}", "expected {what} within {low}-{high}"),
        "date": ("日期，如 2026-10-03 或 2026年10月3日", "a date such as 2026-10-03 or 2026/10/3"),
        "star_form": ("星级（{low}–{high}，如 2、二星或 ★★）", "a star level {low}-{high} (such as 2 or ★★)"),
        "star_range": ("星级，在 {low}–{high} 之内", "a star level within {low}-{high}"),
        "tier_form": (
            "档次（{low}–{high}，如 2 或二档；一档最高）",
            "a tier {low}-{high} (such as 2; tier 1 is the highest)",
        ),
        "tier_range": (
            "档次，在 {low}–{high} 之内（一档最高）",
            "a tier within {low}-{high} (tier 1 is the highest)",
        ),
        "quarter_1_4": (
            "季度，季度数为 1–4（如 2025Q3、2025-Q3 或 2025年第三季度）",
            "a quarter 1-4 (such as 2025Q3 or 2025-Q3)",
        ),
        "quarter": ("季度，如 2025Q3、2025-Q3 或 2025年第三季度", "a quarter such as 2025Q3 or 2025-Q3"),
        # -- references and keys -----------------------------------------------------------------------
        "unknown_ref": (
            "未知的{what}；应为 {table} 表中列出的{what}。{hint}",
            "unknown {what}; expected one listed in {table}.{hint}",
        ),
        "unknown_zone": (
            "未知的开发区；应为 zones 表中列出的开发区。{hint}",
            "unknown zone; expected a zone named in zones.{hint}",
        ),
        "did_you_mean": ("是否应为“{value}”？", " Did you mean '{value}'?"),
        "duplicate": (
            "重复的{what}：与第 {first} 行相同",
            "duplicate {what}: the same as row {first}",
        ),
        "duplicate_kind": ("重复的{what}", "duplicate {what}"),
        "unknown_kind": ("未知的{what}", "unknown {what}"),
        "key": ("键", "key"),
        "column_value": ("“{column}”值", "{column}"),
        "more_rows": ("另有 {count} 行同类问题：{kind}", "{count} more rows like: {kind}"),
        # -- what a reference names --------------------------------------------------------------------
        "zone": ("开发区", "zone"),
        "cluster": ("产业集群", "cluster"),
        "section": ("章节", "section"),
        "task": ("任务", "task"),
        "indicator": ("指标", "indicator"),
        # -- joining lists -----------------------------------------------------------------------------
        "or": (" 或 ", " or "),
        "list_sep": ("、", ", "),
        # -- the operating system's reasons a file cannot be read (the English is the OS's own words,
        #    os.strerror; these are for the Chinese form: console.data.problem_words.os_reason) ---------
        "os_enoent": ("不存在", "No such file or directory"),
        "os_eacces": ("没有权限", "Permission denied"),
        "os_eperm": ("没有权限", "Operation not permitted"),
        "os_eisdir": ("是文件夹而不是文件", "Is a directory"),
        "os_enotdir": ("路径中有一部分不是文件夹", "Not a directory"),
        "os_enametoolong": ("名称太长", "File name too long"),
        "os_eio": ("读写出错", "Input/output error"),
        "os_eloop": ("符号链接循环", "Too many levels of symbolic links"),
        "os_other": ("系统拒绝访问", "the system refused access"),
        # -- a workbook sheet's damage, in a reader's English-only {detail} (as a parser's own words) --
        "row_too_long": ("一行超过 {bytes} 字节", "a row longer than {bytes} bytes"),
        # -- what each table holds (console.data.schema.Table.about), for messages about its file ------
        "table_zones": ("开发区名录", "the development zones"),
        "table_zone_targets": (
            "附件2：各开发区各年度星级和档次目标",
            "annex 2: star and tier targets per zone and year",
        ),
        "table_clusters": ("附件3：特色产业集群", "annex 3: the characteristic industry clusters"),
        "table_cluster_targets": ("附件3：营业收入目标（亿元）", "annex 3: revenue targets, in 100M yuan"),
        "table_sections": ("附件1：六个部分的标题", "annex 1: the six section headings"),
        "table_tasks": ("附件1：18 项任务", "annex 1: the 18 tasks"),
        "table_indicators": ("第二、三部分的量化目标", "quantified targets of sections 2 and 3"),
        "table_plan_figures": ("方案文本所述的汇总数字", "the plan's own stated summary figures"),
        "table_assessments": ("全省考核结果", "provincial assessment results"),
        "table_cluster_revenue": (
            "各产业集群各季度累计营业收入（亿元）",
            "year-to-date revenue per cluster and quarter, in 100M yuan",
        ),
        "table_indicator_values": (
            "各指标各期数值（全市或分开发区）",
            "indicator values per period, city-wide or per zone",
        ),
        "table_reports": ("季度报表报送日期", "quarterly report submission dates"),
    },
)
