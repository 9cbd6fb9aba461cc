"""One spelling for each thing on every surface (issue 11): the CLI's tables and changes, the exports, the
bulletin and the drill-downs write a status, a level of no star and the sample label the same way,
with the words of the one catalogue (console/present/labels.py)."""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
import pytest

from console.cli import main
from console.core.config import load_settings
from console.present.drilldown import zone_detail
from console.present.drilldown_views import zone_reports_view, zone_years_view
from console.present.labels import HEADINGS, STATUS_SYMBOLS, level_none, status_word, text
from console.words.status import STATUS as STATUS_WORDS

YEAR = 2026


def _surfaces(capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: str, dataset) -> dict[str, str]:
    """The text of every surface for the embedded sample data, in ``lang``."""
    out: dict[str, str] = {}
    for command in (("status",), ("rankings",), ("changes", "--from", "2026Q1"), ("check",)):
        assert main(["--lang", lang, *command]) == 0
        out[" ".join(command)] = capsys.readouterr().out
    folder = tmp_path / lang
    assert main(["--lang", lang, "bulletin", "--period", "2026-10", "--out", f"{folder}/"]) == 0
    assert main(["--lang", lang, "export", "--view", "all", "--format", "md", "--out", f"{folder}/"]) == 0
    capsys.readouterr()
    for path in folder.iterdir():
        if path.suffix == ".md":
            out[path.name] = path.read_text(encoding="utf-8")
    settings = load_settings()
    for zone in dataset["zones"].get_column("zone"):
        detail = zone_detail(dataset, settings, zone, YEAR)
        view = zone_years_view(detail, lang, False)
        out[f"drill-down {zone}"] = "\n".join("  ".join(row.texts()) for row in view.rows)
        reports = zone_reports_view(detail, lang, False)
        out[f"drill-down reports {zone}"] = "\n".join("  ".join(row.texts()) for row in reports.rows)
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_mark_reads_one_word_on_every_surface(capsys, tmp_path: Path, dataset, lang: str) -> None:
    """'~ 正常' in a drill-down and '~ 符合进度' in the changes list were two words for one mark; a mark
    of the catalogue followed by a word reads the same word wherever it stands."""
    surfaces = _surfaces(capsys, tmp_path, lang, dataset)
    for symbol in {s for s, _ in STATUS_SYMBOLS.values()}:
        # The words the catalogue gives this mark (✓ is both met and on time: two things, two words).
        words_after = re.compile(re.escape(symbol) + r" ([^\s|,;:()]+(?: [a-z]+)?)")
        seen: dict[str, set[str]] = {}
        for name, body in surfaces.items():
            for word in words_after.findall(body):
                seen.setdefault(word, set()).add(name)
        if symbol == "~":
            # Followed only by a word the catalogue gives it: a star or tier target met so far, and revenue
            # on pace (two things, two words, one mark, as ✓ is met and on time); both are on the surfaces.
            allowed = {status_word(c, lang) for c, marks in STATUS_SYMBOLS.items() if marks[0] == symbol}
            for word, where in seen.items():
                assert any(a == word or a.startswith(word + " ") for a in allowed), (word, sorted(where)[:3])
            assert len(seen) == 2, seen


def test_one_status_word_in_one_language_is_one_word_in_the_other() -> None:
    """未报送 read '✗ missing' for a report and 'not reported' for revenue in English: two codes that share a
    word in one language share it in the other."""
    for a, (zh_a, en_a) in STATUS_WORDS.items():
        for b, (zh_b, en_b) in STATUS_WORDS.items():
            assert (zh_a == zh_b) == (en_a == en_b), (a, b, zh_a, en_a, zh_b, en_b)


def test_no_heading_is_also_a_status_word() -> None:
    """The Zones column of targets not met (未达目标) was headed 'Missing', the word of a report not sent."""
    for i in (0, 1):
        words = {w[i].lower() for w in STATUS_WORDS.values()}
        assert not [h[i] for h in HEADINGS.values() if h[i].lower() in words]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_days_late_read_one_way_on_every_surface(capsys, tmp_path: Path, dataset, lang: str) -> None:
    """The zone drill-down's reports said '! 逾期 19天' where every other surface says '逾期14天'."""
    surfaces = _surfaces(capsys, tmp_path, lang, dataset)
    late = re.compile(r"(逾期|late)(\s*)\d+(\s*)(天|d\b)")
    forms: dict[tuple[str, str], list[str]] = {}
    for name, body in surfaces.items():
        for _word, before, after, _unit in late.findall(body):
            forms.setdefault((before, after), []).append(name)
    assert any(name.startswith("drill-down reports") for names in forms.values() for name in names)
    assert len(forms) == 1, {k: sorted(set(v))[:3] for k, v in forms.items()}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_published_result_of_no_star_reads_one_word(capsys, tmp_path: Path, dataset, lang: str) -> None:
    """No star was '无星' in the zones table, '—' in a drill-down and 'S-' in English: now the catalogue's
    word on every surface that shows a goal and its result."""
    none_star = dataset["assessments"].filter(pl.col("star").is_null() & (pl.col("year") < YEAR))
    assert not none_star.is_empty(), "the sample data should have a zone with no star"
    surfaces = _surfaces(capsys, tmp_path, lang, dataset)
    goal = re.compile(r"(?:S\d|[一二三四五]星?|\d-star|—|-)→(\S+(?: star)?)")
    results = {m for name, body in surfaces.items() for m in goal.findall(body)}
    word = level_none("star", lang)
    assert word in results
    assert not results & {"—", "-", "S-", "无", "—星"}, results
    zone = none_star.get_column("zone")[0]
    assert word in surfaces[f"drill-down {zone}"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_sample_label_is_said_once(capsys, lang: str) -> None:
    """The CLI printed '[示例数据] 示例数据：…' (the label twice)."""
    for command in (("status",), ("check",)):
        assert main(["--lang", lang, *command]) == 0
        out = capsys.readouterr().out
        line = next(line for line in out.splitlines() if text("sample_badge", lang) in line)
        assert line.count(text("sample_badge", lang)) == 1
        assert text("sample_badge", lang).lower() not in line.lower().replace(
            text("sample_badge", lang).lower(), "", 1
        )


def test_the_plans_money_unit_reads_one_short_english_form(capsys, tmp_path: Path, dataset) -> None:
    """亿元 in English was '1,572 / 1,500 × 100 million yuan', too long for a cell: now '(100M yuan)' after the
    figure on every English surface, and nowhere the long form."""
    surfaces = _surfaces(capsys, tmp_path, "en", dataset)
    body = "\n".join(surfaces.values())
    assert "(100M yuan)" in body
    assert "million yuan" not in body and "× 100" not in body and "亿元" not in body


def test_exports_keep_the_money_figures_numeric(tmp_path: Path) -> None:
    """The English CSV of the indicators holds the target as a number, the unit in its own cell."""
    import csv

    assert (
        main(["--lang", "en", "export", "--view", "tasks", "--format", "csv", "--out", f"{tmp_path}/"]) == 0
    )
    (path,) = tmp_path.glob("*-indicators.csv")
    rows = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))
    i01 = next(r for r in rows if r["Code"] == "I01")
    assert float(i01["Target"]) == 1500 and float(i01["Latest"]) > 0
    assert i01["Unit"] == "100M yuan"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_export_toast_lists_the_files_one_per_line(tmp_path: Path, lang: str) -> None:
    """After an export the toast joined paths with an ASCII comma (in Chinese too) and broke them
    mid-word: now the folder once, in the console's language, then one file name per line."""
    from console.present.labels import files_written
    from tests.support.language_walk import chinese_runs, english_words

    names = ["devzones-tasks-2026-20261126-1.csv", "devzones-tasks-2026-20261126-1-indicators.csv"]
    shown = files_written([tmp_path / n for n in names] + [tmp_path / "sub" / "x.csv.manifest.toml"], lang)
    lines = shown.splitlines()
    assert lines[0] == (f"已导出到 {tmp_path}：" if lang == "zh" else f"Exported to {tmp_path}:")
    assert lines[1:3] == [f"  {n}" for n in names]
    assert (
        lines[3].endswith(f"{tmp_path / 'sub'}{'：' if lang == 'zh' else ':'}")
        and lines[4] == "  x.csv.manifest.toml"
    )
    assert "," not in shown
    words = "\n".join(line for line in lines if not line.startswith("  "))  # the file names are as written
    assert not (english_words(words) if lang == "zh" else chinese_runs(words))


def test_a_province_rank_reads_one_way_in_the_drill_down_and_on_rankings(dataset) -> None:
    """The zone drill-down said '57/90 (2024)' under 省内档内排名, Rankings '30/36（2025）' under 全省档内排名."""
    from console.present.assemble import compute, render_views

    settings = load_settings()
    rankings = render_views(compute(dataset, settings, YEAR, None), "zh", False).tables["rankings"]
    col = rankings.column_index("province")
    texts = [r.cells[col].text for r in rankings.rows]
    heading = rankings.columns[col].label
    for zone in dataset["zones"].get_column("zone"):
        view = zone_years_view(zone_detail(dataset, settings, zone, YEAR), "zh", False)
        i = view.column_index("province")
        assert view.columns[i].label == heading
        texts += [r.cells[i].text for r in view.rows]
    shown = [t for t in texts if t != "—"]
    assert shown and all(re.fullmatch(r"\d+/\d+（\d{4}）", t) for t in shown), shown
