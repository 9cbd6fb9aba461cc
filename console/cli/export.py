"""``devzones export``: as the console does, write a view (or all) as csv, xlsx, parquet, json, md, a
pdf (the workbook printed by LibreOffice), or an svg screenshot of the console; in changes mode
(--since) the changes beside it."""

from __future__ import annotations

import argparse
import re
from typing import TYPE_CHECKING

from console.cli.common import EXIT_FILES, EXIT_OK, EXIT_USAGE, CommandFailed, join_choices, report_written
from console.cli.failures import writing
from console.cli.selection import as_of, choices, dataset, quarter
from console.words import Lang, as_lang
from console.words.cli import CLI

if TYPE_CHECKING:
    from pathlib import Path

    from console.core.config import Settings
    from console.data.dataset import Dataset
    from console.data.scales import Period
    from console.outputs.export import Provenance
    from console.present.viewmodel import View, Views

# The formats ``--out -`` writes to standard output: text a pipe can carry.
STDOUT_FORMATS = ("csv", "json", "md")
# Every table an export may hold, each searched and sorted alike.
_TABLES = ("overview", "zones", "clusters", "tasks", "indicators", "rankings")


def export_command(args: argparse.Namespace, settings: Settings) -> int:
    """The view asked for, searched and sorted as in the console, written to --out."""
    from datetime import datetime

    from console.outputs.export import EncodingProblem, ExportError, export_views, suggest_name
    from console.outputs.out_path import resolve_out
    from console.present.assemble import compute, export_selection, render_views

    lang = as_lang(settings.lang)
    _refuse_mismatched_options(args, lang)
    _need_libreoffice(args, lang)
    full = dataset(settings)
    ds = as_of(full, args.as_of, lang)
    since = quarter(full, args.since, lang, "--since") if args.since else None
    if since is not None and since.index >= ds.as_of.index:
        raise CommandFailed(EXIT_USAGE, CLI("since_order", lang, start=since, end=ds.as_of))
    year, counties = choices(ds, args, lang)
    snap = compute(ds, settings, year, counties)
    views = render_views(snap, lang, settings.ascii, words=True)
    key, descending = args.sort.lstrip("-") or None, args.sort.startswith("-")
    chosen = export_selection(views, args.view, {name: (args.search, key, descending) for name in _TABLES})
    beside = _changes_beside(full, ds, settings, since, counties, views, args.view)
    if key and not any(c.key == key for v in chosen for c in v.columns):
        keys = sorted({c.key for v in chosen for c in v.columns})
        raise CommandFailed(EXIT_USAGE, CLI("unknown_sort", lang, value=key, valid=join_choices(keys, lang)))
    if args.shape == "long":  # the quarterly series a row per zone (cluster) and quarter
        from console.outputs.long_shape import long_view

        chosen = [long_view(view, ds, lang) for view in chosen]
    h = views.header
    if args.out == "-":
        return _to_stdout(args, chosen, beside, _manifest(args, ds, since, views, "-", lang), lang)
    out = resolve_out(
        args.out,
        args.format,
        lambda: suggest_name(args.view, h.year, h.counties, datetime.now(), args.format),
        lang,
    )
    prov = _manifest(args, ds, since, views, out, lang)
    if args.format == "svg":
        return report_written(args, "export", _screenshot(args, settings, h.year, counties, out, prov))
    with writing(out, lang, ExportError):
        try:
            written = export_views(
                chosen, args.format, out, prov, args.force, args.encoding or "utf-8", beside
            )
        except EncodingProblem as exc:
            raise CommandFailed(EXIT_USAGE, str(exc)) from None
    return report_written(args, "export", written)


def _to_stdout(
    args: argparse.Namespace, chosen: list[View], beside: list[View], prov: Provenance, lang: Lang
) -> int:
    """``--out -``: the CSV, JSON or Markdown on standard output and nothing else (no manifest, no
    list of files written; messages go to stderr). A CSV holds one table, so it is refused for more."""
    import sys

    from console.outputs.export import EncodingProblem, export_stream

    tables = [*chosen, *beside]
    if args.format == "csv" and len(tables) != 1:
        names = join_choices((v.tab for v in tables), lang)
        raise CommandFailed(EXIT_USAGE, CLI("stdout_one_table", lang, count=len(tables), tables=names))
    try:
        export_stream(chosen, args.format, prov, sys.stdout.buffer, args.encoding or "utf-8", beside)
    except EncodingProblem as exc:
        raise CommandFailed(EXIT_USAGE, str(exc)) from None
    sys.stdout.buffer.flush()
    return EXIT_OK


def _refuse_stdout_options(args: argparse.Namespace, lang: Lang) -> None:
    """``--out -`` takes csv, json and md (text a pipe can carry), without --force or --json."""
    if args.format not in STDOUT_FORMATS:
        formats = join_choices(STDOUT_FORMATS, lang)
        raise CommandFailed(EXIT_USAGE, CLI("stdout_format", lang, fmt=args.format, formats=formats))
    for option, given in (("--force", args.force), ("--json", args.json)):
        if given:
            raise CommandFailed(EXIT_USAGE, CLI("stdout_option", lang, option=option))


def _refuse_mismatched_options(args: argparse.Namespace, lang: Lang) -> None:
    """An option that does not apply to the format asked for is a usage error, never ignored."""
    if args.out == "-":
        _refuse_stdout_options(args, lang)
    if args.shape == "long":
        from console.outputs.long_shape import LONG_TABS

        if args.view not in LONG_TABS:
            raise CommandFailed(EXIT_USAGE, CLI("shape_views", lang, view=args.view))
        if args.since:
            raise CommandFailed(EXIT_USAGE, CLI("shape_since", lang))
    if args.encoding and args.format != "csv":
        raise CommandFailed(EXIT_USAGE, CLI("encoding_csv_only", lang, fmt=args.format))
    if args.size and args.format != "svg":
        raise CommandFailed(EXIT_USAGE, CLI("size_svg_only", lang, fmt=args.format))
    if args.format == "svg" and args.view == "all":
        raise CommandFailed(EXIT_USAGE, CLI("svg_one_view", lang))
    if args.format == "svg" and args.since:
        raise CommandFailed(EXIT_USAGE, CLI("since_svg", lang))


def _need_libreoffice(args: argparse.Namespace, lang: Lang) -> None:
    """``--format pdf`` without LibreOffice stops before anything is made (exit 4, as a file-system
    refusal: the tool the file needs is missing), with the package to install."""
    if args.format != "pdf":
        return
    from console.outputs.pdf import PdfUnavailable, pdf_available

    if not pdf_available():
        raise CommandFailed(EXIT_FILES, PdfUnavailable().text(lang))


def _changes_beside(
    full: Dataset,
    ds: Dataset,
    settings: Settings,
    since: Period | None,
    counties: list[str],
    views: Views,
    view: str,
) -> list[View]:
    """Changes mode: the changes since the reference period, a table beside the view (none without)."""
    if since is None:
        return []
    from console.engine.changes import changes_between
    from console.present.changes_view import changes_for_tab, changes_table
    from console.reports.revisions import revisions

    found = changes_between(full, settings, since, ds.as_of, counties, revisions(settings.data_dir))
    return [changes_table(changes_for_tab(found, view), views, str(since), str(ds.as_of))]


def _manifest(
    args: argparse.Namespace, ds: Dataset, since: Period | None, views: Views, out: Path | str, lang: Lang
) -> Provenance:
    """What the export's manifest records: its data, view, search, sort and language, the quarter it
    was evaluated at, the reference period of the changes beside it, and the command that makes it."""
    from dataclasses import replace

    from console.outputs.export import provenance

    prov = provenance(
        views.header,
        args.view,
        args.search,
        args.sort,
        lang,
        args.format,
        out,
        str(args.data) if args.data else None,
    )
    if args.as_of:  # the manifest says which quarter the export was evaluated at
        prov = replace(prov, evaluated_as_of=str(ds.as_of))
    if since is not None:  # the manifest names the reference period of the changes beside the view
        prov = replace(prov, changes_since=str(since))
    extra = [f"--as-of {ds.as_of}"] if args.as_of else []
    extra += [f"--since {since}"] if since is not None else []
    extra += [f"--encoding {args.encoding}"] if args.encoding else []
    extra += ["--size " + re.sub(r"\s+", "", args.size)] if args.size else []
    if extra:  # the manifest's command makes the same file again
        prov = replace(prov, command=" ".join([prov.command, *extra]))
    return prov


# export --format svg's terminal without --size: every column of the Zones tab shows from 111 columns
# in Chinese and from 155 in English (longer county and cluster names), so English is drawn wider.
SVG_SIZE = {"zh": (120, 40), "en": (160, 40)}


def _screenshot(
    args: argparse.Namespace, settings: Settings, year: int, counties: list[str], out: Path, prov: Provenance
) -> list[Path]:
    """``export --format svg``: the console drawn headless at --size, each wide character two cells."""
    from dataclasses import replace

    from console.outputs.export import ExportError, export_text
    from console.tui.app import screenshot

    lang = as_lang(settings.lang)
    size = SVG_SIZE[lang]
    if args.size:
        match = re.fullmatch(r"\s*(\d{2,4})\s*[xX×*]\s*(\d{1,4})\s*", args.size)
        if not match or not (40 <= int(match.group(1)) <= 1000 and 10 <= int(match.group(2)) <= 1000):
            raise CommandFailed(EXIT_USAGE, CLI("bad_size", lang, value=args.size))
        size = (int(match.group(1)), int(match.group(2)))
    shown = replace(settings, tab=args.view, year=year, counties=tuple(counties), as_of=args.as_of)
    svg = screenshot(shown, size, args.search, args.sort)
    with writing(out, lang, ExportError):
        return export_text(svg, out, prov, force=args.force)
