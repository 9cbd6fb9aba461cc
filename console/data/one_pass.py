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


def _parsed(col: Column) -> str:
    """The name of the working column holding a number column's cells parsed (dropped once typed)."""
    return f"{ROW}:{col.name}"


def _number_good(col: Column) -> pl.Expr:
    """Whether a number column's parsed cell is one the careful path keeps (as _convert_number)."""
    value = pl.col(_parsed(col))
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
    return good.fill_null(False)


def _bad(col: Column) -> pl.Expr | None:
    """True in a row whose cell the careful path would report (scale columns aside), or None."""
    cell = pl.col(col.name)
    bad = None if col.nullable else cell.is_null()
    written = None
    if col.kind == "choice":
        written = cell.is_not_null() & ~cell.is_in(list(col.choices))
    elif col.kind in NUMBERS:
        written = cell.is_not_null() & ~_number_good(col)
    if written is None:
        return bad
    return written if bad is None else bad | written


def _checked(frame: pl.DataFrame, present: list[Column], separators: bool = False) -> pl.DataFrame | None:
    """One plan: ``frame`` with its number columns parsed (each once) into working columns; None when
    any cell but a scale column's is bad. A number is read as written first; only when one is not
    (``1,234`` or ``1 234``, written with ``separators``) is every number read again without its
    commas and spaces (that pattern over all 138,000 values of 2,543 zones took 5 ms): a number read
    as written holds neither, so both readings of it are the same."""
    numbers = [c for c in present if c.kind in NUMBERS]
    flags = [e for e in (_bad(c) for c in present) if e is not None]
    parse = []
    for c in numbers:
        cell = pl.col(c.name).str.replace_all(r"[,\s]", "") if separators else pl.col(c.name)
        parse.append(cell.cast(pl.Float64, strict=False).alias(_parsed(c)))
    if not flags:
        return frame.with_columns(parse) if parse else frame
    plan = frame.lazy().with_columns(parse).with_columns(pl.any_horizontal(flags).alias(ROW + ":bad"))
    checked = plan.collect()
    if not checked.get_column(ROW + ":bad").any():
        return checked
    return None if separators or not numbers else _checked(frame, present, separators=True)


def _scale_maps(frame: pl.DataFrame, scales: list[Column]) -> dict[str, dict[str, object]] | None:
    """Each scale column's distinct values, parsed (one plan); None when one cannot be parsed."""
    if not scales:
        return {}
    found = frame.select(pl.col(c.name).drop_nulls().unique().implode() for c in scales).row(0, named=True)
    maps: dict[str, dict[str, object]] = {}
    for col in scales:
        parser = PARSERS[col.kind][0]
        try:
            maps[col.name] = {value: parser(value) for value in found[col.name]}
        except ScaleError:
            return None
    return maps


def _scale(col: Column, mapping: dict[str, object]) -> pl.Expr:
    """A scale column typed; a period column written in the usual form (all of them, mostly) as it is."""
    dtype = PARSERS[col.kind][1]
    if dtype == pl.String and all(key == value for key, value in mapping.items()):
        return pl.col(col.name)
    return pl.col(col.name).replace_strict(mapping, default=None, return_dtype=dtype)


def typed_at_once(frame: pl.DataFrame, table: Table) -> pl.DataFrame | None:
    """``frame`` typed as console.data.validate.type_table types it when no cell is bad, else None."""
    present = [c for c in table.columns if c.name in frame.columns]
    checked = _checked(frame, present)
    maps = None if checked is None else _scale_maps(checked, [c for c in present if c.kind in PARSERS])
    if checked is None or maps is None:
        return None
    exprs = [pl.col(ROW)]
    for col in table.columns:
        if col.name not in frame.columns:
            exprs.append(pl.repeat(None, pl.len(), dtype=DTYPES.get(col.kind, pl.String)).alias(col.name))
        elif col.kind == "number":
            exprs.append(pl.col(_parsed(col)).alias(col.name))
        elif col.kind in NUMBERS:
            exprs.append(pl.col(_parsed(col)).cast(pl.Int64).alias(col.name))
        elif col.kind in PARSERS:
            exprs.append(_scale(col, maps[col.name]))
        else:
            exprs.append(pl.col(col.name))
    if "notes" in frame.columns:
        exprs.append(pl.col("notes"))
    return checked.select(exprs)


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
