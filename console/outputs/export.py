"""Exports: the views on screen written as CSV, XLSX, Parquet, JSON or a Markdown report.

Every export says where it came from (a TOML manifest beside it, and inside the file where the
format allows), is written through console.core.files (a temporary folder, then moved in as a set,
so no partial file ever carries a final name and a failure leaves nothing behind), never overwrites
an existing file unless asked to, and neutralises cells that a spreadsheet would run as a formula.
No Textual here: the console and ``devzones export`` both call ``export_views``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from console import __version__
from console.core import files
from console.core.text import clean
from console.outputs.xlsx_print import setup_print
from console.present.viewmodel import Header, View

FORMATS = ("csv", "xlsx", "parquet", "json", "md")
SUFFIX = {"csv": ".csv", "xlsx": ".xlsx", "parquet": ".parquet", "json": ".json", "md": ".md", "svg": ".svg"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportError(Exception):
    """An export that could not be written; the message says why. Nothing was written."""


@dataclass(frozen=True)
class Provenance:
    """Where an export came from, and the command that makes it again."""

    title: str
    as_of: str
    sample: bool
    year: int
    counties: tuple[str, ...]
    view: str
    search: str
    sort: str
    lang: str
    exported_at: str
    command: str
    version: str = __version__

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["counties"] = list(self.counties)
        return data

    def lines(self) -> list[tuple[str, str]]:
        """(label, value) pairs in the export's language, for an "about" sheet or a report header."""
        zh = self.lang == "zh"
        sample = (
            ("是（示例数据，并非真实数据）" if zh else "yes (sample data, not real)")
            if self.sample
            else ("否" if zh else "no")
        )
        counties = ("、" if zh else ", ").join(self.counties) or ("全部县区" if zh else "all counties")
        labels = (
            ("数据集", "Dataset", self.title),
            ("数据截至", "As of", self.as_of),
            ("示例数据", "Sample data", sample),
            ("年度", "Year", str(self.year)),
            ("县区", "Counties", counties),
            ("视图", "View", self.view),
            ("搜索", "Search", self.search or "—"),
            ("排序", "Sort", self.sort or "—"),
            ("导出时间", "Exported at", self.exported_at),
            ("重新生成", "Reproduce with", self.command),
            ("程序版本", "devzones version", self.version),
        )
        return [(zh_label if zh else en_label, value) for zh_label, en_label, value in labels]


def provenance(
    header: Header, view: str, search: str, sort: str, lang: str, fmt: str, out: Path, data: str | None = None
) -> Provenance:
    """Provenance of an export made now from views with ``header``; the console and the CLI share it."""
    now = datetime.now().astimezone().replace(microsecond=0)
    return Provenance(
        title=header.title if lang == "zh" or not header.title_en else header.title_en,
        as_of=header.as_of or ("无数据" if lang == "zh" else "no data yet"),
        sample=header.sample,
        year=header.year,
        counties=header.counties,
        view=view,
        search=search,
        sort=sort,
        lang=lang,
        exported_at=now.isoformat(),
        command=command_for(view, header.year, header.counties, search, sort, lang, fmt, out, data),
    )


def sort_argument(key: str | None, descending: bool) -> str:
    """The --sort value for a column key: ``target`` or ``-target``."""
    return "" if not key else f"{'-' if descending else ''}{key}"


def command_for(
    view: str,
    year: int,
    counties: Sequence[str],
    search: str,
    sort: str,
    lang: str,
    fmt: str,
    out: Path | str,
    data: str | None = None,
) -> str:
    """The ``devzones export`` command line that reproduces an export."""
    import shlex

    words = ["devzones", "export", "--view", view, "--year", str(year)]
    if data:
        words += ["--data", data]
    for county in counties:
        words += ["--county", county]
    if search:
        words += ["--search", search]
    if sort:
        words += [f"--sort={sort}"]
    words += ["--lang", lang, "--format", fmt, "--out", str(out)]
    return shlex.join(words)


def suggest_name(view: str, year: int, counties: Sequence[str], when: datetime, fmt: str) -> str:
    """devzones-<view>-<year>[-<counties>]-<YYYYmmdd-HHMMSS>.<ext>, safe as a file name."""
    scope = "-" + "+".join(counties) if counties else ""
    stamp = when.strftime("%Y%m%d-%H%M%S")
    name = f"devzones-{view}-{year}{scope}-{stamp}{SUFFIX[fmt]}"
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name)


def neutralise(text: str) -> str:
    """Prefix a cell a spreadsheet would read as a formula with an apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


# -- safe placement -----------------------------------------------------------------------------------


def check_folder(folder: Path) -> None:
    """Raise ExportError unless ``folder`` exists and can be written."""
    problem = files.folder_problem(folder)
    if problem:
        raise ExportError(problem)


def place(path: Path, write: Callable[[IO[bytes]], object], force: bool = False) -> Path:
    """Write one file safely (see ``place_set``); returns where it went."""
    return place_set([(path, write)], force)[0]


def place_set(
    items: Sequence[tuple[Path, Callable[[IO[bytes]], object]]],
    force: bool = False,
    manifest: tuple[Path, Callable[[list[Path]], Callable[[IO[bytes]], object]]] | None = None,
) -> list[Path]:
    """Write files (and a manifest naming them) as a set: all appear or none, never overwriting.

    Without ``force`` an existing file is never replaced: the names get a suffix -2, -3 … (the same
    number for the whole set), so two exports in the same second both keep their files.
    """
    if not items:
        return []
    check_folder(items[0][0].parent)
    try:
        return files.place_together(items, force, manifest)
    except files.NoFreeName:
        raise ExportError(f"no free file name for {items[0][0]}") from None
    except OSError as exc:
        raise ExportError(f"could not write {exc.filename or items[0][0]}: {exc.strerror or exc}") from None


def place_with_manifest(
    path: Path, write: Callable[[IO[bytes]], object], prov: Provenance, fmt: str, force: bool = False
) -> list[Path]:
    """One file and its ``.manifest.toml``, placed together."""
    return place_set(
        [(path, write)],
        force,
        (path.with_name(f"{path.name}.manifest.toml"), lambda names: manifest_writer(prov, names, fmt)),
    )


# -- cell values ----------------------------------------------------------------------------------------


def _values(view: View, spreadsheet: bool = False) -> list[list[Any]]:
    """Each row's cells: numbers for value columns, text otherwise (neutralised for spreadsheets)."""
    out = []
    for row in view.rows:
        cells: list[Any] = []
        for column, text, value in zip(view.columns, row.cells, row.sort, strict=True):
            if column.value and isinstance(value, int | float):
                cells.append(round(value, 2) if isinstance(value, float) else value)
            else:
                cells.append(neutralise(text) if spreadsheet else text)
        out.append(cells)
    return out


def _labels(view: View, lang: str) -> list[str]:
    """Column headings; the unlabelled flag column (a leading !) is named in exports."""
    return [c.label or ("标记" if lang == "zh" else "flag") for c in view.columns]


# -- writers ----------------------------------------------------------------------------------------------


class EncodingProblem(ExportError):
    """A CSV cell the chosen ``--encoding`` cannot hold (see csv_encoding.py); nothing was written."""


def _csv(view: View, prov: Provenance, encoding: str = "utf-8") -> Callable[[IO[bytes]], None]:
    from console.outputs.csv_encoding import unencodable

    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    rows = [_labels(view, prov.lang), *_values(view, spreadsheet=True)]
    writer.writerows(rows)
    try:  # encoded now: a cell the encoding cannot hold stops the export before any file is placed
        payload = text.getvalue().encode(encoding)
    except UnicodeEncodeError:
        raise EncodingProblem(unencodable(rows, rows[0], view.title, prov.lang, encoding)) from None
    bom = b"\xef\xbb\xbf" if encoding == "utf-8" else b""  # BOM: Excel on Chinese Windows

    def write(handle: IO[bytes]) -> None:
        handle.write(bom + payload)

    return write


def _parquet(view: View, prov: Provenance) -> Callable[[IO[bytes]], None]:
    def write(handle: IO[bytes]) -> None:
        import polars as pl

        labels = _labels(view, prov.lang)
        rows = _values(view)
        columns = {}
        for i, (label, column) in enumerate(zip(labels, view.columns, strict=True)):
            values = [r[i] for r in rows]
            if column.value and all(isinstance(v, int | float) for v in values):
                columns[label] = pl.Series(label, values, dtype=pl.Float64)
            else:
                columns[label] = pl.Series(label, [str(v) for v in values], dtype=pl.String)
        pl.DataFrame(columns).write_parquet(
            handle, metadata={"devzones": json.dumps(prov.as_dict(), ensure_ascii=False)}
        )

    return write


def _json(views: Sequence[View], prov: Provenance) -> Callable[[IO[bytes]], None]:
    def write(handle: IO[bytes]) -> None:
        tables = {}
        for view in views:
            keys = [c.key for c in view.columns]
            tables[view.tab] = {
                "title": view.title,
                "columns": [
                    {"key": c.key, "label": label}
                    for c, label in zip(view.columns, _labels(view, prov.lang), strict=True)
                ],
                "rows": [dict(zip(keys, cells, strict=True)) for cells in _values(view)],
            }
        document = {"meta": prov.as_dict(), "tables": tables}
        handle.write(json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")

    return write


def _md_cell(text: Any) -> str:
    return clean(str(text)).replace("\\", "\\\\").replace("|", "\\|")


def _markdown(views: Sequence[View], prov: Provenance) -> Callable[[IO[bytes]], None]:
    def write(handle: IO[bytes]) -> None:
        zh = prov.lang == "zh"
        out = [f"# {_md_cell(prov.title)}", ""]
        if prov.sample:
            out += [
                "> **示例数据**：目标取自方案原文，进度数据为生成的示例，并非真实数据。"
                if zh
                else "> **Sample data**: targets come from the plan; progress data is generated and is not real.",
                "",
            ]
        out += [
            f"- {label}：{_md_cell(value)}" if zh else f"- {label}: {_md_cell(value)}"
            for label, value in prov.lines()
        ]
        for view in views:
            out += ["", f"## {_md_cell(view.title)}", ""]
            labels = _labels(view, prov.lang)
            out.append("| " + " | ".join(_md_cell(label) for label in labels) + " |")
            out.append("|" + "|".join("---:" if c.numeric else "---" for c in view.columns) + "|")
            for cells in _values(view):
                out.append("| " + " | ".join(_md_cell(cell) for cell in cells) + " |")
        handle.write(("\n".join(out) + "\n").encode("utf-8"))

    return write


def _sheet_name(title: str, used: set[str]) -> str:
    name = re.sub(r"[\[\]:*?/\\]", "_", title)[:31] or "Sheet"
    base, n = name, 2
    while name in used:
        name = f"{base[:28]}-{n}"
        n += 1
    used.add(name)
    return name


def xlsx_writer(views: Sequence[View], prov: Provenance) -> Callable[[IO[bytes]], None]:
    def write(handle: IO[bytes]) -> None:
        import xlsxwriter
        from rich.cells import cell_len

        workbook = xlsxwriter.Workbook(
            handle, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        )
        workbook.set_properties(
            {
                "title": prov.title,
                "comments": prov.command,
                "created": datetime.fromisoformat(prov.exported_at).replace(tzinfo=None),
            }
        )
        header = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": False})
        flagged = workbook.add_format({"bold": True, "font_color": "#C00000"})
        number = workbook.add_format({"num_format": "#,##0.0#"})
        used: set[str] = set()
        for view in views:
            sheet = workbook.add_worksheet(_sheet_name(view.title, used))
            labels = _labels(view, prov.lang)
            widths = [cell_len(label) for label in labels]
            for col, label in enumerate(labels):
                sheet.write_string(0, col, label, header)
            for r, (row, cells) in enumerate(
                zip(view.rows, _values(view, spreadsheet=True), strict=True), start=1
            ):
                for col, cell in enumerate(cells):
                    if isinstance(cell, int | float):
                        sheet.write_number(r, col, cell, number)
                    else:
                        sheet.write_string(r, col, cell, flagged if row.flagged and col < 2 else None)
                    widths[col] = max(widths[col], cell_len(str(cell)))
            for col, width in enumerate(widths):
                sheet.set_column(col, col, min(60, width + 2))  # cell_len counts Chinese characters as 2
            sheet.freeze_panes(1, 0)
            setup_print(sheet, prov, view.title, [min(60, w + 2) for w in widths])  # xlsx_print.py
            if view.rows:
                sheet.autofilter(0, 0, len(view.rows), len(labels) - 1)
        about = workbook.add_worksheet(_sheet_name("关于" if prov.lang == "zh" else "About", used))
        about.set_column(0, 0, 16)
        about.set_column(1, 1, 100)
        setup_print(about, prov, about.name, [16, 100], header_rows=0)  # xlsx_print.py
        for r, (label, value) in enumerate(prov.lines()):
            about.write_string(r, 0, label, header)
            about.write_string(r, 1, neutralise(value))
        workbook.close()

    return write


def manifest_writer(prov: Provenance, files: Sequence[Path], fmt: str) -> Callable[[IO[bytes]], None]:
    def write(handle: IO[bytes]) -> None:
        import tomli_w

        document = {"export": {**prov.as_dict(), "format": fmt, "files": [p.name for p in files]}}
        header = "# devzones export manifest: where the file(s) beside it came from.\n"
        handle.write(header.encode("utf-8") + tomli_w.dumps(document).encode("utf-8"))

    return write


def export_views(
    views: Sequence[View], fmt: str, out: Path, prov: Provenance, force: bool = False, encoding: str = "utf-8"
) -> list[Path]:
    """Write ``views`` as ``fmt`` to ``out`` and a manifest beside it; return the paths written.

    CSV and Parquet hold one table per file: with several views, each goes to ``<stem>-<tab>``.
    XLSX has a sheet per view plus an about sheet; JSON and Markdown hold every view in one file.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    check_folder(out.parent)
    items: list[tuple[Path, Callable[[IO[bytes]], object]]] = []
    if fmt in ("csv", "parquet"):
        stem, suffix = files.split_name(out.name)
        for view in views:  # each CSV is encoded here, before any file is placed
            target = out if len(views) == 1 else out.with_name(f"{stem}-{view.tab}{suffix}")
            items.append((target, _csv(view, prov, encoding) if fmt == "csv" else _parquet(view, prov)))
    else:
        items.append((out, {"xlsx": xlsx_writer, "json": _json, "md": _markdown}[fmt](views, prov)))
    # The whole set shares one number, so the manifest is named after the data file's final name.
    return place_set(
        items,
        force,
        (out.with_name(f"{out.name}.manifest.toml"), lambda names: manifest_writer(prov, names, fmt)),
    )


def export_text(text: str, out: Path, prov: Provenance, force: bool = False) -> list[Path]:
    """Write a text document (the console's SVG screenshot) and its manifest."""
    return place_with_manifest(out, lambda handle: handle.write(text.encode("utf-8")), prov, "svg", force)
