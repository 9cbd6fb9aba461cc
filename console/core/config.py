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
from console.core.text import Said, clean, said_both
from console.words import LANGS, Lang, is_lang
from console.words.config import CONFIG

PACING_RULES = ("linear", "custom")
# The console's tabs, in order (their titles live with the view model).
TABS = ("overview", "zones", "clusters", "tasks", "rankings")
DEFAULT_WEIGHTS = {"tier": 25.0, "star": 25.0, "revenue": 30.0, "indicators": 10.0, "reports": 10.0}


# The 通报's layouts: a 公文 after GB/T 9704-2012, or the lighter 情况通报 (第N期).
BULLETIN_STYLES = ("gongwen", "tongbao")


@dataclass(frozen=True)
class BulletinPaper:
    """The [bulletin] section: who sends the 通报 and to whom. config/default.toml documents each key
    and holds the defaults, placeholders with ×× for the office's own names (the empty values here
    are only for a ``Settings`` made without the config files)."""

    style: str = "gongwen"
    issuer_mark: str = ""  # 发文机关标志
    doc_prefix: str = ""  # 机关代字: 驻××办〔2026〕3号
    recipients: tuple[str, ...] = ()  # 主送机关
    signature: str = ""  # 发文机关署名
    seal: bool = False  # true: 7.3.5.1 (a seal); false: 7.3.5.2 (no seal)
    cc: tuple[str, ...] = ()  # 抄送
    printed_by: str = ""  # 印发机关
    masthead: str = ""  # 情况通报's 报头
    editor: str = ""  # 情况通报's 编发单位
    send_to: tuple[str, ...] = ()  # 情况通报's 报尾: 送
    give_to: tuple[str, ...] = ()  # 情况通报's 报尾: 发


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    lang: Lang = "zh"
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
    config_lang: Lang = "zh"
    config_export_folder: str = ""
    # The console started with --as-of (a quarter such as 2026Q2): the data as it stood then. A flag
    # of the session only, never read from or written to a file.
    as_of: str | None = None
    # The [bulletin] section: the 通报's sender, recipients and layout.
    bulletin: BulletinPaper = field(default_factory=BulletinPaper)
    # [performance] view_cache_mb: the megabytes of computed views (other years and languages) a session
    # keeps for an instant answer; the views on screen are kept whatever the limit.
    view_cache_mb: float = 80.0

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


def _say(key: str, /, **fields: object) -> Said:
    """The settings' words ``key`` (console.words.config) in both languages."""
    return said_both(CONFIG, key, **fields)


def _joined(items: Sequence[str]) -> Said:
    """``items`` joined as each language joins a list."""
    zh, en = CONFIG.pair("list_sep")
    return Said(en.join(items), zh.join(items))


def _unreadable(exc: Exception) -> Said:
    """Why a config file could not be read, in both languages (the parser says it in English only)."""
    if isinstance(exc, tomllib.TOMLDecodeError):
        where = re.search(r"line (\d+), column (\d+)", str(exc))
        zh = (
            CONFIG("not_toml_at", "zh", line=where[1], column=where[2]) if where else CONFIG("not_toml", "zh")
        )
    elif isinstance(exc, UnicodeDecodeError):
        zh = CONFIG("not_utf8", "zh")
    else:
        zh = CONFIG("cannot_open", "zh")
    return Said(str(exc), zh)


def _quarantine(path: Path, reason: Said, warnings: list[str]) -> None:
    """Rename an unreadable user config out of the way (kept for the user) and say so."""
    kept = path.with_name(f"{path.name}.broken-{datetime.now():%Y%m%d-%H%M%S}")
    try:
        path.rename(kept)
    except OSError:
        warnings.append(_say("unreadable_not_kept", path=path, reason=reason))
        return
    warnings.append(_say("unreadable_kept", path=path, reason=reason, kept=kept.name))


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
            warnings.append(_say("unreadable_ignored", path=path, reason=_unreadable(exc)))
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


def _line(value: Any) -> bool:
    """One line of printed text: no control characters, at most 40 characters."""
    return _path(value) and 0 < len(value.strip()) <= 40


KEYS: dict[str, dict[str, tuple[Check, Said]]] = {
    "data": {
        "dir": (
            _path,
            _say("expect_folder"),
        ),
        "reload_seconds": (
            _number(0.1, 86400),
            _say("expect_seconds"),
        ),
    },
    "display": {
        "lang": (_one_of(LANGS), _say("expect_lang")),
        "ascii": (_is(bool), _say("expect_bool")),
        "mouse": (_is(bool), _say("expect_bool")),
    },
    "pacing": {
        "rule": (_one_of(PACING_RULES), _say("expect_rule")),
        "custom": (
            _list_of(_number(0, 1), 4),
            _say("expect_shares"),
        ),
        "tolerance": (
            _number(0, 1, high_open=True),
            _say("expect_share"),
        ),
    },
    "ranking": {name: (_number(0, 1e6), _say("expect_weight")) for name in DEFAULT_WEIGHTS},
    "export": {
        "folder": (
            _path,
            _say("expect_folder"),
        )
    },
    "bulletin": {
        "style": (_one_of(BULLETIN_STYLES), _say("expect_style")),
        **{
            key: (_line, _say("expect_text"))
            for key in ("issuer_mark", "doc_prefix", "signature", "printed_by", "masthead", "editor")
        },
        **{
            key: (_list_of(_line), _say("expect_names")) for key in ("recipients", "cc", "send_to", "give_to")
        },
        "seal": (_is(bool), _say("expect_bool")),
    },
    "performance": {
        "view_cache_mb": (_number(0, 1e6), _say("expect_megabytes")),
    },
    "state": {
        "tab": (_one_of(TABS), _say("expect_tab", tabs=_joined(TABS))),
        "year": (
            lambda v: _number(0, 9999)(v) and isinstance(v, int),
            _say("expect_year"),
        ),
        "counties": (
            _list_of(_path),  # shown in the top bar: text without control characters, as a path
            _say("expect_counties"),
        ),
        "sort": (_is(dict), _say("expect_sort")),
        # Written only to the state file: a choice made in the console.
        "lang": (_one_of(LANGS), _say("expect_lang")),
        "export_folder": (
            _path,
            _say("expect_folder"),
        ),
        "bulletin_folder": (
            _path,
            _say("expect_folder"),
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
                _say("not_a_table", path=path, section=section, shown=_shown(value), first=next(iter(keys)))
            )
            continue
        kept: dict[str, Any] = {}
        for key, item in value.items():
            check, expected = keys.get(key, (None, Said("", "")))
            if check is None:
                near = difflib.get_close_matches(str(key), list(keys), n=1, cutoff=0.6)
                shown, known = clean(str(key), escape=True), ", ".join(keys)
                hint = _say("did_you_mean", near=near[0]) if near else Said("", "")
                warnings.append(
                    _say("unknown_key", path=path, section=section, shown=shown, hint=hint, known=known)
                )
            elif check(item):
                kept[key] = item
            else:
                warnings.append(
                    _say(
                        "bad_value",
                        path=path,
                        section=section,
                        key=key,
                        shown=_shown(item),
                        expected=expected,
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
        warnings.append(_say("bad_rule", shown=repr(rule)))
        rule = "linear"
    if rule == "custom" and (len(custom) != 4 or list(custom) != sorted(custom) or custom[-1] != 1.0):
        warnings.append(_say("bad_custom"))
        rule = "linear"
    return rule, custom if len(custom) == 4 else (0.22, 0.47, 0.73, 1.0)


def _weights(ranking: dict[str, Any], warnings: list[str]) -> dict[str, float]:
    weights = dict(DEFAULT_WEIGHTS)
    for key, value in ranking.items():
        if key in weights and isinstance(value, int | float) and value >= 0:
            weights[key] = float(value)
        else:
            warnings.append(_say("bad_weight", key=key, shown=repr(value), names=_joined(list(weights))))
    if sum(weights.values()) <= 0:
        warnings.append(_say("weights_zero"))
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
        warnings.append(_say("state_reset"))
    return out


def load_settings(
    data_dir: Path | None = None,
    lang: Lang | None = None,
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
    asked_lang = lang or str(display.get("lang", "zh"))
    chosen_lang: Lang = asked_lang if is_lang(asked_lang) else "zh"
    if not is_lang(asked_lang):
        warnings.append(_say("bad_lang", shown=repr(asked_lang)))
    rule, custom = _pacing(merged.get("pacing", {}), warnings)
    config_state = merged.get("state", {})
    remembered_state = _remembered(config_state, warnings) if remembered else dict(config_state)
    state = _state(remembered_state, warnings)
    configured_lang = chosen_lang
    remembered_lang = remembered_state.get("lang")
    if lang is None and is_lang(remembered_lang):
        chosen_lang = remembered_lang
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
        bulletin=_bulletin(merged.get("bulletin", {})),
        view_cache_mb=float(merged.get("performance", {}).get("view_cache_mb", 80.0)),
    )


def _bulletin(section: dict[str, Any]) -> BulletinPaper:
    """The [bulletin] section as a ``BulletinPaper`` (each value already checked by ``_validated``;
    the default file's own values are the placeholders)."""
    known = {key: value for key, value in section.items() if key in KEYS["bulletin"]}
    lists = {key: tuple(value) for key, value in known.items() if isinstance(value, list)}
    return BulletinPaper(**{**known, **lists})


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
        warnings.append(_say("state_not_saved", path=path, reason=exc.strerror or exc))
    return warnings
