"""Every target traced to its sentence: a walk of data/indicators.csv against data/source/.

Each row's ``source`` names a part of the plan (``二(一)``, ``三(一)``, ``三(一)2`` …); its ``text``
must stand in that part, and within it the target's value, unit and comparison must be stated, and
its due year must be the one governing that sentence up to the target (``到2026年，…``). A year
stated only after the target governs a later clause, not this one; a year after 较 is a base year.
Where no year governs, the target has none (empty ``target_year``): a standing aim.
"""

from __future__ import annotations

import re

import polars as pl
import pytest

from tests.support.paths import PLAN_TEXT

TOP = re.compile(r"^([一二三四五六])、")
SUB = re.compile(r"^（([一二三四五六])）")
MEASURE = re.compile(r"^(\d+)\.")

# The plan's words for a target that carries no figure of its own: words -> (value, unit, comparison).
PHRASES = {
    "全覆盖": (100.0, "%", ">="),
    "零突破": (1.0, "个", ">="),  # from none to at least one (zones, counted in 个)
    "完成省定目标": (100.0, "%", ">="),
    "达到全省开发区工业项目土地税收指标推荐值": (100.0, "%", ">="),
    "高于全市工业投资增速": (0.0, "百分点", ">"),  # relative: the margin over the other series
    "超过全省平均水平": (0.0, "百分点", ">"),
    "进一步缩小": (0.0, "百分点", "<"),  # the gap, against 2023, is smaller
}
ABOVE = ("超过", "高于", "超")


def plan_parts() -> dict[str, str]:
    """The plan's sections 二-四 by reference (二(一), 三(一), 三(一)2 …), each flattened to one line."""
    parts: dict[str, list[str]] = {}
    top = sub = key = None
    for line in PLAN_TEXT.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("附件"):
            break
        if m := TOP.match(line):
            top, sub, key = m.group(1), None, m.group(1)
        elif (m := SUB.match(line)) and top:
            sub, key = m.group(1), f"{top}({m.group(1)})"
        elif (m := MEASURE.match(line)) and sub:
            key = f"{top}({sub}){m.group(1)}"
        if key:
            parts.setdefault(key, []).append(line)
    return {k: "".join(v) for k, v in parts.items()}


PARTS = plan_parts()


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def stated_target(text: str, target: float, unit: str) -> str | None:
    """The comparison the words give for ``target`` in ``unit``, or None if they do not state it."""
    for m in re.finditer(rf"(?<![\d.]){re.escape(_number(target))}{re.escape(unit)}", text):
        before = text[: m.start()]
        return ">" if before.endswith(ABOVE) else ">="
    for words, (value, words_unit, comparison) in PHRASES.items():
        if words in text and (value, words_unit) == (target, unit):
            return comparison
    return None


def governing_year(sentence_to_target: str) -> int | None:
    """The due year stated in the sentence before (or within) the target; a year after 较 is a base."""
    years = [int(m.group(1)) for m in re.finditer(r"(?<!较)(20\d\d)年", sentence_to_target)]
    return years[-1] if years else None


ROWS = pl.read_csv(PLAN_TEXT.parent.parent / "indicators.csv", infer_schema_length=0).to_dicts()


def test_the_plan_parts_are_found() -> None:
    assert {"二(一)", "三(一)", "三(一)1", "三(一)4", "三(二)4", "三(三)3", "三(四)4", "四(三)"} <= set(PARTS)
    assert len(ROWS) == 34


@pytest.mark.parametrize("row", ROWS, ids=[r["indicator"] for r in ROWS])
def test_each_indicator_is_stated_in_its_sentence(row: dict[str, str | None]) -> None:
    code, source, text = row["indicator"], row["source"], row["text"]
    assert source in PARTS, f"{code}: no part {source} in the plan"
    part = PARTS[source]
    assert text and text in part, f"{code}: its words are not in {source}"
    start = part.index(text)
    sentence_start = part.rfind("。", 0, start) + 1
    to_target = part[sentence_start : start + len(text)]
    target, unit = float(row["target"] or "nan"), row["unit"] or ""
    comparison = stated_target(text, target, unit)
    assert comparison is not None, f"{code}: {_number(target)} {unit} is not stated in {text!r}"
    assert row["comparison"] == comparison, f"{code}: the plan says {comparison} in {text!r}"
    due = governing_year(to_target)
    got = int(row["target_year"]) if row["target_year"] else None
    assert got == due, f"{code}: due {due} by {to_target!r}, the row says {got}"


def test_the_walk_catches_a_wrong_row() -> None:
    """The checks above can fail: a wrong figure, comparison or year is caught."""
    i14 = "2026年主导产业投资占开发区固定资产投资超过70%"
    assert stated_target(i14, 70.0, "%") == ">"
    assert stated_target(i14, 75.0, "%") is None
    assert stated_target("营业收入达到1500亿元以上", 1500.0, "亿元") == ">="
    assert stated_target("全市引进1个50亿元以上的龙头型、基地型项目", 1.0, "个") == ">="
    assert stated_target("全市引进1个50亿元以上的龙头型、基地型项目", 0.0, "个") is None
    assert governing_year("加快推动开发区规模以上企业研发活动全覆盖") is None
    assert (
        governing_year(
            "到2026年，全市开发区万元工业增加值能耗完成省定目标，亩均新增固定资产投资较2023年增长50%以上"
        )
        == 2026
    )


@pytest.mark.parametrize(
    ("lang", "standing", "yearly"), [("zh", "长期目标", "每年"), ("en", "standing aim", "yearly")]
)
def test_a_target_without_a_due_year_is_shown_as_a_standing_aim(
    dataset, settings, lang, standing, yearly
) -> None:
    from console.present.assemble import compute, render_views

    view = render_views(compute(dataset, settings, None, ()), lang, False).tables["indicators"]
    targets = {row.cells[0].text.split()[0]: row.cells[view.column_index("target")].text for row in view.rows}
    assert targets["I08"].endswith(standing) and targets["I17"].endswith(standing)
    assert targets["I07"].endswith(yearly)  # every zone, every year
    assert targets["I18"].endswith("(2026)")
