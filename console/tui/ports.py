"""The narrow interfaces between the console's parts: what each may ask of the others.

The flows (console.tui.flows), the changes mode (console.tui.changes_mode), the main screen and its
panes never hold the app itself: each holds one of these protocols, which ``DevZonesApp`` (and the
main screen) satisfy. So the parts of ``console.tui`` import each other one way only, down to these
protocols and ``Session``, and a part's needs are written here, not discovered by reading it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from textual.message import Message
    from textual.notifications import SeverityLevel
    from textual.screen import Screen
    from textual.worker import Worker

    from console.data.errors import DataError
    from console.engine.changes import Change
    from console.present.viewmodel import View, Views
    from console.tui.session import Session
    from widgets.view_table import ViewTable


class Screens(Protocol):
    """What the main screen draws when a flow or the changes mode asks."""

    def render_all(self) -> None: ...
    def render_tab(self) -> None: ...
    def show_loading(self) -> None: ...
    def show_keybar(self) -> None: ...
    def show_failure(self, errors: list[DataError]) -> None: ...
    def focused_table(self) -> tuple[str, ViewTable] | None: ...


class Console(Protocol):
    """What a flow or the changes mode may ask of the console: its session, a toast, a screen over the
    main screen, a worker, a message for the app, and a recomputation of the views."""

    @property
    def session(self) -> Session: ...
    @property
    def main(self) -> Screens: ...
    @property
    def screen(self) -> Screen[Any]: ...
    @property
    def screen_stack(self) -> list[Screen[Any]]: ...
    @property
    def no_color(self) -> bool: ...
    @property
    def is_running(self) -> bool: ...

    def say(self, message: str, severity: SeverityLevel = "information", timeout: float = 8) -> None: ...
    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...
    def clear_notifications(self) -> None: ...
    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any: ...
    def post_message(self, message: Message) -> bool: ...
    def call_later(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> bool: ...
    def run_worker(self, work: Any, *args: Any, **kwargs: Any) -> Worker[Any]: ...
    def export_screenshot(self, *, title: str | None = None) -> str: ...

    @property
    def deliver_binary(self) -> Callable[..., str | None]:
        """Served in a browser: a file sent as a download (Textual's ``App.deliver_binary``)."""

    def reevaluate(self) -> None: ...


class ChangesShown(Protocol):
    """What the panes and the top bar ask of the changes mode: how it marks the views shown."""

    def view(self, view: View, views: Views) -> View: ...
    def empty_note(self, views: Views) -> str | None: ...
    def table_marks(self, view: View, views: Views) -> tuple[Mapping[str, frozenset[str]], str]: ...
    def overview(self, views: Views) -> tuple[str, tuple[tuple[str, str, str | None], ...]] | None: ...
    def top_bar_note(self, views: Views) -> str: ...
    def exported(self) -> tuple[list[Change], str, str] | None: ...


class Drills(Protocol):
    """What the main screen asks of the flows: a row's drill-down, or to say the data is not there."""

    def drill_down(self, table: str, key: str) -> None: ...
    def not_ready(self) -> bool: ...


class Host(Protocol):
    """What the main screen and its panes read from the console: the session, the changes mode's
    marks and the drill-downs."""

    @property
    def session(self) -> Session: ...
    @property
    def changes(self) -> ChangesShown: ...
    @property
    def flows(self) -> Drills: ...
