"""Status as of a quarter (``--as-of``) and ``devzones changes`` between two quarters (issue 13)."""

from __future__ import annotations

import itertools
import json
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from console.cli import EXIT_OK, EXIT_USAGE, main
from console.data.dataset import Dataset
from console.data.scales import Period
from console.engine.as_of import data_periods
from console.engine.changes import CODES, ZONE_FIELDS, Change


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    code, out, err = _run(capsys, *args, "--json")
    assert code == EXIT_OK, err
    return json.loads(out)


def _quarters(ds: Dataset) -> list[str]:
    span = data_periods(ds)
    assert span is not None
    first, last = span
    return [str(Period.from_index(i)) for i in range(first.index, last.index + 1)]


def _status_code(new: object) -> str:
    return {"met": "target_met", "missed": "target_missed"}.get(str(new), "status")


def _expected(before: dict, after: dict, ranks_before: dict, ranks_after: dict, period: str) -> set[tuple]:
    """The difference of two ``status --json`` (and ``rankings --json``) documents, computed here."""
    out: set[tuple] = set()
    old_zones = {z["zone"]: z for z in before["zones"]}
    for zone in after["zones"]:
        old = old_zones.get(zone["zone"])
        for field in ZONE_FIELDS:
            if old is not None and old[field] != zone[field]:
                out.add(
                    (
                        _status_code(zone[field]),
                        "zone",
                        zone["zone"],
                        None,
                        None,
                        field,
                        old[field],
                        zone[field],
                        period,
                    )
                )
        if zone["report_status"] in ("on_time", "late", "missing"):
            code = "report_missing" if zone["report_status"] == "missing" else "report_arrived"
            out.add(
                (
                    code,
                    "zone",
                    zone["zone"],
                    None,
                    None,
                    "report",
                    None,
                    zone["report_status"],
                    zone["report_period"],
                )
            )
    old_clusters = {(c["zone"], c["industry"]): c["status"] for c in before["clusters"]}
    for c in after["clusters"]:
        old = old_clusters.get((c["zone"], c["industry"]))
        if old is not None and old != c["status"]:
            out.add(
                (
                    _status_code(c["status"]),
                    "cluster",
                    c["zone"],
                    c["industry"],
                    None,
                    "status",
                    old,
                    c["status"],
                    period,
                )
            )
    old_indicators = {i["indicator"]: i["status"] for i in before["indicators"]}
    for i in after["indicators"]:
        old = old_indicators.get(i["indicator"])
        if old is not None and old != i["status"]:
            out.add(
                (
                    _status_code(i["status"]),
                    "indicator",
                    None,
                    None,
                    i["indicator"],
                    "status",
                    old,
                    i["status"],
                    period,
                )
            )
    old_ranks = {z["zone"]: z["rank"] for z in ranks_before["zones"]}
    for z in ranks_after["zones"]:
        if z["zone"] in old_ranks and old_ranks[z["zone"]] != z["rank"]:
            out.add(("rank", "zone", z["zone"], None, None, "rank", old_ranks[z["zone"]], z["rank"], period))
    return out


def _listed(document: dict, revised: bool = True) -> set[tuple]:
    """The changes listed, as tuples; without the revised figures when ``revised`` is False (they come
    from the ingest history, not from the difference of two ``status`` documents)."""
    keys = ("code", "subject", "zone", "industry", "indicator", "field", "from", "to", "period")
    return {tuple(c[k] for k in keys) for c in document["changes"] if revised or c["code"] != "revised"}


@pytest.mark.slow
def test_changes_are_the_difference_of_status_as_of_for_every_pair_of_consecutive_quarters(
    capsys: pytest.CaptureFixture[str], dataset: Dataset
) -> None:
    quarters = _quarters(dataset)
    assert len(quarters) >= 8  # the sample covers 2024 to 2026: the test walks every step of it
    status = {q: _json(capsys, "status", "--as-of", q) for q in quarters}
    ranks = {q: _json(capsys, "rankings", "--as-of", q) for q in quarters}
    kinds: set[str] = set()
    for start, end in itertools.pairwise(quarters):
        listed = _json(capsys, "changes", "--from", start, "--to", end)
        assert status[end]["as_of"] == end
        expected = _expected(status[start], status[end], ranks[start], ranks[end], end)
        assert _listed(listed, revised=False) == expected, (start, end)
        kinds |= {c["code"] for c in listed["changes"]}
    # The embedded sample shows every kind of change at least once (issue 13), the revised figure from
    # the sample's ingest history (data/.history).
    assert kinds == set(CODES)


def test_status_as_of_an_earlier_quarter_judges_only_what_was_known_then(
    capsys: pytest.CaptureFixture[str],
) -> None:
    latest = _json(capsys, "status")
    then = _json(capsys, "status", "--as-of", "2025Q2")
    assert then["as_of"] == "2025Q2" and then["year"] == 2025
    assert latest["as_of"] != "2025Q2"
    # 2025's provincial results are published in 2026: in 2025Q2 only 2024's are known, so the
    # 2025 star and tier targets are at risk or on track, never met or missed yet.
    assert {z["result_year"] for z in then["zones"]} <= {2024, None}
    judged = {z["tier_status"] for z in then["zones"]} | {z["star_status"] for z in then["zones"]}
    assert not judged & {"met", "missed"}
    # Figures up to 2025Q2 only: each cluster judged on its 2025Q2 figure, the report due is 2025Q2's.
    assert {c["period"] for c in then["clusters"]} <= {"2025Q2", None}
    assert {z["report_period"] for z in then["zones"]} == {"2025Q2"}


def test_as_of_the_latest_quarter_is_the_default(
    capsys: pytest.CaptureFixture[str], dataset: Dataset
) -> None:
    latest = str(dataset.as_of)
    assert _json(capsys, "status", "--as-of", latest) == _json(capsys, "status")
    assert _json(capsys, "rankings", "--as-of", latest) == _json(capsys, "rankings")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("status", "--as-of", "2031Q1"), "2031Q1"),
        (("rankings", "--as-of", "2019Q4"), "2019Q4"),
        (("status", "--as-of", "next spring"), "2026Q2"),
        (("changes", "--from", "2026Q3", "--to", "2026Q2"), "2026Q3"),
        (("changes", "--from", "2026Q5"), "2026Q5"),
    ],
)
def test_a_quarter_outside_the_data_is_a_usage_error_naming_what_it_covers(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], words: str
) -> None:
    code, out, err = _run(capsys, *args, "--lang", "en")
    assert code == EXIT_USAGE
    assert out == "" and words in err and "Traceback" not in err


def test_an_out_of_range_as_of_names_the_first_and_last_quarter(
    capsys: pytest.CaptureFixture[str], dataset: Dataset
) -> None:
    code, _, err = _run(capsys, "status", "--as-of", "2030Q1")
    quarters = _quarters(dataset)
    assert code == EXIT_USAGE and quarters[0] in err and quarters[-1] in err and "数据覆盖" in err


def test_an_export_made_as_of_a_quarter_says_so_in_its_manifest(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "zones.csv"
    code, _, err = _run(capsys, "export", "--format", "csv", "--as-of", "2025Q3", "--out", str(out))
    assert code == EXIT_OK, err
    manifest = tomllib.loads((tmp_path / "zones.csv.manifest.toml").read_text(encoding="utf-8"))["export"]
    assert manifest["evaluated_as_of"] == "2025Q3" and manifest["as_of"] == "2025Q3"
    assert "--as-of 2025Q3" in manifest["command"]
    plain = tmp_path / "now.csv"
    assert _run(capsys, "export", "--format", "csv", "--out", str(plain))[0] == EXIT_OK
    assert "evaluated_as_of" not in (tmp_path / "now.csv.manifest.toml").read_text(encoding="utf-8")


def test_an_export_as_of_a_quarter_holds_that_quarters_figures(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    then, now = tmp_path / "then.json", tmp_path / "now.json"
    assert (
        _run(
            capsys,
            "export",
            "--view",
            "clusters",
            "--format",
            "json",
            "--as-of",
            "2025Q3",
            "--out",
            str(then),
        )[0]
        == 0
    )
    assert _run(capsys, "export", "--view", "clusters", "--format", "json", "--out", str(now))[0] == 0
    assert then.read_text(encoding="utf-8") != now.read_text(encoding="utf-8")
    assert "2025Q3" in then.read_text(encoding="utf-8")


def test_a_report_revising_an_earlier_quarter_is_listed_with_old_and_new_value(
    capsys: pytest.CaptureFixture[str], data_copy: Path, tmp_path: Path
) -> None:
    before = next(
        line.split(",")[-1]
        for line in (data_copy / "cluster_revenue.csv").read_text(encoding="utf-8-sig").splitlines()
        if line.startswith("遂平县开发区,食品,2026Q2,")
    )
    report = tmp_path / "revise.csv"
    report.write_text(
        "zone,period,item,value,submitted\n遂平,2026Q2,食品,80.5,2026-07-02\n", encoding="utf-8"
    )
    code, _, err = _run(capsys, "ingest", "--data", str(data_copy), str(report), "--yes")
    assert code == EXIT_OK, err
    listed = _json(capsys, "changes", "--data", str(data_copy), "--from", "2026Q2")
    revised = [c for c in listed["changes"] if c["code"] == "revised"]
    assert [(c["zone"], c["industry"], c["period"], c["from"], c["to"]) for c in revised] == [
        ("遂平县开发区", "食品", "2026Q2", float(before), 80.5)
    ]
    assert revised[0]["when"]  # when the ingest ran
    code, text, _ = _run(capsys, "changes", "--data", str(data_copy), "--from", "2026Q2", "--lang", "en")
    assert code == EXIT_OK and "figure revised" in text and "80.50" in text
    # A county filter that leaves the zone out leaves its revision out too.
    other = _json(capsys, "changes", "--data", str(data_copy), "--from", "2026Q2", "--county", "西平县")
    assert not [c for c in other["changes"] if c["code"] == "revised"]


def test_a_damaged_history_entry_does_not_stop_changes(
    capsys: pytest.CaptureFixture[str], data_copy: Path, tmp_path: Path
) -> None:
    report = tmp_path / "revise.csv"
    report.write_text(
        "zone,period,item,value,submitted\n遂平,2026Q2,食品,80.5,2026-07-02\n", encoding="utf-8"
    )
    assert _run(capsys, "ingest", "--data", str(data_copy), str(report), "--yes")[0] == EXIT_OK
    (entry,) = [p for p in (data_copy / ".history").iterdir() if p.is_dir()]
    (entry / "cluster_revenue.csv").write_bytes(b"\xff\xfe garbage \x00\x1b[2J")  # a damaged old copy
    code, out, err = _run(capsys, "changes", "--data", str(data_copy), "--from", "2026Q2", "--json")
    assert code == EXIT_OK and "Traceback" not in err
    assert not [c for c in json.loads(out)["changes"] if c["code"] == "revised"]
    (entry / "journal.json").write_text("{not json", encoding="utf-8")  # and a damaged journal
    code, out, err = _run(capsys, "changes", "--data", str(data_copy), "--from", "2026Q2", "--json")
    assert code == EXIT_OK and json.loads(out)["changes"]


def test_a_dataset_with_no_quarter_yet_refuses_as_of_with_a_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fresh = tmp_path / "real"
    assert _run(capsys, "init", str(fresh))[0] == EXIT_OK
    code, out, err = _run(capsys, "changes", "--data", str(fresh), "--from", "2024Q1", "--lang", "en")
    assert code == EXIT_USAGE and out == "" and "no quarter's data yet" in err
    code, _, err = _run(capsys, "status", "--data", str(fresh), "--as-of", "2024Q1", "--lang", "en")
    assert code == EXIT_USAGE and "no quarter's data yet" in err


def test_changes_in_chinese_and_english_say_the_same_changes(capsys: pytest.CaptureFixture[str]) -> None:
    code, zh, _ = _run(capsys, "changes", "--from", "2026Q2")
    assert code == EXIT_OK
    code, en, _ = _run(capsys, "changes", "--from", "2026Q2", "--lang", "en")
    assert code == EXIT_OK
    count = len(_json(capsys, "changes", "--from", "2026Q2")["changes"])
    assert count and len(zh.splitlines()) == len(en.splitlines()) == count + 1
    assert "变化" in zh and "rank moved" not in zh and "rank moved" in en


def test_a_county_filter_keeps_only_its_zones(capsys: pytest.CaptureFixture[str]) -> None:
    everything = _json(capsys, "changes", "--from", "2025Q4")
    one = _json(capsys, "changes", "--from", "2025Q4", "--county", "平舆县")
    zones = {c["zone"] for c in one["changes"] if c["zone"]}
    assert zones <= {"平舆县开发区"} and zones
    # A zone's and its clusters' changes are the same with or without the filter (ranks are city ranks;
    # indicators under a filter are the county's own, so they are not compared).
    ours = {t for t in _listed(one) if t[1] != "indicator"}
    assert ours <= _listed(everything)
    assert ours == {t for t in _listed(everything) if t[2] == "平舆县开发区"}


@hsettings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(zone=st.text(min_size=1, max_size=20), industry=st.text(max_size=10))
def test_a_change_line_shows_data_text_literally_without_control_characters(zone: str, industry: str) -> None:
    from console.cli.changes import change_line as _change_line

    change = Change("revised", "cluster", zone, industry or None, None, "revenue_ytd", 1.0, 2.0, "2026Q2")
    line = _change_line(change, {}, "en", ascii_only=True)
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in line)
    assert "1.00 -> 2.00" in line and "2026Q2" in line


def test_an_export_in_changes_mode_writes_the_changes_beside_the_view_and_names_the_period(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import csv

    out = tmp_path / "zones.csv"
    code, _, err = _run(
        capsys, "export", "--format", "csv", "--since", "2026Q2", "--out", str(out), "--lang", "en"
    )
    assert code == EXIT_OK, err
    manifest = tomllib.loads((tmp_path / "zones.csv.manifest.toml").read_text(encoding="utf-8"))["export"]
    assert manifest["changes_since"] == "2026Q2" and manifest["as_of"] == "2026Q3"
    assert "--since 2026Q2" in manifest["command"]
    assert manifest["files"] == ["zones.csv", "zones-changes.csv"]  # the view keeps its name
    with (tmp_path / "zones-changes.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    written = {
        (r["Change code"], r["Zone (full Chinese name)"], r["Field"], r["From"] or None, r["To"], r["Period"])
        for r in rows
    }
    # The same changes `devzones changes --from 2026Q2` lists, those the zones tab shows.
    listed = _json(capsys, "changes", "--from", "2026Q2")["changes"]
    expected = {
        (c["code"], c["zone"], c["field"], c["from"], c["to"], c["period"])
        for c in listed
        if c["subject"] == "zone" and c["field"] != "rank"
    }
    assert written == expected and written
    # Without --since: no changes file, no reference period in the manifest.
    plain = tmp_path / "now.csv"
    assert _run(capsys, "export", "--format", "csv", "--out", str(plain))[0] == EXIT_OK
    assert not (tmp_path / "now-changes.csv").exists()
    assert "changes_since" not in (tmp_path / "now.csv.manifest.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
def test_a_changes_mode_export_holds_its_changes_in_the_same_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"rank.{fmt}"
    args = ("export", "--view", "rankings", "--format", fmt, "--as-of", "2025Q4", "--since", "2025Q3")
    assert _run(capsys, *args, "--out", str(out))[0] == EXIT_OK
    moves = [
        c
        for c in _json(capsys, "changes", "--from", "2025Q3", "--to", "2025Q4")["changes"]
        if c["code"] == "rank"
    ]
    assert moves
    if fmt == "json":
        document = json.loads(out.read_text(encoding="utf-8"))
        assert document["meta"]["changes_since"] == "2025Q3" and document["meta"]["as_of"] == "2025Q4"
        rows = document["tables"]["changes"]["rows"]
        assert sorted((r["zone_id"], r["from"], r["to"]) for r in rows) == sorted(
            (c["zone"], str(c["from"]), str(c["to"])) for c in moves
        )
    else:
        import openpyxl

        book = openpyxl.load_workbook(out)
        assert len(book.sheetnames) == 3  # rankings, the changes, about
        about = {r[0]: r[1] for r in book.worksheets[-1].iter_rows(values_only=True)}
        assert about["变化参照期"] == "2025Q3"
        assert book.worksheets[1].max_row >= len(moves)


def test_an_svg_export_refuses_since_saying_why_and_what_to_use(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "shot.svg"
    args = ("--since", "2026Q2")
    code, stdout, err = _run(capsys, "export", "--format", "svg", *args, "--out", str(out), "--lang", "en")
    assert code == EXIT_USAGE and stdout == "" and "no list of changes" in err and "Traceback" not in err
    assert not list(tmp_path.iterdir())  # nothing written


def test_an_svg_export_as_of_a_quarter_shows_the_console_as_the_data_stood_then(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """``export --format svg --as-of`` was refused; the console itself now takes --as-of, so the
    screenshot is the console as the data stood at the end of that quarter."""
    out = tmp_path / "then.svg"
    code, _, err = _run(
        capsys, "export", "--view", "zones", "--format", "svg", "--as-of", "2025Q4", "--out", str(out)
    )
    assert code == 0, err
    svg = out.read_text(encoding="utf-8")
    assert "2025Q4" in svg and "2026Q3" not in svg
    manifest = (tmp_path / "then.svg.manifest.toml").read_text(encoding="utf-8")
    assert 'evaluated_as_of = "2025Q4"' in manifest


def test_since_must_be_before_the_quarter_exported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "z.csv"
    code, _, err = _run(
        capsys, "export", "--format", "csv", "--as-of", "2025Q4", "--since", "2026Q1", "--out", str(out)
    )
    assert code == EXIT_USAGE and "2026Q1" in err and "2025Q4" in err and not list(tmp_path.iterdir())
    code, _, err = _run(
        capsys, "export", "--format", "csv", "--since", "2031Q1", "--out", str(out), "--lang", "en"
    )
    assert code == EXIT_USAGE and "2031Q1" in err and not list(tmp_path.iterdir())


def test_changes_lists_them_worst_first_as_the_console_does(capsys: pytest.CaptureFixture[str]) -> None:
    from console.present.changes_view import worst_first

    listed = _json(capsys, "changes", "--from", "2025Q3", "--to", "2025Q4")["changes"]
    changes = [
        Change(
            c["code"],
            c["subject"],
            c["zone"],
            c["industry"],
            c["indicator"],
            c["field"],
            c["from"],
            c["to"],
            c["period"],
            c["when"],
            c["days"],
        )
        for c in listed
    ]
    assert changes == worst_first(changes) and len({c.code for c in changes}) > 2
    # Within "status changed": every move for the worse comes before any move for the better.
    severity = {
        "missed": 0,
        "at_risk": 1,
        "behind": 1,
        "not_reported": 2,
        "on_track": 3,
        "on_pace": 3,
        "met": 4,
    }
    moves = [
        severity[c.new] - severity[c.old]
        for c in changes
        if c.code == "status" and c.old in severity and c.new in severity
    ]
    assert moves and moves == sorted(moves, key=lambda m: 0 if m < 0 else 1 if m == 0 else 2)
