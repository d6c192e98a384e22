"""Two checkouts side by side: whole-process times and memory, interleaved in one run.

    python bench/compare_trees.py BEFORE AFTER [--runs 100] [--tui 10] [--tmux 5]
                                  [--unicodeit PYTHON]

BEFORE and AFTER are source trees (e.g. ``git archive main | tar -x -C /tmp/before``).
Each command runs --runs times for each tree, in alternation with ``python -c pass``, so
that a busy machine slows both trees alike; medians and lower quartiles are printed with
their ratio to the bare interpreter, and the median peak RSS of each command (its
``ru_maxrss``). Both trees go through the ``mathsym`` console script next to this
interpreter (it imports ``app.cli`` from PYTHONPATH, set to each tree), with byte code
cached in a temporary PYTHONPYCACHEPREFIX, as an installed package has it.

The same rounds also time, in fresh processes of each tree: ``symbols.table("all")``
called twice; with --tui N (every N-th round), the TUI under Pilot: its first frame
beside a minimal textual app, and the first key typed after F2 twice (math → extended
→ all) until its results are shown, with the resident memory after ``check mark`` was
typed there; with --tmux N, the same first key in a real terminal (tmux 100×30),
until the pane shows a result. --unicodeit PYTHON adds ``PYTHON -m unicodeit.cli
'\\forall'`` (an interpreter with unicodeit installed; not a dependency of ours).
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_tui import BARE_APP, FIRST_FRAME  # noqa: E402

# Prints the time of the first and the second call of symbols.table("all"), in ms.
TABLE_TWICE = """
import time
import symbols
t0 = time.perf_counter(); symbols.table("all"); t1 = time.perf_counter()
symbols.table("all"); t2 = time.perf_counter()
print((t1 - t0) * 1000, (t2 - t1) * 1000)
"""

# Under Pilot, in a fresh process with an empty state: F2 until the scope is argv[1]
# (twice for all: math → extended → all), then one key; prints the ms until its
# results are in the list, then the resident memory (MiB) once "check mark" is
# typed and shown.
TUI_ALL = """
import asyncio, os, sys, tempfile, time
os.environ["MATHSYM_STATE_DIR"] = tempfile.mkdtemp()  # a first start: scope math
from app.tui.app import MathsymApp

def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

async def main():
    app = MathsymApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        scope = sys.argv[1]
        while app.scope != scope:  # F2: math → extended → all
            await pilot.press("f2")
        await pilot.pause()
        screen = app.search_screen
        shown = []
        show = screen._show_rows

        def noted(generation, rows):  # the moment the results are in the list
            show(generation, rows)
            if rows and not shown:
                shown.append(time.perf_counter())

        screen._show_rows = noted
        t0 = time.perf_counter()
        await pilot.press("c")
        while not shown:
            await asyncio.sleep(0.001)
        first = shown[0] - t0
        for key in "heck mark":
            await pilot.press("space" if key == " " else key)
            await app.workers.wait_for_complete()
        await pilot.pause()
        print(first * 1000, rss())

asyncio.run(main())
"""

# The minimal app's memory once it has drawn its first frame (the floor of a TUI's).
BARE_RSS = (
    BARE_APP
    + """
import os
async def auto(pilot):
    await pilot.pause()
    with open("/proc/self/statm") as f:
        print(int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20)
    pilot.app.exit()
Bare().run(headless=True, size=(100, 30), auto_pilot=auto)
"""
)


def main(argv: list[str] | None = None) -> int:
    """Time both trees and print Markdown tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--tui", type=int, default=0, help="TUI measures every N-th round")
    parser.add_argument("--tmux", type=int, default=0, help="tmux measure every N-th round")
    parser.add_argument("--unicodeit", help="a Python with unicodeit installed")
    args = parser.parse_args(argv)
    py = sys.executable
    found = shutil.which("mathsym", path=str(Path(py).parent))
    mathsym = [found] if found else [py, "-m", "app"]
    cache = tempfile.mkdtemp()
    state = tempfile.mkdtemp()
    trees = {"before": args.before.resolve(), "after": args.after.resolve()}
    # `python -c` and `python -m` put the working directory first on sys.path: run from
    # one that holds neither tree, or both would measure the checkout we stand in.
    os.chdir(tempfile.mkdtemp())

    def env(tree: Path | None) -> dict[str, str]:
        e = dict(os.environ)
        e.pop("PYTHONDONTWRITEBYTECODE", None)
        e["PYTHONPYCACHEPREFIX"] = cache
        e["MATHSYM_STATE_DIR"] = state
        if tree is not None:
            e["PYTHONPATH"] = str(tree)
        return e

    what = {
        "`import symbols; symbols.get('∀')`": [py, "-c", "import symbols; symbols.get('\u2200')"],
        "`mathsym forall`": [*mathsym, "forall"],
        "`mathsym --json '\\le'`": [*mathsym, "--json", "\\le"],
        "`mathsym '\\forall'`": [*mathsym, "\\forall"],
        "`mathsym --scope all 'byte order mark'`": [*mathsym, "--scope", "all", "byte order mark"],
        "`mathsym --scope all 'check mark'`": [*mathsym, "--scope", "all", "check mark"],
        "`mathsym --scope all 💡` (a pasted glyph)": [*mathsym, "--scope", "all", "\U0001f4a1"],
    }
    commands: dict[tuple[str, str], tuple[list[str], dict[str, str]]] = {
        ("`python -c pass`", ""): ([py, "-c", "pass"], env(None))
    }
    if args.unicodeit:
        commands["`python -m unicodeit.cli '\\forall'` (unicodeit 0.7)", ""] = (
            [args.unicodeit, "-m", "unicodeit.cli", "\\forall"],
            env(None),
        )
    for name, argv_ in what.items():
        for label, tree in trees.items():
            commands[name, label] = (argv_, env(tree))

    def wall(argv_: list[str], e: dict[str, str]) -> float:
        """Wall time (s) of one run."""
        start = time.perf_counter()
        subprocess.run(argv_, env=e, stdout=subprocess.DEVNULL, check=True)
        return time.perf_counter() - start

    def peak(argv_: list[str], e: dict[str, str]) -> float:
        """Peak RSS (MiB) of one run, through GNU time (a fork of this process would count
        its own pages as the child's: the small time program's are below any Python's)."""
        err = subprocess.run(
            ["/usr/bin/time", "-f", "%M", *argv_],
            env=e,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            check=True,
        ).stderr
        return int(err.split()[-1]) / 1024

    def output(argv_: list[str], e: dict[str, str]) -> list[float]:
        out = subprocess.run(argv_, env=e, capture_output=True, text=True, check=True).stdout
        return [float(x) for x in out.split()]

    for argv_, e in commands.values():  # compile byte code, warm the page cache
        wall(argv_, e)
        wall(argv_, e)
    times: dict[tuple[str, str], list[float]] = {key: [] for key in commands}
    peaks: dict[tuple[str, str], list[float]] = {key: [] for key in commands}
    extra: dict[tuple[str, str], list[float]] = {}

    def note(name: str, label: str, value: float) -> None:
        extra.setdefault((name, label), []).append(value)

    for n in range(args.runs):
        for key, (argv_, e) in commands.items():
            times[key].append(wall(argv_, e))
            if n < 5:
                peaks[key].append(peak(argv_, e))
        for label, tree in trees.items():
            first, second = output([py, "-c", TABLE_TWICE], env(tree))
            note("`symbols.table('all')`, first call", label, first)
            note("`symbols.table('all')`, second call", label, second)
        if args.tui and n % args.tui == 0:
            note("first frame: minimal app", "", _frame(py, BARE_APP + "\napp = Bare()", env))
            note(
                "TUI memory: minimal app after its first frame",
                "",
                *output([py, "-c", BARE_RSS], env(None)),
            )
            for label, tree in trees.items():
                setup = "from app.tui.app import MathsymApp\napp = MathsymApp()"
                note("first frame: mathsym", label, _frame(py, setup, env, tree))
                for scope in ("math", "all"):
                    key_ms, rss = output([py, "-c", TUI_ALL, scope], env(tree))
                    note(
                        f"TUI (Pilot): first key in scope {scope}, until its results", label, key_ms
                    )
                    note(f"TUI memory after a search in scope {scope}", label, rss)
        if args.tmux and n % args.tmux == 0:
            for label, tree in trees.items():
                for scope in ("math", "all"):
                    ms = _tmux(py, tree, cache, scope)
                    note(f"TUI (tmux): first key in scope {scope}, until its results", label, ms)

    def stats(values: list[float]) -> tuple[float, float]:
        t = sorted(values)
        return statistics.median(t), t[len(t) // 4]

    bare, bare25 = (v * 1000 for v in stats(times["`python -c pass`", ""]))
    print(
        f"{args.runs} interleaved rounds, load average {os.getloadavg()[0]:.1f}; "
        f"`python -c pass` {bare:.1f} ms (lower quartile {bare25:.1f} ms), "
        f"peak RSS {statistics.median(peaks['`python -c pass`', '']):.1f} MiB"
    )
    print()
    print("| command | before: median (lower quartile), peak RSS | after |")
    print("|---|---|---|")
    shared = [key for key in commands if key[1] == "" and key[0] != "`python -c pass`"]
    for key in shared:
        m, q = (v * 1000 for v in stats(times[key]))
        rss = statistics.median(peaks[key])
        cell = f"{m:.1f} ms, {m / bare:.2f}× ({q:.1f} ms, {q / bare25:.2f}×), {rss:.1f} MiB"
        print(f"| {key[0]} | {cell} | |")
    for name in what:
        cells = []
        for label in trees:
            m, q = (v * 1000 for v in stats(times[name, label]))
            rss = statistics.median(peaks[name, label])
            cells.append(
                f"{m:.1f} ms, {m / bare:.2f}× ({q:.1f} ms, {q / bare25:.2f}×), {rss:.1f} MiB"
            )
        print(f"| {name} | {cells[0]} | {cells[1]} |")
    print()
    print("| measure (median of the runs, lower quartile) | before | after |")
    print("|---|---|---|")
    names = list(dict.fromkeys(name for name, _label in extra))
    for name in names:
        cells = []
        for label in ("before", "after", ""):
            if (name, label) in extra:
                m, q = stats(extra[name, label])
                cells.append(f"{m:.1f} ({q:.1f}), n={len(extra[name, label])}")
        if len(cells) == 1:
            cells.append("")
        print(f"| {name} | {cells[0]} | {cells[1]} |")
    return 0


def _frame(py: str, setup: str, env: object, tree: Path | None = None) -> float:
    """Milliseconds from the script's start to the app's first frame (bench_tui's measure)."""
    e = env(tree)  # type: ignore[operator]
    out = subprocess.run(
        [py, "-c", FIRST_FRAME.format(setup=setup)],
        env=e,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(out.strip().splitlines()[-1]) * 1000


def _tmux(py: str, tree: Path, cache: str, scope: str) -> float:
    """Milliseconds from the first key typed in *scope* (F2 to it) until results show."""
    with tempfile.TemporaryDirectory() as tmp:
        sock = str(Path(tmp) / "tmux.sock")

        def tmux(*args: str) -> str:
            return subprocess.run(
                ["tmux", "-S", sock, *args], capture_output=True, text=True, check=False
            ).stdout

        exports = {
            "PYTHONPATH": str(tree),
            "PYTHONPYCACHEPREFIX": cache,
            "MATHSYM_STATE_DIR": str(Path(tmp) / "state"),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
        }
        env = " ".join(f"{k}={shlex.quote(v)}" for k, v in exports.items())
        tmux(
            "new-session",
            "-d",
            "-s",
            "app",
            "-x",
            "100",
            "-y",
            "30",
            f"env -u PYTHONDONTWRITEBYTECODE {env} {shlex.quote(py)} -m app; sleep 5",
        )

        def wait(text: str) -> float:
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                if text in tmux("capture-pane", "-p", "-t", "app"):
                    return time.perf_counter()
                time.sleep(0.001)
            raise SystemExit(f"tmux: {text!r} never showed")

        try:
            wait("F1")  # the footer: drawn
            for now in ("extended", "all")[: ("math", "extended", "all").index(scope)]:
                tmux("send-keys", "-t", "app", "F2")
                wait(f"scope {now}")
            time.sleep(0.3)
            start = time.perf_counter()
            tmux("send-keys", "-t", "app", "c")
            # The status line counts what is found once the results show.
            shown = wait(" found \u00b7")
            return (shown - start) * 1000
        finally:
            tmux("kill-server")


if __name__ == "__main__":
    sys.exit(main())
