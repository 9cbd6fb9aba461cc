"""The common case of a load, answered in one polars plan per table: "every cell, key and reference is good".

Each check here only says whether a table is wholly good. When it is not, the loader takes the careful
path of console.data.validate and console.data.loader, which names each bad cell's file, row, column and
value; so what a user sees never depends on which path ran, only how soon (tests/unit/test_one_pass.py).
"""

from __future__ import annotations

import polars as pl

from console.data.scales import ScaleError
from console.data.schema import SANE_BOUND, Column, Reference, Table
from console.data.validate import DTYPES, PARSERS, ROW

NUMBERS = ("int", "year", "number")


def _number(col: Column) -> tuple[pl.Expr, pl.Expr]:
    """The typed value of a number column and whether a written cell is a good one (as _convert_number)."""
    value = pl.col(col.name).str.replace_all(r"[,\s]", "").cast(pl.Float64, strict=False)
    good = value.is_finite()
    if col.kind != "number":
        good = good & (value == value.floor())
    bound = SANE_BOUND.get(col.kind)
    if bound is not None:
        good = good & (value.abs() <= bound)
    if col.minimum is not None:
        good = good & (value >= col.minimum)
    if col.maximum is not None:
        good = good & (value <= col.maximum)
    return (value if col.kind == "number" else value.cast(pl.Int64)), good.fill_null(False)


def _bad(col: Column) -> pl.Expr | None:
    """True in a row whose cell the careful path would report (scale columns aside), or None."""
    cell = pl.col(col.name)
    bad = None if col.nullable else cell.is_null()
    written = None
    if col.kind == "choice":
        written = cell.is_not_null() & ~cell.is_in(list(col.choices))
    elif col.kind in NUMBERS:
        written = cell.is_not_null() & ~_number(col)[1]
    if written is None:
        return bad
    return written if bad is None else bad | written


def _scale_maps(frame: pl.DataFrame, table: Table) -> dict[str, dict[str, object]] | None:
    """One plan: whether any cell is bad and each scale column's distinct values, parsed; None when any
    cell is bad (or a scale value cannot be parsed)."""
    present = [c for c in table.columns if c.name in frame.columns]
    flags = [e for e in (_bad(c) for c in present) if e is not None]
    scales = [c for c in present if c.kind in PARSERS]
    exprs = [pl.any_horizontal(flags).any().alias(ROW)] if flags else []
    exprs += [pl.col(c.name).drop_nulls().unique().implode() for c in scales]
    if not exprs:
        return {}
    found = frame.select(exprs).row(0, named=True)
    if flags and found[ROW]:
        return None
    maps: dict[str, dict[str, object]] = {}
    for col in scales:
        parser = PARSERS[col.kind][0]
        try:
            maps[col.name] = {value: parser(value) for value in found[col.name]}
        except ScaleError:
            return None
    return maps


def typed_at_once(frame: pl.DataFrame, table: Table) -> pl.DataFrame | None:
    """``frame`` typed as console.data.validate.type_table types it when no cell is bad, else None."""
    maps = _scale_maps(frame, table)
    if maps is None:
        return None
    exprs = [pl.col(ROW)]
    for col in table.columns:
        if col.name not in frame.columns:
            exprs.append(pl.repeat(None, pl.len(), dtype=DTYPES.get(col.kind, pl.String)).alias(col.name))
        elif col.kind in NUMBERS:
            exprs.append(_number(col)[0].alias(col.name))
        elif col.kind in PARSERS:
            dtype = PARSERS[col.kind][1]
            exprs.append(pl.col(col.name).replace_strict(maps[col.name], default=None, return_dtype=dtype))
        else:
            exprs.append(pl.col(col.name))
    if "notes" in frame.columns:
        exprs.append(pl.col("notes"))
    return frame.select(exprs)


def keys_distinct(frame: pl.DataFrame, table: Table) -> bool:
    """One plan: True when the key and every unique column set are distinct in every row that
    console.data.validate.check_keys looks at (False may still be a hash collision: look closer)."""
    if frame.height < 2:
        return True
    nullable = {c.name for c in table.columns if c.nullable}
    exprs = []
    for i, keys in enumerate((table.key, *table.unique)):
        required = [k for k in keys if k not in nullable]
        kept = pl.all_horizontal([pl.col(k).is_not_null() for k in required]) if required else pl.lit(True)
        hashes = pl.struct(keys).hash().filter(kept)
        exprs.append((hashes.n_unique() == hashes.len()).alias(str(i)))
    return all(frame.select(exprs).row(0))


def references_found(frame: pl.DataFrame, table: Table, typed: dict[str, pl.DataFrame]) -> bool:
    """One plan: True when every row's references (zones aside) name a row of their table."""
    refs: list[Reference] = [r for r in table.references if r.what != "zone" and r.table in typed]
    plans: list[pl.LazyFrame] = []
    for ref in refs:
        target = typed[ref.table].lazy().select(ref.target).unique()
        target = target.rename(dict(zip(ref.target, ref.columns, strict=True)))
        present = frame.lazy().select(ref.columns).drop_nulls()
        missing = present.join(target, on=list(ref.columns), how="anti", nulls_equal=True)
        plans.append(missing.select(pl.len().alias(str(len(plans)))))
    if not plans:
        return True
    counts = pl.concat(plans, how="horizontal").collect()
    return not any(counts.row(0))
