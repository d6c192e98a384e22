"""Whole-process wall time and peak memory of the one-shot CLI, beside a bare interpreter.

    python bench/bench_cli.py [--runs 20] [--phases] [--importtime]

Runs each command --runs times (after two warm-up runs, so that byte code is
compiled and the page cache is warm) in alternation with ``python -c pass``, and
prints the median wall time, its ratio to the bare interpreter measured in the same
run, and the peak RSS of the command (``ru_maxrss`` of its process, read through
a small wrapper so that each command's peak is its own).

The command is the ``mathsym`` console script next to this interpreter when it is
installed (``pip install -e .``), else ``python -m app`` with the checkout on
PYTHONPATH. PYTHONDONTWRITEBYTECODE is dropped and byte code goes to a temporary
PYTHONPYCACHEPREFIX, as an installed package would have it.

``--phases`` adds the time of each phase of one look-up (imports, table load, search
index, search, the CLI's own work), timed inside a fresh interpreter.
``--importtime`` adds the slowest imports of ``mathsym forall`` (``python -X importtime``).
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

ROOT = Path(__file__).resolve().parent.parent

COMMANDS: list[list[str]] = [["forall"], ["--json", "\\le"]]

# Prints the peak RSS (KiB on Linux) of the one child it runs.
_PEAK = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def _environment(cache: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = cache
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _mathsym() -> tuple[list[str], str]:
    script = shutil.which("mathsym", path=str(Path(sys.executable).parent))
    if script is not None:
        return [script], "console script " + script
    return [sys.executable, "-m", "app"], "python -m app"


def _wall(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def _peak_mib(argv: list[str], env: dict[str, str]) -> float:
    out = subprocess.run(
        [sys.executable, "-c", _PEAK, *argv], env=env, capture_output=True, check=True, text=True
    ).stdout
    return int(out.strip()) / 1024


def _importtime(argv: list[str], env: dict[str, str], top: int = 12) -> list[str]:
    err = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "app", *argv],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    rows = []
    for line in err.splitlines():
        # "import time:  self [us] | cumulative | name"
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        self_us, cumulative, name = line.split(":", 1)[1].split("|")
        rows.append((int(cumulative), int(self_us), name.strip()))
    rows.sort(reverse=True)
    return [
        f"  {c / 1000:6.1f} ms cumulative  {s / 1000:6.1f} ms self  {n}" for c, s, n in rows[:top]
    ]


# Times each phase of one look-up inside a fresh interpreter; prints "name ms" lines.
# The phases follow app.cli: it searches with search_rows (plain rows, no Symbol
# records), and the search index unpacks its parts as the first search needs them.
_PHASES = """
import gc, time
gc.disable()  # as the mathsym program runs (app.cli._run_as_program)
t0 = time.perf_counter()
import app.cli, symbols.inputs, symbols.table, symbols.search_index
from symbols.search import search_rows
t1 = time.perf_counter()
symbols.table.load()
t2 = time.perf_counter()
symbols.search_index.index("math")
t3 = time.perf_counter()
search_rows("forall")
t4 = time.perf_counter()
import io
out = app.cli._Out(io.StringIO(), io.StringIO())
app.cli._run(["forall"], out)
t5 = time.perf_counter()
for name, a, b in (("imports", t0, t1), ("table load", t1, t2), ("math index", t2, t3),
                   ("first search", t3, t4), ("cli's own work", t4, t5)):
    print(f"{name}\t{(b - a) * 1000:.2f}")
"""


def _phases(env: dict[str, str], runs: int) -> list[str]:
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", _PHASES], env=env, capture_output=True, text=True, check=True
        ).stdout
        for line in out.splitlines():
            name, ms = line.split("\t")
            samples.setdefault(name, []).append(float(ms))
    return [f"  {name:18} {statistics.median(v):6.1f} ms" for name, v in samples.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--importtime", action="store_true")
    parser.add_argument("--phases", action="store_true", help="time each phase of a look-up")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mathsym-bench-") as cache:
        env = _environment(cache)
        mathsym, how = _mathsym()
        bare = [sys.executable, "-c", "pass"]
        for argv in COMMANDS:  # warm-up: byte code, page cache, the data file
            for _ in range(2):
                _wall(mathsym + argv, env)
        runs: list[tuple[str, list[str]]] = [("python -c pass", bare)]
        runs += [("mathsym " + " ".join(argv), mathsym + argv) for argv in COMMANDS]
        times: dict[str, list[float]] = {label: [] for label, _ in runs}
        for _ in range(args.runs):  # interleaved, so that drift hits every command alike
            for label, argv in runs:
                times[label].append(_wall(argv, env))
        base = statistics.median(times["python -c pass"])
        print(
            f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; {how}; "
            f"median of {args.runs} runs"
        )
        print(f"{'command':28} {'median':>9} {'x bare':>7} {'peak RSS':>9}")
        for label, argv in runs:
            median = statistics.median(times[label])
            peak = _peak_mib(argv, env)
            print(f"{label:28} {median * 1000:6.1f} ms {median / base:6.2f}x {peak:6.1f} MiB")
        if args.phases:
            print(f"phases of mathsym forall in one process (median of {args.runs}):")
            print("\n".join(_phases(env, args.runs)))
        if args.importtime:
            print("slowest imports of mathsym forall (python -X importtime):")
            print("\n".join(_importtime(COMMANDS[0], env)))


if __name__ == "__main__":
    main()
