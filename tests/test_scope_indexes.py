"""Every scope's search index, stored in data/symbols.json and read on use.

The parts of the scopes other than math stay on disk until that scope is first
searched. Whatever happened to the file meanwhile (replaced, changed, removed,
damaged), a search gives the same answers as an index computed from the table.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import symbols
from symbols import datafile, search_index
from symbols.datafile import Data, data_path, dump, read
from symbols.schema import SCOPES
from symbols.search import _TYPED, search_rows
from symbols.search_index import KEYS_PER_BLOCK, Postings, SearchIndex, pack_index
from symbols.table import Table, all_codepoints, load, scan_named

REAL = Path(data_path())
REPO = Path(__file__).resolve().parent.parent


def _without(whole: dict[str, Any], *keys: str) -> Table:
    """The table of the shipped file without its stored index (and *keys* of unlisted)."""
    obj = {k: v for k, v in whole.items() if k != "search"}
    obj["unlisted"] = {k: v for k, v in whole["unlisted"].items() if k not in keys}
    return Table(Data.of(obj))


_COMPUTED: dict[str, SearchIndex] = {}


def _computed(scope: str) -> SearchIndex:
    """The index of *scope* computed from the table (no stored parts, no stored code points)."""
    if scope not in _COMPUTED:
        obj = json.loads(REAL.read_bytes())
        del obj["search"]
        del obj["unlisted"]["named"]
        _COMPUTED[scope] = SearchIndex(scope, Table(Data.of(obj)))
    return _COMPUTED[scope]


@contextmanager
def _searching_with(idx: SearchIndex) -> Iterator[None]:
    """Make `search_rows` use *idx* for its scope (and forget what it derived from another)."""
    saved = search_index.INDEXES.get(idx.scope)
    typed = _TYPED.pop(idx.scope, None)
    search_index.INDEXES[idx.scope] = idx
    try:
        yield
    finally:
        _TYPED.pop(idx.scope, None)
        if typed is not None:
            _TYPED[idx.scope] = typed
        if saved is None:
            search_index.INDEXES.pop(idx.scope, None)
        else:
            search_index.INDEXES[idx.scope] = saved


def _answers(idx: SearchIndex, queries: list[str], limit: int = 20) -> list[Any]:
    with _searching_with(idx):
        return [search_rows(q, limit, idx.scope) for q in queries]


def _eval_queries(name: str = "eval_queries.tsv") -> list[str]:
    lines = (REPO / "tests" / "data" / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[1] for line in lines if line.strip() and not line.startswith("#")]


# What symbols mean and look like (issue 11): the concept and shape evaluations.
_CONCEPT_QUERIES = _eval_queries("eval_concepts.tsv") + _eval_queries("eval_concepts_fresh.tsv")


# Queries of every kind, and the prefixes a person types on the way to them.
_MORE = [
    "byte order mark",
    "check mark",
    "light bulb",
    "place of interest",
    "snowman",
    "hangul",
    "cjk",
    "zwnbsp",
    "bom",
    "\U0001f4a1",
    "\u2318",
    "\u2713",
    "FEFF",
    "U+1F4A1",
    "&rarr;",
    "arrow.r.double",
    "<=",
    "...",
    "intergral",
    "rigth arrow",
    "greek small le",
    "le",
    "a",
    "z",
    "\\",
    "\\m",
    "\\LEQ",
    "three em dsh",
    # Meanings and shapes, some of them of characters outside math (music, the all
    # scope's characters outside the table), and a misspelt one.
    "if and only if",
    "upside down a",
    "treble clef",
    "long s",
    "rael numbers",
]


def _typed_prefixes(queries: list[str]) -> list[str]:
    return [q[:n] for q in queries for n in range(1, len(q) + 1)]


# --------------------------------------------------------------------------- the same answers


@pytest.mark.parametrize("scope", SCOPES)
def test_the_stored_index_gives_the_computed_one_s_answers(scope: str) -> None:
    queries = _eval_queries() + _CONCEPT_QUERIES + _typed_prefixes(_MORE)
    stored = SearchIndex(scope, Table(read(str(REAL))))
    assert stored._packed is not None  # read from the file, not computed
    assert _answers(stored, queries) == _answers(_computed(scope), queries)


_LETTERS = st.text(st.sampled_from("abcehilmnorstuxyz \\-&.^_{}0123456789EFU+"), max_size=12)


@st.composite
def _name_queries(draw: st.DrawFn) -> str:
    # Words of real names, a word cut short, in any order: what people type.
    table = load()
    i = draw(st.integers(0, len(table) - 1))
    words = table.name(i).lower().split()
    picked = draw(st.lists(st.sampled_from(words), min_size=1, max_size=3))
    cut = draw(st.integers(1, 8))
    return " ".join([*picked[:-1], picked[-1][:cut]])


@st.composite
def _phrase_queries(draw: st.DrawFn) -> str:
    # Words of concept and shape phrases (issue 11), the last one cut short.
    idx = search_index.index("all")
    phrase = draw(st.sampled_from(idx.concept_keys)).lower().split()
    picked = draw(st.lists(st.sampled_from(phrase), min_size=1, max_size=3))
    cut = draw(st.integers(1, 10))
    return " ".join([*picked[:-1], picked[-1][:cut]])


@settings(max_examples=150, deadline=None)
@given(
    query=st.one_of(_LETTERS, _name_queries(), _phrase_queries(), st.text(max_size=4)),
    scope=st.sampled_from(SCOPES),
)
def test_any_query_finds_the_same_with_the_stored_index_as_without(query: str, scope: str) -> None:
    stored = search_index.index(scope)
    assert _answers(stored, [query], 30) == _answers(_computed(scope), [query], 30)


@pytest.mark.parametrize("scope", SCOPES)
def test_the_stored_index_is_what_the_library_computes(scope: str, whole: dict[str, Any]) -> None:
    # Packed again from the table without it (the generator's own computation), and read
    # as a search reads it: the parts a scope shares with math's are math's.
    computed = pack_index(scope, _without(whole))
    stored = datafile.SearchParts(whole["search"]).scope(scope)
    assert stored is not None
    assert {name: stored(name) for name in computed} == computed
    # And no part the library does not compute: those written, with those shared.
    written = set(whole["search"][scope]) - {datafile.SHARED}
    shared = whole["search"][scope].get(datafile.SHARED, "").split()
    assert written | set(shared) == set(computed) and not written & set(shared)


def test_the_parts_every_scope_holds_alike_are_stored_once(whole: dict[str, Any]) -> None:
    stored = whole["search"]
    assert datafile.SHARED not in stored["math"]
    for scope in ("extended", "all"):
        shared = stored[scope][datafile.SHARED].split()
        # The concept table's phrases are the same in every scope: stored once, in math's.
        assert {"concept", "concept:ints", "concept_vocab", "concept_vocab:ints"} <= set(shared)
        assert not set(shared) & set(stored[scope])
        # What a scope keeps is its own: its names differ from math's.
        assert stored[scope]["vocab"] != stored["math"]["vocab"]


def test_every_scope_s_index_holds_the_phrases_of_every_described_character(
    whole: dict[str, Any],
) -> None:
    # Music is outside math and ſ outside the table, but what the concept table says of
    # them is in every scope's index: a scope limits the names searched, not what a
    # reviewed row describes ("treble clef", "long s").
    table = Table(read(str(REAL)))
    treble, long_s = ord("\U0001d11e"), 0x017F
    row = table.row_of(treble)
    assert row is not None and "treble clef" in table.names(row, "concept")
    assert table.row_of(long_s) is None and "long s" in table.unlisted_names(long_s, "concept")
    for scope in SCOPES:
        idx = SearchIndex(scope, table)
        assert idx._packed is not None
        found = {
            phrase: {v >> 1 for v in idx.concept.get(phrase, ())}
            for phrase in ("TREBLE CLEF", "LONG S", "IF AND ONLY IF")
        }
        assert 0x21D4 in found["IF AND ONLY IF"]
        assert treble in found["TREBLE CLEF"] and long_s in found["LONG S"]
        # Every phrase word leads to its phrases.
        for word in ("TREBLE", "CLEF", "LONG"):
            phrases = [idx.concept_keys[p] for p in idx.concept_words.get(word, ())]
            assert all(word in p.split() for p in phrases)
        assert search_rows("treble clef", 1, scope)[0][0] == treble
        # (∫ is drawn as a long s: a shape, and first; ſ is one, by its name too.)
        assert long_s in [row[0] for row in search_rows("long s", 3, scope)]
        # Names stay within their scope: ぁ, which no row describes, is found by its
        # Unicode name only where the scope holds it.
        by_name = [row[0] for row in search_rows("hiragana letter small a", 10, scope)]
        assert (0x3041 in by_name) == (scope == "all")


def test_the_code_points_outside_the_table_are_those_a_scan_finds(whole: dict[str, Any]) -> None:
    stored, scanned = load(), _without(whole, "named")
    assert stored.outside() == scanned.outside()
    assert datafile.unpack_ranges(whole["unlisted"]["named"]) == stored.outside()
    assert all_codepoints() == scan_named()
    assert 0xFEFF in stored.outside() and 0x2200 not in stored.outside()


def test_get_and_table_answer_alike_with_and_without_stored_code_points(
    whole: dict[str, Any],
) -> None:
    every = symbols.table("all")
    assert [s.codepoint for s in every] == sorted(
        load().codepoints + _without(whole, "named").outside()
    )
    for cp in (0xFEFF, 0x1F4A1, 0x2318, 0x2200, 0x41):
        found = symbols.get(cp)
        assert found is not None and found in every


def test_table_of_a_scope_is_built_once_per_process() -> None:
    first, again = symbols.table("all"), symbols.table("all")
    assert first == again and first is not again  # a list of one's own each call…
    outside = next(i for i, s in enumerate(first) if s.codepoint == 0xFEFF)
    assert first[outside] is again[outside]  # …of the symbols built the first time
    math = symbols.table("math")
    assert math[0] is symbols.table("math")[0]


# --------------------------------------------------------------------------- left on disk


def _copy(tmp_path: Path, raw: bytes) -> Path:
    path = tmp_path / "symbols.json"
    path.write_bytes(raw)
    return path


def test_a_look_up_reads_the_math_index_and_leaves_the_others_on_disk(
    tmp_path: Path, raw: bytes, whole: dict[str, Any]
) -> None:
    path = _copy(tmp_path, raw)
    data = read(str(path))
    assert data.search.left_on_disk == ["all", "extended"]
    assert data.columns.on_demand
    held = len(data.search._raw)  # the bytes read: everything but those scopes' parts
    assert held < len(raw) / 2
    assert data.search.scope("math") is not None
    part = data.search.scope("all")  # read now
    assert part is not None and part("vocab") == whole["search"]["all"]["vocab"]
    assert dump(data) == raw  # every byte is still there to write back


def _replace(path: Path, raw: bytes) -> None:
    other = path.with_name("new.json")
    other.write_bytes(raw)
    os.replace(other, path)


def _rewrite(path: Path, raw: bytes) -> None:
    # Changed in place, same size: only the time stamp tells.
    path.write_bytes(raw.replace(b'"unicode":"18.0.0"', b'"unicode":"18.0.1"', 1))
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))


def _truncate(path: Path, raw: bytes) -> None:
    path.write_bytes(raw[: len(raw) // 2])


@pytest.mark.parametrize(
    "change",
    [lambda path, raw: path.unlink(), _replace, _rewrite, _truncate],
    ids=["removed", "replaced", "rewritten", "truncated"],
)
def test_a_file_changed_since_the_load_is_not_read_for_the_other_scopes(
    tmp_path: Path, raw: bytes, change: Any
) -> None:
    # An upgrade under a running TUI: what was read stays; what was left on disk is
    # no longer the same file's, so the index is computed from the table read.
    path = _copy(tmp_path, raw)
    table = Table(read(str(path)))
    change(path, raw)
    assert table.packed_search("all") is None
    assert table.packed_search("extended") is None
    assert table.packed_search("math") is not None  # in memory all along
    queries = ["byte order mark", "check mark", "\\le", "le"]
    # Computing the all scope's index takes a second or two: once is enough.
    for scope in SCOPES if change is _replace else ("math", "extended"):
        idx = SearchIndex(scope, table)
        assert (idx._packed is None) == (scope != "math")
        assert _answers(idx, queries) == _answers(_computed(scope), queries)


def test_parts_left_on_disk_that_do_not_lie_where_the_layout_says_are_not_used(
    tmp_path: Path, raw: bytes, whole: dict[str, Any]
) -> None:
    # The all scope's vocabulary is not where the layout says (the file was damaged
    # after it was written): that scope's index is computed; the others' are read.
    a, _b = whole["layout"]["index_parts"]["all"]["vocab"]
    start = raw.index(b',"search":') + len(b',"search":')
    assert raw[start + a - 1 : start + a + 1] == b':"'
    damaged = raw[: start + a - 1] + b" " + raw[start + a :]  # no longer after its key
    path = _copy(tmp_path, damaged)
    table = Table(read(str(path)))
    assert table.packed_search("all") is None
    assert table.packed_search("extended") is not None
    idx = SearchIndex("all", table)
    assert idx._packed is None  # computed
    assert _answers(idx, ["byte order mark"]) == _answers(_computed("all"), ["byte order mark"])


def test_an_index_of_other_rows_is_not_used(whole: dict[str, Any]) -> None:
    obj = json.loads(json.dumps(whole))
    obj["search"]["extended"]["rows"] = str(int(obj["search"]["extended"]["rows"]) - 1)
    idx = SearchIndex("extended", Table(Data.of(obj)))
    assert idx._packed is None and len(idx.cps) == int(whole["search"]["extended"]["rows"])


def test_a_stale_math_layout_reads_the_file_whole(
    tmp_path: Path, raw: bytes, whole: dict[str, Any]
) -> None:
    at = whole["layout"]["index_parts"]["math"]["latex"]
    shifted = raw.replace(f'"latex":[{at[0]},'.encode(), f'"latex":[{at[0] + 1},'.encode(), 1)
    assert shifted != raw
    data = read(str(_copy(tmp_path, shifted)))
    assert data.search.left_on_disk == []  # nothing left on disk: the file was read whole
    part = data.search.scope("math")
    assert part is not None and part("latex") == whole["search"]["math"]["latex"]
    assert data.search.whole() == whole["search"]


# --------------------------------------------------------------------------- by block


@settings(max_examples=60, deadline=None)
@given(
    index=st.dictionaries(
        st.text(st.sampled_from("ABCDEZabz\\\u00c6"), min_size=1, max_size=5),
        st.lists(st.integers(0, 10**6), min_size=1, max_size=3),
        max_size=4 * KEYS_PER_BLOCK + 3,
    ),
    probes=st.lists(st.text(st.sampled_from("ABCDEZabz\\\u00c6"), max_size=4), max_size=20),
)
def test_postings_read_by_block_answer_as_read_whole(
    index: dict[str, list[int]], probes: list[str]
) -> None:
    keys, values, at = search_index._pack_postings(index)
    blocked, split = Postings(keys, values, " ", at), Postings(keys, values, " ")
    assert len(blocked) == len(split) == len(index)
    for probe in [*probes, *index]:
        assert blocked.get(probe) == split.get(probe) == index.get(probe)
        assert (probe in blocked) == (probe in index)
        assert blocked.prefixed(probe) == split.prefixed(probe)
        assert blocked.prefixed(probe) == sorted(k for k in index if k.startswith(probe))
    assert dict(blocked.items()) == index and list(blocked) == sorted(index)


def test_block_anchors_that_do_not_fit_are_not_used() -> None:
    index = {f"K{i:04d}": [i] for i in range(3 * KEYS_PER_BLOCK)}
    keys, values, at = search_index._pack_postings(index)
    k_at, v_at = at.split(" ")
    for broken in (
        k_at + "," + " " + v_at,  # not numbers
        "1," + k_at + " 0," + v_at,  # not from the start
        k_at.replace(",", ",1", 1) + " " + v_at,  # not after a separator
        k_at + " " + v_at + ",0",  # one more entry than keys
    ):
        p = Postings(keys, values, " ", broken)
        assert not p._kat  # split whole instead
        assert p["K0100"] == [100] and p.prefixed("K01") == [k for k in index if k[:3] == "K01"]
    # Anchors at separators, but not every 64th key: found out, never a wrong answer.
    moved = ",".join(str(int(x) + 6) if i == 1 else x for i, x in enumerate(k_at.split(",")))
    p = Postings(keys, values, " ", moved + " " + v_at)
    with pytest.raises(ValueError, match="damaged"):
        p.get("K0070")


def test_ints_read_by_block() -> None:
    ints = [i // 3 for i in range(5 * KEYS_PER_BLOCK + 7)]
    text, at = search_index._pack_ints(ints)
    lazy = search_index._ints(text, at)
    assert isinstance(lazy, search_index._Ints)
    assert len(lazy) == len(ints) and list(lazy) == ints
    assert [lazy[i] for i in (0, -1, KEYS_PER_BLOCK, len(ints) - 1)] == [
        ints[0],
        ints[-1],
        ints[KEYS_PER_BLOCK],
        ints[-1],
    ]
    with pytest.raises(IndexError):
        lazy[len(ints)]
    assert search_index._ints(text, "") == ints  # no anchors: parsed whole
    assert search_index._ints(text, "0,3") == ints  # anchors that do not fit: the same


def test_rows_of_a_scope_by_code_point() -> None:
    idx = search_index.index("all")
    for row in (0, 1, idx._rows.in_table - 1, idx._rows.in_table, len(idx.cps) - 1):
        assert idx.row_of[idx.cps[row]] == row and idx.row_of.get(idx.cps[row]) == row
    assert idx.row_of.get(0x4E00) is None and 0x4E00 not in idx.row_of
    assert len(idx.row_of) == len(idx.cps) == len(set(idx.cps))
    math = search_index.index("math")
    assert all(math.row_of[cp] == row for row, cp in enumerate(math.cps))


@given(st.lists(st.integers(0, 0x10FFFF), max_size=50))
def test_code_point_ranges_round_trip(cps: list[int]) -> None:
    assert datafile.unpack_ranges(datafile.pack_ranges(cps)) == sorted(set(cps))


@settings(max_examples=80, deadline=None)
@given(
    keys=st.sets(
        st.text(st.sampled_from("abkKAB\\\u212a\u00e9\u00c9"), min_size=1, max_size=4), max_size=150
    ),
    probes=st.lists(st.text(st.sampled_from("abkKAB\\\u212a\u00e9"), max_size=4), max_size=10),
)
def test_keys_ignoring_case_are_those_a_lower_cased_table_gives(
    keys: set[str], probes: list[str]
) -> None:
    index = {k: [1] for k in keys}
    table = search_index._casefolded(sorted(keys))
    keys_text, values, at = search_index._pack_postings(index)
    for packed in (Postings.of(index), Postings(keys_text, values, " ", at)):
        for probe in [*probes, *keys]:
            found = packed.ignoring_case(probe)
            if probe.lower().isascii():
                assert found == table.get(probe.lower(), [])
            else:
                assert found is None  # the caller looks it up in the whole table


def test_every_command_ignoring_case_as_the_whole_table_says() -> None:
    idx = search_index.index("all")
    for key in idx.latex_keys:
        for typed in (key, key.upper(), key.lower(), key.swapcase()):
            # Letter by letter (None outside ASCII: the whole table answers those).
            found = idx.latex.ignoring_case(typed)
            assert found in (None, idx.latex_folded.get(typed.lower(), []))
            assert idx.latex_ignoring_case(typed) == idx.latex_folded.get(typed.lower(), [])
    for name in idx.html_keys[::7]:
        assert idx.html.ignoring_case(name.upper()) == idx.html_folded.get(name.lower(), [])
        assert idx.html_ignoring_case(name.upper()) == idx.html_folded.get(name.lower(), [])


def test_look_ups_ignoring_case_answer_alike_before_and_after_a_session_builds_the_tables() -> None:
    idx = SearchIndex("math", Table(read(str(REAL))))
    latex = [t for k in idx.latex_keys[::25] for t in (k.upper(), k.swapcase())]
    latex += ["\\LEQ", "\\Forall", "\\LEFTARROW", "\\NOSUCHCOMMAND", "\\"]
    html = [t for k in idx.html_keys[::9] for t in (k.upper(), k.title())] + ["NOSUCH"]
    probes = [(idx.latex_ignoring_case, t) for t in latex] + [
        (idx.html_ignoring_case, t) for t in html
    ]
    assert all(t.isascii() for _f, t in probes) and len(probes) > search_index._FOLD_AFTER
    first = [f(t) for f, t in probes[: search_index._FOLD_AFTER]]
    # A one-shot look-up, or the first few of a session, builds no table of every key.
    assert "latex_folded" not in vars(idx) and "html_folded" not in vars(idx)
    again = [f(t) for f, t in probes]
    assert "latex_folded" in vars(idx) and "html_folded" in vars(idx)
    assert again[: len(first)] == first
    assert again == [f(t) for f, t in probes]
    assert ["\\Leftarrow", "\\leftarrow"] in again and [] in again


def test_what_is_read_often_is_unpacked_whole_with_the_same_answers() -> None:
    index = {f"K{i:05d}": [i, i + 1] for i in range(5 * KEYS_PER_BLOCK + 9)}
    keys, values, at = search_index._pack_postings(index)
    p = Postings(keys, values, " ", at)
    asked = sorted(index) * (1 + search_index._WHOLE_AFTER // len(index))
    assert [p[k] for k in asked] == [index[k] for k in asked]
    assert not p._kat and p._keys == sorted(index)  # split whole along the way
    assert p.prefixed("K001") == [k for k in sorted(index) if k.startswith("K001")]

    ints = [i // 2 for i in range(7 * KEYS_PER_BLOCK)]
    lazy = search_index._ints(*search_index._pack_ints(ints))
    assert isinstance(lazy, search_index._Ints)
    handed: list[list[int]] = []
    lazy.on_whole = handed.append
    reads = [lazy[i % len(ints)] for i in range(search_index._WHOLE_AFTER + 5)]
    assert reads == [ints[i % len(ints)] for i in range(search_index._WHOLE_AFTER + 5)]
    assert handed == [ints]


def test_an_index_used_often_holds_plain_lists_and_dicts() -> None:
    idx = SearchIndex("extended", Table(read(str(REAL))))
    assert isinstance(idx.row_of, search_index._RowOf)
    assert isinstance(idx.doc_row, search_index._Ints)
    for _ in range(search_index._WHOLE_AFTER // 100 + 1):
        with _searching_with(idx):
            for q in ("letter", "arrow", "box drawings"):
                search_rows(q, 50, "extended")
    assert isinstance(idx.row_of, dict) and isinstance(idx.doc_row, list)
    assert all(idx.row_of[cp] == row for row, cp in enumerate(idx.cps))
    assert _answers(idx, ["letter", "arrow", "box drawings light"]) == _answers(
        _computed("extended"), ["letter", "arrow", "box drawings light"]
    )
