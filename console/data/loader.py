"""Load a dataset directory: find each table's file, read it, validate it, or report every problem.

A load either returns a complete Dataset or raises DataInvalid; it never writes to the directory.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import polars as pl

from console.core.text import clean
from console.data.dataset import Dataset
from console.data.errors import DataError, DataInvalid
from console.data.one_pass import keys_distinct, references_found, typed_at_once
from console.data.problem_words import detail, joined, said
from console.data.readers import read_table_file, unreadable
from console.data.scales import ScaleError, parse_period
from console.data.schema import AREAS, FORMATS, MANIFEST, RANK_POOLS, TABLES, TARGET_SOURCES, Manifest, Table
from console.data.unfinished import history_state, saved_copies
from console.data.validate import ROW, Problems, check_header, check_keys, suggest, type_table


def find_table_file(directory: Path, table: Table) -> tuple[Path | None, DataError | None]:
    """The one file that holds ``table`` in ``directory``, or the reason there is none."""
    found = [
        directory / f"{table.name}{ext}" for ext in FORMATS if (directory / f"{table.name}{ext}").is_file()
    ]
    if len(found) == 1:
        return found[0], None
    if not found:
        names = joined([f"{table.name}{ext}" for ext in FORMATS], "or")
        return None, DataError(
            f"{table.name}.csv",
            None,
            None,
            None,
            said("missing_file", names=names, description=table.about()),
        )
    listed = joined([p.name for p in found])
    return None, DataError(
        found[0].name, None, None, None, said("files_twice", listed=listed, table=table.name)
    )


def read_manifest(directory: Path, path: Path | None = None) -> Manifest:
    """Read and check manifest.toml (title, sample, and as_of when the data covers a quarter yet);
    ``path`` reads it from elsewhere (the copy an unfinished ingest saved), naming it as the manifest."""
    path = path or directory / MANIFEST
    try:
        exists = path.is_file()
        raw_bytes = path.read_bytes() if exists else b""
    except OSError as exc:
        raise DataInvalid([unreadable(MANIFEST, exc)]) from None
    if not exists:
        raise DataInvalid(
            [
                DataError(
                    MANIFEST,
                    None,
                    None,
                    None,
                    said("manifest_missing"),
                )
            ]
        )
    try:
        raw = tomllib.loads(raw_bytes.decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DataInvalid(
            [DataError(MANIFEST, None, None, None, said("not_toml", detail=detail(exc)))]
        ) from None
    problems: list[DataError] = []
    title = raw.get("title")
    if not isinstance(title, str) or not clean(title).strip():
        problems.append(DataError(MANIFEST, None, "title", _show(title), said("title_expected")))
    as_of = raw.get("as_of")
    try:
        as_of_text = str(parse_period(str(as_of))) if as_of is not None else None
    except ScaleError as exc:
        as_of_text = None
        problems.append(DataError(MANIFEST, None, "as_of", _show(as_of), said("expected", what=exc.args[0])))
    sample = raw.get("sample")
    if not isinstance(sample, bool):
        problems.append(
            DataError(
                MANIFEST,
                None,
                "sample",
                _show(sample),
                said("sample_expected"),
            )
        )
    for key, allowed in (("area", AREAS), ("ranked_in", RANK_POOLS), ("targets", TARGET_SOURCES)):
        value = raw.get(key)
        if value is not None and value not in allowed:
            problems.append(
                DataError(MANIFEST, None, key, _show(value), said("one_of", choices=", ".join(allowed)))
            )
    if problems:
        raise DataInvalid(problems)
    known = {"title", "title_en", "as_of", "sample"}
    return Manifest(
        title=clean(title).strip(),
        as_of=as_of_text,
        sample=bool(sample),
        title_en=clean(raw.get("title_en", "")).strip(),
        extra={k: v for k, v in raw.items() if k not in known},
    )


def _show(value: object) -> str | None:
    return None if value is None else clean(value)


def _normalise_zone_refs(
    frame: pl.DataFrame, table: Table, file: str, aliases: dict[str, str], problems: Problems
) -> pl.DataFrame:
    """Replace short zone names by full names and report unknown zones with the nearest name."""
    names = [c.name for c in table.columns if c.zone_ref and c.name in frame.columns]
    if not names:
        return frame
    # One plan gives every zone column's distinct names; they are looked up in ``aliases`` here.
    found = frame.select(pl.col(n).drop_nulls().unique().implode() for n in names).row(0, named=True)
    for name in names:
        distinct: list[str] = found[name]
        unknown = [v for v in distinct if v not in aliases]
        series = frame.get_column(name)
        for value in unknown:
            hint = suggest(value, aliases)
            for (row,) in frame.filter(series == value).select(ROW).iter_rows():
                problems.add(
                    DataError(
                        file,
                        int(row),
                        name,
                        value,
                        said("unknown_zone", hint=hint),
                    ),
                    kind=said("unknown_kind", what=said("zone")),
                )
        # Only the names written otherwise than in full are replaced (none, in most files).
        renamed = {v: aliases[v] for v in distinct if aliases.get(v, v) != v}
        if renamed:
            frame = frame.with_columns(series.replace(renamed).alias(name))
    return frame


def _check_references(
    frame: pl.DataFrame, table: Table, file: str, typed: dict[str, pl.DataFrame], problems: Problems
) -> None:
    for ref in table.references:
        if ref.what == "zone" or ref.table not in typed:
            continue  # zones are checked while normalising names
        target = typed[ref.table].select(ref.target).unique()
        target = target.rename(dict(zip(ref.target, ref.columns, strict=True)))
        present = frame.drop_nulls(list(ref.columns))
        missing = present.join(target, on=list(ref.columns), how="anti", nulls_equal=True)
        if missing.is_empty():
            continue
        known = [" ".join(str(v) for v in row) for row in target.iter_rows()]
        for row in missing.sort(ROW).iter_rows(named=True):
            value = " ".join(str(row[c]) for c in ref.columns)
            problems.add(
                DataError(
                    file,
                    int(row[ROW]),
                    ", ".join(ref.columns),
                    value,
                    said("unknown_ref", what=said(ref.what), table=ref.table, hint=suggest(value, known)),
                ),
                kind=said("unknown_kind", what=said(ref.what)),
            )


def load_dataset(directory: Path) -> Dataset:
    """Load and validate every table in ``directory``; raise DataInvalid listing every problem.

    While an ingest or undo is unfinished (under way, or killed part way and not yet recovered), the
    files it touches are read from the copies it saved: a reader sees the dataset before it, never
    half of it (see console.data.unfinished). A load that races a transaction's start or commit
    reads again.
    """
    directory = Path(directory)
    for _ in range(3):
        before = history_state(directory)
        try:
            ds = _load_dataset(directory, saved_copies(directory))
        except DataInvalid:
            if history_state(directory) == before:
                raise
            continue
        if history_state(directory) == before:
            return ds
    return _load_dataset(directory, saved_copies(directory))


def _load_dataset(directory: Path, instead: dict[str, Path]) -> Dataset:
    problems = Problems()
    manifest: Manifest | None = None
    if _is_dir(directory, problems):
        try:
            manifest = read_manifest(directory, instead.get(MANIFEST))
        except DataInvalid as exc:
            for error in exc.errors:
                problems.add(error)
        tables = load_tables(directory, [t.name for t in TABLES], problems, instead)
    else:
        tables = {}
    errors = problems.finish()
    if errors or manifest is None:
        raise DataInvalid(errors)
    return Dataset(source=directory, manifest=manifest, tables=tables)


def load_tables(
    directory: Path,
    names: list[str],
    problems: Problems | None = None,
    instead: dict[str, Path] | None = None,
) -> dict[str, pl.DataFrame]:
    """Load and validate the named tables only (the generator reads the plan tables this way).

    With ``problems`` given, errors are collected there; otherwise DataInvalid is raised. ``instead``
    maps a file name to the file read in its place (named as the dataset's own).
    """
    directory = Path(directory)
    own = problems is None
    problems = problems or Problems()
    if not _is_dir(directory, problems):
        if own:
            raise DataInvalid(problems.finish())
        return {}
    typed: dict[str, pl.DataFrame] = {}
    aliases: dict[str, str] = {}
    for table in (t for t in TABLES if t.name in names):
        read = _read_table(directory, table, problems, instead or {})
        if read is None:
            continue
        frame, file = read
        # The common case (every cell, key and reference good) is answered in a plan or two per table;
        # only a table with a problem takes the careful path, which names each one.
        at_once = typed_at_once(frame, table)
        frame = type_table(frame, table, file, problems) if at_once is None else at_once
        if table.name == "zones":
            aliases = _zone_aliases(frame)
        elif aliases:
            frame = _normalise_zone_refs(frame, table, file, aliases, problems)
        if not keys_distinct(frame, table):
            _check_table_keys(frame, table, file, problems)
        if not references_found(frame, table, typed):
            _check_references(frame, table, file, typed, problems)
        typed[table.name] = frame
    if own and problems.errors:
        raise DataInvalid(problems.finish())
    return {name: frame.drop(ROW) for name, frame in typed.items()}


def _read_table(
    directory: Path, table: Table, problems: Problems, instead: dict[str, Path]
) -> tuple[pl.DataFrame, str] | None:
    """``table``'s file read (as text) and its header and rows checked, with the file's name; None when
    it cannot be used, the reason recorded in ``problems``."""
    try:
        path, error = find_table_file(directory, table)
    except OSError as exc:  # the folder cannot be listed (permissions)
        path, error = None, unreadable(f"{table.name}.csv", exc)
    if path is None:
        assert error is not None
        problems.add(error)
        return None
    file = path.name
    try:
        frame = read_table_file(instead.get(file, path), file)
    except DataInvalid as exc:
        for err in exc.errors:
            problems.add(err)
        return None
    if not check_header(frame, table, file, problems):
        return None
    if frame.is_empty() and not table.sample:  # progress tables start empty (devzones init)
        problems.add(DataError(file, None, None, None, said("header_no_rows")))
        return None
    return frame, file


def _check_table_keys(frame: pl.DataFrame, table: Table, file: str, problems: Problems) -> None:
    """Each row's key, and each column set the table says is unique, appears once."""
    nullable = tuple(c.name for c in table.columns if c.nullable)
    check_keys(frame, table.key, file, problems, nullable=nullable)
    for unique in table.unique:
        check_keys(frame, unique, file, problems, what=unique[0], nullable=nullable)


def _is_dir(directory: Path, problems: Problems) -> bool:
    """True when ``directory`` is a folder we may look into; otherwise the reason is recorded."""
    try:
        if directory.is_dir():
            return True
        problems.add(DataError(clean(directory), None, None, None, said("no_dir")))
    except OSError as exc:
        problems.add(unreadable(clean(directory), exc))
    return False


def _zone_aliases(zones: pl.DataFrame) -> dict[str, str]:
    """Full names map to themselves; short names (and English names) to the full name."""
    aliases: dict[str, str] = {}
    for zone, short, name_en, short_en in zones.select(
        "zone", "short_name", "name_en", "short_name_en"
    ).iter_rows():
        if zone is None:
            continue
        for alias in (short_en, name_en, short):
            if alias:
                aliases.setdefault(alias, zone)
        aliases[zone] = zone
    return aliases
