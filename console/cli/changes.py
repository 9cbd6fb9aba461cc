"""``devzones changes``: what changed between two quarters (status transitions, targets met or missed,
rank moves, reports arrived or missing, revised figures), worst first, as lines of text or JSON."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from console.cli.common import EXIT_OK, EXIT_USAGE, CommandFailed, join_choices, print_json
from console.cli.selection import choices, dataset, quarter
from console.core.text import clean
from console.words import Lang, as_lang, in_lang_of
from console.words.cli import CLI

if TYPE_CHECKING:
    from console.core.config import Settings
    from console.data.dataset import Dataset
    from console.engine.changes import Change


def changes_command(args: argparse.Namespace, settings: Settings) -> int:
    """The changes from --from to --to (default: the latest quarter) of the zones asked for."""
    from console.engine.changes import CODES, changes_between
    from console.present.changes_view import code_word, worst_first
    from console.reports.revisions import revisions

    lang = as_lang(settings.lang)
    ds = dataset(settings)
    _, counties = choices(ds, args, lang)
    start = quarter(ds, args.start, lang, "--from")
    end = quarter(ds, args.end, lang, "--to") if args.end is not None else ds.as_of
    if start.index >= end.index:
        raise CommandFailed(EXIT_USAGE, CLI("changes_order", lang, start=start, end=end))
    # Worst first as the console and the bulletin list them (for the worse before for the better, …).
    found = worst_first(changes_between(ds, settings, start, end, counties, revisions(settings.data_dir)))
    if args.json:
        print_json(
            {
                "from": str(start),
                "to": str(end),
                "sample": ds.sample,
                "counties": counties,
                "changes": [c.to_json() for c in found],
            }
        )
        return EXIT_OK
    from rich.text import Text

    from console.outputs.text_tables import make_console

    out = make_console()
    if not found:
        out.print(Text(CLI("changes_none", lang, start=start, end=end)))
        return EXIT_OK
    kinds = join_choices(
        (f"{code_word(code, lang)} {n}" for code in CODES if (n := sum(c.code == code for c in found))), lang
    )
    head = CLI("changes_head", lang, start=start, end=end, count=len(found), kinds=kinds)
    out.print(Text(head, style="bold"), soft_wrap=True)  # one line, as each change is: the terminal wraps it
    names = zone_names(ds, lang)
    for change in found:
        out.print(Text(change_line(change, names, lang, settings.ascii)))
    return EXIT_OK


def zone_names(ds: Dataset, lang: Lang) -> dict[object, str]:
    """Zones' short names, and clusters' industries keyed (zone, industry), in ``lang``."""
    zones = ds["zones"].select("zone", "short_name", "short_name_en").iter_rows()
    names: dict[object, str] = {full: in_lang_of(short, en, lang) or full for full, short, en in zones}
    if lang == "en":  # in Chinese a cluster is named by its industry as the data writes it
        for zone, industry, english in ds["clusters"].select("zone", "industry", "industry_en").iter_rows():
            if english:
                names[(zone, industry)] = english
    return names


def change_line(change: Change, names: dict[object, str], lang: Lang, ascii_only: bool) -> str:
    """One change as a line of text: what, whose, from → to, and when (data text shown literally)."""
    from console.present.changes_view import code_word, field_word, value_text
    from console.present.formatter import Formatter

    f = Formatter(lang, ascii_only)

    def shown(value: object) -> str:
        return value_text(change, value, f)

    subject = [names.get(change.zone, change.zone)] if change.zone else []
    subject += [names.get((change.zone, change.industry), change.industry)] if change.industry else []
    subject += [change.indicator] if change.indicator else []
    new = shown(change.new)
    # Days late as the console writes them beside the status ('! 逾期14天', '! late 14d').
    moved = (
        new + f.days_late(change.days)
        if change.code.startswith("report")
        else f"{shown(change.old)} {f.arrow} {new}"
    )
    extra = [CLI("revised_when", lang, when=change.when)] if change.when else []
    parts = [
        code_word(change.code, lang),  # the same words as the console and the bulletin
        " ".join(clean(str(p)) for p in subject),
        f"{field_word(change.field, lang)}{CLI('colon', lang)}{moved}",
        str(change.period),
        *extra,
    ]
    return clean("  ".join(p for p in parts if p))  # every part, data and journal alike, once more
