"""Problems found in data files, reported one per problem with file, row, column and value."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from console.core.text import clean, in_lang
from console.data.problem_words import said
from console.words import Lang


@dataclass(frozen=True)
class DataError:
    """One problem in one data file.

    ``row`` counts as a spreadsheet user does: the header is row 1, the first data row is row 2.
    ``row`` and ``column`` are None when the problem concerns the whole file. ``message`` is a
    :class:`~console.core.text.Said` (made with console.data.problem_words) wherever the words are ours,
    so :meth:`text` shows it in either language; the English words are the string itself.
    """

    file: str
    row: int | None
    column: str | None
    value: str | None
    message: str

    def to_json(self) -> dict[str, object]:
        """The fields, text cleaned (JSON escapes C0 but not C1 or bidi controls)."""
        return {k: clean(v) if isinstance(v, str) else v for k, v in asdict(self).items()}

    def text(self, lang: Lang = "zh") -> str:
        """One line naming the file, row and column, the value found and what was expected, in ``lang``
        (Chinese unless told, as every catalogue); every part passes console.core.text.clean (names and values are quoted as they are)."""
        where = [clean(self.file)]
        if self.row is not None:
            where.append(in_lang(said("row", row=self.row), lang))
        if self.column is not None:
            where.append(in_lang(said("column", column=clean(self.column)), lang))
        place = in_lang(said("place_sep"), lang).join(where)
        message = clean(in_lang(self.message, lang))
        if self.value is not None:
            found = in_lang(said("found", value=clean(self.value)), lang)
            message = f"{found}{in_lang(said('found_sep'), lang)}{message}"
        return in_lang(said("at", place=place, message=message), lang)

    def __str__(self) -> str:
        """The English line (logs, tests); :meth:`text` gives it in the user's language."""
        return self.text("en")


class DataInvalid(Exception):
    """Raised when a dataset cannot be loaded; carries every problem found."""

    def __init__(self, errors: list[DataError]) -> None:
        # not words: the exception's own text; every surface shows the errors it carries
        super().__init__(f"{len(errors)} problem(s) in the data")
        self.errors = errors
