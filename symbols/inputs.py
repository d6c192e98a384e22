"""How to type a character with no tool at all: key chords per platform and escapes per language.

`inputs` turns one character into an ordered list of `InputMethod` records, one per
way of typing it (macOS Unicode Hex Input, Linux Ctrl+Shift+U, Windows Alt+X, Vim,
Emacs, the Compose key, and the escapes of LaTeX, Typst, HTML, CSS, Python, JSON and
JavaScript, plus the raw UTF-8 bytes and UTF-16 units). Everything is computed from
the code point and the few table fields that name it (digraphs, Compose sequences,
LaTeX commands, entity and Typst names), so a call is cheap: the CLI makes one per
result line.

This module reads a character's names from the table; the builders themselves are
`symbols.input_methods` (below the records, so that `Symbol.inputs` can use them), and
their constants and helpers are re-exported here.

docs/typing.md explains each method, its setup and its limits, with sources.
"""

from __future__ import annotations

from symbols._modules import keep, make_module_callable
from symbols.input_methods import (
    ENV_VAR,
    LABELS,
    METHODS,
    check_method,
    input_methods,
    preferred_method,
    way,
    ways,
)

# Not `from typing import …` at run time: typing is slow to import (bench/README.md).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from symbols.records import Symbol
    from symbols.results import InputMethod

__all__ = [
    "ENV_VAR",
    "LABELS",
    "METHODS",
    "InputMethod",
    "check_method",
    "inputs",
    "inputs_dict",
    "keys_for",
    "preferred_method",
]


def _resolve(char: str | Symbol, function: str) -> tuple[str, Any]:
    """Return the character and its names: a `Symbol`'s own, or the table's fields for a str."""
    if isinstance(char, str):
        if len(char) != 1:
            raise ValueError(
                f"inputs need exactly one character (one code point), got {len(char)}: {char!r}"
            )
        from symbols.table import fields_of

        # `get(char)` as plain fields: no Symbol record is built.
        return char, fields_of(ord(char))
    from symbols.records import Symbol

    if isinstance(char, Symbol):
        return char.char, char
    from symbols._arguments import wrong_type

    raise wrong_type(function, "char", char, "a one-character str or a Symbol")


def inputs(char: str | Symbol, first: str | None = None) -> list[InputMethod]:
    """List every way to type *char*: the preferred method first, then `METHODS` order.

    ``compose`` is left out when the character has no Compose sequence; every other
    method is always there, with ``keys == ""`` and a `InputMethod.note` where it
    cannot type this character (``windows-numpad`` above U+FFFF, surrogates).

    Args:
        char: One character (a one-code-point ``str``) or a `symbols.Symbol`.
        first: The method to list first; by default `preferred_method()`.

    Returns:
        The methods, as fresh `InputMethod` records.

    Raises:
        TypeError: when *char* is neither a str nor a Symbol, or *first* not a str.
        ValueError: for a string that is not exactly one code point, or an unknown
            *first*.

    Example:
        >>> [m.keys for m in inputs("𝐀", first="macos")][:2]
        ['⌥D835 ⌥DC00', 'Ctrl+Shift+U 1d400 Space']

    """
    if first is not None and not isinstance(first, str):
        from symbols._arguments import wrong_type

        raise wrong_type("symbols.inputs", "first", first, "a str or None")
    lead = preferred_method() if first is None else check_method(first)
    return input_methods(*_resolve(char, "symbols.inputs"), lead)


def keys_for(char: str | Symbol, method: str) -> str:
    """Return what to type for *char* with one method ("" when it cannot type it).

    Args:
        char: One character or a `symbols.Symbol`.
        method: A method id from `METHODS`.

    Raises:
        TypeError: when *char* is neither a str nor a Symbol, or *method* not a str.
        ValueError: for an unknown method or a string that is not one code point.

    """
    if not isinstance(method, str):
        from symbols._arguments import wrong_type

        raise wrong_type("symbols.inputs.keys_for", "method", method, "a str")
    found = way(*_resolve(char, "symbols.inputs.keys_for"), method)
    return "" if found is None else found[1]


def inputs_dict(char: str | Symbol) -> dict[str, str]:
    """Return ``{method id: keys}`` in `METHODS` order, as the CLI's ``--json`` has it.

    Holds the same methods as `inputs` (``compose`` only where a sequence exists).
    """
    # The first method listed first: `METHODS` order throughout.
    return {w[0]: w[1] for w in ways(*_resolve(char, "symbols.inputs.inputs_dict"), METHODS[0])}


# Hidden from type checkers, which see the names themselves (the TYPE_CHECKING imports
# above): a __getattr__ would make any misspelt name type-check, as Any.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        # InputMethod lives in symbols.results, imported on first use: see there.
        if name != "InputMethod":
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        from symbols import results

        return keep(__name__, name, results.InputMethod)


# ``symbols.inputs`` names both this module and the function `inputs`: see symbols._modules.
make_module_callable(__name__, inputs)
