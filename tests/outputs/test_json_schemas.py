"""The shipped JSON Schemas (console/outputs/schemas) hold for every JSON output: status, rankings,
changes, check and export, in both languages, on the embedded data, a generated set and invalid data,
over years, counties and as-of quarters (issue 22, point 4). The schemas are strict: a field that
disappears or changes type fails them."""

from __future__ import annotations

import copy
import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from console.outputs.contract import SCHEMAS, schema
from tests.support.cli_run import run
from tests.support.contract import problems, validate

LANGS = ("zh", "en")
# (year, county, as-of): the default, each plan year, a county filter in either language, a quarter
# before any data (no score, no pace), an early quarter and a late one.
SWEEP = [
    (None, None, None),
    ("2024", None, None),
    ("2025", "平舆县", None),
    (None, "Zhengyang County,Pingyu County", "2025Q2"),
    (None, None, "2023Q4"),
    ("2024", None, "2024Q1"),
    ("2026", "驿城区", "2026Q2"),
]


def _json(capsys, *args: str) -> dict:
    code, out, err = run(capsys, *args)
    assert code in (0, 1, 3), err  # 1: status --fail-on-missing; 3: check on invalid data
    return json.loads(out)


def _filters(year: str | None, county: str | None, as_of: str | None) -> list[str]:
    out = ["--year", year] if year else []
    out += ["--county", county] if county else []
    return out + (["--as-of", as_of] if as_of else [])


def test_the_schemas_are_shipped_in_the_package_and_are_valid_draft_2020_12() -> None:
    folder = resources.files("console.outputs.schemas")
    assert sorted(p.name for p in folder.iterdir() if p.name.endswith(".json")) == sorted(
        f"{name}.schema.json" for name in SCHEMAS
    )
    for name in SCHEMAS:
        shape = schema(name)
        assert shape["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(shape)
        assert shape["properties"]["schema_version"] == {"const": 1}
        assert shape["additionalProperties"] is False and "schema_version" in shape["required"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("year", "county", "as_of"), SWEEP)
def test_status_rankings_and_export_hold_over_the_sweep(capsys, lang, year, county, as_of) -> None:
    filters = [*_filters(year, county, as_of), "--lang", lang]
    assert not problems(_json(capsys, "status", "--json", *filters), "status")
    assert not problems(_json(capsys, "rankings", "--json", *filters), "rankings")
    assert not problems(
        _json(capsys, "export", "--view", "all", "--format", "json", "--out", "-", *filters), "export"
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("view", ["zones", "clusters"])
def test_the_long_shape_and_changes_mode_hold(capsys, lang: str, view: str) -> None:
    args = ["export", "--view", view, "--format", "json", "--out", "-", "--lang", lang]
    validate(_json(capsys, *args, "--shape", "long"), "export")
    validate(_json(capsys, *args, "--as-of", "2025Q3", "--shape", "long"), "export")
    document = _json(capsys, *args, "--since", "2026Q1")
    assert "changes" in document["tables"]
    validate(document, "export")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("start", "end", "county"), [("2026Q2", None, None), ("2024Q1", "2025Q4", "平舆县")])
def test_changes_hold(capsys, lang: str, start: str, end: str | None, county: str | None) -> None:
    args = [
        "changes",
        "--from",
        start,
        *(["--to", end] if end else []),
        *(["--county", county] if county else []),
    ]
    document = _json(capsys, *args, "--json", "--lang", lang)
    assert document["changes"]
    validate(document, "changes")


@pytest.mark.parametrize("lang", LANGS)
def test_check_holds_on_valid_and_invalid_data(capsys, data_copy: Path, lang: str) -> None:
    valid = _json(capsys, "check", "--json", "--lang", lang)
    assert valid["audit"]  # the plan's own inconsistencies: something to validate
    validate(valid, "check")
    revenue = data_copy / "cluster_revenue.csv"
    revenue.write_text(revenue.read_text(encoding="utf-8-sig").replace("58.3", "lots", 1), encoding="utf-8")
    invalid = _json(capsys, "--data", str(data_copy), "check", "--json", "--lang", lang)
    assert invalid["ok"] is False and invalid["errors"]
    validate(invalid, "check")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from console.cli import main

    out = tmp_path_factory.mktemp("generated") / "set"
    assert main(["generate", "--out", str(out), "--zones", "40", "--seed", "7"]) == 0
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_a_generated_set_holds(capsys, generated: Path, lang: str) -> None:
    data = ["--data", str(generated), "--lang", lang]
    capsys.readouterr()  # what generate printed
    assert not problems(_json(capsys, "status", "--json", *data), "status")
    assert not problems(_json(capsys, "rankings", "--json", *data), "rankings")
    assert not problems(_json(capsys, "check", "--json", *data), "check")
    assert not problems(
        _json(capsys, "export", "--view", "all", "--format", "json", "--out", "-", *data), "export"
    )
    document = _json(capsys, "changes", "--from", "2026Q1", "--json", *data)
    assert not problems(document, "changes")


def test_a_field_that_disappears_or_changes_type_fails(capsys) -> None:
    """The schemas can fail: each change a script would trip on is caught."""
    status = _json(capsys, "status", "--json")
    broken = []
    gone = copy.deepcopy(status)
    del gone["zones"][0]["missing"]
    broken.append(gone)
    words = copy.deepcopy(status)
    words["tables"]["zones"]["rows"][0]["missing"] = "营收"  # the case: words, not a list of codes
    broken.append(words)
    typed = copy.deepcopy(status)
    typed["zones"][0]["revenue_ytd"] = "232.61"
    broken.append(typed)
    renamed = copy.deepcopy(status)
    renamed["tables"]["zones"]["rows"][0]["tier_state"] = renamed["tables"]["zones"]["rows"][0].pop(
        "tier_status"
    )
    broken.append(renamed)
    version = copy.deepcopy(status)
    version["schema_version"] = 2
    broken.append(version)
    for document in broken:
        with pytest.raises(jsonschema.ValidationError):
            validate(document, "status")
    rankings = _json(capsys, "rankings", "--json")
    rankings["table"]["rows"][0]["flags"] = "rank_bottom"  # a list of codes became one string
    with pytest.raises(jsonschema.ValidationError):
        validate(rankings, "rankings")
