"""The console's own pinyin table sorts and finds names exactly as the full pypinyin did (which held 58 MB
in every session): every zone, county, unit, cluster and task name of the embedded data and of generated
sets, in order and in the typed pinyin/initials match."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from console.cli import main
from console.data.dataset import Dataset
from console.data.loader import load_dataset
from console.present.collation import name_matches, pinyin_forms, text_order
from tests.support.pinyin_table import TABLE, recorded_vocabulary, same_as_pypinyin, table_text, vocabulary


def _texts(ds: Dataset) -> set[str]:
    """Every text value of every table of ``ds``: names, units, clusters, tasks and the rest."""
    texts: set[str] = set()
    for name in ds.tables:
        frame = ds[name]
        for column, dtype in frame.schema.items():
            if dtype == pl.String:
                texts.update(v for v in frame[column].unique().to_list() if v)
    return texts


def _same_as_pypinyin(texts: set[str]) -> None:
    """Each text's key, the order of them all, and the typed match, as the full pypinyin gives them."""
    wrong = [t for t in texts if text_order(t) != same_as_pypinyin(t)]
    assert not wrong, wrong[:5]
    assert sorted(texts, key=text_order) == sorted(texts, key=same_as_pypinyin)
    for text in texts:
        full = [s.casefold() for s in same_as_pypinyin(text)[:-1] if s.strip()]
        if pinyin_forms(text) != ("", ""):
            assert pinyin_forms(text) == ("".join(full).replace(" ", ""), "".join(s[:1] for s in full))


def test_the_committed_table_is_current() -> None:
    """Regenerate with ``python -m tests.support.pinyin_table`` when this fails (new names or pypinyin).
    A new word in a catalogue does not fail it (words are not names; the next regeneration takes them)."""
    committed = TABLE.read_text(encoding="utf-8")
    recorded = recorded_vocabulary(committed)
    assert vocabulary(words=False) <= recorded, "pinyin_table.txt lacks characters of names: regenerate it"
    assert committed == table_text(recorded), "pinyin_table.txt is not what pypinyin gives: regenerate it"


def test_embedded_names_sort_and_match_as_with_pypinyin(dataset: Dataset) -> None:
    texts = _texts(dataset)
    assert {"泌阳", "平舆", "泌阳县开发区", "上蔡县"} <= texts and len(texts) > 400
    _same_as_pypinyin(texts)
    assert text_order("泌阳")[:2] == ("bi", "yang")  # the phrase reading, not the character's mi
    assert (
        name_matches("biyang", "泌阳") and name_matches("by", "泌阳") and not name_matches("miyang", "泌阳")
    )


@pytest.mark.slow
@pytest.mark.parametrize(("zones", "seed"), [(30, 7), (184, 3), (2543, 1)])
def test_generated_names_sort_and_match_as_with_pypinyin(
    tmp_path: Path, zones: int, seed: int, capsys
) -> None:
    out = tmp_path / "generated"
    assert main(["generate", "--zones", str(zones), "--seed", str(seed), "--out", str(out)]) == 0
    texts = _texts(load_dataset(out))
    assert len([t for t in texts if t.startswith("合成开发区")]) == zones
    _same_as_pypinyin(texts)


def test_sorting_does_not_load_pypinyin() -> None:
    """The point of the table: a session sorts names without pypinyin's dictionaries in memory."""
    code = (
        "import sys; from console.present.collation import text_order; "
        "sorted(['泌阳', '平舆', '高新区', 'Suiping'], key=text_order); "
        "print(sorted(m for m in sys.modules if m.startswith('pypinyin')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
