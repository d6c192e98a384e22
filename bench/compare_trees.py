"""Two checkouts side by side: whole-process times of the import and CLI targets, interleaved.

    python bench/compare_trees.py BEFORE AFTER [--runs 100]

BEFORE and AFTER are source trees (e.g. ``git archive main | tar -x -C /tmp/before``).
Each command runs --runs times for each tree, in alternation with ``python -c pass``, so
that a busy machine slows both trees alike; medians and lower quartiles are printed with
their ratio to the bare interpreter. Both trees go through the ``mathsym`` console script
next to this interpreter (it imports ``app.cli`` from PYTHONPATH, set to each tree), with
byte code cached in a temporary PYTHONPYCACHEPREFIX, as an installed package has it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    """Time both trees and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args(argv)
    py = sys.executable
    found = shutil.which("mathsym", path=str(Path(py).parent))
    mathsym = [found] if found else [py, "-m", "app"]
    cache = tempfile.mkdtemp()

    def env(tree: Path | None) -> dict[str, str]:
        e = dict(os.environ)
        e.pop("PYTHONDONTWRITEBYTECODE", None)
        e["PYTHONPYCACHEPREFIX"] = cache
        if tree is not None:
            e["PYTHONPATH"] = str(tree.resolve())
        return e

    what = {
        "`import symbols; symbols.get('∀')`": [py, "-c", "import symbols; symbols.get('\u2200')"],
        "`mathsym forall`": [*mathsym, "forall"],
        "`mathsym --json '\\le'`": [*mathsym, "--json", "\\le"],
    }
    commands: dict[tuple[str, str], tuple[list[str], dict[str, str]]] = {
        ("`python -c pass`", ""): ([py, "-c", "pass"], env(None))
    }
    for name, argv_ in what.items():
        for label, tree in (("before", args.before), ("after", args.after)):
            commands[name, label] = (argv_, env(tree))

    def wall(argv_: list[str], e: dict[str, str]) -> float:
        start = time.perf_counter()
        subprocess.run(argv_, env=e, stdout=subprocess.DEVNULL, check=True)
        return time.perf_counter() - start

    for argv_, e in commands.values():  # compile byte code, warm the page cache
        wall(argv_, e)
        wall(argv_, e)
    times: dict[tuple[str, str], list[float]] = {key: [] for key in commands}
    for _ in range(args.runs):
        for key, (argv_, e) in commands.items():
            times[key].append(wall(argv_, e))

    def stats(key: tuple[str, str]) -> tuple[float, float]:
        t = sorted(times[key])
        return statistics.median(t) * 1000, t[len(t) // 4] * 1000

    bare, bare25 = stats(("`python -c pass`", ""))
    print(
        f"{args.runs} interleaved rounds, load average {os.getloadavg()[0]:.1f}; "
        f"`python -c pass` {bare:.1f} ms (lower quartile {bare25:.1f} ms)"
    )
    print()
    print("| command | before: median (lower quartile) | after: median (lower quartile) |")
    print("|---|---|---|")
    for name in what:
        cells = []
        for label in ("before", "after"):
            m, q = stats((name, label))
            cells.append(f"{m:.1f} ms, {m / bare:.2f}× ({q:.1f} ms, {q / bare25:.2f}×)")
        print(f"| {name} | {cells[0]} | {cells[1]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
