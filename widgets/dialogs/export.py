"""The export dialog (``e``): format, scope, folder and name of what is written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from console.core.text import clean
from console.words import Lang
from console.words.dialogs import DIALOGS
from widgets.dialogs.parts import MarkedRadioButton, MarkedRadioSet, failed_mark
from widgets.keybar import widget_bindings


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
PDF_FORMAT = ("pdf", "PDF")  # offered only where LibreOffice can make it (issue 22)


class ExportDialog(ModalScreen[ExportChoice | None]):
    """Choose format, this tab or all tabs, folder and file name. Enter confirms the field it is on
    (and moves on from a text field); only the Export button or Ctrl+S exports; Esc cancels.

    ``initial`` and ``error`` reopen the dialog after a failed export with the user's choices kept and
    the reason shown inside it. ``pdf``: LibreOffice is installed, so PDF is offered (after the other
    formats; absent otherwise). ``served``: the console is served in a browser, where the file is a
    download: no folder to choose and no numbering beside existing files. The dialog sits at the top
    of the screen, clear of the toasts."""

    BINDINGS = widget_bindings("export_dialog")  # from the key catalogue
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
        lang: Lang,
        folder: str,
        suggest: Callable[[str, str], str],
        initial: ExportChoice | None = None,
        error: str | None = None,
        pdf: bool = False,
        served: bool = False,
    ) -> None:
        super().__init__()
        self.served = served
        self.formats = (*EXPORT_FORMATS, PDF_FORMAT) if pdf else EXPORT_FORMATS
        self.lang = lang
        self.folder = folder
        self.suggest = suggest
        self.initial = initial
        self.error = error
        fmt, scope = (initial.fmt, initial.scope) if initial else ("xlsx", "tab")
        self._suggested = suggest(fmt, scope)

    def compose(self) -> ComposeResult:
        lang, initial = self.lang, self.initial
        fmt = initial.fmt if initial else "xlsx"
        with Vertical():
            yield Static(Text(DIALOGS("export_title", lang), style="bold"))
            yield Static(Text(DIALOGS("export_keys", lang)))
            with MarkedRadioSet(id="format", compact=True):
                for key, label in self.formats:
                    yield MarkedRadioButton(label, value=key == fmt)
            with MarkedRadioSet(id="scope", compact=True):
                all_tabs = initial is not None and initial.scope == "all"
                yield MarkedRadioButton(DIALOGS("this_tab", lang), value=not all_tabs)
                yield MarkedRadioButton(DIALOGS("all_tabs", lang), value=all_tabs)
            with Horizontal():
                yield Static(Text(DIALOGS("folder", lang)), classes="field")
                if self.served:  # a download: the browser chooses where it goes
                    yield Static(Text(self.folder), id="folder-served")
                else:
                    yield Input(initial.folder if initial else self.folder, id="folder", compact=True)
            with Horizontal():
                yield Static(Text(DIALOGS("file_name", lang)), classes="field")
                yield Input(initial.name if initial else self._suggested, id="name", compact=True)
            if not self.served:
                yield Static(Text(DIALOGS("numbered", lang), style="italic"))
            if self.error:
                lead = DIALOGS("export_failed_lead", lang)
                yield Static(Text(f"{failed_mark(self)} {lead}{clean(self.error)}"), id="export-error")
            with Horizontal(id="export-buttons"):
                yield Button(Content(DIALOGS("export_button", lang)), id="export", compact=True)
                yield Button(Content(DIALOGS("cancel_button", lang)), id="cancel", compact=True)

    def on_mount(self) -> None:
        # After a failure the folder is the likely culprit: start there; otherwise at the format.
        self.query_one("#folder" if self.error and not self.served else "#format").focus()

    def _choice(self) -> tuple[str, str]:
        fmt = self.formats[max(0, self.query_one("#format", RadioSet).pressed_index)][0]
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
        folder = self.folder if self.served else self.query_one("#folder", Input).value.strip() or "."
        name = self.query_one("#name", Input).value.strip() or self.suggest(fmt, scope)
        self.dismiss(ExportChoice(fmt, scope, folder, name))

    def action_cancel(self) -> None:
        self.dismiss(None)
