"""The overview's zones per tier and star: no heading or level cut while its line has room (60x20 English
read `Targ…`, `Resu…`, `1-s…` with six blank cells to spare), and its heading on one line at 80 columns."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console
from textual.widgets import Static

from console.core.config import load_settings
from console.data.dataset import Dataset
from console.present.assemble import compute, render_views
from console.tui.app import DevZonesApp
from tests.support.waiting import until
from widgets.overview import render_counts


def table_words(lang: str, overview) -> list[str]:  # type: ignore[no-untyped-def]
    from console.present.labels import text

    plan = () if overview.counties else ("counts_plan",)  # the plan's counts are city-wide
    heads = [text(k, lang) for k in ("counts_tier", "counts_star", *plan, "counts_target", "counts_result")]
    return heads + [line.level for line in (*overview.tiers, *overview.stars)]


def drawn(overview, lang: str, width: int) -> list[str]:  # type: ignore[no-untyped-def]
    from console.present.formatter import Formatter

    out = Console(width=width, file=io.StringIO(), record=True, color_system=None)
    out.print(render_counts(overview, Formatter(lang), False, width))
    return out.export_text().splitlines()


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("counties", [(), ("平舆县", "正阳县")])
def test_no_heading_or_level_is_cut_while_the_line_has_room(dataset: Dataset, lang: str, counties) -> None:  # type: ignore[no-untyped-def]
    views = render_views(compute(dataset, load_settings(), None, counties), lang, False)
    overview = views.overview
    for width in range(30, 121):
        lines = drawn(overview, lang, width)
        widest = max(cell_len(line.rstrip()) for line in lines)
        text = "\n".join(lines)
        cut = [w for w in table_words(lang, overview) if w not in text]
        if cut:  # only when there is no room left for it
            assert widest >= width - 1, (width, cut, lines)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_the_tiers_and_stars_table_on_screen_is_whole(
    data_dir: Path, lang: str, size: tuple[int, int]
) -> None:
    app = DevZonesApp(load_settings(data_dir=data_dir, lang=lang), use_cache=False)
    async with app.run_test(size=size) as pilot:
        body = app.screen.query_one("#overview-body", Static)
        await until(pilot, lambda: app.views is not None and body.region.height > 0)
        lines = [body.render_line(y).text for y in range(body.region.height)]
        text = "\n".join(lines)
        assert app.views is not None
        for word in table_words(lang, app.views.overview):
            assert word in text, (word, lines)
        assert "…" not in "\n".join(
            line for line in lines if any(w in line for w in table_words(lang, app.views.overview))
        )
        if size[0] >= 80:  # the heading on one line
            from console.present.labels import text as label

            head = next(line for line in lines if line.startswith(label("counts_tier", lang) + " "))
            title = lines[lines.index(head) - 1]
            assert title.rstrip().endswith("）" if lang == "zh" else ")"), lines
