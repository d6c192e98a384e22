"""The TUI's textual-light parts: glyph stand-ins, result rows, copy/pick formats."""

from __future__ import annotations

import pytest

pytest.importorskip("textual")

from app.tui.detail import glance_content, glance_line, glance_methods, glyph_box
from app.tui.formats import all_formats, check_format, format_label, value_of
from app.tui.glyph import glyph_cell, glyph_content, glyph_scale
from app.tui.rows import HIGHLIGHT, KEYS_WIDTH, result_row
from symbols.inputs import METHODS
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
    assert value_of(s, "chord", first="vim") == "Ctrl-V u2200"
    assert value_of(s, "chord", first="macos") == "⌥2200"
    expected = {
        "macos": "⌥2200",
        "linux": "Ctrl+Shift+U 2200 Space",
        "windows": "2200 Alt+X",
        "windows-numpad": "Alt + numpad + 2200",
        "vim": "Ctrl-V u2200",
        "emacs": "C-x 8 RET 2200 RET",
        "compose": "",  # ∀ has no Compose sequence
        "latex": "\\forall",
        "typst": "sym.forall",
        "html": "&forall;",
        "css": "\\2200",
        "python": '"\\u2200"',
        "json": '"\\u2200"',
        "javascript": '"\\u2200"',
        "utf8": "E2 88 80",
        "utf16": "2200",
    }
    assert {m: value_of(s, m) for m in METHODS} == expected
    assert value_of(sym(0x1D400), "windows-numpad") == ""  # cannot, above U+FFFF
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


# --------------------------------------------------------------------------- the glance (issue 15)


@pytest.fixture
def linux(monkeypatch: pytest.MonkeyPatch) -> None:
    """The method shown first is Linux's, whatever machine runs the tests."""
    monkeypatch.setenv("MATHSYM_METHOD", "linux")


@pytest.mark.usefixtures("linux")
def test_glance_has_name_code_point_both_chords_latex_and_entity() -> None:
    assert glance_content(sym("∀"), None, False).plain.splitlines() == [
        "FOR ALL",
        "U+2200 · Mathematical Operators",
        "Linux (GTK, IBus)",
        "  Ctrl+Shift+U 2200 Space",
        "macOS (Unicode Hex Input)",
        "  ⌥2200",
        "LaTeX \\forall",
        "HTML  &forall;",
    ]
    # Above U+FFFF, macOS's chord is the UTF-16 pair; no entity, no HTML line.
    lines = glance_content(sym(0x1D400), None, True).plain.splitlines()
    assert lines[0] == "MATHEMATICAL BOLD CAPITAL A ★"
    assert lines[3:] == ["  Ctrl+Shift+U 1d400 Space", "macOS (Unicode Hex Input)",
                         "  ⌥D835 ⌥DC00", "LaTeX \\mathbf{A}"]  # fmt: skip


def test_glance_follows_the_method_shown_first() -> None:
    # macOS first: its chord once, no other; another method first: macOS after it.
    lines = glance_content(sym("∀"), "macos", False).plain.splitlines()
    assert lines[2:4] == ["macOS (Unicode Hex Input)", "  ⌥2200"]
    assert lines[4] == "LaTeX \\forall"
    lines = glance_content(sym("∀"), "vim", False).plain.splitlines()
    assert lines[2:6] == ["Vim (insert mode)", "  Ctrl-V u2200", "macOS (Unicode Hex Input)",
                          "  ⌥2200"]  # fmt: skip
    # A method that cannot type the character says why, in a few words.
    lines = glance_content(sym(0x1D400), "windows-numpad", False).plain.splitlines()
    assert lines[2:4] == ["Windows (Alt + numpad)", "  —  Not possible above U+FFFF"]


def test_glance_methods_are_the_first_then_macos() -> None:
    assert [m.id for m in glance_methods(sym("∀"), "linux")] == ["linux", "macos"]
    assert [m.id for m in glance_methods(sym("∀"), "windows")] == ["windows", "macos"]
    assert [m.id for m in glance_methods(sym("∀"), "macos")] == ["macos"]


@pytest.mark.usefixtures("linux")
def test_folded_glance_is_a_line_each() -> None:
    assert glance_line(sym("∀"), None, True).plain.splitlines() == [
        "∀ U+2200 ★ FOR ALL",
        "Linux  Ctrl+Shift+U 2200 Space",
        "macOS  ⌥2200",
        "\\forall  &forall;",
    ]
    assert glance_line(sym(0x0302), "windows", False).plain.splitlines() == [
        "◌\u0302 U+0302 COMBINING CIRCUMFLEX ACCENT",
        "Windows  0302 Alt+X",
        "macOS  ⌥0302",
        "\\hat",
    ]
    assert glance_line(sym(0x00A0), "macos", False).plain.splitlines() == [
        "[\u00a0] U+00A0 NO-BREAK SPACE",
        "macOS  ⌥00A0",
        "\\nobreakspace  &nbsp;",  # what ~ stands for (MathJax's \space is LaTeX's plain space)
    ]


@pytest.mark.parametrize(
    ("key", "scale"),
    [
        ("∈", "x∈H  ∈∈"),  # beside ϵ: the same line, a taller glyph
        (0x03F5, "xϵH  ϵϵ"),
        ("—", "x—H  ——"),  # doubled, an em dash is one line; an en dash is not
        ("–", "x–H  ––"),
        (0x0302, "x\u0302  H\u0302"),  # a combining mark on the letters themselves
        (0x00A0, None),  # spaces and invisibles: their stand-in alone
        (0x200D, None),
    ],
)
def test_glyph_scale_puts_the_glyph_among_letters(key: str | int, scale: str | None) -> None:
    shown = glyph_scale(sym(key))
    assert (shown.plain if shown is not None else None) == scale


@pytest.mark.usefixtures("linux")
def test_glyph_box_then_the_note_of_a_stand_in() -> None:
    assert glyph_box(sym("—")).plain.splitlines() == ["—", "x—H  ——"]
    assert glyph_box(sym(0x00A0)).plain.splitlines() == ["[\u00a0]"]  # nothing to scale
    lines = glance_content(sym(0x0302), None, False).plain.splitlines()
    assert lines[:2] == [
        "◌ a combining mark, shown on a dotted circle",
        "COMBINING CIRCUMFLEX ACCENT",
    ]


def test_rows_can_show_the_keys_as_a_column() -> None:
    s = sym("∀")
    plain = result_row(s).plain
    row = result_row(s, keys="Ctrl+Shift+U 2200 Space").plain
    start = plain.index("FOR ALL")
    # The keys take a column of their own before the name, padded to one width.
    assert row[:start] == plain[:start]
    assert row[start:] == "Ctrl+Shift+U 2200 Space".ljust(KEYS_WIDTH) + "FOR ALL"
    assert result_row(s, keys="").plain[start:] == "—".ljust(KEYS_WIDTH) + "FOR ALL"
    long = result_row(s, keys="'\\N{GREEK SMALL LETTER LUNATE EPSILON SYMBOL}'").plain
    assert long[start:] == "'\\N{GREEK SMALL LETTER … FOR ALL"  # cut to the column, one space kept
    assert "Ctrl" not in result_row(s, keys=None).plain


def test_detail_says_why_first_and_lists_at_most_six_look_alikes() -> None:
    from app.tui.detail import LOOKALIKES_SHOWN, detail_content

    m = search("upside down a", 1)[0]
    lines = detail_content(m.symbol, "linux", m.matched).plain.splitlines()
    assert lines[0] == "looks like: upside-down a"
    assert detail_content(m.symbol, "linux").plain.splitlines()[0].startswith("Sm ")
    o = sym("o")
    assert len(o.lookalikes) > LOOKALIKES_SHOWN
    lines = detail_content(o, "linux").plain.splitlines()
    section = lines[lines.index("Looks like") + 1 :]
    shown = [line for line in section if line.split("  U+")[0] in o.lookalikes]
    assert [line.split("  ")[0] for line in shown] == list(o.lookalikes[:LOOKALIKES_SHOWN])
    assert f"and {len(o.lookalikes) - LOOKALIKES_SHOWN} more" in section
    assert section.index(f"and {len(o.lookalikes) - LOOKALIKES_SHOWN} more") == len(shown)
