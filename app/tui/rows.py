"""One line per symbol in the results list, with the part the query matched highlighted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from app.tui.glyph import glyph_cell
from app.tui.styles import ACCENT, FAVORITE, HEADING, HIGHLIGHT, MUTED

if TYPE_CHECKING:
    from symbols.search import Matched
    from symbols.table import Symbol

__all__ = [
    "COMPACT_LATEX_WIDTH",
    "FULL_ROW_MIN_WIDTH",
    "HIGHLIGHT",
    "KEYS_MIN_WIDTH",
    "KEYS_WIDTH",
    "LATEX_WIDTH",
    "MIN_NAME_WIDTH",
    "WHY_MATCHED",
    "header_row",
    "result_row",
]

#: Cells given to the LaTeX column; longer commands are cut with an ellipsis.
LATEX_WIDTH = 14
#: The LaTeX column in compact rows.
COMPACT_LATEX_WIDTH = 11
#: Cells of a full row before the name: ★, glyph (2 cells), space, code point
#: (``U+1D400`` padded to 8), space, LaTeX column, space.
_FIXED_WIDTH = 1 + 2 + 1 + 8 + 1 + LATEX_WIDTH + 1
#: The fewest cells left for the name (and the list's 1-cell scrollbar) before a
#: row goes compact: 41 in all, so the list beside the detail pane at 72 columns
#: (42 wide) keeps the code point and a 40-column terminal gets long names.
MIN_NAME_WIDTH = 13
#: Narrower than this, rows are compact (no code point): the name truncates first,
#: the code point goes only when even a short name would not fit beside it.
FULL_ROW_MIN_WIDTH = _FIXED_WIDTH + MIN_NAME_WIDTH
#: From this many columns of list (a terminal of 164 and up, beside the detail pane),
#: rows show the keys of the method shown first as a column of their own.
KEYS_MIN_WIDTH = 120
#: Cells given to the keys column: ``Ctrl+Shift+U 1d400 Space`` (the longest chord of
#: the hex methods) and a space; longer keys (a Python name) are cut with an ellipsis.
KEYS_WIDTH = 25
_STAR = "★"
#: How a row (and the detail pane) says what a concept-table phrase is to the symbol.
WHY_MATCHED = {"concept": "means", "shape": "looks like"}


def _highlighted(text: str, spans: tuple[tuple[int, int], ...], style: str = "") -> Content:
    content = Content.styled(text, style) if style else Content(text)
    for start, end in spans:
        start, end = max(0, start), min(len(text), end)
        if start < end:
            content = content.stylize(HIGHLIGHT, start, end)
    return content


def result_row(
    symbol: Symbol,
    matched: Matched | None = None,
    favorite: bool = False,
    compact: bool = False,
    keys: str | None = None,
) -> Content:
    """Return the row for *symbol*: ★, glyph, code point, primary LaTeX, name, and the match.

    Args:
        symbol: The symbol.
        matched: What the query matched (its spans are highlighted), or None.
        favorite: Whether to show the ★.
        compact: Leave out the code point and narrow the LaTeX column (small terminals).
        keys: The keys to type it, shown as a column after the LaTeX one ("" shows a
            "—": the method cannot type it); None for no such column.

    Returns:
        One line of content; the list cuts it at its width.

    """
    latex = symbol.latex[0] if symbol.latex else ""
    name_spans: tuple[tuple[int, int], ...] = ()
    latex_spans: tuple[tuple[int, int], ...] = ()
    extra: Content | None = None
    if matched is not None and matched.spans:
        if matched.text == symbol.name:
            name_spans = matched.spans
        elif matched.text == latex:
            latex_spans = matched.spans
        elif matched.text not in (symbol.char, symbol.label):
            # An alias, an entity, a Typst name, another LaTeX command: show what matched;
            # a phrase of the concept table says what it is ("means if and only if").
            extra = _highlighted(matched.text, matched.spans, MUTED)
            if matched.field in WHY_MATCHED:
                extra = Content.assemble((f"{WHY_MATCHED[matched.field]} ", MUTED), extra)
    width = COMPACT_LATEX_WIDTH if compact else LATEX_WIDTH
    latex_cell = _highlighted(latex, latex_spans)
    if latex_cell.cell_length > width:
        latex_cell = latex_cell.truncate(width, ellipsis=True)
    parts: list[Content | str | tuple[str, str]] = [
        (_STAR, FAVORITE) if favorite else " ",
        glyph_cell(symbol),
        " ",
    ]
    if not compact:
        parts += [(f"{symbol.label:<8}", MUTED), " "]
    parts += [latex_cell.pad_right(width - latex_cell.cell_length), " "]
    if keys is not None:
        keys_cell = Content.styled(keys or "—", ACCENT)
        if keys_cell.cell_length > KEYS_WIDTH - 1:
            keys_cell = keys_cell.truncate(KEYS_WIDTH - 1, ellipsis=True)
        parts += [keys_cell.pad_right(KEYS_WIDTH - keys_cell.cell_length)]
    parts.append(_highlighted(symbol.name, name_spans))
    if extra is not None:
        parts += [(" · ", MUTED), extra]
    return Content.assemble(*parts)


def header_row(title: str) -> Content:
    """Return a section heading row (``Favorites``, ``Recent``) for the empty query."""
    return Content.styled(title, HEADING)
