"""``devzones template``: a zone's fill-in workbook for a quarterly report, or (--assessment) the entry
workbook for a year's provincial assessment results."""

from __future__ import annotations

import argparse
import difflib
import re
from typing import TYPE_CHECKING

from console.cli.common import EXIT_FILES, EXIT_USAGE, CommandFailed, join_choices, report_written
from console.cli.failures import os_reason, writing
from console.cli.selection import dataset
from console.words import Lang, as_lang, in_lang_of
from console.words.cli import CLI

if TYPE_CHECKING:
    from pathlib import Path

    from console.core.config import Settings
    from console.data.dataset import Dataset
    from console.reports.template import ReportRejected


def _safe_name(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s\x00-\x1f\x7f]+', "_", name)


def template_command(args: argparse.Namespace, settings: Settings) -> int:
    """The workbook of --zone for --period, written to --out (or the assessment's, with --assessment)."""
    from console.data.scales import ScaleError, parse_period
    from console.outputs.out_path import resolve_out
    from console.reports.template import ReportRejected, make_template, resolve_zone

    ds = dataset(settings)
    lang = as_lang(settings.lang)
    if args.assessment is not None:
        return _assessment_template(args, lang, ds)
    if not args.zone or not args.period:
        raise CommandFailed(EXIT_USAGE, CLI("template_needs", lang))
    zone = resolve_zone(ds, args.zone)
    shorts = {
        full: in_lang_of(short, short_en, lang)
        for full, short, short_en in ds["zones"].select("zone", "short_name", "short_name_en").iter_rows()
    }
    if zone is None:
        near = difflib.get_close_matches(args.zone, [*shorts, *shorts.values()], n=1, cutoff=0.5)
        hint = CLI("did_you_mean", lang, value=near[0]) if near else ""
        valid = join_choices(shorts.values(), lang)
        raise CommandFailed(EXIT_USAGE, CLI("unknown_zone", lang, value=args.zone, hint=hint, valid=valid))
    try:
        parse_period(args.period)
    except ScaleError:
        raise CommandFailed(EXIT_USAGE, CLI("bad_quarter", lang, value=args.period)) from None

    def suggested() -> str:
        return _safe_name(f"devzones-template-{shorts.get(zone) or args.zone}-{args.period}.xlsx")

    out = resolve_out(args.out, "xlsx", suggested, lang)
    try:
        with writing(out, lang):
            written = make_template(ds, args.zone, args.period, out, lang, force=args.force)
    except ReportRejected as exc:
        raise _rejected(exc, ("--zone", "--period"), out, lang) from None
    return report_written(args, "template", [written])


def _assessment_template(args: argparse.Namespace, lang: Lang, ds: Dataset) -> int:
    from console.outputs.out_path import resolve_out
    from console.reports.assessment import make_assessment_template
    from console.reports.template import ReportRejected

    if args.zone or args.period:
        raise CommandFailed(EXIT_USAGE, CLI("template_needs", lang))
    name = f"devzones-assessment-{args.assessment}.xlsx"
    out = resolve_out(args.out, "xlsx", name, lang)
    try:
        with writing(out, lang):
            written = make_assessment_template(ds, args.assessment, out, lang, force=args.force)
    except ReportRejected as exc:
        raise _rejected(exc, ("--assessment",), out, lang) from None
    return report_written(args, "template", [written])


def _rejected(exc: ReportRejected, options: tuple[str, ...], out: Path, lang: Lang) -> CommandFailed:
    """A workbook refused: a usage error naming the option it is about, else a file-system error."""
    from console.reports.words import in_language

    if exc.source in options:
        problems = CLI("list_separator", lang).join(in_language(p, lang) for p in exc.problems)
        return CommandFailed(EXIT_USAGE, CLI("option_problem", lang, option=exc.source, problem=problems))
    return CommandFailed(EXIT_FILES, os_reason(exc, lang, out, writing=True))
