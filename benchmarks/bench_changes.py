"""Time ``changes`` (the engine's list of changes between two quarters) on a generated dataset.

    python benchmarks/bench_changes.py [--zones 2543] [--repeat 5] [--from 2026Q2]

Goal (issue 13): under 1 s on the 2,543-zone set, on a 2-core machine. Prints seconds per run (the
dataset loaded once, as the console holds it; the ingest history read each time, as the CLI does).

Also times the console's "changes since" toggle in the domain (console/present/changes_view.py), goal
well under 100 ms: with the views built and the changes computed once per reference period
(``ChangesMemo``), one toggle marks the changed cells of every table, filters the changed rows and
builds the overview's "Changes since" rows.
A benchmark that prints figures, not a test: timings vary from machine to machine.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zones", type=int, default=2543)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--from", dest="start", default=None, help="default: the quarter before the latest")
    args = parser.parse_args()

    from console.core.config import load_settings
    from console.data.loader import load_dataset
    from console.data.scales import Period, parse_period
    from console.engine.changes import changes_between
    from console.reports.revisions import revisions

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "synthetic"
        subprocess.run(
            [sys.executable, "-m", "console", "generate", "--zones", str(args.zones), "--out", str(out)],
            check=True,
            capture_output=True,
        )
        settings = load_settings(data_dir=out)
        ds = load_dataset(out)
        end = ds.as_of
        start = parse_period(args.start) if args.start else Period.from_index(end.index - 1)
        times = []
        count = 0
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            count = len(changes_between(ds, settings, start, end, None, revisions(out)))
            times.append(time.perf_counter() - t0)
        zones = ds["zones"].height
        print(f"zones={zones} from={start} to={end} changes={count}")
        print(
            f"changes: median {statistics.median(times):.3f} s, best {min(times):.3f} s over {args.repeat} runs"
        )
        _toggle(ds, settings, start, end, revisions(out), args.repeat)


def _toggle(ds, settings, start, end, found_revisions, repeat: int) -> None:  # type: ignore[no-untyped-def]
    from console.present.assemble import compute, render_views
    from console.present.changes_view import ChangesMemo, change_marks, changed_rows, mark_view, overview_rows

    views = render_views(compute(ds, settings, None, None), "zh", False)
    memo = ChangesMemo()
    t0 = time.perf_counter()
    memo.get(ds, settings, start, end, None, found_revisions)
    first = time.perf_counter() - t0
    every, shown = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        changes = memo.get(ds, settings, start, end, None, found_revisions)  # from the memo
        marks = change_marks(changes, views, str(start), str(end))
        for view in views.tables.values():
            changed_rows(mark_view(view, marks), marks)
        overview_rows(changes, views, limit=50)
        every.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        changes = memo.get(ds, settings, start, end, None, found_revisions)
        marks = change_marks(changes, views, str(start), str(end))
        mark_view(views.tables["zones"], marks)  # the tab on screen (the largest: every zone)
        shown.append(time.perf_counter() - t0)
    print(f"console toggle: first computation {first:.3f} s (once per reference period)")
    for label, times in (("every table + overview", every), ("the zones tab", shown)):
        print(
            f"console toggle, {label}: median {statistics.median(times) * 1000:.1f} ms,"
            f" best {min(times) * 1000:.1f} ms over {repeat} runs"
        )


if __name__ == "__main__":
    main()
