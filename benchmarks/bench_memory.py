"""Memory of the console on a shared server: resident and unique memory after the first screen, and
the summed unique memory of many coordinators' consoles.

    python benchmarks/bench_memory.py [--runs 2] [--coordinators 20] [--only single|many]

1. Each process 4 s after its first complete screen (the embedded data also after `2` `s` `s`, the zones
   sorted by name: the first sort by pinyin), in a pseudo-terminal at 100x30 (160x48 for the
   national set): the bare Textual app (benchmarks/bare_app.py), devzones on the embedded data, and
   devzones on the 2,543-zone generated set (nothing cached), same run. Resident memory is VmRSS
   (/proc/<pid>/status); unique memory is what the process alone holds: PSS (shared pages split among
   the processes sharing them) and private pages (Private_Clean + Private_Dirty of
   /proc/<pid>/smaps_rollup). A console whose first screen is cached or shipped (the embedded data;
   the national set once its views are made by the child process of a first launch) holds neither
   polars nor the dataset until a key asks for them (bench_console.py --only first-action times that).
2. "20 coordinators": 20 consoles on the embedded data, each its own user (own empty cache and state),
   started one after the other and all running; 4 s after the last one's first screen, the sum of their
   PSS (and of 20 bare apps', same run).

The console measured is the tree this script is in (its ``console`` package first on PYTHONPATH), so
a copy of the script in another checkout measures that checkout. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_console import Term, compile_bytecode, own_env  # noqa: E402  (the pty driver of the console benchmark)

ROOT = HERE.parent
SETTLE = 4.0  # seconds after the first screen at which memory is read
MB = 1024  # /proc figures are in kB
SORT_BY_NAME = b"2ss"  # the Zones tab, sorted by its second column, the names (by pinyin)


def memory(pid: int) -> dict[str, float]:
    """VmRSS, Pss and Private (Clean + Dirty) of ``pid``, in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    rss = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
    rollup: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        rollup[name] = int(value.split()[0])
    private = rollup.get("Private_Clean", 0) + rollup.get("Private_Dirty", 0)
    return {"rss": rss / MB, "pss": rollup.get("Pss", 0) / MB, "private": private / MB}


def _env(folder: str) -> dict[str, str]:
    """A user of their own: no config, own state and cache (empty), the checkout's console first."""
    return {**own_env(os.path.join(folder, "cache"), folder), "PYTHONPATH": str(ROOT)}


def launch(kind: str, data: Path | None, folder: str) -> tuple[Term, bytes]:
    """A bare app or a console (on ``data``, or the embedded data) in a pty; and its first-screen marker."""
    if kind == "bare":
        return Term([sys.executable, str(HERE / "bare_app.py")], 100, 30, _env(folder)), b"READY-MARK"
    argv = [sys.executable, "-m", "console"] + (["--data", str(data)] if data else [])
    size = (160, 48) if data else (100, 30)
    return Term(argv, *size, _env(folder)), "需关注".encode()


def idle(terms: list[Term], seconds: float) -> None:
    """Keep reading what ``terms`` write for ``seconds`` (a pty not read would block its writer)."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        for term in terms:
            term._read(0.01)


def after_first_screen(kind: str, data: Path | None, keys: bytes = b"") -> dict[str, float]:
    """One process's memory ``SETTLE`` s after its first complete screen (and ``keys`` typed then)."""
    with tempfile.TemporaryDirectory() as folder:
        term, marker = launch(kind, data, folder)
        try:
            term.read_until(marker, timeout=120)
            for key in keys:
                term.key(bytes([key]))
            idle([term], SETTLE)
            return memory(term.pid)
        finally:
            term.close()


def coordinators(count: int, kind: str = "console") -> dict[str, float]:
    """The summed memory of ``count`` processes running at once, ``SETTLE`` s after the last's first screen."""
    with tempfile.TemporaryDirectory() as root:
        terms: list[Term] = []
        try:
            for i in range(count):
                folder = os.path.join(root, str(i))
                os.makedirs(folder)
                term, marker = launch(kind, None, folder)
                terms.append(term)
                while marker not in term.buffer:  # the others' output is read meanwhile
                    idle(terms, 0.05)
                    if time.perf_counter() - term.start > 120:
                        raise TimeoutError(kind)
            idle(terms, SETTLE)
            figures = [memory(t.pid) for t in terms]
        finally:
            for term in terms:
                term.close()
    return {name: sum(f[name] for f in figures) for name in ("rss", "pss", "private")}


def national_set(folder: str) -> Path:
    """The 2,543-zone synthetic dataset, made by this checkout's generator."""
    data = Path(folder) / "nation"
    subprocess.run(
        [sys.executable, "-m", "console", "generate", "--zones", "2543", "--out", str(data)],
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return data


def _line(label: str, figures: list[dict[str, float]], bare: dict[str, float] | None = None) -> str:
    """Medians of ``figures``: resident, PSS, private (and the ratio of resident to the bare app's)."""
    med = {k: statistics.median(f[k] for f in figures) for k in ("rss", "pss", "private")}
    ratio = f" ({med['rss'] / bare['rss']:.2f}x bare)" if bare else ""
    each = ", ".join(f"{f['rss']:.0f}" for f in figures)
    return (
        f"  {label}: resident {med['rss']:.1f} MB{ratio}, PSS {med['pss']:.1f} MB, "
        f"private {med['private']:.1f} MB (resident per run: {each})"
    )


def single(runs: int) -> None:
    """Part 1: the bare app, the embedded data and the national set, ``runs`` times each."""
    with tempfile.TemporaryDirectory() as folder:
        nation = national_set(folder)
        found: dict[str, list[dict[str, float]]] = {"bare": [], "embedded": [], "sorted": [], "nation": []}
        for _ in range(runs):
            found["bare"].append(after_first_screen("bare", None))
            found["embedded"].append(after_first_screen("console", None))
            found["sorted"].append(after_first_screen("console", None, SORT_BY_NAME))
            found["nation"].append(after_first_screen("console", nation))
    bare = {k: statistics.median(f[k] for f in found["bare"]) for k in ("rss", "pss", "private")}
    print(f"memory {SETTLE:.0f} s after the first complete screen, median of {runs}:")
    print(_line("bare Textual app", found["bare"]))
    print(_line("devzones, embedded data (goal: resident <= 90 MB)", found["embedded"], bare))
    print(_line("  the same, then the zones sorted by name (pinyin)", found["sorted"], bare))
    print(_line("devzones, 2,543 zones (goal: resident <= 200 MB)", found["nation"], bare))


def many(count: int) -> None:
    """Part 2: ``count`` consoles on the embedded data at once, against as many bare apps."""
    bare = coordinators(count, "bare")
    consoles = coordinators(count, "console")
    print(f"{count} coordinators at once, {SETTLE:.0f} s after the last first screen (summed):")
    print(f"  bare Textual apps: PSS {bare['pss']:.0f} MB, resident {bare['rss']:.0f} MB")
    print(
        f"  devzones, embedded data: PSS {consoles['pss']:.0f} MB ({consoles['pss'] / bare['pss']:.2f}x bare), "
        f"private {consoles['private']:.0f} MB, resident {consoles['rss']:.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--coordinators", type=int, default=20)
    parser.add_argument("--only", choices=("single", "many"), help="run one part (default: both)")
    args = parser.parse_args()
    print(f"{ROOT} ({compile_bytecode()}); {os.cpu_count()} cores")
    if args.only in (None, "single"):
        single(args.runs)
    if args.only in (None, "many"):
        many(args.coordinators)


if __name__ == "__main__":
    main()
