"""Showing a glyph on a terminal so that it can be seen: stand-ins for the invisible ones.

The stand-ins are the CLI's (`app.display.visible`): a combining mark on a dotted
circle ◌, a space framed so its width shows (here also highlighted), and any other
invisible character by its short name (``⟨ZWJ⟩``). This module only adds the styling,
with theme variables. The copied text is always the real character.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from app.display import DOTTED_CIRCLE, LEGEND, visible
from app.tui.styles import MUTED, SPACE

if TYPE_CHECKING:
    from symbols.table import Symbol

__all__ = ["SCALE_LETTERS", "SPACE_WIDTHS", "glyph_cell", "glyph_content", "glyph_scale"]


#: How wide each Unicode space is when typeset (The Unicode Standard, §6.2, Table 6-2):
#: a terminal draws them all one cell wide, so the detail pane says it in words.
SPACE_WIDTHS: dict[int, str] = {
    0x0020: "font-dependent, about 1/4 em",
    0x00A0: "as wide as a space, no line break",
    0x2000: "1/2 em (en quad)",
    0x2001: "1 em (em quad)",
    0x2002: "1/2 em",
    0x2003: "1 em",
    0x2004: "1/3 em",
    0x2005: "1/4 em",
    0x2006: "1/6 em",
    0x2007: "the width of a digit",
    0x2008: "the width of a period",
    0x2009: "1/5 em (1/6 em in some fonts)",
    0x200A: "thinner than a thin space",
    0x202F: "narrow (about a thin space), no line break",
    0x205F: "4/18 em",
    0x3000: "the width of a CJK ideograph (1 em)",
}


def glyph_content(symbol: Symbol) -> tuple[Content, str]:
    """Return a visible rendering of *symbol*'s glyph and a note saying how it is shown.

    Args:
        symbol: The symbol.

    Returns:
        The content (styled with theme variables) and a note ("" for a plain glyph).

    """
    text, kind = visible(symbol.char, symbol.formal_aliases)
    if kind is None:
        return Content(text), ""
    note = LEGEND.get(kind, "")
    if kind == "mark":
        return Content.assemble((DOTTED_CIRCLE, MUTED), text[len(DOTTED_CIRCLE) :]), note
    if kind == "space":
        width = SPACE_WIDTHS.get(symbol.codepoint)
        if width:
            note = f"{note}; typeset: {width}"
        # "[ ]": the frame muted, the space itself highlighted.
        return Content.assemble((text[0], MUTED), (text[1:-1], SPACE), (text[-1], MUTED)), note
    return Content.styled(text, MUTED), note


#: The letters the glyph is shown between, for scale: a lowercase letter gives the
#: x-height, a capital the cap height (∈ stands taller than ϵ; — reaches its
#: neighbours where – does not).
SCALE_LETTERS = ("x", "H")


def glyph_scale(symbol: Symbol) -> Content | None:
    """Return the glyph among letters and beside itself, for scale; None for stand-ins.

    A terminal draws every character in the same cell, at one size: what tells ∈ from
    ϵ, or — from –, is how each sits beside letters (its height against ``x`` and
    ``H``) and beside itself (an em dash doubled is one unbroken line, an en dash
    doubled is not). A combining mark is shown on both letters instead. Spaces and
    invisible characters have nothing to compare (their stand-in is shown alone).

    Returns:
        One line, ``x∈H  ∈∈``: the letters muted, the glyph as the box shows it.

    """
    _text, kind = visible(symbol.char, symbol.formal_aliases)
    low, cap = SCALE_LETTERS
    char = symbol.char
    if kind == "mark":
        return Content.assemble(low, char, "  ", cap, char)
    if kind is not None:
        return None
    return Content.assemble((low, MUTED), char, (cap, MUTED), "  ", char, char)


def glyph_cell(symbol: Symbol, width: int = 2) -> Content:
    """Return the glyph in *width* cells, for a list row.

    Rows are narrow, so a space is only highlighted (no frame) and other invisible
    characters show as an empty ``⟨⟩`` (the name beside it says which one).
    """
    _text, kind = visible(symbol.char, symbol.formal_aliases)
    if kind == "space":
        content = Content.styled(symbol.char, SPACE)
    elif kind == "invisible":
        content = Content.styled("⟨⟩", MUTED)
    else:
        content, _note = glyph_content(symbol)
    return content.truncate(width, ellipsis=True, pad=True)
