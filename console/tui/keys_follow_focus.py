"""Keys typed while the focus moves reach where it went (issue: ``2/zzz`` from the Overview lost the ``/``).

Textual sends a key to the widget focused when the key is read. Keys typed in one burst (a tab switch,
then ``/`` and a search) are all read before the first has moved the focus, so they went to the widget
the focus had left, which has no use for them. A key that comes back unhandled from a widget that has
lost the focus since is dealt with where the focus is now, as if typed there: a binding of the new
place (``/`` on the new tab's table), else the focused widget itself (a letter into the search box).
This needs the actions that move the focus to move it before they return (MainScreen.activate,
open_search; Pane.focus_first), which they do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events

if TYPE_CHECKING:
    from textual.app import App

    _Base = App[int]
else:
    _Base = object


class KeysFollowFocus(_Base):
    """A mixin for the App (before ``App`` in its bases)."""

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            event._devzones_sent_to = self.focused  # type: ignore[attr-defined]
        await super().on_event(event)

    async def on_key(self, event: events.Key) -> None:
        sent_to = getattr(event, "_devzones_sent_to", None)
        now = self.focused
        if sent_to is None or now is None or now is sent_to:
            return  # where it was sent: the App's bindings as usual
        event.prevent_default()
        event.stop()
        # As a key read now would be: the priority bindings, then those of the focus chain, then the widget.
        if not (
            await self._check_bindings(event.key, priority=True) or await self._check_bindings(event.key)
        ):
            now._forward_event(events.Key(event.key, event.character))
