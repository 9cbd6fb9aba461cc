"""The console's changes mode (``d``, ``D``): what changed since a reference quarter, on every tab.

The changes are computed once per (dataset, reference quarter, latest quarter, county filter) in a
worker (console.present.changes_view.ChangesMemo), then only the marks are rebuilt when the views
change (a year, language or filter): cheap, so that toggling the mode is a redraw. The marks apply
to the year the data is judged in (the latest quarter's year); on another year nothing is marked, the
top bar says so, and "changed rows only" lists no rows and says which year the changes are marked in
(the year the user chose is kept: switching it silently would change every tab under them).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from console.present.formatter import Formatter
from console.tui.loading import not_ready
from console.tui.messages import WorkerResult
from console.words import as_lang
from console.words.tui import TUI

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from console.core.config import Settings
    from console.data.dataset import Dataset
    from console.engine.changes import Change
    from console.present.changes_view import ChangeMarks, ChangesMemo
    from console.present.viewmodel import View, Views
    from console.tui.ports import Console
    from console.tui.session import Session
    from console.tui.workers import Post
    from console.words import Lang

CHANGES_SHOWN = 10  # changes listed at the top of the overview's attention list


class ChangesReady(WorkerResult):
    """The changes since ``since`` (to ``to``) for ``counties`` were computed."""

    def __init__(self, since: str, to: str, counties: tuple[str, ...], changes: list[Change]) -> None:
        super().__init__()
        self.since, self.to, self.counties, self.changes = since, to, counties, changes


class ChangesFailed(WorkerResult):
    """The changes could not be computed (one line saying why); the mode is turned off."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message


@dataclass
class Computed:
    """The changes last computed and the marks they make on the views last shown."""

    since: str
    to: str
    counties: tuple[str, ...]
    changes: list[Change]
    marks: ChangeMarks | None = None
    views: Views | None = None


def compute(
    memo: ChangesMemo,
    post: Post,
    ds: Dataset,
    settings: Settings,
    since: str,
    to: str,
    counties: tuple[str, ...],
    lang: Lang,
) -> None:
    """In a worker: the changes since ``since``, worst first, with the ingest history's revisions
    (from ``memo`` when the same dataset and choices were asked for before)."""
    from console.data.scales import parse_period
    from console.reports.revisions import revisions
    from console.tui.messages import describe

    try:
        found = memo.get(
            ds,
            settings,
            parse_period(since),
            parse_period(to),
            counties or None,
            revisions(settings.data_dir),
        )
    except Exception as exc:  # reported for what it is; the views stay
        post(ChangesFailed(describe(exc, lang, settings.data_dir)))
        return
    post(ChangesReady(since, to, counties, found))


class ChangesMode:
    """The mode's wiring for one console: the keys, the worker, and what the panes draw; it reads and
    changes the ``console``'s session and asks it for toasts, a dialog, a worker and a redraw."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.computed: Computed | None = None
        self._memo: ChangesMemo | None = None

    @property
    def memo(self) -> ChangesMemo:
        """One computation per dataset, quarters and filter; made when first needed, so that
        polars (which changes_view imports) is not imported while the first screen is drawn."""
        if self._memo is None:
            from console.present.changes_view import ChangesMemo

            self._memo = ChangesMemo()
        return self._memo

    # -- the keys ------------------------------------------------------------------------------------

    @property
    def session(self) -> Session:
        return self.console.session

    def periods(self) -> list[str]:
        """The quarters a comparison can start from, newest first (none before the data's second)."""
        from console.present.changes_view import reference_periods

        ds = self.session.dataset
        return [] if ds is None else [str(p) for p in reference_periods(ds)]

    def comparable(self, then: Callable[[], object] | None = None) -> list[str]:
        """The quarters to compare with; none (said in a toast) before the data is there, when ``then``
        (the key's own action) is done once it is loaded, or when it has a single quarter."""
        if not_ready(self.console, then) or self.session.views is None:  # while loading: said, not dropped
            return []
        periods = self.periods()
        if not periods:
            self.console.say(TUI("one_quarter_only", self.session.lang))
        return periods

    def toggle(self) -> None:
        """``d``: marked, then changed rows only, then off."""
        periods = self.comparable(self.toggle)
        if periods:
            self.session.state.cycle_changes(periods)
            self.refresh()

    def choose(self) -> None:
        """``D``: the dialog of quarters to compare with."""
        session = self.session
        periods = self.comparable(self.choose)
        if not periods or session.dataset is None:
            return
        from widgets.dialogs.period import PeriodDialog

        def chosen(period: str | None) -> None:
            if period is not None:
                session.state.compare_with(period)
                self.refresh()

        current = session.state.since or session.state.reference
        dialog = PeriodDialog(periods, current, str(session.dataset.as_of), session.lang)
        self.console.push_screen(dialog, chosen)

    # -- computing and drawing -----------------------------------------------------------------------

    def refresh(self, redraw: bool = True) -> None:
        """After a change of mode, data, year, language or filter: compute the changes if they are
        not there for these choices (a worker; the screen is redrawn when they come), else redraw."""
        session = self.session
        since = session.state.since
        have = self.computed
        if since is not None and session.dataset is not None and session.views is not None:
            to, counties = str(session.dataset.as_of), tuple(session.state.counties)
            if have is None or (have.since, have.to, have.counties) != (since, to, counties):
                from console.tui.messages import post_to

                post = partial(post_to, self.console)
                ds, settings, lang = session.dataset, session.settings, session.lang
                work = partial(compute, self.memo, post, ds, settings, since, to, counties, lang)
                self.console.run_worker(
                    work, thread=True, exclusive=True, group="changes", exit_on_error=False
                )
        if redraw:
            self.console.main.render_tab()

    def computed_or_failed(self, message: ChangesReady | ChangesFailed) -> None:
        """The worker's outcome: the changes are there, or the mode is off and a toast says why."""
        if isinstance(message, ChangesReady):
            self.computed = Computed(message.since, message.to, message.counties, message.changes)
        else:
            self.session.state.since, self.session.state.changed_only = None, False
            self.console.say(message.message, "error", 10)
        self.console.main.render_tab()

    def forget(self) -> None:
        """The data changed (a reload): the changes are computed again when next needed."""
        self.computed = None
        if self._memo is not None:
            self._memo.clear()

    def marks(self, views: Views) -> ChangeMarks | None:
        """The marks on ``views`` while the mode is on and its changes are there; None otherwise
        (also on a year other than the latest quarter's, which the changes are not about)."""
        have, state = self.computed, self.session.state
        if state.since is None or have is None or have.since != state.since:
            return None
        if have.counties != tuple(state.counties) or not self.about_year(views):
            return None
        from console.present.changes_view import change_marks  # polars: only once the mode is on

        if have.marks is None or have.views is not views:
            have.marks, have.views = change_marks(have.changes, views, have.since, have.to), views
        return have.marks

    def exported(self) -> tuple[list[Change], str, str] | None:
        """What an export made now carries in changes mode: the changes, since and to; None when the
        mode is off or its changes are not there for the views shown."""
        views, have = self.session.views, self.computed
        if views is None or have is None or self.marks(views) is None:
            return None
        return have.changes, have.since, have.to

    def elsewhere(self, views: Views) -> bool:
        """Whether the mode is on, its changes are there, and the year shown is not theirs."""
        have, state = self.computed, self.session.state
        return (
            state.since is not None
            and have is not None
            and have.since == state.since
            and not self.about_year(views)
        )

    def empty_note(self, views: Views) -> str | None:
        """What an empty table says in "changed rows only" on a year the changes are not about (the
        year they are marked in, and the key to get there); None otherwise."""
        ds = self.session.dataset
        if ds is None or not self.session.state.changed_only or not self.elsewhere(views):
            return None
        return TUI("changes_other_year", self.session.lang, year=ds.as_of.year, shown=views.header.year)

    def about_year(self, views: Views) -> bool:
        ds = self.session.dataset
        return ds is not None and views.header.year == ds.as_of.year

    def view(self, view: View, views: Views) -> View:
        """A table's view as the mode shows it: changed cells marked, or only the changed rows."""
        marks = self.marks(views)
        if marks is None:
            if self.elsewhere(views) and self.session.state.changed_only:
                # Nothing is marked on this year: keeping every row would pretend to filter.
                return replace(view, rows=())
            return view
        from console.present.changes_view import changed_rows, mark_view

        shown = changed_rows(view, marks) if self.session.state.changed_only else view
        return mark_view(shown, marks, self.session.ascii_only)

    def table_marks(self, view: View, views: Views) -> tuple[Mapping[str, frozenset[str]], str]:
        """The marked cells of ``view``'s tab (row key -> column keys; empty when nothing is marked)
        and the mark: what a table needs to mark a row whose changed cell gave way to the width."""
        marks = self.marks(views)
        symbol = "*" if self.session.ascii_only else "Δ"
        return ({} if marks is None else marks.cells.get(view.tab, {})), symbol

    def overview(self, views: Views) -> tuple[str, tuple[tuple[str, str, str | None], ...]] | None:
        """The overview's section "本期变化（自2026Q2）": its heading and (subject, what, zone) rows,
        worst first, at most CHANGES_SHOWN and a last line saying how many more; None when off."""
        marks, have = self.marks(views), self.computed
        if marks is None or have is None:
            return None
        from console.present.changes_view import attention_rows, changes_heading

        lang = as_lang(views.lang)
        rows = attention_rows(have.changes, views, CHANGES_SHOWN)
        keys = [c.zone for c in have.changes[:CHANGES_SHOWN]]
        out = [(whose, what, key) for (whose, what), key in zip(rows, keys, strict=False)]
        if not have.changes:
            out.append(("", TUI("nothing_changed", lang), None))
        elif len(have.changes) > CHANGES_SHOWN:
            more = len(have.changes) - CHANGES_SHOWN
            mark = Formatter(ascii_only=views.ascii).change_mark  # the mark drawn: * under --ascii
            out.append(("", TUI("more_changes", lang, more=more, mark=mark), None))
        return changes_heading(have.since, views.lang), tuple(out)

    def top_bar_note(self, views: Views) -> str:
        """What the top bar says while the mode is on: "Δ 较2026Q2", "仅变化", or that the year shown
        is not the one the changes are about."""
        state, lang = self.session.state, self.session.lang
        if state.since is None:
            return ""
        mark = Formatter(ascii_only=self.session.ascii_only).change_mark
        note = TUI("changes_since", lang, mark=mark, since=state.since)
        if state.changed_only:
            note += TUI("changed_only", lang)
        if self.computed is None or self.computed.since != state.since:
            note += " …" if not self.session.ascii_only else " ..."
        elif not self.about_year(views):
            ds = self.session.dataset
            note += TUI("marked_in_year", lang, year=ds.as_of.year if ds is not None else "")
        return note
