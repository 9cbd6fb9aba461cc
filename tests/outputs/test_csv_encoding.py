"""CSV for older readers: --encoding gb18030 (or gbk), round-tripping Chinese; a clear error otherwise."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.cli import main
from console.outputs.export import EncodingProblem, Provenance, export_views, neutralise
from console.present.viewmodel import Cell, Column, Field, Row, View

PROV = Provenance(
    title="t",
    as_of="2026Q3",
    sample=True,
    year=2026,
    counties=(),
    view="zones",
    search="",
    sort="",
    lang="zh",
    exported_at="2026-11-26T09:30:00+08:00",
    command="devzones export",
    version="0.1.0",
)


def _view(cells: list[tuple[str, str]]) -> View:
    columns = (
        Column("zone", "开发区", fields=(Field("zone", "开发区"),)),
        Column("note", "备注", fields=(Field("note", "备注"),)),
    )
    rows = tuple(Row(str(i), tuple(Cell(t, (t,), t) for t in c)) for i, c in enumerate(cells))
    return View("zones", "开发区", columns, rows)


def test_gb18030_round_trips_chinese_from_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "zones.csv"
    assert (
        main(["export", "--view", "zones", "--format", "csv", "--encoding", "gb18030", "--out", str(out)])
        == 0
    )
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # no UTF-8 BOM in a GB18030 file
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    frame = pl.read_csv(out, encoding="gb18030")
    assert "经开区" in frame.get_column("开发区").to_list()
    assert "按时" in frame.get_column("报送状态（文字）").to_list()  # statuses as words in the file
    utf8 = tmp_path / "utf8.csv"
    assert main(["export", "--view", "zones", "--format", "csv", "--out", str(utf8)]) == 0
    assert pl.read_csv(utf8).equals(frame)  # the same table either way
    manifest = (tmp_path / "zones.csv.manifest.toml").read_text(encoding="utf-8")
    assert "--encoding gb18030" in manifest  # the command that makes the same file again


@given(st.lists(st.tuples(st.text(max_size=12), st.text(max_size=12)), max_size=6))
def test_any_text_round_trips_in_gb18030(tmp_path_factory, cells: list[tuple[str, str]]) -> None:
    cells = [(a.replace("\r", ""), b.replace("\r", "")) for a, b in cells]  # csv turns a lone \r into \n
    folder = tmp_path_factory.mktemp("csv")
    try:
        path = export_views([_view(cells)], "csv", folder / "x.csv", PROV, encoding="gb18030")[0]
    except EncodingProblem as problem:  # only a lone surrogate: no encoding holds it
        assert any("\ud800" <= ch <= "\udfff" for pair in cells for ch in "".join(pair)), problem
        assert list(folder.iterdir()) == []
        return
    text = path.read_bytes().decode("gb18030")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[1:] == [[neutralise(a), neutralise(b)] for a, b in cells]


def test_an_unencodable_character_names_its_line_and_column(tmp_path: Path, capsys, data_copy: Path) -> None:
    view = _view([("经开区", "按时"), ("上蔡", "✓ 按时")])
    with pytest.raises(EncodingProblem) as caught:
        export_views([view], "csv", tmp_path / "x.csv", PROV, encoding="gbk")
    message = str(caught.value)
    assert "第 3 行" in message and "“备注”列" in message and "U+2713" in message and "gb18030" in message
    assert [p.name for p in tmp_path.iterdir()] == ["data"]  # nothing written (only the data copy is there)
    # From the command line: a usage error (2) in the chosen language, no traceback, no file. Exports hold
    # data (statuses as words, no ✓), so the data carries the character: 㐀 is in GB18030, not in GBK.
    zones = data_copy / "zones.csv"
    zones.write_text(
        zones.read_text(encoding="utf-8-sig").replace(",Econ-Tech Zone,", ",Econ-Tech Zone 㐀,"),
        encoding="utf-8",
    )
    out = tmp_path / "zones.csv"
    assert (
        main(
            [
                "export",
                "--data",
                str(data_copy),
                "--view",
                "zones",
                "--format",
                "csv",
                "--encoding",
                "gbk",
                "--lang",
                "en",
                "--out",
                str(out),
            ]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert (
        "cannot be written in gbk" in err and "line " in err and "column '" in err and "Traceback" not in err
    )
    assert not out.exists()


def test_view_all_writes_no_file_when_one_table_cannot_be_encoded(tmp_path: Path) -> None:
    good, bad = _view([("a", "b")]), _view([("c", "✓")])
    bad = View("tasks", "重点任务", bad.columns, bad.rows)
    with pytest.raises(EncodingProblem):
        export_views([good, bad], "csv", tmp_path / "all.csv", PROV, encoding="gbk")
    assert list(tmp_path.iterdir()) == []


def test_encoding_is_for_csv_only(tmp_path: Path, capsys) -> None:
    args = ["export", "--format", "json", "--encoding", "gb18030", "--out", str(tmp_path / "x.json")]
    assert main(args) == 2
    assert "--encoding" in capsys.readouterr().err and list(tmp_path.iterdir()) == []
