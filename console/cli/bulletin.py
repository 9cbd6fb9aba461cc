"""``devzones bulletin``: write the monthly bulletin (月度通报) as Markdown, Excel, Word or PDF; Word and
PDF as a 公文 or a 情况通报 (``--style``), numbered ``--number`` or by the series."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from console.cli.common import EXIT_USAGE, CommandFailed, report_written
from console.cli.failures import writing
from console.cli.selection import dataset
from console.core.text import in_lang
from console.words import Lang, as_lang
from console.words.bulletin import BULLETIN
from console.words.cli import CLI

if TYPE_CHECKING:
    from console.core.config import Settings
    from console.data.dataset import Dataset
    from console.outputs.bulletin import Bulletin


def bulletin_command(args: argparse.Namespace, settings: Settings) -> int:
    """The bulletin of --period written to --out (a month the data cannot support is a usage error)."""
    from console.outputs.bulletin import BulletinError, parse_month, write_bulletin
    from console.outputs.out_path import resolve_out

    lang = as_lang(settings.lang)
    ds = dataset(settings)
    try:
        year, month = parse_month(args.period)
    except BulletinError:
        raise CommandFailed(EXIT_USAGE, CLI("bad_month", lang, value=args.period)) from None
    if args.number is not None and args.number < 1:
        raise CommandFailed(EXIT_USAGE, BULLETIN("bad_number", lang, value=args.number))
    built = _built(ds, args, settings, lang)
    out = resolve_out(args.out, args.format, f"devzones-bulletin-{year}-{month:02d}.{args.format}", lang)
    with writing(out, lang, BulletinError):
        written = write_bulletin(
            ds,
            settings,
            args.period,
            args.format,
            out,
            settings.lang,
            force=args.force,
            built=built,
            style=args.style,
            number=args.number,
        )
    return report_written(args, "bulletin", written)


def _built(ds: Dataset, args: argparse.Namespace, settings: Settings, lang: Lang) -> Bulletin:
    """The bulletin's contents; a month before the data, or after the latest it supports unless
    --beyond-data, is a usage error saying which months it supports (--force only replaces a file)."""
    from console.outputs.bulletin import BulletinError, MonthBeforeData, MonthNotSupported, build_bulletin
    from console.present.labels import text

    try:
        return build_bulletin(ds, settings, args.period, settings.lang, force=args.beyond_data)
    except MonthNotSupported as exc:
        as_of = exc.as_of or text("no_data_yet", lang)
        said = CLI("month_after_data", lang, value=args.period, latest=exc.latest, as_of=as_of)
        raise CommandFailed(EXIT_USAGE, said) from None
    except MonthBeforeData as exc:
        said = CLI(
            "month_before_data",
            lang,
            value=args.period,
            quarter=exc.quarter,
            first=exc.first,
            earliest=exc.earliest,
        )
        raise CommandFailed(EXIT_USAGE, said) from None
    except BulletinError as exc:  # any other month the bulletin cannot be made for: its own words
        raise CommandFailed(EXIT_USAGE, in_lang(exc.args[0] if exc.args else exc, lang)) from None
