"""Command palette (Ctrl+P) entries for every console action, in the console's language, from the key
catalogue (console.present.keys); and the words of Textual's own commands and notices (the built-in
palette commands, the Ctrl+C quit notice)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from rich.align import Align
from rich.text import Text
from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets.option_list import Option

from console.present.collation import name_matches
from console.present.formatter import Formatter
from console.present.keys import palette_commands
from console.present.labels import text
from console.words import Lang, as_lang
from console.words.widgets import WIDGETS
from widgets.ascii import ascii_mode

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen


def _lang(app: App[Any]) -> Lang:
    return as_lang(getattr(app, "lang", "zh"))


class ConsoleCommands(Provider):
    """The console's own actions, shown in the console's language and found by either language's name."""

    def _entries(self) -> list[tuple[str, str, str]]:
        """(name shown, the other language's name, action)."""
        return palette_commands(_lang(self.app))

    async def discover(self) -> Hits:
        for name, _other, action in self._entries():
            yield DiscoveryHit(name, partial(self.app.run_action, action))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, other, action in self._entries():
            score = matcher.match(name)
            shown = matcher.highlight(name) if score > 0 else name
            score = max(
                score, matcher.match(other)
            )  # 'export' finds 导出 in Chinese mode, and 导出 finds Export
            if score <= 0 and name_matches(query, name, other):
                # The county dialog's matcher: pinyin (daochu) or its initials (dc) find 导出 too.
                score = PINYIN_SCORE
            if score > 0:
                yield Hit(score, shown, partial(self.app.run_action, action), text=name)


# A hit found by pinyin only ranks below a direct match of the name.
PINYIN_SCORE = 0.5


class ConsolePalette(CommandPalette):
    """Textual's command palette with its empty-state line in the console's language (Textual's own
    "No matches found" is English only; labels ``palette_empty``)."""

    def __init__(self, *args: Any, lang: Lang = "zh", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.empty = text("palette_empty", lang)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own (textual.command.CommandPalette) with the console's words.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(self.empty, style="not bold")), disabled=True, id=self._NO_MATCHES
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def system_commands(app: App[Any], screen: Screen[Any]) -> Iterator[SystemCommand]:
    """Textual's built-in palette commands in the console's language (App.get_system_commands).

    "Keys" (Textual's own key panel, English only) is left out: the console's help (``?``) lists the keys.
    """
    lang = _lang(app)

    def command(name: str, run: Any) -> SystemCommand:
        return SystemCommand(WIDGETS(name, lang), WIDGETS(f"{name}_help", lang), run)

    yield command("theme", partial(search_themes, app))
    yield command("quit", app.action_quit)
    if screen.maximized is not None:
        yield command("minimize", screen.action_minimize)
    elif screen.focused is not None and screen.focused.allow_maximize:
        yield command("maximize", screen.action_maximize)
    # saved in the export folder; the toast says where
    yield command("screenshot", partial(app.run_action, "save_screen"))


def search_themes(app: App[Any]) -> None:
    """The theme list (App.search_themes) with its prompt in the console's language; themes keep their
    own names (textual-dark, nord …), which are proper names."""
    from textual.theme import ThemeProvider

    placeholder = Formatter(ascii_only=ascii_mode(app)).text(WIDGETS("search_themes", _lang(app)))
    app.push_screen(ConsolePalette(providers=[ThemeProvider], placeholder=placeholder, lang=_lang(app)))


def open_command_palette(app: App[Any]) -> None:
    """Open the command palette (App.action_command_palette) with its prompt in the console's language."""
    if app.use_command_palette and not CommandPalette.is_open(app):
        placeholder = Formatter(ascii_only=ascii_mode(app)).text(WIDGETS("search_commands", _lang(app)))
        app.push_screen(ConsolePalette(placeholder=placeholder, id="--command-palette", lang=_lang(app)))


def quit_notice(app: App[Any]) -> None:
    """What Ctrl+C says (it does not quit, as a terminal user may expect): the key that does."""
    lang = _lang(app)
    for active in app.active_bindings.values():
        if active.binding.action in ("quit", "app.quit"):
            shown = app.get_key_display(active.binding)
            app.notify(
                WIDGETS("quit_key", lang, key=shown),
                title=WIDGETS("quit_title", lang),
                markup=False,
            )
            return
