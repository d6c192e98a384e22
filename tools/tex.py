"""The TeX names of MathJax and pylatexenc, as LaTeX entries, sequences and widths.

Three tables of ``../shared/data/sources`` (SOURCES.md there) add names the LaTeX tables
of `build_symbols` lack: MathJax's TeX input maps (``mathjax-tex.tsv``: AMS synonyms like
``\\doublecap``, delimiters ``\\lvert``, textcomp, spacing commands and their widths) and
pylatexenc's LaTeX-to-text and Unicode-to-LaTeX tables (text-mode commands:
``\\textquoteleft``, ``\\dag``; the text accents as combining marks). What each row
becomes:

* a command of one character: a `LatexEntry` of origin ``mathjax`` or ``pylatexenc``;
* a command of several (``\\colonapprox`` ``:≈``, ``\\bra`` ``⟨|``, ``\\cos`` ``cos``): a
  *sequence*, which `symbols.latex.convert` writes out (a single character any source
  gives the command wins over it: ``\\quad`` is U+2003, not pylatexenc's two spaces);
* a spacing command: the Unicode space its MathJax note names (``\\,`` 3/18 em: U+2009
  THIN SPACE, the conventional one, then U+2006 SIX-PER-EM SPACE, the exact one), and
  its *width*, which the detail view shows; a negative space or one no character has
  the width of (``\\!``, ``\\;``) has none from MathJax.

MathJax draws some commands as a plain character in another style (its ``mathvariant``):
bboldx's double-struck letters are the Unicode double-struck character where there is one
(``\\bbGamma`` ℾ, ``\\Bbbk`` 𝕜), none where there is not (bold double-struck); old-style
figures (``\\textoneoldstyle``) are none either (a font's figures, not characters); a bold
operator stays the operator (``\\vdot`` ⋅).

Left out, with the reason (counted in the generator's report): MathJax's second reading
of ``\\lt``/``\\gt`` as angle brackets (only after ``\\left``; the plain macro is ``<``),
its ``\\Coloneq`` at U+2A7A (the note calls it an upstream slip), and pylatexenc's
Unicode-to-LaTeX texts that are no command (``A`` for Greek Α, ``\\hspace{0.33em}``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import unicodedata2
from sources import LatexEntry, MathJaxRow

__all__ = ["MATHJAX_PACKAGES", "TexNames", "tex_names"]

#: MathJax's TeX packages → the LaTeX package a document loads for the command ("" for
#: the kernel). MathJax's ``ams`` holds both amsmath's macros and amssymb's symbols: its
#: map name says which.
MATHJAX_PACKAGES: dict[str, str] = {
    "base": "",
    "textmacros": "",
    "textcomp": "textcomp",
    "mathtools": "mathtools",
    "physics": "physics",
    "braket": "braket",
    "upgreek": "upgreek",
    "gensymb": "gensymb",
    "bboldx": "bboldx",
    "empheq": "empheq",
    "centernot": "centernot",
    "extpfeil": "extpfeil",
}

# MathJax's TeX classes → the math classes of the table (`symbols.records.LatexCommand`).
_CLASSES = {
    "ORD": "ord",
    "OP": "op",
    "BIN": "bin",
    "REL": "rel",
    "OPEN": "open",
    "CLOSE": "close",
    "PUNCT": "punct",
    "INNER": "inner",
}
_ACCENT_KINDS = frozenset({"accent", "text-accent", "accent-combining"})

_HEX = re.compile(r"U\+([0-9A-F]{4,6})")
# A pylatexenc Unicode-to-LaTeX text that is a command: \name, \name{arg}, \'e, \^{y}.
_U2L_COMMAND = re.compile(r"^\\(?:[A-Za-z]+|[^A-Za-z\s])(?:\{\\?[A-Za-z0-9]*\}|[A-Za-z])?$")


class TexNames:
    """What the three tables give: entries, sequences, widths, and commands of no text.

    Attributes:
        entries: One-character commands, as `LatexEntry` (origins ``mathjax``,
            ``pylatexenc``), in file order.
        sequences: Command → the characters of a several-character command, as the first
            table giving it writes them (MathJax before pylatexenc).
        widths: Spacing command → its width (``3/18 em``), from MathJax.
        no_text: Command → why it gives no character (``negative space``).
        ligatures: TeX's input ligatures of one character (``--`` → –, ``~`` → no-break
            space), from pylatexenc.

    """

    def __init__(self) -> None:
        self.entries: list[LatexEntry] = []
        self.sequences: dict[str, tuple[int, ...]] = {}
        self.widths: dict[str, str] = {}
        self.no_text: dict[str, str] = {}
        self.ligatures: dict[str, int] = {}


def _width(raw: str) -> str:
    """MathJax's width column (``3/18 (0.1667)``, ``-3/18 (-0.1667)``, ``1``) as shown."""
    value = raw.split(" ", 1)[0]
    return ("−" + value[1:] if value.startswith("-") else value) + " em"


def _spaces(row: MathJaxRow) -> tuple[list[int], tuple[int, ...]]:
    """The Unicode spaces a MathJax spacing command stands for: (characters, a sequence).

    The note says it: ``exactly U+2006 …; conventionally U+2009`` (the conventional one
    first), ``1 em: U+2003 EM SPACE (also U+2001 EM QUAD)``, ``two U+2003 EM SPACE``;
    ``negative space`` and ``no Unicode space of this width`` name none.
    """
    note = row.note
    if note.startswith("negative space") or "no Unicode space of this width" in note:
        return [], ()
    twice = re.search(r"two U\+([0-9A-F]{4,6})", note)
    if twice:
        cp = int(twice.group(1), 16)
        return [], (cp, cp)
    found = [int(h, 16) for h in _HEX.findall(note)]
    conventional = re.search(r"conventionally U\+([0-9A-F]{4,6})", note)
    if conventional:
        found.insert(0, int(conventional.group(1), 16))
    return list(dict.fromkeys(found)), ()


@cache
def _double_struck() -> dict[int, int]:
    """Character → its double-struck form (``<font>`` decomposition, DOUBLE-STRUCK name)."""
    out: dict[int, int] = {}
    for lo, hi in ((0x2100, 0x2150), (0x1D538, 0x1D5A0), (0x1D7D8, 0x1D7E2)):
        for cp in range(lo, hi):
            name = unicodedata2.name(chr(cp), "")
            decomposition = unicodedata2.decomposition(chr(cp)).split()
            if "DOUBLE-STRUCK" in name and "ITALIC" not in name and decomposition[:1] == ["<font>"]:
                out.setdefault(int(decomposition[1], 16), cp)
    return out


def _styled(row: MathJaxRow) -> tuple[int, ...] | None:
    """The characters a row stands for, its ``mathvariant`` applied; None for none.

    bboldx's double-struck (``-bboldx``, ``double-struck``): the Unicode double-struck
    character, None where Unicode has none; bold double-struck (``-bboldx-bold``): None.
    Other styles (bold, old-style figures, normal, italic) keep the character.
    """
    variant = next(
        (a.split("=", 1)[1] for a in row.attributes.split() if a.startswith("mathvariant=")), ""
    )
    if variant in ("-bboldx-bold", "-tex-oldstyle"):
        return None  # old-style figures are a font's, not characters of their own
    if variant in ("-bboldx", "double-struck"):
        styled = [_double_struck().get(cp) for cp in row.codepoints]
        return None if None in styled else tuple(cp for cp in styled if cp is not None)
    return row.codepoints


def _mathjax_package(row: MathJaxRow) -> str:
    if row.package == "ams":
        return "amsmath" if row.map.startswith("AMSmath") else "amssymb"
    return MATHJAX_PACKAGES.get(row.package, row.package)


def tex_names(
    mathjax: list[MathJaxRow],
    latex2text: list[tuple[str, tuple[int, ...], str, str, str]],
    uni2latex: list[tuple[int, str, str]],
    report: dict[str, Any],
) -> TexNames:
    """Turn the rows of the three tables into `TexNames` (see the module docstring)."""
    out = TexNames()
    skipped: dict[str, list[str]] = {
        "mathjax": [],
        "mathjax-style": [],
        "pylatexenc-latex2text": [],
        "pylatexenc-uni2latex": [],
    }
    sequences: dict[str, tuple[int, ...]] = {}
    for row in mathjax:
        mclass = "accent" if row.kind in _ACCENT_KINDS else _CLASSES.get(row.texclass, "")
        package = _mathjax_package(row)
        if row.kind == "delimiter" and "another map takes precedence" in row.note:
            skipped["mathjax"].append(f"{row.command} U+{row.codepoints[0]:04X} (after \\left)")
            continue
        if "upstream slip" in row.note:
            skipped["mathjax"].append(f"{row.command} U+{row.codepoints[0]:04X} (a slip)")
            continue
        if row.kind == "negated-arrow-overlay":
            # \\nuparrow is ↑ with a stroke, which Unicode does not have: no character.
            out.no_text.setdefault(row.command, "no character: " + row.note.split(";")[-1].strip())
            continue
        styled = _styled(row)
        if styled is None:
            out.no_text.setdefault(
                row.command, "no character: drawn in a style Unicode has no characters of"
            )
            skipped["mathjax-style"].append(row.command)
            continue
        cps: list[int] = list(styled)
        if row.kind == "spacer":
            out.widths.setdefault(row.command, _width(row.width))
            cps, twice = _spaces(row)
            if twice:
                sequences.setdefault(row.command, twice)
            elif not cps:
                out.no_text.setdefault(row.command, row.note.split(";")[0])
        if len(cps) > 1 and row.kind != "spacer":
            sequences.setdefault(row.command, tuple(cps))
            continue
        for cp in cps:
            out.entries.append(LatexEntry(cp, row.command, "mathjax", package, mclass))
    for command, cps_, kind, _category, note in latex2text:
        if not command.startswith("\\"):
            # TeX's input ligatures ("--", "``", "~"): no command, ASCII art that search
            # reads beside Vim's digraphs and Compose. pylatexenc's "&" (a column
            # separator as three spaces) is an approximation, not text.
            if len(cps_) == 1:
                out.ligatures[command] = cps_[0]
            else:
                skipped["pylatexenc-latex2text"].append(command)
            continue
        if len(cps_) == 1:
            mclass = "accent" if kind in _ACCENT_KINDS else ""
            out.entries.append(LatexEntry(cps_[0], command, "pylatexenc", "", mclass))
        elif cps_:
            sequences.setdefault(command, cps_)
        else:
            out.no_text.setdefault(command, note or "no text")
    for cp, text, _mode in uni2latex:
        m = re.fullmatch(r"\\ensuremath\{(.*)\}", text)
        command = m.group(1) if m else text
        if _U2L_COMMAND.match(command):
            out.entries.append(LatexEntry(cp, command, "pylatexenc"))
        else:
            skipped["pylatexenc-uni2latex"].append(f"U+{cp:04X} {text}")
    # A command some source gives one character is that character, not a sequence.
    single = {e.command for e in out.entries}
    out.sequences = {c: v for c, v in sequences.items() if c not in single}
    out.no_text = {c: v for c, v in out.no_text.items() if c not in single}
    report["tex"] = {
        "entries": {
            origin: sum(1 for e in out.entries if e.origin == origin)
            for origin in ("mathjax", "pylatexenc")
        },
        "sequences": len(out.sequences),
        "widths": len(out.widths),
        "no_text": sorted(out.no_text),
        "skipped": {k: len(v) for k, v in skipped.items()},
        "skipped_mathjax": skipped["mathjax"],
    }
    return out
