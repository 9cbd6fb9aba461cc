"""The tables --json prints are the console's own: built without their sparklines (which JSON does not
print), they hold the same values, in the same order, with the same columns."""

from __future__ import annotations

import pytest

from console.engine.evaluation import evaluate
from console.outputs.export import view_json
from console.present.assemble import status_views


@pytest.mark.parametrize(("year", "lang", "ascii_only"), [(2025, "zh", False), (2026, "en", True)])
def test_json_tables_are_the_console_tables_without_sparklines(
    dataset, settings, year: int, lang: str, ascii_only: bool
) -> None:
    ev = evaluate(dataset, settings, year=year)
    shown = status_views(dataset, ev, lang, ascii_only)
    headless = status_views(dataset, ev, lang, ascii_only, shown=False)
    assert [view_json(v, lang) for v in headless] == [view_json(v, lang) for v in shown]
    for console_view, json_view in zip(shown[:2], headless[:2], strict=True):  # zones, clusters
        trend = console_view.column_index("trend")
        assert any(row.cells[trend].text.strip() for row in console_view.rows)  # the console draws them
        assert not any(row.cells[trend].text for row in json_view.rows)
