"""Command palette (Ctrl+P) entries for every console action, in the console's language, from the
key catalogue (console.present.keys)."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from console.present.keys import palette_commands


class ConsoleCommands(Provider):
    """The console's own actions, searchable by their Chinese or English names."""

    def _entries(self) -> list[tuple[str, str]]:
        return palette_commands(getattr(self.app, "lang", "zh"))

    async def discover(self) -> Hits:
        for name, action in self._entries():
            yield DiscoveryHit(name, partial(self.app.run_action, action))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action in self._entries():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self.app.run_action, action))
