"""What "copy as …" and ``--pick WHAT`` give for a symbol: its glyph, LaTeX, code point….

The forms come from the engine (`symbols.inputs`), so the TUI, ``--pick`` and the
CLI agree on every spelling. Never imports textual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from symbols.table import Symbol

__all__ = ["BASIC_FORMATS", "all_formats", "check_format", "format_label", "value_of"]

#: Forms that are not input methods, with a label for menus and notifications.
BASIC_FORMATS: dict[str, str] = {
    "glyph": "glyph",
    "char": "glyph",  # the CLI's --format name for the same thing
    "codepoint": "code point",
    "name": "Unicode name",
    "chord": "key chord (the method shown first)",
}


def all_formats() -> tuple[str, ...]:
    """Return every accepted format: `BASIC_FORMATS` then each input method id."""
    from symbols.inputs import METHODS

    return (*BASIC_FORMATS, *METHODS)


def check_format(what: str) -> str:
    """Return *what* normalised (``LaTeX`` → ``latex``), or raise for an unknown format.

    Args:
        what: A format name from `all_formats`, any case.

    Raises:
        ValueError: with a one-line message listing the accepted names.

    """
    key = what.strip().lower()
    choices = all_formats()
    if key not in choices:
        raise ValueError(f"unknown format {what!r}: choose one of {', '.join(choices)}")
    return key


def format_label(what: str) -> str:
    """Return a human name for a format (``latex`` → ``LaTeX``)."""
    if what in BASIC_FORMATS:
        return BASIC_FORMATS[what]
    from symbols.inputs import LABELS

    return LABELS.get(what, what)


def value_of(symbol: Symbol, what: str, first: str | None = None) -> str:
    """Return the text to copy or print for *symbol* in format *what*.

    Args:
        symbol: The symbol.
        what: A format from `all_formats` (already checked).
        first: The input method shown first, for ``chord`` (default: the OS's own).

    Returns:
        The text, or "" when the symbol has no such form (a Compose sequence, a
        numpad code above U+FFFF…).

    """
    if what in ("glyph", "char"):
        return symbol.char
    if what == "codepoint":
        return symbol.label
    if what == "name":
        return symbol.name
    from symbols.inputs import inputs

    methods = inputs(symbol, first=first)
    if what == "chord":
        return methods[0].keys if methods else ""
    for m in methods:
        if m.id == what:
            return m.keys
    return ""
