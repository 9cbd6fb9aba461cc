"""What the settings say about themselves (console.core.config): what each key must hold, and the
warnings about a config or state file that cannot be read or holds a value it cannot use; and why
files cannot be placed in a folder (console.core.files)."""

from __future__ import annotations

from console.words import Catalogue

# key -> (Chinese, English); placeholders are filled with str.format. {path} is a config file's path,
# {shown} a value as the file holds it (cut short), {reason} why a file could not be read.
CONFIG = Catalogue(
    "config",
    {
        # -- why a file could not be read (the English form is the parser's own words) -------------
        "not_toml_at": (
            "第 {line} 行第 {column} 列不是有效的 TOML",
            "not valid TOML at line {line}, column {column}",
        ),
        "not_toml": ("不是有效的 TOML", "not valid TOML"),
        "not_utf8": ("不是 UTF-8 文本", "not UTF-8 text"),
        "cannot_open": ("无法打开该文件", "the file cannot be opened"),
        # -- a file that could not be read ------------------------------------------------------------
        "unreadable_kept": (
            "{path}：无法读取（{reason}），已另存为 {kept}；本次使用其他设置启动。",
            "{path}: could not be read ({reason}); it was kept as {kept}. Starting on the other settings.",
        ),
        "unreadable_not_kept": (
            "{path}：无法读取（{reason}），已忽略。请修正或删除它。",
            "{path}: could not be read ({reason}); ignored. Fix or remove it.",
        ),
        "unreadable_ignored": (
            "{path}：无法读取（{reason}），已忽略；使用其他设置",
            "{path}: ignored, could not be read ({reason}); using the other settings",
        ),
        "state_not_saved": (
            "{path}：界面状态未能保存（{reason}）",
            "{path}: the console's state was not saved ({reason})",
        ),
        # -- a value or key a file holds --------------------------------------------------------------
        "not_a_table": (
            "{path}：[{section}] = {shown} 已忽略：应为一组设置（[{section}] 下的键，如 {first}）；使用默认值",
            "{path}: [{section}] = {shown} ignored: expected a table of settings ([{section}] with keys"
            " such as {first}); using the defaults",
        ),
        "unknown_key": (
            "{path}：{section}.{shown} 不是 devzones 的设置项，已忽略；{hint}[{section}] 的键有 {known}",
            "{path}: {section}.{shown} is not a setting devzones knows; {hint}the keys of [{section}] are"
            " {known}; ignored",
        ),
        "did_you_mean": ("是不是 {near}？", "did you mean {near}? "),
        "bad_value": (
            "{path}：{section}.{key} = {shown} 已忽略：应为 {expected}；使用默认值",
            "{path}: {section}.{key} = {shown} ignored: expected {expected}; using the default",
        ),
        "bad_lang": (
            "display.lang = {shown} 不是 zh 或 en；使用 zh（中文）",
            "display.lang = {shown} is not one of zh, en; using zh",
        ),
        "bad_rule": (
            "pacing.rule = {shown} 不是 linear 或 custom；按 linear（均匀进度）计算",
            "pacing.rule = {shown} is not one of linear, custom; using linear",
        ),
        "bad_custom": (
            "pacing.custom 应为 4 个递增、以 1.0 结尾的比例；按 linear（均匀进度）计算",
            "pacing.custom must be 4 rising shares ending in 1.0; using linear",
        ),
        "bad_weight": (
            "ranking.{key} = {shown} 已忽略：应为 {names} 之一，权重不小于 0",
            "ranking.{key} = {shown} ignored: expected one of {names} with a weight >= 0",
        ),
        "weights_zero": ("排名权重之和为 0；使用默认权重", "ranking weights add up to 0; using the defaults"),
        "state_reset": (
            "记住的界面状态（[state]）中有些值无法识别，已重置",
            "some remembered [state] values were not understood and were reset",
        ),
        "list_sep": ("、", ", "),
        # -- what each key must hold ------------------------------------------------------------------
        "expect_folder": (
            "文本形式的文件夹路径，不含控制字符",
            "a folder path as text, without control characters",
        ),
        "expect_seconds": ("0.1 到 86400 之间的秒数", "a number of seconds from 0.1 to 86400"),
        "expect_lang": ("zh 或 en", "one of zh, en"),
        "expect_bool": ("true 或 false", "true or false"),
        "expect_rule": ("linear 或 custom", "one of linear, custom"),
        "expect_shares": ("4 个 0 到 1 之间的比例组成的列表", "a list of 4 shares from 0 to 1"),
        "expect_share": (
            "0 到 1（不含 1）之间的比例，如 0.05",
            "a share from 0 up to (not including) 1, e.g. 0.05",
        ),
        "expect_weight": ("权重：0 到 1000000 之间的数", "a weight: a number from 0 to 1000000"),
        "expect_tab": ("{tabs} 之一", "one of {tabs}"),
        "expect_year": ("年度，如 2025，或 0", "a year such as 2025, or 0"),
        "expect_counties": (
            "县区名称（文本，不含控制字符）组成的列表",
            "a list of county names as text, without control characters",
        ),
        "expect_sort": ("每个视图的排序键组成的表", "a table of sort keys per view"),
        # issue 22 (the 通报 as a 公文): the [bulletin] section's keys.
        "expect_style": ("gongwen 或 tongbao", "one of gongwen, tongbao"),
        "expect_text": (
            "一行文本（不含控制字符，不超过 40 字）",
            "one line of text (no control characters, at most 40 characters)",
        ),
        "expect_names": (
            "名称（文本，不含控制字符）组成的列表",
            "a list of names as text, without control characters",
        ),
        # issue 24, memory: [performance] view_cache_mb
        "expect_megabytes": ("0 到 1000000 之间的兆字节数", "a number of megabytes from 0 to 1000000"),
    },
)

# Why files cannot be written into a folder (console.core.files.folder_problem).
FILES = Catalogue(
    "files",
    {
        "no_folder": ("文件夹不存在：{folder}", "folder does not exist: {folder}"),
        "not_writable": ("文件夹不可写入：{folder}", "folder is not writable: {folder}"),
    },
)
