"""What every tab's view is made of: the cells, columns and fields the tabs share, each tab's title,
and a status's place in the one severity order (console.engine.severity.STATUS_RANKS). No Textual here."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import polars as pl

from console.engine.severity import STATUS_RANK
from console.present.formatter import Formatter
from console.present.labels import (
    STATUS_CLASS,
    lang_index,
)
from console.present.labels import text as label_text
from console.present.viewmodel import (
    TAB_TITLES,
    Cell,
    Column,
    Field,
)
from console.words import Lang, in_lang_of
from console.words.exports import EXPORTS
from console.words.views import VIEWS


def tab_title(tab: str, lang: Lang) -> str:
    return TAB_TITLES[tab][lang_index(lang)]


def status_class(status: str | None) -> str | None:
    return STATUS_CLASS.get(status or "")


def as_float(x: object) -> float | None:
    """A number for export: None for missing or NaN, rounded to 4 decimals."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return round(float(x), 4)  # type: ignore[arg-type]


def as_int(x: object) -> int | None:
    return None if x is None else int(x)  # type: ignore[call-overload]


def zone_short_name(row: dict[str, Any], lang: Lang) -> str:
    return in_lang_of(row["short_name"], row.get("short_name_en"), lang)


def county_name(row: dict[str, Any], lang: Lang) -> str:
    return in_lang_of(row["county"], row.get("county_en"), lang)


def industry_name(row: dict[str, Any], lang: Lang) -> str:
    return in_lang_of(row["industry"], row.get("industry_en"), lang)


def text_cell(text: str, sort: object = None, cls: str | None = None) -> Cell:
    """A cell of plain text whose one value is the text itself."""
    return Cell(text, (text,), text if sort is None else sort, None, cls)


def mark_column(f: Formatter) -> Column:
    return Column("mark", "", fields=(Field("flagged", VIEWS("flag", f.lang), "bool"),))


def zone_column(f: Formatter) -> Column:
    """The zone's name, exported with its code."""
    return Column(
        "zone",
        VIEWS("zone", f.lang),
        fields=(
            Field("zone_id", label_text("zone_key_field", f.lang), "code"),
            Field("zone", VIEWS("zone", f.lang)),
        ),
    )


def county_column(f: Formatter) -> Column:
    """The zone's county; the first column to give way on a narrow screen."""
    return Column(
        "county", VIEWS("county", f.lang), give_way=1, fields=(Field("county", VIEWS("county", f.lang)),)
    )


def section_column(f: Formatter) -> Column:
    """The plan section a row belongs to: its code (the output contract) and its words beside it."""
    return Column(
        "section",
        VIEWS("section", f.lang),
        fields=(
            Field("section", VIEWS("section", f.lang), "code"),
            Field("section_words", words_label(VIEWS("section", f.lang), f.lang)),
        ),
    )


def mark_cell(flagged: bool, sort: object) -> Cell:
    return Cell("!" if flagged else " ", (flagged,), sort, None, "bad" if flagged else None)


def words_label(label: str, lang: Lang) -> str:
    """The heading of a code column's words twin (``missing_words``): 缺项（文字）, as a status's."""
    return EXPORTS("status_words_column", lang, label=label)


def status_field(code: str, f: Formatter, words: str = "status") -> Field:
    """A status field, headed by the views' words ``words``."""
    return Field(code, VIEWS(words, f.lang), "status")


def trend_fields(periods: Sequence[str], f: Formatter) -> tuple[Field, ...]:
    """One numeric column per quarter (rev_2024Q1 …): the quarterly series as data, never glyphs."""
    unit = label_text("unit_yi", f.lang)
    return tuple(Field(f"rev_{p}", VIEWS("revenue_p", f.lang, p=p), "float", unit) for p in periods)


def trend_periods(history: pl.DataFrame) -> list[str]:
    if history.is_empty() or "periods" not in history.columns:
        return []
    first = history.get_column("periods")[0]
    return [] if first is None else [str(p) for p in first]


def trend_cell(
    values: Sequence[float | None], periods: Sequence[str], f: Formatter, shown: bool = True
) -> Cell:
    """A quarterly series: its sparkline (none unless ``shown``: --json prints only the values), one
    value a quarter rounded for export, the sum to sort by."""
    n = len(periods)
    padded = list(values[:n]) + [None] * (n - len(values))
    rounded = tuple([None if v is None or v != v else round(v, 4) for v in padded])  # v != v: NaN
    known = [v for v in rounded if v is not None]
    text = f.spark(padded if periods else values) if shown else ""
    return Cell(text, rounded, sum(known) if known else None)


def severity(status: str | None) -> int | None:
    """How bad ``status`` is, for sorting worst first (its rank in the one order, STATUS_RANKS); None
    for no status."""
    return STATUS_RANK.get(status or "")


def status_cell(status: str | None, f: Formatter) -> Cell:
    return Cell(f.status(status), (status,), severity(status), status, status_class(status))


def zone_history(history: pl.DataFrame) -> dict[str, list[float | None]]:
    """Per zone, total quarterly revenue of its clusters (None where no cluster reported)."""
    out: dict[str, list[float | None]] = {}
    for zone, values in history.select("zone", "quarterly").iter_rows():
        current = out.setdefault(zone, [None] * len(values))
        for i, v in enumerate(values):
            if v is not None:
                current[i] = (current[i] or 0.0) + v
    return out
