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

if TYPE_CHECKING:
    from symbols.table import Symbol

__all__ = ["glyph_cell", "glyph_content"]

_MUTED = "$text-muted"
# Highlight a space with the accent colour so its width shows as a bar.
_SPACE_STYLE = "on $accent 40%"


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
        return Content.assemble((DOTTED_CIRCLE, _MUTED), text[len(DOTTED_CIRCLE) :]), note
    if kind == "space":
        # "[ ]": the frame muted, the space itself highlighted.
        return Content.assemble(
            (text[0], _MUTED), (text[1:-1], _SPACE_STYLE), (text[-1], _MUTED)
        ), note
    return Content.styled(text, _MUTED), note


def glyph_cell(symbol: Symbol, width: int = 2) -> Content:
    """Return the glyph in *width* cells, for a list row.

    Rows are narrow, so a space is only highlighted (no frame) and other invisible
    characters show as an empty ``⟨⟩`` (the name beside it says which one).
    """
    _text, kind = visible(symbol.char, symbol.formal_aliases)
    if kind == "space":
        content = Content.styled(symbol.char, _SPACE_STYLE)
    elif kind == "invisible":
        content = Content.styled("⟨⟩", _MUTED)
    else:
        content, _note = glyph_content(symbol)
    return content.truncate(width, ellipsis=True, pad=True)
