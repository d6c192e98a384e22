"""Search by meaning and shape (issue 11 §1), scored on the evaluations of tests/data.

* ``eval_concepts.tsv``: 902 queries written without the concept table (concept, shape,
  name-vs-concept). Issue 11's targets for concept and shape queries together: top-1 ≥ 0.92,
  top-5 ≥ 0.98. Rows were added to tools/data/concepts.tsv after its misses were seen
  (tools/data/README.md says which), so it measures the tuned table.
* ``eval_concepts_fresh.tsv``: 213 more queries, written after the concept search was first
  scored on the file above and before any row was added from its misses; the held-out
  measure until the second round of issue 11 (concepts2), which tuned on its misses.
* ``eval_concepts_heldout.tsv``: 548 queries written on another branch without the table, the
  other evaluations or the search's results, and scored once on the search of issue 11
  (its 316 queries in no other file: 0.741 / 0.788). The second round read its misses too,
  so it is now a tuning set and its figures are no longer held out: a blind evaluation,
  written elsewhere, measures how the search generalises.

* ``eval_concepts_blind.tsv``: 558 queries (360 concept, 198 shape) written blind on another
  branch while the second round was tuning (the writer never saw the table, the other
  evaluations or any search result; queries found in the other files were dropped
  mechanically) and scored once, on the finished search: 0.780 / 0.848 (concept 0.844 /
  0.903, shape 0.662 / 0.747) - issue 11's 0.92 / 0.98 is not met on queries nobody tuned on.
  The third round (issue 11, round 3) tuned on its misses: a tuning set since.
* ``eval_concepts_blind4.tsv``: 545 queries (325 concept, 220 shape) written blind on another
  branch while the third round was tuning, under the same rules, and scored once on its
  finished search: 0.833 / 0.914 (concept 0.874 / 0.957, shape 0.773 / 0.850); the search
  before the third round 0.763 / 0.839, before issue 11 0.268 / 0.358. The fourth round
  tuned on its misses: a tuning set since.
* ``eval_concepts_blind5.tsv``: 564 queries (334 concept, 230 shape) written blind on another
  branch while the fourth round was tuning, under the same rules except one: no query was
  dropped for being in an earlier file (331 are), so that the set follows what people type,
  common phrasings included. Scored once on the fourth round's search: the whole set 0.924 /
  0.966, its 233 queries in no earlier file 0.854 / 0.923 (session start 0.858 / 0.901 and
  0.738 / 0.820; before issue 11 0.346 / 0.427). The fifth round tuned on its misses: a tuning
  set since (0.957 / 0.991).
* ``eval_concepts_blind6.tsv``: 550 queries (330 concept, 220 shape) written blind on another
  branch while the fifth round was tuning, under set 5's rules (309 are in earlier files), and
  scored once on the fifth round's search: the whole set 0.915 / 0.976 (concept 0.930 / 0.991,
  shape 0.891 / 0.955), its 241 queries in no earlier file 0.851 / 0.950 (session start
  0.825 / 0.885 and 0.726 / 0.817; before issue 11 0.371 / 0.445). The sixth round tuned on
  its misses: a tuning set since (0.973 / 0.996).
* ``eval_concepts_blind7.tsv``: 856 queries (495 concept, 361 shape) written blind on another
  branch while the sixth round was tuning, under set 5's rules (539 are in earlier files), and
  scored once on the sixth round's search: the whole set 0.929 / 0.971 (concept 0.978 / 0.998,
  shape 0.861 / 0.934), its 317 queries in no earlier file 0.826 / 0.921 (concept 0.943 /
  0.993, shape 0.733 / 0.864); the search at the session's start 0.923 / 0.967 and 0.817 /
  0.912; before issue 11 0.312 / 0.419. Read after it was scored: three wording changes came
  from its misses (0.933 / 0.974 since).
* ``eval_concepts_blind8.tsv``: 928 queries (485 concept, 443 shape) written blind on another
  branch after those changes, under set 5's rules (522 are in earlier files), and scored once
  on the same search: the whole set 0.922 / 0.964 (concept 0.965 / 0.990, shape 0.876 /
  0.937), its 406 queries in no earlier file 0.850 / 0.921 (concept 0.932 / 0.975, shape
  0.796 / 0.886); the search at the session's start 0.902 / 0.953 and 0.813 / 0.894; before
  issue 11 0.297 / 0.391. The seventh round (wording changes, then rows written by area)
  read the misses of sets 7 and 8: tuning sets since (0.988 / 1.000 and 0.981 / 0.998).
* ``eval_concepts_blind9.tsv``: 865 queries (520 concept, 345 shape) written blind on another
  branch at the start of the seventh round, under set 5's rules (539 are in earlier files), and
  scored once on its finished search: the whole set 0.946 / 0.985 (concept 0.963 / 0.992,
  shape 0.919 / 0.974), its 326 queries in no earlier file 0.905 / 0.960 (shape 0.873 /
  0.946); the search at the round's start 0.927 / 0.973 and 0.868 / 0.936, its search
  changes alone (before its rows) 0.932 / 0.978; before issue 11 0.368 / 0.459.
* ``eval_concepts_blind10.tsv``: 898 queries (540 concept, 358 shape) written blind on another
  branch after the seventh round's rows were merged (the writer saw no result, nor set 9), under
  set 5's rules (499 are in earlier files), and scored once on the finished search: the whole
  set 0.931 / 0.977 (concept 0.957 / 0.993, shape 0.891 / 0.953), its 399 queries in no earlier
  file 0.882 / 0.952 (shape 0.842 / 0.926); the search at the round's start 0.920 / 0.965;
  before issue 11 0.429 / 0.553. Sets 9 and 10 together (1,763 queries): 0.938 / 0.981.

The bounds of the last ten guard against a fall.

Each line is ``kind<TAB>query<TAB>U+XXXX [U+YYYY…]`` (any of them is right). Run with ``-s``
to see the table per kind and every miss; README's Searching section reports the figures.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from symbols import search

DATA = Path(__file__).parent / "data"


def load(name: str) -> list[tuple[str, str, frozenset[int]]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").split("\n"):
        if not line or line.startswith("#"):
            continue
        kind, query, expected = line.split("\t")
        rows.append((kind, query, frozenset(int(t[2:], 16) for t in expected.split())))
    return rows


def scores(name: str) -> dict[str, tuple[int, float, float]]:
    """Kind → (queries, top-1, top-5), with ``concept+shape`` and ``all``; prints the misses."""
    ranks: dict[str, list[int | None]] = defaultdict(list)
    for kind, query, expected in load(name):
        found = [m.symbol.codepoint for m in search(query, limit=5)]
        rank = next((i for i, cp in enumerate(found) if cp in expected), None)
        ranks[kind].append(rank)
        if rank != 0:
            shown = " ".join(f"U+{cp:04X}" for cp in found)
            print(f"  miss {kind:15} {query!r:40} rank={rank} got {shown}")
    ranks["concept+shape"] = ranks["concept"] + ranks["shape"]
    ranks["all"] = [r for k, rs in ranks.items() if k != "concept+shape" for r in rs]
    out = {}
    print(f"\n{name}\n{'kind':16} {'n':>4} {'top-1':>6} {'top-5':>6}")
    for kind, rs in sorted(ranks.items()):
        top1 = sum(r == 0 for r in rs) / len(rs)
        top5 = sum(r is not None for r in rs) / len(rs)
        out[kind] = (len(rs), top1, top5)
        print(f"{kind:16} {len(rs):4} {top1:6.3f} {top5:6.3f}")
    return out


@pytest.mark.parametrize(
    ("name", "sizes"),
    [
        ("eval_concepts.tsv", {"concept": 602, "shape": 229, "name-vs-concept": 71}),
        ("eval_concepts_fresh.tsv", {"concept": 155, "shape": 58}),
        ("eval_concepts_heldout.tsv", {"concept": 381, "shape": 167}),
        ("eval_concepts_blind.tsv", {"concept": 360, "shape": 198}),
        ("eval_concepts_blind4.tsv", {"concept": 325, "shape": 220}),
        ("eval_concepts_blind5.tsv", {"concept": 334, "shape": 230}),
        ("eval_concepts_blind6.tsv", {"concept": 330, "shape": 220}),
        ("eval_concepts_blind7.tsv", {"concept": 495, "shape": 361}),
        ("eval_concepts_blind8.tsv", {"concept": 485, "shape": 443}),
        ("eval_concepts_blind9.tsv", {"concept": 520, "shape": 345}),
        ("eval_concepts_blind10.tsv", {"concept": 540, "shape": 358}),
    ],
)
def test_the_evaluations_are_whole_and_without_repeats(name: str, sizes: dict[str, int]) -> None:
    rows = load(name)
    assert {k: sum(1 for r in rows if r[0] == k) for k in sizes} == sizes
    assert len({q.lower() for _k, q, _e in rows}) == len(rows)


def test_concepts_and_shapes_meet_issue_11s_targets() -> None:
    found = scores("eval_concepts.tsv")
    _n, top1, top5 = found["concept+shape"]
    assert top1 >= 0.92
    assert top5 >= 0.98
    # A name typed whole still finds what it names (issue 11: "a name match still beats a
    # concept only where the name is what was typed"); before issue 11: 0.831 / 0.887.
    _n, top1, top5 = found["name-vs-concept"]
    assert top1 >= 0.95 and top5 >= 0.98


# Each later evaluation's floor for concept + shape (top-1, top-5): it guards against a
# fall. What each scored when it was held out, and since, is in the module docstring.
FLOORS = {
    "eval_concepts_fresh.tsv": (0.96, 0.97),
    "eval_concepts_heldout.tsv": (0.95, 0.97),
    "eval_concepts_blind.tsv": (0.95, 0.98),
    "eval_concepts_blind4.tsv": (0.95, 0.98),
    "eval_concepts_blind5.tsv": (0.94, 0.98),
    "eval_concepts_blind6.tsv": (0.95, 0.98),
    "eval_concepts_blind7.tsv": (0.96, 0.99),
    "eval_concepts_blind8.tsv": (0.96, 0.99),
    "eval_concepts_blind9.tsv": (0.93, 0.97),
    "eval_concepts_blind10.tsv": (0.92, 0.97),
}


@pytest.mark.parametrize(("name", "floor"), FLOORS.items())
def test_an_evaluation_does_not_fall(name: str, floor: tuple[float, float]) -> None:
    _n, top1, top5 = scores(name)["concept+shape"]
    assert top1 >= floor[0]
    assert top5 >= floor[1]


# The held-out sets written with the queries of the files before them dropped (from set 5
# on, a blind set keeps them: it follows what people type; its report splits the two).
@pytest.mark.parametrize(
    ("name", "earlier"),
    [
        ("eval_concepts_fresh.tsv", ["eval_concepts.tsv"]),
        (
            "eval_concepts_blind.tsv",
            ["eval_concepts.tsv", "eval_concepts_fresh.tsv", "eval_concepts_heldout.tsv"],
        ),
        (
            "eval_concepts_blind4.tsv",
            [
                "eval_concepts.tsv",
                "eval_concepts_fresh.tsv",
                "eval_concepts_heldout.tsv",
                "eval_concepts_blind.tsv",
            ],
        ),
    ],
)
def test_a_held_out_evaluation_shares_no_query_with_those_before_it(
    name: str, earlier: list[str]
) -> None:
    others = {q.lower() for other in earlier for _k, q, _e in load(other)}
    assert not [q for _k, q, _e in load(name) if q.lower() in others]
