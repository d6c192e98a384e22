"""Whole-process cost of ``import symbols; symbols.get('∀')`` beside ``python -c pass``.

Run from the repository root::

    python bench/bench_import.py [--runs 30]

Both commands run as fresh processes, interleaved (pass, symbols, pass, …) so
that machine noise hits both alike; the medians and their ratio are printed.
Target: ratio ≤ 3.

The package's bytecode is compiled first (as ``pip install`` does): without it,
every run would compile symbols/*.py again (e.g. under PYTHONDONTWRITEBYTECODE=1),
which is not what a user pays.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

COMMANDS = {
    "pass": "pass",
    "symbols": "import symbols; symbols.get('∀')",
}


def time_once(code: str, env: dict[str, str]) -> float:
    """Wall time of one ``python -c code`` process, in seconds."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=REPO)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="runs of each command (at least 20)")
    args = parser.parse_args(argv)
    runs = max(args.runs, 20)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    compileall.compile_dir(str(REPO / "symbols"), quiet=1)
    for code in COMMANDS.values():  # warm the page cache and the .pyc files
        time_once(code, env)
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(runs):
        for name, code in COMMANDS.items():
            times[name].append(time_once(code, env))
    medians = {name: statistics.median(t) for name, t in times.items()}
    print(
        f"python {platform.python_version()} on {platform.machine()}, "
        f"{os.cpu_count()} CPUs, {runs} runs each"
    )
    for name, code in COMMANDS.items():
        print(f"  {medians[name] * 1000:7.1f} ms  median  python -c {code!r}")
    ratio = medians["symbols"] / medians["pass"]
    print(f"  ratio {ratio:.2f}x (target <= 3x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
