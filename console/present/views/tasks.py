"""The Tasks tab: the plan's tasks with their units and indicators met, and its indicators table."""

from __future__ import annotations

from typing import Any

import polars as pl

from console.engine.evaluation import Evaluation
from console.present.formatter import Formatter
from console.present.labels import (
    basis_word,
    english_noun,
    heading,
    plan_ref,
    split_units,
    unit_label,
    unit_of,
    units_text,
    zones_judged_note,
)
from console.present.plan_text import SECTION_PREFIX
from console.present.viewmodel import (
    Cell,
    Column,
    Field,
    Row,
    View,
)
from console.present.views.common import (
    as_float,
    as_int,
    status_cell,
    status_field,
    tab_title,
    text_cell,
    words_label,
)
from console.words import Lang, in_lang_of
from console.words.views import VIEWS


def tasks_view(ev: Evaluation, lang: Lang, ascii_only: bool, unit: str | None = None) -> View:
    """Tasks tab: the 18 tasks in section order, with lead and participating units and a rolled-up status."""
    f = Formatter(lang, ascii_only)
    columns = (
        Column(
            "section",
            VIEWS("section", f.lang),
            fields=(
                Field("section", VIEWS("section", f.lang), "code"),
                Field("section_words", words_label(VIEWS("section", f.lang), f.lang)),
            ),
        ),
        Column(
            "task",
            VIEWS("task", f.lang),
            fields=(
                Field("task", VIEWS("task_no", f.lang), "int"),
                Field("title", VIEWS("task", f.lang)),
            ),
        ),
        Column(
            "lead",
            VIEWS("lead_units", f.lang),
            fields=(Field("lead_units", VIEWS("lead_units", f.lang)),),
        ),
        Column(
            "participants",
            VIEWS("participating", f.lang),
            give_way=1,
            fields=(Field("participating_units", VIEWS("participating", f.lang)),),
        ),
        Column(
            "indicators",
            VIEWS("targets_met_column", f.lang),
            numeric=True,
            give_way=2,
            fields=(
                Field("indicators_met", VIEWS("targets_met_count", f.lang), "int"),
                Field("indicators", VIEWS("targets", f.lang), "int"),
            ),
        ),
        Column("status", VIEWS("status", f.lang), fields=(status_field("status", f),)),
    )
    rows = []
    kept = unit_tasks(ev, unit) if unit else None  # the one rule of the unit filter
    for t in ev.tasks.iter_rows(named=True):
        if kept is not None and int(t["task"]) not in kept:
            continue
        # The section groups the tasks, so it stays on screen: short, without the shared 开发区 prefix.
        section_title = in_lang_of(
            t["section_title"].removeprefix(SECTION_PREFIX), t["section_title_en"], f.lang
        )
        title = in_lang_of(t["title"], t["title_en"], f.lang)
        section = f"{plan_ref(t['section'], lang)} {section_title}"
        counted = bool(t["indicators"])
        cells = (
            # The plan's section as a code in every language (its Arabic numeral, 1 … 6), then as shown.
            Cell(section, (plan_ref(t["section"], "en") or None, section), t["task"]),
            Cell(f"{t['task']}. {title}", (int(t["task"]), title), t["task"]),
            text_cell(units_text(t["lead_units"], lang) or f.none, t["lead_units"]),
            text_cell(units_text(t["participating_units"], lang) or f.none, t["participating_units"]),
            Cell(
                f.ratio(t["indicators_met"], t["indicators"]),
                (
                    as_int(t["indicators_met"]) if counted else None,
                    as_int(t["indicators"]) if counted else None,
                ),
                t["indicators_met"] / t["indicators"] if counted else None,
            ),
            status_cell(t["status"], f),
        )
        rows.append(Row(str(t["task"]), cells, t["status"] in ("missed", "behind")))
    return View("tasks", tab_title("tasks", lang), columns, tuple(rows))


def task_units(task: dict[str, Any]) -> list[str]:
    """The units named in a task's lead and participating lists, with the 市 prefix made explicit."""
    return [unit for name in ("lead_units", "participating_units") for unit in split_units(task.get(name))]


def unit_tasks(ev: Evaluation, unit: str) -> set[int]:
    """The tasks of a unit filter's value (labels.unit_choice): those that name the unit among their
    lead units, and, unless only those it leads count, among their participating units."""
    name, lead_only = unit_of(unit)
    if lead_only:
        return {
            int(t["task"]) for t in ev.tasks.iter_rows(named=True) if name in split_units(t.get("lead_units"))
        }
    return {int(t["task"]) for t in ev.tasks.iter_rows(named=True) if name in task_units(t)}


def _indicators_columns(f: Formatter) -> tuple[Column, ...]:
    """The indicators table's columns and the fields behind them."""
    return (
        Column(
            "indicator",
            VIEWS("indicator", f.lang),
            fields=(
                Field("indicator", VIEWS("indicator_code", f.lang), "code"),
                Field("name", VIEWS("indicator", f.lang)),
            ),
        ),
        Column(
            "task", VIEWS("task", f.lang), give_way=2, fields=(Field("task", VIEWS("task", f.lang), "int"),)
        ),
        Column(
            "target",
            VIEWS("target", f.lang),
            numeric=True,
            fields=(
                Field("comparison", VIEWS("comparison", f.lang)),
                Field("target", VIEWS("target", f.lang), "float"),
                Field("unit", VIEWS("unit", f.lang)),
                Field("target_year", VIEWS("due_year", f.lang), "int"),
                Field("standing_aim", VIEWS("standing_aim", f.lang), "bool"),
            ),
        ),
        Column(
            "latest",
            VIEWS("latest", f.lang),
            numeric=True,
            fields=(
                Field("latest", VIEWS("latest", f.lang), "float"),
                Field("zones_met", VIEWS("zones_met", f.lang), "int"),
                Field("zones_total", VIEWS("zones", f.lang), "int"),
                Field("zones_judged", heading("zones_judged", f.lang), "int"),
                Field("share_of_target", VIEWS("share_of_target", f.lang), "share"),
                Field("basis", heading("basis", f.lang), "code"),
                Field("basis_words", words_label(heading("basis", f.lang), f.lang)),
            ),
        ),
        Column(
            "progress",
            VIEWS("from_baseline", f.lang),
            numeric=True,
            give_way=1,
            fields=(Field("progress", VIEWS("progress_from_baseline", f.lang), "share"),),
        ),
        Column(
            "period",
            VIEWS("period", f.lang),
            give_way=3,
            fields=(Field("period", VIEWS("period", f.lang), "period"),),
        ),
        Column("status", VIEWS("status", f.lang), fields=(status_field("status", f),)),
    )


def indicators_view(
    ev: Evaluation, lang: Lang, ascii_only: bool, task: int | None = None, unit: str | None = None
) -> View:
    """The quantified targets (of one task, of the tasks of one unit, or all), with latest value,
    target, share of target, progress from the baseline and status."""
    f = Formatter(lang, ascii_only)
    columns = _indicators_columns(f)
    frame = ev.indicators if task is None else ev.indicators.filter(pl.col("task") == task)
    if unit:
        frame = frame.filter(pl.col("task").is_in(sorted(unit_tasks(ev, unit))))
    rows = []
    for i in frame.iter_rows(named=True):
        name = in_lang_of(i["name"], i["name_en"], f.lang)
        unit_text = unit_label(i["unit"], i["unit_en"], lang, i["target"])
        zones = bool(i["zones_total"])
        latest = (
            (
                f.ratio(i["zones_met"], i["zones_total"])
                + VIEWS("zones_noun", f.lang, zones=english_noun("zones", i["zones_total"]))
                + f.bracket(zones_judged_note(i, lang))
            )
            if zones
            # the short word on screen (全年预计 in full in the export's own column and the drill-down)
            else f.amount(i["latest"], i["unit"]) + f.bracket(basis_word(i.get("basis"), lang, short=True))
        )
        rising = i["comparison"] in (">=", ">") and i["target"]
        share = i["latest"] / i["target"] if rising and i["latest"] is not None and not zones else None
        cells = (
            Cell(f"{i['indicator']} {name}", (i["indicator"], name), i["indicator"]),
            Cell(f.integer(i["task"]), (as_int(i["task"]),), i["task"]),
            Cell(
                f.none  # no target for this data (console.engine.coverage)
                if i["target"] is None
                else i["comparison"]
                + f.quantity(f.amount(i["target"], i["unit"]), unit_text)
                + f.year_note(i["target_year"], bool(i.get("standing_aim"))),
                (
                    i["comparison"],
                    as_float(i["target"]),
                    unit_text,
                    as_int(i["target_year"]),
                    bool(i.get("standing_aim")),
                ),
                i["target"],
            ),
            Cell(
                latest,
                (
                    None if zones else as_float(i["latest"]),
                    as_int(i["zones_met"]) if zones else None,
                    as_int(i["zones_total"]) if zones else None,
                    as_int(i.get("zones_judged")) if zones else None,
                    as_float(share),
                    i.get("basis") or None,  # the code (full_year, projected …), then its words
                    basis_word(i.get("basis"), lang) or None,
                ),
                i["zones_met"] / i["zones_total"] if zones else i["latest"],
            ),
            Cell(f.share(i["progress"]), (as_float(i["progress"]),), i["progress"]),
            Cell(i["period"] or f.none, (i["period"],), i["period"]),
            status_cell(i["status"], f),
        )
        rows.append(Row(i["indicator"], cells, i["status"] in ("missed", "behind")))
    return View("indicators", VIEWS("indicators", f.lang), columns, tuple(rows))
