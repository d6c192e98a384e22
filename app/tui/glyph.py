"""Showing a glyph on a terminal so that it can be seen: stand-ins for the invisible ones.

A space, a joiner or a combining mark printed as-is is a blank or a smudge on the
character before it. Spaces are shown highlighted, so their width is visible;
combining marks sit on a dotted circle ◌; zero-width and control characters get a
labelled stand-in (``⟨ZWJ⟩``, ``␉``). The copied text is always the real character.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.content import Content

if TYPE_CHECKING:
    from symbols.table import Symbol

__all__ = ["glyph_cell", "glyph_content"]

_DOTTED_CIRCLE = "◌"
_MUTED = "$text-muted"
# Highlight a space with the accent colour so its width shows as a bar.
_SPACE_STYLE = "on $accent 40%"


def _label(symbol: Symbol) -> str:
    """Return a short label for an invisible character: its abbreviation, else its initials."""
    for alias in symbol.formal_aliases:
        if alias.isupper() and len(alias) <= 6 and " " not in alias:
            return alias
    words = symbol.name.strip("<>").replace("-", " ").split()
    return "".join(w[0] for w in words if w[:1].isalnum()) or "?"


def _control_picture(cp: int) -> str | None:
    """Return the Control Pictures glyph for a C0 control or DEL (␉ for TAB), else None."""
    if cp < 0x20:
        return chr(0x2400 + cp)
    if cp == 0x7F:
        return "\u2421"
    return None


def glyph_content(symbol: Symbol) -> tuple[Content, str]:
    """Return a visible rendering of *symbol*'s glyph and a note saying how it is shown.

    Args:
        symbol: The symbol.

    Returns:
        The content (styled with theme variables) and a note ("" for a plain glyph).

    """
    char, cat = symbol.char, symbol.category
    if cat in ("Mn", "Me", "Mc"):
        glyph = Content.assemble((_DOTTED_CIRCLE, _MUTED), char)
        return glyph, "combining mark, shown on a dotted circle ◌"
    if cat == "Zs":
        return Content.styled(char, _SPACE_STYLE), "space: highlighted to show its width"
    picture = _control_picture(symbol.codepoint)
    if picture is not None:
        return Content.styled(picture, _MUTED), f"control character, shown as {picture}"
    if cat in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn") or cell_len(char) == 0:
        label = f"⟨{_label(symbol)}⟩"
        return Content.styled(label, _MUTED), f"invisible, shown as {label}"
    return Content(char), ""


def glyph_cell(symbol: Symbol, width: int = 2) -> Content:
    """Return the glyph padded to *width* cells (longer stand-ins are cut), for a list row."""
    content, _note = glyph_content(symbol)
    size = content.cell_length
    if size > width:
        return content.truncate(width, ellipsis=True)
    return content.pad_right(width - size)
