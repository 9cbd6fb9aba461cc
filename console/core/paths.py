"""Where the embedded dataset and default settings live, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # the console package
# A wheel carries them inside the package (see [tool.hatch...force-include] in pyproject.toml);
# a source checkout or editable install finds them at the top of the repository.
_EMBEDDED = _PACKAGE / "_embedded"
_CHECKOUT = _PACKAGE.parent


def embedded_data_dir() -> Path:
    """The default dataset shipped with devzones."""
    inside = _EMBEDDED / "data"
    return inside if inside.is_dir() else _CHECKOUT / "data"


def default_config_file() -> Path:
    """config/default.toml, which documents every settings key."""
    inside = _EMBEDDED / "default.toml"
    return inside if inside.is_file() else _CHECKOUT / "config" / "default.toml"
