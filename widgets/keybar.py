"""The bottom line: the keys of the current view, in the console's language."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from widgets.ascii import ascii_mode

KEYS = (
    ("Enter", "详情", "detail"),
    ("/", "搜索", "search"),
    ("s", "排序", "sort"),
    ("c", "县区", "county"),
    ("e", "导出", "export"),
    ("y", "年度", "year"),
    ("l", "English", "中文"),
    ("?", "帮助", "help"),
    ("q", "退出", "quit"),
)


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar { height: 1; background: $panel; }
    """

    def show(self, lang: str, extra: str = "") -> None:
        line = Text(no_wrap=True, overflow="crop" if ascii_mode(self) else "ellipsis")
        for key, zh, en in KEYS:
            line.append(f" {key}", style="bold")
            line.append(f" {zh if lang == 'zh' else en} ")
        if extra:
            line.append(f" {extra}", style="italic")
        self.update(line)
