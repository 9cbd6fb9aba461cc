"""Modal dialogs: county filter, responsible-unit filter, help, export and bulletin (with their choices)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, RadioButton, RadioSet, SelectionList, Static
from textual.widgets.selection_list import Selection

from console.present.keys import help_groups
from console.present.labels import unit_name


class CountyDialog(ModalScreen[tuple[str, ...] | None]):
    """Pick one, several or all counties; Enter applies, a clears, Esc cancels."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("enter", "apply", "Apply", priority=True),
        Binding("a", "all", "All"),
    ]
    DEFAULT_CSS = """
    CountyDialog { align: center middle; }
    CountyDialog > Vertical { width: 44; height: auto; max-height: 90%; border: round $accent; background: $surface; padding: 0 1; }
    CountyDialog SelectionList { height: auto; max-height: 16; }
    """

    def __init__(self, counties: list[tuple[str, str]], chosen: tuple[str, ...], lang: str) -> None:
        super().__init__()
        self.counties = counties
        self.chosen = chosen
        self.lang = lang

    def compose(self) -> ComposeResult:
        zh = self.lang == "zh"
        with Vertical():
            yield Static(
                Text(
                    "县区筛选：空格选择，Enter 应用，a 全部，Esc 取消"
                    if zh
                    else "Counties: Space toggles, Enter applies, a = all, Esc cancels"
                )
            )
            yield SelectionList[str](
                *(
                    Selection(Text(zh_name if zh else (en or zh_name)), zh_name, zh_name in self.chosen)
                    for zh_name, en in self.counties
                )
            )

    def action_apply(self) -> None:
        selected = tuple(self.query_one(SelectionList).selected)
        self.dismiss(() if len(selected) == len(self.counties) else selected)

    def action_all(self) -> None:
        self.dismiss(())

    def action_cancel(self) -> None:
        self.dismiss(None)


class UnitDialog(ModalScreen[str | None]):
    """Pick one responsible unit to filter the tasks by (or all)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    UnitDialog { align: center middle; }
    UnitDialog > Vertical { width: 40; height: auto; max-height: 90%; border: round $accent; background: $surface; }
    UnitDialog OptionList { height: auto; max-height: 18; }
    """

    def __init__(self, units: list[str], lang: str) -> None:
        super().__init__()
        self.units = units
        self.lang = lang

    def compose(self) -> ComposeResult:
        everyone = "全部单位" if self.lang == "zh" else "All units"
        with Vertical():
            yield Static(
                Text("按责任单位筛选任务" if self.lang == "zh" else "Filter tasks by responsible unit")
            )
            yield OptionList(Text(everyone), *(Text(unit_name(u, self.lang)) for u in self.units))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss("" if event.option_index == 0 else self.units[event.option_index - 1])

    def action_cancel(self) -> None:
        self.dismiss(None)


LEGEND = {
    "zh": [
        "✓ 达标 / 按时   ~ 正常推进、符合进度   ! 有风险、落后、逾期   ✗ 未达标、未报送   - 无目标或无数据",
        "行首 ! 表示该开发区未达或可能未达档级、星级或营收目标。",
        "“一→二档”：目标一档，实际（或最新结果）二档；“营收/进度”：累计完成占年度目标 / 按进度应完成比例。",
        "示例数据：目标来自方案原文，进度数据为生成的示例，并非真实数据。",
    ],
    "en": [
        "✓ met / on time   ~ on track, on pace   ! at risk, behind, late   ✗ missed, missing   - no target or data",
        "A leading ! marks a zone missing, or at risk of missing, its tier, star or revenue target.",
        "'T1→T2': target tier 1, result (or latest result) tier 2; 'Rev/pace': year to date as a share of the year's target / share due by now.",
        "Sample data: targets come from the plan; progress data is generated and is not real.",
    ],
}


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90%; max-width: 100; height: auto; max-height: 90%; border: round $accent; background: $surface; padding: 0 1; }
    """

    def __init__(self, tab: str, lang: str, ascii_only: bool) -> None:
        super().__init__()
        self.tab = tab
        self.lang = lang
        self.ascii_only = ascii_only

    def compose(self) -> ComposeResult:
        zh = self.lang == "zh"
        groups = help_groups(self.lang)  # every key, from the key catalogue
        key_width = max(cell_len(key) for _, keys in groups for key, _ in keys)
        parts: list[Text | Table] = [Text("按键（Esc 关闭）" if zh else "Keys (Esc closes)", style="bold")]
        for title, keys in groups:
            table = Table(show_header=False, box=None, pad_edge=False)
            table.add_column(width=key_width, no_wrap=True, style="bold")
            table.add_column()
            for key, what in keys:
                table.add_row(Text(key), Text(what, overflow="fold"))
            parts += [Text(title, style="bold underline"), table]
        legend = "\n".join(LEGEND[self.lang])
        if self.ascii_only:
            legend = legend.replace("✓", "+").replace("✗", "x").replace("→", "->")
        with VerticalScroll():
            yield Static(Group(*parts))
            yield Static(Text(legend))

    def action_close(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class ExportChoice:
    fmt: str
    scope: str  # "tab" or "all"
    folder: str
    name: str


EXPORT_FORMATS = (
    ("csv", "CSV"),
    ("xlsx", "XLSX"),
    ("parquet", "Parquet"),
    ("json", "JSON"),
    ("md", "Markdown"),
    ("svg", "SVG"),
)


class ExportDialog(ModalScreen[ExportChoice | None]):
    """Choose format, this tab or all tabs, folder and file name; Enter exports, Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("enter", "export", "Export", priority=True)]
    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > Vertical { width: 76; max-width: 100%; height: auto; border: round $accent; background: $surface; padding: 0 1; }
    ExportDialog RadioSet { layout: horizontal; height: auto; width: 100%; }
    ExportDialog Input { width: 100%; }
    ExportDialog Horizontal { height: auto; }
    """

    def __init__(self, lang: str, folder: str, suggest: Callable[[str, str], str]) -> None:
        super().__init__()
        self.lang = lang
        self.folder = folder
        self.suggest = suggest

    def compose(self) -> ComposeResult:
        zh = self.lang == "zh"
        with Vertical():
            yield Static(
                Text(
                    "导出当前视图（Enter 导出，Esc 取消）"
                    if zh
                    else "Export what you see (Enter exports, Esc cancels)",
                    style="bold",
                )
            )
            with RadioSet(id="format"):
                for i, (_, label) in enumerate(EXPORT_FORMATS):
                    yield RadioButton(label, value=i == 1)
            with RadioSet(id="scope"):
                yield RadioButton("本标签页" if zh else "This tab", value=True)
                yield RadioButton("全部标签页" if zh else "All tabs")
            yield Static(Text("文件夹" if zh else "Folder"))
            yield Input(self.folder, id="folder")
            yield Static(
                Text("文件名（已有同名文件时自动编号）" if zh else "File name (numbered if it exists)")
            )
            yield Input(self.suggest("xlsx", "tab"), id="name")

    def _choice(self) -> tuple[str, str]:
        fmt = EXPORT_FORMATS[self.query_one("#format", RadioSet).pressed_index][0]
        scope = "all" if self.query_one("#scope", RadioSet).pressed_index == 1 else "tab"
        return fmt, scope

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        fmt, scope = self._choice()
        if fmt == "svg" and scope == "all":
            self.query_one("#scope", RadioSet).query(RadioButton).first().value = True
            scope = "tab"
        self.query_one("#name", Input).value = self.suggest(fmt, scope)

    def action_export(self) -> None:
        fmt, scope = self._choice()
        folder = self.query_one("#folder", Input).value.strip() or "."
        name = self.query_one("#name", Input).value.strip() or self.suggest(fmt, scope)
        self.dismiss(ExportChoice(fmt, scope, folder, name))

    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class BulletinChoice:
    period: str
    fmt: str
    folder: str


class BulletinDialog(ModalScreen[BulletinChoice | None]):
    """The monthly bulletin: month, format and folder; Enter writes it, Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("enter", "write", "Write", priority=True)]
    DEFAULT_CSS = """
    BulletinDialog { align: center middle; }
    BulletinDialog > Vertical { width: 64; max-width: 100%; height: auto; border: round $accent; background: $surface; padding: 0 1; }
    BulletinDialog RadioSet { layout: horizontal; height: auto; width: 100%; }
    BulletinDialog Input { width: 100%; }
    """

    def __init__(self, lang: str, period: str, folder: str) -> None:
        super().__init__()
        self.lang = lang
        self.period = period
        self.folder = folder

    def compose(self) -> ComposeResult:
        zh = self.lang == "zh"
        with Vertical():
            title = (
                "月度通报：Tab 下一项，Enter 生成，Esc 取消"
                if zh
                else "Monthly bulletin: Tab moves on, Enter writes, Esc cancels"
            )
            yield Static(Text(title, style="bold"))
            yield Static(Text("月份（如 2026-10）" if zh else "Month (e.g. 2026-10)"))
            yield Input(self.period, id="period")
            with RadioSet(id="bulletin-format"):
                yield RadioButton("Markdown", value=True)
                yield RadioButton("XLSX")
                yield RadioButton("Word")
            yield Static(Text("文件夹" if zh else "Folder"))
            yield Input(self.folder, id="bulletin-folder")

    def action_write(self) -> None:
        fmt = ("md", "xlsx", "docx")[max(0, self.query_one("#bulletin-format", RadioSet).pressed_index)]
        folder = self.query_one("#bulletin-folder", Input).value.strip() or "."
        self.dismiss(BulletinChoice(self.query_one("#period", Input).value.strip(), fmt, folder))

    def action_cancel(self) -> None:
        self.dismiss(None)
