"""Config values are checked by type and range when loaded: a bad one is a warning, never a traceback.

A warning names the file, the key and what was expected; the default holds. Headless commands (cron)
run on through any config the user can write.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.cli import main
from console.core.config import DEFAULT_WEIGHTS, KEYS, load_settings


def _user() -> Path:
    return Path(os.environ["DEVZONES_CONFIG"])


@pytest.mark.parametrize(
    ("toml", "key", "attribute", "default"),
    [
        ('[data]\nreload_seconds = "fast"\n', "data.reload_seconds", "reload_seconds", 2.0),
        ("[data]\nreload_seconds = 0\n", "data.reload_seconds", "reload_seconds", 2.0),
        ("[pacing]\ntolerance = nan\n", "pacing.tolerance", "tolerance", 0.0),
        ("[pacing]\ntolerance = -0.2\n", "pacing.tolerance", "tolerance", 0.0),
        ("[pacing]\ntolerance = inf\n", "pacing.tolerance", "tolerance", 0.0),
        ('[pacing]\ntolerance = "5%"\n', "pacing.tolerance", "tolerance", 0.0),
        ('[display]\nascii = "yes"\n', "display.ascii", "ascii", False),
        ('[export]\nfolder = ["a"]\n', "export.folder", "export_folder", ""),
        ('[export]\nfolder = "/srv/\\u001b]52;c;aGk=\\u0007"\n', "export.folder", "export_folder", ""),
        ('[state]\ntab = "[/]"\n', "state.tab", "tab", "overview"),
        ("[state]\nyear = 2025.5\n", "state.year", "year", None),
    ],
)
def test_a_bad_value_is_named_and_the_default_used(
    toml: str, key: str, attribute: str, default: object
) -> None:
    _user().write_text(toml, encoding="utf-8")
    loaded = load_settings()
    assert getattr(loaded, attribute) == default
    named = [w for w in loaded.warnings if str(_user()) in w and key in w and "expected" in w]
    assert len(named) == 1, loaded.warnings


@pytest.mark.parametrize("weight", ['"heavy"', "-3", "nan", "true", "[1]"])
def test_wrong_weight_types_keep_the_default_weight(weight: str) -> None:
    _user().write_text(f"[ranking]\nrevenue = {weight}\n", encoding="utf-8")
    loaded = load_settings()
    assert loaded.ranking_weights["revenue"] == DEFAULT_WEIGHTS["revenue"]
    assert any("ranking.revenue" in w for w in loaded.warnings)


@pytest.mark.parametrize("section", ["data", "display", "pacing", "ranking", "export", "state"])
def test_a_string_where_a_table_belongs(section: str, capsys) -> None:
    _user().write_text(f'{section} = "x"\n', encoding="utf-8")
    loaded = load_settings()
    assert any(f"[{section}]" in w and "expected a table" in w for w in loaded.warnings)
    assert main(["status", "--json"]) == 0  # a headless command still runs
    _, err = capsys.readouterr()
    assert f"[{section}]" in err


def test_tolerance_nan_no_longer_turns_every_cluster_behind(capsys) -> None:
    main(["status", "--json"])
    good = capsys.readouterr().out
    _user().write_text("[pacing]\ntolerance = nan\n", encoding="utf-8")
    assert main(["status", "--json"]) == 0
    out, err = capsys.readouterr()
    assert out == good and "pacing.tolerance" in err


def test_a_system_config_is_named_too() -> None:
    system = Path(os.environ["DEVZONES_SYSTEM_CONFIG"])
    system.write_text('[data]\nreload_seconds = "fast"\n', encoding="utf-8")
    loaded = load_settings()
    assert any(str(system) in w and "data.reload_seconds" in w for w in loaded.warnings)


# -- generated configs ------------------------------------------------------------------------------

_VALUES = st.one_of(
    st.text(max_size=12),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.lists(st.one_of(st.integers(-5, 5), st.text(max_size=4), st.floats()), max_size=5),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


@settings(max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    section=st.sampled_from(sorted(KEYS)),
    key=st.one_of(st.sampled_from(sorted({k for keys in KEYS.values() for k in keys})), st.text(max_size=6)),
    value=_VALUES,
)
def test_any_typed_value_gives_settings_or_a_warning_naming_the_key(
    section: str, key: str, value: object
) -> None:
    """Any value of any TOML type under any key: settings load, and a rejected value is named."""
    import tomli_w

    _user().write_text(tomli_w.dumps({section: {key: value}}), encoding="utf-8")
    loaded = load_settings()
    check = KEYS[section].get(key)
    if check is not None and not check[0](value):
        assert any(f"{section}.{key}" in w and "expected" in w for w in loaded.warnings), loaded.warnings
    assert loaded.reload_seconds >= 0.1 and 0 <= loaded.tolerance < 1
    assert all(w >= 0 for w in loaded.ranking_weights.values())


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=200) | st.text(max_size=200).map(lambda t: t.encode("utf-8")))
def test_malformed_toml_never_raises(raw: bytes) -> None:
    """Arbitrary bytes as the user's config: settings load (the file kept aside if unreadable)."""
    _user().write_bytes(raw)
    loaded = load_settings()
    assert loaded.lang in ("zh", "en")
    for leftover in _user().parent.glob("user.toml.broken-*"):
        leftover.unlink()


@pytest.mark.parametrize(
    ("toml", "key", "near"),
    [
        ('[display]\nlangs = "en"\n', "display.langs", "lang"),
        ("[data]\nreload_second = 5\n", "data.reload_second", "reload_seconds"),
        ("[ranking]\nrevenu = 40\n", "ranking.revenu", "revenue"),
        ('[export]\ncolour = "red"\n', "export.colour", None),
    ],
)
def test_an_unknown_key_in_a_known_section_is_named_not_ignored_silently(
    toml: str, key: str, near: str | None
) -> None:
    """A typo such as ``[display] langs = "en"`` used to be dropped without a word, so the user
    wondered why English never came; now it is one warning naming the file and the key, with the
    closest known key when there is one, and the defaults hold."""
    _user().write_text(toml, encoding="utf-8")
    loaded = load_settings()
    named = [w for w in loaded.warnings if str(_user()) in w and key in w]
    assert len(named) == 1, loaded.warnings
    if near:
        assert f"did you mean {near}?" in named[0]
    assert loaded.lang == "zh"
    assert loaded.ranking_weights == DEFAULT_WEIGHTS
