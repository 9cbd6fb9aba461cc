"""``status --json`` makes its Zones and Clusters rows as data (views.headless), not through the cells
of the console's views: the rows are the views' rows, value for value and key for key, on the embedded
data, a generated set, county filters and rows with every kind of gap a zone's figures can have."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from console.cli.guard import main
from console.core.config import Settings
from console.data.dataset import Dataset
from console.engine.coverage import coverage
from console.engine.evaluation import Evaluation, evaluate
from console.engine.progress import plan_start
from console.engine.rules import FLAGS
from console.engine.status import quarterly_revenue
from console.outputs.export import view_json
from console.present.assemble import city_rankings, status_views
from console.present.views import rankings_view
from console.present.views.clusters import clusters_view
from console.present.views.headless import clusters_table, rankings_table, status_tables, zones_table
from console.present.views.zones import zones_view
from tests.support.data import first_counties, loaded

CHOICES = [
    (2024, None, "zh", False),
    (2025, None, "en", True),
    (2026, None, "zh", True),
    (2026, None, "en", False),
    (2025, 0, "zh", False),  # the first county only
    (2026, 1, "en", False),  # the second county only
]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated") / "data"
    assert main(["generate", "--zones", "60", "--seed", "11", "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def sources(data_dir: Path, generated: Path) -> dict[str, tuple[Dataset, Settings]]:
    return loaded(embedded=data_dir, generated=generated)


def _tables(ds: Dataset, ev: Evaluation, lang: str, ascii_only: bool) -> list[dict[str, Any]]:
    return [view_json(view, lang, rows) for view, rows in status_tables(ds, ev, lang, ascii_only)]


@pytest.mark.parametrize("source", ["embedded", "generated"])
@pytest.mark.parametrize(("year", "county", "lang", "ascii_only"), CHOICES)
def test_json_tables_are_the_views_tables(
    sources: dict[str, tuple[Dataset, Settings]],
    source: str,
    year: int,
    county: int | None,
    lang: str,
    ascii_only: bool,
) -> None:
    ds, settings = sources[source]
    counties = first_counties(ds, county)
    ev = evaluate(ds, settings, year=year, counties=counties)
    views = status_views(ds, ev, lang, ascii_only)
    made = _tables(ds, ev, lang, ascii_only)
    assert made == [view_json(v, lang) for v in views]
    assert [list(t["rows"][0]) for t in made[:2]] == [list(view_json(v, lang)["rows"][0]) for v in views[:2]]
    assert made[0]["rows"] and made[1]["rows"]  # rows compared, not two empty lists


@pytest.mark.parametrize("source", ["embedded", "generated"])
@pytest.mark.parametrize(("year", "county", "lang", "ascii_only"), CHOICES)
def test_json_rankings_are_the_views_rankings(
    sources: dict[str, tuple[Dataset, Settings]],
    source: str,
    year: int,
    county: int | None,
    lang: str,
    ascii_only: bool,
) -> None:
    ds, settings = sources[source]
    counties = first_counties(ds, county)
    ranked = city_rankings(ds, year, settings, counties)
    view, rows = rankings_table(ranked, lang, ascii_only, coverage(ds))
    assert rows
    assert view_json(view, lang, rows) == view_json(
        rankings_view(ranked, lang, ascii_only, coverage(ds)), lang
    )


# -- rows with gaps: every value a zone's or cluster's figures can lack ----------------------------------

_NUMBER = st.one_of(st.none(), st.just(0.0), st.just(float("nan")), st.floats(-1e6, 1e7, allow_nan=False))
_STATUS = st.sampled_from(
    [None, "on_pace", "behind", "missed", "at_risk", "achieved", "no_data", "not_reported", "?"]
)
_MISSING = st.lists(st.sampled_from(["tier", "star", "revenue"]), unique=True, max_size=3)


@pytest.fixture(scope="module")
def embedded_2025(sources: dict[str, tuple[Dataset, Settings]]) -> tuple[Evaluation, pl.DataFrame]:
    ds, settings = sources["embedded"]
    ev = evaluate(ds, settings, year=2025)
    return ev, quarterly_revenue(ds, plan_start(ds), ev.counties)


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_rows_with_gaps_are_the_views_rows(
    embedded_2025: tuple[Evaluation, pl.DataFrame], data: st.DataObject
) -> None:
    ev, history = embedded_2025
    n, m = ev.zones.height, ev.clusters.height
    zones = ev.zones.with_columns(
        pl.Series("revenue_target", data.draw(st.lists(_NUMBER, min_size=n, max_size=n)), pl.Float64),
        pl.Series("revenue_ytd", data.draw(st.lists(_NUMBER, min_size=n, max_size=n)), pl.Float64),
        pl.Series("revenue_pace", data.draw(st.lists(_NUMBER, min_size=n, max_size=n)), pl.Float64),
        pl.Series("revenue_status", data.draw(st.lists(_STATUS, min_size=n, max_size=n)), pl.String),
        pl.Series(
            "result_year",
            data.draw(st.lists(st.sampled_from([None, 2024]), min_size=n, max_size=n)),
            pl.Int64,
        ),
        pl.Series("missing", data.draw(st.lists(_MISSING, min_size=n, max_size=n)), pl.List(pl.String)),
    )
    clusters = ev.clusters.with_columns(
        pl.Series("target", data.draw(st.lists(_NUMBER, min_size=m, max_size=m)), pl.Float64),
        pl.Series("actual_ytd", data.draw(st.lists(_NUMBER, min_size=m, max_size=m)), pl.Float64),
        pl.Series("status", data.draw(st.lists(_STATUS, min_size=m, max_size=m)), pl.String),
    )
    gappy = replace(ev, zones=zones, clusters=clusters)
    lang = data.draw(st.sampled_from(["zh", "en"]))
    for made, view in (
        (zones_table(gappy, history, lang, False), zones_view(gappy, history, lang, False, shown=False)),
        (clusters_table(gappy, history, lang, True), clusters_view(gappy, history, lang, True, False)),
    ):
        assert view_json(made[0], lang, made[1]) == view_json(view, lang)


@hypothesis_settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_rankings_with_gaps_are_the_views_rankings(
    sources: dict[str, tuple[Dataset, Settings]], data: st.DataObject
) -> None:
    ds, settings = sources["embedded"]
    ranked = city_rankings(ds, 2025, settings)
    n = ranked.height
    small = st.one_of(st.none(), st.integers(-5, 30))
    level = st.one_of(st.none(), st.integers(1, 4))
    flags = st.one_of(st.none(), st.lists(st.sampled_from(FLAGS), max_size=2))
    gappy = ranked.with_columns(
        pl.Series("score", data.draw(st.lists(_NUMBER, min_size=n, max_size=n)), pl.Float64),
        pl.Series("rank_change", data.draw(st.lists(small, min_size=n, max_size=n)), pl.Int64),
        pl.Series("previous_rank", data.draw(st.lists(small, min_size=n, max_size=n)), pl.Int64),
        pl.Series("previous_tier", data.draw(st.lists(level, min_size=n, max_size=n)), pl.Int64),
        pl.Series("tier", data.draw(st.lists(level, min_size=n, max_size=n)), pl.Int64),
        pl.Series(
            "result_year",
            data.draw(st.lists(st.sampled_from([None, 2024]), min_size=n, max_size=n)),
            pl.Int64,
        ),
        pl.Series("flags", data.draw(st.lists(flags, min_size=n, max_size=n)), pl.List(pl.String)),
    )
    lang = data.draw(st.sampled_from(["zh", "en"]))
    view, rows = rankings_table(gappy, lang, False, coverage(ds))
    assert view_json(view, lang, rows) == view_json(rankings_view(gappy, lang, False, coverage(ds)), lang)
