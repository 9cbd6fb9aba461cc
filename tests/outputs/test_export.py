"""Exports: golden files, read-back of XLSX and Parquet, formula neutralisation, file safety."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import IO

import openpyxl
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.cli import main
from console.outputs.export import ExportError, Provenance, export_views, neutralise, place
from console.present.assemble import compute, export_selection, render_views
from console.present.viewmodel import Cell, Column, Field, Row, View

GOLDEN = Path(__file__).parent / "golden"
PROV = Provenance(
    title="驻马店市开发区三年行动方案监测（示例进度数据）",
    as_of="2026Q3",
    sample=True,
    year=2026,
    counties=("平舆县", "正阳县"),
    view="clusters",
    search="",
    sort="-target",
    lang="zh",
    exported_at="2026-11-26T09:30:00+08:00",
    command="devzones export --view clusters --year 2026 --county 平舆县 --county 正阳县 --sort=-target --lang zh --format csv --out x.csv",
    version="0.1.0",
)


@pytest.fixture(scope="module")
def views(dataset):
    from console.core.config import load_settings

    snap = compute(dataset, load_settings(), 2026, ["平舆县", "正阳县"])
    return render_views(snap, "zh", False, words=True)


def _golden(name: str, produced: bytes) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_bytes(produced)
    assert produced == path.read_bytes(), f"{name} differs from its golden file (UPDATE_GOLDEN=1 rewrites it)"


@pytest.mark.parametrize("fmt", ["csv", "json", "md"])
def test_golden_files(views, tmp_path: Path, fmt: str) -> None:
    chosen = export_selection(views, "clusters", {"clusters": ("", "target", True)})
    written = export_views(chosen, fmt, tmp_path / f"clusters.{fmt}", PROV)
    assert [p.name for p in written] == [f"clusters.{fmt}", f"clusters.{fmt}.manifest.toml"]
    _golden(f"clusters.{fmt}", written[0].read_bytes())
    _golden(f"clusters.{fmt}.manifest.toml", written[1].read_bytes())


def test_csv_opens_in_excel_on_chinese_windows(views, tmp_path: Path) -> None:
    path = export_views(export_selection(views, "zones", {}), "csv", tmp_path / "z.csv", PROV)[0]
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "有风险" in raw.decode("utf-8-sig")  # statuses as words, not only colours


@pytest.mark.filterwarnings("ignore:Sparkline Group extension:UserWarning")  # openpyxl cannot read them
def test_xlsx_reads_back(views, tmp_path: Path) -> None:
    path = export_views(export_selection(views, "all", {}), "xlsx", tmp_path / "all.xlsx", PROV)[0]
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["概览", "开发区", "产业集群", "重点任务", "量化指标", "排名", "关于"]
    clusters = book["产业集群"]
    header = [c.value for c in clusters[1]]
    # The reader's columns first, named by zone and industry, then what they come to (the status in
    # words, on the first printed page), then the figures; the codes last (issue 22: they do not print).
    assert header[:7] == ["开发区", "产业", "状态（文字）", "目标", "累计", "数据期", "完成比例"]
    assert header[-5:] == ["季度营收走势", "标记", "开发区全称", "产业（数据名）", "状态"]
    assert clusters.freeze_panes == "C2"
    assert (
        clusters["A2"].value == "平舆"
        and clusters["C2"].value == "落后"
        and clusters["D2"].value == 90
        and isinstance(clusters["E2"].value, float)
        and clusters["G2"].number_format == "0.0%_ "
    )
    assert clusters.column_dimensions["B"].width >= 10  # 皮革皮具 is 8 cells wide
    about = {row[0].value: row[1].value for row in book["关于"].iter_rows()}
    assert about["示例数据"].startswith("是") and about["县区"] == "平舆县、正阳县"
    assert about["重新生成"] == PROV.command


def test_parquet_reads_back_with_provenance(views, tmp_path: Path) -> None:
    path = export_views(export_selection(views, "rankings", {}), "parquet", tmp_path / "r.parquet", PROV)[0]
    frame = pl.read_parquet(path)
    assert frame.columns[:5] == ["rank", "zone_id", "zone", "county", "score"]
    assert frame.schema["score"] == pl.Float64 and frame.schema["rank"] == pl.Int64
    assert set(frame["zone"]) == {"平舆", "正阳"}
    meta = pl.read_parquet_metadata(path)
    prov = json.loads(meta["devzones"])
    assert prov["sample"] is True and prov["counties"] == ["平舆县", "正阳县"]
    labels = {c["code"]: c["label"] for c in json.loads(meta["devzones_columns"])}
    assert labels["rank"] == "全市名次" and labels["score"] == "综合得分"


def _hostile() -> View:
    columns = (
        Column("name", "名称", fields=(Field("name", "名称"),)),
        Column("value", "数值", numeric=True, fields=(Field("value", "数值", "float"),)),
    )
    cells = ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\ry", "ok"]
    rows = tuple(
        Row(str(i), (Cell(c, (c,), c), Cell(str(-i - 0.5), (-i - 0.5,), -i - 0.5)))
        for i, c in enumerate(cells)
    )
    return View("zones", "开发区", columns, rows)


def test_formulas_are_neutralised_in_csv_and_xlsx_and_numbers_stay_numbers(tmp_path: Path) -> None:
    assert neutralise("=1") == "'=1" and neutralise("ok") == "ok"
    csv_path = export_views([_hostile()], "csv", tmp_path / "h.csv", PROV)[0]
    text = csv_path.read_text(encoding="utf-8-sig")
    for bad in ("'=1+1", "'+cmd", "'-2+3", "'@SUM(A1)", "'\tx"):
        assert bad in text
    assert "\n'=1+1,-0.5\n" in text and "'-" not in text.replace("'-2+3", "")  # numbers unguarded
    xlsx_path = export_views([_hostile()], "xlsx", tmp_path / "h.xlsx", PROV)[0]
    sheet = openpyxl.load_workbook(xlsx_path)["开发区"]
    names = [sheet.cell(r, 1).value for r in range(2, 9)]
    assert names[:4] == ["'=1+1", "'+cmd", "'-2+3", "'@SUM(A1)"] and names[-1] == "ok"
    assert sheet.cell(3, 2).value == -1.5  # a negative number stays a number


def test_never_overwrites_and_force_replaces(views, tmp_path: Path) -> None:
    chosen = export_selection(views, "zones", {})
    first = export_views(chosen, "json", tmp_path / "z.json", PROV)
    before = first[0].read_bytes()
    second = export_views(chosen, "json", tmp_path / "z.json", PROV)
    assert [p.name for p in second] == ["z-2.json", "z-2.json.manifest.toml"]
    assert first[0].read_bytes() == before
    forced = export_views(chosen, "json", tmp_path / "z.json", PROV, force=True)
    assert forced[0] == first[0]


def test_two_exports_at_once_both_keep_their_files(tmp_path: Path) -> None:
    barrier = threading.Barrier(2)
    results: list[Path] = []

    def write(tag: bytes) -> None:
        barrier.wait()
        results.append(place(tmp_path / "same.csv", lambda h: h.write(tag)))

    threads = [threading.Thread(target=write, args=(t,)) for t in (b"one", b"two")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(p.name for p in results) == ["same-2.csv", "same.csv"]
    assert sorted(p.read_bytes() for p in results) == [b"one", b"two"]


def test_a_failure_mid_write_leaves_no_partial_file(tmp_path: Path) -> None:
    def half(handle: IO[bytes]) -> None:
        handle.write(b"half a file")
        raise OSError(28, "No space left on device")

    with pytest.raises(ExportError, match="No space left"):
        place(tmp_path / "out.csv", half)
    assert list(tmp_path.iterdir()) == []


def test_missing_or_unwritable_folder(views, tmp_path: Path) -> None:
    chosen = export_selection(views, "zones", {})
    with pytest.raises(ExportError, match="folder does not exist"):
        export_views(chosen, "csv", tmp_path / "nope" / "z.csv", PROV)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        if os.geteuid() != 0:  # root may write anyway
            with pytest.raises(ExportError, match="not writable"):
                export_views(chosen, "csv", locked / "z.csv", PROV)
    finally:
        locked.chmod(0o755)
    assert not (tmp_path / "nope").exists()


def test_cli_export_and_its_manifest(tmp_path: Path, capsys) -> None:
    code = main(
        [
            "export",
            "--view",
            "clusters",
            "--search",
            "食",
            "--sort=-target",
            "--format",
            "json",
            "--out",
            str(tmp_path / "c.json"),
        ]
    )
    assert code == 0
    document = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    targets = [row["target"] for row in document["tables"]["clusters"]["rows"]]
    assert targets == sorted(targets, reverse=True) and len(targets) == 5  # 经开区 遂平 新蔡 正阳 泌阳
    assert document["meta"]["sample"] is True and "--search '食'" in document["meta"]["command"]
    manifest = (tmp_path / "c.json.manifest.toml").read_text(encoding="utf-8")
    assert "sample = true" in manifest and 'format = "json"' in manifest
    assert (
        main(
            [
                "export",
                "--view",
                "zones",
                "--sort=nope",
                "--format",
                "csv",
                "--out",
                str(tmp_path),
                "--lang",
                "en",
            ]
        )
        == 2
    )
    assert "no column 'nope'" in capsys.readouterr().err


async def test_console_export_equals_the_cli_export(data_dir: Path, tmp_path: Path, capsys) -> None:
    from console.core.config import load_settings
    from console.tui.app import DevZonesApp
    from widgets.dialogs import ExportDialog

    (tmp_path / "ui").mkdir()
    settings = load_settings(data_dir=data_dir)
    app = DevZonesApp(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("3", "s", "slash", "食", "enter", "e")
        assert isinstance(app.screen, ExportDialog)
        folder = app.screen.query_one("#folder")
        folder.value = str(tmp_path / "ui")
        from textual.widgets import RadioButton

        app.screen.query_one("#format").query(RadioButton)[3].value = True  # JSON
        await pilot.pause()
        assert app.screen.query_one("#name").value.endswith(".json")  # the suggested name follows
        await pilot.press("ctrl+s")  # Enter confirms a field; Ctrl+S (or the Export button) exports
        await app.workers.wait_for_complete()
        await pilot.pause()
    ui_file = next((tmp_path / "ui").glob("devzones-clusters-2026-*.json"))
    ui = json.loads(ui_file.read_text(encoding="utf-8"))
    cli_out = tmp_path / "cli.json"
    assert (
        main(
            [
                "export",
                "--view",
                "clusters",
                "--search",
                "食",
                "--sort=zone",
                "--format",
                "json",
                "--out",
                str(cli_out),
            ]
        )
        == 0
    )
    cli = json.loads(cli_out.read_text(encoding="utf-8"))
    assert ui["tables"] == cli["tables"]
    assert len(ui["tables"]["clusters"]["rows"]) == 5
    for key in ("view", "search", "sort", "year", "counties", "sample"):
        assert ui["meta"][key] == cli["meta"][key]
    assert ui["meta"]["command"].replace(str(ui_file), "OUT") == cli["meta"]["command"].replace(
        str(cli_out), "OUT"
    )


_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_texts = st.tuples(
    st.sampled_from(("", *_TRIGGERS)),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
).map("".join)


@settings(max_examples=40)
@given(
    rows=st.lists(
        st.tuples(
            _texts, st.floats(allow_nan=False, allow_infinity=False, width=32), st.integers(-(10**6), 10**6)
        ),
        min_size=1,
        max_size=5,
    )
)
def test_the_formula_guard_touches_text_only_never_numbers(rows: list[tuple[str, float, int]]) -> None:
    """Any text that a spreadsheet would run gets a leading apostrophe; numbers stay numbers, unguarded."""
    import csv as csv_module
    import tempfile

    columns = (
        Column("name", "名称", fields=(Field("name", "名称"),)),
        Column("x", "数值", numeric=True, fields=(Field("x", "数值", "float"),)),
        Column("n", "个数", numeric=True, fields=(Field("n", "个数", "int"),)),
    )
    view = View(
        "zones",
        "开发区",
        columns,
        tuple(
            Row(str(i), (Cell(t, (t,), t), Cell(str(x), (x,), x), Cell(str(n), (n,), n)))
            for i, (t, x, n) in enumerate(rows)
        ),
    )
    with tempfile.TemporaryDirectory() as folder:
        path = export_views([view], "csv", Path(folder) / "p.csv", PROV)[0]
        with path.open(encoding="utf-8-sig", newline="") as handle:
            back = list(csv_module.reader(handle))[1:]
        book = openpyxl.load_workbook(export_views([view], "xlsx", Path(folder) / "p.xlsx", PROV)[0])
    sheet = book["开发区"]
    for r, ((text, x, n), cells) in enumerate(zip(rows, back, strict=True), start=2):
        guarded = text.startswith(_TRIGGERS)
        assert cells[0] == ("'" + text if guarded else text)
        assert float(cells[1]) == pytest.approx(x) and int(cells[2]) == n
        assert not cells[1].startswith("'") and not cells[2].startswith("'")
        assert isinstance(sheet.cell(r, 2).value, int | float) and sheet.cell(r, 3).value == n
        if text:
            # A text that itself begins with ' (found by Hypothesis: "'") keeps it, guarded or not.
            assert str(sheet.cell(r, 1).value).startswith("'") == (guarded or text.startswith("'"))


def test_no_printed_figure_runs_into_the_words_after_it(tmp_path: Path) -> None:
    """Every number in every sheet is shown with a space after it (its format ends in ``_ ``): on paper a
    right-aligned 3 beside 后10通报 read "3后10通报", 75.0% beside behind "75.0% behind"."""
    out = tmp_path / "all.xlsx"
    assert main(["export", "--view", "all", "--format", "xlsx", "--out", str(out), "--lang", "en"]) == 0
    book = openpyxl.load_workbook(out)
    numbers = [
        cell
        for sheet in book.worksheets
        for row in sheet.iter_rows(min_row=2)
        for cell in row
        if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool)
    ]
    assert len(numbers) > 100
    assert [c.coordinate for c in numbers if not c.number_format.endswith("_ ")] == []


def test_an_amount_column_shows_the_same_decimals_on_every_row(tmp_path: Path) -> None:
    """进度目标 read 210 / 153.75 / 37.50 / 105 down one column (a whole amount lost its decimals, as
    a count does): an amount in 亿元 keeps two decimals on every row, a count none."""
    out = tmp_path / "zones.xlsx"
    assert main(["export", "--view", "zones", "--format", "xlsx", "--out", str(out)]) == 0
    sheet = openpyxl.load_workbook(out).worksheets[0]
    header = [c.value for c in sheet[1]]
    pace = header.index("进度目标") + 1
    values = [
        sheet.cell(r, pace) for r in range(2, sheet.max_row + 1) if sheet.cell(r, pace).value is not None
    ]
    assert any(float(c.value).is_integer() for c in values)  # the case: a whole amount among others
    assert {c.number_format for c in values} == {"#,##0.00_ "}
