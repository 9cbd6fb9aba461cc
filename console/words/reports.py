"""What a rejected report is told (console.reports): every message and place, in Chinese and English.

Placeholders are ``str.format`` fields; ``console.reports.words.Problem`` fills them with the values
quoted from a report, cleaned. Data only.
"""

from __future__ import annotations

from console.words import Catalogue

REPORTS = Catalogue(
    "reports",
    {
        # the listing before an ingest: what each table holds, in words (never the table's file name)
        "change_new": ("新增 {what}{key}：{new}", "new {what}{key}: {new}"),
        "change_revised": ("修改 {what}{key}：{old} → {new}", "revised {what}{key}: {old} → {new}"),
        "table_cluster_revenue": ("集群累计营业收入（亿元）", "cluster revenue to date (100M yuan)"),
        "table_indicator_values": ("指标数值", "indicator value"),
        "table_reports": ("季度报表报送日期", "quarterly report submitted on"),
        "table_assessments": ("全省考核结果", "provincial assessment result"),
        "table_manifest": ("数据截至季度", "data as of"),
        "not_ended": (
            "{source}：{period} 尚未结束（{end} 止），数据截至季度不随之变化",
            "{source}: {period} has not ended ({end}); the data's as-of quarter does not move to it",
        ),
        "ytd_below": (
            "{industry} {period}：累计营业收入 {value} 低于 {other} 的 {number}；同一年内累计营业收入不会减少",
            "{industry} {period}: year-to-date revenue {value} is below {other}'s {number};"
            " year-to-date revenue cannot fall within a year",
        ),
        "ytd_above": (
            "{industry} {period}：累计营业收入 {value} 高于 {other} 的 {number}；同一年内累计营业收入不会减少",
            "{industry} {period}: year-to-date revenue {value} is above {other}'s {number};"
            " year-to-date revenue cannot fall within a year",
        ),
        "reported_twice": (
            "{zone} {period} 也在 {other} 中报送，且数字不同；每个开发区每季度只报一份（之后的修订可单独导入）",
            "{zone} {period} is also reported in {other} with different figures; send one report per zone"
            " and quarter (a later revision may be ingested on its own)",
        ),
        # places
        "sheet": ("工作表“{sheet}”", "sheet '{sheet}'"),
        "sheet_cell": ("工作表“{sheet}”单元格 {cell}", "sheet '{sheet}', cell {cell}"),
        "sheet_cells": ("工作表“{sheet}”单元格 {cells}", "sheet '{sheet}', cells {cells}"),
        "cell": ("单元格 {cell}", "cell {cell}"),
        "row": ("第 {row} 行", "row {row}"),
        "column": ("{column} 列", "column {column}"),
        "at": ("{place}：{what}", "{place}: {what}"),
        # what is wrong
        "expected_quarter_1_4": (
            "填写的是“{found}”，季度应为 1–4（如 2025Q3、2025-Q3 或 2025年第三季度）",
            "found '{found}', expected a quarter 1-4 (2025Q3, 2025-Q3 or 2025年第三季度)",
        ),
        "expected_quarter": (
            "填写的是“{found}”，应为季度，如 2025Q3、2025-Q3 或 2025年第三季度",
            "found '{found}', expected a quarter such as 2025Q3, 2025-Q3 or 2025年第三季度",
        ),
        "quarter_outside_plan": (
            "“{found}”不在方案期内：应为 {first}—{last} 年的季度",
            "'{found}': outside the plan; expected a quarter of {first}-{last}",
        ),
        "no_free_name": (
            "没有可用的文件名（编号都已占用）",
            "no free file name (every numbered name is taken)",
        ),
        # The reason is the operating system's own English words: given in English only.
        "could_not_write": ("无法写入", "could not write: {reason}"),
        "period_outside": (
            "季度 {period} 不在可报送范围 {start}–{end} 内（方案期 {first}–{last} 年，且不晚于本季度）",
            "period {period} is outside the reporting window {start}-{end}"
            " (the plan runs {first}-{last}, up to the current quarter)",
        ),
        # Lateness is the zone's: a report without the date the zone sent it would be judged on the day it
        # was imported (the commission's delay), so the date is required.
        "submitted_missing": (
            "缺少报送日期：请填写开发区报送该报表的日期（据以判断是否逾期），如 2026-10-08",
            "the submission date is missing: fill in the date the zone sent the report (lateness is judged on it), such as 2026-10-08",
        ),
        "submitted_future": (
            "报送日期 {submitted} 晚于今天（{today}）",
            "submitted {submitted} is in the future (today is {today})",
        ),
        "submitted_window": (
            "报送日期 {submitted} 不在 {period} 报表的报送期内（{first} 至 {last}）",
            "submitted {submitted} is outside the window for {period} reports ({first} to {last})",
        ),
        "figure_bound": (
            "填写的是 {number}，应为小于 {bound} 的有限数值",
            "found {number}, expected a finite figure below {bound}",
        ),
        "revenue_negative": (
            "营业收入不能为负数（填写的是 {number}）",
            "revenue must not be negative (found {number})",
        ),
        "count_negative": (
            "数量不能为负数（填写的是 {number}）",
            "a count must not be negative (found {number})",
        ),
        "count_fraction": (
            "数量应为整数（填写的是 {number}）",
            "a count must be a whole number (found {number})",
        ),
        # The reason is openpyxl's own English words: given in English only, as the data files' bad_xlsx.
        "not_xlsx": (
            "不是可读取的 .xlsx 工作簿（不完整或已损坏？）",
            "not a readable .xlsx workbook: {reason}",
        ),
        "no_sheet": (
            "没有名为 {names} 的工作表：这是 devzones 报表模板吗？",
            "no sheet named {names}: is this a devzones report template?",
        ),
        "formula": (
            "含公式“{formula}”但没有保存计算结果；请直接填写数字，或用电子表格软件打开后保存",
            "holds a formula '{formula}' with no saved result; type the figure itself, or open and save the"
            " file in Excel",
        ),
        "far_cell": (
            "有内容，远在表格之外：一张工作表最多读取 {rows} 行、{columns} 列、共 {cells} 个单元格；请删除这个多余的单元格",
            "holds a value far outside the table: a sheet is read up to {rows} rows, {columns} columns and"
            " {cells} cells in all; delete the stray cell",
        ),
        "crowded_sheet": (
            "单元格（含只有格式的空单元格）多于 {elements} 个；请删除多余的行列",
            "has more than {elements} cells (empty formatted ones included); delete the rows and columns it"
            " does not need",
        ),
        "sheet_unreadable": ("无法读取（内容已损坏）", "cannot be read (its content is damaged): {reason}"),
        "line_twice": (
            "“{key}”行出现两次（另见第 {other} 行）；每行只填一次",
            "line '{key}' appears twice (also row {other}); each line once",
        ),
        "no_zone_cells": (
            "缺少开发区和季度单元格：这是 devzones 报表模板吗？",
            "the zone and quarter cells are missing: is this a devzones report template?",
        ),
        "unknown_zone": ("未知开发区“{zone}”。{hint}", "unknown zone '{zone}'.{hint}"),
        "expected_date": (
            "填写的是“{found}”，应为日期，如 2026-10-08",
            "found '{found}', expected a date such as 2026-10-08",
        ),
        "not_a_line": ("“{key}”不是该开发区模板中的行", "'{key}' is not a line of this zone's template"),
        "locked_changed": (
            "该单元格在模板中已锁定，却被改动（现为“{got}”，应为“{want}”）",
            "this cell is locked in the template and was changed (found '{got}', expected '{want}')",
        ),
        "expected_number_of": (
            "填写的是“{found}”，应为数字（{label}）",
            "found '{found}', expected a number ({label})",
        ),
        "expected_number": ("填写的是“{found}”，应为数字", "found '{found}', expected a number"),
        "lines_missing": ("模板中的行缺失：{lines}", "lines missing from the template: {lines}"),
        "empty_template": (
            "没有填写任何数字；空模板不是报表",
            "no figures are filled in; an empty template is not a report",
        ),
        "found_message": ("填写的是“{found}”：{message}", "found '{found}': {message}"),
        "csv_columns": ("应有以下列：{columns}", "expected the columns {columns}"),
        "no_rows": ("没有数据行；空报表不是报表", "no rows: an empty report is not a report"),
        "row_other_report": ("每一行都应是 {zone} {period} 的数据", "every row must be for {zone} {period}"),
        "not_an_item": (
            "“{item}”既不是该开发区的产业集群，也不是开发区指标。{hint}",
            "'{item}' is neither a cluster of this zone nor a zone indicator.{hint}",
        ),
        "item_twice": (
            "项目“{item}”出现两次（另见第 {other} 行）；每项只填一次",
            "item '{item}' appears twice (also row {other}); each item once",
        ),
        "dates_differ": (
            "各行的报送日期不一致：{listed}；请只填一个",
            "the rows give different submission dates: {listed}; give one",
        ),
        "date_at_row": ("{date}（第 {row} 行）", "{date} (row {row})"),
        "quote_runs": (
            "带引号的值跨越了第 {first}–{last} 行：可能有引号没有闭合（每个值必须在一行之内）",
            "a quoted value runs over rows {first}-{last}: a quote is probably not closed (each value must"
            " fit on one row)",
        ),
        "not_csv": (
            "不是有效的 CSV（{reason}）：这一行可能有引号没有闭合",
            "not valid CSV ({reason}): a quote is probably not closed on this row",
        ),
        "no_file": ("文件不存在", "no such file"),
        "did_you_mean": ("是不是“{match}”？", " Did you mean '{match}'?"),
        "nothing": ("", ""),
        # -- assessment results workbooks (console/reports/assessment.py) ------------------------------
        "expected_year": ("填写的是“{found}”，应为年度", "found '{found}', expected the year"),
        "year_outside_plan": (
            "{year} 不在方案年度内（{first}—{last}）",
            "{year} is not a year of the plan ({first}-{last})",
        ),
        "year_unpublished": (
            "{year} 年的考核结果要到 {next} 年才公布（今天是 {today}）",
            "results for {year} are not published before {next} (today is {today})",
        ),
        "too_many_rows": (
            "共 {rows} 行，应为每个开发区一行（{zones} 个）：这是考核结果录入表吗？",
            "{rows} rows, expected one per zone ({zones}); is this the assessment workbook?",
        ),
        "not_a_zone": (
            "“{zone}”不是数据中的开发区（锁定的单元格被改动）",
            "'{zone}' is not a zone of the dataset (a locked cell changed)",
        ),
        "zone_twice": (
            "{zone}出现两次（另见第 {other} 行）；每个开发区最多一行",
            "{zone} appears twice (also row {other}); each zone at most once",
        ),
        "expected_star": (
            "填写的是“{found}”，星级应为 0–{top}",
            "found '{found}', expected a star level 0-{top}",
        ),
        "expected_tier": (
            "填写的是“{found}”，档次应为 {first}–{last}",
            "found '{found}', expected a tier {first}-{last}",
        ),
        "expected_score": ("填写的是“{found}”，得分应为 0–100", "found '{found}', expected a score 0-100"),
        "expected_tier_size": (
            "填写的是“{found}”，本档开发区数应为 1–{top}",
            "found '{found}', expected the number of zones in the tier, 1-{top}",
        ),
        "expected_rank_upto": (
            "填写的是“{found}”，全省同档位次应为 1–{size}",
            "found '{found}', expected a rank within the tier, 1-{size}",
        ),
        "expected_rank": (
            "填写的是“{found}”，全省同档位次应为 1 或以上",
            "found '{found}', expected a rank within the tier, 1 or more",
        ),
        "no_results": (
            "没有填写任何考核结果；空表不是结果",
            "no results are filled in; an empty workbook is not a result",
        ),
        "result_twice": (
            "{zone} {year} 年的结果在 {other} 中也已给出；每个开发区的结果只给一次",
            "{zone} {year}: also given in {other}; give each zone's result once",
        ),
        "rank_shared": (
            "{tier}第 {rank} 位给了 {count} 个开发区（{zones}）；同档每个位次只属于一个开发区",
            "{tier}, rank {rank} is given to {count} zones ({zones}); a rank is held by one zone in a tier",
        ),
        "sizes_differ": (
            "{tier}的开发区数填写不一致（{sizes}）；同档每个开发区的本档开发区数相同",
            "{tier} is given different sizes ({sizes}); the number of zones in a tier is the same for"
            " every zone in it",
        ),
        "out_of_range": ("超出允许范围", "out of the allowed range"),
        "wrong_kind": (
            "应为 .xlsx 模板或字段相同的 .csv",
            "expected a .xlsx template or a .csv of the same fields",
        ),
        # -- the history journal (console/reports/store.py, journal.py, recovery.py): ingest, undo and their recovery ----------------
        "dataset_changed": (
            "{path}：数据集在确认期间被修改（另一次导入或手工编辑），未应用任何修改；请重新运行 ingest",
            "{path}: the dataset changed while you were deciding (another ingest or a hand edit);"
            " nothing was applied: run ingest again",
        ),
        "journal_outside": (
            "{path}：文件名“{name}”不在数据集目录内，拒绝处理",
            "{path}: the file name '{name}' does not stay inside the dataset; refused",
        ),
        "journal_missing": ("{path}：缺少日志文件", "{path}: the journal is missing"),
        # The reason is the JSON reader's own English words: given in English only.
        "journal_damaged": (
            "{path}：日志文件不完整或已损坏",
            "{path}: the journal is truncated or damaged ({reason})",
        ),
        "journal_no_files": (
            "{path}：日志文件格式不对（没有文件清单）",
            "{path}: the journal has no list of files",
        ),
        "journal_bad_entry": (
            "{path}：日志文件格式不对（某个文件条目不是对象）",
            "{path}: a file entry is not an object",
        ),
        "journal_bad_hash": ("{path}：日志文件格式不对（某个校验值不是文本）", "{path}: a hash is not text"),
        "journal_bad_staging": (
            "{path}：暂存目录名不是 devzones 所建的",
            "{path}: the staging folder name is not one devzones makes",
        ),
        "manifest_as_of": (
            "{path}：无法更新其中的数据截至季度",
            "{path}: could not set the as-of quarter in it",
        ),
        "recovered_clean": (
            "上次导入在修改数据之前中断，已清理其残留；数据未改变",
            "an interrupted ingest had not changed the dataset yet; its leftovers were removed",
        ),
        "recovered_finished": (
            "上次导入中断，已完成（{reason}：{names}）",
            "finished an interrupted ingest ({reason}: {names})",
        ),
        "recovered_odd": (
            "上次导入中断并已回退（{reason}）；以下文件已被另行修改，保持原样：{names}",
            "rolled back an interrupted ingest ({reason}); left as they are, changed since: {names}",
        ),
        "recovered_rolled_back": (
            "上次导入中断，已回退（{reason}：{names}）",
            "rolled back an interrupted ingest ({reason}: {names})",
        ),
        "undo_unfinished": (
            "上次撤销中断，无法完成：{problem}",
            "an interrupted undo could not be finished: {problem}",
        ),
        "undo_finished": ("上次撤销中断，已完成（{names}）", "finished an interrupted undo ({names})"),
        "undo_set_aside": (
            "{problem}。{aside}：这次导入无法自动撤销，已移到一旁（保存的原文件仍在其中），未恢复任何文件",
            "{problem}. {aside}: this ingest cannot be undone automatically; it was set aside (the saved"
            " files are kept in it) and nothing was restored",
        ),
        "saved_copy_bad": (
            "{path}：保存的原文件缺失或已损坏，未恢复任何文件",
            "{path}: the saved copy is missing or damaged; nothing was restored",
        ),
        "changed_since_ingest": (
            "{path}：导入后已被修改（手工编辑或其他程序），为保护这些修改，未恢复任何文件（{names}）；"
            "如确需撤销，可从 {entry} 手工复制原文件",
            "{path}: changed since the ingest (a hand edit or another program); to keep that change nothing"
            " was restored ({names}). To undo anyway, copy the saved files from {entry} by hand",
        ),
        "merged_invalid": (
            "合并后数据集将无效：{problem}",
            "merged into the dataset it would make it invalid: {problem}",
        ),
        # -- init's refusals (console/reports/new_dataset.py) ------------------------------------------
        "init_not_folder": ("{path}：不是文件夹", "{path}: not a folder"),
        "init_has_dataset": (
            "{path}：已有数据集文件（{names}），init 从不覆盖已有数据；请换一个空文件夹",
            "{path}: already holds dataset files ({names}); init never replaces a dataset: choose an empty folder",
        ),
        "init_not_empty": (
            "{path}：文件夹不是空的；确要在其中建立数据集请加 --force",
            "{path}: the folder is not empty; add --force to create the dataset in it anyway",
        ),
        # -- the fill-in workbooks (console/reports/template.py, assessment.py) --------------------------
        # Sheet names: also how the reader knows a workbook's kind and language.
        "sheet_report": ("季度报告", "Report"),
        "sheet_assessment": ("考核结果", "Assessment"),
        "tpl_title": ("驻马店市开发区季度工作推进情况报表", "Zhumadian development zone quarterly report"),
        "tpl_guide": (
            "填报说明：只填写黄色单元格。营业收入填写本年1月1日至本季度末的累计数（亿元）；指标填写本季度末的数值。"
            "报送日期必填（据以判断是否逾期，不以导入日期代替）。其余单元格已锁定，请勿修改。填好后交市发改委，用 devzones ingest 导入。",
            "Fill in the yellow cells only. Revenue: from 1 January to the end of the quarter (100M yuan); indicators: the value at the "
            "quarter's end. The submission date is required (lateness is judged on it, never on the import date). Other cells are locked. "
            "Send the file to the development commission, which imports it with devzones ingest.",
        ),
        "tpl_zone": ("开发区", "Zone"),
        "tpl_period": ("季度", "Quarter"),
        "tpl_submitted": ("报送日期", "Submitted on"),
        "tpl_item": ("项目", "Item"),
        "tpl_unit": ("单位", "Unit"),
        "tpl_target": ("年度目标", "Target"),
        "tpl_figure": ("本期填报", "Your figure"),
        "tpl_notes": ("备注", "Notes"),
        "tpl_cluster_revenue": ("{industry} 营业收入（本年累计）", "{industry} revenue, year to date"),
        # A cell's validation message, in both languages at once (Excel shows one text): "日期 / a date".
        "tpl_date_error": ("日期", "a date"),
        "tpl_whole_error": ("请填写非负整数", "a whole number, 0 or more"),
        "tpl_number_error": ("请填写数字", "a number"),
        "asm_title": ("{year}年度全省开发区考核结果录入表", "Provincial assessment results, {year}"),
        "asm_guide": (
            "只填写黄色单元格，每个开发区一行：星级（0 表示无星级，最高 5）、档次（1—3，一档最高）、得分（0—100）、"
            "全省同档位次（1 为最好）、该档全省开发区数。尚未公布的开发区整行留空。填好后用 devzones ingest 导入。",
            "Fill in the yellow cells only, one row per zone: star (0 for none, at most 5), tier (1-3, 1 is the"
            " highest), score (0-100), rank within the tier in the province (1 is best) and the number of zones in"
            " that tier. Leave a zone's row empty if its result is not published. Import with devzones ingest.",
        ),
        "asm_year": ("年度", "Year"),
        "asm_zone": ("开发区", "Zone"),
        "asm_star": ("星级", "Star"),
        "asm_tier": ("档次", "Tier"),
        "asm_score": ("得分", "Score"),
        "asm_rank": ("全省同档位次", "Rank in tier"),
        "asm_tier_size": ("本档开发区数", "Zones in tier"),
        # An assessment result in a change listing: '二星、三档、得分 80、全省同档第 3/20 位'.
        "asm_result": (
            "{star}、{tier}、得分 {score}、全省同档第 {place} 位",
            "star {star}, tier {tier}, score {score}, rank {place}",
        ),
        "asm_no_star": ("无星级", "-"),
        # how a list of problems is joined
        "list_sep": ("、", ", "),
        # the title `devzones init` gives a new real dataset (its manifest keeps both languages)
        "new_dataset_title": (
            "驻马店市开发区三年行动方案监测",
            "Zhumadian development zones action plan monitor",
        ),
    },
)
