"""Which columns of a View fit in a width: shared by the console's table and the CLI's text tables.

Columns give way in the order of their ``give_way`` (1 first, then 2 …; 0 always stays), except the
column the view is sorted by, which stays in preference to the others so that the sort (▲ ▼) is always
in sight (see ``fit_columns``); if the rest is still too wide, the widest text columns are trimmed, none below
``MIN_TEXT_WIDTH`` cells. Cells are never wrapped. No Textual here.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict

from rich.cells import cell_len, set_cell_size

from console.present.typography import CJK_CLASS, CLOSING_MARKS, OPENING_MARKS
from console.present.viewmodel import Column, Row, View

MIN_TEXT_WIDTH = 12
PADDING = 1


# Natural widths of the views measured lately, by the identity of their rows and columns (a search
# or sort keeps the columns; ``searched("")`` keeps the rows too). Measuring 2,543 zones takes tens of
# milliseconds: the snapshot cache measures each view it makes in its worker thread, so that showing
# it on the UI thread is a look-up. Entries hold their rows and columns, so an id is never reused.
_MEASURED: OrderedDict[tuple[int, int], tuple[tuple[Row, ...], tuple[Column, ...], tuple[int, ...]]] = (
    OrderedDict()
)
# A bound on the count, not the bytes: the snapshot cache bounds its views by bytes ([performance]
# view_cache_mb) and a view it drops forgets its widths (``forget_widths``); what stays here beyond
# those is searches' and the changes mode's views, which this count keeps few.
_MEASURED_LIMIT = 96
_measured_lock = threading.Lock()
# The widths of each row of the views measured lately (same keys): a view of some of those rows (a
# county filter's) takes its widths from them.
_ROW_WIDTHS: OrderedDict[
    tuple[int, int], tuple[tuple[Row, ...], tuple[Column, ...], list[tuple[int, ...]]]
] = OrderedDict()


def column_widths(view: View, labels: list[str] | None = None) -> list[int]:
    """Natural width of each column: its label (with room for a sort marker) or its widest cell."""
    if labels is not None:
        return _measure(view, labels)
    key = (id(view.rows), id(view.columns))
    with _measured_lock:
        found = _MEASURED.get(key)
        if found is not None and found[0] is view.rows and found[1] is view.columns:
            _MEASURED.move_to_end(key)
            return list(found[2])
    own: list[tuple[int, ...]] = []
    widths = _measure(view, [c.label for c in view.columns], own)
    with _measured_lock:
        _MEASURED[key] = (view.rows, view.columns, tuple(widths))
        while len(_MEASURED) > _MEASURED_LIMIT:
            _MEASURED.popitem(last=False)
        _ROW_WIDTHS[key] = (view.rows, view.columns, own)
        while len(_ROW_WIDTHS) > _MEASURED_LIMIT:
            _ROW_WIDTHS.popitem(last=False)
    return widths


def remember_selected_widths(whole: View, kept: View, indices: list[int]) -> bool:
    """Record the natural widths of ``kept``, which holds the rows at ``indices`` of ``whole`` (same
    columns), from the widths of ``whole``'s rows measured before: a county filter's view (see
    ``assemble.narrow_views``) is then shown without measuring a cell. False if ``whole`` was not measured."""
    key = (id(whole.rows), id(whole.columns))
    with _measured_lock:
        found = _ROW_WIDTHS.get(key)
    if found is None or found[0] is not whole.rows or found[1] is not whole.columns:
        return False
    own = found[2]
    widths = [cell_len(c.label) + 1 for c in kept.columns]
    for i in indices:
        widths = [max(a, b) for a, b in zip(widths, own[i], strict=True)]
    remember_widths(kept, widths)
    return True


def remember_widths(view: View, widths: list[int]) -> None:
    """Record ``view``'s natural widths, worked out without measuring every cell (a view made from
    another whose widths are known, e.g. the changes mode's marked view)."""
    with _measured_lock:
        _MEASURED[(id(view.rows), id(view.columns))] = (view.rows, view.columns, tuple(widths))
        while len(_MEASURED) > _MEASURED_LIMIT:
            _MEASURED.popitem(last=False)


def forget_widths(view: View) -> None:
    """Forget ``view``'s measured widths: the snapshot cache dropped it, and the widths must not keep
    its rows in memory (issue 24, memory)."""
    key = (id(view.rows), id(view.columns))
    with _measured_lock:
        for table in (_MEASURED, _ROW_WIDTHS):
            found = table.get(key)
            if found is not None and found[0] is view.rows:
                del table[key]


def _measure(view: View, labels: list[str], own: list[tuple[int, ...]] | None = None) -> list[int]:
    """The widest of each column's label and cells; ``own`` receives each row's cell widths."""
    widths = [cell_len(label) + 1 for label in labels]
    for row in view.rows:
        cells = tuple(cell_len(cell.text) for cell in row.cells)
        if own is not None:
            own.append(cells)
        for i, n in enumerate(cells):
            if n > widths[i]:
                widths[i] = n
    return widths


def fit_columns(
    view: View, width: int, natural: list[int] | None = None, padding: int = PADDING
) -> tuple[list[int], dict[int, int]]:
    """Which columns to show in ``width`` cells, and narrower widths for any that must be cut.

    The column the view is sorted by never gives way; when the columns that stay still push it past
    ``width``, the columns between the row's name and it give way, the nearest first, so that its ▲ ▼
    is on the first screen (the others are reached by scrolling sideways)."""
    natural = natural or column_widths(view)
    shown, cut = _fit(view, width, natural, padding, frozenset())
    sort = next((i for i, c in enumerate(view.columns) if c.key == view.sort_key), None)
    if sort is None or sort not in shown:
        return shown, cut
    name = next((i for i, c in enumerate(view.columns) if c.label and not c.numeric), 0)

    def end() -> int:
        return sum(cut.get(i, natural[i]) + 2 * padding for i in shown if i <= sort)

    dropped: set[int] = set()
    while end() > width:
        between = [i for i in shown if name < i < sort]
        if not between:
            break
        dropped.add(between[-1])
        shown, cut = _fit(view, width, natural, padding, frozenset(dropped))
    return shown, cut


def _fit(
    view: View, width: int, natural: list[int], padding: int, dropped: frozenset[int]
) -> tuple[list[int], dict[int, int]]:
    """``fit_columns`` without the ``dropped`` columns."""
    shown = [i for i in range(len(view.columns)) if i not in dropped]

    def total(cols: list[int]) -> int:
        return sum(natural[i] + 2 * padding for i in cols)

    for level in sorted({c.give_way for c in view.columns if c.give_way}):
        if total(shown) <= width:
            break
        shown = [
            i for i in shown if view.columns[i].give_way != level or view.columns[i].key == view.sort_key
        ]
    cut: dict[int, int] = {}
    excess = total(shown) - width
    text_columns = [i for i in shown if not view.columns[i].numeric]
    widths = {i: natural[i] for i in text_columns}
    while excess > 0:  # trim the widest text column a cell at a time, so the cut is shared
        widest = max(text_columns, key=lambda i: widths[i], default=None)
        if widest is None or widths[widest] <= MIN_TEXT_WIDTH:
            break
        widths[widest] -= 1
        cut[widest] = widths[widest]
        excess -= 1
    return shown, cut


def fit_text(text: str, width: int, ellipsis: str = "…", right: bool = False) -> str:
    """``text`` in exactly ``width`` cells: padded, or cut and marked with ``ellipsis`` ("..." in ascii)."""
    if cell_len(text) > width:
        # A wide character that would be cut in half is left out whole; the ellipsis follows the last
        # character kept, and the spare cell is padding ("档级、星级… ", never "档级、星级 …").
        text = _head(text, max(0, width - cell_len(ellipsis))) + ellipsis
        if cell_len(text) > width:  # an ellipsis wider than the width: as much of it as fits
            text = set_cell_size(text, width)
    pad = " " * (width - cell_len(text))
    return pad + text if right else text + pad


def _head(text: str, cells: int) -> str:
    """The longest start of ``text`` that fits in ``cells`` cells, without padding."""
    used = 0
    for i, char in enumerate(text):
        used += cell_len(char)
        if used > cells:
            return text[:i]
    return text


def distinct_cuts(texts: list[str], width: int, ellipsis: str = "…") -> list[str]:
    """Each of ``texts`` in at most ``width`` cells, cut at the end with ``ellipsis`` where too long;
    where two different texts would read the same once cut ("Provincial-level+ …" twice), they are cut
    in the middle instead, keeping as much of their ends as tells them apart ("Provin…platforms")."""
    width = max(width, cell_len(ellipsis) + 1)
    cut = [t if cell_len(t) <= width else fit_text(t, width, ellipsis).rstrip(" ") for t in texts]
    for _ in range(width):
        seen: dict[str, set[str]] = {}
        for text, shown in zip(texts, cut, strict=True):
            seen.setdefault(shown, set()).add(text)
        clashes = {shown for shown, sources in seen.items() if len(sources) > 1}
        if not clashes:
            break
        for i, (text, shown) in enumerate(zip(texts, cut, strict=True)):
            if shown in clashes and shown != text:
                cut[i] = _cut_middle(text, width, ellipsis, _tail_needed(text, texts, shown, cut))
    return cut


def _tail_needed(text: str, texts: list[str], shown: str, cut: list[str]) -> int:
    """How many characters of ``text``'s end set it apart from the other texts shown as ``shown``."""
    others = [t for t, c in zip(texts, cut, strict=True) if c == shown and t != text]
    n = 1
    while n < len(text) and any(o.endswith(text[-n:]) for o in others):
        n += 1
    return n


def _cut_middle(text: str, width: int, ellipsis: str, tail: int) -> str:
    """``text`` in ``width`` cells as its head, ``ellipsis`` and at least its last ``tail`` characters
    (more of the end where it is a word: up to the space before it)."""
    end = text[-tail:]
    space = text.rfind(" ", 0, len(text) - tail)
    if space > 0 and cell_len(text[space + 1 :]) + cell_len(ellipsis) + 1 <= width // 2 + 1:
        end = text[space + 1 :]
    room = width - cell_len(ellipsis) - cell_len(end)
    if room < 1:  # the end alone fills the width: its last cells
        return ellipsis + set_cell_size(end[::-1], width - cell_len(ellipsis))[::-1].strip()
    return set_cell_size(text, room).rstrip() + ellipsis + end


# Line breaking for mixed Chinese and English text (the help's descriptions, legends): a line may
# break at a space or between two Chinese characters, never inside an English word or a number, and
# never so that a closing mark starts a line or an opening mark ends one.
_CJK = CJK_CLASS
_QUOTES = "\u2018\u2019\u201c\u201d"  # ‘’“”: marks of Chinese text outside the blocks above
_TOKEN = re.compile(rf"\s+|[{_CJK}{_QUOTES}]|[^\s{_CJK}{_QUOTES}]+")
_CLOSING = frozenset(CLOSING_MARKS)
_OPENING = frozenset(OPENING_MARKS)


def _tokens(text: str, cjk: bool = True) -> list[str]:
    """Unbreakable pieces and runs of spaces, which put together give back ``text``: closing marks
    join the piece before (across spaces), opening marks the piece after (across spaces). Without
    ``cjk``, only spaces break (a short table cell such as "~ 符合进度" keeps its words whole)."""
    if not cjk:
        return re.findall(r"\s+|\S+", text)
    out: list[str] = []
    pending = ""
    for token in _TOKEN.findall(text):
        if token.isspace():
            if pending:
                pending += token
            else:
                out.append(token)
        elif all(c in _OPENING for c in token):
            pending += token
        elif token[0] in _CLOSING and not pending and out and not out[-1].isspace():
            out[-1] += token
        elif token[0] in _CLOSING and not pending and len(out) > 1 and out[-1].isspace():
            space = out.pop()
            out[-1] += space + token
        else:
            out.append(pending + token)
            pending = ""
    if pending:
        out.append(pending)
    return out


def line_spans(text: str, width: int, cjk: bool = True) -> list[tuple[int, int]]:
    """Where each line of ``text`` wrapped in ``width`` cells begins and ends (indices into ``text``;
    the spaces where a line breaks are left out): the one line breaker of the console, used by
    ``wrap_words`` and the drill-downs. A line breaks at a space or between two Chinese characters,
    never inside an English word or a number (2026, 2026Q3, 92%), no line starts with a closing mark
    (，。、；：？！）」』” …) and none ends with an opening one (（「『“ …). A piece wider than
    ``width`` alone is split, after a slash where it has one (CSV/XLSX/…), else folded. Without
    ``cjk`` a line breaks only at spaces (short cells)."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        start: int | None = None
        end = 0
        at = 0
        for token in _tokens(paragraph, cjk):
            a, at = at, at + len(token)
            if token.isspace():
                continue
            stop = a + len(token.rstrip())  # an opening mark carries the spaces after it: not drawn
            first = a if start is None else start
            if cell_len(paragraph[first:stop]) <= width:
                start, end = first, stop
                continue
            if start is not None and cell_len(token.strip()) <= width:  # to the next line whole
                spans.append((offset + start, offset + end))
                start, end = a, stop
                continue
            pieces = [(a + m.start(), a + m.end()) for m in _TOKEN.finditer(token) if not m.group().isspace()]
            if len(pieces) > 1 and all(cell_len(paragraph[p:q]) <= width for p, q in pieces):
                # a word with its marks is too wide for a line: the marks part from it, the word stays whole
                for p, q in pieces:
                    first = p if start is None else start
                    if cell_len(paragraph[first:q]) <= width:
                        start, end = first, q
                        continue
                    if start is not None:
                        spans.append((offset + start, offset + end))
                    start, end = p, q
                continue
            folded, start = _fold(paragraph, first, stop, width, offset, a)  # too wide for any line
            spans += folded
            end = stop
        spans.append((offset + (start or 0), offset + (end if start is not None else 0)))
        offset += len(paragraph) + 1
    return spans


def _fold(
    paragraph: str, start: int, end: int, width: int, offset: int, piece: int | None = None
) -> tuple[list[tuple[int, int]], int]:
    """``paragraph[start:end]``, too wide for any line, split where each line ends (after a slash if it
    has one, else where the too-wide ``piece`` begins, else where the width ends): the full lines' spans
    (``offset`` added) and where the last, partial line starts."""
    spans: list[tuple[int, int]] = []
    while cell_len(paragraph[start:end]) > width > 0:
        line = paragraph[start:end]
        head = set_cell_size(line, width).rstrip()
        slash = head.rfind("/") + 1
        if 0 < slash < len(head):
            head = head[:slash]
        elif piece is not None and start < piece < start + len(head):
            head = paragraph[start:piece].rstrip()  # the piece starts the next line: its words stay whole
        head = head or line[:1]
        spans.append((offset + start, offset + start + len(head)))
        start += len(head)
        while start < end and paragraph[start].isspace():
            start += 1
    return spans, start


def wrap_words(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken as ``line_spans`` says."""
    return [text[a:b] for a, b in line_spans(text, width)]


def narrowest(text: str) -> int:
    """The widest unbreakable piece of ``text``: the least width it wraps in without folding."""
    return max((cell_len(t) for t in _tokens(text) if not t.isspace()), default=0)


def flow(groups: list[str], width: int, gap: int = 3) -> list[str]:
    """Groups (a legend's "✓ 达标 / 按时") side by side, ``gap`` cells apart, in lines of at most
    ``width`` cells; a group goes to the next line whole, and only one wider than a line wraps."""
    lines: list[str] = []
    line = ""
    for group in groups:
        joined = f"{line}{' ' * gap}{group}" if line else group
        if cell_len(joined) <= width:
            line = joined
            continue
        if line:
            lines.append(line)
        *full, line = wrap_words(group, width)
        lines.extend(full)
    lines.append(line)
    return lines


def share_heights(
    room: int, needs: list[int], shares: list[int], keep: float = 1 / 3, least: int = 2
) -> list[int]:
    """Heights of tables stacked in ``room`` lines, each needing ``needs[i]`` lines (its rows and
    heading). A table whose need fits in its share (by ``shares``) of what is left gets all of it,
    and so does one, in order, that leaves the others at least ``keep`` of the room: no row a table
    could show is hidden. The others split the rest by their shares, none below ``least``; the last
    table takes any lines to spare. The heights add up to ``room``."""
    heights = [0] * len(needs)
    left = list(range(len(needs)))
    free = room
    while left:  # give each table that fits its share what it needs, then share again
        total = sum(shares[i] for i in left)
        fits = [i for i in left if needs[i] <= free * shares[i] / total]
        if not fits:  # the first, in order, that leaves the others enough
            floor = max(least, int(room * keep))
            fits = [i for i in left if needs[i] <= free - floor * (len(left) - 1)][:1]
        if not fits:
            break
        for i in fits:
            heights[i] = needs[i]
            free -= needs[i]
        left = [i for i in left if i not in fits]
    if left:
        total = sum(shares[i] for i in left)
        for i in left:
            heights[i] = max(least, free * shares[i] // total)
        heights[left[-1]] = max(least, free - sum(heights[i] for i in left[:-1]))
    elif needs:
        heights[-1] += max(0, free)
    return heights


def toast_lines(message: str, screen_width: int) -> str:
    """``message`` with each line fitted to a toast on a screen ``screen_width`` cells wide: a line
    that is one name (a file or folder, after its indent) breaks only after ``-`` ``_`` ``.`` or
    ``/``, its continuation indented as it was; other lines by ``wrap_words``. Toasts otherwise
    break a file name anywhere."""
    # Textual's Toast: 60 cells or half the screen (its scrollbar's 2 cells aside), less padding and border
    width = min(60, (screen_width - 2) // 2) - 3
    out: list[str] = []
    for line in message.split("\n"):
        if cell_len(line) <= width or width < 8:
            out.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip())]
        name = line.strip()
        if any(c.isspace() for c in name):
            out.extend(indent + part for part in wrap_words(name, width - cell_len(indent)))
            continue
        room = width - cell_len(indent)
        while cell_len(name) > room:
            head = set_cell_size(name, room)
            cut = max(head.rfind(c) for c in "-_./") + 1
            head = head[:cut] if cut > 0 else head.rstrip()
            out.append(indent + head)
            name = name[len(head) :]
        out.append(indent + name)
    return "\n".join(out)


def heading_lines(text: str, width: int, ellipsis: str = "…") -> list[str]:
    """A column heading in lines of ``width`` cells: broken where ``line_spans`` may break (at a space,
    between two Chinese characters), never inside a word; a word wider than ``width`` alone is cut
    and marked with ``ellipsis`` ("Tier targ…", never "Tier ta / rget->r / esult")."""
    width = max(1, width)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for token in _tokens(paragraph):
            if token.isspace():
                if line:
                    line += " "
                continue
            piece = token if cell_len(token) <= width else fit_text(token, width, ellipsis).rstrip()
            if line and cell_len(line + piece) > width:
                lines.append(line.rstrip())
                line = ""
            line += piece
        lines.append(line.rstrip())
    return lines
