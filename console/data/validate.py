"""Turn a frame of text cells into a typed frame, collecting one DataError per bad cell.

Each check is vectorised with polars; only distinct values of the scale columns (stars, tiers,
periods, dates) are parsed in Python, so validation stays fast on national-scale data.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from datetime import date

import polars as pl

from console.core.text import Said
from console.data.errors import DataError
from console.data.problem_words import joined, said
from console.data.scale_forms import DATE_FORMS
from console.data.scales import ScaleError, parse_period, parse_star, parse_tier
from console.data.schema import SANE_BOUND, Column, Table

MAX_PER_PROBLEM = 10
ROW = "__row"


class Problems:
    """Collects errors, keeping at most MAX_PER_PROBLEM rows of any one kind of problem."""

    def __init__(self) -> None:
        self.errors: list[DataError] = []
        self._counts: dict[tuple[str, str | None, str], int] = {}
        self._kinds: dict[tuple[str, str | None, str], str] = {}

    def add(self, error: DataError, kind: str | None = None) -> None:
        key = (error.file, error.column, kind or error.message)
        seen = self._counts.get(key, 0)
        self._kinds.setdefault(key, kind or error.message)
        self._counts[key] = seen + 1
        if seen < MAX_PER_PROBLEM:
            self.errors.append(error)

    def finish(self) -> list[DataError]:
        """The errors, plus one line per kind of problem that was cut short."""
        for key, count in self._counts.items():
            file, column, _ = key
            if count > MAX_PER_PROBLEM:
                self.errors.append(
                    DataError(
                        file,
                        None,
                        column,
                        None,
                        said("more_rows", count=count - MAX_PER_PROBLEM, kind=self._kinds[key]),
                    )
                )
        return self.errors


def nearest(value: str, known: Iterable[str]) -> str | None:
    """The known value nearest ``value`` (a likely typo of it), or None when none is near."""
    match = difflib.get_close_matches(value, list(known), n=1, cutoff=0.5)
    return match[0] if match else None


def suggest(value: str, known: Iterable[str]) -> Said:
    """' Did you mean X?' (是否应为“X”？) for the nearest known value, or ''."""
    near = nearest(value, known)
    return said("did_you_mean", value=near) if near is not None else Said("", "")


def parse_date(raw: str) -> date:
    """Parse 2026-10-03, 2026/10/3 or 2026年10月3日. Raises ScaleError."""
    for form in DATE_FORMS:
        match = form.match(raw.strip())
        if match:
            try:
                return date(*(int(g) for g in match.groups()))
            except ValueError:
                break
    raise ScaleError(said("date"))


PARSERS: dict[str, tuple[Callable[[str], object], pl.DataType]] = {
    "star": (parse_star, pl.Int8()),
    "tier": (parse_tier, pl.Int8()),
    "period": (lambda v: str(parse_period(v)), pl.String()),
    "date": (parse_date, pl.Date()),
}


# The type each kind of column has once typed (an absent optional column gets the same).
DTYPES = {
    "int": pl.Int64,
    "year": pl.Int64,
    "number": pl.Float64,
    "star": pl.Int8,
    "tier": pl.Int8,
    "date": pl.Date,
}


def _report(problems: Problems, file: str, frame: pl.DataFrame, column: str, message: Said) -> None:
    for row, value in frame.select(ROW, column).iter_rows():
        problems.add(DataError(file, int(row), column, value, message), kind=message)


def _convert(frame: pl.DataFrame, col: Column, file: str, problems: Problems) -> pl.Series:
    """Typed values of one column; nulls where the cell was bad (and a problem was recorded)."""
    name = col.name
    raw = frame.get_column(name)
    if not col.nullable:
        _report(problems, file, frame.filter(raw.is_null()), name, said("required"))
    if col.kind in ("text",):
        return raw
    if col.kind == "choice":
        bad = frame.filter(raw.is_not_null() & ~raw.is_in(list(col.choices)))
        _report(problems, file, bad, name, said("one_of", choices=joined(list(col.choices))))
        return raw
    if col.kind in ("int", "year", "number"):
        return _convert_number(frame, raw, col, file, problems)
    parser, dtype = PARSERS[col.kind]
    mapping: dict[str, object] = {}
    failures: dict[str, Said] = {}
    for value in raw.drop_nulls().unique().to_list():
        try:
            mapping[value] = parser(value)
        except ScaleError as exc:
            failures[value] = said("expected", what=exc.args[0])
    for value, message in failures.items():
        _report(problems, file, frame.filter(raw == value), name, message)
    return raw.replace_strict(mapping, default=None, return_dtype=dtype)


def _fmt(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)


def _keep(values: pl.Series, mask: pl.Series) -> pl.Series:
    """``values`` where ``mask`` is true, null elsewhere."""
    return pl.select(pl.when(mask).then(values)).to_series().alias(values.name)


def _convert_number(
    frame: pl.DataFrame, raw: pl.Series, col: Column, file: str, problems: Problems
) -> pl.Series:
    expected = said({"int": "whole_number", "year": "year", "number": "number"}[col.kind])
    typed = raw.str.replace_all(r"[,\s]", "").cast(pl.Float64, strict=False)
    typed = _keep(typed, typed.is_finite().fill_null(False))
    if col.kind != "number":
        typed = _keep(typed, (typed == typed.floor()).fill_null(False))
    _report(
        problems,
        file,
        frame.filter(raw.is_not_null() & typed.is_null()),
        col.name,
        said("expected", what=expected),
    )
    bound = SANE_BOUND.get(col.kind)
    if bound is not None:
        huge = (typed.abs() > bound).fill_null(False)
        _report(
            problems,
            file,
            frame.filter(huge),
            col.name,
            said("bound", what=expected, bound=f"{bound:,.0f}"),
        )
        typed = _keep(typed, ~huge)
    if col.minimum is not None or col.maximum is not None:
        low = col.minimum if col.minimum is not None else float("-inf")
        high = col.maximum if col.maximum is not None else float("inf")
        out = ((typed < low) | (typed > high)).fill_null(False)
        if col.maximum is None:
            message = said("negative") if low == 0 else said("at_least", what=expected, low=_fmt(low))
        else:
            message = said("within", what=expected, low=_fmt(low), high=_fmt(high))
        _report(problems, file, frame.filter(out), col.name, message)
        typed = _keep(typed, ~out)
    return typed if col.kind == "number" else typed.cast(pl.Int64)


def check_header(frame: pl.DataFrame, table: Table, file: str, problems: Problems) -> bool:
    """Report missing and unexpected columns; True when the header is usable."""
    present = [c for c in frame.columns if c != ROW]
    ok = True
    for col in table.columns:
        if col.name not in present and not col.nullable:
            problems.add(
                DataError(
                    file,
                    1,
                    col.name,
                    None,
                    said("missing_column", column=col.name, description=table.about()),
                )
            )
            ok = False
    allowed = set(table.column_names) | set(table.optional)
    for name in present:
        if name not in allowed:
            hint = suggest(name, table.column_names)
            problems.add(
                DataError(
                    file,
                    1,
                    name,
                    name,
                    said("unexpected_column", columns=joined(list(table.column_names)), hint=hint),
                )
            )
            ok = False
    return ok


def type_table(frame: pl.DataFrame, table: Table, file: str, problems: Problems) -> pl.DataFrame:
    """Convert every declared column; absent nullable columns become null columns."""
    columns = [frame.get_column(ROW)]
    for col in table.columns:
        if col.name not in frame.columns:
            columns.append(pl.Series(col.name, [None] * frame.height, dtype=DTYPES.get(col.kind, pl.String)))
            continue
        columns.append(_convert(frame, col, file, problems).alias(col.name))
    if "notes" in frame.columns:
        columns.append(frame.get_column("notes"))
    return pl.DataFrame(columns)


def check_keys(
    frame: pl.DataFrame,
    keys: tuple[str, ...],
    file: str,
    problems: Problems,
    what: str = "key",
    nullable: tuple[str, ...] = (),
) -> None:
    """Report rows whose key repeats an earlier row.

    Rows with an empty required key cell (already reported as missing or unreadable) are left out;
    an empty cell in a ``nullable`` key column (a city-wide value has no zone) is part of the key.
    """
    if frame.height < 2:
        return
    required = [k for k in keys if k not in nullable]
    keyed = frame.drop_nulls(required) if required else frame
    # Distinct hashes mean distinct keys: the usual answer, in a third of the memory of comparing the
    # keys themselves (138,185 indicator values); equal hashes are looked at key by key.
    if keyed.select(pl.struct(keys).hash().n_unique()).item() == keyed.height:
        return
    dupes = keyed.filter(pl.struct(keys).is_duplicated()).sort(ROW)
    first: dict[tuple[object, ...], int] = {}
    for row in dupes.iter_rows(named=True):
        key = tuple(row[k] for k in keys)
        if key not in first:
            first[key] = row[ROW]
            continue
        shown = ", ".join(str(v) for v in key)  # the column(s) are named once, in the column part
        named = said("key") if what == "key" else said("column_value", column=what)
        problems.add(
            DataError(
                file,
                int(row[ROW]),
                keys[-1] if len(keys) == 1 else ", ".join(keys),
                shown,
                said("duplicate", what=named, first=first[key]),
            ),
            kind=said("duplicate_kind", what=named),
        )
