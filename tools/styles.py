"""LaTeX forms made from Unicode itself: styled letters, super/subscripts, fractions.

No upstream table lists ``\\mathbb{R}`` for every double-struck letter or ``^2``
for every superscript, so they are derived from the Unicode 18 names and
compatibility decompositions (origin ``style``):

* the Mathematical Alphanumeric Symbols block: the style is read from the name
  (``MATHEMATICAL BOLD ITALIC SMALL X``), the letter from the ``<font>``
  decomposition (one step: 𝛜 → ϵ);
* its holes (reserved code points whose NamesList cross-reference points at a
  Letterlike Symbol: U+1D455 → ℎ, U+1D53A → ℂ …) take the style of the alphabet
  they sit in;
* other Letterlike Symbols named DOUBLE-STRUCK/SCRIPT/BLACK-LETTER (ℽ, ⅅ) fill
  what the block does not have;
* ``^x``/``_x`` from ``<super>``/``<sub>`` decompositions of characters named
  SUPERSCRIPT, SUBSCRIPT or MODIFIER LETTER, and ``\\sfrac{1}{2}`` from
  ``<fraction>`` decompositions (VULGAR FRACTION ONE HALF).
"""

from __future__ import annotations

from typing import Any

import unicodedata2
from sources import LatexEntry

__all__ = ["STYLES", "script_entries", "sfrac_entries", "styled_entries"]

#: Unicode style words → LaTeX commands (primary first) and the package each needs.
#: ``\\math…`` first: ``\\mathbf``, ``\\mathit``, ``\\mathsf``, ``\\mathtt``,
#: ``\\mathcal`` work in every LaTeX; the ``\\sym…`` forms are unicode-math's.
STYLES: dict[str, tuple[tuple[str, str], ...]] = {
    "BOLD": (("mathbf", ""), ("symbf", "unicode-math")),
    "ITALIC": (("mathit", ""), ("symit", "unicode-math")),
    "BOLD ITALIC": (("mathbfit", "unicode-math"), ("symbfit", "unicode-math")),
    "SCRIPT": (
        ("mathcal", ""),
        ("mathscr", "mathrsfs"),
        ("symcal", "unicode-math"),
        ("symscr", "unicode-math"),
    ),
    "BOLD SCRIPT": (
        ("mathbfcal", "unicode-math"),
        ("mathbfscr", "unicode-math"),
        ("symbfcal", "unicode-math"),
        ("symbfscr", "unicode-math"),
    ),
    "FRAKTUR": (("mathfrak", "amssymb"), ("symfrak", "unicode-math")),
    "BOLD FRAKTUR": (("mathbffrak", "unicode-math"), ("symbffrak", "unicode-math")),
    "DOUBLE-STRUCK": (("mathbb", "amssymb"), ("symbb", "unicode-math")),
    "DOUBLE-STRUCK ITALIC": (("mathbbit", "unicode-math"), ("symbbit", "unicode-math")),
    "SANS-SERIF": (("mathsf", ""), ("symsf", "unicode-math")),
    "SANS-SERIF BOLD": (
        ("mathsfbf", "unicode-math"),
        ("mathbfsf", "unicode-math"),
        ("symbfsf", "unicode-math"),
    ),
    "SANS-SERIF ITALIC": (("mathsfit", "unicode-math"), ("symsfit", "unicode-math")),
    "SANS-SERIF BOLD ITALIC": (
        ("mathsfbfit", "unicode-math"),
        ("mathbfsfit", "unicode-math"),
        ("symbfsfit", "unicode-math"),
    ),
    "MONOSPACE": (("mathtt", ""), ("symtt", "unicode-math")),
}
# Longest first, so BOLD ITALIC wins over BOLD.
_STYLE_WORDS = sorted(STYLES, key=len, reverse=True)
# Letterlike Symbols spell FRAKTUR as BLACK-LETTER.
_LETTERLIKE_WORDS = {"BLACK-LETTER": "FRAKTUR"}

MATH_ALPHANUMERIC = range(0x1D400, 0x1D800)
LETTERLIKE = range(0x2100, 0x2150)


def _style_of(name: str) -> tuple[str, str] | None:
    """``(style, rest)`` for a name without its MATHEMATICAL prefix, or None."""
    for word in _LETTERLIKE_WORDS:
        if name.startswith(word + " "):
            name = _LETTERLIKE_WORDS[word] + name[len(word) :]
    for style in _STYLE_WORDS:
        if name.startswith(style + " "):
            return style, name[len(style) + 1 :]
    return None


def font_base(ch: str) -> str:
    """The character a ``<font>`` variant decomposes to in one step (𝛜 → ϵ, not ε), or ""."""
    parts = unicodedata2.decomposition(ch).split()
    if len(parts) == 2 and parts[0] == "<font>":
        return chr(int(parts[1], 16))
    return ""


def letter_argument(base: str, classic: dict[int, str]) -> str | None:
    """How a base character is written inside ``\\mathbf{…}``: ``R``, ``0``, ``\\alpha``.

    Greek letters and symbols use the classic LaTeX command of the base character
    (unimathsymbols: ϵ → ``\\epsilon``, ε → ``\\varepsilon``), else a name made
    from the Unicode name (GREEK CAPITAL LETTER ALPHA → ``\\Alpha``).
    """
    if base.isascii() and base.isalnum():
        return base
    cmd = classic.get(ord(base))
    if cmd:
        return cmd
    name: str = unicodedata2.name(base, "")
    for prefix, upper in (("GREEK CAPITAL LETTER ", True), ("GREEK SMALL LETTER ", False)):
        if name.startswith(prefix):
            word = name[len(prefix) :].lower()
            if word.isalpha():
                return "\\" + (word.capitalize() if upper else word)
    # ϴ GREEK CAPITAL THETA SYMBOL: unicode-math's "var" naming (\mbfvarTheta).
    if name.startswith("GREEK CAPITAL ") and name.endswith(" SYMBOL"):
        word = name[len("GREEK CAPITAL ") : -len(" SYMBOL")].lower()
        if word.isalpha():
            return "\\var" + word.capitalize()
    return None


def _entries(cp: int, style: str, arg: str) -> list[LatexEntry]:
    return [LatexEntry(cp, f"\\{cmd}{{{arg}}}", "style", pkg, "ord") for cmd, pkg in STYLES[style]]


def styled_entries(
    reserved: dict[int, list[int]], classic: dict[int, str], report: dict[str, Any]
) -> list[LatexEntry]:
    """``\\mathbb{R}``-style commands for the math alphabets and their Letterlike holes.

    Args:
        reserved: NamesList ``<reserved>`` code points → cross-referenced code points.
        classic: Code point → classic LaTeX command (for Greek arguments).
        report: Counts are added under ``styled``.
    """
    out: list[LatexEntry] = []
    seen: set[tuple[str, str]] = set()
    last_style = ""
    holes = 0
    for cp in MATH_ALPHANUMERIC:
        ch = chr(cp)
        name = unicodedata2.name(ch, "")
        if not name and cp in reserved and last_style:
            # A hole: the letter lives in Letterlike Symbols; same alphabet as its neighbour.
            target = reserved[cp][0]
            base = font_base(chr(target))
            arg = letter_argument(base, classic) if base else None
            if arg and (last_style, arg) not in seen:
                seen.add((last_style, arg))
                out += _entries(target, last_style, arg)
                holes += 1
            continue
        if not name.startswith("MATHEMATICAL "):
            continue
        parsed = _style_of(name[len("MATHEMATICAL ") :])
        if parsed is None:
            continue
        last_style = parsed[0]
        base = font_base(ch)
        arg = letter_argument(base, classic) if base else None
        if arg is None or (last_style, arg) in seen:
            continue
        seen.add((last_style, arg))
        out += _entries(cp, last_style, arg)
    letterlike = 0
    for cp in LETTERLIKE:
        ch = chr(cp)
        parsed = _style_of(unicodedata2.name(ch, ""))
        base = font_base(ch)
        # Letters only: ⅀ DOUBLE-STRUCK N-ARY SUMMATION is no styled letter.
        if parsed is None or not base or not unicodedata2.category(base).startswith("L"):
            continue
        arg = letter_argument(base, classic)
        if arg is None or (parsed[0], arg) in seen:
            continue
        seen.add((parsed[0], arg))
        out += _entries(cp, parsed[0], arg)
        letterlike += 1
    report["styled"] = {"letters": len(seen), "holes": holes, "letterlike_extra": letterlike}
    return out


def _script_argument(base: str, classic: dict[int, str]) -> str | None:
    if base == "\u2212":
        return "-"
    if base.isascii() and base.isprintable() and base != " ":
        return base
    if unicodedata2.name(base, "").startswith("GREEK"):
        return letter_argument(base, classic)
    return None


def script_entries(
    in_table: set[int], classic: dict[int, str], report: dict[str, Any]
) -> list[LatexEntry]:
    """``^2``, ``_1``, ``^n``, ``^\\beta`` for the table's super- and subscript characters."""
    out = []
    for cp in sorted(in_table):
        ch = chr(cp)
        name = unicodedata2.name(ch, "")
        if not any(w in name for w in ("SUPERSCRIPT", "SUBSCRIPT", "MODIFIER LETTER")):
            continue
        parts = unicodedata2.decomposition(ch).split()
        if len(parts) != 2 or parts[0] not in ("<super>", "<sub>"):
            continue
        arg = _script_argument(chr(int(parts[1], 16)), classic)
        if arg is None:
            continue
        mark = "^" if parts[0] == "<super>" else "_"
        out.append(LatexEntry(cp, mark + arg, "style", "", ""))
    report["scripts"] = len(out)
    return out


def sfrac_entries(in_table: set[int], report: dict[str, Any]) -> list[LatexEntry]:
    """``\\sfrac{1}{2}`` (package xfrac) for the vulgar fractions."""
    out = []
    for cp in sorted(in_table):
        parts = unicodedata2.decomposition(chr(cp)).split()
        if not parts or parts[0] != "<fraction>":
            continue
        text = "".join(chr(int(p, 16)) for p in parts[1:])
        num, _, den = text.partition("\u2044")
        if num.isdigit() and den.isdigit():
            out.append(LatexEntry(cp, f"\\sfrac{{{num}}}{{{den}}}", "style", "xfrac", "ord"))
    report["sfrac"] = len(out)
    return out
