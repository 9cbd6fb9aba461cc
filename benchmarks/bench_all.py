"""Every figure of issue 24's table in one run, against the bare Textual app measured in the same run.

    python benchmarks/bench_all.py [--runs 3] [--coordinators 20]

Start-up times are to the first complete screen (the console's "需关注", the bare app's READY-MARK) in
a pseudo-terminal; memory is read from /proc (VmRSS, and Pss from smaps_rollup: a process's share of
the pages it shares with others, so that the sum over many processes is the memory they take
together); bytes are what the program writes to an 80x24 terminal. Each figure is the median of
``--runs`` runs; ratios are to the bare app's median of the same run, of the wall clock and of the CPU
time the process used until then (steadier on a busy machine). Figures, not assertions.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_console import Term, compile_bytecode  # a sibling script, not a package
from bench_console import own_env as env

HERE = Path(__file__).resolve().parent
BARE = [sys.executable, str(HERE / "bare_app.py")]
CONSOLE = [sys.executable, "-m", "console"]
BARE_MARK, CONSOLE_MARK = b"READY-MARK", "需关注".encode()
DOWN = b"\x1b[B"
# Memory is read this long after the first screen (the "4 s after").
SETTLE_SECONDS = 4.0


def memory(pid: int) -> tuple[float, float]:
    """(resident MB, proportional MB) of a process."""
    rss = pss = 0.0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1]) / 1024
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            pss = int(line.split()[1]) / 1024
    return rss, pss


def launch(argv: list[str], mark: bytes, cache: str, size: tuple[int, int] = (100, 30)) -> dict[str, float]:
    """One launch: seconds to the first screen, memory 4 s later."""
    term = Term(argv, *size, env(cache))
    seconds = term.read_until(mark, timeout=120)
    cpu = term.cpu_seconds() or 0.0  # hardly depends on what else the machine runs, unlike seconds
    time.sleep(SETTLE_SECONDS)
    rss, pss = memory(term.pid)
    term.settle()
    term.close()
    return {"seconds": seconds, "cpu": cpu, "rss": rss, "pss": pss}


def screen_bytes(argv: list[str], mark: bytes, downs: int = 6) -> dict[str, float]:
    """Bytes written at 80x24 until the first screen is drawn and quiet, then per Down key (the
    console's overview, the tab it opens on; none for the bare app)."""
    with tempfile.TemporaryDirectory() as cache:
        term = Term(argv, 80, 24, env(cache))
        term.read_until(mark)
        term.settle(quiet=1.5, timeout=15)
        first = len(term.buffer)
        moves = [term.key(DOWN)[1] for _ in range(downs)] or [0]
        term.close()
    return {"first": first, "down": statistics.median(moves)}


def status_json(data: str) -> tuple[float, float]:
    """(seconds, peak resident MB) of ``devzones status --json`` on ``data``."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [*CONSOLE, "status", "--json", "--data", data],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **env(tempfile.mkdtemp())},
    )
    _, _, usage = os.wait4(child.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def coordinators(count: int) -> tuple[float, float]:
    """(summed Pss MB, summed resident MB) of ``count`` consoles on the embedded data, all drawn and
    settled, as on a shared server (one cache each: each coordinator is a user of their own)."""
    terms = []
    try:
        for _ in range(count):
            terms.append(Term(CONSOLE, 100, 30, env(tempfile.mkdtemp())))
        for term in terms:
            term.read_until(CONSOLE_MARK, timeout=300)
        time.sleep(SETTLE_SECONDS)
        for term in terms:
            term.settle(quiet=0.2, timeout=2)
        figures = [memory(term.pid) for term in terms]
    finally:
        for term in terms:
            term.close()
    return sum(p for _, p in figures), sum(r for r, _ in figures)


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "?",
    )
    mem = next(
        int(line.split()[1]) / 1024 / 1024
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal:")
    )
    return f"{os.cpu_count()} CPUs ({cpu}), {mem:.0f} GB memory, Python {platform.python_version()}"


def median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--zones", type=int, default=2543)
    parser.add_argument("--coordinators", type=int, default=20, help="0: leave the summed PSS out")
    args = parser.parse_args()
    note = compile_bytecode()
    print(f"machine: {machine()}; {note}; medians of {args.runs} runs")
    with tempfile.TemporaryDirectory() as tmp:
        nation = str(Path(tmp) / "nation")
        subprocess.run(
            [*CONSOLE, "generate", "--zones", str(args.zones), "--out", nation],
            check=True,
            capture_output=True,
        )
        bare, fresh, cold, warm = [], [], [], []
        for _ in range(args.runs):
            bare.append(launch(BARE, BARE_MARK, tempfile.mkdtemp()))
            fresh.append(launch(CONSOLE, CONSOLE_MARK, tempfile.mkdtemp()))
            nation_cache = tempfile.mkdtemp()
            cold.append(launch([*CONSOLE, "--data", nation], CONSOLE_MARK, nation_cache))
            warm.append(launch([*CONSOLE, "--data", nation], CONSOLE_MARK, nation_cache))
        status = [status_json(nation) for _ in range(args.runs)]
        bare_bytes = [screen_bytes(BARE, BARE_MARK, 0) for _ in range(args.runs)]
        console_bytes = [screen_bytes(CONSOLE, CONSOLE_MARK) for _ in range(args.runs)]
    base, base_cpu = median(bare, "seconds"), median(bare, "cpu") or 1.0
    rows = [
        ("first screen, embedded data, fresh install", fresh, "keep <= 1.2x"),
        (f"first screen, {args.zones:,} zones, nothing cached", cold, "<= 2.0x"),
        (f"first screen, {args.zones:,} zones, second launch", warm, "<= 1.3x"),
    ]
    print("\n| measure | bare Textual | devzones | goal |\n|---|---|---|---|")
    for label, runs, goal in rows:
        seconds, cpu = median(runs, "seconds"), median(runs, "cpu")
        print(
            f"| {label} | {base:.2f} s (CPU {base_cpu:.2f} s) | {seconds / base:.2f}x ({seconds:.2f} s);"
            f" CPU {cpu / base_cpu:.2f}x ({cpu:.2f} s) | {goal} |"
        )
    bare_rss, bare_pss = median(bare, "rss"), median(bare, "pss")
    for label, runs, goal in (
        (f"resident memory {SETTLE_SECONDS:.0f} s after the first screen, embedded", fresh, "<= 90 MB"),
        (f"resident memory, {args.zones:,} zones (nothing cached)", cold, "<= 200 MB"),
    ):
        print(
            f"| {label} | {bare_rss:.0f} MB (Pss {bare_pss:.0f}) | {median(runs, 'rss'):.0f} MB"
            f" (Pss {median(runs, 'pss'):.0f}) | {goal} |"
        )
    seconds = statistics.median(s for s, _ in status)
    peak = statistics.median(m for _, m in status)
    print(
        f"| `status --json`, {args.zones:,} zones | — | {seconds:.2f} s, {peak:.0f} MB peak | <= 0.5 s, <= 150 MB |"
    )
    bare_first = median(bare_bytes, "first")
    first = median(console_bytes, "first")
    print(
        f"| bytes of the first screen at 80x24 | {bare_first / 1024:.1f} KB | {first / bare_first:.2f}x"
        f" ({first / 1024:.1f} KB) | <= 1.5x bare |"
    )
    print(
        f"| bytes per Down key on the overview at 80x24 | — | {median(console_bytes, 'down') / 1024:.1f} KB"
        " | <= 1 KB |"
    )
    if args.coordinators:
        pss, rss = coordinators(args.coordinators)
        print(
            f"| {args.coordinators} coordinators, embedded data: summed Pss (unique memory) | — |"
            f" {pss:.0f} MB (summed resident {rss:.0f} MB) | — |"
        )


if __name__ == "__main__":
    main()
