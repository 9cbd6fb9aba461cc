"""The output contract for scripts (README "Output contract for scripts").

Every JSON document the CLI prints or an export writes, every Parquet file (metadata key
``devzones.schema_version``) and every manifest carries ``SCHEMA_VERSION``. It goes up by one when a
field is removed or renamed or changes type; a field added leaves it as it is. The JSON Schemas of
``status``, ``rankings``, ``changes`` and ``check --json`` and of ``export --format json`` are shipped
in ``console/outputs/schemas`` and read with :func:`schema`.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

SCHEMA_VERSION = 1
# The Parquet file metadata key holding SCHEMA_VERSION (as text: Parquet metadata values are strings).
PARQUET_KEY = "devzones.schema_version"
# The outputs with a shipped schema: console/outputs/schemas/<name>.schema.json.
SCHEMAS = ("status", "rankings", "changes", "check", "export")


def versioned(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` with ``schema_version`` as its first key."""
    return {"schema_version": SCHEMA_VERSION, **{k: v for k, v in document.items() if k != "schema_version"}}


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of an output named in SCHEMAS."""
    if name not in SCHEMAS:
        raise KeyError(name)
    text = resources.files("console.outputs.schemas").joinpath(f"{name}.schema.json").read_text("utf-8")
    document: dict[str, Any] = json.loads(text)
    return document
