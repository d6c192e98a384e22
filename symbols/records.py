"""The table's records: `Symbol` and `LatexCommand` (search's and inputs' are in `symbols.results`).

Frozen dataclasses, as library users expect (``dataclasses.replace``, ``asdict``,
equality, hashing). They live apart, imported on first use, because importing
`dataclasses` (it pulls in `inspect`, `ast`, `dis`…) costs about as much as
starting Python: the one-shot CLI formats its output from the table's plain rows
(`symbols.table.fields_of`, `symbols.search.search_rows`) and never needs them.
Their documented homes re-export them: `symbols.table.Symbol`,
`symbols.table.LatexCommand`, and the `symbols` package.
"""

from __future__ import annotations

from dataclasses import dataclass

from symbols.schema import LATEX_ORIGINS, origin_rank

# Not `from typing import …` at run time: typing is slow to import (bench/README.md).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from symbols.results import InputMethod

__all__ = ["LatexCommand", "Symbol"]


@dataclass(frozen=True, slots=True)
class LatexCommand:
    r"""One LaTeX command for a symbol, with where it comes from.

    Attributes:
        command: The command as typed, e.g. ``\forall`` or ``\mathbb{R}`` or ``^2``.
        origins: The sources that give it, best first (see `LATEX_ORIGINS`).
        package: The LaTeX package it needs (``amssymb``, ``stmaryrd``…), or "" for none.
        math_class: ``rel``, ``bin``, ``op``, ``ord``, ``open``, ``close``, ``punct``,
            ``accent``, ``fence``, ``inner``… or "" where no source says.

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
        concepts: What it means, from mathsym's concept table (tools/data/concepts.tsv):
            ``for all``, ``universal quantifier``…
        shapes: How people describe its look: ``upside-down a``, ``turned a``…
        lookalikes: Characters drawn so alike that one is taken for the other (UTS #39
            confusables and NamesList cross references): ``("μ",)`` for µ MICRO SIGN.

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
    concepts: tuple[str, ...] = ()
    shapes: tuple[str, ...] = ()
    lookalikes: tuple[str, ...] = ()

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
        """How to type this symbol on each platform and in each language, see `symbols.inputs`.

        ``inputs(symbol)``, from this record's own names.
        """
        from symbols.input_methods import input_methods

        return input_methods(self.char, self)

    def __str__(self) -> str:
        return self.char
