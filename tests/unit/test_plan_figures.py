"""Every target the console ships, pinned one by one against the plan's text (annexes 1-3, sections 二-三)."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from console.cli import main
from tests.support.paths import PLAN_TEXT, REPO

ZONES = [
    # full name, short name, county
    ("驻马店市高新技术产业开发区", "高新区", "高新区"),
    ("驻马店经济技术开发区", "经开区", "驿城区"),
    ("遂平县开发区", "遂平", "遂平县"),
    ("西平县开发区", "西平", "西平县"),
    ("上蔡县开发区", "上蔡", "上蔡县"),
    ("汝南县开发区", "汝南", "汝南县"),
    ("平舆县开发区", "平舆", "平舆县"),
    ("新蔡县开发区", "新蔡", "新蔡县"),
    ("正阳县开发区", "正阳", "正阳县"),
    ("确山县开发区", "确山", "确山县"),
    ("泌阳县开发区", "泌阳", "泌阳县"),
]

# Annex 2, read cell by cell: short name -> {year: (star target, tier target)}; None = no star target.
ANNEX2 = {
    "高新区": {2024: (2, 2), 2025: (3, 1), 2026: (3, 1)},
    "经开区": {2024: (1, 3), 2025: (2, 2), 2026: (2, 2)},
    "遂平": {2024: (2, 2), 2025: (2, 2), 2026: (2, 2)},
    "西平": {2024: (None, 3), 2025: (1, 3), 2026: (1, 3)},
    "上蔡": {2024: (None, 3), 2025: (None, 3), 2026: (1, 3)},
    "汝南": {2024: (None, 3), 2025: (1, 3), 2026: (1, 3)},
    "平舆": {2024: (1, 3), 2025: (1, 3), 2026: (2, 2)},
    "新蔡": {2024: (None, 3), 2025: (1, 3), 2026: (1, 3)},
    "正阳": {2024: (1, 3), 2025: (1, 3), 2026: (2, 2)},
    "确山": {2024: (None, 3), 2025: (None, 3), 2026: (1, 3)},
    "泌阳": {2024: (None, 3), 2025: (1, 3), 2026: (1, 3)},
}

# Annex 3: (short name, industry) -> revenue targets 2024, 2025, 2026 in 亿元.
ANNEX3 = {
    ("高新区", "化工"): (120, 145, 170),
    ("高新区", "生物医药"): (90, 100, 110),
    ("经开区", "装备制造"): (100, 120, 140),
    ("经开区", "食品"): (50, 55, 65),
    ("遂平", "食品"): (160, 168, 175),
    ("西平", "智能装备"): (25, 30, 35),
    ("西平", "服装"): (10, 13, 20),
    ("上蔡", "农副产品"): (39, 45, 50),
    ("汝南", "装备制造"): (30, 55, 80),
    ("平舆", "皮革皮具"): (60, 70, 90),
    ("平舆", "户外休闲"): (25, 35, 50),
    ("新蔡", "食品药品"): (12, 20, 30),
    ("新蔡", "智能装备"): (6, 9, 15),
    ("正阳", "食品"): (56, 77, 100),
    ("确山", "建材"): (18, 20, 25),
    ("泌阳", "电子电器"): (10, 15, 25),
    ("泌阳", "食品"): (42, 46, 65),
}

# Annex 1: task -> (section, title, lead units, participating units).
ANNEX1 = {
    1: ("二", "做强特色主导产业", "市发改委", "市商务局、工信局、自然资源和规划局、生态环境局"),
    2: ("二", "引育龙头企业", "市商务局", "市工信局"),
    3: ("二", "培育链主企业", "市工信局", "市政府办（金融）、市科技局、商务局"),
    4: ("二", "加快项目建设", "市发改委", "市商务局、自然资源和规划局、生态环境局"),
    5: ("三", "集聚创新要素", "市科技局", "市发改委、工信局、市场监管局、财政局"),
    6: ("三", "壮大人才队伍", "市委人才办、人社局", "市科技局、工信局、教育局、公安局"),
    7: ("三", "加强产学研协同", "市科技局", "市工信局、教育局、发改委"),
    8: ("三", "培育新兴产业和未来产业", "市工信局", "市科技局、发改委、市政府办（金融）、市场监管局"),
    9: ("四", "加快数字基础设施建设", "市工信局", "市通信管理办"),
    10: ("四", "推动制造业智能化转型", "市工信局", "市通信管理办"),
    11: ("四", "提升行业数字化水平", "市工信局", "市通信管理办"),
    12: ("五", "优化开发区规划布局", "市自然资源和规划局", "市发改委、生态环境局、工信局、商务局"),
    13: ("五", "推进工业用地“标准地”出让", "市自然资源和规划局", "市住建局、财政局、税务局"),
    14: ("五", "提高土地利用效率", "市自然资源和规划局", "市住建局"),
    15: ("五", "提升绿色发展水平", "市发改委、生态环境局、工信局", "市住建局、城管局、科技局"),
    16: ("六", "强化组织领导", "市发改委", "市科技局、工信局、自然资源和规划局"),
    17: ("六", "强化日常调度", "市发改委", "市科技局、工信局、自然资源和规划局"),
    18: ("六", "强化考核激励", "市委组织部、市发改委", "市直有关单位"),
}

# Quantified targets of sections 二 and 三: indicator -> (comparison, target, target year, scope, unit).
INDICATORS = {
    "I01": (">=", 1500, 2026, "city", "亿元"),
    "I02": (">=", 180, 2026, "city", "家"),
    "I03": (">=", 310, 2026, "city", "家"),
    "I04": (">=", 100, 2026, "city", "%"),
    "I05": (">=", 100, 2026, "each_zone", "%"),
    "I06": (">=", 11, 2026, "city", "个"),
    "I07": (">=", 2, None, "each_zone_each_year", "个"),
    # I08, I13, I17: no year governs these words, so they are standing aims. "全市引进1个50亿元以上的龙头型、
    # 基地型项目" (三(一)2) names no year; in "…实现年均主导产业投资增速高于全市工业投资增速，2026年主导产业投资占…"
    # (三(一)4) and "加快推动开发区规模以上企业研发活动全覆盖，力争2026年…零突破" (三(二)3) 2026 opens the next clause.
    "I08": (">=", 1, None, "city", "个"),
    "I09": (">=", 10, None, "each_zone_each_year", "个"),
    "I10": (">=", 1, 2026, "each_zone", "家"),
    "I11": (">=", 1, 2026, "each_zone", "家"),
    "I12": (">=", 4, 2026, "city", "家"),
    "I13": (">", 0, None, "relative", "百分点"),
    "I14": (">", 70, 2026, "city", "%"),
    "I15": (">", 0, 2026, "relative", "百分点"),
    "I16": ("<", 0, 2026, "relative", "百分点"),
    "I17": (">=", 100, None, "city", "%"),
    "I18": (">=", 200, 2026, "city", "个"),
    "I19": (">=", 1, 2026, "city", "个"),
    "I20": (">=", 5, 2026, "city", "家"),
    "I21": (">=", 50, 2026, "city", "家"),
    "I22": (">=", 30, 2026, "city", "家"),
    "I23": (">=", 2, 2026, "city", "家"),
    "I24": (">=", 10, 2026, "city", "个"),
    "I25": (">=", 5, 2026, "city", "个"),
    "I26": (">=", 15, 2026, "city", "家"),
    "I27": (">=", 35, 2026, "city", "家"),
    "I28": (">=", 5, 2026, "city", "个"),
    "I29": (">=", 100, 2026, "city", "%"),
    "I30": (">=", 100, 2026, "relative", "%"),
    "I31": (">=", 50, 2026, "relative", "%"),
    "I32": (">=", 25, 2026, "city", "家"),
    "I33": (">=", 1, 2026, "city", "个"),
    "I34": (">=", 4, 2026, "city", "家"),
}

# Section 二(二): the city-wide counts the text states, (figure, year, level) -> count.
STATED = {
    ("tier_count", 2024, "二档"): 2,
    ("tier_count", 2024, "三档"): 9,
    ("star_count", 2024, "一星"): 2,
    ("star_count", 2024, "二星"): 2,
    ("tier_count", 2025, "一档"): 1,
    ("tier_count", 2025, "二档"): 2,
    ("tier_count", 2025, "三档"): 8,
    ("star_count", 2025, "一星"): 6,
    ("star_count", 2025, "二星"): 2,
    ("star_count", 2025, "三星"): 1,
    ("tier_count", 2026, "一档"): 1,
    ("tier_count", 2026, "二档"): 4,
    ("tier_count", 2026, "三档"): 6,
    ("star_count", 2026, "一星"): 6,
    ("star_count", 2026, "二星"): 4,
    ("star_count", 2026, "三星"): 1,
    ("revenue_total", 2026, None): 1500,
    ("clusters_over_50", 2026, None): 11,
    ("specialised_firms", 2026, None): 180,
    ("high_tech_firms", 2026, None): 310,
}

PLAN = PLAN_TEXT.read_text(encoding="utf-8")
PLAN_FLAT = PLAN.replace("\n", "")


def _status_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["status", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_plan_copy_is_the_shared_text() -> None:
    shared = REPO.parent / "shared" / "plan" / "plan-2024-2026.zh.txt"
    if not shared.is_file():
        pytest.skip("../shared/plan is not beside this checkout")
    assert shared.read_bytes() == PLAN_TEXT.read_bytes()


def test_zones_are_the_eleven_of_annex_2(dataset) -> None:
    rows = dataset["zones"].select("zone", "short_name", "county").rows()
    assert rows == ZONES
    for zone, _, _ in ZONES[2:]:
        assert zone[:3] in PLAN  # 遂平县 … 泌阳县 appear in annex 2's header


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_status_json_gives_every_zone_target_of_annex_2(year: int, capsys) -> None:
    report = _status_json(capsys, "--year", str(year))
    got = {z["short_name"]: (z["star_target"], z["tier_target"]) for z in report["zones"]}
    assert got == {short: years[year] for short, years in ANNEX2.items()}
    full = {z["short_name"]: z["zone"] for z in report["zones"]}
    assert full == {short: zone for zone, short, _ in ZONES}


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_status_json_gives_every_cluster_target_of_annex_3(year: int, capsys) -> None:
    report = _status_json(capsys, "--year", str(year))
    got = {(c["short_name"], c["industry"]): c["target"] for c in report["clusters"]}
    index = year - 2024
    assert got == {key: float(values[index]) for key, values in ANNEX3.items()}


def test_annex_3_yearly_totals(dataset) -> None:
    totals = dict(dataset["cluster_targets"].group_by("year").agg(pl.col("revenue_target").sum()).rows())
    assert totals == {2024: 853.0, 2025: 1023.0, 2026: 1245.0}


def test_annex_1_tasks(dataset) -> None:
    tasks = dataset["tasks"]
    got = {
        t: (s, ti, lead, part)
        for t, s, ti, lead, part in tasks.select(
            "task", "section", "title", "lead_units", "participating_units"
        ).rows()
    }
    assert got == ANNEX1
    sections = dataset["sections"].select("section", "title", "lead_units").rows()
    assert sections == [
        ("一", "统筹协调推进开发区高质量发展", "市发改委"),
        ("二", "开发区链群培育", "市发改委"),
        ("三", "开发区协同创新", "市科技局"),
        ("四", "开发区数字化转型", "市工信局"),
        ("五", "开发区绿色集约发展", "市自然资源和规划局"),
        ("六", "保障措施", None),
    ]


def test_each_task_quotes_its_measure_from_the_plan(dataset) -> None:
    rows = dataset["tasks"].select("task", "title", "measure_ref", "measure", "responsible_units").rows()
    for task, title, _ref, measure, units in rows:
        assert measure.startswith(title), task  # 1.做强特色主导产业。… / （一）强化组织领导。…
        assert measure in PLAN_FLAT, task
        assert f"责任单位：{units}" in PLAN_FLAT.replace("责任单位 ：", "责任单位："), task
    assert [r[2] for r in rows] == [
        *(
            f"三({s}){n}"
            for s, count in (("一", 4), ("二", 4), ("三", 3), ("四", 4))
            for n in range(1, count + 1)
        ),
        "四(一)",
        "四(二)",
        "四(三)",
    ]


def test_every_quantified_target_is_an_indicator(dataset) -> None:
    rows = (
        dataset["indicators"]
        .select("indicator", "comparison", "target", "target_year", "scope", "unit")
        .rows()
    )
    got = {code: (cmp, target, year, scope, unit) for code, cmp, target, year, scope, unit in rows}
    assert got == INDICATORS
    for code, text in dataset["indicators"].select("indicator", "text").rows():
        assert text in PLAN_FLAT, code  # the plan's own words for each target


def test_indicators_belong_to_known_tasks_and_sections(dataset) -> None:
    tasks = set(dataset["tasks"].get_column("task"))
    sections = set(dataset["sections"].get_column("section"))
    for code, task, section in dataset["indicators"].select("indicator", "task", "section").rows():
        assert section in sections, code
        assert task is None or task in tasks, code
    assert dataset["indicators"].filter(pl.col("task").is_null()).get_column("indicator").to_list() == ["I01"]


def test_stated_summary_figures(dataset) -> None:
    rows = dataset["plan_figures"].select("figure", "year", "level", "stated", "text").rows()
    assert {(f, y, lv): v for f, y, lv, v, _ in rows} == STATED
    for *_, text in rows:
        assert text in PLAN_FLAT


def test_data_dictionary_documents_every_table_and_column() -> None:
    from console.data.schema import TABLES

    readme = (REPO / "data" / "README.md").read_text(encoding="utf-8")
    for table in TABLES:
        assert f"`{table.name}`" in readme, table.name
        for column in table.column_names:
            assert f"`{column}`" in readme, f"{table.name}.{column}"


def test_embedded_tables_open_in_excel_as_utf8(data_dir: Path) -> None:
    for path in data_dir.glob("*.csv"):
        assert path.read_bytes().startswith(b"\xef\xbb\xbf"), path.name  # BOM: Excel reads UTF-8
