"""The exports' words (console.outputs: export, out_path, csv_encoding, xlsx_print, text_tables):
provenance labels, page headers and the messages about where a file can be written. Data only."""

from __future__ import annotations

from console.words import Catalogue

EXPORTS = Catalogue(
    "exports",
    {
        # Punctuation.
        "list_sep": ("、", ", "),
        "colon": ("：", ": "),
        # Provenance: the "about" sheet's and the Markdown report's lines.
        "prov_title": ("数据集", "Dataset"),
        "prov_as_of": ("数据截至", "As of"),
        "prov_sample": ("示例数据", "Sample data"),
        "prov_year": ("年度", "Year"),
        "prov_counties": ("县区", "Counties"),
        "prov_view": ("视图", "View"),
        "prov_search": ("搜索", "Search"),
        "prov_sort": ("排序", "Sort"),
        "prov_exported_at": ("导出时间", "Exported at"),
        "prov_command": ("重新生成", "Reproduce with"),
        "prov_version": ("程序版本", "devzones version"),
        "prov_changes_since": ("变化参照期", "Changes since"),
        "sample_yes": ("是（示例数据，并非真实数据）", "yes (sample data, not real)"),
        "sample_no": ("否", "no"),
        "all_counties": ("全部县区", "all counties"),
        "as_of_none": ("无数据", "no data yet"),
        # Columns and sheets the exports add of their own.
        "status_words_column": ("{label}（文字）", "{label} (words)"),
        "flag_column": ("标记", "flag"),
        "sheet_about": ("关于", "About"),
        "trend": ("季度营收走势", "Quarterly trend"),
        # A printed sheet's header and footer (xlsx_print).
        "sample_mark": ("示例数据", "SAMPLE DATA"),
        "page_year": ("{year}年", "{year}"),
        "page_search": ("搜索“{search}”", "search '{search}'"),
        "page_sort": ("排序 {sort}", "sort {sort}"),
        "page_as_of": ("数据截至 {as_of}", "Data as of {as_of}"),
        "page_numbers": ("第 &P 页 / 共 &N 页", "Page &P of &N"),
        # Files that cannot be written.
        "no_free_name": ("没有可用的文件名：{path}", "no free file name for {path}"),
        "cannot_write": ("无法写入 {where}：{why}", "could not write {where}: {why}"),
        "unknown_format": (
            "未知格式 {fmt!r}；应为 {formats} 之一",
            "unknown format {fmt!r}; expected one of {formats}",
        ),
        "unencodable_somewhere": (
            "{title}：无法用 {encoding} 编码；请改用 --encoding gb18030 或 utf-8。未写入任何文件",
            "{title}: cannot be written in {encoding}; use --encoding gb18030 or utf-8. Nothing was written",
        ),
        "unencodable": (
            "{title}：CSV 第 {line} 行“{where}”列的字符“{char}”（U+{code:04X}）"
            "无法用 {encoding} 编码；请改用 --encoding gb18030 或 utf-8。未写入任何文件",
            "{title}: CSV line {line}, column '{where}': the character '{char}' "
            "(U+{code:04X}) cannot be written in {encoding}; use --encoding gb18030 or utf-8. "
            "Nothing was written",
        ),
        # --out that cannot be used (out_path).
        "out_is_file": (
            "--out {text}：{path} 是文件，不是文件夹",
            "--out {text}: {path} is a file, not a folder",
        ),
        "out_no_folder": (
            "--out {text}：文件夹 {folder} 不存在；请先创建它，或换一个位置",
            "--out {text}: the folder {folder} does not exist; create it first or choose another place",
        ),
        "out_no_extension": (
            "--out {text} 没有扩展名；--format {fmt} 写入 {extension} 文件：请用 {wanted}，或以 / 结尾表示文件夹",
            "--out {text} has no extension; --format {fmt} writes {extension}: use {wanted}, "
            "or end it with / for a folder",
        ),
        "out_wrong_extension": (
            "--out {text} 的扩展名是 {suffix}，但 --format {fmt} 写入 {extension} 文件：请用 {wanted}",
            "--out {text} ends in {suffix} but --format {fmt} writes {extension}: use {wanted}",
        ),
    },
)
