"""The help screen (F1 or ``?``): the keys, as remapped, and what a query can be."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from app.tui.styles import KEYS, MUTED

if TYPE_CHECKING:
    from collections.abc import Iterable

    from textual.app import ComposeResult

__all__ = ["QUERY_SYNTAX", "HelpScreen"]


#: What the query box accepts, shown under the keys.
QUERY_SYNTAX: tuple[tuple[str, str], ...] = (
    ("forall  plus minus", "words of a name or alias, any order, typos forgiven"),
    ("\\forall  \\mathbb R  ^2", "a LaTeX command, with or without the backslash"),
    ("&rarr;  rarr", "an HTML entity"),
    ("arrow.r.double", "a Typst name"),
    ("U+2200  2200  0x2200  &#8704;", "a code point in any usual spelling"),
    ("∀x∈ℝ", "pasted glyphs: each one identified"),
    ("(empty)", "favorites ★, then what you copied recently"),
)


class HelpScreen(ModalScreen[None]):
    """A modal list of keys and query syntax; any of Escape, F1, ? or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "dismiss", "Close", id="help_close"),
    ]
    """Keys that close the help screen."""

    def __init__(self, keys: Iterable[tuple[str, str, str]]) -> None:
        """Build the screen.

        Args:
            keys: (key as displayed, what it does, binding id or "") triples, in the
                order to list them.

        """
        super().__init__()
        self._keys = list(keys)

    def compose(self) -> ComposeResult:
        """Lay out the keys and the query syntax as two tables.

        Grids of cells, so a long description wraps inside its own column instead of
        back to the left edge; the binding ids get a column of their own (hidden on
        narrow terminals, where the description needs the room).
        """
        with VerticalScroll(id="help-body"):
            yield Static("Keys", classes="help-title", id="help-keys-title")
            with Grid(id="help-keys"):
                for key, what, binding_id in self._keys:
                    yield Static(Content.styled(key, KEYS), classes="help-key")
                    yield Static(what, classes="help-what")
                    yield Static(
                        Content.styled(f"[{binding_id}]" if binding_id else "", MUTED),
                        classes="help-id",
                    )
            yield Static("What to type", classes="help-title")
            with Grid(id="help-syntax"):
                for query, what in QUERY_SYNTAX:
                    yield Static(Content.styled(query, "bold"), classes="help-key")
                    yield Static(Content.styled(what, MUTED), classes="help-what")
            yield Static(
                Content.styled(
                    'Remap any key in config.toml ([keys] binding_id = "keys"); the ids '
                    "are in brackets above and in docs/tui.md. Esc closes.",
                    MUTED,
                ),
                id="help-footnote",
            )

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help screen."""
        self.dismiss(result)
