"""The headless CLI: exit codes, JSON contracts, human tables in both languages."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from console.cli import main
from tests.support.paths import REPO


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_on_the_embedded_data(capsys) -> None:
    code, out, _ = _run(capsys, "check", "--json")
    assert code == 0
    report = json.loads(out)
    assert report["ok"] is True and report["errors"] == []
    assert [(a["check"], a["year"], a["stated"], a["counted"]) for a in report["audit"]] == [
        ("star_count", 2024, 2, 3)
    ]
    assert set(report["audit"][0]) >= {"check", "year", "stated", "counted", "message"}


def test_check_human_output(capsys) -> None:
    code, out, _ = _run(capsys, "check")
    assert code == 0
    assert "数据有效" in out and "示例数据" in out and "1 处不一致" in out
    assert "正文（二（二））为一星开发区2个" in out and "正阳" in out
    code, out, _ = _run(capsys, "check", "--lang", "en")
    assert "data is valid" in out and "SAMPLE DATA" in out and "1 finding\n" in out and "Zhengyang" in out


def test_check_on_bad_data_exits_3_with_located_errors(capsys, data_copy: Path) -> None:
    path = data_copy / "zone_targets.csv"
    path.write_text(
        path.read_text(encoding="utf-8-sig").replace("遂平县开发区,2025,2,2", "遂平县开发区,2025,6,2"),
        encoding="utf-8",
    )
    code, out, _ = _run(capsys, "check", "--data", str(data_copy), "--json")
    assert code == 3
    report = json.loads(out)
    assert report["ok"] is False
    assert [(e["file"], e["row"], e["column"], e["value"]) for e in report["errors"]] == [
        ("zone_targets.csv", 9, "star_target", "6")
    ]
    code, out, err = _run(capsys, "check", "--data", str(data_copy))
    assert code == 3 and "zone_targets.csv，第 9 行，“star_target”列：填写的是“6”" in err
    assert "Traceback" not in err
    code, out, err = _run(capsys, "--lang", "en", "check", "--data", str(data_copy))
    assert code == 3 and "zone_targets.csv, row 9, column 'star_target': found '6'" in err


def test_status_json_contract(capsys) -> None:
    code, out, _ = _run(capsys, "status", "--json", "--year", "2026")
    assert code == 0
    report = json.loads(out)
    assert (report["as_of"], report["sample"], report["year"]) == ("2026Q3", True, 2026)
    zone = report["zones"][0]
    for key in (
        "zone",
        "short_name",
        "county",
        "star_target",
        "tier_target",
        "star",
        "tier",
        "star_status",
        "tier_status",
        "revenue_status",
        "missing",
    ):
        assert key in zone
    assert zone["zone"] == "驻马店市高新技术产业开发区"
    statuses = {"met", "missed", "at_risk", "on_track", "no_target"}
    for z in report["zones"]:
        assert z["star_status"] in statuses and z["tier_status"] in statuses
        # 0 is a published 无星 (as the assessment template writes it); null only where no result
        assert (z["star"] is None) == (z["result_year"] is None)
        assert z["star"] is None or 0 <= z["star"] <= 5
        assert z["tier"] is None or 1 <= z["tier"] <= 3
        assert set(z["missing"]) <= {"tier", "star", "revenue"}
    for c in report["clusters"]:
        assert set(c) >= {"zone", "industry", "target", "actual_ytd", "pace_target", "projected", "status"}
        assert c["status"] in {"met", "on_pace", "behind", "missed", "no_data", "not_reported"}
    assert len(report["indicators"]) == 34


def test_fail_on_missing_for_cron(capsys) -> None:
    code, out, _ = _run(capsys, "status", "--json", "--fail-on-missing")
    zones = json.loads(out)["zones"]
    assert any(z["missing"] for z in zones) and code == 1
    for zone in zones:  # a county whose zone misses nothing passes; one whose zone misses fails
        code, out, _ = _run(capsys, "status", "--json", "--fail-on-missing", "--county", zone["county"])
        assert code == (1 if zone["missing"] else 0)
        assert [z["zone"] for z in json.loads(out)["zones"]] == [zone["zone"]]
    assert {bool(z["missing"]) for z in zones} == {True, False}


def test_county_filter_accepts_several(capsys) -> None:
    code, out, _ = _run(capsys, "status", "--json", "--county", "遂平县,西平县", "--county", "Pingyu County")
    assert code == 0
    assert [z["short_name"] for z in json.loads(out)["zones"]] == ["遂平", "西平", "平舆"]
    code, _, err = _run(capsys, "status", "--county", "驿城", "--lang", "en")
    assert code == 2 and "Did you mean '驿城区'" in err


def test_status_human_output_zh_and_en(capsys) -> None:
    code, out, _ = _run(capsys, "status", "--year", "2025")
    assert code == 0
    assert "示例数据" in out and "数据截至 2026Q3" in out
    # The console's zones table: target→result and the status symbol, the same cells as on screen.
    assert re.search(r"高新区\s+一→一档 ✓\s+三→四星 ✓", out)  # the sample's 2025 result beats the target
    code, out, _ = _run(capsys, "status", "--year", "2025", "--lang", "en", "--ascii")
    assert "SAMPLE DATA" in out and "as of 2026Q3" in out
    assert "✓" not in out and "→" not in out and "T1->T1 +" in out  # ascii: arrows as ->, statuses + / x / !
    assert re.search(r"\+ met", out) and re.search(r"x missed", out)


def test_unknown_year_exits_2(capsys) -> None:
    code, _, err = _run(capsys, "status", "--year", "2030", "--lang", "en")
    assert code == 2 and "2024, 2025, 2026" in err


def test_python_dash_m_console_is_the_same_command(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "console", "status", "--json", "--year", "2024"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["year"] == 2024


def test_cli_and_engine_agree(capsys, dataset, settings) -> None:
    from console.engine.evaluation import evaluate, status_json

    _, out, _ = _run(capsys, "status", "--json", "--year", "2025")
    report = json.loads(out)
    tables = report.pop("tables")  # the console's model of the same tables, beside the engine's form
    assert report.pop("schema_version") == 1  # the output contract's version, first in every document
    ev = evaluate(dataset, settings, 2025)
    assert report == json.loads(json.dumps(status_json(ev)))
    zones = {r["zone_id"]: r for r in tables["zones"]["rows"]}
    for z in ev.zones.iter_rows(named=True):
        assert zones[z["zone"]]["tier_status"] == z["tier_status"]
        assert zones[z["zone"]]["missing"] == z["missing"]  # codes in the tables too, as the engine's
        assert zones[z["zone"]]["revenue_ytd"] == pytest.approx(z["revenue_ytd"], abs=1e-4)


def test_readme_opens_with_the_two_commands() -> None:
    lines = [line for line in (REPO / "README.md").read_text(encoding="utf-8").splitlines() if line.strip()]
    blocks = [line for line in lines[:12] if line.startswith("python3 -m venv")]
    assert blocks[0].endswith(".venv/bin/devzones")
    assert blocks[1].endswith('.venv/bin/pytest -n auto -m "not slow"')
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert blocks[1] in ci
