"""TUI speed: time to first frame, and time per keystroke, each beside a bare textual app.

    PYTHONPATH=. python bench/bench_tui.py [--runs 10]

1. First frame: whole-process wall time of starting the app headless (80×24) until its
   first frame is drawn, then exiting; mathsym beside a minimal textual app (Input +
   OptionList + Footer), interleaved, median of --runs each.
2. Per keystroke under Pilot: typing queries letter by letter into mathsym, waiting
   after each key until the results are shown (press + search worker + pause), beside
   the minimal app where each key is a press-and-pause with no handler.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
QUERIES = ["forall", "arrow", "\\le", "integral", "plus minus", "U+2200", "alpha", "rarr"]

BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Input, OptionList

class Bare(App[None]):
    def compose(self):
        yield Input(placeholder="search")
        yield OptionList()
        yield Footer()
"""

FIRST_FRAME = """
import sys, time
t0 = time.perf_counter()
{setup}
async def auto(pilot):
    await pilot.pause()
    print(time.perf_counter() - t0)
    pilot.app.exit()
app.run(headless=True, size=(80, 24), auto_pilot=auto)
"""

SETUP_BARE = BARE_APP + "\napp = Bare()"
SETUP_MATHSYM = "from app.tui.app import MathsymApp\napp = MathsymApp()"


def _first_frame(setup: str, state: str) -> tuple[float, float]:
    """(seconds from process start to first frame, whole-process wall time)."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "MATHSYM_STATE_DIR": state}
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME.format(setup=setup)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    wall = time.perf_counter() - t0
    return float(out.stdout.strip().splitlines()[-1]), wall


async def _keystrokes(make: Any, wait_workers: bool) -> list[float]:
    app = make()
    times: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        query = app.query_one("Input")
        for q in QUERIES:
            for ch in q:
                key = "space" if ch == " " else ch
                t0 = time.perf_counter()
                await pilot.press(key)
                if wait_workers:
                    await app.workers.wait_for_complete()
                await pilot.pause()
                times.append(time.perf_counter() - t0)
            query.value = ""
            await pilot.pause()
            await app.workers.wait_for_complete()
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()
    sys.path.insert(0, str(REPO))
    state = tempfile.mkdtemp()

    bare_ff, ms_ff, bare_wall, ms_wall = [], [], [], []
    _first_frame(SETUP_MATHSYM, state)  # warm the OS file cache for both
    _first_frame(SETUP_BARE, state)
    for _ in range(args.runs):
        f, w = _first_frame(SETUP_BARE, state)
        bare_ff.append(f)
        bare_wall.append(w)
        f, w = _first_frame(SETUP_MATHSYM, state)
        ms_ff.append(f)
        ms_wall.append(w)
    med = statistics.median
    print(f"first frame (from the script's start), median of {args.runs}:")
    for label, ff, wall in (("bare textual app", bare_ff, bare_wall), ("mathsym", ms_ff, ms_wall)):
        print(f"  {label:<17}: {med(ff) * 1000:7.1f} ms   (process wall {med(wall) * 1000:.0f} ms)")
    ratio, wall_ratio = med(ms_ff) / med(bare_ff), med(ms_wall) / med(bare_wall)
    print(f"  ratio            : {ratio:.2f}x   (process wall {wall_ratio:.2f}x)")

    ns: dict[str, Any] = {}
    exec(BARE_APP, ns)
    os.environ["MATHSYM_STATE_DIR"] = state
    from app.tui.app import MathsymApp

    # Warm-up pass each (search indexes, textual caches), then the measured pass.
    asyncio.run(_keystrokes(ns["Bare"], False))
    asyncio.run(_keystrokes(MathsymApp, True))
    bare = asyncio.run(_keystrokes(ns["Bare"], False))
    ms = asyncio.run(_keystrokes(MathsymApp, True))
    n = len(ms)
    print(f"per keystroke under Pilot ({n} keys over {len(QUERIES)} queries):")
    for label, ts in (("bare press+pause", bare), ("mathsym", ms)):
        mean, median = statistics.mean(ts) * 1000, med(ts) * 1000
        print(f"  {label:<17}: mean {mean:6.2f} ms  median {median:6.2f} ms")
    print(
        f"  ratio            : mean {statistics.mean(ms) / statistics.mean(bare):.2f}x"
        f"  median {med(ms) / med(bare):.2f}x"
    )


if __name__ == "__main__":
    main()
