"""An indicator's drill-down says what its status is judged on (issue 11): the walk saw I05 上蔡 at 90.7
'落后' beside 遂平 at 81.1 '符合进度' with nothing to say why. Each zone's base, progress from it and the
progress due by now are shown, and the status follows from them as the facts row says."""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
import pytest

from console.core.config import load_settings
from console.data.dataset import Dataset
from console.engine.evaluation import Evaluation, evaluate
from console.present.drilldown import indicator_detail
from console.present.drilldown_views import indicator_facts_view, indicator_zones_view
from console.present.formatter import Formatter
from tests.support.language_walk import chinese_runs, english_words

YEAR = 2026


@pytest.fixture(scope="module")
def evaluation(dataset: Dataset, data_dir: Path) -> Evaluation:
    return evaluate(dataset, load_settings(data_dir=data_dir), YEAR)


def _zone_scoped(ev: Evaluation) -> list[str]:
    judged = ev.zone_indicators.filter(pl.col("status").is_in(["on_pace", "behind"]))
    return sorted(set(judged.get_column("indicator").to_list()))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_zone_shows_its_base_progress_and_progress_due(dataset, evaluation, lang: str) -> None:
    codes = _zone_scoped(evaluation)
    assert codes, "the sample data should judge zone-scoped indicators by their progress"
    f = Formatter(lang)
    for code in codes:
        d = indicator_detail(dataset, evaluation, code)
        view = indicator_zones_view(d, lang, False)
        keys = [c.key for c in view.columns]
        for z, row in zip(d.zones, view.rows, strict=True):
            cell = dict(zip(keys, row.cells, strict=True))
            engine = evaluation.zone_indicators.filter(
                (pl.col("indicator") == code) & (pl.col("zone") == z["zone"])
            ).row(0, named=True)
            assert cell["baseline"].text == f.number(engine["baseline"])
            assert cell["progress"].text == f.share(engine["progress"])
            assert cell["expected"].text == f.share(engine["expected"])
            if engine["status"] in ("on_pace", "behind"):  # the status follows from the two shares shown
                assert (engine["progress"] >= engine["expected"]) == (engine["status"] == "on_pace")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_facts_say_what_the_status_is_judged_on(dataset, evaluation, lang: str) -> None:
    for code in evaluation.indicators.get_column("indicator").to_list():
        d = indicator_detail(dataset, evaluation, code)
        facts = {r.key: r.cells[1].text for r in indicator_facts_view(d, lang, False).rows}
        basis = facts["basis"]
        i = d.indicator
        if i["standing_aim"]:  # never due (issue 20): no pace to compare with
            assert ("长期目标" if lang == "zh" else "standing aim") in basis, basis
        elif i["progress"] is not None or d.zones:
            assert ("基期" if lang == "zh" else "base") in basis, basis
            assert Formatter(lang).share(i["expected"]) in basis, basis
        if lang == "zh":
            assert not english_words(re.sub(r"[<>=]+", " ", basis)), basis
        else:
            assert not chinese_runs(basis), basis
