"""The library's records: `Symbol`, `LatexCommand`, `Match`, `Matched`, `InputMethod`.

Frozen dataclasses, as library users expect (``dataclasses.replace``, ``asdict``,
equality, hashing). They live in this one module, imported on first use, because
importing `dataclasses` (it pulls in `inspect`, `ast`, `dis`…) costs about as much
as starting Python: the one-shot CLI formats its output from the table's rows
(`symbols.table.fields_of`, `symbols.search.search_rows`) and never needs them.
Their documented homes re-export them: `symbols.table.Symbol`,
`symbols.table.LatexCommand`, `symbols.search.Match`, `symbols.search.Matched`,
`symbols.inputs.InputMethod`, and the `symbols` package.
"""

from __future__ import annotations

from dataclasses import dataclass

from symbols.table import LATEX_ORIGINS, origin_rank

__all__ = ["InputMethod", "LatexCommand", "Match", "Matched", "Symbol"]


@dataclass(frozen=True, slots=True)
class LatexCommand:
    r"""One LaTeX command for a symbol, with where it comes from.

    Attributes:
        command: The command as typed, e.g. ``\forall`` or ``\mathbb{R}`` or ``^2``.
        origins: The sources that give it, best first (see `LATEX_ORIGINS`).
        package: The LaTeX package it needs (``amssymb``, ``stmaryrd``…), or "" for none.
        math_class: ``rel``, ``bin``, ``op``, ``ord``, ``open``, ``close``, ``punct``,
            ``accent``, ``fence``… or "" where no source says.

    """

    command: str
    origins: tuple[str, ...]
    package: str = ""
    math_class: str = ""

    @property
    def rank(self) -> int:
        """Precedence of the best origin of this command (lower is better)."""
        return min((origin_rank(o) for o in self.origins), default=len(LATEX_ORIGINS))


@dataclass(frozen=True, slots=True)
class Symbol:
    """A Unicode character with every name people use for it.

    Attributes:
        char: The character itself.
        codepoint: Its code point as an int (``0x2200``).
        name: The Unicode 18 character name (``FOR ALL``); controls, which have no
            name, take their first formal alias (``CHARACTER TABULATION``); private
            use code points are called ``<private use-E000>``.
        category: General category (``Sm``).
        block: Unicode 18 block name (``Mathematical Operators``).
        group: Browsing group (``Relations``, ``Arrows``…), see `symbols.groups.GROUPS`.
        scope: The narrowest scope holding it: ``math``, ``extended`` or ``all``.
        latex: LaTeX commands, primary first.
        latex_commands: The same commands with origin, package and math class.
        html: HTML entity names without ``&`` and ``;`` (``forall``, ``ForAll``).
        typst: Typst ``sym`` names without the ``sym.`` prefix (``forall``).
        vim: Vim digraphs (``Ctrl-K`` then the two characters).
        compose: X11 Compose sequences, keys separated by spaces (``= /``).
        asciimath: AsciiMath input names (``AA``).
        rfc1345: RFC 1345 mnemonics.
        aliases: Informative aliases from NamesList (``universal quantifier``).
        formal_aliases: Formal aliases from NameAliases (``NBSP``).
        related: Code points of cross-referenced characters (NamesList ``x`` lines).

    """

    char: str
    codepoint: int
    name: str
    category: str
    block: str
    group: str
    scope: str
    latex_commands: tuple[LatexCommand, ...] = ()
    html: tuple[str, ...] = ()
    typst: tuple[str, ...] = ()
    vim: tuple[str, ...] = ()
    compose: tuple[str, ...] = ()
    asciimath: tuple[str, ...] = ()
    rfc1345: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    formal_aliases: tuple[str, ...] = ()
    related: tuple[int, ...] = ()

    @property
    def latex(self) -> tuple[str, ...]:
        """LaTeX commands, primary first."""
        return tuple(c.command for c in self.latex_commands)

    @property
    def hex(self) -> str:
        """The code point as upper-case hex, at least four digits (``2200``)."""
        return f"{self.codepoint:04X}"

    @property
    def label(self) -> str:
        """The code point in U+ notation (``U+2200``)."""
        return f"U+{self.codepoint:04X}"

    @property
    def inputs(self) -> list[InputMethod]:
        """How to type this symbol on each platform and in each language, see `symbols.inputs`."""
        from symbols.inputs import inputs

        return inputs(self.char)

    def __str__(self) -> str:
        return self.char


@dataclass(frozen=True, slots=True)
class Matched:
    r"""What part of a symbol a query matched, for highlighting.

    Attributes:
        field: ``latex``, ``html``, ``typst``, ``name``, ``alias``, ``formal``,
            ``asciimath``, ``codepoint`` or ``glyph``.
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
