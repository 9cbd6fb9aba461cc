"""``devzones rankings``: the zones ranked (composite score, province rank within tier) with the plan's
rule flags, as a text table or JSON."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from console.cli.common import EXIT_OK, lean_allocator, print_json
from console.cli.selection import as_of, choices, dataset
from console.words import as_lang

if TYPE_CHECKING:
    from console.core.config import Settings


def rankings_command(args: argparse.Namespace, settings: Settings) -> int:
    """The city's rankings for the year asked for; a county filter keeps the zones shown."""
    lean_allocator()  # before polars is loaded
    from console.engine.coverage import coverage
    from console.engine.evaluation import check_counties, check_year
    from console.engine.rankings import rankings_json
    from console.present.assemble import city_rankings
    from console.present.views import rankings_view

    lang = as_lang(settings.lang)
    ds = as_of(dataset(settings), args.as_of, lang)
    year_asked, counties_asked = choices(ds, args, lang)
    year = check_year(ds, year_asked)
    counties = check_counties(ds, counties_asked)
    # Ranks are ranks in the whole city: a county filter keeps the zones shown, never renumbers them.
    ranked = city_rankings(ds, year, settings, counties)
    if args.json:  # the table's values made as data, not through its cells' text (views.headless)
        from console.outputs.export import view_json
        from console.present.views.headless import rankings_table

        view, rows = rankings_table(ranked, lang, settings.ascii, coverage(ds))
        print_json({**rankings_json(ranked, year, ds, counties), "table": view_json(view, lang, rows)})
        return EXIT_OK
    view = rankings_view(ranked, lang, settings.ascii, coverage(ds))
    from rich.text import Text

    from console.outputs.text_tables import make_console, print_header, print_view
    from console.present.assemble import as_of_words, context_words
    from console.present.fit import wrap_words
    from console.present.formatter import Formatter
    from console.present.rule_marks import flag_notes

    f = Formatter(lang, settings.ascii)
    out = make_console(fit=True)
    # The same context line as status: which data, as of when, the year and the counties shown.
    title, shown = context_words(ds, counties, lang)
    print_header(title, as_of_words(ds, lang), year, shown, ds.sample, f, out, coverage(ds).own_targets)
    print_view(view, f, out)
    for note in flag_notes(ranked.iter_rows(named=True), lang):  # the years and ranks behind a mark
        # Broken where the language allows, never past the width.
        for line in wrap_words(f.text(note), out.width):
            out.print(Text(line), no_wrap=True, crop=True)
    return EXIT_OK
