"""A county filter selected from the city's evaluation and views (issue 11, point 7) shows exactly what a
fresh evaluation of those counties shows: every table, the overview and the header; and the CLI's
``status --county`` gives the same figures as the console filtered the same way.

The console narrows (``evaluation.narrow``, ``assemble.narrow_views``) because a fresh evaluation of a
filter costs a fifth of a second at national scale; these properties are what make that safe.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from console.cli import main
from console.core.config import Settings
from console.data.dataset import Dataset
from console.engine.evaluation import Evaluation, evaluate, narrow
from console.outputs.export import data_rows
from console.present import assemble
from console.present.assemble import Snapshot, compute, narrow_views, render_views
from console.present.snapshot_cache import SnapshotCache
from console.present.viewmodel import Views
from tests.support.data import loaded

FRAMES = ("zones", "clusters", "indicators", "zone_indicators", "tasks")
GENERATED_ZONES = 60  # ten counties of six zones: small enough to evaluate often


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated") / "data"
    assert main(["generate", "--zones", str(GENERATED_ZONES), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def sources(data_dir: Path, generated: Path) -> dict[str, tuple[Dataset, Settings]]:
    return loaded(embedded=data_dir, generated=generated)


# City snapshots and views, made once per choice across the examples (as the console's cache holds them).
_city: dict[tuple[str, int], Snapshot] = {}
_whole: dict[tuple[str, int, str, bool, str], Views] = {}


def city(name: str, ds: Dataset, settings: Settings, year: int) -> Snapshot:
    if (name, year) not in _city:
        _city[name, year] = compute(ds, settings, year, None)
    return _city[name, year]


def whole(name: str, snap: Snapshot, lang: str, ascii_only: bool, unit: str) -> Views:
    key = (name, snap.evaluation.year, lang, ascii_only, unit)
    if key not in _whole:
        _whole[key] = render_views(snap, lang, ascii_only, unit)
    return _whole[key]


def assert_same_evaluation(narrowed: Evaluation, fresh: Evaluation) -> None:
    for name in FRAMES:
        a, b = getattr(narrowed, name), getattr(fresh, name)
        assert a.schema == b.schema, name
        assert a.to_dicts() == b.to_dicts(), name  # exact: the last digit of every figure too
    assert (narrowed.year, narrowed.counties, narrowed.as_of) == (fresh.year, fresh.counties, fresh.as_of)


@st.composite
def filters(draw: st.DrawFn, ds: Dataset) -> tuple[int, tuple[str, ...], str, bool, str]:
    """A year, a non-empty set of the data's counties (in Chinese or English), language, symbols, unit."""
    names = ds["zones"].select("county", "county_en").unique(maintain_order=True).rows()
    chosen = draw(st.lists(st.sampled_from(names), min_size=1, max_size=len(names), unique=True))
    english = draw(st.booleans())
    counties = tuple((en or zh) if english else zh for zh, en in chosen)
    return (
        draw(st.sampled_from(ds.years)),
        counties,
        draw(st.sampled_from(["zh", "en"])),
        draw(st.booleans()),
        draw(st.sampled_from(["", "市发改委"])),
    )


@pytest.mark.slow
@hypothesis_settings(max_examples=30)
@given(data=st.data())
def test_a_narrowed_filter_is_what_a_fresh_evaluation_of_it_shows(
    sources: dict[str, tuple[Dataset, Settings]], data: st.DataObject
) -> None:
    name = data.draw(st.sampled_from(sorted(sources)), label="dataset")
    ds, settings = sources[name]
    year, counties, lang, ascii_only, unit = data.draw(filters(ds), label="filter")
    town = city(name, ds, settings, year)
    fresh_ev = evaluate(ds, settings, year, counties)
    narrowed_ev = narrow(ds, town.evaluation, counties)
    assert_same_evaluation(narrowed_ev, fresh_ev)
    # The views: the city's rows of the zones shown, tasks, overview and header made again.
    snap = compute(ds, settings, year, counties, town, narrowed_ev)
    derived = narrow_views(snap, town, whole(name, town, lang, ascii_only, unit), unit)
    assert derived is not None  # the city's views were used, not rendered again
    fresh = render_views(compute(ds, settings, year, counties), lang, ascii_only, unit)
    assert derived.header == fresh.header
    assert derived.overview == fresh.overview
    assert derived.tables.keys() == fresh.tables.keys()
    for table in fresh.tables:
        assert derived.tables[table] == fresh.tables[table], table


def test_the_console_cache_narrows_and_shows_what_the_cli_prints(
    sources: dict[str, tuple[Dataset, Settings]], capsys: pytest.CaptureFixture[str]
) -> None:
    """The console's path (city views made first, then the filter) gives ``status --county --json``'s rows."""
    ds, settings = sources["embedded"]
    cache = SnapshotCache(ds, settings)
    cache.views(2026, (), "zh", False)
    snap, views = cache.views(2026, ("平舆县", "Zhengyang County"), "zh", False)
    assert snap.city is cache.evaluation(2026, ()) and views.tables["zones"].rows[0] in (
        cache.views(2026, (), "zh", False)[1].tables["zones"].rows
    )  # narrowed: the city's own rows
    assert (
        main(["status", "--json", "--year", "2026", "--county", "平舆县", "--county", "Zhengyang County"])
        == 0
    )
    status = json.loads(capsys.readouterr().out)
    for name in ("zones", "clusters", "indicators"):
        assert status["tables"][name]["rows"] == data_rows(views.tables[name], "zh"), name


def test_a_filter_with_no_revenue_history_renders_its_own_columns(
    sources: dict[str, tuple[Dataset, Settings]],
) -> None:
    """Counties whose zones have no cluster have no quarterly columns: narrowing would keep the city's,
    so the views are rendered instead, and still equal a fresh evaluation's."""
    import polars as pl

    from tests.support.data import with_tables

    base, settings = sources["embedded"]
    alone = base["zones"].get_column("zone")[0]
    ds = with_tables(
        base,
        clusters=base["clusters"].filter(pl.col("zone") != alone),
        cluster_targets=base["cluster_targets"].filter(pl.col("zone") != alone),
        cluster_revenue=base["cluster_revenue"].filter(pl.col("zone") != alone),
    )
    county = base["zones"].get_column("county")[0]
    lonely = base["zones"].filter(pl.col("county") == county).height == 1
    town = compute(ds, settings, 2026, None)
    snap = compute(ds, settings, 2026, (county,), town, narrow(ds, town.evaluation, (county,)))
    narrowed = narrow_views(snap, town, render_views(town, "zh", False), "")
    assert (narrowed is None) == lonely
    cache = SnapshotCache(ds, settings)
    cache.views(2026, (), "zh", False)
    assert cache.views(2026, (county,), "zh", False)[1] == render_views(
        compute(ds, settings, 2026, (county,)), "zh", False
    )


def test_a_filters_prewarm_keeps_the_citys_views(
    sources: dict[str, tuple[Dataset, Settings]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Turning the filter off again is a look-up: the filter's own prewarm (its years and languages) must
    not push the city's views out of the cache (at national scale they take half a second to make)."""
    ds, settings = sources["generated"]
    cache = SnapshotCache(ds, settings)
    cache.prewarm(None, (), "zh", False)
    county = ds["zones"].get_column("county")[0]
    cache.views(None, (county,), "zh", False)
    cache.prewarm(None, (county,), "zh", False)

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("computed again")

    monkeypatch.setattr(assemble, "render_views", never)
    for year in ds.years:
        for lang in ("zh", "en"):
            cache.views(year, (), lang, False)
            cache.views(year, (county,), lang, False)
            assert cache.ready(year, (), lang, False) is not None  # what the console looks up first


def test_views_of_many_filters_stay_bounded(sources: dict[str, tuple[Dataset, Settings]]) -> None:
    ds, settings = sources["generated"]
    cache = SnapshotCache(ds, settings)
    counties = ds["zones"].get_column("county").unique(maintain_order=True).to_list()
    cache.views(2026, (counties[0],), "zh", False)
    cache.limit_bytes = 3 * cache.held()  # about three counties' views
    for county in counties:
        cache.views(2026, (county,), "zh", False)
    assert cache.held() <= cache.limit_bytes
    assert 1 < len(cache._views) < len(counties)
    assert cache.ready(2026, (counties[-1],), "zh", False) is not None  # the one on screen stays


def test_each_county_and_each_pair_of_neighbours_narrows_exactly(
    sources: dict[str, tuple[Dataset, Settings]],
) -> None:
    """Every year, every county alone and with the next one: the evaluation frames to the last digit
    (a cluster's projection once differed between the city and a filter: polars divided by a constant
    differently by row position)."""
    ds, settings = sources["embedded"]
    names = ds.counties()
    for year in ds.years:
        town = evaluate(ds, settings, year)
        for i, county in enumerate(names):
            for counties in ((county,), (county, names[(i + 1) % len(names)])):
                assert_same_evaluation(narrow(ds, town, counties), evaluate(ds, settings, year, counties))


def test_rankings_filtered_by_an_english_county_name_keep_its_zones(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``--county "Pingyu County"`` is the same filter as ``--county 平舆县`` (the ranks were filtered
    on the Chinese name only, so an English one left no zone)."""
    shown = []
    for county in ("平舆县", "Pingyu County"):
        assert main(["rankings", "--json", "--year", "2026", "--county", county]) == 0
        shown.append(json.loads(capsys.readouterr().out)["table"]["rows"])
    assert shown[0] and shown[1] == shown[0]


def test_a_narrowed_tables_widths_come_from_the_city_rows_already_measured(
    sources: dict[str, tuple[Dataset, Settings]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Measuring half the nation's rows again took most of a large filter's time: the widths of the
    city's rows are measured once and a filter's tables take the widest of their rows'."""
    from console.present import fit

    ds, settings = sources["generated"]
    cache = SnapshotCache(ds, settings)
    cache.views(2026, (), "en", False)
    measured: list[str] = []
    real = fit.cell_len
    with monkeypatch.context() as patch:
        patch.setattr(fit, "cell_len", lambda text: (measured.append(text), real(text))[1])
        _, views = cache.views(2026, tuple(ds.counties()[::2]), "en", False)
    rebuilt = [views.tables[name] for name in ("tasks", "indicators")]
    allowed = sum(len(v.rows) * len(v.columns) for v in rebuilt) + sum(
        len(v.columns) for v in views.tables.values()
    )
    assert len(measured) <= allowed  # the labels, and the cells of the tables made again only
    for name in ("zones", "clusters", "rankings"):
        view = views.tables[name]
        assert view.rows and fit.column_widths(view) == fit._measure(view, [c.label for c in view.columns])
