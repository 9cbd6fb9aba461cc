"""Helpers of the language walks (tests/surfaces/test_language.py): the text on screen and the words in the
wrong language, with the allow-lists of what may stay (codes, formats, key names, proper names)."""

from __future__ import annotations

import re

# Han ideographs, CJK punctuation and fullwidth forms: Chinese text.
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+")
# A word of Latin letters (two or more, so that a unit letter in a code like 2026Q3 is not one).
LATIN = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]")

# What Chinese mode may show in Latin letters: codes, file formats, key names, the program's name.
ZH_ALLOWED = {
    # file formats and their extensions
    *("CSV", "XLSX", "Parquet", "JSON", "Markdown", "SVG", "Word", "PDF"),
    *("md", "csv", "xlsx", "parquet", "json", "docx", "svg", "toml", "TOML", "pdf"),
    # key names as the key bar and help write them
    *("Ctrl", "Tab", "Esc", "Enter", "Space", "Shift", "PgUp", "PgDn", "Home", "End", "ctrl"),
    *("Up", "Down", "Left", "Right"),  # key names on the keyboard, as help lists them
    # the program, its commands and the language switch's name of English
    *("devzones", "English", "ASCII", "UTF", "BOM", "GB"),
}
# Codes: indicator I01, quarter 2026Q3 … (matched on the whole token), and file names the console
# suggests (devzones-tasks-2026-….csv).
ZH_CODE = re.compile(r"^(I\d\d|\d{4}Q\d|Q\d|[A-Z]\d+|devzones(-[A-Za-z0-9]+)*)$")

# What English mode may show in Chinese: the language switch's own name, and proper names with no
# English form (none in the embedded data).
EN_ALLOWED = {"中文"}

_PATH = re.compile(r"(?:~|\.{0,2})/[^\s'\"，。；：）)]*")


def english_words(text: str, allowed: set[str] = ZH_ALLOWED) -> set[str]:
    """The Latin words in ``text`` that Chinese mode should not show."""
    text = _PATH.sub(" ", text)
    tokens = re.findall(r"[A-Za-z0-9'-]+", text)
    out = set()
    for token in tokens:
        if ZH_CODE.match(token):
            continue
        for word in LATIN.findall(token):
            # A word cut to fit (Markdo… of Markdown) is the allowed word.
            cut = len(word) >= 4 and any(a.startswith(word) for a in allowed)
            if word not in allowed and not cut:
                out.add(word)
    return out


def chinese_runs(text: str, allowed: set[str] = EN_ALLOWED) -> set[str]:
    """The runs of Chinese characters in ``text`` that English mode should not show."""
    text = _PATH.sub(" ", text)
    return {run for run in CJK.findall(text) if run not in allowed and run.strip("\u3000") != ""}
