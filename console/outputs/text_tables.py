"""Human-readable CLI output: the console's Views as text tables that fit the width, text shown literally.

``devzones status`` and ``devzones rankings`` print the same Views the console shows (one model, one
formatter); a table fits the terminal's width, else ``COLUMNS``, else 80 columns, by dropping columns
in the order of their ``give_way`` and then cutting the widest text columns; a cell never wraps.
"""

from __future__ import annotations

import os
import sys
from typing import IO, TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from console.core.text import clean
from console.data.errors import DataError
from console.engine.audit import Finding
from console.present.fit import PADDING, column_widths, fit_columns, fit_text
from console.present.formatter import Formatter
from console.present.labels import CLASS_STYLES, check_name, count, heading, sample_line, text
from console.words import Lang, as_lang
from console.words.exports import EXPORTS

if TYPE_CHECKING:
    from rich.box import Box

    from console.present.viewmodel import View


def make_console(file: IO[str] | None = None, fit: bool = False) -> Console:
    """A Rich console that honours NO_COLOR and never interprets markup from data.

    With ``fit`` its width is ``output_width`` (the terminal's, else COLUMNS, else 80): the tables of
    ``status`` and ``rankings`` fit it.
    """
    return Console(
        file=file or sys.stdout,
        no_color="NO_COLOR" in os.environ,
        highlight=False,
        emoji=False,
        safe_box=True,
        legacy_windows=False,
        width=output_width(file) if fit else (None if (file or sys.stdout).isatty() else 120),
    )


def _t(value: object, style: str = "") -> Text:
    """A cell or line of output: text cleaned (console.core.text.clean) and never parsed as markup."""
    return Text(clean(value), style=style)


def _num(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def _box(ascii_only: bool) -> Box:
    from rich import box

    return box.ASCII if ascii_only else box.SIMPLE_HEAD


def output_width(file: IO[str] | None = None) -> int:
    """The width text output must fit: the terminal's, else ``COLUMNS``, else 80."""
    handle = file or sys.stdout
    try:
        if handle.isatty():
            return os.get_terminal_size(handle.fileno()).columns
    except (OSError, ValueError, AttributeError):
        pass
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else 80


def print_header(
    title: str,
    as_of: str,
    year: int,
    counties: tuple[str, ...],
    sample: bool,
    f: Formatter,
    out: Console,
    own_targets: bool = False,
) -> None:
    """The line that says which data, date, year and counties the tables below show (and, for sample
    data, what is sample: ``own_targets`` for a set whose targets are generated too)."""
    scope = f.list_sep.join(counties) if counties else text("all_counties", f.lang)
    year_text = EXPORTS("page_year", as_lang(f.lang), year=year)
    rest = f" {f.dot} ".join(
        (f"{text('as_of', f.lang)} {as_of or text('no_data_yet', f.lang)}", year_text, scope)
    )
    # The title gives way first, so the date, year and counties stay readable on a narrow terminal.
    room = out.width - cell_len(rest) - cell_len(f" {f.dot} ")
    title = clean(title)
    if cell_len(title) > room:
        title = _fit(title, max(room, 8), f).rstrip()
    out.print(_fit_line(f"{title} {f.dot} {rest}", out.width, f), no_wrap=True, crop=True)
    if sample:
        notice = sample_line(f.lang, own_targets)
        out.print(_t(notice, style="bold yellow"), no_wrap=False)


def print_errors(errors: list[DataError], lang: Lang, out: Console) -> None:
    colon = EXPORTS("colon", lang)
    out.print(_t(f"✗ {text('invalid', lang)}{colon}{count(len(errors), 'problem', lang)}", style="bold red"))
    for error in errors:
        out.print(_t(f"  {error.text(lang)}"))


def print_audit(findings: list[Finding], lang: Lang, ascii_only: bool, out: Console) -> None:
    out.print(_t(text("audit", lang), style="bold"))
    if not findings:
        out.print(_t(f"  {text('audit_clean', lang)}"))
        return
    out.print(_t(f"  {count(len(findings), 'finding', lang)}"))
    table = Table(box=_box(ascii_only))
    for key in ("check", "year", "stated", "counted"):
        table.add_column(heading(key, lang), no_wrap=True)
    table.add_column(heading("message", lang), overflow="fold", ratio=1)
    for f in findings:
        table.add_row(
            _t(check_name(f.check, f.level, lang)),
            str(f.year),
            _num(f.stated, 0),
            _num(f.counted, 0),
            _t(f.text(lang)),
        )
    out.print(table)


def _fit(value: str, width: int, f: Formatter, right: bool = False) -> str:
    """``value`` in exactly ``width`` cells: padded, or cut with an ellipsis (never wrapped)."""
    return fit_text(clean(value), width, f.ellipsis, right)


def _fit_line(value: str, width: int, f: Formatter) -> Text:
    value = clean(value)
    return Text(_fit(value, width, f).rstrip() if cell_len(value) > width else value)


def print_view(
    view: View, f: Formatter, out: Console, sample: bool = False, own_targets: bool = False
) -> None:
    """Any View as a text table that fits ``out.width``, statuses coloured as on screen.

    Columns are dropped in the order of their ``give_way`` (console.present.fit), then the widest
    text columns are cut with an ellipsis; a cell never wraps onto a second line.
    """
    if sample:
        notice = sample_line(f.lang, own_targets)
        out.print(_t(notice, style="bold yellow"))
    width = out.width
    labels = [c.label for c in view.columns]
    natural = column_widths(view, labels)
    shown, cut = fit_columns(view, width, natural)
    widths = {i: cut.get(i, natural[i]) for i in shown}
    out.print(_fit_line(view.title, width, f), style="bold", no_wrap=True, crop=True)

    def line(cells: list[tuple[str, str, bool]], style: str = "") -> Text:
        result = Text(style=style, no_wrap=True, end="")
        for (content, cell_style, right), i in zip(cells, shown, strict=True):
            result.append(" " * PADDING)
            result.append(_fit(content, widths[i], f, right), style=cell_style)
            result.append(" " * PADDING)
        result.rstrip()
        result.truncate(width)
        return result

    out.print(line([(labels[i], "bold", view.columns[i].numeric) for i in shown]), no_wrap=True, crop=True)
    rule = sum(widths[i] + 2 * PADDING for i in shown)
    out.print(Text((f.rule * min(rule, width)).rstrip()), no_wrap=True, crop=True)
    for row in view.rows:
        cells = [
            (row.cells[i].text, CLASS_STYLES.get(row.cells[i].cls or "", ""), view.columns[i].numeric)
            for i in shown
        ]
        out.print(line(cells, "bold" if row.flagged else ""), no_wrap=True, crop=True)
    out.print()
