"""The ``devzones`` command: the console with no subcommand; every other command runs headless.

Exit codes: 0 success; 1 ``status --fail-on-missing`` found a zone missing a target; 2 the data is
invalid or the command line asks for something the data does not have.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from rich.console import Console

    from console.core.config import Settings
    from console.data.dataset import Dataset
    from console.reports.store import Change

EXIT_OK, EXIT_MISSING, EXIT_INVALID = 0, 1, 2


def _common(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument(
        "--data",
        type=Path,
        default=default,
        metavar="DIR",
        help="dataset directory (default: the embedded data)",
    )
    parser.add_argument("--lang", choices=("zh", "en"), default=default, help="language, zh (default) or en")
    parser.add_argument(
        "--ascii", action="store_true", default=default, help="plain ASCII symbols and lines only"
    )


def _filters(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument("--year", type=int, default=default, help="the plan year (default: the as-of year)")
    parser.add_argument(
        "--county",
        action="append",
        default=default,
        metavar="C",
        help="only zones of this county or district (repeat, or separate with commas)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="devzones",
        description="Monitor Zhumadian's 2024-2026 development-zone action plan. With no command, open the console.",
    )
    _common(parser)
    _filters(parser)
    parser.add_argument("--no-mouse", action="store_true", help="console: do not capture the mouse")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = sub.add_parser("check", help="validate the data and audit the plan against itself")
    _common(check, argparse.SUPPRESS)
    check.add_argument("--json", action="store_true", help="machine-readable output")
    status = sub.add_parser("status", help="status of every zone, cluster and indicator")
    _common(status, argparse.SUPPRESS)
    _filters(status, argparse.SUPPRESS)
    status.add_argument("--json", action="store_true", help="machine-readable output")
    status.add_argument(
        "--fail-on-missing", action="store_true", help="exit 1 when a zone shown misses a target"
    )
    rank = sub.add_parser(
        "rankings", help="zones ranked: composite score, province rank within tier, and the plan's rule flags"
    )
    _common(rank, argparse.SUPPRESS)
    _filters(rank, argparse.SUPPRESS)
    rank.add_argument("--json", action="store_true", help="machine-readable output")
    bulletin = sub.add_parser("bulletin", help="write the monthly bulletin (月度通报)")
    _common(bulletin, argparse.SUPPRESS)
    bulletin.add_argument(
        "--period", required=True, metavar="YYYY-MM", help="the bulletin's month, e.g. 2026-10"
    )
    bulletin.add_argument("--format", choices=("md", "xlsx"), default="md")
    bulletin.add_argument(
        "--out", type=Path, required=True, metavar="PATH", help="file to write, or an existing folder"
    )
    bulletin.add_argument(
        "--force", action="store_true", help="replace an existing file instead of numbering the new one"
    )
    tpl = sub.add_parser("template", help="write a zone's fill-in workbook for a quarterly report")
    _common(tpl, argparse.SUPPRESS)
    tpl.add_argument("--zone", required=True, help="the zone (full or short name)")
    tpl.add_argument("--period", required=True, help="the quarter, e.g. 2026Q4")
    tpl.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="the .xlsx to write (numbered if it exists)"
    )
    ing = sub.add_parser(
        "ingest", help="check filled reports and merge them into the dataset (undo with devzones undo)"
    )
    _common(ing, argparse.SUPPRESS)
    ing.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="FILE",
        help="filled .xlsx templates or .csv files of the same fields",
    )
    ing.add_argument("--dry-run", action="store_true", help="show what would change, change nothing")
    ing.add_argument("--yes", action="store_true", help="apply without asking")
    undo = sub.add_parser("undo", help="restore the files the last ingest replaced")
    _common(undo, argparse.SUPPRESS)
    exp = sub.add_parser(
        "export", help="write a view as CSV, XLSX, Parquet, JSON or Markdown, as the console does"
    )
    _common(exp, argparse.SUPPRESS)
    _filters(exp, argparse.SUPPRESS)
    exp.add_argument(
        "--view", choices=("overview", "zones", "clusters", "tasks", "rankings", "all"), default="zones"
    )
    exp.add_argument("--search", default="", help="only rows containing this text, as / does in the console")
    exp.add_argument(
        "--sort",
        default="",
        metavar="KEY",
        help="sort by a column key (zone, target, score …); -KEY for descending",
    )
    exp.add_argument("--format", required=True, choices=("csv", "xlsx", "parquet", "json", "md"))
    exp.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="PATH",
        help="file to write, or an existing folder for a suggested name",
    )
    exp.add_argument(
        "--force", action="store_true", help="replace an existing file instead of numbering the new one"
    )
    gen = sub.add_parser("generate", help="write a sample dataset (deterministic)")
    gen.add_argument("--out", type=Path, required=True, metavar="DIR", help="directory to write")
    gen.add_argument(
        "--zones",
        type=int,
        default=None,
        metavar="N",
        help="synthetic plan of N zones (184: a province, 2543: the nation)",
    )
    gen.add_argument("--seed", type=int, default=None, help="random seed (default: the shipped data's seed)")
    gen.add_argument(
        "--plan",
        type=Path,
        default=None,
        metavar="DIR",
        help="plan tables to use (default: the embedded data)",
    )
    gen.add_argument("--force", action="store_true", help="replace a dataset already in --out")
    return parser


def _counties(raw: list[str] | None) -> list[str]:
    return [c.strip() for item in raw or [] for c in item.split(",") if c.strip()]


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from console.core.config import load_settings

    settings = load_settings(
        data_dir=args.data,
        lang=args.lang,
        ascii=True if args.ascii else None,
        mouse=False if getattr(args, "no_mouse", False) else None,
        year=getattr(args, "year", None),
        counties=_counties(getattr(args, "county", None)),
    )
    for warning in settings.warnings:
        print(f"devzones: warning: {warning}", file=sys.stderr)
    if args.command == "generate":
        return _generate(args, settings)
    if args.command in ("ingest", "undo"):
        return _write_command(args, settings)
    if args.command is None:
        from console.tui.app import run_app

        return run_app(settings)
    from console.data.errors import DataInvalid
    from console.data.loader import load_dataset
    from console.outputs.text_tables import make_console, print_errors

    out = make_console()
    try:
        ds = load_dataset(settings.data_dir)
    except DataInvalid as exc:
        if args.command == "check" and args.json:
            print(
                json.dumps(
                    {"ok": False, "errors": [e.to_json() for e in exc.errors], "audit": []},
                    ensure_ascii=False,
                    indent=2,
                )
            )
        else:
            print_errors(exc.errors, settings.lang, make_console(sys.stderr))
        return EXIT_INVALID
    if args.command == "check":
        return _check(ds, args, settings, out)
    if args.command == "export":
        return _export(ds, args, settings)
    if args.command == "template":
        return _template(ds, args, settings)
    if args.command == "rankings":
        return _rankings(ds, args, settings, out)
    if args.command == "bulletin":
        return _bulletin(ds, args, settings)
    return _status(ds, args, settings, out)


def _check(ds: Dataset, args: argparse.Namespace, settings: Settings, out: Console) -> int:
    from console.engine.audit import audit
    from console.outputs.text_tables import print_audit
    from console.present.labels import text

    findings = audit(ds)
    if args.json:
        print(
            json.dumps(
                {"ok": True, "errors": [], "audit": [f.to_json(settings.lang) for f in findings]},
                ensure_ascii=False,
                indent=2,
            )
        )
        return EXIT_OK
    from rich.text import Text

    out.print(Text(f"✓ {text('valid', settings.lang)}: {settings.data_dir}", style="green"))
    if ds.sample:
        out.print(
            Text(
                f"[{text('sample_badge', settings.lang)}] {text('sample_notice', settings.lang)}",
                style="yellow",
            )
        )
    print_audit(findings, settings.lang, settings.ascii, out)
    return EXIT_OK


def _status(ds: Dataset, args: argparse.Namespace, settings: Settings, out: Console) -> int:
    from console.engine.evaluation import UnknownChoice, evaluate, status_json
    from console.outputs.text_tables import print_status

    try:
        ev = evaluate(ds, settings, year=args.year, counties=_counties(args.county))
    except UnknownChoice as exc:
        print(f"devzones: {exc}", file=sys.stderr)
        return EXIT_INVALID
    if args.json:
        print(json.dumps(status_json(ev), ensure_ascii=False, indent=2))
    else:
        print_status(ev, settings.lang, settings.ascii, out)
    if args.fail_on_missing and not ev.zones_missing.is_empty():
        return EXIT_MISSING
    return EXIT_OK


def _rankings(ds: Dataset, args: argparse.Namespace, settings: Settings, out: Console) -> int:
    from console.engine.evaluation import UnknownChoice, check_counties, check_year
    from console.engine.rankings import rankings, rankings_json

    try:
        year = check_year(ds, args.year)
        counties = check_counties(ds, _counties(args.county))
    except UnknownChoice as exc:
        print(f"devzones: {exc}", file=sys.stderr)
        return EXIT_INVALID
    ranked = rankings(ds, year, settings, counties)
    if args.json:
        print(json.dumps(rankings_json(ranked, year), ensure_ascii=False, indent=2))
        return EXIT_OK
    from console.outputs.text_tables import print_view
    from console.present.views import rankings_view

    print_view(
        rankings_view(ranked, settings.lang, settings.ascii),
        settings.ascii,
        out,
        sample=ds.sample,
        lang=settings.lang,
    )
    return EXIT_OK


def _template(ds: Dataset, args: argparse.Namespace, settings: Settings) -> int:
    from console.reports.template import ReportRejected, make_template

    try:
        print(make_template(ds, args.zone, args.period, args.out, settings.lang))
    except ReportRejected as exc:
        for problem in exc.problems:
            print(f"devzones: {exc.source}: {problem}", file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


def _write_command(args: argparse.Namespace, settings: Settings) -> int:
    """ingest and undo: the commands that change a dataset (never the embedded sample)."""
    from console.core.paths import embedded_data_dir
    from console.data.errors import DataInvalid
    from console.outputs.text_tables import make_console, print_errors
    from console.reports.store import ReportBatchRejected, ingest, undo

    zh = settings.lang == "zh"
    if settings.data_dir.resolve() == embedded_data_dir().resolve():
        print(
            "devzones: 内置示例数据只读；请复制一份（cp -r）并用 --data 指向它。"
            if zh
            else "devzones: the embedded sample dataset is read-only; copy it (cp -r) and point --data at the copy.",
            file=sys.stderr,
        )
        return EXIT_INVALID
    if args.command == "undo":
        try:
            restored = undo(settings.data_dir)
        except OSError as exc:
            print(f"devzones: {exc}", file=sys.stderr)
            return EXIT_INVALID
        if restored is None:
            print("没有可撤销的导入。" if zh else "Nothing to undo.")
            return EXIT_MISSING
        print(("已恢复：" if zh else "Restored: ") + ", ".join(restored[1]))
        return EXIT_OK

    def confirm(changes: list[Change]) -> bool:
        if args.yes:
            return True
        if not sys.stdin.isatty():
            print(
                "未应用：非交互运行时请加 --yes。"
                if zh
                else "Not applied: add --yes when not running interactively.",
                file=sys.stderr,
            )
            return False
        return input("应用这些修改？[y/N] " if zh else "Apply these changes? [y/N] ").strip().lower() in (
            "y",
            "yes",
            "是",
        )

    def show(changes: list[Change]) -> None:
        for change in changes:
            print(change.describe(settings.lang))

    def show_then_confirm(changes: list[Change]) -> bool:
        show(changes)
        return confirm(changes)

    try:
        changes, entry = ingest(
            settings.data_dir, args.files, dry_run=args.dry_run, confirm=show_then_confirm
        )
    except ReportBatchRejected as exc:
        for rejected in exc.rejected:
            print(f"✗ {rejected.source}:" if not settings.ascii else f"x {rejected.source}:", file=sys.stderr)
            for problem in rejected.problems:
                print(f"  {problem}", file=sys.stderr)
        print(
            "未导入任何内容，数据未改变。" if zh else "Nothing was ingested; the dataset is unchanged.",
            file=sys.stderr,
        )
        return EXIT_INVALID
    except DataInvalid as exc:
        print_errors(exc.errors, settings.lang, make_console(sys.stderr))
        return EXIT_INVALID
    if args.dry_run:
        show(changes)
        print("（试运行，未修改数据）" if zh else "(dry run: nothing changed)")
        return EXIT_OK
    if not changes:
        print("没有新的或修改的数值。" if zh else "No new or revised values.")
        return EXIT_OK
    if entry is None:
        return EXIT_MISSING
    print(
        ("已导入，原文件保存在 " if zh else "Ingested; the replaced files are kept in ")
        + str(entry)
        + ("；可用 devzones undo 撤销。" if zh else "; devzones undo restores them.")
    )
    return EXIT_OK


def _bulletin(ds: Dataset, args: argparse.Namespace, settings: Settings) -> int:
    from console.outputs.bulletin import BulletinError, write_bulletin

    return _write_files(
        lambda: write_bulletin(
            ds, settings, args.period, args.format, args.out, settings.lang, force=args.force
        ),
        BulletinError,
    )


def _write_files(write: Callable[[], Sequence[Path]], error: type[Exception]) -> int:
    """Run a writer that returns the paths it wrote; print them, or its error (exit 2)."""
    try:
        written = write()
    except error as exc:
        print(f"devzones: {exc}", file=sys.stderr)
        return EXIT_INVALID
    for path in written:
        print(path)
    return EXIT_OK


def _export(ds: Dataset, args: argparse.Namespace, settings: Settings) -> int:
    from datetime import datetime

    from console.engine.evaluation import UnknownChoice
    from console.outputs.export import ExportError, export_views, provenance, suggest_name
    from console.present.assemble import compute, export_selection, render_views

    try:
        snap = compute(ds, settings, args.year, _counties(args.county))
    except UnknownChoice as exc:
        print(f"devzones: {exc}", file=sys.stderr)
        return EXIT_INVALID
    views = render_views(snap, settings.lang, settings.ascii, words=True)
    key, descending = args.sort.lstrip("-") or None, args.sort.startswith("-")
    names = ("overview", "zones", "clusters", "tasks", "indicators", "rankings")
    chosen = export_selection(views, args.view, {name: (args.search, key, descending) for name in names})
    if key and not any(c.key == key for v in chosen for c in v.columns):
        keys = sorted({c.key for v in chosen for c in v.columns})
        print(f"devzones: no column '{key}' to sort by; columns: {', '.join(keys)}", file=sys.stderr)
        return EXIT_INVALID
    h = views.header
    out = (
        args.out / suggest_name(args.view, h.year, h.counties, datetime.now(), args.format)
        if args.out.is_dir()
        else args.out
    )
    prov = provenance(
        h,
        args.view,
        args.search,
        args.sort,
        settings.lang,
        args.format,
        out,
        str(args.data) if args.data else None,
    )
    return _write_files(lambda: export_views(chosen, args.format, out, prov, force=args.force), ExportError)


def _generate(args: argparse.Namespace, settings: Settings) -> int:
    from console.data.errors import DataInvalid
    from console.data.loader import load_tables
    from console.sample.generate import (
        AS_OF,
        DEFAULT_SEED,
        PLAN_TABLES,
        copy_plan_files,
        generate_progress,
        manifest_for,
        synthetic_plan,
        write_dataset,
    )

    plan_dir = args.plan or settings.data_dir
    seed = DEFAULT_SEED if args.seed is None else args.seed
    try:
        plan = load_tables(plan_dir, list(PLAN_TABLES))
    except DataInvalid as exc:
        from console.outputs.text_tables import make_console, print_errors

        print_errors(exc.errors, settings.lang, make_console(sys.stderr))
        return EXIT_INVALID
    if args.zones is not None:
        if args.zones < 1:
            print("devzones: --zones must be at least 1", file=sys.stderr)
            return EXIT_INVALID
        plan = synthetic_plan(args.zones, plan, seed)
        tables = {**plan, **generate_progress(plan, seed, AS_OF)}
    else:
        tables = generate_progress(plan, seed, AS_OF)
    try:
        write_dataset(tables, manifest_for(args.zones, seed, AS_OF), args.out, force=args.force)
    except (FileExistsError, OSError) as exc:
        print(f"devzones: {exc}", file=sys.stderr)
        return EXIT_INVALID
    if args.zones is None:
        copy_plan_files(plan_dir, args.out)
    print(f"wrote {len(tables)} tables and manifest.toml to {args.out}")
    return EXIT_OK
