"""The console answers a year, language or county filter chosen before at once (issue 11, point 7): the
new screen is drawn without a worker, the prewarm gives way to what the user asks for, and a result
computed for a choice the user has since left is never shown over the newer one."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from console.tui import workers
from tests.support.app import make_app, ready, rows


async def test_a_filter_chosen_before_is_drawn_without_a_worker(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        await pilot.press("2", "c", "down", "down", "space", "enter")  # 遂平县: computed in a worker
        await ready(pilot)
        await pilot.press("c", "down", "down", "space", "enter")  # off again: the city, made before
        await ready(pilot)
        started = []
        real = workers.reevaluate
        monkeypatch.setattr(workers, "reevaluate", lambda *a: (started.append(a), real(*a)))
        await pilot.press("c", "down", "down", "space", "enter")  # 遂平县 again
        assert [r[1] for r in rows(app, "zones")] == ["遂平"]  # drawn as the dialog closed
        assert app.views is not None and app.views.header.counties == ("遂平县",)
        await pilot.press("l")  # and its other language, prewarmed meanwhile or made now
        await ready(pilot)
        await pilot.press("l")  # back: made before
        assert [r[1] for r in rows(app, "zones")] == ["遂平"] and app.state.lang == "zh"
        assert len(started) <= 1  # only the first `l` may have needed a worker


async def test_the_prewarm_gives_way_to_the_users_choice(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(160, 48)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        prewarm = [w for w in app.workers if w.group == "prewarm"]
        assert prewarm  # started after the first screen, waiting a moment before it computes
        app.state.set_counties(("正阳县",))
        app.reevaluate()  # a choice not made before: the worker computes it, the prewarm stops
        assert all(w.is_cancelled for w in prewarm)
        await pilot.pause()  # the cancelled worker leaves the app's list
        await ready(pilot)
        assert app.views is not None and app.views.header.counties == ("正阳县",)


async def test_a_result_for_a_choice_since_changed_is_dropped(data_dir: Path) -> None:
    """A worker's result that arrives after the user moved on (and the newer choice was shown from
    the cache) does not replace the screen."""
    from console.tui.messages import DataLoaded

    app = make_app(data_dir)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        assert app.snapshots is not None and app.views is not None
        older = app.choice()
        snap, views = app.snapshots.views(older.year, ("正阳县",), older.lang, older.ascii_only, older.unit)
        late = DataLoaded(app.snapshots.dataset, snap, views, choice=replace(older, counties=("正阳县",)))
        shown = app.views
        app.on_data_loaded(late)  # the user's choice is still the whole city
        assert app.views is shown and app.state.counties == ()
        app.state.set_counties(("正阳县",))
        app.on_data_loaded(late)  # once it is the choice, it is shown
        assert app.views is views
        await pilot.pause()
        assert {r[1] for r in rows(app, "zones")} == {"正阳"}
