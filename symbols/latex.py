"""LaTeX: the spellings of a command, styled letters, and converting text both ways.

A command can be typed many ways: ``\\mathbb{R}``, ``\\mathbb R``, ``mathbb R``,
``forall`` without its backslash, ``^{2}``. `normalize_command` turns each into
the canonical keys stored in data/symbols.json (``\\mathbb{R}``, ``\\forall``, ``^2``).
"""

from __future__ import annotations

import re

__all__ = ["STYLE_COMMANDS", "normalize_command"]

#: Font commands that pick a styled letter, as stored in the table (``\\mathbb{R}``).
STYLE_COMMANDS: tuple[str, ...] = (
    "mathbb",
    "mathbbit",
    "mathcal",
    "mathscr",
    "mathfrak",
    "mathbf",
    "mathit",
    "mathsf",
    "mathtt",
    "mathbfit",
    "mathbfcal",
    "mathbfscr",
    "mathbffrak",
    "mathsfbf",
    "mathsfit",
    "mathsfbfit",
    "mathrm",
    "symbb",
    "symcal",
    "symscr",
    "symfrak",
    "symbf",
    "symit",
    "symsf",
    "symtt",
    "symbfit",
    "symrm",
)

# \font{X}, \font X, font X, \font{ X } — one letter or digit (or a Greek command).
_STYLED = re.compile(r"^\\?([A-Za-z]+)\s*(?:\{\s*(\\?[A-Za-z]+|[0-9])\s*\}|\s(\s*\\?[A-Za-z]+|\s*[0-9])|(\\[A-Za-z]+))$")
_SCRIPT = re.compile(r"^([\^_])\s*(?:\{\s*(.+?)\s*\}|(.))$")
_SFRAC = re.compile(r"^\\?sfrac\s*(?:\{\s*(\w+)\s*\}|(\w))\s*(?:\{\s*(\w+)\s*\}|(\w))$")


def normalize_command(text: str) -> list[str]:
    """Canonical table keys a typed LaTeX command may stand for, most likely first.

    Args:
        text: What the user typed: ``\\forall``, ``forall``, ``\\mathbb R``, ``^{2}``…

    Returns:
        Candidate keys, e.g. ``["\\\\mathbb{R}"]``; empty when *text* is blank.
    """
    s = text.strip()
    if not s:
        return []
    m = _SCRIPT.match(s)
    if m:
        arg = m.group(2) if m.group(2) is not None else m.group(3)
        return [f"{m.group(1)}{arg}"]
    m = _SFRAC.match(s)
    if m:
        num = m.group(1) or m.group(2)
        den = m.group(3) or m.group(4)
        return [f"\\sfrac{{{num}}}{{{den}}}"]
    m = _STYLED.match(s)
    if m and m.group(1) in STYLE_COMMANDS:
        arg = (m.group(2) or m.group(3) or m.group(4) or "").strip()
        return [f"\\{m.group(1)}{{{arg}}}"]
    keys = [s if s.startswith("\\") else "\\" + s]
    if not s.startswith("\\"):
        keys.append(s)
    return keys
