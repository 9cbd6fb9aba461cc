"""The monthly bulletin (月度通报) the development commission publishes on the zones' progress: written
here, in Markdown, Word, XLSX or PDF, with the exports' file safety and a manifest beside it. Word
and PDF are printed on the [bulletin] config's paper: a 公文 (GB/T 9704-2012) or a 情况通报
(``gongwen_paper``, ``gongwen_docx``), numbered by hand or by the series (``gongwen_series``).

The bulletin's parts, none of which imports a writer (tests/project/test_import_circles.py):
``bulletin_month`` (which month, which quarter), ``bulletin_model`` (the plain data), ``bulletin_build``
(what it says, one builder per section), ``bulletin_document`` (the blocks every format renders); the
writers ``bulletin_markdown``, ``bulletin_docx`` and ``bulletin_xlsx`` import the model only. This
module is the one that joins them, and the name the CLI, the console and the tests import from.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import IO

from console.core.config import Settings
from console.core.files import LinkRefused
from console.data.dataset import Dataset
from console.outputs.bulletin_build import build_bulletin, latest_words
from console.outputs.bulletin_document import (
    COMPARED_LIMIT,
    compared_blocks,
    document,
    heading_words,
    ranking_block,
)
from console.outputs.bulletin_markdown import render_blocks_markdown
from console.outputs.bulletin_model import Block, Bulletin
from console.outputs.bulletin_month import (
    BulletinError,
    MonthBeforeData,
    MonthNotSupported,
    data_quarter,
    default_month,
    latest_month,
    parse_month,
)
from console.outputs.export import ExportError, Provenance, command_for, place_with_manifest
from console.words import Lang
from console.words.bulletin import BULLETIN
from console.words.exports import EXPORTS

__all__ = [
    "COMPARED_LIMIT",
    "Block",
    "Bulletin",
    "BulletinError",
    "MonthBeforeData",
    "MonthNotSupported",
    "build_bulletin",
    "compared_blocks",
    "data_quarter",
    "default_month",
    "document",
    "heading_words",
    "latest_month",
    "latest_words",
    "parse_month",
    "ranking_block",
    "render_markdown",
    "write_bulletin",
]

FORMATS = ("md", "xlsx", "docx", "pdf")


def render_markdown(b: Bulletin) -> str:
    """The bulletin as Markdown (data text escaped so it cannot break a table or add markup)."""
    return render_blocks_markdown(document(b), b.lang)


def bulletin_provenance(b: Bulletin, fmt: str, out: Path, lang: Lang) -> Provenance:
    """Where the bulletin came from, for its manifest and its About sheet: the command that writes it
    again is ``devzones bulletin --period``, not an export."""
    now = datetime.now().astimezone().replace(microsecond=0)
    command = command_for("bulletin", b.quarter.year, (), "", "", lang, fmt, out)
    return Provenance(
        title=b.title,
        as_of=EXPORTS("as_of_none", lang) if b.no_data else str(b.quarter),
        sample=b.sample,
        year=b.quarter.year,
        counties=(),
        view="bulletin",
        search="",
        sort="",
        lang=lang,
        exported_at=now.isoformat(),
        command=command.replace(
            f"export --view bulletin --year {b.quarter.year}", f"bulletin --period {b.period}"
        ),
    )


def write_bulletin(
    ds: Dataset,
    settings: Settings,
    period: str,
    fmt: str,
    out: Path,
    lang: Lang = "zh",
    force: bool = False,
    built: Bulletin | None = None,
    style: str | None = None,
    number: int | None = None,
    today: date | None = None,
) -> list[Path]:
    """Write the bulletin (built here unless ``built`` is given) and its manifest; returns the paths.

    Word and PDF are printed on the config's paper (``[bulletin]``) in ``style`` (the config's unless
    given): numbered ``number``, or the series' next (``gongwen_series``), which is recorded only once
    the file is in place. PDF: the Word file converted by LibreOffice (``console.outputs.pdf``);
    without LibreOffice, BulletinError naming the package and nothing written."""
    b = built or build_bulletin(ds, settings, period, lang)
    if out.is_dir():
        out = out / f"devzones-bulletin-{b.period}.{fmt}"
    prov = bulletin_provenance(b, fmt, out, lang)
    if fmt not in FORMATS:
        # not words: a caller's bug, never shown (the CLI and the dialog offer only these formats)
        raise BulletinError(f"format {fmt!r}: expected md, xlsx, docx or pdf")
    try:
        if fmt == "md":
            text = render_markdown(b)
            return place_with_manifest(
                out, lambda handle: handle.write(text.encode("utf-8")), prov, fmt, force
            )
        if fmt == "xlsx":
            from console.outputs.bulletin_xlsx import bulletin_xlsx_writer

            names = (
                BULLETIN("sheet_bulletin", lang),
                BULLETIN("ranking_title", lang),
                BULLETIN("sheet_about", lang),
            )
            return place_with_manifest(
                out, bulletin_xlsx_writer(document(b, commands=False), names, prov), prov, fmt, force
            )
        return _write_paper(b, settings, fmt, out, prov, force, style, number, today)
    except ExportError as exc:
        raise BulletinError(exc.text(lang)) from None


def _write_paper(
    b: Bulletin,
    settings: Settings,
    fmt: str,
    out: Path,
    prov: Provenance,
    force: bool,
    style: str | None,
    number: int | None,
    today: date | None,
) -> list[Path]:
    """The Word or PDF 通报 on its paper; the series moves on only when the file is written."""
    from console.outputs.bulletin_docx import bulletin_docx_writer
    from console.outputs.gongwen_paper import make_paper, series_key
    from console.outputs.gongwen_series import (
        SeriesBusy,
        next_number,
        numbering,
        record_number,
        series_file,
    )

    config = settings.bulletin
    chosen = style or config.style
    day = today or date.today()
    series = series_key(config, chosen)
    with contextlib.ExitStack() as held:
        try:  # from the number read to the number recorded, no other bulletin takes it
            held.enter_context(numbering())
        except SeriesBusy:
            raise BulletinError(BULLETIN("series_busy", b.lang, file=str(series_file()))) from None
        except (OSError, LinkRefused):  # a state folder not writable: numbered, not kept (as before)
            pass
        # One month's 通报 in any format or language: one number.
        n = number if number else next_number(chosen, series, day.year, b.period)
        keep = tuple(str(row["zone"]) for row in b.ranking)
        paper = make_paper(config, chosen, n, day, b.lang, keep)
        writer = bulletin_docx_writer(document(b, commands=False), prov, paper)
        if fmt == "pdf":
            data = _pdf_bytes(writer, out.stem, b.lang)
            written = place_with_manifest(out, lambda handle: handle.write(data), prov, fmt, force)
        else:
            written = place_with_manifest(out, writer, prov, fmt, force)
        with contextlib.suppress(OSError):  # the file is written; a series not kept restarts next time
            record_number(chosen, series, day.year, n, b.period)
    return written


def _pdf_bytes(writer: Callable[[IO[bytes]], object], stem: str, lang: Lang) -> bytes:
    """The Word file ``writer`` makes, converted to PDF by LibreOffice in a private temporary folder."""
    import tempfile

    from console.outputs.pdf import PdfError, to_pdf

    with tempfile.TemporaryDirectory(prefix="devzones-bulletin-") as tmp:
        src = Path(tmp) / f"{stem or 'bulletin'}.docx"
        with src.open("wb") as handle:
            writer(handle)
        try:
            return to_pdf(src)
        except PdfError as exc:
            raise BulletinError(exc.text(lang)) from None
