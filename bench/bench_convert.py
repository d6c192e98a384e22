"""How `symbols.convert`'s time grows with its text: repeated commands, nesting, formulas.

    python bench/bench_convert.py [--repo PATH] [--limit 20] [--runs 3]

Each case runs in a fresh interpreter with the checkout at --repo (default: this one)
on PYTHONPATH, the table loaded first; the figure is the median of --runs calls of
``convert`` on the text, in seconds, or "> T s" when the case's process did not end
within T = LIMIT x (runs + 1) + 10 seconds (it is stopped). The texts are issue 14's:
``\\a`` repeated (each command used to read on to the next space), ``\\hat{`` nested
(each accent converted its argument twice), and ordinary formulas repeated, which must
stay as fast.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CASES: list[tuple[str, str, list[int]]] = [
    ("\\a repeated", "'\\\\a' * n", [2_500, 5_000, 10_000, 20_000, 40_000]),
    ("\\hat{ nested", "'\\\\hat{' * n + 'x' + '}' * n", [12, 16, 20, 24, 50, 100]),
    ("\\sqrt{x+1} nested", "'\\\\sqrt{' * n + 'x+1' + '}' * n", [25, 50, 100]),
    (
        "formulas repeated",
        "r'\\forall x \\in \\mathbb{R}: x^2 \\geq 0, \\sqrt[3]{\\hat{y}} ' * n",
        [1_000, 4_000, 16_000],
    ),
]

_TIMER = """
import json, statistics, sys, time
from symbols.latex import convert
convert("\\\\alpha")  # the table and its LaTeX index, loaded once
n = int(sys.argv[1])
text = {expr}
times = []
for _ in range(int(sys.argv[2])):
    t = time.perf_counter()
    try:
        convert(text)
    except (ValueError, RecursionError) as e:
        print(json.dumps([len(text), type(e).__name__]))
        raise SystemExit(0)
    times.append(time.perf_counter() - t)
print(json.dumps([len(text), statistics.median(times)]))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, default=ROOT)
    parser.add_argument("--limit", type=float, default=20.0, help="seconds per case at most")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(args.repo.resolve())}
    print(f"convert, {args.repo.resolve()}, median of {args.runs} (seconds)\n")
    print("| text | n | characters | time |")
    print("|---|---|---|---|")
    # Each case's process: the table's load, then --runs calls of at most --limit each.
    timeout = args.limit * (args.runs + 1) + 10
    for name, expr, sizes in CASES:
        for n in sizes:
            try:
                proc = subprocess.run(
                    [sys.executable, "-c", _TIMER.format(expr=expr), str(n), str(args.runs)],
                    env=env,
                    capture_output=True,
                    timeout=timeout,
                    cwd=tempfile.gettempdir(),  # not a checkout: PYTHONPATH decides
                )
            except subprocess.TimeoutExpired:
                print(f"| {name} | {n:,} | | > {timeout:g} s for {args.runs} (stopped) |")
                continue
            if proc.returncode != 0:
                print(f"| {name} | {n:,} | | failed: {proc.stderr.decode()[-120:]!r} |")
                continue
            chars, result = json.loads(proc.stdout.decode().splitlines()[-1])
            shown = result if isinstance(result, str) else f"{result:.4f}"
            print(f"| {name} | {n:,} | {chars:,} | {shown} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
