"""Load, validate and evaluate a synthetic national dataset; print time and peak memory.

    python benchmarks/bench_load.py [--zones 2543] [--repeat 5] [--headless] [--data DIR] [--against SRC]

With ``--headless``, also the headless commands on it (``status --json``, ``rankings --json``,
``check --json``, ``status``): the median wall time, CPU time (user + system) and peak resident
memory of ``--repeat`` runs of each, each a fresh process as cron would start it (with ``--against``,
both trees alternately, their ratios, and whether both wrote the same bytes). ``reload`` is a second
load in the same process (polars warmed up): the loader's own work. With ``--against SRC`` (another
version's source tree, e.g. ``git archive main | tar -x -C /tmp/main``), the load runs alternate between
this tree and SRC, and both are printed: a before/after in the same run.

Goal on a 2-core machine: load + evaluate under 1 s and 300 MB peak RSS. This is a benchmark that
prints figures, not a test: timings vary from machine to machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
t0 = time.perf_counter()
import polars  # noqa: F401
from console.core.config import load_settings
from console.engine.evaluation import evaluate
from console.data.loader import load_dataset
rss_imports = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t1 = time.perf_counter()
ds = load_dataset(Path(sys.argv[1]))
t2 = time.perf_counter()
load_dataset(Path(sys.argv[1]))
t2b = time.perf_counter()
ev = evaluate(ds, load_settings(data_dir=Path(sys.argv[1])))
t3 = time.perf_counter()
rows = {name: frame.height for name, frame in ds.tables.items()}
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1, "reload_s": t2b - t2, "evaluate_s": t3 - t2b, "rows": rows,
                  "rss_imports_mb": rss_imports / 1024, "rss_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "zones_missing": ev.zones_missing.height}))
"""


HEADLESS = (("status", "--json"), ("rankings", "--json"), ("check", "--json"), ("status",))


def headless(data: Path, repeat: int, trees: dict[str, Path | None]) -> None:
    """Each headless command on ``data``: median wall, CPU and peak resident memory of ``repeat`` runs
    of each tree (alternating, so a busy spell of the machine falls on both), the ratios to the first
    tree's, and whether every tree wrote the same bytes."""
    for command in HEADLESS:
        runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in trees}
        written: dict[str, bytes] = {}
        for _ in range(repeat):
            for name, tree in trees.items():
                took, output = _headless_run(data, command, tree)
                runs[name].append(took)
                written.setdefault(name, output)
        first = None
        for name, tree_runs in runs.items():
            wall, cpu, peak = (statistics.median(r[i] for r in tree_runs) for i in range(3))
            ratio = (
                f"  ({wall / first[0]:.2f}x wall, {peak / first[2]:.2f}x peak of the first)" if first else ""
            )
            first = first or (wall, cpu, peak)
            label = f" [{name}]" if len(trees) > 1 else ""
            print(
                f"{' '.join(command):>15}{label}: {wall:.2f} s wall, {cpu:.2f} s CPU, {peak:.0f} MB peak"
                f"  (median of {repeat}){ratio}"
            )
        if len(trees) > 1:
            same = len(set(written.values())) == 1
            print(f"{'':>15}  output {'identical' if same else 'DIFFERS'} between the trees")


def _headless_run(
    data: Path, command: tuple[str, ...], tree: Path | None
) -> tuple[tuple[float, float, float], bytes]:
    """One run of ``command`` in a fresh process (of this tree's code or ``tree``'s) with empty config,
    state and cache folders: (wall s, CPU s, peak MB) and what it wrote on stdout."""
    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryFile() as stdout:
        folders = {f"DEVZONES_{k}": str(Path(home) / k.lower()) for k in ("CONFIG", "STATE", "CACHE")}
        env = {**os.environ, "COLUMNS": "100", **folders}
        if tree is not None:
            env.update(PYTHONPATH=str(tree), PYTHONDONTWRITEBYTECODE="1")
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "console", *command, "--data", str(data)], stdout=stdout, env=env, cwd=tree
        )
        _, _, usage = os.wait4(child.pid, 0)
        took = (time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
        stdout.seek(0)
        return took, stdout.read()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zones", type=int, default=2543)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--headless", action="store_true", help="also time the headless commands")
    parser.add_argument("--data", type=Path, help="an existing generated dataset (skips generate)")
    parser.add_argument("--against", type=Path, help="another version's source tree, timed alternately")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.data or Path(tmp) / "synthetic"
        if args.data is None:
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "console", "generate", "--zones", str(args.zones), "--out", str(out)],
                check=True,
                capture_output=True,
            )
            print(f"generate --zones {args.zones}: {time.perf_counter() - start:.2f} s")
        trees = {"this tree": None, **({"against": args.against} if args.against else {})}
        if args.headless:
            headless(out, args.repeat, trees)
        runs: dict[str, list[dict]] = {name: [] for name in trees}
        for _ in range(args.repeat):  # alternating, so a busy spell of the machine falls on both
            for name, tree in trees.items():
                runs[name].append(_child(out, tree))
    for name, tree_runs in runs.items():
        if len(runs) > 1:
            print(f"{name}:")
        _print(tree_runs)


def _child(out: Path, tree: Path | None) -> dict:
    """One load + evaluate in a fresh process, of this tree's code or ``tree``'s."""
    env = dict(os.environ)
    if tree is not None:
        env.update(PYTHONPATH=str(tree), PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(out)], check=True, capture_output=True, text=True, env=env, cwd=tree
    )
    return json.loads(done.stdout)


def _print(runs: list[dict]) -> None:
    first = runs[0]
    print("rows:", ", ".join(f"{k} {v:,}" for k, v in first["rows"].items()))
    print(f"zones missing a target: {first['zones_missing']:,}")
    for key in ("load_s", "reload_s", "evaluate_s"):
        values = sorted(r[key] for r in runs)
        print(
            f"{key[:-2]:>9}: median {values[len(values) // 2]:.3f} s  (min {values[0]:.3f}, max {values[-1]:.3f}, {len(values)} runs)"
        )
    total = sorted(r["load_s"] + r["evaluate_s"] for r in runs)
    print(f"load+eval: median {total[len(total) // 2]:.3f} s  (goal < 1 s)")
    print(
        f"peak RSS: {max(r['rss_peak_mb'] for r in runs):.0f} MB in all, of which imports {first['rss_imports_mb']:.0f} MB  (goal < 300 MB)"
    )


if __name__ == "__main__":
    main()
