"""Search speed and memory: symbols.search beside a naive rapidfuzz scan.

Run from the repository root::

    python bench/bench_search.py [--repeat 3] [--cold-runs 10]

For every query of tests/data/eval_queries.tsv, in the math and the all scope:

* ``symbols.search(query, 10, scope)`` with its indexes already built (the TUI's
  case: one search per keystroke). The prefix cache is cleared before each query
  so that a repeat does not flatter it;
* the naive ``rapidfuzz.process.extract(query, names, scorer=fuzz.WRatio,
  limit=10)`` over the names of the same scope, in the same run.

Mean and p99 per query are printed (each query timed ``--repeat`` times, its
median kept), then the same for every query typed one character at a time (the
TUI searches on each keystroke), then the index build time and the memory the indexes hold
(tracemalloc, measured in a fresh process), then the cold cost of a first
``symbols.search("forall")`` in a fresh process. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from symbols.search_index import SearchIndex

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

EVAL = REPO / "tests" / "data" / "eval_queries.tsv"


def eval_queries() -> list[str]:
    lines = EVAL.read_text(encoding="utf-8").split("\n")
    return [line.split("\t")[1] for line in lines if line and not line.startswith("#")]


def per_query(fn: Callable[[str], object], queries: list[str], repeat: int) -> list[float]:
    times = []
    for q in queries:
        runs = []
        for _ in range(repeat):
            t = time.perf_counter()
            fn(q)
            runs.append(time.perf_counter() - t)
        times.append(statistics.median(runs))
    return times


def summary(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.fmean(times) * 1000, p99 * 1000


def child_memory(scope: str) -> None:
    """In a fresh process: memory held by the scope's index (table loaded first)."""
    import tracemalloc

    from symbols.search_index import index
    from symbols.table import all_codepoints, load

    load()
    if scope == "all":
        all_codepoints()  # the table module's cache, not the search index
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    idx = index(scope)
    # The parts built on first use, as a session that met typos and case slips has them.
    for part in ("latex_folded", "html_folded", "asciimath", "latex_words", "vocab_by_initial"):
        getattr(idx, part)
    # (Per-row ranks are left out: they build the table's own Symbol objects.)
    after = tracemalloc.get_traced_memory()[0]
    print((after - before) / 2**20)


def memory(scope: str) -> float:
    out = subprocess.run(
        [sys.executable, __file__, "--memory-child", scope],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    ).stdout
    return float(out.strip())


def cold_first_search(runs: int) -> tuple[float, float, float]:
    """Median in-process ms of import+first search, and whole-process ms vs `python -c pass`."""
    code = (
        "import time; t = time.perf_counter(); import symbols; symbols.search('forall'); "
        "print((time.perf_counter() - t) * 1000)"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    inside, whole, bare = [], [], []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True, env=env)
        bare.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        ).stdout
        whole.append((time.perf_counter() - t) * 1000)
        inside.append(float(out))
    return statistics.median(inside), statistics.median(whole), statistics.median(bare)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="timings per query (median kept)")
    parser.add_argument("--cold-runs", type=int, default=10, help="fresh processes for cold cost")
    parser.add_argument("--memory-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        child_memory(args.memory_child)
        return

    from rapidfuzz import fuzz, process

    from symbols.search import search
    from symbols.search_index import index
    from symbols.table import all_codepoints, load

    queries = eval_queries()

    t = time.perf_counter()
    table = load()
    load_ms = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    all_codepoints()
    scan_ms = (time.perf_counter() - t) * 1000

    rows = []
    builds = {}
    keystrokes: dict[str, tuple[int, float, float]] = {}
    for scope in ("math", "all"):
        t = time.perf_counter()
        idx = index(scope)
        builds[scope] = (time.perf_counter() - t) * 1000
        names = [idx.doc_text[d] for d in range(len(idx.doc_text)) if idx.doc_field[d] == "name"]

        def ours(q: str, scope: str = scope, idx: SearchIndex = idx) -> None:
            idx._prefix_cache.clear()
            search(q, 10, scope)

        def naive(q: str, names: list[str] = names) -> None:
            process.extract(q, names, scorer=fuzz.WRatio, limit=10)

        for q in queries:  # warm-up: lazily built parts, Symbol objects, rapidfuzz import
            ours(q)
        ours_t = per_query(ours, queries, args.repeat)
        naive_t = per_query(naive, queries, 1)
        rows.append((scope, len(names), summary(ours_t), summary(naive_t)))
        # The TUI searches on every keystroke: each query as typed, one character at
        # a time (prefix cache kept, as in a session).
        t = time.perf_counter()
        typed = [q[:i] for q in queries for i in range(1, len(q) + 1)]

        def typing(q: str, scope: str = scope) -> None:
            search(q, 10, scope)

        keys_t = per_query(typing, typed, 1)
        keystrokes[scope] = (len(typed), *summary(keys_t))

    mem = {scope: memory(scope) for scope in ("math", "all")}
    inside, whole, bare = cold_first_search(args.cold_runs)

    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(f"{len(queries)} queries (tests/data/eval_queries.tsv), limit 10\n")
    print("| scope | names | search mean | search p99 | naive WRatio mean | naive p99 | speed-up |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for scope, n, (m, p), (nm, np_) in rows:
        print(
            f"| {scope} | {n:,} | {m:.3f} ms | {p:.2f} ms | {nm:.2f} ms | {np_:.2f} ms "
            f"| {nm / m:.0f}× |"
        )
    print()
    print("| keystroke workload (every prefix of every query) | searches | mean | p99 |")
    print("|---|---:|---:|---:|")
    for scope, (n, m, p) in keystrokes.items():
        print(f"| {scope} | {n:,} | {m:.3f} ms | {p:.2f} ms |")
    print()
    print("| one-time cost | ms |")
    print("|---|---:|")
    print(f"| load data/symbols.json ({len(table):,} rows) | {load_ms:.0f} |")
    print(
        f"| math index build (incl. the table's LaTeX/HTML/Typst indexes) | {builds['math']:.0f} |"
    )
    print(f"| all_codepoints() (stored; a scan of unicodedata2 before) | {scan_ms:.0f} |")
    print(f"| all index build | {builds['all']:.0f} |")
    print(f"| cold `import symbols; search('forall')` in a fresh process | {inside:.0f} |")
    print(f"| that whole process, beside `python -c pass` | {whole:.0f} vs {bare:.0f} |")
    print()
    print("| memory held by the index (tracemalloc) | MiB |")
    print("|---|---:|")
    for scope in ("math", "all"):
        print(f"| {scope} | {mem[scope]:.1f} |")


if __name__ == "__main__":
    main()
