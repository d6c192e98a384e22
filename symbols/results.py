"""What search and inputs return: `Match`, `Matched` and `InputMethod`.

Frozen dataclasses, like `symbols.records` (see there why they live apart and are
imported on first use); apart from the table's records too, so that
``symbols.get`` does not pay for defining these. Re-exported by their documented
homes: `symbols.search.Match`, `symbols.search.Matched`, `symbols.inputs.InputMethod`,
and the `symbols` package.
"""

from __future__ import annotations

from dataclasses import dataclass

# Not `from typing import …` at run time: typing is slow to import (bench/README.md).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from symbols.records import Symbol

__all__ = ["InputMethod", "Match", "Matched"]


@dataclass(frozen=True, slots=True)
class Matched:
    r"""What part of a symbol a query matched, for highlighting.

    Attributes:
        field: ``latex``, ``html``, ``typst``, ``name``, ``alias``, ``formal``,
            ``asciimath``, ``vim`` (a digraph), ``compose`` (a Compose sequence typed
            without spaces), ``codepoint`` or ``glyph``.
        text: The matched form as shown: ``\forall``, ``&rarr;``, ``FOR ALL``, ``U+2200``.
        spans: ``[start, end)`` ranges inside `text` that the query matched.
        kind: The tier: ``exact``, ``prefix``, ``word-prefix``, ``substring``,
            ``fuzzy``, ``codepoint`` or ``glyph``.

    """

    field: str
    text: str
    spans: tuple[tuple[int, int], ...]
    kind: str


@dataclass(frozen=True, slots=True)
class Match:
    """One search result.

    Attributes:
        symbol: The symbol found.
        score: Its score; higher is better, comparable within one search only.
        matched: What matched, see `Matched`.

    """

    symbol: Symbol
    score: float
    matched: Matched


@dataclass(frozen=True, slots=True)
class InputMethod:
    """One way to type a character.

    Attributes:
        id: The method id, one of `METHODS` (``macos``, ``html``…).
        label: A short human name for the method (``macOS (Unicode Hex Input)``).
        keys: What to type, written with the platform's own key names
            (``⌥2200``, ``Ctrl+Shift+U 2200 Space``, ``&forall;``); "" when this
            method cannot type the character, and then `note` says why.
        note: Setup or caveats worth knowing, or "".
        alternatives: Other forms that give the same character (``&#x2200;``
            beside ``&forall;``, a Vim digraph beside ``Ctrl-V u2200``).

    """

    id: str
    label: str
    keys: str
    note: str = ""
    alternatives: tuple[str, ...] = ()
