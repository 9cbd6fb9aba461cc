"""Console benchmarks in a real pseudo-terminal: start-up, repaint latency and bytes per keystroke.

    python benchmarks/bench_console.py [--runs 7] [--only startup|cursor|nation|nation-startup|first-action]

1. Start-up: from launch to the first complete screen (the data drawn), devzones on the embedded
   data against a bare Textual app with tabs and a DataTable (benchmarks/bare_app.py), same run:
   with a view cache, on a fresh install's first launch (the shipped launch screen), and on data
   nothing knows yet. The console's modules are byte-compiled first, as an install has them
   (``--source`` measures compiling them at each launch instead).
2. On the 2,543-zone synthetic dataset: the first screen at 100x30 on the first launch (nothing cached)
   and on the second (the view cache), against the bare app in the same run; then at 160x48 the time from a key
   (tab switch, a search keystroke, `y` year, `l` language, a county filter applied, `d` changes mode) until the
   terminal output goes quiet, i.e. the repaint is finished.
3. Bytes the console writes to an 80x24 terminal when the cursor moves one row, on each tab.
4. (``--only first-action``) On the embedded data, the first key that needs the dataset after a launch
   on the shipped screen (the console idles without it), against the same key once it is loaded.

Figures, not assertions: run it and read them.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Quiet spell (s) that ends a repaint done by a worker (year, language, filter): longer than the
# gap between the key's first output and the worker's result.
SLOW_QUIET = 1.0


class Term:
    """A child process on a pty of a given size; collects what it writes."""

    def __init__(self, argv: list[str], cols: int, rows: int, env: dict[str, str] | None = None) -> None:
        self.start = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # child
            os.execvpe(argv[0], argv, {**os.environ, "TERM": "xterm-256color", **(env or {})})
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.buffer = bytearray()

    def read_until(self, marker: bytes, timeout: float = 30.0) -> float:
        """Seconds since launch when ``marker`` first appears in the output."""
        deadline = time.perf_counter() + timeout
        while marker not in self.buffer:
            if time.perf_counter() > deadline:
                raise TimeoutError(marker)
            self._read(0.01)
        return time.perf_counter() - self.start

    def cpu_seconds(self) -> float | None:
        """The CPU time the child has used so far (user + system, all threads; Linux only): a figure
        that, unlike the wall clock, hardly depends on what else the machine is running."""
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def _read(self, wait: float) -> int:
        ready, _, _ = select.select([self.fd], [], [], wait)
        if not ready:
            return 0
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            return 0
        self.buffer.extend(chunk)
        return len(chunk)

    def settle(
        self, quiet: float = 0.25, timeout: float = 10.0, expect_output: bool = False
    ) -> tuple[float, int]:
        """Wait until nothing is written for ``quiet`` s; (seconds until the last byte, bytes read).

        With ``expect_output``, first wait (up to ``timeout``) for the first byte.
        """
        begin = time.perf_counter()
        last = begin
        total = 0
        if expect_output:
            while not total and time.perf_counter() - begin < timeout:
                total += self._read(0.01)
            last = time.perf_counter()
        while time.perf_counter() - last < quiet and time.perf_counter() - begin < timeout:
            n = self._read(0.01)
            if n:
                total += n
                last = time.perf_counter()
        return last - begin, total

    def key(self, data: bytes, quiet: float = 0.25) -> tuple[float, int]:
        """Send ``data`` once the screen is quiet; (seconds until its repaint is finished, bytes)."""
        self.settle()
        os.write(self.fd, data)
        return self.settle(quiet=quiet, expect_output=True)

    def close(self) -> None:
        os.kill(self.pid, signal.SIGTERM)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def own_env(cache: str, state_dir: str | None = None) -> dict[str, str]:
    """Never the user's config, state or cache: no config, a state file of its own (in ``state_dir``, or
    a new folder), ``cache`` as the view cache."""
    state = os.path.join(state_dir or tempfile.mkdtemp(), "state.toml")
    return {"DEVZONES_CONFIG": "/nonexistent", "DEVZONES_STATE": state, "DEVZONES_CACHE": cache}


def compile_bytecode() -> str:
    """Compile the console's modules as ``pip install`` does, so that each launch reads bytecode like
    Textual's own (a user's install has it; PYTHONDONTWRITEBYTECODE, set on some machines, would
    otherwise compile ~50 modules from source at every launch); what was done, for the report."""
    import compileall

    root = HERE.parent
    ok = all(compileall.compile_dir(root / name, quiet=1) for name in ("console", "widgets"))
    note = "bytecode compiled first, as pip install does"
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        note += " (PYTHONDONTWRITEBYTECODE is set here)"
    return note if ok else note + ": FAILED, figures include compiling"


def changed_copy(folder: str) -> list[str]:
    """A copy of the embedded data with one byte more in its README: the same figures, but data
    neither the view cache nor the shipped launch screen knows (a launch that computes everything)."""
    import shutil

    sys.path.insert(0, str(HERE.parent))
    from console.core.paths import embedded_data_dir

    data = Path(folder) / "data"
    shutil.copytree(embedded_data_dir(), data)
    with open(data / "README.md", "a", encoding="utf-8") as readme:
        readme.write("\n")
    return ["--data", str(data)]


def startup(runs: int, source: bool = False) -> None:
    """Bare Textual app; devzones with a view cache (warm); a fresh install's first launch (an empty
    cache: the launch screen shipped for the embedded data); data nothing knows yet (computed)."""
    if source:  # the console's own bytecode removed (Textual's stays, as installed)
        import shutil

        for name in ("console", "widgets"):
            for cache in (HERE.parent / name).rglob("__pycache__"):
                shutil.rmtree(cache)
    note = "the console's sources compiled at each launch (--source)" if source else compile_bytecode()
    devzones = [sys.executable, "-m", "console"]
    bare = [sys.executable, str(HERE / "bare_app.py")]
    times: dict[str, list[float]] = {"bare": [], "first": [], "warm": [], "other": []}
    cpu: dict[str, list[float]] = {kind: [] for kind in times}
    with tempfile.TemporaryDirectory() as warm_cache, tempfile.TemporaryDirectory() as copy:
        other = changed_copy(copy)
        for _ in range(runs):
            for kind in times:
                argv = bare if kind == "bare" else devzones + (other if kind == "other" else [])
                with tempfile.TemporaryDirectory() as cold_cache:
                    env = own_env(warm_cache if kind == "warm" else cold_cache)
                    if source:
                        env["PYTHONDONTWRITEBYTECODE"] = "1"  # none kept (none left: see above)
                    term = Term(argv, 100, 30, env)
                    times[kind].append(
                        term.read_until(b"READY-MARK" if kind == "bare" else "需关注".encode())
                    )
                    cpu[kind].append(term.cpu_seconds() or 0.0)
                    term.settle()  # let it finish (and write its cache) before closing
                    term.close()
    base, base_cpu = statistics.median(times["bare"]), statistics.median(cpu["bare"])
    print(
        f"start-up to first complete screen, median of {runs} ({note}): bare Textual app with tabs and a DataTable {base:.3f} s (CPU {base_cpu:.3f} s)"
    )
    for kind, label in (
        ("warm", "devzones, data unchanged since the last launch (view cache)"),
        ("first", "devzones, first launch of a fresh install (empty cache: shipped launch screen)"),
        ("other", "devzones, data not seen before (nothing cached or shipped: computed)"),
    ):
        median, median_cpu = statistics.median(times[kind]), statistics.median(cpu[kind])
        goal = " (goal <= 1.3)" if kind != "other" else ""
        ratio_cpu = f", CPU {median_cpu:.3f} s, ratio {median_cpu / base_cpu:.2f}" if base_cpu else ""
        print(f"  {label}: {median:.3f} s, ratio {median / base:.2f}{goal}{ratio_cpu}")


def generate_nation(data: Path) -> None:
    """The 2,543-zone synthetic dataset in ``data``."""
    subprocess.run(
        [sys.executable, "-m", "console", "generate", "--zones", "2543", "--out", str(data)],
        check=True,
        capture_output=True,
    )


def nation_startup(runs: int) -> None:
    """2,543 zones at 100x30: the bare app, the console's first launch (nothing cached: loaded and
    evaluated) and its second launch on the same data (the view cache), interleaved, same run."""
    note = compile_bytecode()
    devzones = [sys.executable, "-m", "console"]
    bare = [sys.executable, str(HERE / "bare_app.py")]
    times: dict[str, list[float]] = {"bare": [], "first": [], "second": []}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "nation"
        generate_nation(data)
        warm = os.path.join(tmp, "warm")
        term = Term([*devzones, "--data", str(data)], 100, 30, own_env(warm, tmp))
        term.read_until("需关注".encode(), timeout=60)
        written = time.perf_counter() + 60  # until the view cache is written (its first screen last)
        while not any(Path(warm).glob("first-*.json")) and time.perf_counter() < written:
            term.settle(quiet=0.2, timeout=1)
        term.settle(quiet=0.5, timeout=5)
        term.close()
        phases: dict[str, list[float]] = {}
        for _ in range(runs):
            for kind in times:
                cache = warm if kind == "second" else tempfile.mkdtemp(dir=tmp)
                argv = bare if kind == "bare" else [*devzones, "--data", str(data)]
                timeline = os.path.join(cache, "timeline.txt")  # the forked child's phases
                launched = time.monotonic()
                term = Term(argv, 100, 30, {**own_env(cache, tmp), "DEVZONES_TIMELINE": timeline})
                marker = b"READY-MARK" if kind == "bare" else "需关注".encode()
                times[kind].append(term.read_until(marker, timeout=60))
                term.settle(quiet=0.5, timeout=30)
                term.close()
                if kind == "first":
                    for phase, at in read_timeline(timeline, launched).items():
                        phases.setdefault(phase, []).append(at)
    base = statistics.median(times["bare"])
    print(f"2,543 zones, start-up to the first screen at 100x30, median of {runs} ({note}):")
    print(f"  bare Textual app with tabs and a DataTable: {base:.3f} s")
    for kind, label, goal in (
        ("first", "first launch, nothing cached", 2.0),
        ("second", "second launch, data unchanged (view cache)", 1.3),
    ):
        median = statistics.median(times[kind])
        spread = ", ".join(f"{t:.2f}" for t in sorted(times[kind]))
        print(f"  {label}: {median:.3f} s, ratio {median / base:.2f} (goal <= {goal}) [{spread}]")
    if phases:  # where the first launch's time goes: the child's phases, ms since the launch
        reached = ", ".join(f"{p} {1000 * statistics.median(at):.0f}" for p, at in phases.items())
        print(f"  first launch, the forked child's phases (median ms since launch): {reached}")


def read_timeline(path: str, launched: float) -> dict[str, float]:
    """The phases the forked child wrote (console.tui.preload.timeline), in seconds since ``launched``."""
    try:
        lines = Path(path).read_text(encoding="utf-8").split()
    except OSError:
        return {}
    return {phase: float(at) - launched for phase, at in zip(lines[::2], lines[1::2], strict=True)}


def first_action(runs: int) -> None:
    """On the embedded data, from the shipped launch screen (the dataset not loaded: an idle console
    stays light): the first key that needs the data (it loads the data first) against the same key
    once the data is there, in a fresh console each run. `y` (next year) and a drill-down (Enter on
    the overview's attention list, then Enter on its first zone); the time until the repaint ends."""
    found: dict[str, list[float]] = {"y first": [], "y loaded": [], "drill first": [], "drill loaded": []}
    for _ in range(runs):
        for kind in ("y", "drill"):
            term = Term(
                [sys.executable, "-m", "console"],
                100,
                30,
                own_env(tempfile.mkdtemp()),
            )
            term.read_until("需关注".encode(), timeout=60)
            term.settle(quiet=0.5)
            if kind == "y":
                found["y first"].append(term.key(b"y", quiet=SLOW_QUIET)[0])
                term.settle(quiet=1.5)  # the prewarm of the other years done
                found["y loaded"].append(term.key(b"y", quiet=SLOW_QUIET)[0])
            else:
                term.key(b"\r")  # into the attention list
                found["drill first"].append(term.key(b"\r", quiet=SLOW_QUIET)[0])
                term.key(b"\x1b")
                term.settle(quiet=1.0)
                found["drill loaded"].append(term.key(b"\r", quiet=SLOW_QUIET)[0])
            term.close()
    print(
        f"embedded data, first key needing the data after a launch on the shipped screen, median of {runs}:"
    )
    for key, label in (("y", "y (next year)"), ("drill", "drill-down (Enter on an attention item)")):
        first, loaded = statistics.median(found[f"{key} first"]), statistics.median(found[f"{key} loaded"])
        print(
            f"  {label}: first {first * 1000:.0f} ms (the data loaded first), "
            f"then {loaded * 1000:.0f} ms: {1000 * (first - loaded):.0f} ms added to the first"
        )


def big_dataset(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "nation"
        generate_nation(data)
        term = Term(
            [sys.executable, "-m", "console", "--data", str(data)],
            160,
            48,
            own_env(os.path.join(tmp, "cache")),  # cold: nothing cached, nothing left
        )
        loaded = term.read_until("需关注".encode(), timeout=60)
        print(f"2,543 zones: first complete screen after {loaded:.2f} s")
        switches, keystrokes = [], []
        first = [term.key(key)[0] for key in (b"2", b"3", b"4", b"5", b"1")]
        for _ in range(runs):
            for key in (b"2", b"3", b"4", b"5", b"1"):
                switches.append(term.key(key)[0])
        term.key(b"2")
        term.key(b"/")
        for ch in "合成0012":
            keystrokes.append(term.key(ch.encode())[0])
        term.key(b"\x1b")
        # Year, language and county filter recompute in a worker, so the repaint may come well after
        # the key's first echo: a longer quiet spell marks its end. On the Zones tab (2,543 rows).
        years, langs, filters = [], [], []
        for _ in range(runs):
            for _ in range(3):  # the generated plan has three years: back to the first
                years.append(term.key(b"y", quiet=SLOW_QUIET)[0])
            for _ in range(2):
                langs.append(term.key(b"l", quiet=SLOW_QUIET)[0])
            for _ in range(2):  # the first county on, then off again (all counties)
                term.key(b"c")
                term.key(b" ")
                filters.append(term.key(b"\r", quiet=SLOW_QUIET)[0])
        # Changes mode: the first d computes the changes since the previous quarter (a worker); then
        # each d (marks, changed rows only, off) only redraws with the changes already computed.
        first_d = term.key(b"d", quiet=SLOW_QUIET)[0]
        toggles = [term.key(b"d", quiet=SLOW_QUIET)[0] for _ in range(3 * runs - 1)]
        term.close()
    print(f"  first visit of each tab: {', '.join(f'{t * 1000:.0f}' for t in first)} ms")
    for label, times in (
        ("y (next year)", years),
        ("l (language)", langs),
        ("county filter (Enter in the dialog)", filters),
        ("d (changes mode, changes already computed)", toggles),
    ):
        print(
            f"  {label} repaint: median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms,"
            f" first {times[0] * 1000:.0f} ms ({len(times)} keys)"
        )
    print(
        f"  d (changes mode) first, computing the changes since the previous quarter: {first_d * 1000:.0f} ms"
    )
    print(
        f"  tab switch repaint: median {statistics.median(switches) * 1000:.0f} ms, max {max(switches) * 1000:.0f} ms ({len(switches)} switches)"
    )
    print(
        f"  search keystroke repaint: median {statistics.median(keystrokes) * 1000:.0f} ms, max {max(keystrokes) * 1000:.0f} ms ({len(keystrokes)} keys)"
    )


def cursor_bytes(runs: int) -> None:
    """Bytes one Down or Up writes at 80x24 on each tab (the overview scrolls its page a line, a table
    moves its cursor), alternating so that the cursor stays near the top; and the first screen's."""
    term = Term(
        [sys.executable, "-m", "console"],
        80,
        24,
        own_env(tempfile.mkdtemp()),
    )
    term.read_until("需关注".encode())
    term.settle(quiet=1.5, timeout=15)
    print(f"bytes written per one-row cursor move at 80x24, median of {runs} (goal <= 1024):")
    print(f"  the first screen, until quiet: {len(term.buffer)}")
    for tab, name in (
        (b"1", "overview (scrolls the page)"),
        (b"2", "zones"),
        (b"3", "clusters"),
        (b"4", "tasks"),
        (b"5", "rankings"),
    ):
        term.key(tab, quiet=0.5)
        counts = [term.key(b"\x1b[B" if i % 2 == 0 else b"\x1b[A")[1] for i in range(runs)]
        print(f"  {name}: median {statistics.median(counts):.0f}, max {max(counts)}")
    term.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--source",
        action="store_true",
        help="start-up: compile the sources at each launch (no bytecode), as with PYTHONDONTWRITEBYTECODE",
    )
    parser.add_argument(
        "--only",
        choices=("startup", "cursor", "nation", "nation-startup", "first-action"),
        help="run one part (default: all; nation-startup: the 2,543-zone start-up figures alone; "
        "first-action: the first key that loads the data after a launch on the shipped screen)",
    )
    args = parser.parse_args()
    if args.only in (None, "startup"):
        startup(args.runs, args.source)
    if args.only in (None, "cursor"):
        cursor_bytes(args.runs * 2)
    if args.only in (None, "first-action"):
        first_action(max(3, args.runs // 2))
    if args.only in (None, "nation", "nation-startup"):
        nation_startup(args.runs)
    if args.only in (None, "nation"):
        big_dataset(max(2, args.runs // 3))


if __name__ == "__main__":
    main()
