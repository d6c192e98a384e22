"""What the table's data means: scopes, LaTeX origins, the format version and the columns.

The bottom of the library: every other module (and the generator, tools/build_symbols.py)
takes these from here, and this module imports nothing. How the columns are laid out in
data/symbols.json, and read back, is `symbols.datafile`.
"""

from __future__ import annotations

__all__ = [
    "CODEPOINT_COLUMNS",
    "COLUMNS",
    "FORMAT",
    "LATEX_ORIGINS",
    "MAX_CODEPOINT",
    "NAME_COLUMNS",
    "SCALAR_COLUMNS",
    "SCOPES",
    "LatexEntry",
    "origin_rank",
]

#: The scopes, narrowest first. Each scope contains the ones before it. ``math`` and
#: ``extended`` rows are in data/symbols.json (column ``scope``: 0 or 1); ``all`` adds
#: every individually named Unicode character, built at run time.
SCOPES: tuple[str, ...] = ("math", "extended", "all")

#: Largest valid code point.
MAX_CODEPOINT = 0x10FFFF

#: Rank of each LaTeX origin when sources disagree: lower wins. unicode-math first
#: (it is what XeLaTeX/LuaLaTeX users type), then the styled-letter and script
#: forms every LaTeX knows, the classic LaTeX/AMS command (unimathsymbols), the
#: W3C unicode.xml table, MathJax's TeX input (a TeX of its own, each command run),
#: pylatexenc's LaTeX/text tables (a converter's), and Julia's completions last. The
#: generator applies it (docs/latex-conflicts.md), with one rule before it: a character
#: that Unicode maps to another one canonically (EM QUAD to EM SPACE, OHM SIGN to Ω)
#: comes after that one.
LATEX_ORIGINS: tuple[str, ...] = (
    "unicode-math",
    "style",
    "latex",
    "unicode.xml",
    "mathjax",
    "pylatexenc",
    "julia",
)


def origin_rank(origin: str) -> int:
    """Precedence of a LaTeX origin (lower is better; unknown origins last)."""
    try:
        return LATEX_ORIGINS.index(origin)
    except ValueError:
        return len(LATEX_ORIGINS)


#: Version of the data/symbols.json layout (`symbols.datafile` writes and reads it).
#: 3: the ``concept``, ``shape`` and ``lookalike`` columns, ``concept_order`` and the
#: ``prefer`` notes (issue 11). 4: index parts equal to the math scope's are stored once
#: (``shared``: `symbols.datafile.share_parts`).
FORMAT = 4

#: Columns holding one plain value per row: code point, Unicode name, general
#: category, index into the file's ``groups``, index into `SCOPES`.
SCALAR_COLUMNS: tuple[str, ...] = ("cp", "name", "gc", "group", "scope")

#: Columns holding a list of names per row: HTML entities, Typst names, Vim digraphs,
#: Compose sequences, AsciiMath names, RFC 1345 mnemonics, informative and formal aliases,
#: and the phrases of mathsym's concept table (tools/data/concepts.tsv): what the symbol
#: means (``concept``: "if and only if") and what it looks like (``shape``: "upside-down a").
NAME_COLUMNS: tuple[str, ...] = (
    "html",
    "typst",
    "vim",
    "compose",
    "asciimath",
    "rfc1345",
    "alias",
    "formal",
    "concept",
    "shape",
)

#: Columns holding code points per row: ``xref`` (NamesList cross references) and
#: ``lookalike`` (characters drawn alike: UTS #39 confusables and NamesList).
CODEPOINT_COLUMNS: tuple[str, ...] = ("xref", "lookalike")

#: Every column of the table, one entry per row each: the scalar ones, ``latex`` (the
#: LaTeX commands, see `LatexEntry`), the name lists, and the code point lists.
COLUMNS: tuple[str, ...] = (*SCALAR_COLUMNS, "latex", *NAME_COLUMNS, *CODEPOINT_COLUMNS)

#: One LaTeX command as plain data: (command, origins best first, package, math class),
#: the fields of `symbols.records.LatexCommand` in order.
LatexEntry = tuple[str, tuple[str, ...], str, str]
