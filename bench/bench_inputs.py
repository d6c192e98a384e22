"""Speed of symbols.inputs: the CLI calls it once per result line, the TUI per selection.

Run from the repository root:  PYTHONPATH=. python bench/bench_inputs.py
Prints one line per figure; bench/README.md (section "inputs") records them.
"""

from __future__ import annotations

import subprocess
import sys
import time
import timeit


def best_of(stmt: str, setup: str, number: int, repeat: int = 5) -> float:
    """Best per-call time in microseconds."""
    times = timeit.repeat(stmt, setup, number=number, repeat=repeat)
    return min(times) / number * 1e6


def import_ms() -> float:
    """Milliseconds to import symbols.inputs in a fresh interpreter (best of 5)."""
    code = "import time; t=time.perf_counter(); import symbols.inputs; print(time.perf_counter()-t)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout)
        for _ in range(5)
    ]  # fmt: skip
    return min(runs) * 1e3


def main() -> None:
    print(f"import symbols.inputs: {import_ms():.1f} ms")

    from symbols.inputs import inputs
    from symbols.table import table

    t = time.perf_counter()
    inputs("∀")  # loads data/symbols.json through symbols.get
    print(f"first inputs('∀') (loads the table): {(time.perf_counter() - t) * 1e3:.1f} ms")

    setup = "from symbols.inputs import inputs, inputs_dict; from symbols.table import get"
    print(f"inputs('∀'): {best_of('inputs(chr(0x2200))', setup, 2000):.1f} µs")
    print(f"inputs('𝐀'): {best_of('inputs(chr(0x1D400))', setup, 2000):.1f} µs")
    print(f"inputs(Symbol ∀): {best_of('inputs(s)', setup + '; s = get(0x2200)', 2000):.1f} µs")
    print(f"inputs_dict('∀'): {best_of('inputs_dict(chr(0x2200))', setup, 2000):.1f} µs")

    everything = table("extended")
    t = time.perf_counter()
    for sym in everything:
        inputs(sym)
    elapsed = time.perf_counter() - t
    print(
        f"inputs() over the extended table: {len(everything)} symbols in "
        f"{elapsed * 1e3:.0f} ms ({elapsed / len(everything) * 1e6:.1f} µs each)"
    )


if __name__ == "__main__":
    main()
