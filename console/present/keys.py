"""The one catalogue of the console's keys: what each does, in Chinese and English, and where it works.

The app's bindings, the table's and drill-down's bindings, the contextual key bar, the help dialog
and the command palette are all generated from ``CATALOGUE`` (widgets/keybar.py turns it into Textual
Bindings); nothing else lists keys. Plain data, no Textual here.

A context is where the user is: a tab (``overview``, ``zones``, ``clusters``, ``tasks``,
``rankings``), the search box (``search``) or a drill-down (``drilldown``).

A condition is what a key needs besides the context (``needs``); the key bar leaves the key off
while it does not hold. There are two: ``attention``, the overview's attention list has
a line that Enter opens (a county with nothing to attend to has none); ``data``, the data is loaded
and valid (on the screen for a broken data folder only the tabs, language, help and quit work).

A new key: a ``KeyEntry`` in ``CATALOGUE``, in its group's section, and its words under the entry's
``name`` in ``console.words.keys.KEYS`` (``name``, ``name_help`` and, for the palette, ``name_palette``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.cells import cell_len

from console.core.config import TABS
from console.present.viewmodel import TAB_TITLES
from console.words import Lang, Pair, other_lang, pick
from console.words.keys import KEY_GROUPS, KEY_MESSAGES, KEYS

TABLE_TABS = frozenset({"zones", "clusters", "tasks", "rankings"})
ALL_TABS = frozenset(TABS)
# Who binds a key (a KeyEntry's ``owner``): "app", "table" (the table widget), "overview",
# "drilldown" (the drill-down screen), "input" (the search box, Textual's Input) or "textual" (Tab,
# Ctrl+P: Textual itself).

# Help sections, in the order shown (their titles: console.words.keys.KEY_GROUPS).
GROUPS = tuple(KEY_GROUPS)


@dataclass(frozen=True)
class Bind:
    """One Textual key name and the action it runs."""

    key: str
    action: str
    priority: bool = False


@dataclass(frozen=True)
class KeyEntry:
    """A key (or a family of keys, such as 1-5) as the user reads it, and the bindings behind it.

    ``name``: its words in console.words.keys.KEYS (``name`` on the bar, ``name_help`` in the help,
    ``name_palette`` in the palette). ``contexts``: where it works (help, messages); ``bar``: its rank
    on the key bar, 1 the most important (the last to go when space is short); 0 keeps it off the bar
    (help only). ``palette``: whether the command palette (Ctrl+P) offers it.
    """

    label: str
    name: str
    group: str
    contexts: frozenset[str]
    binds: tuple[Bind, ...] = ()
    owner: str = "app"
    bar: int = 0
    palette: bool = False
    short: str = ""  # the key as the bar shows it, when shorter than ``label``
    bar_in: frozenset[str] | None = None  # where the bar shows it, when not everywhere it works
    needs: str = ""  # a condition (``attention`` or ``data``, see above) without which it does nothing

    def on_bar(self, context: str, lacking: frozenset[str] = frozenset()) -> bool:
        """True when the key bar offers this key in ``context``, given the conditions ``lacking``."""
        if self.needs and self.needs in lacking:
            return False
        return bool(self.bar) and context in (self.bar_in if self.bar_in is not None else self.contexts)

    @property
    def bar_label(self) -> str:
        return self.short or self.label

    def word(self, lang: Lang) -> str:
        """The short word on the key bar."""
        return KEYS(self.name, lang)

    def help(self, lang: Lang) -> str:
        """The longer line in the help dialog; a tab is named by its title (``{overview}`` …, from
        TAB_TITLES, the one definition the tab strip, palette and messages use too)."""
        return KEYS(f"{self.name}_help", lang).format_map(tab_names(lang))

    @property
    def zh(self) -> str:
        """The key-bar word in Chinese (a binding's description carries both languages)."""
        return self.word("zh")

    @property
    def en(self) -> str:
        """The key-bar word in English."""
        return self.word("en")

    def palette_name(self) -> Pair:
        """Its name in the command palette, (Chinese, English)."""
        return KEYS.pair(f"{self.name}_palette")


def tab_names(lang: Lang) -> dict[str, str]:
    """Each tab's title in ``lang`` (TAB_TITLES), by tab: what a text naming a tab fills in."""
    return {tab: pick(titles, lang) for tab, titles in TAB_TITLES.items()}


def _tab_binds() -> tuple[Bind, ...]:
    return tuple(Bind(str(i + 1), f"show_tab('{tab}')") for i, tab in enumerate(TABS))


CATALOGUE: tuple[KeyEntry, ...] = (
    # -- moving around --------------------------------------------------------------------------------
    KeyEntry(
        f"1-{len(TABS)}",
        "show_tab",
        "move",
        ALL_TABS,
        _tab_binds(),
        bar=7,
        palette=True,  # one command per tab, named by the tab's title
    ),
    KeyEntry(
        "Tab / Shift+Tab",
        "focus_next",
        "move",
        ALL_TABS,
        (Bind("tab", "app.focus_next"), Bind("shift+tab", "app.focus_previous")),
        owner="textual",
        bar=8,
        short="Tab",
        bar_in=frozenset({"tasks"}),  # elsewhere it only reaches the tab strip
        needs="data",
    ),
    KeyEntry(
        "Ctrl+P",
        "command_palette",
        "move",
        ALL_TABS,
        (Bind("ctrl+p", "command_palette"),),
        owner="textual",
        bar=14,
    ),
    # -- tables ---------------------------------------------------------------------------------------
    KeyEntry(
        "Up Down / j k",
        "cursor",
        "table",
        TABLE_TABS,
        (Bind("up,k", "cursor(-1)"), Bind("down,j", "cursor(1)")),
        owner="table",
    ),
    KeyEntry(
        "g / G",
        "edge",
        "table",
        TABLE_TABS,
        (Bind("home,g", "edge(0)"), Bind("end,G", "edge(1)")),
        owner="table",
    ),
    KeyEntry(
        "PgUp / PgDn",
        "page",
        "table",
        TABLE_TABS,
        (Bind("pageup", "page(-1)"), Bind("pagedown", "page(1)")),
        owner="table",
    ),
    KeyEntry(
        "Left Right",
        "column",
        "table",
        TABLE_TABS,
        (Bind("left", "column(-1)"), Bind("right", "column(1)")),
        owner="table",
    ),
    KeyEntry(
        "Enter",
        "select",
        "table",
        TABLE_TABS,
        (Bind("enter", "select"),),
        owner="table",
        bar=3,
        needs="data",
    ),
    KeyEntry(
        "Enter",
        "attention",
        "table",
        frozenset({"overview"}),
        (Bind("enter", "attention"),),
        owner="overview",
        bar=3,
        needs="attention",
    ),
    KeyEntry(
        "/",
        "search",
        "table",
        TABLE_TABS,
        (Bind("slash", "search"),),
        bar=4,
        palette=True,
        needs="data",
    ),
    KeyEntry(
        "Enter",
        "submit",
        "table",
        frozenset({"search"}),
        (Bind("enter", "submit"),),
        owner="input",
        bar=3,
    ),
    KeyEntry(
        "Esc",
        "clear_search",
        "table",
        frozenset({"search"}),
        (Bind("escape", "clear_search"),),
        bar=2,
    ),
    KeyEntry(
        "s",
        "sort",
        "table",
        TABLE_TABS,
        (Bind("s", "sort"),),
        bar=5,
        palette=True,
        needs="data",
    ),
    KeyEntry(
        "S",
        "sort_reverse",
        "table",
        TABLE_TABS,
        (Bind("S", "sort_reverse"),),
        needs="data",
    ),
    KeyEntry(
        "C",
        "copy_row",
        "table",
        TABLE_TABS,
        (Bind("C", "copy_row"),),
        owner="table",
        needs="data",
    ),
    # -- year, language and filters -------------------------------------------------------------------
    KeyEntry(
        "y",
        "next_year",
        "view",
        ALL_TABS | {"drilldown"},
        (Bind("y", "next_year"),),
        bar=6,
        palette=True,
        needs="data",
    ),
    KeyEntry(
        "l",
        "toggle_lang",
        "view",
        ALL_TABS | {"drilldown"},
        (Bind("l", "toggle_lang"),),
        bar=9,
        palette=True,
    ),
    KeyEntry(
        "c",
        "counties",
        "view",
        ALL_TABS,
        (Bind("c", "counties"),),
        bar=10,
        palette=True,
        needs="data",
    ),
    KeyEntry(
        "u",
        "units",
        "view",
        frozenset({"tasks"}),
        (Bind("u", "units"),),
        bar=6,
        palette=True,
        needs="data",
    ),
    KeyEntry(
        "d",
        "changes",
        "view",
        ALL_TABS,
        (Bind("d", "changes"),),
        bar=8,
        palette=True,
        needs="data",
    ),
    KeyEntry(
        "D",
        "compare_with",
        "view",
        ALL_TABS,
        (Bind("D", "compare_with"),),
        palette=True,
        needs="data",
    ),
    # -- output ---------------------------------------------------------------------------------------
    KeyEntry(
        "e",
        "export",
        "output",
        ALL_TABS,
        (Bind("e", "export"),),
        bar=11,
        palette=True,
        needs="data",
    ),
    KeyEntry(
        "b",
        "bulletin",
        "output",
        ALL_TABS,
        (Bind("b", "bulletin"),),
        bar=12,
        palette=True,
        needs="data",
    ),
    # -- drill-down -----------------------------------------------------------------------------------
    KeyEntry(
        "Esc / q",
        "back",
        "drilldown",
        frozenset({"drilldown"}),
        (Bind("escape,q", "back"),),
        owner="drilldown",
        bar=1,
    ),
    # -- general --------------------------------------------------------------------------------------
    KeyEntry(
        "?",
        "help",
        "general",
        ALL_TABS | {"drilldown"},
        (Bind("question_mark", "help"),),
        bar=2,
        palette=True,
    ),
    KeyEntry(
        "q",
        "quit",
        "general",
        ALL_TABS,
        (Bind("q", "quit"),),
        bar=1,
    ),
    KeyEntry(
        "Ctrl+Q",
        "quit_anywhere",
        "general",
        ALL_TABS | {"search", "drilldown"},
        (Bind("ctrl+q", "quit", priority=True),),
        bar=1,
        bar_in=frozenset({"search"}),  # on a tab the bar shows q
    ),
    KeyEntry(
        "Ctrl+L",
        "redraw",
        "general",
        ALL_TABS | {"search", "drilldown"},
        # The console writes only the cells that changed (console.tui.frame_diff): after another
        # program wrote over the terminal (a `wall` message on a shared server), this draws it whole.
        (Bind("ctrl+l", "redraw", priority=True),),
        palette=True,
    ),
)


def entries(owner: str) -> list[KeyEntry]:
    """The catalogue's entries whose keys ``owner`` binds (an owner named above ``KeyEntry``)."""
    return [e for e in CATALOGUE if e.owner == owner]


def entry_for(action: str) -> KeyEntry | None:
    """The entry one of whose bindings runs ``action``."""
    return next((e for e in CATALOGUE if any(b.action == action for b in e.binds)), None)


def help_groups(lang: Lang) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every key, grouped for the help dialog: [(section title, [(key, what it does)])]."""
    return [
        (KEY_GROUPS(group, lang), [(e.label, e.help(lang)) for e in CATALOGUE if e.group == group])
        for group in GROUPS
    ]


def palette_commands(lang: Lang) -> list[tuple[str, str, str]]:
    """The command palette's entries: (name in the console's language, name in the other language,
    action). The palette shows the first and finds a command by either."""
    other = other_lang(lang)

    def name(pair: Pair) -> tuple[str, str]:
        return pick(pair, lang), pick(pair, other)

    out: list[tuple[str, str, str]] = []
    for e in CATALOGUE:
        if not e.palette:
            continue
        if e.binds and e.binds[0].action.startswith("show_tab("):
            out.extend((*name(TAB_TITLES[tab]), b.action) for tab, b in zip(TABS, e.binds, strict=True))
        else:
            out.append((*name(e.palette_name()), e.binds[0].action))
    return out


def applies(action: str, context: str) -> bool:
    """True when the key running ``action`` works in ``context`` (a tab, "search", "drilldown"), or
    the catalogue does not tie it to any tab."""
    entry = entry_for(action)
    return entry is None or context in entry.contexts or not any(t in entry.contexts for t in TABS)


def fallback_binds() -> list[tuple[str, str]]:
    """(key, action) for the character keys a widget binds (the table's C, j, k …): bound by the app
    too, so that where that widget is not (the overview) the key says where it works instead of
    nothing. Named keys (arrows, Enter, PgDn) are left to whatever widget has the focus."""
    return [
        (key, b.action)
        for e in CATALOGUE
        if e.owner in ("table", "overview")
        for b in e.binds
        for key in b.key.split(",")
        if len(key) == 1
    ]


def not_here(action: str, lang: Lang) -> str:
    """What a key says where it does not apply: which tab it works on, and the key that goes there."""
    entry = entry_for(action)
    tabs = [t for t in TABS if entry is not None and t in entry.contexts]
    label = entry.label if entry else action
    where = KEY_MESSAGES("where_sep", lang).join(
        KEY_MESSAGES("tab_where", lang, title=pick(TAB_TITLES[t], lang), n=TABS.index(t) + 1) for t in tabs
    )
    return KEY_MESSAGES("not_here", lang, label=label, where=where)


@dataclass(frozen=True)
class KeyBarLine:
    """What the key bar shows: (key, word) pairs in display order, and the filter note if it fits;
    ``dropped``: the keys left off for want of room, least important first."""

    items: tuple[tuple[str, str], ...]
    note: str = ""
    dropped: tuple[str, ...] = field(default=())

    @property
    def width(self) -> int:
        return line_width(self.items, self.note)


def item_width(key: str, word: str) -> int:
    """Cells one item takes on the bar, drawn as `` key word `` (CJK-aware)."""
    return cell_len(key) + cell_len(word) + 3


def line_width(items: tuple[tuple[str, str], ...] | list[tuple[str, str]], note: str = "") -> int:
    """Cells a key-bar line takes: its items, then `` note`` when there is one."""
    return sum(item_width(k, w) for k, w in items) + (cell_len(note) + 1 if note else 0)


# The filter note (e.g. ``/上蔡``) gives way after every key but the two most important ones.
NOTE_RANK = 2.5


def key_bar(
    context: str, lang: Lang, width: int, note: str = "", lacking: frozenset[str] = frozenset()
) -> KeyBarLine:
    """The keys that work in ``context`` that fit in ``width`` cells, least important dropped first;
    a key whose condition is in ``lacking`` does nothing there and is not offered.

    Display order is the catalogue's, with rank 1 and 2 (``?`` and ``q`` on a tab) at the right
    end; when even those do not fit they are kept and the widget cuts the line.
    """
    shown = [e for e in CATALOGUE if e.on_bar(context, lacking)]
    shown.sort(key=lambda e: (1, -e.bar) if e.bar <= 2 else (0, 0))  # catalogue order, then ? and q
    ranks: list[tuple[float, int]] = [(e.bar, i) for i, e in enumerate(shown)]
    if note:
        ranks.append((NOTE_RANK, -1))
    keep = {i for _, i in ranks}
    dropped: list[str] = []

    def current() -> tuple[list[tuple[str, str]], str]:
        items = [(e.bar_label, e.word(lang)) for i, e in enumerate(shown) if i in keep]
        return items, note if -1 in keep else ""

    for rank, i in sorted(ranks, reverse=True):
        if line_width(*current()) <= width or rank <= 2:
            break
        keep.discard(i)
        if i >= 0:
            dropped.append(shown[i].bar_label)
    items, kept_note = current()
    return KeyBarLine(tuple(items), kept_note, tuple(dropped))


# -- the widgets' and dialogs' own keys -------------------------------------------------------------
# Keys a dialog or widget binds for itself, beside the catalogue above: a dialog's hint line says them
# (widgets/dialogs/), so they are neither in the help nor on the key bar. ``words``: what the key does
# (its binding's description), a key of console/words/widgets.py's ``bind_…`` entries; ``show``:
# Textual's flag, kept as each widget had it.


@dataclass(frozen=True)
class WidgetBind:
    """One key a dialog or widget binds for itself."""

    key: str
    action: str
    words: str
    show: bool = True
    priority: bool = False


WIDGET_BINDS: dict[str, tuple[WidgetBind, ...]] = {
    "county_dialog": (
        WidgetBind("escape", "cancel", "cancel"),
        WidgetBind("enter", "apply", "apply", priority=True),
        WidgetBind("space", "toggle_county", "toggle", show=False),
        WidgetBind("ctrl+a", "toggle_all", "all", show=False, priority=True),  # before Input's Home
        WidgetBind("down", "to_list", "to_the_list", show=False),
    ),
    "unit_dialog": (
        WidgetBind("escape", "cancel", "cancel"),
        WidgetBind("j", "move(1)", "down", show=False),
        WidgetBind("k", "move(-1)", "up", show=False),
    ),
    "period_dialog": (WidgetBind("escape", "cancel", "cancel"),),
    "help_screen": (WidgetBind("escape,q,question_mark", "close", "close"),),  # not words: key names
    "export_dialog": (
        WidgetBind("escape", "cancel", "cancel"),
        WidgetBind("ctrl+s", "export", "export", priority=True),
    ),
    "bulletin_dialog": (
        WidgetBind("escape", "cancel", "cancel"),
        WidgetBind("enter", "write", "write", priority=True),
    ),
    "picking_radio_set": (
        WidgetBind("down,right", "pick(1)", "next_option", show=False),
        WidgetBind("up,left", "pick(-1)", "previous_option", show=False),
    ),
    "attention_list": (
        WidgetBind("escape", "leave", "back", show=False),
        WidgetBind("k", "cursor_up", "up", show=False),
        WidgetBind("j", "cursor_down", "down", show=False),
    ),
    "search_box": (WidgetBind("enter", "submit", "submit", show=False, priority=True),),
}
