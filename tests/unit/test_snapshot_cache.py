"""The snapshot cache: a year, filter or language chosen again (or prewarmed) shows exactly what a fresh
evaluation shows, whatever the order of the choices; failures are not cached; threads share the work."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from console.core.config import Settings
from console.data.dataset import Dataset
from console.engine.evaluation import UnknownChoice
from console.present import assemble
from console.present.assemble import compute, render_views
from console.present.snapshot_cache import SnapshotCache
from console.present.viewmodel import Views

COUNTY_CHOICES = ((), ("平舆县",), ("平舆县", "正阳县"), ("正阳县",))
Choice = tuple[int | None, tuple[str, ...], str, bool, str]

_fresh: dict[Choice, Views] = {}


def fresh(ds: Dataset, settings: Settings, choice: Choice) -> Views:
    """The views of ``choice`` computed from scratch, without any cache (memoised across examples)."""
    if choice not in _fresh:
        year, counties, lang, ascii_only, unit = choice
        _fresh[choice] = render_views(compute(ds, settings, year, counties), lang, ascii_only, unit)
    return _fresh[choice]


def choices(years: list[int]) -> st.SearchStrategy[Choice]:
    return st.tuples(
        st.sampled_from([None, *years]),
        st.sampled_from(COUNTY_CHOICES),
        st.sampled_from(["zh", "en"]),
        st.booleans(),
        st.sampled_from(["", "市发改委"]),
    )


@pytest.fixture(scope="module")
def shared(dataset: Dataset, data_dir) -> tuple[Dataset, Settings]:  # type: ignore[no-untyped-def]
    from console.core.config import load_settings

    return dataset, load_settings(data_dir=data_dir)


def test_counties_exist(dataset: Dataset) -> None:
    """The filters drawn below are real counties of the embedded plan (else the test proves little)."""
    counties = set(dataset["zones"].get_column("county").to_list())
    assert {c for choice in COUNTY_CHOICES for c in choice} <= counties


@pytest.mark.slow
@hypothesis_settings(max_examples=12)
@given(data=st.data())
def test_any_sequence_of_choices_shows_what_a_fresh_evaluation_shows(
    shared: tuple[Dataset, Settings], data: st.DataObject
) -> None:
    ds, settings = shared
    cache = SnapshotCache(ds, settings, limit_bytes=1_000_000)  # a few sets, so that evictions happen too
    sequence = data.draw(st.lists(choices(ds.years), min_size=1, max_size=5), label="choices")
    for i, choice in enumerate(sequence):
        if data.draw(st.booleans(), label=f"prewarm before choice {i}"):
            cache.prewarm(*choice)
        year, counties, lang, ascii_only, unit = choice
        snap, views = cache.views(year, counties, lang, ascii_only, unit)
        assert views == fresh(ds, settings, choice)
        assert snap.evaluation.counties == tuple(counties)


def test_a_filter_reuses_the_city_evaluation_and_ranks_as_a_fresh_one(
    shared: tuple[Dataset, Settings],
) -> None:
    ds, settings = shared
    cache = SnapshotCache(ds, settings)
    whole = cache.snapshot(2025, ())
    filtered = cache.snapshot(2025, ("平舆县",))
    assert filtered.city is whole.evaluation  # not evaluated again
    reference = compute(ds, settings, 2025, ("平舆县",))
    assert filtered.ranked.equals(reference.ranked)
    assert filtered.ranked.height < whole.ranked.height  # ranks of the city, rows of the county


def test_prewarm_makes_the_next_year_and_language_ready(
    shared: tuple[Dataset, Settings], monkeypatch: pytest.MonkeyPatch
) -> None:
    ds, settings = shared
    cache = SnapshotCache(ds, settings)
    made = cache.prewarm(None, (), "zh", False)
    assert made == 2 * len(ds.years)

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("computed again")

    monkeypatch.setattr(assemble, "compute", never)
    monkeypatch.setattr(assemble, "render_views", never)
    for year in ds.years:
        for lang in ("zh", "en"):
            cache.views(year, (), lang, False)


def test_prewarm_stops_when_cancelled(shared: tuple[Dataset, Settings]) -> None:
    ds, settings = shared
    assert SnapshotCache(ds, settings).prewarm(None, (), "zh", False, cancelled=lambda: True) == 0


def test_a_failure_is_raised_and_not_remembered(
    shared: tuple[Dataset, Settings], monkeypatch: pytest.MonkeyPatch
) -> None:
    ds, settings = shared
    cache = SnapshotCache(ds, settings)
    with pytest.raises(UnknownChoice):
        cache.views(1999, (), "zh", False)
    real = assemble.render_views
    calls = []

    def flaky(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            raise OSError("disk")
        return real(*args, **kwargs)

    monkeypatch.setattr(assemble, "render_views", flaky)
    with pytest.raises(OSError):
        cache.views(None, (), "zh", False)
    _, views = cache.views(None, (), "zh", False)  # tried again, not the remembered failure
    assert views == fresh(ds, settings, (None, (), "zh", False, ""))


def test_threads_asking_at_once_share_one_computation(
    shared: tuple[Dataset, Settings], monkeypatch: pytest.MonkeyPatch
) -> None:
    ds, settings = shared
    cache = SnapshotCache(ds, settings)
    real = assemble.compute
    calls = []
    gate = threading.Event()

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        gate.wait(5)
        return real(*args, **kwargs)

    monkeypatch.setattr(assemble, "compute", slow)
    results: list[Views] = []
    threads = [
        threading.Thread(target=lambda: results.append(cache.views(2026, (), "zh", False)[1]))
        for _ in range(4)
    ]
    for t in threads:
        t.start()
    gate.set()
    for t in threads:
        t.join(10)
    assert len(calls) == 1 and len(results) == 4
    assert all(r is results[0] for r in results)


def test_widths_are_measured_in_the_worker_and_looked_up_after(
    shared: tuple[Dataset, Settings], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The table's natural widths come from a look-up once the cache made the views, and equal a
    fresh measurement for the views as shown (searched, sorted) too."""
    from console.present import fit

    ds, settings = shared
    _, views = SnapshotCache(ds, settings).views(2025, (), "en", False)
    zones = views.tables["zones"]
    expected = fit._measure(zones, [c.label for c in zones.columns])

    def unmeasured(text: str) -> int:
        raise AssertionError("measured again on the UI thread")

    with monkeypatch.context() as patch:
        patch.setattr(fit, "cell_len", unmeasured)
        assert fit.column_widths(zones.searched("").sorted_by(None)) == expected
    for shown in (zones.searched("Ping"), zones.sorted_by("zone", descending=True)):
        assert fit.column_widths(shown) == fit._measure(shown, [c.label for c in shown.columns])
        assert fit.column_widths(shown) == fit._measure(shown, [c.label for c in shown.columns])


@pytest.mark.parametrize(("year", "counties", "lang"), [(None, (), "zh"), (2025, ("平舆县",), "en")])
def test_the_first_screen_is_the_overview_of_the_full_views(
    shared: tuple[Dataset, Settings], year: int | None, counties: tuple[str, ...], lang: str
) -> None:
    """Drawn before the rankings and tables exist, it shows what the full views will show."""
    ds, settings = shared
    cache = SnapshotCache(ds, settings)
    first = cache.first_screen(year, counties, lang, False)
    full = fresh(ds, settings, (year, counties, lang, False, ""))
    assert first.header == full.header and first.overview == full.overview
    assert first.tables == {}
    snap, views = cache.views(year, counties, lang, False)
    assert snap.evaluation is cache.evaluation(year, counties)  # evaluated once for both
    assert views == full
