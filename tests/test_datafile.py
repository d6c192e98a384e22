"""data/symbols.json, written and read by one module: round trips, and the partial reads."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from symbols import datafile
from symbols.datafile import Columns, Data, SearchParts, data_path, dump, read
from symbols.schema import (
    CODEPOINT_COLUMNS,
    COLUMNS,
    FORMAT,
    LATEX_ORIGINS,
    NAME_COLUMNS,
    SCALAR_COLUMNS,
)
from symbols.search_index import SearchIndex
from symbols.table import Table

REAL = Path(data_path())


def _unpacked(data: Data) -> dict[str, list[Any]]:
    return {name: datafile.unpack_column(name, data.columns.whole(name)) for name in COLUMNS}


# --------------------------------------------------------------------------- round trips


def test_the_shipped_file_is_what_the_writer_writes_from_what_the_reader_reads(
    raw: bytes,
) -> None:
    # Read as a look-up reads it (index on disk, columns by chunk), written back: the
    # same bytes, layout and index length included.
    data = read(str(REAL))
    assert data.columns.on_demand and data.search.unparsed
    assert dump(data) == raw
    # And through the generator's own form: unpacked columns, packed again.
    repacked = Columns(datafile.pack_columns(_unpacked(data)))
    again = Data(
        unicode=data.unicode,
        groups=data.groups,
        blocks=data.blocks,
        html4=data.html4,
        unlisted=data.unlisted,
        columns=repacked,
        search=SearchParts(data.search.whole()),
        provenance=data.provenance,
        concept_order=data.concept_order,
        latex_extra=data.latex_extra,
        prefer=data.prefer,
    )
    assert dump(again) == raw


_NAME = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\t\n"), min_size=1, max_size=6
)
_WORD = st.text(st.sampled_from("abcxyz\\{}^_é"), min_size=1, max_size=5)
_LATEX = st.lists(
    st.tuples(
        _WORD,
        st.lists(st.sampled_from(LATEX_ORIGINS), min_size=1, max_size=3, unique=True),
        st.sampled_from(["", "amssymb", "unicode-math"]),
        st.sampled_from(["", "rel", "ord"]),
    ),
    max_size=3,
)


@st.composite
def _tables(draw: st.DrawFn) -> dict[str, list[Any]]:
    # Row counts around the chunk edges (and a short last chunk); the rows cycle through
    # a few drawn ones, which keeps the drawn data small.
    per = datafile.ROWS_PER_CHUNK
    n = draw(st.sampled_from([0, 1, per - 1, per, per + 1, 2 * per + 5]))
    specs = draw(
        st.lists(
            st.tuples(
                _NAME,
                _LATEX,
                st.lists(st.integers(0, 0x10FFFF), max_size=3),
                st.lists(st.lists(_NAME, max_size=3, unique=True), min_size=1, max_size=3),
            ),
            min_size=1,
            max_size=4,
        )
    )
    start = draw(st.integers(0, 0x10FFFF - n))
    rows = [specs[i % len(specs)] for i in range(n)]
    cols: dict[str, list[Any]] = {
        "cp": list(range(start, start + n)),
        "name": [name for name, _l, _x, _n in rows],
        "gc": [("Sm", "Lu", "Po")[i % 3] for i in range(n)],
        "group": [i % 3 for i in range(n)],
        "scope": [i % 2 for i in range(n)],
        "latex": [[[c, o, p, m] for c, o, p, m in latex] for _n, latex, _x, _l in rows],
    }
    for name in CODEPOINT_COLUMNS:
        cols[name] = [xref for _n, _l, xref, _m in rows]
    for k, name in enumerate(NAME_COLUMNS):
        cols[name] = [lists[k % len(lists)] for _n, _l, _x, lists in rows]
    return cols


@settings(max_examples=25, deadline=None)
@given(
    cols=_tables(),
    parts=st.dictionaries(st.sampled_from(["vocab", "latex"]), _NAME),
    provenance=st.dictionaries(_NAME, _NAME, max_size=3),
)
def test_any_table_round_trips_through_the_file(
    tmp_path_factory: pytest.TempPathFactory,
    cols: dict[str, list[Any]],
    parts: dict[str, str],
    provenance: dict[str, str],
) -> None:
    data = Data(
        unicode="18.0.0",
        groups=["A", "B", "C"],
        blocks=[[0, 0x7F, "Basic Latin"]],
        html4="amp\tlt",
        unlisted={"alias": datafile.pack_unlisted({0x10FFFD: ["x y"]}, cols["cp"])},
        columns=Columns(datafile.pack_columns(cols)),
        search=SearchParts({"math": parts} if parts else {}),
        provenance=provenance,
        concept_order=datafile.pack_concept_order({"X Y": [0x2200, 0x2203], "Z": [0x41]}),
        latex_extra={"widths": datafile.packed_map({"\\,": "3/18 em", "\\quad": "1 em"})},
        prefer=datafile.packed_map({"00B5": "03BC in math use"}),
    )
    written = dump(data)
    path = tmp_path_factory.mktemp("rt") / "symbols.json"
    path.write_bytes(written)
    back = read(str(path))
    assert back.columns.on_demand  # the layout fits: read by chunk
    assert (
        back.unicode,
        back.groups,
        back.blocks,
        back.html4,
        back.unlisted,
        back.concept_order,
        back.latex_extra,
        back.prefer,
    ) == (
        data.unicode,
        data.groups,
        data.blocks,
        data.html4,
        data.unlisted,
        data.concept_order,
        data.latex_extra,
        data.prefer,
    )
    assert datafile.unpacked_map(back.latex_extra["widths"]) == {"\\,": "3/18 em", "\\quad": "1 em"}
    assert datafile.concept_order(back.concept_order) == {"X Y": (0x2200, 0x2203)}
    assert back.provenance == provenance
    # Row by row through the chunks first, then whole columns.
    for name in COLUMNS:
        packed = data.columns.whole(name)
        assert [back.columns.at(name, i) for i in range(len(packed))] == packed
    assert _unpacked(back) == cols
    assert back.search.whole() == ({"math": parts} if parts else {})
    assert dump(back) == written  # stable
    # Read whole (as a file laid out otherwise is), the same.
    whole = Data.of(json.loads(written))
    assert _unpacked(whole) == cols and dump(whole) == written


def test_rows_unpack_into_the_records_fields() -> None:
    assert datafile.names("forall\tForAll") == ("forall", "ForAll")
    assert datafile.names("") == ()
    assert datafile.xrefs("002D 2796") == (0x2D, 0x2796)
    assert datafile.latex("\\forall\tunicode-math,latex\t\tord\n\\A\tjulia\tpkg\t") == (
        ("\\forall", ("unicode-math", "latex"), "", "ord"),
        ("\\A", ("julia",), "pkg", ""),
    )
    assert datafile.unlisted_rows("FEFF\tBOM\tZWNBSP\nA0\tNBSP") == {
        0xFEFF: ("BOM", "ZWNBSP"),
        0xA0: ("NBSP",),
    }
    assert set(COLUMNS) == {*SCALAR_COLUMNS, "latex", *CODEPOINT_COLUMNS, *NAME_COLUMNS}


@pytest.mark.parametrize(
    "cols",
    [
        {"html": [["a\tb"]]},  # a separator inside a name
        {"alias": [[""]]},  # an empty name
        {"latex": [[["\\x", ["a,b"], "", ""]]]},  # a comma inside an origin
        {"colour": [[]]},  # no such column
    ],
)
def test_what_cannot_be_packed_is_refused(cols: dict[str, list[Any]]) -> None:
    with pytest.raises(ValueError, match=r"cannot pack|unknown column"):
        datafile.pack_columns(cols)


def test_another_format_is_refused_with_a_clear_message(
    tmp_path: Path, whole: dict[str, Any]
) -> None:
    path = tmp_path / "symbols.json"
    path.write_text(json.dumps({**whole, "format": FORMAT + 1}), encoding="ascii")
    with pytest.raises(ValueError, match=r"regenerate it with tools/build_symbols\.py"):
        read(str(path))


# --------------------------------------------------------------------------- partial reads


def test_the_index_is_parsed_at_the_first_search(
    tmp_path: Path, raw: bytes, whole: dict[str, Any]
) -> None:
    data = read(str(REAL))
    assert data.search.unparsed
    assert {name: data.columns.whole(name) for name in whole["symbols"]} == whole["symbols"]
    assert data.search.unparsed  # the columns are found without parsing the index
    assert data.search.whole() == whole["search"]
    assert not data.search.unparsed
    # A wrong length, or no length at all: the file is parsed whole.
    for broken in (
        raw.replace(b'"index_bytes":', b'"index_bytes":1', 1),
        raw.replace(b'"index_bytes":', b'"index_size":', 1),
    ):
        path = tmp_path / "symbols.json"
        path.write_bytes(broken)
        data = read(str(path))
        assert not data.search.unparsed and not data.columns.on_demand
        assert data.search.whole() == whole["search"]


def test_columns_are_parsed_by_chunk_as_the_whole_file_says(
    tmp_path: Path, raw: bytes, whole: dict[str, Any]
) -> None:
    columns = read(str(REAL)).columns
    n = len(whole["symbols"]["cp"])
    rows = whole["layout"]["rows"]
    # Every row of every column read chunk by chunk (nothing parsed whole first),
    # first, middle and last rows of a chunk, and the short last chunk.
    for name, col in whole["symbols"].items():
        picks = sorted({0, rows - 1, rows, 5 * rows + 7, n - rows, n - 1})
        assert [columns.at(name, i) for i in picks] == [col[i] for i in picks]
        assert name not in columns._lists  # still only chunks
        assert [columns.at(name, i) for i in range(n)] == col
    lazy, read_whole = Table(read(str(REAL))), Table(Data.of(whole))
    for i in (0, lazy.row_of(0x2264), lazy.row_of(0x2200), n - 1):
        assert i is not None and lazy.row_fields(i) == read_whole.row_fields(i)
    # A layout that does not fit the file (stale or shifted): the columns are parsed whole.
    for broken in (
        raw.replace(b'"layout":{"at":{"alias":[', b'"layout":{"at":{"alias":[1', 1),
        raw.replace(b'"layout":{"at":', b'"layout":{"ta":', 1),
        raw.replace(b'"bytes":', b'"bytes":1', 1),
    ):
        assert broken != raw
        path = tmp_path / "symbols.json"
        path.write_bytes(broken)
        data = read(str(path))
        assert data.search.unparsed and not data.columns.on_demand
        assert {name: data.columns.whole(name) for name in COLUMNS} == whole["symbols"]


def test_search_parts_are_parsed_one_by_one_as_the_layout_says(
    whole: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[int] = []
    real_loads = datafile._loads

    def counted(text: Any) -> Any:
        parsed.append(len(text))
        return real_loads(text)

    table = Table(read(str(REAL)))
    monkeypatch.setattr(datafile, "_loads", counted)
    part = table.packed_search("math")
    assert part is not None
    latex = part("latex")
    assert latex == whole["search"]["math"]["latex"]
    # One part parsed, a small piece of the index.
    assert len(parsed) == 1 and parsed[0] < whole["index_bytes"] / 4
    assert all(part(name) == value for name, value in whole["search"]["math"].items())
    assert table.packed_search("nonesuch") is None  # a scope the file does not hold
    assert table.data.search.unparsed  # never the whole index
    monkeypatch.undo()
    assert SearchIndex("math", table).latex["\\le"] == [0x2264]


def test_the_file_is_not_read_again_after_it_is_loaded(tmp_path: Path, raw: bytes) -> None:
    # Replaced or removed after the load (an upgrade under a running TUI): the search
    # still uses what was read.
    path = tmp_path / "symbols.json"
    path.write_bytes(raw)
    table = Table(read(str(path)))
    path.unlink()
    assert SearchIndex("math", table).latex["\\le"] == [0x2264]
    assert table.row_fields(table.row_of(0x2200) or 0)["name"] == "FOR ALL"


def test_a_stale_index_layout_parses_the_index_whole(raw: bytes, whole: dict[str, Any]) -> None:
    at = whole["layout"]["index_parts"]["math"]["latex"]
    shifted = raw.replace(f'"latex":[{at[0]},'.encode(), f'"latex":[{at[0] + 1},'.encode(), 1)
    assert shifted != raw
    data = datafile.parse(shifted)
    part = data.search.scope("math")
    assert part is not None and part("latex") == whole["search"]["math"]["latex"]
    assert not data.search.unparsed  # parsed whole, as without a layout


def test_stored_html4_names_are_the_standard_library_s(whole: dict[str, Any]) -> None:
    from html.entities import name2codepoint

    assert datafile.load().html4_names() == frozenset(name2codepoint)
    # Data without them falls back to the same set.
    bare = Data.of({k: v for k, v in whole.items() if k != "html4"})
    assert bare.html4 is None and bare.html4_names() == frozenset(name2codepoint)


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(st.characters(exclude_categories=["Cs"])),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(value=_JSON, ascii_only=st.booleans())
def test_the_reader_parses_json_as_json_does(value: Any, ascii_only: bool) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only, separators=(",", ":"))
    # Compared written out again: NaN is no value equal to itself.
    expected = json.dumps(json.loads(text))
    assert json.dumps(datafile._loads(text)) == expected
    assert json.dumps(datafile._loads(text.encode())) == expected


@pytest.mark.parametrize("text", ["", "[1,", "{1:2}", "[1] [2]", "nul", "[1]x", '"\\x"'])
def test_the_reader_refuses_what_json_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        json.loads(text)
    with pytest.raises(ValueError):
        datafile._loads(text)


def test_the_whole_file_parses_alike(raw: bytes, whole: dict[str, Any]) -> None:
    assert datafile._loads(raw) == whole  # with its final newline


@pytest.mark.parametrize(
    "code",
    [
        "import symbols; symbols.get('∀'); symbols.search('forall'); symbols.from_latex('le')",
        "import symbols; symbols.search('byte order mark', scope='all')",
        "from app.cli import main; main(['forall']); main(['-n3', 'arrow'])",
    ],
)
def test_a_look_up_never_imports_the_json_package(code: str) -> None:
    import os
    import subprocess
    import sys

    script = f"import sys\n{code}\nsys.stderr.write(repr('json' in sys.modules))\n"
    env = dict(os.environ, PYTHONPATH=str(REAL.parent.parent))
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    assert run.stderr.strip().endswith("False")


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(st.characters(exclude_categories=["Cs"]) | st.sampled_from('\\"u0aÆÐ\U0001f600'))
)
def test_a_part_s_string_reads_as_json_does(text: str) -> None:
    for ascii_only in (True, False):
        raw = json.dumps(text, ensure_ascii=ascii_only).encode()
        # As bytes, and as the view into the file's bytes the reader hands it.
        assert datafile._string(raw) == datafile._string(memoryview(b"[" + raw)[1:]) == text


@pytest.mark.parametrize(
    "raw", [b'"\\u0x12"', b'"\\ud83d"', b'"\\u12"', b'"a\\\\u0041"', b'"\\ug000"', b'"\\n\\u00c6"']
)
def test_a_part_s_string_leaves_other_escapes_to_json(raw: bytes) -> None:
    try:
        expected = json.loads(raw)
    except ValueError:
        with pytest.raises(ValueError):
            datafile._string(raw)
        with pytest.raises(ValueError):
            datafile._string(memoryview(raw))
    else:
        assert datafile._string(raw) == datafile._string(memoryview(raw)) == expected


@pytest.mark.parametrize("column", ["alias", "formal", "concept", "shape", "lookalike"])
def test_one_unlisted_row_reads_as_the_whole_column(whole: dict[str, Any], column: str) -> None:
    # A one-shot look-up finds a character's line; a listing splits the column: alike.
    packed = whole["unlisted"][column]
    rows = datafile.unlisted_rows(packed)
    assert rows
    first, last = min(rows), max(rows)
    assert packed.startswith(f"{first:X}\t") and datafile.unlisted_row(packed, first)
    for cp in [*rows, 0, 0x41, first + 1, last + 1, 0x10FFFF]:
        assert datafile.unlisted_row(packed, cp) == rows.get(cp, ()), hex(cp)
    assert datafile.unlisted_row("", 0xFEFF) == ()


def test_a_table_reads_unlisted_names_alike_before_and_after_splitting_them() -> None:
    table = Table(read(str(REAL)))
    cps = [0xFEFF, 0x017F, 0x01A2, 0x2200, 0x41, *table.outside()[:100]]
    columns = ("alias", "formal", "concept", "shape", "lookalike")
    few = [[table.unlisted_names(cp, col) for col in columns] for cp in cps[:5]]
    assert table._unlisted_rows == {}  # a few look-ups: lines found, nothing split
    first = [[table.unlisted_names(cp, col) for col in columns] for cp in cps]
    assert first[:5] == few
    again = [[table.unlisted_names(cp, col) for col in columns] for cp in cps]
    assert first == again
    assert set(columns) <= set(table._unlisted_rows)  # split after the first few dozen
    assert first[0][1] == ("BYTE ORDER MARK", "BOM", "ZWNBSP")
    assert "long s" in first[1][2] and any(row[4] for row in first)  # some look alike


@settings(max_examples=25, deadline=None)
@given(
    math=st.dictionaries(st.sampled_from(["vocab", "latex", "concept", "typst"]), _NAME),
    other=st.dictionaries(st.sampled_from(["vocab", "latex", "concept", "typst"]), _NAME),
    copied=st.sets(st.sampled_from(["vocab", "latex", "concept", "typst"])),
)
def test_parts_equal_to_math_s_are_stored_once_and_read_back_alike(
    tmp_path_factory: pytest.TempPathFactory,
    math: dict[str, str],
    other: dict[str, str],
    copied: set[str],
) -> None:
    # Another scope's part equal to math's is written once, and read back as that scope's.
    other = {**other, **{k: math[k] for k in copied if k in math}}
    parts = {"math": {**math, "rows": "1"}, "all": {**other, "rows": "2"}}
    stored = datafile.share_parts(parts)
    same = sorted(k for k, v in other.items() if math.get(k) == v)
    assert stored["math"] == parts["math"]
    assert stored["all"].get(datafile.SHARED, "").split() == same
    assert datafile.share_parts(stored) == stored  # already shared: as it is
    path = tmp_path_factory.mktemp("shared") / "symbols.json"
    cols: dict[str, list[Any]] = {"cp": [0x41], "name": ["A"], "gc": ["Lu"]}
    cols.update(group=[0], scope=[0])
    cols.update({name: [""] for name in (*CODEPOINT_COLUMNS, *NAME_COLUMNS)})
    cols["latex"] = [[]]
    data = Data(
        unicode="18.0.0",
        groups=["A"],
        blocks=[[0, 0x7F, "Basic Latin"]],
        columns=Columns(datafile.pack_columns(cols)),
    ).with_search(parts)
    path.write_bytes(dump(data))
    for back in (read(str(path)), Data.of(json.loads(path.read_bytes()))):
        for scope, own in parts.items():
            get = back.search.scope(scope)
            assert get is not None
            assert {k: get(k) for k in own} == own
        assert back.search.whole() == stored
