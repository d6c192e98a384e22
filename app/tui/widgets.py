"""The TUI's widgets: the query box, the results list and the detail pane."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from app.display import CATEGORY_NAMES
from app.tui.glyph import glyph_cell, glyph_content

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import ComposeResult

    from symbols.search import Matched
    from symbols.table import Symbol

__all__ = [
    "DetailPane",
    "PickInput",
    "QueryInput",
    "RelatedList",
    "ResultsList",
    "StatusLine",
    "no_match_hint",
]

_MUTED = "$text-muted"
_HEADING = "bold $text-secondary"


class QueryInput(Input):
    """The query box. ``?`` on an empty query opens help instead of typing a ``?``.

    Attributes:
        edited: Called as soon as the text changes, before the box is repainted
            (the screen holds that frame until the new results are in), or None.

    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # Here rather than on the screen: a priority screen binding would run ahead of
        # keys still queued for this box (Down, Ctrl+F, Enter typed in one burst).
        Binding("enter", "screen.copy('glyph')", "Copy", id="copy"),
    ]
    """Enter copies the highlighted symbol's glyph (replaces Input's "submit")."""

    class HelpRequested(Message):
        """Posted when ``?`` is typed into an empty query."""

    def __init__(self, *, edited: Callable[[], None] | None = None, **kwargs: Any) -> None:
        """Build the box (keyword arguments as for `Input`).

        Args:
            edited: Called on every change of the text, before the box is repainted.
            **kwargs: Passed on to `Input`.

        """
        super().__init__(**kwargs)
        self.edited = edited

    def _on_input_changed(self, event: Input.Changed) -> None:
        # The box's own Changed, handled here before it bubbles to the screen: the
        # screen's handler runs only after this box has asked for its repaint.
        if self.edited is not None:
            self.edited()

    async def _on_key(self, event: events.Key) -> None:
        if event.character == "?" and not self.value:
            event.stop()
            event.prevent_default()
            self.post_message(self.HelpRequested())
            return
        await super()._on_key(event)


class PickInput(QueryInput):
    """The query box in ``--pick`` mode: Enter picks (prints and exits)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "screen.copy('glyph')", "Pick", id="copy"),
    ]
    """Enter prints the highlighted symbol in the chosen format and exits."""


class StatusLine(Widget):
    """One line under the query box: result count, scope, group, pick mode.

    Attributes:
        text: What it says. Changing it repaints the line only: a `Static` update
            would re-lay the whole screen on every keystroke.

    """

    text: reactive[str] = reactive("", layout=False)

    def render(self) -> str:
        """Return the text."""
        return self.text


class ResultsList(OptionList, can_focus=False):
    """The results. Never takes focus: the query box keeps it, and arrows move this list.

    A double click on a row posts `ResultsList.DoubleClicked` (the screen copies it).
    """

    class DoubleClicked(Message):
        """A row was double-clicked.

        Attributes:
            index: The row's index.

        """

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class NearEnd(Message):
        """The view scrolled near the last built row: time to build more."""

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Ask for more rows when the mouse wheel or scrollbar nears the end."""
        super().watch_scroll_y(old_value, new_value)
        if new_value > old_value and new_value >= self.max_scroll_y - self.size.height:
            self.post_message(self.NearEnd())

    async def _on_click(self, event: events.Click) -> None:
        await super()._on_click(event)
        index = event.style.meta.get("option")
        if event.chain >= 2 and isinstance(index, int):
            self.post_message(self.DoubleClicked(index))


class RelatedList(OptionList):
    """Related symbols (NamesList cross references) in the detail pane: Enter or a click jumps.

    Attributes:
        codepoints: The code point of each row.

    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Back to query", id="related_leave", show=False),
    ]
    """Escape goes back to the query box."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.codepoints: list[int] = []

    def show(self, related: list[Symbol]) -> None:
        """Replace the rows with *related* (nothing to do when they are the same)."""
        codepoints = [s.codepoint for s in related]
        if codepoints == self.codepoints and self.option_count == len(codepoints):
            return
        self.codepoints = codepoints
        self.set_options(
            Option(Content.assemble(glyph_cell(s), " ", (s.label, _MUTED), " ", s.name))
            for s in related
        )
        self.display = bool(related)
        if related:
            self.highlighted = 0

    def action_leave(self) -> None:
        """Give the focus back to the query box."""
        self.screen.query_one(QueryInput).focus()


def _section(title: str) -> Content:
    return Content.styled(f"\n{title}\n", _HEADING)


#: Most look-alikes the detail pane lists (a letter like "o" has dozens).
LOOKALIKES_SHOWN = 6
#: How the detail pane says what a concept-table phrase is to the symbol.
_WHY = {"concept": "means", "shape": "looks like"}


def detail_content(
    symbol: Symbol, first_method: str | None, favorite: bool, matched: Matched | None = None
) -> Content:
    """Return the text of the detail pane for *symbol*.

    Args:
        symbol: The symbol shown.
        first_method: The input method listed first (None: the OS's own).
        favorite: Whether it is a favorite (adds a ★).
        matched: What the query matched, if it came from a search: a meaning or a shape
            is said after the input methods ("means: if and only if").

    Returns:
        The content: names, code point, LaTeX with packages, HTML, Typst, aliases,
        every input method, why it matched and what it looks like.

    """
    from symbols.inputs import inputs

    category = CATEGORY_NAMES.get(symbol.category, symbol.category)
    parts: list[Content | str | tuple[str, str]] = [
        (symbol.name, "bold"),
        (" ★" if favorite else "", "$text-warning"),
        "\n",
        (f"{symbol.label} · {symbol.block}\n{symbol.category} {category} · {symbol.group}", _MUTED),
        "\n",
    ]
    if symbol.latex_commands:
        parts.append(_section("LaTeX"))
        from symbols.table import latex_width

        for cmd in symbol.latex_commands:
            pkg = f"  ({cmd.package})" if cmd.package else ""
            width = latex_width(cmd.command)
            if width:
                pkg += f"  {width}"
            parts += [cmd.command, (pkg, _MUTED), "\n"]
    if symbol.html:
        parts += [_section("HTML"), " ".join(f"&{h};" for h in symbol.html), "\n"]
    if symbol.typst:
        parts += [_section("Typst"), " ".join(f"sym.{t}" for t in symbol.typst), "\n"]
    aliases = [*symbol.aliases, *symbol.formal_aliases]
    if aliases:
        parts += [_section("Aliases"), "\n".join(aliases), "\n"]
    parts.append(_section("Type it"))
    for i, method in enumerate(inputs(symbol, first=first_method)):
        style = "bold" if i == 0 else ""
        keys = method.keys or "—"
        parts += [(method.label, _MUTED), "\n  ", (keys, style)]
        if method.alternatives:
            parts += [("  or ", _MUTED), ", ".join(method.alternatives)]
        if method.note and i == 0:
            parts += ["\n  ", (method.note, _MUTED)]
        parts.append("\n")
    if matched is not None and matched.field in _WHY:
        parts += ["\n", (f"{_WHY[matched.field]}: ", _MUTED), matched.text, "\n"]
    if symbol.lookalikes:
        parts.append(_section("Looks like"))
        from symbols.table import get

        for glyph in symbol.lookalikes[:LOOKALIKES_SHOWN]:
            other = get(glyph)
            name = other.name if other is not None else ""
            parts += [glyph, (f"  U+{ord(glyph):04X} ", _MUTED), name, "\n"]
        more = len(symbol.lookalikes) - LOOKALIKES_SHOWN
        if more > 0:
            parts.append((f"and {more} more\n", _MUTED))
    return Content.assemble(*parts)


#: What the detail pane says when nothing is highlighted and nothing was typed.
EMPTY_HINT = Content.styled("Nothing here yet: type a name, \\command or U+code.", _MUTED)


def no_match_hint(query: str, scope: str, group: str | None) -> Content:
    """Say that *query* matched nothing (in *group*), and how to widen the search.

    Args:
        query: What was typed (shown as typed, backslashes and all).
        scope: The scope searched.
        group: The group filter, or None.

    Returns:
        The detail pane's text.

    """
    where = f" in {group}" if group else ""
    parts: list[Content | str | tuple[str, str]] = [f"No symbol matches '{query}'{where}."]
    if group:
        parts.append(("\nF3 changes the group filter.", _MUTED))
    if scope != "all":
        parts.append(("\nF2 searches a wider scope.", _MUTED))
    return Content.assemble(*parts)


class DetailPane(VerticalScroll, can_focus=False):
    """Everything about the highlighted symbol: big glyph, names, LaTeX, chords, related."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._built = False

    def compose(self) -> ComposeResult:
        """Lay out the hint; the rest is mounted with the first symbol (see `_build`)."""
        yield Static(EMPTY_HINT, id="info")

    def _build(self) -> None:
        """Mount the glyph box, its note and the related list around the info text.

        Not composed up front: a first start shows only the hint, and four fewer
        widgets make the first frame noticeably quicker.
        """
        if self._built:
            return
        self._built = True
        info = self.query_one("#info", Static)
        self.mount(Static(id="glyph-box"), Static(id="glyph-note"), before=info)
        title = Static(
            Content.styled("Related (Tab, then Enter to jump)", _HEADING), id="related-title"
        )
        self.mount(title, RelatedList(id="related"), after=info)

    def show(
        self,
        symbol: Symbol | None,
        first_method: str | None,
        favorite: bool,
        hint: Content | None = None,
        matched: Matched | None = None,
    ) -> None:
        """Show *symbol*, or with None clear the pane and show *hint* (default `EMPTY_HINT`).

        *matched* is what the query matched, said when it is a meaning or a shape.
        """
        if symbol is None and not self._built:
            # The glyph box and related list are not mounted yet: only the text changes.
            self.query_one("#info", Static).update(hint or EMPTY_HINT)
            return
        self._build()
        box = self.query_one("#glyph-box", Static)
        note = self.query_one("#glyph-note", Static)
        info = self.query_one("#info", Static)
        related = self.query_one(RelatedList)
        title = self.query_one("#related-title", Static)
        box.display = symbol is not None
        if symbol is None:
            note.update("")
            info.update(hint or EMPTY_HINT)
            related.show([])
            title.display = False
            return
        glyph, why = glyph_content(symbol)
        box.update(glyph)
        note.update(Content.styled(why, _MUTED))
        note.display = bool(why)
        info.update(detail_content(symbol, first_method, favorite, matched))
        from symbols.table import get

        found = [get(cp) for cp in symbol.related]
        related_symbols = [s for s in found if s is not None]
        related.show(related_symbols)
        title.display = bool(related_symbols)
        self.scroll_home(animate=False)
