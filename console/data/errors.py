"""Problems found in data files, reported one per problem with file, row, column and value."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from console.core.text import clean


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
        """The fields, text cleaned (JSON escapes C0 but not C1 or bidi controls)."""
        return {k: clean(v) if isinstance(v, str) else v for k, v in asdict(self).items()}

    def __str__(self) -> str:
        """One line naming the place; every part passes console.core.text.clean."""
        where = [clean(self.file)]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column '{clean(self.column)}'")
        found = "" if self.value is None else f": found '{clean(self.value)}'"
        return f"{', '.join(where)}{found}: {clean(self.message)}"


class DataInvalid(Exception):
    """Raised when a dataset cannot be loaded; carries every problem found."""

    def __init__(self, errors: list[DataError]) -> None:
        super().__init__(f"{len(errors)} problem(s) in the data")
        self.errors = errors
