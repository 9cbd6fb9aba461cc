"""Settings: config/default.toml, overridden by a system-wide file, then the user's file, then flags.

Files are read with tomllib. A user or system file that cannot be read or parsed is reported as a
warning and skipped, never rewritten.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from console.paths import default_config_file, embedded_data_dir

PACING_RULES = ("linear", "custom")
DEFAULT_WEIGHTS = {"tier": 25.0, "star": 25.0, "revenue": 30.0, "indicators": 10.0, "reports": 10.0}
LANGS = ("zh", "en")


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    lang: str = "zh"
    ascii: bool = False
    pacing_rule: str = "linear"
    pacing_custom: tuple[float, float, float, float] = (0.22, 0.47, 0.73, 1.0)
    tolerance: float = 0.0
    ranking_weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    warnings: tuple[str, ...] = field(default=())

    def pace_share(self, quarter: int) -> float:
        """Cumulative share of a year's target due by the end of ``quarter`` (1-4)."""
        if self.pacing_rule == "custom":
            return self.pacing_custom[quarter - 1]
        return quarter / 4


def user_config_file() -> Path:
    """The user's config file; DEVZONES_CONFIG overrides the platform location (tests use it)."""
    override = os.environ.get("DEVZONES_CONFIG")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("devzones")) / "config.toml"


def system_config_file() -> Path:
    override = os.environ.get("DEVZONES_SYSTEM_CONFIG")
    if override:
        return Path(override)
    from platformdirs import site_config_dir

    return Path(site_config_dir("devzones")) / "config.toml"


def _read(path: Path, warnings: list[str], required: bool = False) -> dict[str, Any]:
    if not path.is_file():
        if required:
            raise FileNotFoundError(path)
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        warnings.append(f"{path}: ignored, could not be read ({exc}); using the other settings")
        return {}


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def load_settings(
    data_dir: Path | None = None, lang: str | None = None, ascii: bool | None = None
) -> Settings:
    """Settings from the config files, with command-line values (when given) taking precedence."""
    warnings: list[str] = []
    merged = _read(default_config_file(), warnings, required=True)
    for path in (system_config_file(), user_config_file()):
        merged = _merge(merged, _read(path, warnings))
    data = merged.get("data", {})
    display = merged.get("display", {})
    pacing = merged.get("pacing", {})
    configured_dir = str(data.get("dir") or "")
    chosen_lang = lang or str(display.get("lang", "zh"))
    if chosen_lang not in LANGS:
        warnings.append(f"display.lang = {chosen_lang!r} is not one of zh, en; using zh")
        chosen_lang = "zh"
    rule = str(pacing.get("rule", "linear"))
    custom = tuple(float(x) for x in pacing.get("custom", (0.22, 0.47, 0.73, 1.0)))
    if rule not in PACING_RULES:
        warnings.append(f"pacing.rule = {rule!r} is not one of linear, custom; using linear")
        rule = "linear"
    if rule == "custom" and (len(custom) != 4 or list(custom) != sorted(custom) or custom[-1] != 1.0):
        warnings.append("pacing.custom must be 4 rising shares ending in 1.0; using linear")
        rule = "linear"
    weights = dict(DEFAULT_WEIGHTS)
    for key, value in merged.get("ranking", {}).items():
        if key in weights and isinstance(value, int | float) and value >= 0:
            weights[key] = float(value)
        else:
            warnings.append(
                f"ranking.{key} = {value!r} ignored: expected one of {', '.join(weights)} with a weight >= 0"
            )
    if sum(weights.values()) <= 0:
        warnings.append("ranking weights add up to 0; using the defaults")
        weights = dict(DEFAULT_WEIGHTS)
    return Settings(
        data_dir=Path(data_dir)
        if data_dir
        else (Path(configured_dir).expanduser() if configured_dir else embedded_data_dir()),
        lang=chosen_lang,
        ascii=bool(display.get("ascii", False)) if ascii is None else ascii,
        pacing_rule=rule,
        pacing_custom=custom if len(custom) == 4 else (0.22, 0.47, 0.73, 1.0),  # type: ignore[arg-type]
        tolerance=float(pacing.get("tolerance", 0.0)),
        ranking_weights=weights,
        warnings=tuple(warnings),
    )
