"""The TUI's textual-light parts: glyph stand-ins, result rows, copy/pick formats."""

from __future__ import annotations

import pytest

pytest.importorskip("textual")

from app.tui.formats import all_formats, check_format, format_label, value_of
from app.tui.glyph import glyph_cell, glyph_content
from app.tui.rows import HIGHLIGHT, result_row
from symbols.inputs import METHODS, inputs
from symbols.records import Symbol
from symbols.search import search
from symbols.table import get


def sym(key: str | int) -> Symbol:
    s = get(key)
    assert s is not None
    return s


@pytest.mark.parametrize(
    ("key", "shown", "note_word"),
    [
        ("∀", "∀", ""),
        (0x0302, "◌\u0302", "combining"),
        (0x00A0, "[\u00a0]", "space"),
        (0x200D, "⟨ZWJ⟩", "invisible"),
    ],
)
def test_glyph_stand_ins(key: str | int, shown: str, note_word: str) -> None:
    content, note = glyph_content(sym(key))
    assert content.plain == shown
    assert note_word in note


def test_space_note_gives_its_typeset_width() -> None:
    _content, note = glyph_content(sym(0x2005))  # FOUR-PER-EM SPACE
    assert "1/4 em" in note
    _content, note = glyph_content(sym(0x2003))
    assert note.endswith("1 em")


def test_glyph_cell_is_exactly_two_cells() -> None:
    for key in ("∀", 0x0302, 0x200D, 0x1D400, "→", 0x00A0, 0x3000):
        assert glyph_cell(sym(key)).cell_length == 2
    assert glyph_cell(sym(0x00A0)).plain == "\u00a0 "  # highlighted, not framed
    assert glyph_cell(sym(0x200D)).plain == "⟨⟩"


def test_row_highlights_the_matched_name_part() -> None:
    m = next(m for m in search("plus minus") if m.symbol.char == "±")
    row = result_row(m.symbol, m.matched)
    assert "±" in row.plain and "U+00B1" in row.plain and "PLUS-MINUS SIGN" in row.plain
    highlighted = {row.plain[s.start : s.end] for s in row.spans if s.style == HIGHLIGHT}
    assert highlighted == {"PLUS", "MINUS"}


def test_row_shows_an_alias_match_and_star() -> None:
    s = sym("∀")
    from symbols.search import Matched

    row = result_row(s, Matched("alias", "universal quantifier", ((0, 9),), "prefix"), True)
    assert row.plain.startswith("★")
    assert "universal quantifier" in row.plain
    assert any(row.plain[x.start : x.end] == "universal" for x in row.spans if x.style == HIGHLIGHT)


def test_compact_row_leaves_out_the_code_point() -> None:
    s = sym("∀")
    assert "U+2200" in result_row(s).plain
    assert "U+2200" not in result_row(s, compact=True).plain


def test_formats() -> None:
    s = sym("∀")
    assert value_of(s, "glyph") == value_of(s, "char") == "∀"
    assert value_of(s, "codepoint") == "U+2200"
    assert value_of(s, "name") == "FOR ALL"
    assert value_of(s, "latex") == "\\forall"
    assert value_of(s, "html") == "&forall;"
    assert value_of(s, "chord", first="vim") == inputs("∀", first="vim")[0].keys
    for method in METHODS:
        assert value_of(s, method) == next((m.keys for m in inputs(s) if m.id == method), "")
    assert set(METHODS) <= set(all_formats())
    assert check_format("LaTeX") == "latex"
    with pytest.raises(ValueError, match="unknown format 'nope'"):
        check_format("nope")
    assert format_label("latex") == "LaTeX"


def test_a_row_says_a_meaning_or_a_shape_matched() -> None:
    from app.tui.rows import result_row
    from symbols import search

    m = search("upside down a", 1)[0]
    assert str(result_row(m.symbol, m.matched)).endswith("looks like upside-down a")
    m = search("tombstone", 1)[0]
    assert str(result_row(m.symbol, m.matched)).endswith("means tombstone")
