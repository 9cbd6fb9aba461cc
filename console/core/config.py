"""Settings, and what the console remembers between sessions.

config/default.toml documents every key. Precedence, highest first: command-line flag > user config >
system-wide config > defaults. Config files are only ever read (tomllib): they are the user's and the
administrator's. What the console remembers (tab, year, counties, sort, a language or export folder
chosen in the console) goes to its own state file in the platform's state directory, written with
tomli-w; it sits above the config files and below the flags. With no state file yet, an old
``[state]`` section of the config files is read instead (the state file replaces it at the next quit).
A user config or state file that cannot be read is renamed (kept, never overwritten) and reported;
the console then starts on the other settings.
"""

from __future__ import annotations

import difflib
import math
import os
import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from console.core.files import atomic_write_bytes
from console.core.paths import default_config_file, embedded_data_dir
from console.core.text import Said, clean

PACING_RULES = ("linear", "custom")
LANGS = ("zh", "en")
# The console's tabs, in order (their titles live with the view model).
TABS = ("overview", "zones", "clusters", "tasks", "rankings")
DEFAULT_WEIGHTS = {"tier": 25.0, "star": 25.0, "revenue": 30.0, "indicators": 10.0, "reports": 10.0}


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    lang: str = "zh"
    ascii: bool = False
    mouse: bool = True
    pacing_rule: str = "linear"
    pacing_custom: tuple[float, float, float, float] = (0.22, 0.47, 0.73, 1.0)
    tolerance: float = 0.0
    ranking_weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    export_folder: str = ""
    # The folder the last bulletin was written to (remembered in the state file; empty: none yet, and
    # the bulletin dialog starts in the export folder).
    bulletin_folder: str = ""
    reload_seconds: float = 2.0
    # Remembered from the last session ([state]); command-line flags override them.
    tab: str = "overview"
    year: int | None = None
    counties: tuple[str, ...] = ()
    sort: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = field(default=())
    # The language and export folder of the config files and flags, without the state file: the console
    # remembers its own choice only where it differs from them, so a later config change still shows.
    config_lang: str = "zh"
    config_export_folder: str = ""
    # The console started with --as-of (a quarter such as 2026Q2): the data as it stood then. A flag
    # of the session only, never read from or written to a file.
    as_of: str | None = None

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


def user_state_file() -> Path:
    """What the console remembers; DEVZONES_STATE overrides the platform's state directory (tests)."""
    override = os.environ.get("DEVZONES_STATE")
    if override:
        return Path(override)
    from platformdirs import user_state_dir

    return Path(user_state_dir("devzones")) / "state.toml"


def system_config_file() -> Path:
    override = os.environ.get("DEVZONES_SYSTEM_CONFIG")
    if override:
        return Path(override)
    from platformdirs import site_config_dir

    return Path(site_config_dir("devzones")) / "config.toml"


def _unreadable(exc: Exception) -> Said:
    """Why a config file could not be read, in both languages (the parser says it in English only)."""
    if isinstance(exc, tomllib.TOMLDecodeError):
        where = re.search(r"line (\d+), column (\d+)", str(exc))
        zh = f"第 {where[1]} 行第 {where[2]} 列不是有效的 TOML" if where else "不是有效的 TOML"
    elif isinstance(exc, UnicodeDecodeError):
        zh = "不是 UTF-8 文本"
    else:
        zh = "无法打开该文件"
    return Said(str(exc), zh)


def _quarantine(path: Path, reason: Said, warnings: list[str]) -> None:
    """Rename an unreadable user config out of the way (kept for the user) and say so."""
    kept = path.with_name(f"{path.name}.broken-{datetime.now():%Y%m%d-%H%M%S}")
    try:
        path.rename(kept)
    except OSError:
        warnings.append(
            Said(
                f"{path}: could not be read ({reason}); ignored. Fix or remove it.",
                f"{path}：无法读取（{reason.zh}），已忽略。请修正或删除它。",
            )
        )
        return
    warnings.append(
        Said(
            f"{path}: could not be read ({reason}); it was kept as {kept.name}. Starting on the other settings.",
            f"{path}：无法读取（{reason.zh}），已另存为 {kept.name}；本次使用其他设置启动。",
        )
    )


def _read(path: Path, warnings: list[str], owned: bool = False) -> dict[str, Any]:
    """A config file's contents; {} when absent or unreadable (with a warning)."""
    if not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        if owned:
            _quarantine(path, _unreadable(exc), warnings)
        else:
            warnings.append(
                Said(
                    f"{path}: ignored, could not be read ({exc}); using the other settings",
                    f"{path}：无法读取（{_unreadable(exc).zh}），已忽略；使用其他设置",
                )
            )
        return {}


# What each key must hold: a check and the words that say so. A bad value in a config file is reported
# (file, key, expected) and dropped, so the value from the next file down (in the end the default) holds.
Check = Callable[[Any], bool]


def _number(low: float, high: float, low_open: bool = False, high_open: bool = False) -> Check:
    def check(value: Any) -> bool:
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            return False
        return (value > low if low_open else value >= low) and (value < high if high_open else value <= high)

    return check


def _is(kind: type) -> Check:
    return lambda value: isinstance(value, kind)


def _one_of(choices: tuple[str, ...]) -> Check:
    return lambda value: isinstance(value, str) and value in choices


def _list_of(check: Check, length: int | None = None) -> Check:
    return lambda value: (
        isinstance(value, list) and all(check(v) for v in value) and (length is None or len(value) == length)
    )


def _path(value: Any) -> bool:
    return isinstance(value, str) and clean(value) == value


KEYS: dict[str, dict[str, tuple[Check, Said]]] = {
    "data": {
        "dir": (
            _path,
            Said("a folder path as text, without control characters", "文本形式的文件夹路径，不含控制字符"),
        ),
        "reload_seconds": (
            _number(0.1, 86400),
            Said("a number of seconds from 0.1 to 86400", "0.1 到 86400 之间的秒数"),
        ),
    },
    "display": {
        "lang": (_one_of(LANGS), Said("one of zh, en", "zh 或 en")),
        "ascii": (_is(bool), Said("true or false", "true 或 false")),
        "mouse": (_is(bool), Said("true or false", "true 或 false")),
    },
    "pacing": {
        "rule": (_one_of(PACING_RULES), Said("one of linear, custom", "linear 或 custom")),
        "custom": (
            _list_of(_number(0, 1), 4),
            Said("a list of 4 shares from 0 to 1", "4 个 0 到 1 之间的比例组成的列表"),
        ),
        "tolerance": (
            _number(0, 1, high_open=True),
            Said("a share from 0 up to (not including) 1, e.g. 0.05", "0 到 1（不含 1）之间的比例，如 0.05"),
        ),
    },
    "ranking": {
        name: (_number(0, 1e6), Said("a weight: a number from 0 to 1000000", "权重：0 到 1000000 之间的数"))
        for name in DEFAULT_WEIGHTS
    },
    "export": {
        "folder": (
            _path,
            Said("a folder path as text, without control characters", "文本形式的文件夹路径，不含控制字符"),
        )
    },
    "state": {
        "tab": (_one_of(TABS), Said(f"one of {', '.join(TABS)}", f"{'、'.join(TABS)} 之一")),
        "year": (
            lambda v: _number(0, 9999)(v) and isinstance(v, int),
            Said("a year such as 2025, or 0", "年度，如 2025，或 0"),
        ),
        "counties": (
            _list_of(_path),  # shown in the top bar: text without control characters, as a path
            Said(
                "a list of county names as text, without control characters",
                "县区名称（文本，不含控制字符）组成的列表",
            ),
        ),
        "sort": (_is(dict), Said("a table of sort keys per view", "每个视图的排序键组成的表")),
        # Written only to the state file: a choice made in the console.
        "lang": (_one_of(LANGS), Said("one of zh, en", "zh 或 en")),
        "export_folder": (
            _path,
            Said("a folder path as text, without control characters", "文本形式的文件夹路径，不含控制字符"),
        ),
        "bulletin_folder": (
            _path,
            Said("a folder path as text, without control characters", "文本形式的文件夹路径，不含控制字符"),
        ),
    },
}


def _validated(raw: dict[str, Any], path: Path, warnings: list[str]) -> dict[str, Any]:
    """``raw`` without the values of the wrong type or range and the keys no setting has (a typo
    such as ``[display] langs``), each dropped with a warning naming the file, the key and what was
    expected. Unknown sections are kept for the checks that know them."""
    out: dict[str, Any] = {}
    for section, value in raw.items():
        keys = KEYS.get(section)
        if keys is None:
            out[section] = value
            continue
        if not isinstance(value, dict):
            warnings.append(
                Said(
                    f"{path}: [{section}] = {_shown(value)} ignored: expected a table of settings "
                    f"([{section}] with keys such as {next(iter(keys))}); using the defaults",
                    f"{path}：[{section}] = {_shown(value)} 已忽略：应为一组设置"
                    f"（[{section}] 下的键，如 {next(iter(keys))}）；使用默认值",
                )
            )
            continue
        kept: dict[str, Any] = {}
        for key, item in value.items():
            check, expected = keys.get(key, (None, Said("", "")))
            if check is None:
                near = difflib.get_close_matches(str(key), list(keys), n=1, cutoff=0.6)
                shown, known = clean(str(key), escape=True), ", ".join(keys)
                warnings.append(
                    Said(
                        f"{path}: {section}.{shown} is not a setting devzones knows; "
                        + (f"did you mean {near[0]}? " if near else "")
                        + f"the keys of [{section}] are {known}; ignored",
                        f"{path}：{section}.{shown} 不是 devzones 的设置项，已忽略；"
                        + (f"是不是 {near[0]}？" if near else "")
                        + f"[{section}] 的键有 {known}",
                    )
                )
            elif check(item):
                kept[key] = item
            else:
                warnings.append(
                    Said(
                        f"{path}: {section}.{key} = {_shown(item)} ignored: expected {expected}; using the default",
                        f"{path}：{section}.{key} = {_shown(item)} 已忽略：应为 {expected.zh}；使用默认值",
                    )
                )
        out[section] = kept
    return out


def _shown(value: Any) -> str:
    """A config value in a warning: its TOML-ish repr, cut short, text cleaned."""
    text = clean(repr(value))
    return text if len(text) <= 60 else text[:57] + "..."


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _pacing(pacing: dict[str, Any], warnings: list[str]) -> tuple[str, tuple[float, ...]]:
    rule = str(pacing.get("rule", "linear"))
    try:
        custom = tuple(float(x) for x in pacing.get("custom", (0.22, 0.47, 0.73, 1.0)))
    except (TypeError, ValueError):
        custom = ()
    if rule not in PACING_RULES:
        warnings.append(
            Said(
                f"pacing.rule = {rule!r} is not one of linear, custom; using linear",
                f"pacing.rule = {rule!r} 不是 linear 或 custom；按 linear（均匀进度）计算",
            )
        )
        rule = "linear"
    if rule == "custom" and (len(custom) != 4 or list(custom) != sorted(custom) or custom[-1] != 1.0):
        warnings.append(
            Said(
                "pacing.custom must be 4 rising shares ending in 1.0; using linear",
                "pacing.custom 应为 4 个递增、以 1.0 结尾的比例；按 linear（均匀进度）计算",
            )
        )
        rule = "linear"
    return rule, custom if len(custom) == 4 else (0.22, 0.47, 0.73, 1.0)


def _weights(ranking: dict[str, Any], warnings: list[str]) -> dict[str, float]:
    weights = dict(DEFAULT_WEIGHTS)
    for key, value in ranking.items():
        if key in weights and isinstance(value, int | float) and value >= 0:
            weights[key] = float(value)
        else:
            warnings.append(
                Said(
                    f"ranking.{key} = {value!r} ignored: expected one of {', '.join(weights)} with a weight >= 0",
                    f"ranking.{key} = {value!r} 已忽略：应为 {'、'.join(weights)} 之一，权重不小于 0",
                )
            )
    if sum(weights.values()) <= 0:
        warnings.append(
            Said("ranking weights add up to 0; using the defaults", "排名权重之和为 0；使用默认权重")
        )
        weights = dict(DEFAULT_WEIGHTS)
    return weights


def _state(state: dict[str, Any], warnings: list[str]) -> dict[str, Any]:
    """The remembered view, each key checked: a bad value is dropped with a warning."""
    out: dict[str, Any] = {}
    tab = state.get("tab", "overview")
    out["tab"] = tab if tab in TABS else "overview"
    year = state.get("year", 0)
    out["year"] = year if isinstance(year, int) and year > 0 else None
    counties = state.get("counties", [])
    out["counties"] = tuple(str(c) for c in counties) if isinstance(counties, list) else ()
    sort = state.get("sort", {})
    out["sort"] = (
        {str(k): str(v) for k, v in sort.items() if isinstance(v, str)} if isinstance(sort, dict) else {}
    )
    if tab not in TABS or not isinstance(counties, list) or not isinstance(sort, dict):
        warnings.append(
            Said(
                "some remembered [state] values were not understood and were reset",
                "记住的界面状态（[state]）中有些值无法识别，已重置",
            )
        )
    return out


def load_settings(
    data_dir: Path | None = None,
    lang: str | None = None,
    ascii: bool | None = None,
    mouse: bool | None = None,
    year: int | None = None,
    counties: Sequence[str] | None = None,
    remembered: bool = True,
) -> Settings:
    """Settings from the config files, with command-line values (when given) taking precedence.

    ``remembered``: apply what the console remembered (the state file). The headless commands pass
    False, so that a cron job gets the same answer whoever last used the console.
    """
    warnings: list[str] = []
    default_file = default_config_file()
    merged = tomllib.loads(default_file.read_text(encoding="utf-8"))
    for path, owned in ((system_config_file(), False), (user_config_file(), True)):
        merged = _merge(merged, _validated(_read(path, warnings, owned), path, warnings))
    data = merged.get("data", {})
    display = merged.get("display", {})
    configured_dir = str(data.get("dir") or "")
    chosen_lang = lang or str(display.get("lang", "zh"))
    if chosen_lang not in LANGS:
        warnings.append(
            Said(
                f"display.lang = {chosen_lang!r} is not one of zh, en; using zh",
                f"display.lang = {chosen_lang!r} 不是 zh 或 en；使用 zh（中文）",
            )
        )
        chosen_lang = "zh"
    rule, custom = _pacing(merged.get("pacing", {}), warnings)
    config_state = merged.get("state", {})
    remembered_state = _remembered(config_state, warnings) if remembered else dict(config_state)
    state = _state(remembered_state, warnings)
    configured_lang = chosen_lang
    if lang is None and remembered_state.get("lang") in LANGS:
        chosen_lang = remembered_state["lang"]
    configured_folder = str(merged.get("export", {}).get("folder", "") or "")
    remembered_folder = remembered_state.get("export_folder")
    bulletin_folder = remembered_state.get("bulletin_folder")
    return Settings(
        data_dir=Path(data_dir)
        if data_dir
        else (Path(os.path.expanduser(configured_dir)) if configured_dir else embedded_data_dir()),
        lang=chosen_lang,
        ascii=bool(display.get("ascii", False)) if ascii is None else ascii,
        mouse=bool(display.get("mouse", True)) if mouse is None else mouse,
        pacing_rule=rule,
        pacing_custom=custom,  # type: ignore[arg-type]  # _pacing returns exactly four shares
        tolerance=float(merged.get("pacing", {}).get("tolerance", 0.0)),
        ranking_weights=_weights(merged.get("ranking", {}), warnings),
        export_folder=remembered_folder if isinstance(remembered_folder, str) else configured_folder,
        bulletin_folder=bulletin_folder if isinstance(bulletin_folder, str) else "",
        reload_seconds=max(0.1, float(data.get("reload_seconds", 2.0))),
        tab=state["tab"],
        year=year if year is not None else state["year"],
        counties=tuple(counties) if counties else state["counties"],
        sort=state["sort"],
        warnings=tuple(Said(clean(w), clean(w.zh)) if isinstance(w, Said) else clean(w) for w in warnings),
        config_lang=configured_lang,
        config_export_folder=configured_folder,
    )


def _remembered(from_config: dict[str, Any], warnings: list[str]) -> dict[str, Any]:
    """The [state] of the config files (an old user config kept it there; read, never written back)
    with the state file's [state] over it, each file checked key by key."""
    path = user_state_file()
    document = _validated(_read(path, warnings, owned=True), path, warnings)
    state = document.get("state", {})
    return {**from_config, **(state if isinstance(state, dict) else {})}


STATE_HEADER = (
    b"# devzones: what the console remembers (tab, year, counties, sort; a language or export folder\n"
    b"# chosen in the console). Rewritten when the console quits; settings belong in config.toml\n"
    b"# (`devzones where` shows both paths).\n"
)


def save_state(state: dict[str, Any]) -> list[str]:
    """Merge ``state`` ({key: value}) into the state file's [state], atomically; the config files
    are never written. A ``None`` value removes its key. An unreadable state file is renamed first,
    never overwritten. Returns warnings (empty when all went well)."""
    import tomli_w

    warnings: list[str] = []
    path = user_state_file()
    current = _read(path, warnings, owned=True).get("state", {})
    merged = {**(current if isinstance(current, dict) else {}), **state}
    merged = {key: value for key, value in merged.items() if value is not None}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, STATE_HEADER + tomli_w.dumps({"state": merged}).encode("utf-8"))
    except OSError as exc:
        warnings.append(
            Said(
                f"{path}: the console's state was not saved ({exc.strerror or exc})",
                f"{path}：界面状态未能保存（{exc.strerror or exc}）",
            )
        )
    return warnings
