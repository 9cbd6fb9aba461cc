"""``status --json`` and ``rankings --json`` print the documents the console's views make, byte for
byte, though their tables are made as data (views.headless) and written one at a time
(print_json_parts, whose bytes are the whole document's on a UTF-8 stdout and on a terminal in another
encoding)."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.cli import main
from console.cli.common import print_json, print_json_parts
from console.cli.selection import as_of
from console.core.config import load_settings
from console.data.dataset import Dataset
from console.data.loader import load_dataset
from console.engine.coverage import coverage
from console.engine.evaluation import check_year, evaluate, status_json
from console.engine.rankings import rankings_json
from console.outputs.export import view_json
from console.present.assemble import city_rankings, status_views
from console.present.views import rankings_view
from console.words import Lang

HEAD = {"as_of": "2026Q2", "zones": [{"zone": "甲\x1b区", "n": 1.5, "codes": []}], "empty": {}}
PARTS = [
    (
        "zones",
        {"title": "开发区", "columns": [{"code": "a\nb"}], "rows": [{"x": None, "y": [1, {"z": "\u202e"}]}]},
    ),
    ("clusters", {"title": "", "columns": [], "rows": [], "mark": "\u202e"}),
    ('引号"键', [[], {}, "行\n尾"]),
]


def _written(write: object, encoding: str, monkeypatch: pytest.MonkeyPatch) -> bytes:
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding=encoding, newline="\n"))
    write()  # type: ignore[operator]
    sys.stdout.flush()
    return raw.getvalue()


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
@pytest.mark.parametrize("parts", [PARTS, PARTS[:1], []])
def test_parts_give_the_whole_documents_bytes(
    monkeypatch: pytest.MonkeyPatch, encoding: str, parts: list[tuple[str, object]]
) -> None:
    whole = _written(lambda: print_json({**HEAD, "tables": dict(parts)}), encoding, monkeypatch)
    pieces = _written(lambda: print_json_parts(HEAD, "tables", iter(parts)), encoding, monkeypatch)
    assert pieces == whole
    assert b"\\u001b" in whole  # what a terminal acts on is escaped in both


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated") / "data"
    assert main(["generate", "--zones", "40", "--seed", "5", "--out", str(out)]) == 0
    return out


def test_a_part_that_fails_leaves_stdout_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    """As when the whole document was made first: a failure while a table is made writes nothing, so
    a script reading stdout never gets half a document (the guard reports the failure on stderr)."""

    def parts() -> Iterator[tuple[str, object]]:
        yield PARTS[0]
        raise RuntimeError("a table could not be made")

    with pytest.raises(RuntimeError):
        _written(lambda: print_json_parts(HEAD, "tables", parts()), "utf-8", monkeypatch)
    assert sys.stdout.buffer.getvalue() == b""  # type: ignore[attr-defined]


# (options, language, ascii, year, as of, first county only)
CHOICES = [
    (["--year", "2025"], "zh", False, 2025, None, False),
    (["--lang", "en", "--ascii"], "en", True, None, None, False),
    (["--as-of", "2026Q1"], "zh", False, None, "2026Q1", True),
]


def _asked(
    data: Path, options: list[str], quarter: str | None, lang: Lang, one_county: bool
) -> tuple[Dataset, list[str], list[str]]:
    """The dataset as the command sees it, the county filter (its first county, or none) and the
    command line's options that ask for them."""
    ds = as_of(load_dataset(data), quarter, lang)
    counties = sorted(set(ds["zones"].get_column("county").to_list()))[:1] if one_county else []
    return ds, counties, [*options, *(["--county", counties[0]] if counties else []), "--data", str(data)]


@pytest.mark.parametrize(("options", "lang", "ascii_only", "year", "quarter", "one_county"), CHOICES)
@pytest.mark.parametrize("source", ["embedded", "generated"])
def test_status_json_is_the_document_of_the_console_views(
    monkeypatch: pytest.MonkeyPatch,
    data_dir: Path,
    generated: Path,
    source: str,
    options: list[str],
    lang: Lang,
    ascii_only: bool,
    year: int | None,
    quarter: str | None,
    one_county: bool,
) -> None:
    """What ``status --json`` prints, byte for byte: the engine's document and every table of the
    console's views (sparklines drawn and all) written as one document."""
    data = data_dir if source == "embedded" else generated
    ds, counties, asked = _asked(data, options, quarter, lang, one_county)
    printed = _written(lambda: main([*asked, "status", "--json"]), "utf-8", monkeypatch)

    settings = load_settings(data_dir=data, lang=lang, ascii=ascii_only, remembered=False)
    ev = evaluate(ds, settings, year=year, counties=counties or None)
    views = status_views(ds, ev, lang, ascii_only)
    document = {**status_json(ev), "tables": {v.tab: view_json(v, lang) for v in views}}
    assert printed == _written(lambda: print_json(document), "utf-8", monkeypatch)
    assert len(printed) > 10_000


@pytest.mark.parametrize(("options", "lang", "ascii_only", "year", "quarter", "one_county"), CHOICES)
@pytest.mark.parametrize("source", ["embedded", "generated"])
def test_rankings_json_is_the_document_of_the_console_view(
    monkeypatch: pytest.MonkeyPatch,
    data_dir: Path,
    generated: Path,
    source: str,
    options: list[str],
    lang: Lang,
    ascii_only: bool,
    year: int | None,
    quarter: str | None,
    one_county: bool,
) -> None:
    """What ``rankings --json`` prints, byte for byte: the engine's document and the console's
    Rankings table (the rules in words) written as one document."""
    data = data_dir if source == "embedded" else generated
    ds, counties, asked = _asked(data, options, quarter, lang, one_county)
    printed = _written(lambda: main([*asked, "rankings", "--json"]), "utf-8", monkeypatch)

    settings = load_settings(data_dir=data, lang=lang, ascii=ascii_only, remembered=False)
    shown_year = check_year(ds, year)
    ranked = city_rankings(ds, shown_year, settings, counties)
    view = rankings_view(ranked, lang, ascii_only, coverage(ds))
    document = {**rankings_json(ranked, shown_year, ds, counties), "table": view_json(view, lang)}
    assert printed == _written(lambda: print_json(document), "utf-8", monkeypatch)
    assert len(printed) > 2_000
