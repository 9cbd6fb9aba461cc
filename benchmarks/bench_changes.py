"""Time ``changes`` (the engine's list of changes between two quarters) on a generated dataset.

    python benchmarks/bench_changes.py [--zones 2543] [--repeat 5] [--from 2026Q2]

Goal (issue 13): under 1 s on the 2,543-zone set, on a 2-core machine. Prints seconds per run (the
dataset loaded once, as the console holds it; the ingest history read each time, as the CLI does).
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


if __name__ == "__main__":
    main()
