"""The TUI's widgets: the query box, the status line, the results and related lists.

The detail pane is `app.tui.detail`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from app.tui.glyph import glyph_cell
from app.tui.styles import MUTED

if TYPE_CHECKING:
    from symbols.table import Symbol

__all__ = ["PickInput", "QueryInput", "RelatedList", "ResultsList", "StatusLine"]


class QueryInput(Input):
    """The query box. ``?`` on an empty query opens help instead of typing a ``?``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Here rather than on the screen: a priority screen binding would run ahead of
        # keys still queued for this box (Down, Ctrl+F, Enter typed in one burst).
        Binding("enter", "screen.copy('glyph')", "Copy", id="copy"),
    ]
    """Enter copies the highlighted symbol's glyph (replaces Input's "submit")."""

    class HelpRequested(Message):
        """Posted when ``?`` is typed into an empty query."""

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
            Option(Content.assemble(glyph_cell(s), " ", (s.label, MUTED), " ", s.name))
            for s in related
        )
        self.display = bool(related)
        if related:
            self.highlighted = 0

    def action_leave(self) -> None:
        """Give the focus back to the query box."""
        self.screen.query_one(QueryInput).focus()
