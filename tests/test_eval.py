"""Search quality over tests/data/eval_queries.tsv: top-1 ≥ 0.95 and top-5 ≥ 0.99.

Each line is ``kind<TAB>query<TAB>U+XXXX [U+YYYY…]``; several code points mean any
of them is a right answer (the LaTeX sources disagree on ``\\epsilon`` and a few
others). Run with ``-s`` to see the table per query kind and every miss.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from symbols import search

EVAL = Path(__file__).parent / "data" / "eval_queries.tsv"


def load_queries() -> list[tuple[str, str, frozenset[int]]]:
    rows = []
    for line in EVAL.read_text(encoding="utf-8").split("\n"):
        if not line or line.startswith("#"):
            continue
        kind, query, expected = line.split("\t")
        rows.append((kind, query, frozenset(int(t[2:], 16) for t in expected.split())))
    return rows


QUERIES = load_queries()


def test_eval_set_is_large_and_varied() -> None:
    assert len(QUERIES) >= 250
    kinds = {k for k, _q, _e in QUERIES}
    assert {
        "codepoint",
        "glyph",
        "latex",
        "latex-prefix",
        "html",
        "typst",
        "words",
        "alias",
        "typo",
    } <= kinds
    assert len({q for _k, q, _e in QUERIES}) == len(QUERIES)  # no repeats to pad it


@pytest.fixture(scope="module")
def ranks() -> list[tuple[str, str, int | None, list[str]]]:
    out = []
    for kind, query, expected in QUERIES:
        found = [m.symbol.codepoint for m in search(query, limit=5)]
        rank = next((i for i, cp in enumerate(found) if cp in expected), None)
        out.append((kind, query, rank, [f"U+{cp:04X}" for cp in found]))
    return out


def test_eval_quality(ranks: list[tuple[str, str, int | None, list[str]]]) -> None:
    per_kind: dict[str, list[int | None]] = defaultdict(list)
    for kind, _query, rank, _found in ranks:
        per_kind[kind].append(rank)
    print(f"\n{'kind':14} {'n':>4} {'top-1':>6} {'top-5':>6}")
    for kind, rs in [*sorted(per_kind.items()), ("all", [r for _k, _q, r, _f in ranks])]:
        top1 = sum(r == 0 for r in rs) / len(rs)
        top5 = sum(r is not None for r in rs) / len(rs)
        print(f"{kind:14} {len(rs):4} {top1:6.3f} {top5:6.3f}")
    for kind, query, rank, found in ranks:
        if rank != 0:
            print(f"  miss {kind:12} {query!r:32} rank={rank} got {' '.join(found)}")
    all_ranks = [r for _k, _q, r, _f in ranks]
    top1 = sum(r == 0 for r in all_ranks) / len(all_ranks)
    top5 = sum(r is not None for r in all_ranks) / len(all_ranks)
    assert top1 >= 0.95
    assert top5 >= 0.99
