"""The help screen (F1 or ``?``): the keys, as remapped, and what a query can be."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

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

    def __init__(self, keys: Iterable[tuple[str, str]]) -> None:
        """Build the screen.

        Args:
            keys: (key as displayed, what it does) pairs, in the order to list them.

        """
        super().__init__()
        self._keys = list(keys)

    def compose(self) -> ComposeResult:
        """Lay out the keys table and the query syntax."""
        width = max((len(k) for k, _ in self._keys), default=0) + 2
        parts: list[Content | str | tuple[str, str]] = [("Keys\n", "bold $text-secondary")]
        for key, what in self._keys:
            parts += [(f"{key:<{width}}", "bold $text-accent"), what, "\n"]
        parts.append(("\nWhat to type\n", "bold $text-secondary"))
        qwidth = max(len(q) for q, _ in QUERY_SYNTAX) + 2
        for query, what in QUERY_SYNTAX:
            parts += [(f"{query:<{qwidth}}", "bold"), (what, "$text-muted"), "\n"]
        parts.append(
            (
                '\nRemap any key in config.toml ([keys] binding_id = "keys"); '
                "the ids are in the README. Esc closes.",
                "$text-muted",
            )
        )
        with VerticalScroll(id="help-body"):
            yield Static(Content.assemble(*parts), id="help-text")

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help screen."""
        self.dismiss(result)
