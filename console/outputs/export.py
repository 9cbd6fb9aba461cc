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
from console.core.text import Said, clean, in_lang
from console.outputs.cells import NUMERIC_KINDS as NUMERIC_KINDS  # callers read it here
from console.outputs.cells import neutralise
from console.outputs.cells import spreadsheet_value as _spreadsheet_value
from console.outputs.contract import PARQUET_KEY, SCHEMA_VERSION
from console.outputs.export_xlsx import pdf_writer, xlsx_writer
from console.outputs.out_path import EXTENSIONS
from console.outputs.pdf import PdfError
from console.present.labels import text as label_text
from console.present.labels import unit_filter_label, unit_of
from console.present.viewmodel import Header, View
from console.words import Lang, as_lang, in_lang_of
from console.words.exports import EXPORTS

FORMATS = ("csv", "xlsx", "parquet", "json", "md", "pdf")
SUFFIX = EXTENSIONS  # the one table of extensions (out_path.py)


class ExportError(Exception):
    """An export that could not be written; the message says why. Nothing was written."""

    def text(self, lang: Lang) -> str:
        """The message in ``lang`` (a :class:`Said` carries both languages)."""
        return in_lang(self.args[0], lang) if len(self.args) == 1 else str(self)


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
    lang: Lang
    exported_at: str
    command: str
    version: str = __version__
    evaluated_as_of: str | None = None  # --as-of: the quarter the data was evaluated at (issue 13)
    # --since (changes mode): the reference period the changes written beside the view start from
    changes_since: str | None = None
    own_targets: bool = False  # a generated set's targets: the sample notice says they are generated too
    # The console's unit filter (``u``, labels.unit_choice) the tasks were narrowed by; "" for none.
    unit: str = ""

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["counties"] = list(self.counties)
        unit, lead_only = unit_of(self.unit)
        if unit:  # the unit and which of its tasks count: those it leads, or those it leads or takes part in
            data["unit"], data["unit_role"] = unit, "lead" if lead_only else "lead_or_participate"
        else:  # exports without a unit filter keep their manifest as it was
            del data["unit"]
        for key in ("evaluated_as_of", "changes_since"):
            if data[key] is None:  # exports of the latest data keep their manifest as it was
                del data[key]
        if not self.own_targets:  # recorded only for a generated set's own targets
            del data["own_targets"]
        return data

    def lines(self) -> list[tuple[str, str]]:
        """(label, value) pairs in the export's language, for an "about" sheet or a report header."""
        lang = as_lang(self.lang)
        sample = EXPORTS("sample_yes" if self.sample else "sample_no", lang)
        counties = EXPORTS("list_sep", lang).join(self.counties) or EXPORTS("all_counties", lang)
        lines: list[tuple[str, str]] = [
            (EXPORTS("prov_title", lang), self.title),
            (EXPORTS("prov_as_of", lang), self.as_of),
            (EXPORTS("prov_sample", lang), sample),
            (EXPORTS("prov_year", lang), str(self.year)),
            (EXPORTS("prov_counties", lang), counties),
            (EXPORTS("prov_view", lang), view_name(self.view, lang)),
            (EXPORTS("prov_search", lang), self.search or "—"),
            (EXPORTS("prov_sort", lang), self.sort or "—"),
            (EXPORTS("prov_exported_at", lang), self.exported_at),
            (EXPORTS("prov_command", lang), self.command),
            (EXPORTS("prov_version", lang), self.version),
        ]
        if self.changes_since:
            lines.append((EXPORTS("prov_changes_since", lang), self.changes_since))
        if self.unit:
            lines.append((label_text("unit_filter_heading", lang), unit_filter_label(self.unit, lang)))
        return lines


def view_name(view: str, lang: Lang) -> str:
    """A view's name as the console's tab says it (开发区, not ``zones``); the manifest keeps the key."""
    from console.present.labels import lang_index, text
    from console.present.viewmodel import TAB_TITLES

    return TAB_TITLES[view][lang_index(lang)] if view in TAB_TITLES else text("view_all", lang)


def provenance(
    header: Header,
    view: str,
    search: str,
    sort: str,
    lang: Lang,
    fmt: str,
    out: Path | str,
    data: str | None = None,
) -> Provenance:
    """Provenance of an export made now from views with ``header``; the console and the CLI share it."""
    now = datetime.now().astimezone().replace(microsecond=0)
    return Provenance(
        title=in_lang_of(header.title, header.title_en, lang),
        as_of=header.as_of or EXPORTS("as_of_none", lang),
        sample=header.sample,
        own_targets=header.own_targets,
        year=header.year,
        counties=header.counties,
        view=view,
        search=clean(search, escape=True),  # words from the command line: shown, never sent raw
        sort=clean(sort, escape=True),
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
    lang: Lang,
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
    # A path or search with a control character, or with bytes that are not UTF-8 (a lone surrogate
    # from the file system), is written with visible escapes: a manifest is text (TOML, XML).
    return clean(shlex.join(words), escape=True)


def suggest_name(view: str, year: int, counties: Sequence[str], when: datetime, fmt: str) -> str:
    """devzones-<view>-<year>[-<counties>]-<YYYYmmdd-HHMMSS>.<ext>, safe as a file name."""
    scope = "-" + "+".join(counties) if counties else ""
    stamp = when.strftime("%Y%m%d-%H%M%S")
    name = f"devzones-{view}-{year}{scope}-{stamp}{SUFFIX[fmt]}"
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name)


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
        raise ExportError(
            Said(
                EXPORTS("no_free_name", "en", path=items[0][0]),
                EXPORTS("no_free_name", "zh", path=items[0][0]),
            )
        ) from None
    except OSError as exc:
        where, why = exc.filename or items[0][0], exc.strerror or exc
        words = {"where": where, "why": why}
        raise ExportError(
            Said(EXPORTS("cannot_write", "en", **words), EXPORTS("cannot_write", "zh", **words))
        ) from None


def place_with_manifest(
    path: Path, write: Callable[[IO[bytes]], object], prov: Provenance, fmt: str, force: bool = False
) -> list[Path]:
    """One file and its ``.manifest.toml``, placed together."""
    return place_set(
        [(path, write)],
        force,
        (path.with_name(f"{path.name}.manifest.toml"), lambda names: manifest_writer(prov, names, fmt)),
    )


# -- data columns ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DataColumn:
    """One column of a data export: a stable code, a label in the export's language, a kind, a unit."""

    code: str
    label: str
    kind: str
    unit: str = ""


def data_columns(view: View, lang: Lang) -> list[DataColumn]:
    """The export's columns: every field of every column; a status field also gets a words column."""
    out: list[DataColumn] = []
    for _, f in view.fields():
        out.append(DataColumn(f.code, f.label, f.kind, f.unit))
        if f.kind == "status":
            out.append(
                DataColumn(f"{f.code}_words", EXPORTS("status_words_column", lang, label=f.label), "text")
            )
    seen: set[str] = set()
    unique = []
    for c in out:  # labels head spreadsheet columns: keep them distinct
        label = c.label if c.label not in seen else f"{c.label} [{c.code}]"
        seen.add(label)
        unique.append(DataColumn(c.code, label, c.kind, c.unit))
    return unique


def codes_list(value: Any) -> list[str]:
    """A ``codes`` field's value (``"revenue,tier"`` in the view) as the list the data exports write."""
    return [code for code in str(value).split(",") if code] if value else []


def data_rows(view: View, lang: Lang) -> list[dict[str, Any]]:
    """Each row as {code: typed value}, status words added in ``lang``; a ``codes`` field is a list."""
    from console.present.labels import status_word

    # Per column, its fields' codes and kinds, worked out once (not once a row: 2,543 zones at scale).
    plain = {"codes", "status"}
    columns = [
        [(f.code, f.kind, f"{f.code}_words") for f in c.fields]
        if any(f.kind in plain for f in c.fields)
        else None
        for c in view.columns
    ]
    codes = [tuple(f.code for f in c.fields) for c in view.columns]
    words: dict[str, str] = {}  # each status's words, looked up once
    rows = []
    for view_row in view.rows:
        row: dict[str, Any] = {}
        for column, names, cell in zip(columns, codes, view_row.cells, strict=True):
            if column is None:  # no codes and no status: the cell's values as they are
                row.update(zip(names, cell.values, strict=True))
                continue
            for (code, kind, words_code), value in zip(column, cell.values, strict=True):
                row[code] = codes_list(value) if kind == "codes" else value
                if kind == "status":
                    if value and value not in words:
                        words[value] = status_word(value, lang)
                    row[words_code] = words[value] if value else None
        rows.append(row)
    return rows


def view_json(view: View, lang: Lang, rows: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A view as data: stable column codes with their labels, kinds and units, and typed rows (``rows``
    when given: the view's rows made as data, console.present.views.headless)."""
    return {
        "title": view.title,
        "columns": [asdict(c) for c in data_columns(view, lang)],
        "rows": data_rows(view, lang) if rows is None else rows,
    }


# -- writers ----------------------------------------------------------------------------------------------


def _csv_value(value: Any, kind: str) -> Any:
    if value is None or value == []:
        return ""
    if kind == "bool":
        return "TRUE" if value else "FALSE"
    return _spreadsheet_value(value, kind)


class EncodingProblem(ExportError):
    """A CSV cell the chosen ``--encoding`` cannot hold (see csv_encoding.py); nothing was written."""


def _csv(
    view: View, prov: Provenance, encoding: str = "utf-8", bom: bool = True
) -> Callable[[IO[bytes]], None]:
    from console.outputs.csv_encoding import unencodable

    columns = data_columns(view, prov.lang)
    rows = [[neutralise(c.label) for c in columns]]
    rows += [[_csv_value(row[c.code], c.kind) for c in columns] for row in data_rows(view, prov.lang)]
    text = io.StringIO(newline="")
    csv.writer(text, lineterminator="\r\n").writerows(rows)
    try:  # encoded now: a cell the encoding cannot hold stops the export before any file is placed
        payload = text.getvalue().encode(encoding)
    except UnicodeEncodeError:
        raise EncodingProblem(unencodable(rows, rows[0], view.title, prov.lang, encoding)) from None
    # BOM: Excel on Chinese Windows (a file); none on standard output, which a script reads.
    mark = b"\xef\xbb\xbf" if encoding == "utf-8" and bom else b""

    def write(handle: IO[bytes]) -> None:
        handle.write(mark + payload)

    return write


_POLARS_KINDS = {"float": "Float64", "share": "Float64", "int": "Int64", "bool": "Boolean"}


def _polars_type(kind: str) -> Any:
    """The Parquet column type of a field kind: numbers, booleans, a list of codes, or text."""
    import polars as pl

    if kind == "codes":
        return pl.List(pl.String)
    return getattr(pl, _POLARS_KINDS.get(kind, "String"))


def _parquet(view: View, prov: Provenance) -> Callable[[IO[bytes]], None]:
    def write(handle: IO[bytes]) -> None:
        import polars as pl

        columns = data_columns(view, prov.lang)
        rows = data_rows(view, prov.lang)
        frame = pl.DataFrame(
            {
                c.code: pl.Series(c.code, [r[c.code] for r in rows], dtype=_polars_type(c.kind))
                for c in columns
            }
        )
        # Column names are stable codes; labels (in the export's language), kinds and units are metadata.
        frame.write_parquet(
            handle,
            metadata={
                PARQUET_KEY: str(SCHEMA_VERSION),
                "devzones": json.dumps(prov.as_dict(), ensure_ascii=False),
                "devzones_columns": json.dumps([asdict(c) for c in columns], ensure_ascii=False),
            },
        )

    return write


def _json(views: Sequence[View], prov: Provenance) -> Callable[[IO[bytes]], None]:
    def write(handle: IO[bytes]) -> None:
        document = {
            "schema_version": SCHEMA_VERSION,
            "meta": prov.as_dict(),
            "tables": {view.tab: view_json(view, prov.lang) for view in views},
        }
        handle.write(json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")

    return write


def _md_cell(text: Any) -> str:
    return clean(str(text)).replace("\\", "\\\\").replace("|", "\\|")


def _labels(view: View, lang: Lang) -> list[str]:
    """Column headings for a human report; the unlabelled flag column (a leading !) is named."""
    return [c.label or EXPORTS("flag_column", lang) for c in view.columns]


def _markdown(views: Sequence[View], prov: Provenance) -> Callable[[IO[bytes]], None]:
    """A human report: the display text of each view, as on screen."""

    def write(handle: IO[bytes]) -> None:
        from console.present.labels import sample_notice

        lang = as_lang(prov.lang)
        colon = EXPORTS("colon", lang)
        out = [f"# {_md_cell(prov.title)}", ""]
        if prov.sample:  # 示例数据：… in bold up to the colon
            label, rest = sample_notice(lang, prov.own_targets).split(colon, 1)
            out += [f"> **{label}**{colon}{rest}", ""]
        out += [f"- {label}{colon}{_md_cell(value)}" for label, value in prov.lines()]
        for view in views:
            out += ["", f"## {_md_cell(view.title)}", ""]
            labels = _labels(view, prov.lang)
            out.append("| " + " | ".join(_md_cell(label) for label in labels) + " |")
            out.append("|" + "|".join("---:" if c.numeric else "---" for c in view.columns) + "|")
            for row in view.rows:
                out.append("| " + " | ".join(_md_cell(cell.text.strip()) for cell in row.cells) + " |")
        handle.write(("\n".join(out) + "\n").encode("utf-8"))

    return write


def manifest_writer(prov: Provenance, files: Sequence[Path], fmt: str) -> Callable[[IO[bytes]], None]:
    def write(handle: IO[bytes]) -> None:
        import tomli_w

        names = [clean(p.name, escape=True) for p in files]
        document = {
            "export": {"schema_version": SCHEMA_VERSION, **prov.as_dict(), "format": fmt, "files": names}
        }
        # not words: the manifest file's comment line, in English like the data files' comments
        header = "# devzones export manifest: where the file(s) beside it came from.\n"
        handle.write(header.encode("utf-8") + tomli_w.dumps(document).encode("utf-8"))

    return write


def export_views(
    views: Sequence[View],
    fmt: str,
    out: Path,
    prov: Provenance,
    force: bool = False,
    encoding: str = "utf-8",
    beside: Sequence[View] = (),
) -> list[Path]:
    """Write ``views`` as ``fmt`` to ``out`` and a manifest beside it; return the paths written.

    CSV and Parquet hold one table per file: with several views, each goes to ``<stem>-<tab>``.
    XLSX has a sheet per view plus an about sheet (PDF: that workbook printed by LibreOffice, which
    must be installed); JSON and Markdown hold every view in one file.
    ``beside`` (the changes in changes mode) is written with them: in ``<stem>-<tab>`` files of its
    own for CSV and Parquet (``out`` keeps its name), after the views in the other formats.
    """
    if fmt not in FORMATS:
        raise ExportError(
            Said(
                EXPORTS("unknown_format", "en", fmt=fmt, formats=EXPORTS("list_sep", "en").join(FORMATS)),
                EXPORTS("unknown_format", "zh", fmt=fmt, formats=EXPORTS("list_sep", "zh").join(FORMATS)),
            )
        )
    check_folder(out.parent)
    items: list[tuple[Path, Callable[[IO[bytes]], object]]] = []
    if fmt in ("csv", "parquet"):
        stem, suffix = files.split_name(out.name)
        for n, view in enumerate([*views, *beside]):  # each CSV is encoded here, before any file is placed
            target = out if len(views) == 1 and n == 0 else out.with_name(f"{stem}-{view.tab}{suffix}")
            items.append((target, _csv(view, prov, encoding) if fmt == "csv" else _parquet(view, prov)))
    elif fmt in ("xlsx", "pdf"):  # a workbook; pdf: the workbook as LibreOffice prints it (export_xlsx.py)
        sheets = [
            (view, data_columns(view, prov.lang), data_rows(view, prov.lang)) for view in [*views, *beside]
        ]
        try:
            items.append((out, (xlsx_writer if fmt == "xlsx" else pdf_writer)(sheets, prov)))
        except PdfError as exc:  # no LibreOffice, or it failed: said, and nothing is written
            raise ExportError(Said(exc.text("en"), exc.text("zh"))) from None
    else:
        writer = {"json": _json, "md": _markdown}[fmt]
        items.append((out, writer([*views, *beside], prov)))
    # The whole set shares one number, so the manifest is named after the data file's final name.
    return place_set(
        items,
        force,
        (out.with_name(f"{out.name}.manifest.toml"), lambda names: manifest_writer(prov, names, fmt)),
    )


def export_stream(
    views: Sequence[View],
    fmt: str,
    prov: Provenance,
    handle: IO[bytes],
    encoding: str = "utf-8",
    beside: Sequence[View] = (),
) -> None:
    """``--out -``: ``views`` as CSV (one table, no BOM), JSON or Markdown written to ``handle`` (the
    standard output), with no manifest; the caller refuses other formats and several CSV tables."""
    tables = [*views, *beside]
    if fmt == "csv":
        write = _csv(tables[0], prov, encoding, bom=False)
    else:
        write = {"json": _json, "md": _markdown}[fmt](tables, prov)
    write(handle)


def export_text(text: str, out: Path, prov: Provenance, force: bool = False) -> list[Path]:
    """Write a text document (the console's SVG screenshot) and its manifest."""
    return place_with_manifest(out, lambda handle: handle.write(text.encode("utf-8")), prov, "svg", force)
