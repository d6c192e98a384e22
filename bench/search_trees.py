"""symbols.search of two or more source trees, interleaved query by query in one process.

    python bench/search_trees.py TREE [TREE …] [--rounds 5] [--scope math] [--queries FILE]

Each TREE is a source checkout (e.g. ``git archive 9258dd9 | tar -x -C /tmp/before``).
Whole runs of bench_search.py, one tree after the other, differ by as much as the trees
do on this machine (its speed drifts by 30 % within minutes); here every query of
tests/data/eval_queries.tsv is searched by each tree in turn, so a slow minute slows them
all alike. Each tree's ``symbols`` package is copied to a temporary folder under another
name (``symbols_0``, ``symbols_1``…, its own imports rewritten, its data/symbols.json
beside it), so that all load in one interpreter. As in bench_search.py, the indexes are
built and every query searched once first, and each tree's prefix cache is cleared before
each query; a query's time is its fastest of --rounds. Prints each tree's mean and p99,
and the ratio of each mean to the first tree's.
"""

from __future__ import annotations

import argparse
import importlib
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def renamed_copy(tree: Path, name: str, into: Path) -> None:
    """Copy *tree*'s symbols package to *into*/*name*, importing itself under that name."""
    target = into / name
    shutil.copytree(tree / "symbols", target, ignore=shutil.ignore_patterns("__pycache__"))
    (target / "data").mkdir(exist_ok=True)
    # datafile.data_path looks beside the package for data/symbols.json, renamed below.
    shutil.copy(tree / "data" / "symbols.json", target / "data" / f"{name}.json")
    for path in target.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"\b(from|import) symbols\b", rf"\1 {name}", text)
        text = re.sub(r"([\"'])symbols\.", rf"\1{name}.", text)
        # Module paths in strings and the data file's name alike ("data/symbols.json").
        text = re.sub(r"\bsymbols\.([a-z_]+)\b", rf"{name}.\1", text)
        path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("trees", nargs="+", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--scope", default="math")
    parser.add_argument(
        "--queries",
        type=Path,
        default=REPO / "tests" / "data" / "eval_queries.tsv",
        help="an eval file (kind, query, answers); eval_concepts.tsv times descriptions",
    )
    args = parser.parse_args()
    lines = args.queries.read_text(encoding="utf-8")
    queries = [x.split("\t")[1] for x in lines.split("\n") if x and not x.startswith("#")]
    with tempfile.TemporaryDirectory() as tmp:
        searches, indexes = [], []
        for i, tree in enumerate(args.trees):
            name = f"symbols_{i}"
            renamed_copy(tree.resolve(), name, Path(tmp))
            sys.path.insert(0, tmp)
            searches.append(importlib.import_module(f"{name}.search").search)
            indexes.append(importlib.import_module(f"{name}.search_index").index(args.scope))
        for search in searches:
            for q in queries:
                search(q, 10, args.scope)
        best = [[float("inf")] * len(queries) for _ in args.trees]
        for _ in range(args.rounds):
            for j, q in enumerate(queries):
                for k, (search, idx) in enumerate(zip(searches, indexes, strict=True)):
                    idx._prefix_cache.clear()
                    t = time.perf_counter()
                    search(q, 10, args.scope)
                    best[k][j] = min(best[k][j], time.perf_counter() - t)
    first = statistics.fmean(best[0])
    print(f"{len(queries)} queries of {args.queries.name}, scope {args.scope}, ", end="")
    print(f"fastest of {args.rounds} rounds")
    print("| tree | mean | p99 | mean / first tree's |\n|---|---|---|---|")
    for tree, times in zip(args.trees, best, strict=True):
        ordered = sorted(times)
        p99 = ordered[round(0.99 * (len(ordered) - 1))]
        mean = statistics.fmean(times)
        print(f"| {tree} | {mean * 1000:.3f} ms | {p99 * 1000:.2f} ms | {mean / first:.2f} |")


if __name__ == "__main__":
    main()
