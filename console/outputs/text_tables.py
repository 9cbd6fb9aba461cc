"""Human-readable CLI output: Rich tables of what the engine computed, text shown literally."""

from __future__ import annotations

import os
import sys
from typing import IO, TYPE_CHECKING

import polars as pl
from rich.console import Console
from rich.table import Table
from rich.text import Text

from console.core.text import clean
from console.data.errors import DataError
from console.engine.audit import Finding
from console.engine.evaluation import Evaluation
from console.present.labels import (
    CLASS_STYLES,
    goal_change,
    heading,
    missing_words,
    status_label,
    status_style,
    text,
)

if TYPE_CHECKING:
    from rich.box import Box

    from console.present.viewmodel import View


def make_console(file: IO[str] | None = None) -> Console:
    """A Rich console that honours NO_COLOR and never interprets markup from data."""
    return Console(
        file=file or sys.stdout,
        no_color="NO_COLOR" in os.environ,
        highlight=False,
        emoji=False,
        safe_box=True,
        legacy_windows=False,
        width=None if (file or sys.stdout).isatty() else 120,
    )


def _t(value: object, style: str = "") -> Text:
    """A cell or line of output: text cleaned (console.core.text.clean) and never parsed as markup."""
    return Text(clean(value), style=style)


def status_cell(status: str | None, lang: str, ascii_only: bool) -> Text:
    return _t(status_label(status, lang, ascii_only), style=status_style(status))


def _num(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def _box(ascii_only: bool) -> Box:
    from rich import box

    return box.ASCII if ascii_only else box.SIMPLE_HEAD


def print_status(ev: Evaluation, lang: str, ascii_only: bool, out: Console) -> None:
    """Zones, then clusters, then indicators, each as a table."""
    _print_header(ev, lang, out)
    zones = Table(title=text("zones", lang), box=_box(ascii_only), title_justify="left")
    for key in (
        "zone",
        "county",
        "star",
        "star_status",
        "tier",
        "tier_status",
        "revenue_status",
        "report",
        "missing",
    ):
        zones.add_column(heading(key, lang))
    short = "short_name" if lang == "zh" else "short_name_en"
    county = "county" if lang == "zh" else "county_en"
    for row in ev.zones.iter_rows(named=True):
        star = goal_change("star", row["star_target"], row["star"], lang, ascii_only)
        tier = goal_change("tier", row["tier_target"], row["tier"], lang, ascii_only)
        report = status_label(row["report_status"], lang, ascii_only)
        if row["report_days_late"]:
            report += f" {row['report_days_late']}" + ("天" if lang == "zh" else "d")
        zones.add_row(
            _t(row[short] or row["short_name"]),
            _t(row[county] or row["county"]),
            _t(star),
            status_cell(row["star_status"], lang, ascii_only),
            _t(tier),
            status_cell(row["tier_status"], lang, ascii_only),
            status_cell(row["revenue_status"], lang, ascii_only),
            status_cell(row["report_status"], lang, ascii_only)
            if not row["report_days_late"]
            else _t(report, style="yellow"),
            _t(missing_words(row["missing"], lang), style="bold red" if row["missing"] else ""),
            style="bold" if row["missing"] else "",
        )
    out.print(zones)
    clusters = Table(
        title=f"{text('clusters', lang)}（{text('unit_yi', lang)}）"
        if lang == "zh"
        else f"{text('clusters', lang)} ({text('unit_yi', lang)})",
        box=_box(ascii_only),
        title_justify="left",
    )
    for key in ("zone", "industry", "target", "actual_ytd", "pace_target", "projected", "period", "status"):
        clusters.add_column(
            heading(key, lang),
            justify="right" if key in ("target", "actual_ytd", "pace_target", "projected") else "left",
        )
    industry = "industry" if lang == "zh" else "industry_en"
    for row in ev.clusters.iter_rows(named=True):
        clusters.add_row(
            _t(row["short_name"]),
            _t(row[industry] or row["industry"]),
            _num(row["target"], 0),
            _num(row["actual_ytd"]),
            _num(row["pace_target"]),
            _num(row["projected"]),
            _t(row["period"] or "—"),
            status_cell(row["status"], lang, ascii_only),
        )
    out.print(clusters)
    print_indicators(ev.indicators, lang, ascii_only, out)


def print_indicators(indicators: pl.DataFrame, lang: str, ascii_only: bool, out: Console) -> None:
    table = Table(title=text("indicators", lang), box=_box(ascii_only), title_justify="left")
    for key in ("indicator", "target", "latest", "progress", "period", "status"):
        table.add_column(
            heading(key, lang), justify="right" if key in ("target", "latest", "progress") else "left"
        )
    name = "name" if lang == "zh" else "name_en"
    unit = "unit" if lang == "zh" else "unit_en"
    for row in indicators.iter_rows(named=True):
        if row["zones_total"]:
            latest = f"{row['zones_met']}/{row['zones_total']}" + (
                " 区达标" if lang == "zh" else " zones met"
            )
        else:
            latest = _num(row["latest"])
        progress = "—" if row["progress"] is None else f"{row['progress']:.0%}"
        table.add_row(
            _t(f"{row['indicator']} {row[name] or row['name']}"),
            _t(f"{row['comparison']}{_num(row['target'], 0)} {row[unit] or row['unit']}"),
            _t(latest),
            _t(progress),
            _t(row["period"] or "—"),
            status_cell(row["status"], lang, ascii_only),
        )
    out.print(table)


def _print_header(ev: Evaluation, lang: str, out: Console) -> None:
    scope = "、".join(ev.counties) if ev.counties else text("all_counties", lang)
    line = _t(
        f"{ev.title} · {text('as_of', lang)} {ev.as_of or text('no_data_yet', lang)} · {ev.year}{'年' if lang == 'zh' else ''} · {scope}"
    )
    out.print(line)
    if ev.sample:
        out.print(_t(f"[{text('sample_badge', lang)}] {text('sample_notice', lang)}", style="bold yellow"))


def print_errors(errors: list[DataError], lang: str, out: Console) -> None:
    out.print(_t(f"✗ {text('invalid', lang)}: {len(errors)} {text('problems', lang)}", style="bold red"))
    for error in errors:
        out.print(_t(f"  {error}"))


def print_audit(findings: list[Finding], lang: str, ascii_only: bool, out: Console) -> None:
    out.print(_t(text("audit", lang), style="bold"))
    if not findings:
        out.print(_t(f"  {text('audit_clean', lang)}"))
        return
    out.print(_t(f"  {len(findings)} {text('findings', lang)}"))
    table = Table(box=_box(ascii_only))
    for key in ("check", "year", "stated", "counted"):
        table.add_column(heading(key, lang), no_wrap=True)
    table.add_column(heading("message", lang), overflow="fold", ratio=1)
    for f in findings:
        table.add_row(
            _t(f.check + (f" {f.level}" if f.level else "")),
            str(f.year),
            _num(f.stated, 0),
            _num(f.counted, 0),
            _t(f.text(lang)),
        )
    out.print(table)


def print_view(view: View, ascii_only: bool, out: Console, sample: bool = False, lang: str = "zh") -> None:
    """Any console View as a table, statuses coloured as on screen."""
    if sample:
        out.print(_t(f"[{text('sample_badge', lang)}] {text('sample_notice', lang)}", style="bold yellow"))
    table = Table(title=_t(view.title), box=_box(ascii_only), title_justify="left")
    for column in view.columns:
        table.add_column(_t(column.label), justify="right" if column.numeric else "left")
    for row in view.rows:
        table.add_row(
            *(
                _t(cell, style=CLASS_STYLES.get(cls or "", ""))
                for cell, cls in zip(row.cells, row.classes, strict=True)
            )
        )
    out.print(table)
