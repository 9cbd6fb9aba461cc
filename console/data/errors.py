"""Problems found in data files, reported one per problem with file, row, column and value."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class DataError:
    """One problem in one data file.

    ``row`` counts as a spreadsheet user does: the header is row 1, the first data row is row 2.
    ``row`` and ``column`` are None when the problem concerns the whole file.
    """

    file: str
    row: int | None
    column: str | None
    value: str | None
    message: str

    def to_json(self) -> dict[str, object]:
        return asdict(self)

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        found = "" if self.value is None else f": found '{self.value}'"
        return f"{', '.join(where)}{found}: {self.message}"


class DataInvalid(Exception):
    """Raised when a dataset cannot be loaded; carries every problem found."""

    def __init__(self, errors: list[DataError]) -> None:
        super().__init__(f"{len(errors)} problem(s) in the data")
        self.errors = errors
