"""Modal dialogs: county filter, responsible-unit filter, help, export and bulletin (with their choices)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, OptionList, RadioButton, RadioSet, Static

from console.core.text import clean
from console.present.fit import flow, narrowest, wrap_words
from console.present.formatter import Formatter
from console.present.keys import help_groups
from console.present.labels import text, unit_choice, unit_name, unit_of, unit_role
from widgets.ascii import ascii_mode

# Checked state is shown by a mark, not by colour: it reads the same under NO_COLOR and --ascii.
CHECKED, UNCHECKED = "[x]", "[ ]"


def county_matches(query: str, zh_name: str, en_name: str | None) -> bool:
    """Whether a typed filter matches a county: part of its Chinese or English name, its pinyin
    (``suiping``) or the initials of its pinyin (``sp``), ignoring case and spaces."""
    from console.present.collation import name_matches

    return name_matches(query, zh_name, en_name)


def failed_mark(node: DOMNode) -> str:
    """The mark before a failure, as the rest of the display draws it: ✗, or x under --ascii."""
    return "x" if ascii_mode(node) else "✗"


def fit_list(screen: Screen[Any], others: int, most: int) -> None:
    """Give a dialog's list the rows left once its ``others`` rows (title, hints, summary, border) are
    drawn, at most ``most``: on a short terminal the list scrolls and the summary stays in sight."""
    room = int(screen.size.height * 0.9) - others
    screen.query_one(OptionList).styles.max_height = max(3, min(most, room))


class CountyFilter(Input):
    """The county dialog's filter field: Space ticks the highlighted county (the filter ignores
    spaces), so "type, then Space" picks what was typed."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "space":
            event.stop()
            event.prevent_default()
            await self.run_action("screen.toggle_county")
            return
        await super()._on_key(event)


class CountyDialog(ModalScreen[tuple[str, ...] | None]):
    """Pick one, several or all counties. Typing filters the list; Space checks or unchecks the county
    under the cursor, Ctrl+A checks (or unchecks) every county shown, and the dialog stays open for
    both; Enter applies (none checked means all counties); Esc cancels.

    Ctrl+A, not ``a``: every letter typed is part of the filter (``a`` is in most pinyin, ``shangcai``),
    so a letter cannot also be a command; Ctrl+A works in the list and in the filter alike."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("enter", "apply", "Apply", priority=True),
        Binding("space", "toggle_county", "Toggle", show=False),
        Binding("ctrl+a", "toggle_all", "All", show=False, priority=True),  # before Input's Home
        Binding("down", "to_list", show=False),
    ]
    DEFAULT_CSS = """
    CountyDialog { align: center middle; }
    CountyDialog > Vertical { width: 60; max-width: 100%; height: auto; max-height: 90%; border: round $accent; background: $surface; padding: 0 1; }
    CountyDialog #county-filter { margin: 1 0 0 0; }
    CountyDialog OptionList { height: auto; max-height: 16; }
    CountyDialog #county-count { text-style: italic; }
    """

    def __init__(self, counties: list[tuple[str, str]], chosen: tuple[str, ...], lang: str) -> None:
        super().__init__()
        self.counties = counties
        self.chosen = chosen
        self.lang = lang
        self.checked: set[str] = set(chosen)
        self.shown: list[tuple[str, str]] = list(counties)

    def _pick(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh" else en

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self._pick("县区筛选", "County filter"), style="bold"))
            # Two short lines, each within the dialog at 80 columns: no phrase is cut by a wrap.
            yield Static(
                Text(
                    self._pick(
                        "输入文字筛选  空格 勾选  Ctrl+A 全选/全不选",
                        "Type to filter  Space toggles  Ctrl+A all/none",
                    )
                ),
                id="county-hint",
            )
            yield Static(
                Text(
                    self._pick(
                        "Enter 应用（只筛出一个时即选它）  Esc 取消",
                        "Enter applies (or picks the only match)  Esc cancels",
                    )
                ),
                id="county-keys",
            )
            yield CountyFilter(
                placeholder=self._pick("筛选：名称或拼音", "filter: name or pinyin"),
                compact=True,
                select_on_focus=False,  # a key typed in the list goes on the end of the filter
                id="county-filter",
            )
            yield OptionList(*(self._prompt(c) for c in self.shown), compact=True)
            yield Static(id="county-count")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self._count()
        self.on_resize()

    def on_resize(self) -> None:
        fit_list(self, 8, 16)  # border 2, title, two hints, filter with its margin, summary

    def _prompt(self, county: tuple[str, str]) -> Text:
        zh_name, en = county
        mark = CHECKED if zh_name in self.checked else UNCHECKED
        return Text(f"{mark} {clean(zh_name if self.lang == 'zh' else (en or zh_name))}")

    def _count(self) -> None:
        n, total = len(self.checked), len(self.counties)
        if n == 0 or n == total:
            line = self._pick(
                f"全部 {total} 个县区（不勾选即全部）", f"All {total} counties (none checked = all)"
            )
        else:
            line = self._pick(f"已选 {n} / {total} 个县区", f"{n} of {total} counties checked")
        if len(self.shown) != total:
            line += self._pick(f"，显示 {len(self.shown)} 个", f", {len(self.shown)} shown")
        self.query_one("#county-count", Static).update(Text(line))

    def _redraw(self, highlight: int | None) -> None:
        options = self.query_one(OptionList)
        options.set_options(self._prompt(c) for c in self.shown)
        if self.shown:
            options.highlighted = min(highlight or 0, len(self.shown) - 1)
        self._count()

    def on_input_changed(self, event: Input.Changed) -> None:
        query = event.value
        self.shown = [c for c in self.counties if county_matches(query, c[0], c[1])]
        self._redraw(0)

    def on_key(self, event: events.Key) -> None:
        """Type to filter: a printable key pressed in the list goes to the filter field."""
        if not isinstance(self.focused, OptionList) or not event.is_printable or not event.character:
            return
        if event.character == " ":  # Space ticks (CountyFilter does the same in the field)
            return
        field = self.query_one("#county-filter", Input)
        field.focus()
        field.insert_text_at_cursor(event.character)
        event.stop()
        event.prevent_default()

    def action_to_list(self) -> None:
        self.query_one(OptionList).focus()

    def action_toggle_county(self) -> None:
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None or not self.shown:
            return
        zh_name = self.shown[index][0]
        self.checked.symmetric_difference_update({zh_name})
        options.replace_option_prompt_at_index(index, self._prompt(self.shown[index]))
        self._count()

    def action_toggle_all(self) -> None:
        names = {c[0] for c in self.shown}
        if names <= self.checked:
            self.checked -= names
        else:
            self.checked |= names
        self._redraw(self.query_one(OptionList).highlighted)

    def action_apply(self) -> None:
        typed = self.query_one("#county-filter", Input).value.strip()
        if typed and len(self.shown) == 1 and self.checked == set(self.chosen):
            # Typed down to one county and ticked nothing: that county is the choice.
            self.dismiss((self.shown[0][0],) if len(self.counties) > 1 else ())
            return
        selected = tuple(c[0] for c in self.counties if c[0] in self.checked)
        self.dismiss(() if len(selected) == len(self.counties) else selected)

    def action_cancel(self) -> None:
        self.dismiss(None)


UNIT_TEXT_WIDTH = 36  # the unit dialog's 40 cells less its border and the list's scrollbar


class UnitDialog(ModalScreen[str | None]):
    """Pick one responsible unit to filter the tasks by (or all); it opens on the unit chosen now.
    Above the list, which of the unit's tasks count: those it leads or takes part in (the default), or
    those it leads only (Tab goes there, the arrow keys pick). It returns the filter's value
    (labels.unit_choice)."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("j", "move(1)", show=False),
        Binding("k", "move(-1)", show=False),
    ]
    DEFAULT_CSS = """
    UnitDialog { align: center middle; }
    UnitDialog > Vertical { width: 40; height: auto; max-height: 90%; border: round $accent; background: $surface; }
    UnitDialog OptionList { height: auto; max-height: 18; }
    UnitDialog RadioSet { height: auto; width: 100%; }
    """

    def __init__(self, units: list[str], lang: str, current: str = "") -> None:
        super().__init__()
        self.units = units
        self.lang = lang
        self.current, self.lead_only = unit_of(current)

    def compose(self) -> ComposeResult:
        everyone = "全部单位" if self.lang == "zh" else "All units"
        with Vertical():
            yield Static(
                Text("按责任单位筛选任务" if self.lang == "zh" else "Filter tasks by responsible unit")
            )
            with PickingRadioSet(id="unit-role", compact=True):
                for lead_only in (False, True):
                    yield MarkedRadioButton(
                        unit_role(lead_only, self.lang), value=lead_only == self.lead_only
                    )
            yield OptionList(Text(everyone), *(self.prompt(u) for u in self.units), compact=True)
            hint = (
                "Tab 计入范围  Enter 选定  Esc 取消"
                if self.lang == "zh"
                else "Tab: which tasks count  Enter picks  Esc cancels"
            )
            yield Static(Text(hint, style="italic"))

    def prompt(self, unit: str) -> Text:
        """A unit's name; a long one wrapped with its continuation lines indented, so that
        "Municipal Development and Reform / Commission" never reads as two units."""
        lines = wrap_words(clean(unit_name(unit, self.lang)), UNIT_TEXT_WIDTH - 2)
        return Text("\n  ".join(lines))

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = self.units.index(self.current) + 1 if self.current in self.units else 0
        options.focus()
        self.on_resize()

    def on_resize(self) -> None:
        fit_list(self, 7, 18)  # border 2, title, the tasks' choice (two lines), hint (two lines at most)

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def on_key(self, event: events.Key) -> None:
        # Enter on the tasks' choice picks the unit under the list's cursor, as Enter in the list does.
        if event.key == "enter" and isinstance(self.focused, RadioSet):
            event.stop()
            options = self.query_one(OptionList)
            self._pick(options.highlighted or 0)

    def _pick(self, index: int) -> None:
        lead_only = self.query_one("#unit-role", RadioSet).pressed_index == 1
        self.dismiss("" if index == 0 else unit_choice(self.units[index - 1], lead_only))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._pick(event.option_index)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PeriodDialog(ModalScreen[str | None]):
    """Pick the quarter the changes mode compares with (newest first); Enter picks, Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    PeriodDialog { align: center middle; }
    PeriodDialog > Vertical { width: 44; height: auto; max-height: 90%; border: round $accent; background: $surface; }
    PeriodDialog OptionList { height: auto; max-height: 14; }
    """

    def __init__(self, periods: list[str], current: str | None, to: str, lang: str) -> None:
        super().__init__()
        self.periods, self.current, self.to, self.lang = periods, current, to, lang

    def compose(self) -> ComposeResult:
        zh = self.lang == "zh"
        with Vertical():
            yield Static(
                Text(f"与哪个季度末相比（至{self.to}）" if zh else f"Compare {self.to} with the end of")
            )
            marks = [("(*) " if p == self.current else "( ) ") + p for p in self.periods]
            yield OptionList(*(Text(m) for m in marks), compact=True)
            yield Static(Text("Enter 选定  Esc 取消" if zh else "Enter chooses  Esc cancels", style="italic"))

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = self.periods.index(self.current) if self.current in self.periods else 0
        options.focus()
        self.on_resize()

    def on_resize(self) -> None:
        fit_list(self, 4, 14)  # border 2, title, hint

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.periods[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)


# The legend's lines after the status marks (those come from Formatter.status_legend).
LEGEND = {
    "zh": [
        "行首 ! 表示该开发区未达或可能未达档级、星级或营收目标。",
        "“一→二档”：目标一档，实际（或最新结果）二档；“营收/进度”：累计完成占年度目标 / 按进度应完成比例。",
        text("sample_notice", "zh"),  # the catalogue's words, as the overview says them
    ],
    "en": [
        "A leading ! marks a zone missing, or at risk of missing, its tier, star or revenue target.",
        "'T1→T2': target tier 1, result (or latest result) tier 2; 'Rev/pace': year to date as a share of the year's target / share due by now.",
        text("sample_notice", "en"),
    ],
}


class Wrapped:
    """Text that wraps to the width it is given between words or Chinese characters, never inside an
    English word, never with a closing mark at a line's start (console.present.fit); given several
    groups, they sit three cells apart and go to the next line whole."""

    def __init__(self, groups: list[str], style: str = "") -> None:
        self.groups, self.style = groups, style

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = cell_len("   ".join(self.groups))
        return Measurement(min(max(narrowest(g) for g in self.groups), widest), widest)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = flow(self.groups, options.max_width)
        yield Text("\n".join(lines), style=self.style, no_wrap=True, overflow="crop")


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
        f = Formatter(self.lang, self.ascii_only)
        groups = help_groups(self.lang)  # every key, from the key catalogue
        key_width = max(cell_len(f.text(key)) for _, keys in groups for key, _ in keys)
        parts: list[Text | Table] = [Text("按键（Esc 关闭）" if zh else "Keys (Esc closes)", style="bold")]
        for title, keys in groups:
            table = Table(show_header=False, box=None, pad_edge=False)
            table.add_column(width=key_width, no_wrap=True, style="bold")
            table.add_column(ratio=1)  # each description wraps under itself, between words
            for key, what in keys:
                table.add_row(Text(f.text(key)), Wrapped([f.text(what)]))
            parts += [Text(title, style="bold underline"), table]
        # The legend's groups ("✓ 达标 / 按时", three spaces apart) go to the next line whole.
        legend = [Wrapped(f.status_legend())]
        legend += [Wrapped(f.text(line).split("   ")) for line in LEGEND[self.lang]]
        with VerticalScroll():
            yield Static(Group(*parts))
            yield Static(Group(*legend))

    def action_close(self) -> None:
        self.dismiss(None)


class MarkedRadioButton(RadioButton):
    """A radio button whose state is a mark, ``(*)`` or ``( )``, not a colour: the chosen option reads
    the same under NO_COLOR, in 16 colours and in --ascii (Textual's own button is a coloured ``●``)."""

    @property
    def _button(self) -> Content:
        return Content.styled("(*)" if self.value else "( )", "bold" if self.value else "")


class MarkedRadioSet(RadioSet):
    """A RadioSet whose cursor starts on the chosen option, not on the first (Textual's), so that
    Enter there, as the hint says, confirms the choice instead of quietly picking the first option."""

    def on_mount(self) -> None:
        self.call_after_refresh(self._cursor_on_choice)

    def _cursor_on_choice(self) -> None:
        if self.pressed_index >= 0:
            self._selected = self.pressed_index


class PickingRadioSet(MarkedRadioSet):
    """A MarkedRadioSet whose arrow keys pick the option they move to (as a radio group does in most
    programs), so that the choice needs no Space and Enter can act on the whole dialog.

    The keys get their own actions: Textual's RadioSet calls ``action_next_button`` itself when it
    mounts, and picking there (a toggle) switched the first option off or on behind the set's back,
    which left two options drawn chosen and lost a reopened dialog's format."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,right", "pick(1)", "Next option", show=False),
        Binding("up,left", "pick(-1)", "Previous option", show=False),
    ]

    def action_pick(self, step: int) -> None:
        if step > 0:
            self.action_next_button()
        else:
            self.action_previous_button()
        if self._selected is not None:
            # Switch on, never toggle: the set itself switches the previous choice off.
            self.query(RadioButton)[self._selected].value = True


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
    """Choose format, this tab or all tabs, folder and file name. Enter confirms the field it is on
    (and moves on from a text field); only the Export button or Ctrl+S exports; Esc cancels.

    ``initial`` and ``error`` reopen the dialog after a failed export with the user's choices kept and
    the reason shown inside it. The dialog sits at the top of the screen, clear of the toasts."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "export", "Export", priority=True)]
    DEFAULT_CSS = """
    ExportDialog { align: center top; }
    ExportDialog > Vertical { width: 76; max-width: 100%; height: auto; margin-top: 1; border: round $accent; background: $surface; padding: 0 1; }
    ExportDialog RadioSet { layout: horizontal; height: auto; width: 100%; }
    ExportDialog RadioSet > RadioButton { width: auto; padding: 0 2 0 0; }
    ExportDialog #format { layout: grid; grid-size: 3; grid-columns: auto auto 1fr; }
    ExportDialog Horizontal { height: auto; }
    ExportDialog .field { width: 11; }
    ExportDialog Input { width: 1fr; }
    ExportDialog #export-error { text-style: bold; margin-top: 1; }
    ExportDialog #export-buttons { margin-top: 1; }
    ExportDialog Button { width: auto; min-width: 0; margin-right: 2; }
    """

    def __init__(
        self,
        lang: str,
        folder: str,
        suggest: Callable[[str, str], str],
        initial: ExportChoice | None = None,
        error: str | None = None,
    ) -> None:
        super().__init__()
        self.lang = lang
        self.folder = folder
        self.suggest = suggest
        self.initial = initial
        self.error = error
        fmt, scope = (initial.fmt, initial.scope) if initial else ("xlsx", "tab")
        self._suggested = suggest(fmt, scope)

    def _pick(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh" else en

    def compose(self) -> ComposeResult:
        pick = self._pick
        initial = self.initial
        fmt = initial.fmt if initial else "xlsx"
        with Vertical():
            yield Static(Text(pick("导出当前视图", "Export what you see"), style="bold"))
            yield Static(
                Text(
                    pick(
                        "Tab 下一项  Enter 确认本项  Ctrl+S 导出  Esc 取消",
                        "Tab next  Enter confirms  Ctrl+S exports  Esc cancels",
                    )
                )
            )
            with MarkedRadioSet(id="format", compact=True):
                for key, label in EXPORT_FORMATS:
                    yield MarkedRadioButton(label, value=key == fmt)
            with MarkedRadioSet(id="scope", compact=True):
                all_tabs = initial is not None and initial.scope == "all"
                yield MarkedRadioButton(pick("本标签页", "This tab"), value=not all_tabs)
                yield MarkedRadioButton(pick("全部标签页", "All tabs"), value=all_tabs)
            with Horizontal():
                yield Static(Text(pick("文件夹", "Folder")), classes="field")
                yield Input(initial.folder if initial else self.folder, id="folder", compact=True)
            with Horizontal():
                yield Static(Text(pick("文件名", "File name")), classes="field")
                yield Input(initial.name if initial else self._suggested, id="name", compact=True)
            yield Static(Text(pick("已有同名文件时自动编号", "Numbered if the file exists"), style="italic"))
            if self.error:
                lead = pick("导出失败：", "Export failed: ")
                yield Static(Text(f"{failed_mark(self)} {lead}{clean(self.error)}"), id="export-error")
            with Horizontal(id="export-buttons"):
                yield Button(Content(pick("[ 导出 ]", "[ Export ]")), id="export", compact=True)
                yield Button(Content(pick("[ 取消 ]", "[ Cancel ]")), id="cancel", compact=True)

    def on_mount(self) -> None:
        # After a failure the folder is the likely culprit: start there; otherwise at the format.
        self.query_one("#folder" if self.error else "#format").focus()

    def _choice(self) -> tuple[str, str]:
        fmt = EXPORT_FORMATS[max(0, self.query_one("#format", RadioSet).pressed_index)][0]
        scope = "all" if self.query_one("#scope", RadioSet).pressed_index == 1 else "tab"
        return fmt, scope

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        fmt, scope = self._choice()
        if fmt == "svg" and scope == "all":
            self.query_one("#scope", RadioSet).query(RadioButton).first().value = True
            scope = "tab"
        name = self.query_one("#name", Input)
        if name.value.strip() in ("", self._suggested):  # a name the user typed is kept
            self._suggested = self.suggest(fmt, scope)
            name.value = self._suggested

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a text field moves on; it never exports by itself."""
        event.stop()
        self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "export":
            self.action_export()
        else:
            self.action_cancel()

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
    """The monthly bulletin: month, format and folder; the arrow keys pick the format, Enter writes it,
    Esc cancels. ``month_note`` says where the default month comes from. ``initial`` and ``error``
    reopen it after a failure with the user's choices kept and the reason shown in it."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("enter", "write", "Write", priority=True)]
    DEFAULT_CSS = """
    BulletinDialog { align: center middle; }
    BulletinDialog > Vertical { width: 64; max-width: 100%; height: auto; border: round $accent; background: $surface; padding: 0 1; }
    BulletinDialog RadioSet { layout: horizontal; height: auto; width: 100%; margin: 1 0; }
    BulletinDialog RadioSet > RadioButton { width: auto; padding: 0 2 0 0; }
    BulletinDialog Input { width: 100%; }
    """

    def __init__(
        self,
        lang: str,
        period: str,
        folder: str,
        initial: BulletinChoice | None = None,
        error: str | None = None,
        month_note: str = "",
    ) -> None:
        super().__init__()
        self.lang = lang
        self.month_note = month_note
        self.period = initial.period if initial else period
        self.folder = initial.folder if initial else folder
        self.fmt = initial.fmt if initial else "md"
        self.error = error

    def compose(self) -> ComposeResult:
        zh = self.lang == "zh"
        with Vertical():
            yield Static(Text("月度通报" if zh else "Monthly bulletin", style="bold"))
            keys = (
                "Tab 下一项  左右键选格式  Enter 生成  Esc 取消"  # words, not arrows: the same in --ascii
                if zh
                else "Tab next  Left/Right format  Enter writes  Esc cancels"
            )
            yield Static(Text(keys), id="bulletin-keys")
            yield Static(Text("月份（如 2026-10）" if zh else "Month (e.g. 2026-10)"))
            yield Input(self.period, id="period", compact=True)
            if self.month_note:
                yield Static(Text(clean(self.month_note), style="italic"), id="bulletin-month-note")
            with PickingRadioSet(id="bulletin-format", compact=True):
                yield MarkedRadioButton("Markdown", value=self.fmt == "md")
                yield MarkedRadioButton("XLSX", value=self.fmt == "xlsx")
                yield MarkedRadioButton("Word", value=self.fmt == "docx")
            yield Static(Text("文件夹" if zh else "Folder"))
            yield Input(self.folder, id="bulletin-folder", compact=True)
            if self.error:
                lead = "通报未生成：" if zh else "Bulletin not written: "
                mark = failed_mark(self)
                yield Static(Text(f"{mark} {lead}{clean(self.error)}", style="bold"), id="bulletin-error")

    def action_write(self) -> None:
        fmt = ("md", "xlsx", "docx")[max(0, self.query_one("#bulletin-format", RadioSet).pressed_index)]
        folder = self.query_one("#bulletin-folder", Input).value.strip() or "."
        self.dismiss(BulletinChoice(self.query_one("#period", Input).value.strip(), fmt, folder))

    def action_cancel(self) -> None:
        self.dismiss(None)
