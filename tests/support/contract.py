"""The output contract's checks shared by its tests: which columns may hold words, JSON Schema validation."""

from __future__ import annotations

from typing import Any

# Field kinds whose values are codes, identical in every language (a status, a kind, a list of them);
# a "codes" field is a list in JSON and Parquet, comma-separated in CSV and XLSX.
CODE_KINDS = ("status", "code", "codes")

# Columns whose values are words in the language asked for (names, labels, descriptions); every other
# column of every table holds the same value in Chinese and in English. A new column that differs
# between the languages fails the contract tests unless it is added here, on purpose.
WORD_COLUMNS = frozenset(
    {
        "zone",  # a zone's short name (zone_id is its key)
        "county",
        "industry",  # a cluster's industry (industry_id is its key)
        "title",  # a task's title
        "name",  # an indicator's or a change's subject's name
        "item",  # an overview row's label (code is its key)
        "unit",  # a unit of measure as written (亿元 / 100M yuan)
        "detail",  # the overview's note (basis is its code)
        "lead_units",
        "participating_units",
        "lagging_clusters",  # the lagging clusters' industries, named
        "change",  # a change's kind in words (code is its code)
        "text",  # a change described
    }
)


def is_word_column(code: str) -> bool:
    """A column that may differ with the language: a named word column or a code's ``…_words`` twin."""
    return code in WORD_COLUMNS or code.endswith("_words")


def problems(document: Any, name: str) -> list[str]:
    """Where ``document`` breaks the shipped schema ``name`` (path and message each); [] when it holds."""
    import jsonschema

    from console.outputs.contract import schema

    shape = schema(name)
    jsonschema.Draft202012Validator.check_schema(shape)
    checker = jsonschema.Draft202012Validator(shape, format_checker=jsonschema.FormatChecker())
    return [f"{list(e.absolute_path)}: {e.message}" for e in checker.iter_errors(document)]


def validate(document: Any, name: str) -> None:
    """Raise jsonschema.ValidationError unless ``document`` matches the shipped schema ``name``."""
    import jsonschema

    from console.outputs.contract import schema

    shape = schema(name)
    jsonschema.Draft202012Validator.check_schema(shape)
    jsonschema.Draft202012Validator(shape, format_checker=jsonschema.FormatChecker()).validate(document)
