"""pytest-benchmark of `symbols.search` over the evaluation queries, per scope.

Run: ``python -m pytest bench/test_search_benchmark.py --benchmark-enable``
(bench/ is not collected by the test suite; bench/bench_search.py gives mean/p99
beside the naive rapidfuzz scan). Indexes are built before timing starts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

import symbols

EVAL = Path(__file__).resolve().parent.parent / "tests" / "data" / "eval_queries.tsv"


def _queries() -> list[str]:
    rows = [line.split("\t") for line in EVAL.read_text(encoding="utf-8").splitlines()]
    return [r[1] for r in rows if len(r) >= 3 and not r[0].startswith("#")]


@pytest.mark.parametrize("scope", ["math", "all"])
def test_search_eval_set(benchmark: BenchmarkFixture, scope: str) -> None:
    queries = _queries()
    for q in queries:  # build the scope's indexes and warm the caches first
        symbols.search(q, scope=scope)

    def run() -> int:
        found: int = sum(len(symbols.search(q, limit=10, scope=scope)) for q in queries)
        return found

    found = benchmark(run)
    assert found > len(queries)  # nearly every query finds something
