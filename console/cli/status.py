"""``devzones status``: the status of every zone, cluster and indicator, as text tables or JSON; with
--fail-on-missing, exit 1 when a zone shown misses a target (for cron)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from console.cli.common import (
    EXIT_MISSING,
    EXIT_OK,
    error_line,
    join_choices,
    lean_allocator,
    print_json_parts,
    visible,
)
from console.cli.selection import as_of, choices, dataset
from console.words import Lang, as_lang, in_lang_of
from console.words.cli import CLI

if TYPE_CHECKING:
    from collections.abc import Iterator

    from console.core.config import Settings
    from console.data.dataset import Dataset
    from console.engine.evaluation import Evaluation


def status_command(args: argparse.Namespace, settings: Settings) -> int:
    """The statuses of the zones asked for (a year, counties, as of a quarter)."""
    lean_allocator()  # before polars is loaded
    from console.engine.evaluation import evaluate, status_json

    lang = as_lang(settings.lang)
    ds = as_of(dataset(settings), args.as_of, lang)
    year, counties = choices(ds, args, lang)
    ev = evaluate(ds, settings, year=year, counties=counties)
    if args.json:
        # The engine's documented form, and the tables as the console's model holds them (their values
        # made as data, never as cell text: views.headless); each table written and let go before the
        # next is made (at 2,543 zones the document is 9 MB).
        print_json_parts(status_json(ev), "tables", _json_tables(ds, ev, lang, settings.ascii))
    else:
        from console.outputs.text_tables import make_console, print_header, print_view
        from console.present.assemble import as_of_words, header_words, status_views
        from console.present.formatter import Formatter

        f = Formatter(lang, settings.ascii)
        out = make_console(fit=True)
        title, shown_counties = header_words(ds, ev, lang)
        print_header(
            title, as_of_words(ds, lang), ev.year, shown_counties, ev.sample, f, out, ev.coverage.own_targets
        )
        for view in status_views(ds, ev, lang, settings.ascii):
            print_view(view, f, out)
    if args.fail_on_missing:
        return _fail_on_missing(ev, lang)
    return EXIT_OK


def _json_tables(ds: Dataset, ev: Evaluation, lang: Lang, ascii_only: bool) -> Iterator[tuple[str, object]]:
    """Each table of ``status --json`` as (tab, data), made when the writer asks for it."""
    from console.outputs.export import view_json
    from console.present.views.headless import status_tables

    for view, rows in status_tables(ds, ev, lang, ascii_only):
        yield view.tab, view_json(view, lang, rows)
        del rows  # written: gone before the next table is made


def _fail_on_missing(ev: Evaluation, lang: Lang) -> int:
    """Exit 1 when a zone shown is behind or missed a target; a no_data or not_reported figure is
    shown as such but fails nothing, and is counted apart on stderr."""
    import polars as pl

    # Zones with no data at all yet (nothing published, nothing reported) are counted apart, on stderr.
    no_data = ev.zones.filter(
        pl.col("star_status").is_in(["no_data", "no_target"])
        & (pl.col("tier_status") == "no_data")
        & pl.col("revenue_status").is_in(["no_data", "not_reported", "no_target"])
    ).height
    if no_data:
        error_line(CLI("note", lang, message=CLI("opt_fail_note", lang, count=no_data)))
    # A report that is due and not in (未报送) is not a missed target either (README), but a cron
    # job is told which zones it concerns rather than nothing at all.
    unreported = ev.zones.filter(pl.col("report_status") == "missing")
    if not unreported.is_empty():
        names = [
            visible(in_lang_of(zh, en, lang), 80)
            for zh, en in unreported.select("short_name", "short_name_en").iter_rows()
        ]
        period = unreported.get_column("report_period").drop_nulls().first()
        said = CLI(
            "fail_unreported", lang, count=len(names), period=period or "", zones=join_choices(names, lang)
        )
        error_line(CLI("note", lang, message=said))
    return EXIT_MISSING if not ev.zones_missing.is_empty() else EXIT_OK
