"""Command palette (Ctrl+P) entries for every console action, in the console's language."""

from __future__ import annotations

from functools import partial

from textual.command import CommandInput, CommandPalette, DiscoveryHit, Hit, Hits, Provider

from console.present.formatter import Formatter
from widgets.ascii import ascii_mode

ACTIONS = (
    ("show_tab('overview')", "概览", "Overview"),
    ("show_tab('zones')", "开发区", "Zones"),
    ("show_tab('clusters')", "产业集群", "Clusters"),
    ("show_tab('tasks')", "重点任务", "Tasks"),
    ("show_tab('rankings')", "排名", "Rankings"),
    ("counties", "县区筛选", "County filter"),
    ("next_year", "切换年度", "Next year"),
    ("toggle_lang", "切换语言 English", "Switch language 中文"),
    ("export", "导出当前视图", "Export this view"),
    ("bulletin", "生成月度通报", "Write the monthly bulletin"),
    ("search", "搜索", "Search"),
    ("sort", "排序", "Sort"),
    ("help", "帮助", "Help"),
)


class ConsoleCommands(Provider):
    """The console's own actions, searchable by their Chinese or English names."""

    async def startup(self) -> None:
        """The palette's search field asks in the console's language and symbol set."""
        palette = self.app.screen
        if isinstance(palette, CommandPalette):
            zh = getattr(self.app, "lang", "zh") == "zh"
            prompt = "搜索命令…" if zh else "Search for commands…"
            palette.query_one(CommandInput).placeholder = Formatter(ascii_only=ascii_mode(self.app)).text(
                prompt
            )

    def _entries(self) -> list[tuple[str, str]]:
        zh = getattr(self.app, "lang", "zh") == "zh"
        dot = Formatter(ascii_only=ascii_mode(self.app)).dot
        return [(f"{z} {dot} {e}" if zh else f"{e} {dot} {z}", action) for action, z, e in ACTIONS]

    async def discover(self) -> Hits:
        for name, action in self._entries():
            yield DiscoveryHit(name, partial(self.app.run_action, action))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action in self._entries():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self.app.run_action, action))
