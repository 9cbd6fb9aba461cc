"""How many bytes a set of views holds in memory: the snapshot cache's measure for its limit
(``[performance] view_cache_mb``). An estimate from a sample of each table's rows, scaled to all of
them: walking every cell of 2,543 zones would take longer than a look-up should."""

from __future__ import annotations

import sys
from dataclasses import fields, is_dataclass
from typing import Any

from console.present.viewmodel import Views

_SAMPLE = 48  # rows measured per table, spread over it


def views_bytes(views: Views) -> int:
    """The bytes ``views`` hold: header, overview, columns, and each table's rows from a sample."""
    seen: set[int] = set()
    total = _deep(views, seen, shallow=True) + _deep(views.header, seen) + _deep(views.overview, seen)
    for view in views.tables.values():
        rows = view.rows
        total += _deep(view, seen, shallow=True) + sys.getsizeof(rows) + _deep(view.columns, seen)
        if rows:
            sample = rows[:: max(1, len(rows) // _SAMPLE)]
            total += sum(_deep(row, seen) for row in sample) * len(rows) // len(sample)
    return total


def _deep(obj: Any, seen: set[int], shallow: bool = False) -> int:
    """``obj``'s size with what it holds (each object once); ``shallow``: without its fields."""
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    size = sys.getsizeof(obj)
    if shallow or obj is None or isinstance(obj, str | int | float | bool):
        return size
    if isinstance(obj, tuple | list | set | frozenset):
        return size + sum(_deep(item, seen) for item in obj)
    if isinstance(obj, dict):
        return size + sum(_deep(k, seen) + _deep(v, seen) for k, v in obj.items())
    if is_dataclass(obj):
        own = sys.getsizeof(obj.__dict__) if hasattr(obj, "__dict__") else 0
        return size + own + sum(_deep(getattr(obj, f.name), seen) for f in fields(obj))
    return size
