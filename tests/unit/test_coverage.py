"""Figures right for the data shown: the plan's city-wide targets are Zhumadian's, so a dataset of other
zones (a province, the nation) either brings targets of its own or shows none; scope words (全市/全省/
全国) follow the data. One function (console.engine.coverage) decides for every surface."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import polars as pl
import pytest
import tomli_w

from console.cli import main
from console.data.errors import DataInvalid
from console.data.loader import load_dataset
from console.engine.coverage import area_for, coverage
from console.engine.evaluation import evaluate
from console.outputs.bulletin import build_bulletin, render_markdown
from console.present.assemble import compute, render_views
from console.present.headings import goals_heading
from console.present.views import overview_view

NATION = 400  # more zones than a province holds: read as the nation (quick to generate)


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("nation") / "data"
    assert main(["generate", "--zones", str(NATION), "--out", str(out)]) == 0
    return out


def _without_own_targets(src: Path, dest: Path) -> Path:
    """The same zones with the plan's (Zhumadian's) indicator targets and a manifest that says nothing
    of its scope: what an older generator, or a hand-made national set, gives."""
    import shutil

    shutil.copytree(src, dest)
    manifest = tomllib.loads((dest / "manifest.toml").read_text(encoding="utf-8"))
    for key in ("area", "ranked_in", "targets"):
        manifest.pop(key, None)
    (dest / "manifest.toml").write_text(tomli_w.dumps(manifest), encoding="utf-8")
    plan = Path(__file__).resolve().parents[2] / "data" / "indicators.csv"
    shutil.copyfile(plan, dest / "indicators.csv")
    return dest


def test_the_plans_own_data_is_a_city_under_the_plans_targets(dataset) -> None:
    cov = coverage(dataset)
    assert (cov.area, cov.ranked_in, cov.area_targets_apply) == ("city", "province", True)
    assert area_for(11) == "city" and area_for(184) == "province" and area_for(2543) == "nation"


def test_a_national_set_has_its_own_targets_and_national_words(national: Path, settings, capsys) -> None:
    ds = load_dataset(national)
    cov = coverage(ds)
    assert (cov.area, cov.ranked_in, cov.own_targets) == ("nation", "nation", True)
    over_50 = ds["cluster_targets"].filter((pl.col("year") == 2026) & (pl.col("revenue_target") >= 50)).height
    views = render_views(compute(ds, settings, 2026, ()), "zh", False)
    goals = {g.code: g for g in views.overview.goals}
    # The walk saw 2,560 / 11 个, 23273%: the target is the set's own clusters targeted at 50 亿元.
    assert goals["I06"].target == over_50 > 11
    assert all(g.ratio is None or g.ratio < 3 for g in goals.values()), goals
    ranking = views.tables["rankings"]
    headings = [f.label for c in ranking.columns for f in c.fields]
    assert "全国名次" in headings and "全国档内排名" in headings and "全省档内排名" not in headings
    bulletin = render_markdown(build_bulletin(ds, settings, "2026-10", "zh"))
    assert f"全国{NATION}个开发区中" in bulletin and "全市" not in bulletin.split("## ")[1]
    assert "全国档内排名" in bulletin and "全省档内排名" not in bulletin


def test_other_zones_under_the_plans_targets_show_no_target(
    national: Path, tmp_path: Path, settings, capsys
) -> None:
    ds = load_dataset(_without_own_targets(national, tmp_path / "old"))
    assert coverage(ds).area == "nation" and not coverage(ds).area_targets_apply
    ev = evaluate(ds, settings, 2026)
    i06 = ev.indicators.filter(pl.col("indicator") == "I06").row(0, named=True)
    assert i06["latest"] > 11 and i06["target"] is None and i06["status"] == "no_target"
    assert i06["progress"] is None
    # Per-zone rules still apply to every zone.
    assert ev.indicators.filter(pl.col("scope") == "each_zone_each_year")["target"].null_count() == 0
    for lang, words in (("zh", "本数据无目标"), ("en", "no target for this data")):
        views = render_views(compute(ds, settings, 2026, ()), lang, False)
        assert all(g.target is None and g.ratio is None for g in views.overview.goals)
        assert words in goals_heading(views.overview, lang)
        exported = overview_view(views.overview, lang, False)
        shares = [row.cells[5].values[0] for row in exported.rows]
        assert not any(share and share > 3 for share in shares)
    # The CLI reads the same evaluation.
    assert main(["--data", str(ds.source), "status", "--json", "--year", "2026"]) == 0
    report = json.loads(capsys.readouterr().out)
    cli_i06 = next(i for i in report["indicators"] if i["indicator"] == "I06")
    assert (cli_i06["target"], cli_i06["status"]) == (None, "no_target")
    assert (report["area"], report["area_targets"]) == ("nation", False)
    assert main(["--data", str(ds.source), "status", "--year", "2026"]) == 0
    text = capsys.readouterr().out
    line = next(line for line in text.splitlines() if "I06" in line)
    assert "无目标" in line and ">=" not in line
    # The bulletin lists no indicator as lagging against a target the data does not have.
    bulletin = render_markdown(build_bulletin(ds, settings, "2026-10", "zh"))
    assert "营业收入超50亿元的主导产业集群" not in bulletin


def test_a_manifest_scope_of_an_unknown_kind_is_named(data_copy: Path) -> None:
    manifest = data_copy / "manifest.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + 'area = "galaxy"\n', encoding="utf-8")
    with pytest.raises(DataInvalid) as caught:
        load_dataset(data_copy)
    message = " ".join(str(e) for e in caught.value.errors)
    assert "manifest.toml" in message and "area" in message and "city, province, nation" in message
    # Told in the reader's language like every other problem (it read "expected one of" in Chinese too).
    zh = " ".join(e.text("zh") for e in caught.value.errors)
    en = " ".join(e.text("en") for e in caught.value.errors)
    assert "应为以下之一：city, province, nation" in zh and "expected" not in zh
    assert "expected one of city, province, nation" in en


def test_the_indicator_drill_down_says_no_target_and_the_area(
    national: Path, tmp_path: Path, settings
) -> None:
    from console.present.drilldown import indicator_detail
    from console.present.drilldown_views import indicator_facts_view

    for ds, target_words, scope_word in (
        (load_dataset(_without_own_targets(national, tmp_path / "old")), "本数据无目标", "全国"),
        (load_dataset(national), ">=", "全国"),
    ):
        ev = evaluate(ds, settings, 2026)
        facts = indicator_facts_view(indicator_detail(ds, ev, "I06"), "zh", False)
        cells = {row.key: row.cells[1].text for row in facts.rows}
        assert target_words in cells["target"] and "—" not in cells["target"].split()[0]
        assert cells["scope"] == scope_word


def test_drill_downs_name_the_datas_rank_pool_and_area(national: Path, settings) -> None:
    from console.present.drilldown import task_indicators, zone_detail
    from widgets.drilldown_panel import Blocks

    ds = load_dataset(national)
    zone = ds["assessments"].get_column("zone")[0]
    content = Blocks("zh", False, None).zone(zone_detail(ds, settings, zone, 2025), 2025)
    titles = [title for _, title in content.charts]
    assert "全国考核综合得分" in titles and any(t.startswith("全国档内排名") for t in titles)
    assert not any("全省" in t for t in titles)
    ev = evaluate(ds, settings, 2026)
    task = ev.tasks.row(0, named=True)
    own, values = task_indicators(ds, ev.indicators, task["task"])
    history = Blocks("zh", False, None).task(task, own, values, ev.coverage.area).before[1]
    assert "全国或各区合计" in str(history.title)


@pytest.mark.parametrize("targets", [None, "plan", "own"])
@pytest.mark.parametrize("area", [None, "city", "province", "nation"])
def test_every_manifest_scope_decides_the_targets_and_the_words(dataset, settings, area, targets) -> None:
    """Every combination of the manifest's keys, on the plan's own zones: the area-wide targets apply
    exactly when the area is a city or the targets are the data's own, and the words follow the area."""
    from dataclasses import replace

    from console.data.dataset import Dataset
    from console.present.views import overview, rankings_view

    extra = {k: v for k, v in (("area", area), ("targets", targets)) if v is not None}
    ds = Dataset(dataset.source, replace(dataset.manifest, extra=extra), dataset.tables)
    applies = (area in (None, "city")) or targets == "own"
    ev = evaluate(ds, settings, 2026)
    area_wide = ev.indicators.filter(pl.col("scope").is_in(["city", "relative"]))
    assert (area_wide["target"].null_count() == 0) == applies
    assert (area_wide["status"] == "no_target").all() != applies
    goals = overview(ev, ds["plan_figures"], "zh", False).goals
    assert any(g.ratio is not None for g in goals) == applies
    word = {None: "全市", "city": "全市", "province": "全省", "nation": "全国"}[area]
    pool = "全国" if area == "nation" else "全省"
    headings = [
        f.label for c in rankings_view(pl.DataFrame(), "zh", False, ev.coverage).columns for f in c.fields
    ]
    assert f"{word}名次" in headings and f"{pool}档内排名" in headings


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_sample_notice_says_whose_targets_these_are(
    national: Path, data_dir: Path, tmp_path: Path, lang: str, capsys
) -> None:
    """The sample notice said 目标取自方案原文 (targets come from the plan) on a generated set, whose
    targets are generated too: the CLI, the Markdown export and the drill-downs now say what is true."""
    plans = "目标取自方案原文" if lang == "zh" else "Targets come from the plan"
    generated = (
        "目标与进度数据均按固定种子生成" if lang == "zh" else "Targets and progress data are generated"
    )
    for data, says, never in ((national, generated, plans), (data_dir, plans, generated)):
        for command in (["status"], ["rankings"]):
            assert main(["--data", str(data), "--lang", lang, *command]) == 0
            out = capsys.readouterr().out
            assert says.lower() in out.lower() and never.lower() not in out.lower(), (data, command)
        out = tmp_path / f"{data is national}.md"
        export = ["export", "--view", "zones", "--format", "md", "--out", str(out)]
        assert main(["--data", str(data), "--lang", lang, *export]) == 0
        capsys.readouterr()
        markdown = out.read_text(encoding="utf-8")
        assert says.lower() in markdown.lower() and never.lower() not in markdown.lower(), data


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_national_overview_does_not_call_its_targets_the_plans_annex(
    national: Path, dataset, settings, lang: str
) -> None:
    """A national set's overview headed its zone counts '附件2目标数' (the Zhumadian plan's annex 2)."""
    import io

    from rich.console import Console

    from widgets.overview import render_overview

    annex = "附件2" if lang == "zh" else "annex 2"

    def overview_text(ds) -> str:
        views = render_views(compute(ds, settings, None, ()), lang, False)
        out = Console(width=160, file=io.StringIO(), record=True, color_system=None)
        out.print(render_overview(views.overview, lang, False, views.header.year, width=160))
        return out.export_text()

    assert annex in overview_text(dataset)  # the plan's own city: its annex 2
    assert annex not in overview_text(load_dataset(national))
