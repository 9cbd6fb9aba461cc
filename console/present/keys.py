"""The one catalogue of the console's keys: what each does, in Chinese and English, and where it works.

The app's bindings, the table's and drill-down's bindings, the contextual key bar, the help dialog
and the command palette are all generated from ``CATALOGUE`` (widgets/keybar.py turns it into Textual
Bindings); nothing else lists keys. Plain data, no Textual here.

A context is where the user is: a tab (``overview``, ``zones``, ``clusters``, ``tasks``,
``rankings``), the search box (``search``) or a drill-down (``drilldown``).

A condition is what a key needs besides the context (``needs``); the key bar leaves the key off
while it does not hold. ``CONDITIONS`` names them: ``attention``, the overview's attention list has
a line that Enter opens (a county with nothing to attend to has none); ``data``, the data is loaded
and valid (on the screen for a broken data folder only the tabs, language, help and quit work).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.cells import cell_len

from console.core.config import TABS
from console.present.viewmodel import TAB_TITLES

TABLE_TABS = frozenset({"zones", "clusters", "tasks", "rankings"})
ALL_TABS = frozenset(TABS)
CONTEXTS = (*TABS, "search", "drilldown")
CONDITIONS = ("attention", "data")

# Who binds a key: the App, the table widget, the drill-down screen, the search box (Textual's Input),
# or Textual itself (Tab, Ctrl+P).
OWNERS = ("app", "table", "overview", "drilldown", "input", "textual")

# Help sections, in the order shown: (id, zh, en).
GROUPS = (
    ("move", "切换", "Moving around"),
    ("table", "表格", "Tables"),
    ("view", "年度、语言与筛选", "Year, language and filters"),
    ("output", "导出", "Output"),
    ("drilldown", "详情页", "Drill-down"),
    ("general", "其他", "General"),
)


@dataclass(frozen=True)
class Bind:
    """One Textual key name and the action it runs."""

    key: str
    action: str
    priority: bool = False


@dataclass(frozen=True)
class KeyEntry:
    """A key (or a family of keys, such as 1-5) as the user reads it, and the bindings behind it.

    ``contexts``: where it works (help, messages); ``bar``: its rank on the key bar, 1 the most important (the last to go when space is short);
    0 keeps it off the bar (help only). ``palette``: its name (zh, en) in the command palette
    (Ctrl+P); empty keeps it out.
    """

    label: str
    zh: str
    en: str
    help_zh: str
    help_en: str
    group: str
    contexts: frozenset[str]
    binds: tuple[Bind, ...] = ()
    owner: str = "app"
    bar: int = 0
    palette: tuple[str, ...] = ()
    short: str = ""  # the key as the bar shows it, when shorter than ``label``
    bar_in: frozenset[str] | None = None  # where the bar shows it, when not everywhere it works
    needs: str = ""  # a condition (one of ``CONDITIONS``) without which it does nothing

    def on_bar(self, context: str, lacking: frozenset[str] = frozenset()) -> bool:
        """True when the key bar offers this key in ``context``, given the conditions ``lacking``."""
        if self.needs and self.needs in lacking:
            return False
        return bool(self.bar) and context in (self.bar_in if self.bar_in is not None else self.contexts)

    @property
    def bar_label(self) -> str:
        return self.short or self.label

    def word(self, lang: str) -> str:
        """The short word on the key bar."""
        return self.zh if lang == "zh" else self.en

    def help(self, lang: str) -> str:
        """The longer line in the help dialog; a tab is named by its title (``{overview}`` …, from
        TAB_TITLES, the one definition the tab strip, palette and messages use too)."""
        return (self.help_zh if lang == "zh" else self.help_en).format_map(tab_names(lang))


def tab_names(lang: str) -> dict[str, str]:
    """Each tab's title in ``lang`` (TAB_TITLES), by tab: what a text naming a tab fills in."""
    return {tab: titles[0 if lang == "zh" else 1] for tab, titles in TAB_TITLES.items()}


def _tab_binds() -> tuple[Bind, ...]:
    return tuple(Bind(str(i + 1), f"show_tab('{tab}')") for i, tab in enumerate(TABS))


_TABLES_AND_SEARCH = TABLE_TABS | {"search"}

CATALOGUE: tuple[KeyEntry, ...] = (
    # -- moving around --------------------------------------------------------------------------------
    KeyEntry(
        f"1-{len(TABS)}",
        "标签",
        "tabs",
        "切换标签页（" + "，".join(f"{i + 1} {{{t}}}" for i, t in enumerate(TABS)) + "）",
        "switch tab (" + ", ".join(f"{i + 1} {{{t}}}" for i, t in enumerate(TABS)) + ")",
        "move",
        ALL_TABS,
        _tab_binds(),
        bar=7,
        palette=("", ""),  # one command per tab, named by the tab's title
    ),
    KeyEntry(
        "Tab / Shift+Tab",
        "下一表",
        "next table",
        "焦点移到下一处 / 上一处；「{tasks}」标签页上在任务表与量化指标表之间切换",
        "move the focus to the next / previous place; on the {tasks} tab, between the tasks and the indicators",
        "move",
        ALL_TABS,
        (Bind("tab", "app.focus_next"), Bind("shift+tab", "app.focus_previous")),
        owner="textual",
        bar=8,
        short="Tab",
        bar_in=frozenset({"tasks"}),  # elsewhere it only reaches the tab strip
        needs="data",
    ),
    KeyEntry(
        "Ctrl+P",
        "命令",
        "commands",
        "命令面板：按名称查找并执行任一操作",
        "command palette: find any action by name and run it",
        "move",
        ALL_TABS,
        (Bind("ctrl+p", "command_palette"),),
        owner="textual",
        bar=14,
    ),
    # -- tables ---------------------------------------------------------------------------------------
    KeyEntry(
        "Up Down / j k",
        "移动",
        "move",
        "上一行 / 下一行",
        "previous / next row",
        "table",
        TABLE_TABS,
        (Bind("up,k", "cursor(-1)"), Bind("down,j", "cursor(1)")),
        owner="table",
    ),
    KeyEntry(
        "g / G",
        "首行/末行",
        "first/last",
        "第一行 / 最后一行（Home / End 相同）",
        "first row / last row (Home / End too)",
        "table",
        TABLE_TABS,
        (Bind("home,g", "edge(0)"), Bind("end,G", "edge(1)")),
        owner="table",
    ),
    KeyEntry(
        "PgUp / PgDn",
        "翻页",
        "page",
        "上一页 / 下一页",
        "previous / next page",
        "table",
        TABLE_TABS,
        (Bind("pageup", "page(-1)"), Bind("pagedown", "page(1)")),
        owner="table",
    ),
    KeyEntry(
        "Left Right",
        "左右",
        "columns",
        "左右滚动，整列查看放不下或截短的列（名称列不动）",
        "scroll sideways to see whole the columns that do not fit or are cut (the name stays)",
        "table",
        TABLE_TABS,
        (Bind("left", "column(-1)"), Bind("right", "column(1)")),
        owner="table",
    ),
    KeyEntry(
        "Enter",
        "详情",
        "detail",
        "查看当前行详情（Esc 返回）",
        "open the row under the cursor (Esc goes back)",
        "table",
        TABLE_TABS,
        (Bind("enter", "select"),),
        owner="table",
        bar=3,
        needs="data",
    ),
    KeyEntry(
        "Enter",
        "关注名单",
        "attention list",
        "{overview}：进入需关注名单，↑↓/j k 移动，Enter 打开该开发区详情（Esc 离开名单）",
        "{overview}: move into the attention list, Up/Down or j/k move, Enter opens the zone (Esc leaves the list)",
        "table",
        frozenset({"overview"}),
        (Bind("enter", "attention"),),
        owner="overview",
        bar=3,
        needs="attention",
    ),
    KeyEntry(
        "/",
        "搜索",
        "search",
        "搜索当前标签页（Esc 清除）",
        "search this tab (Esc clears)",
        "table",
        TABLE_TABS,
        (Bind("slash", "search"),),
        bar=4,
        palette=("搜索当前标签页", "Search this tab"),
        needs="data",
    ),
    KeyEntry(
        "Enter",
        "回到表格",
        "to the table",
        "搜索框中：保留搜索，回到表格",
        "in the search box: keep the search and go back to the table",
        "table",
        frozenset({"search"}),
        (Bind("enter", "submit"),),
        owner="input",
        bar=3,
    ),
    KeyEntry(
        "Esc",
        "清除",
        "clear",
        "清除搜索",
        "clear the search",
        "table",
        frozenset({"search"}),
        (Bind("escape", "clear_search"),),
        bar=2,
    ),
    KeyEntry(
        "s",
        "排序/原序",
        "sort/plan order",
        "按下一列排序；最后一列之后回到方案原序（也清除记住的排序）",
        "sort by the next column; after the last one, back to plan order (the remembered sort is cleared)",
        "table",
        TABLE_TABS,
        (Bind("s", "sort"),),
        bar=5,
        palette=("排序（循环各列，最后回到方案原序）", "Sort (cycles the columns, then plan order)"),
        needs="data",
    ),
    KeyEntry(
        "S",
        "反向",
        "reverse",
        "反向排序",
        "reverse the sort",
        "table",
        TABLE_TABS,
        (Bind("S", "sort_reverse"),),
        needs="data",
    ),
    KeyEntry(
        "C",
        "复制行",
        "copy row",
        "将当前行发送到终端剪贴板（终端须允许）",
        "send the row under the cursor to the terminal's clipboard (OSC 52, if the terminal allows it)",
        "table",
        TABLE_TABS,
        (Bind("C", "copy_row"),),
        owner="table",
        needs="data",
    ),
    # -- year, language and filters -------------------------------------------------------------------
    KeyEntry(
        "y",
        "年度",
        "year",
        "切换到下一年度（循环）",
        "next year (cycles through the plan's years)",
        "view",
        ALL_TABS | {"drilldown"},
        (Bind("y", "next_year"),),
        bar=6,
        palette=("切换年度", "Next year"),
        needs="data",
    ),
    KeyEntry(
        "l",
        "English",
        "中文",
        "切换语言（中文 / English）",
        "switch language (English / 中文)",
        "view",
        ALL_TABS | {"drilldown"},
        (Bind("l", "toggle_lang"),),
        bar=9,
        palette=("切换语言 English", "Switch language 中文"),
    ),
    KeyEntry(
        "c",
        "县区",
        "counties",
        "县区筛选",
        "county filter",
        "view",
        ALL_TABS,
        (Bind("c", "counties"),),
        bar=10,
        palette=("县区筛选", "County filter"),
        needs="data",
    ),
    KeyEntry(
        "u",
        "单位",
        "units",
        "按责任单位筛选：牵头或参加的任务，或仅牵头的（「{tasks}」标签页）",
        "filter by responsible unit: the tasks it leads or takes part in, or leads only ({tasks} tab)",
        "view",
        frozenset({"tasks"}),
        (Bind("u", "units"),),
        bar=6,
        palette=("按责任单位筛选任务", "Filter tasks by responsible unit"),
        needs="data",
    ),
    KeyEntry(
        "d",
        "变化",
        "changes",
        "本期变化：标出与比较期相比有变化的单元格（Δ），再按只显示有变化的行，再按关闭",
        "changes since a quarter: mark the cells that changed (Δ), again for changed rows only, again off",
        "view",
        ALL_TABS,
        (Bind("d", "changes"),),
        bar=8,
        palette=("本期变化（标出 / 只看变化 / 关闭）", "Changes since (mark / changed rows only / off)"),
        needs="data",
    ),
    KeyEntry(
        "D",
        "比较期",
        "compare with",
        "选择比较期（与哪个季度末相比）",
        "choose the quarter to compare with",
        "view",
        ALL_TABS,
        (Bind("D", "compare_with"),),
        palette=("选择比较期", "Choose the quarter to compare with"),
        needs="data",
    ),
    # -- output ---------------------------------------------------------------------------------------
    KeyEntry(
        "e",
        "导出",
        "export",
        "导出当前视图（CSV/XLSX/Parquet/JSON/Markdown/SVG）",
        "export what you see (CSV/XLSX/Parquet/JSON/Markdown/SVG)",
        "output",
        ALL_TABS,
        (Bind("e", "export"),),
        bar=11,
        palette=("导出当前视图", "Export this view"),
        needs="data",
    ),
    KeyEntry(
        "b",
        "通报",
        "bulletin",
        "生成月度通报（Markdown / XLSX / Word）",
        "write the monthly bulletin (Markdown / XLSX / Word)",
        "output",
        ALL_TABS,
        (Bind("b", "bulletin"),),
        bar=12,
        palette=("生成月度通报", "Write the monthly bulletin"),
        needs="data",
    ),
    # -- drill-down -----------------------------------------------------------------------------------
    KeyEntry(
        "Esc / q",
        "返回",
        "back",
        "从详情页返回",
        "leave the drill-down",
        "drilldown",
        frozenset({"drilldown"}),
        (Bind("escape,q", "back"),),
        owner="drilldown",
        bar=1,
    ),
    # -- general --------------------------------------------------------------------------------------
    KeyEntry(
        "?",
        "帮助",
        "help",
        "帮助（本页）",
        "this help",
        "general",
        ALL_TABS | {"drilldown"},
        (Bind("question_mark", "help"),),
        bar=2,
        palette=("帮助：全部按键", "Help: every key"),
    ),
    KeyEntry(
        "q",
        "退出",
        "quit",
        "退出",
        "quit",
        "general",
        ALL_TABS,
        (Bind("q", "quit"),),
        bar=1,
    ),
    KeyEntry(
        "Ctrl+Q",
        "退出",
        "quit",
        "退出（任何地方，搜索框中也可用）",
        "quit (from anywhere, the search box too)",
        "general",
        ALL_TABS | {"search", "drilldown"},
        (Bind("ctrl+q", "quit", priority=True),),
        bar=1,
        bar_in=frozenset({"search"}),  # on a tab the bar shows q
    ),
)


def entries(owner: str) -> list[KeyEntry]:
    """The catalogue's entries whose keys ``owner`` binds (one of ``OWNERS``)."""
    return [e for e in CATALOGUE if e.owner == owner]


def entry_for(action: str) -> KeyEntry | None:
    """The entry one of whose bindings runs ``action``."""
    return next((e for e in CATALOGUE if any(b.action == action for b in e.binds)), None)


def help_groups(lang: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every key, grouped for the help dialog: [(section title, [(key, what it does)])]."""
    zh = lang == "zh"
    return [
        (
            title_zh if zh else title_en,
            [(e.label, e.help(lang)) for e in CATALOGUE if e.group == group],
        )
        for group, title_zh, title_en in GROUPS
    ]


def palette_commands(lang: str) -> list[tuple[str, str, str]]:
    """The command palette's entries: (name in the console's language, name in the other language,
    action). The palette shows the first and finds a command by either."""
    zh = lang == "zh"

    def name(z: str, e: str) -> tuple[str, str]:
        return (z, e) if zh else (e, z)

    out: list[tuple[str, str, str]] = []
    for e in CATALOGUE:
        if not e.palette:
            continue
        if e.binds and e.binds[0].action.startswith("show_tab("):
            out.extend((*name(*TAB_TITLES[tab]), b.action) for tab, b in zip(TABS, e.binds, strict=True))
        else:
            out.append((*name(*e.palette), e.binds[0].action))
    return out


def applies(action: str, context: str) -> bool:
    """True when the key running ``action`` works in ``context`` (a tab, "search", "drilldown"), or
    the catalogue does not tie it to any tab."""
    entry = entry_for(action)
    return entry is None or context in entry.contexts or not any(t in entry.contexts for t in TABS)


def fallback_binds() -> list[tuple[str, str]]:
    """(key, action) for the character keys a widget binds (the table's C, j, k …): bound by the app
    too, so that where that widget is not (the overview) the key says where it works instead of
    nothing. Named keys (arrows, Enter, PgDn) are left to whatever widget has the focus."""
    return [
        (key, b.action)
        for e in CATALOGUE
        if e.owner in ("table", "overview")
        for b in e.binds
        for key in b.key.split(",")
        if len(key) == 1
    ]


def not_here(action: str, lang: str) -> str:
    """What a key says where it does not apply: which tab it works on, and the key that goes there."""
    entry = entry_for(action)
    tabs = [t for t in TABS if entry is not None and t in entry.contexts]
    label = entry.label if entry else action
    if lang == "zh":
        where = "、".join(f"「{TAB_TITLES[t][0]}」（按 {TABS.index(t) + 1}）" for t in tabs)
        return f"{label} 只在{where}标签页可用"
    where = ", ".join(f"{TAB_TITLES[t][1]} (press {TABS.index(t) + 1})" for t in tabs)
    return f"{label} works on the {where} tab only"


@dataclass(frozen=True)
class KeyBarLine:
    """What the key bar shows: (key, word) pairs in display order, and the filter note if it fits;
    ``dropped``: the keys left off for want of room, least important first."""

    items: tuple[tuple[str, str], ...]
    note: str = ""
    dropped: tuple[str, ...] = field(default=())

    @property
    def width(self) -> int:
        return line_width(self.items, self.note)


def item_width(key: str, word: str) -> int:
    """Cells one item takes on the bar, drawn as `` key word `` (CJK-aware)."""
    return cell_len(key) + cell_len(word) + 3


def line_width(items: tuple[tuple[str, str], ...] | list[tuple[str, str]], note: str = "") -> int:
    """Cells a key-bar line takes: its items, then `` note`` when there is one."""
    return sum(item_width(k, w) for k, w in items) + (cell_len(note) + 1 if note else 0)


# The filter note (e.g. ``/上蔡``) gives way after every key but the two most important ones.
NOTE_RANK = 2.5


def key_bar(
    context: str, lang: str, width: int, note: str = "", lacking: frozenset[str] = frozenset()
) -> KeyBarLine:
    """The keys that work in ``context`` that fit in ``width`` cells, least important dropped first;
    a key whose condition is in ``lacking`` does nothing there and is not offered.

    Display order is the catalogue's, with rank 1 and 2 (``?`` and ``q`` on a tab) at the right
    end; when even those do not fit they are kept and the widget cuts the line.
    """
    shown = [e for e in CATALOGUE if e.on_bar(context, lacking)]
    shown.sort(key=lambda e: (1, -e.bar) if e.bar <= 2 else (0, 0))  # catalogue order, then ? and q
    ranks: list[tuple[float, int]] = [(e.bar, i) for i, e in enumerate(shown)]
    if note:
        ranks.append((NOTE_RANK, -1))
    keep = {i for _, i in ranks}
    dropped: list[str] = []

    def current() -> tuple[list[tuple[str, str]], str]:
        items = [(e.bar_label, e.word(lang)) for i, e in enumerate(shown) if i in keep]
        return items, note if -1 in keep else ""

    for rank, i in sorted(ranks, reverse=True):
        if line_width(*current()) <= width or rank <= 2:
            break
        keep.discard(i)
        if i >= 0:
            dropped.append(shown[i].bar_label)
    items, kept_note = current()
    return KeyBarLine(tuple(items), kept_note, tuple(dropped))


# -- the widgets' and dialogs' own keys -------------------------------------------------------------
# Keys a dialog or widget binds for itself, beside the catalogue above: a dialog's hint line says them
# (widgets/dialogs/), so they are neither in the help nor on the key bar. ``words``: what the key does
# (its binding's description), a key of console/words/widgets.py's ``bind_…`` entries; ``show``:
# Textual's flag, kept as each widget had it.


@dataclass(frozen=True)
class WidgetBind:
    """One key a dialog or widget binds for itself."""

    key: str
    action: str
    words: str
    show: bool = True
    priority: bool = False


WIDGET_BINDS: dict[str, tuple[WidgetBind, ...]] = {
    "county_dialog": (
        WidgetBind("escape", "cancel", "cancel"),
        WidgetBind("enter", "apply", "apply", priority=True),
        WidgetBind("space", "toggle_county", "toggle", show=False),
        WidgetBind("ctrl+a", "toggle_all", "all", show=False, priority=True),  # before Input's Home
        WidgetBind("down", "to_list", "to_the_list", show=False),
    ),
    "unit_dialog": (
        WidgetBind("escape", "cancel", "cancel"),
        WidgetBind("j", "move(1)", "down", show=False),
        WidgetBind("k", "move(-1)", "up", show=False),
    ),
    "period_dialog": (WidgetBind("escape", "cancel", "cancel"),),
    "help_screen": (WidgetBind("escape,q,question_mark", "close", "close"),),
    "export_dialog": (
        WidgetBind("escape", "cancel", "cancel"),
        WidgetBind("ctrl+s", "export", "export", priority=True),
    ),
    "bulletin_dialog": (
        WidgetBind("escape", "cancel", "cancel"),
        WidgetBind("enter", "write", "write", priority=True),
    ),
    "picking_radio_set": (
        WidgetBind("down,right", "pick(1)", "next_option", show=False),
        WidgetBind("up,left", "pick(-1)", "previous_option", show=False),
    ),
    "attention_list": (
        WidgetBind("escape", "leave", "back", show=False),
        WidgetBind("k", "cursor_up", "up", show=False),
        WidgetBind("j", "cursor_down", "down", show=False),
    ),
    "search_box": (WidgetBind("enter", "submit", "submit", show=False, priority=True),),
}
