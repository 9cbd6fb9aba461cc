"""The monthly bulletin: period handling, content, golden file, file safety."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest

from console.cli import main
from console.data.scales import Period
from console.outputs.bulletin import BulletinError, build_bulletin, data_quarter, parse_month, render_markdown

GOLDEN = Path(__file__).parent / "golden"


def test_periods() -> None:
    assert parse_month("2026-10") == (2026, 10) and parse_month("2026年3月") == (2026, 3)
    with pytest.raises(BulletinError):
        parse_month("2026-13")
    assert data_quarter(2026, 10) == Period(2026, 3)
    assert data_quarter(2026, 9) == Period(2026, 3)
    assert data_quarter(2026, 8) == Period(2026, 2)
    assert data_quarter(2026, 2) == Period(2025, 4)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_golden_bulletin(dataset, settings, lang: str) -> None:
    text = render_markdown(build_bulletin(dataset, settings, "2026-10", lang))
    path = GOLDEN / f"bulletin-2026-10.{lang}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_bulletin_content_follows_the_engine(dataset, settings) -> None:
    from console.engine.evaluation import evaluate

    b = build_bulletin(dataset, settings, "2026-10")
    ev = evaluate(dataset, settings, 2026)
    assert [r["zone"] for r in b.ranking][:1] and len(b.ranking) == 11
    late = ev.zones.filter(ev.zones["report_status"] == "late").get_column("short_name").to_list()
    assert all(name in b.reports[0] for name in late)
    assert f"{ev.zones_missing.height}个未达或可能未达" in b.summary
    text = render_markdown(b)
    assert "示例数据" in text and "月度通报（2026年10月）" in text and "数据截至2026年第三季度" in text


def test_an_earlier_month_uses_the_data_of_its_quarter(dataset, settings) -> None:
    b = build_bulletin(dataset, settings, "2025-05")
    assert b.quarter == Period(2025, 1) and "2025年第一季度" in b.summary
    assert b.result_year == 2024  # 2025's results were not out in May 2025


def test_cli_writes_md_and_xlsx_safely(tmp_path: Path, capsys) -> None:
    assert main(["bulletin", "--period", "2026-10", "--out", str(tmp_path)]) == 0
    assert main(["bulletin", "--period", "2026-10", "--out", str(tmp_path)]) == 0  # numbered, not replaced
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "devzones-bulletin-2026-10-2.md",
        "devzones-bulletin-2026-10-2.md.manifest.toml",
        "devzones-bulletin-2026-10.md",
        "devzones-bulletin-2026-10.md.manifest.toml",
    ]
    assert (
        main(
            [
                "bulletin",
                "--period",
                "2026-10",
                "--format",
                "xlsx",
                "--lang",
                "en",
                "--out",
                str(tmp_path / "b.xlsx"),
            ]
        )
        == 0
    )
    book = openpyxl.load_workbook(tmp_path / "b.xlsx")
    assert book.sheetnames == ["Bulletin", "Zones ranked", "About"]
    assert main(["bulletin", "--period", "2026-99", "--out", str(tmp_path), "--lang", "en"]) == 2
    assert "expected a month" in capsys.readouterr().err
