"""The output contract for scripts (issue 22, point 4): code columns hold codes in every language, every
output carries schema_version, and the shipped JSON Schemas hold for every JSON output."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from console.outputs.contract import PARQUET_KEY, SCHEMA_VERSION
from console.outputs.export import data_columns, data_rows, export_views, provenance
from console.present.assemble import compute, export_selection, render_views
from console.present.viewmodel import View
from tests.support.contract import CODE_KINDS, is_word_column

# A code: lower-case letters, digits and _ (a status, a kind, a rule), a plan reference (2(1)), a
# comparison (>=), an indicator (I01); keys that are the data's own Chinese names are kinds "code"
# too but are checked for agreement only.
CODE = re.compile(r"^[a-z0-9_()]+$|^[<>=]=?$|^I\d+$")
KEYS = ("zone_id", "industry_id")


@pytest.fixture(scope="module")
def tables(dataset) -> dict[str, tuple[View, View]]:
    """Every table of every view, with the changes table, in Chinese and in English (as exported)."""
    from console.core.config import load_settings
    from console.data.scales import parse_period
    from console.engine.changes import changes_between
    from console.present.changes_view import changes_table

    settings = load_settings()
    snap = compute(dataset, settings, 2026, None)
    found = changes_between(dataset, settings, parse_period("2026Q2"), dataset.as_of, [])
    out: dict[str, tuple[View, View]] = {}
    pair = []
    for lang in ("zh", "en"):
        views = render_views(snap, lang, False, words=True)
        chosen = export_selection(views, "all", {})
        chosen.append(changes_table(found, views, "2026Q2", str(dataset.as_of)))
        pair.append({v.tab: v for v in chosen})
    for tab in pair[0]:
        out[tab] = (pair[0][tab], pair[1][tab])
    return out


def test_every_view_is_audited(tables) -> None:
    assert set(tables) == {"overview", "zones", "clusters", "tasks", "indicators", "rankings", "changes"}
    assert all(zh.rows for zh, _ in tables.values())  # something to compare in each


@pytest.mark.parametrize(
    "tab", ["overview", "zones", "clusters", "tasks", "indicators", "rankings", "changes"]
)
def test_zh_and_en_agree_on_every_column_but_words(tables, tab: str) -> None:
    """Every column that is not words holds the same values in both languages; a new column that
    differs fails here until it is declared a word column (tests/support/contract.py) or made a code."""
    zh, en = tables[tab]
    columns = data_columns(zh, "zh")
    assert [c.code for c in columns] == [c.code for c in data_columns(en, "en")]
    rows_zh, rows_en = data_rows(zh, "zh"), data_rows(en, "en")
    assert len(rows_zh) == len(rows_en)
    differ = {
        c.code for c in columns for a, b in zip(rows_zh, rows_en, strict=True) if a[c.code] != b[c.code]
    }
    assert {code for code in differ if not is_word_column(code)} == set()


@pytest.mark.parametrize(
    "tab", ["overview", "zones", "clusters", "tasks", "indicators", "rankings", "changes"]
)
def test_code_columns_hold_codes(tables, tab: str) -> None:
    """A status, kind or list of them is a code (or a list of codes), never words; words are its twin."""
    zh, _ = tables[tab]
    columns = data_columns(zh, "zh")
    coded = [c for c in columns if c.kind in CODE_KINDS and c.code not in KEYS]
    assert coded
    for row in data_rows(zh, "zh"):
        for c in coded:
            value = row[c.code]
            values = value if c.kind == "codes" else [] if value is None else [value]
            assert isinstance(values, list)
            assert all(CODE.match(v) for v in values), (c.code, value)


def test_missing_is_a_list_of_codes_with_words_beside_it(tables) -> None:
    """The issue's case: status --json had ["revenue"] in zones[] but "营收" in the zones table."""
    zh, en = tables["zones"]
    row_zh = next(r for r in data_rows(zh, "zh") if r["missing"])
    row_en = next(r for r in data_rows(en, "en") if r["zone_id"] == row_zh["zone_id"])
    assert row_zh["missing"] == row_en["missing"]
    assert set(row_zh["missing"]) <= {"tier", "star", "revenue"}
    assert re.search(r"[\u4e00-\u9fff]", row_zh["missing_words"])  # words beside, in Chinese
    assert re.fullmatch(r"[A-Za-z ,]+", row_en["missing_words"])


def test_a_differing_column_is_caught(tables) -> None:
    """The agreement test can fail: a code column turned into words differs between the languages."""
    zh, en = tables["zones"]
    words_zh = [r["missing_words"] for r in data_rows(zh, "zh")]
    words_en = [r["missing_words"] for r in data_rows(en, "en")]
    assert words_zh != words_en and not is_word_column("missing")


def _prov(views, lang: str, fmt: str, out: Path):
    return provenance(views.header, "zones", "", "", lang, fmt, out)


def test_parquet_metadata_and_manifest_carry_the_schema_version(dataset, tmp_path: Path) -> None:
    from console.core.config import load_settings

    views = render_views(compute(dataset, load_settings(), 2026, None), "en", False, words=True)
    out = tmp_path / "z.parquet"
    written = export_views(
        export_selection(views, "zones", {}), "parquet", out, _prov(views, "en", "parquet", out)
    )
    meta = pl.read_parquet_metadata(written[0])
    assert meta[PARQUET_KEY] == str(SCHEMA_VERSION)
    frame = pl.read_parquet(written[0])
    assert frame.schema["missing"] == pl.List(pl.String)
    assert frame.filter(pl.col("missing").list.len() > 0).height > 0
    import tomllib

    manifest = tomllib.loads(written[1].read_text(encoding="utf-8"))
    assert manifest["export"]["schema_version"] == SCHEMA_VERSION


def test_csv_writes_a_list_of_codes_comma_separated(dataset, tmp_path: Path) -> None:
    from console.core.config import load_settings

    views = render_views(compute(dataset, load_settings(), 2026, None), "en", False, words=True)
    out = tmp_path / "z.csv"
    path = export_views(export_selection(views, "zones", {}), "csv", out, _prov(views, "en", "csv", out))[0]
    frame = pl.read_csv(path.read_bytes().removeprefix(b"\xef\xbb\xbf"), infer_schema=False)
    label = next(c.label for c in data_columns(views.tables["zones"], "en") if c.code == "missing")
    cells = frame.get_column(label).to_list()
    assert "revenue,tier" in cells or any(
        c and set(c.split(",")) <= {"tier", "star", "revenue"} for c in cells
    )
    assert all(c is None or re.fullmatch(r"[a-z,]+", c) for c in cells)


def test_json_export_starts_with_the_schema_version(dataset, tmp_path: Path) -> None:
    from console.core.config import load_settings

    views = render_views(compute(dataset, load_settings(), 2026, None), "zh", False, words=True)
    out = tmp_path / "z.json"
    path = export_views(export_selection(views, "zones", {}), "json", out, _prov(views, "zh", "json", out))[0]
    document = json.loads(path.read_text(encoding="utf-8"))
    assert next(iter(document)) == "schema_version" and document["schema_version"] == SCHEMA_VERSION


def _codes_only(document: Any) -> Any:
    """``document`` without what is words by design: word columns and ``…_words`` twins, titles,
    labels, units and messages (and the export's own record of the language and time)."""
    words = {"title", "label", "message", "lang", "command", "exported_at"}
    if isinstance(document, dict):
        return {k: _codes_only(v) for k, v in document.items() if not is_word_column(k) and k not in words}
    if isinstance(document, list):
        return [_codes_only(v) for v in document]
    return document


@pytest.mark.parametrize(
    "command",
    [
        ["status", "--json"],
        ["status", "--json", "--as-of", "2025Q2", "--county", "平舆县"],
        ["rankings", "--json"],
        ["changes", "--from", "2026Q1", "--json"],
        ["check", "--json"],
        ["export", "--view", "all", "--format", "json", "--out", "-"],
        ["export", "--view", "clusters", "--shape", "long", "--format", "json", "--out", "-"],
    ],
)
def test_every_json_document_agrees_in_both_languages(capsys, command: list[str]) -> None:
    """The documents scripts read, printed in Chinese and in English, hold the same codes and figures."""
    from tests.support.cli_run import run

    documents = []
    for lang in ("zh", "en"):
        code, out, err = run(capsys, *command, "--lang", lang)
        assert code == 0, err
        documents.append(json.loads(out))
    assert _codes_only(documents[0]) == _codes_only(documents[1])
    if command[0] != "changes":  # changes --json holds no words at all: the same document in both
        assert documents[0] != documents[1]  # words do differ: the comparison is not of two copies


@pytest.mark.parametrize(
    "command",
    [
        ["where", "--json"],
        ["export", "--view", "zones", "--format", "csv", "--json", "--out"],
        ["generate", "--zones", "12", "--json", "--out"],
    ],
)
def test_every_other_json_document_starts_with_the_schema_version(capsys, tmp_path: Path, command) -> None:
    """The commands that print what they did as JSON carry the version too (one printer for all)."""
    from tests.support.cli_run import run

    args = (
        [*command, str(tmp_path / ("z.csv" if "csv" in command else "set"))]
        if command[-1] == "--out"
        else command
    )
    code, out, err = run(capsys, *args)
    assert code == 0, err
    document = json.loads(out)
    assert next(iter(document)) == "schema_version" and document["schema_version"] == SCHEMA_VERSION


def test_check_names_a_level_by_its_code_in_both_languages(capsys) -> None:
    """The audit's level was 一星 in English too (the data's words): now a code, the words beside it."""
    from tests.support.cli_run import run

    found = {}
    for lang in ("zh", "en"):
        _, out, _ = run(capsys, "check", "--json", "--lang", lang)
        found[lang] = next(f for f in json.loads(out)["audit"] if f["check"] == "star_count")
    assert found["zh"]["level"] == found["en"]["level"] == "star_1"
    assert (found["zh"]["level_words"], found["en"]["level_words"]) == ("一星", "1-star")
