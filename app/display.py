"""What a terminal shows: display width, visible stand-ins for invisible characters, colour.

A terminal gives East Asian wide characters two cells and combining marks none,
and shows nothing at all for a space, a joiner or a control character. The CLI
lines up columns with `text_width` and shows such characters through a stand-in
(`visible`) so that every row has something to look at:

* a combining mark on a dotted circle: ``◌́``;
* a space framed so its width shows: ``[ ]``;
* any other invisible character by its short name: ``⟨ZWJ⟩``, ``⟨NBSP⟩``, ``⟨LF⟩``.
"""

from __future__ import annotations

import os

# unicodedata2 (1.3 ms to load) is imported by the functions that measure or describe
# characters for a terminal; piped output (plain_safe) does without it.

# Not `from typing import …` at run time: typing is slow to import (bench/README.md).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import ClassVar, TextIO

__all__ = [
    "CATEGORY_NAMES",
    "DOTTED_CIRCLE",
    "LEGEND",
    "Style",
    "char_width",
    "message_safe",
    "pad",
    "plain_safe",
    "render_rows",
    "text_width",
    "visible",
]

#: General categories in words (the Unicode Standard's property value names, lower case).
CATEGORY_NAMES: dict[str, str] = {
    "Lu": "uppercase letter",
    "Ll": "lowercase letter",
    "Lt": "titlecase letter",
    "Lm": "modifier letter",
    "Lo": "other letter",
    "Mn": "nonspacing mark",
    "Mc": "spacing mark",
    "Me": "enclosing mark",
    "Nd": "decimal number",
    "Nl": "letter number",
    "No": "other number",
    "Pc": "connector punctuation",
    "Pd": "dash punctuation",
    "Ps": "open punctuation",
    "Pe": "close punctuation",
    "Pi": "initial punctuation",
    "Pf": "final punctuation",
    "Po": "other punctuation",
    "Sm": "math symbol",
    "Sc": "currency symbol",
    "Sk": "modifier symbol",
    "So": "other symbol",
    "Zs": "space separator",
    "Zl": "line separator",
    "Zp": "paragraph separator",
    "Cc": "control",
    "Cf": "format",
    "Cs": "surrogate",
    "Co": "private use",
    "Cn": "unassigned",
}

#: The base a lone combining mark is shown on (U+25CC, as in the Unicode charts).
DOTTED_CIRCLE = "\u25cc"

#: One line per kind of stand-in, for the legend under a table that used them.
LEGEND: dict[str, str] = {
    "mark": f"{DOTTED_CIRCLE} a combining mark, shown on a dotted circle",
    "space": "[ ] a space character, framed to show its width",
    "invisible": "⟨…⟩ an invisible or control character, by its short name or code point",
}

# Categories that draw nothing of their own: format characters (ZWJ, LRM, soft
# hyphen), controls, line/paragraph separators, surrogates, private use, unassigned.
_INVISIBLE = frozenset({"Cf", "Cc", "Zl", "Zp", "Cs", "Co", "Cn"})
_MARKS = frozenset({"Mn", "Me", "Mc"})
# Characters that break a tab-separated line (or cannot be encoded at all).
_BREAKS_TSV = frozenset({"Cc", "Zl", "Zp", "Cs"})

_VS16 = "\ufe0f"  # emoji presentation selector: makes the character before it wide
_ZWJ = "\u200d"  # zero width joiner: the next character joins the glyph before it


def char_width(ch: str) -> int:
    """Terminal cells one character takes: 0, 1 or 2 (like POSIX ``wcwidth``).

    Combining marks, format characters, controls and Hangul medial/final jamo take
    none; East Asian Wide and Fullwidth characters (CJK, most emoji) take two;
    everything else, East Asian Ambiguous included, takes one, as in most terminals.
    """
    import unicodedata2

    cp = ord(ch)
    category = unicodedata2.category(ch)
    if category in ("Mn", "Me", "Cf", "Cc", "Zl", "Zp") or 0x1160 <= cp <= 0x11FF:
        return 0
    if cp == 0x200B:  # ZERO WIDTH SPACE is Cf in older Unicode, Zs-like in some tables
        return 0
    return 2 if unicodedata2.east_asian_width(ch) in ("W", "F") else 1


def text_width(text: str) -> int:
    """Terminal cells *text* takes, for emoji sequences as today's terminals draw them.

    VS16 widens a narrow character before it to two cells; the character after a
    ZWJ (👩‍💻) and an emoji skin-tone modifier join the glyph before them and add
    nothing (as in wcwidth's ``wcswidth``).
    """
    total = 0
    last = 0
    joined = False
    for ch in text:
        if ch == _VS16 and last == 1:
            total += 1
            last = 2
            continue
        if joined or (0x1F3FB <= ord(ch) <= 0x1F3FF and last == 2):
            joined = False
            continue
        joined = ch == _ZWJ and last == 2  # emoji sequences only: a\u200db stays two
        w = char_width(ch)
        total += w
        if w:
            last = w
    return total


def pad(text: str, width: int) -> str:
    """*text* followed by spaces up to *width* terminal cells."""
    return text + " " * max(0, width - text_width(text))


def _short_label(codepoint: int, formal_aliases: Sequence[str]) -> str:
    """Name an invisible character briefly: its abbreviation (ZWJ), else its hex."""
    short = [a for a in formal_aliases if len(a) <= 6 and " " not in a]
    if short:
        return min(short, key=len)
    return f"{codepoint:04X}"


def visible(cluster: str, formal_aliases: Sequence[str] = ()) -> tuple[str, str | None]:
    """Return a form of *cluster* (one grapheme cluster) that shows on a terminal.

    Args:
        cluster: The text to show; its first character decides.
        formal_aliases: The first character's formal aliases (NBSP, ZWJ, LF…), for
            the label of an invisible character.

    Returns:
        ``(text, kind)``: the text to print and which stand-in it is (a key of
        `LEGEND`), or kind None when *cluster* is shown as it is.

    """
    if not cluster:
        return cluster, None
    first = cluster[0]
    import unicodedata2

    category = unicodedata2.category(first)
    if category in _MARKS:
        return DOTTED_CIRCLE + cluster, "mark"
    if category == "Zs" or first == "\u200b":
        if first == "\u200b":
            return f"⟨{_short_label(0x200B, formal_aliases)}⟩", "invisible"
        return f"[{cluster}]", "space"
    if category in _INVISIBLE or (category == "Cn" and not unicodedata2.name(first, "")):
        return f"⟨{_short_label(ord(first), formal_aliases)}⟩", "invisible"
    return cluster, None


def plain_safe(cluster: str, formal_aliases: Sequence[str] = ()) -> str:
    """*cluster* as it is, unless it would break a tab-separated line (tab, newline…).

    Piped output keeps every character raw for scripts, except controls, line and
    paragraph separators and lone surrogates, shown as ``⟨LF⟩``, ``⟨DC80⟩``.
    """
    if cluster and _breaks_tsv(ord(cluster[0])):
        return f"⟨{_short_label(ord(cluster[0]), formal_aliases)}⟩"
    return cluster


def message_safe(text: str) -> str:
    r"""*text* with every character that does not print escaped: ``\x1b``, ``\n``, ``\u202e``.

    For messages that quote what the user typed: an escape sequence in an argument
    (``mathsym $'--x\e]0;title\a'``) must not reach the terminal, where it would
    retitle the window or recolour the screen, and a newline must not break the line.
    The space stays; so does everything printable, whatever its script.
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else ascii(ch)[1:-1] for ch in text)


def _breaks_tsv(cp: int) -> bool:
    """Tell whether *cp* is in `_BREAKS_TSV`, by code point (no Unicode database needed).

    Unicode's stability policy keeps the sets of controls (Cc) and surrogates (Cs)
    fixed for ever, and the line and paragraph separators are one character each.
    """
    return cp < 0x20 or 0x7F <= cp <= 0x9F or cp in (0x2028, 0x2029) or 0xD800 <= cp <= 0xDFFF


class Style:
    """ANSI colour for a terminal, or none: on a TTY only, never with ``NO_COLOR`` set.

    Args:
        stream: The stream written to.
        enabled: Force colour on or off; by default on for a TTY when ``NO_COLOR``
            is unset or empty and ``TERM`` is not ``dumb``.

    """

    _CODES: ClassVar[dict[str, str]] = {
        "glyph": "1",
        "code": "2",
        "name": "",
        "latex": "36",
        "keys": "33",
        "label": "1;34",
        "dim": "2",
        "match": "4",
    }

    def __init__(self, stream: TextIO, enabled: bool | None = None) -> None:
        if enabled is None:
            enabled = (
                _isatty(stream)
                and not os.environ.get("NO_COLOR")
                and os.environ.get("TERM") != "dumb"
            )
        self.enabled: bool = enabled

    def __call__(self, role: str, text: str) -> str:
        """Colour *text* for *role* (``glyph``, ``code``, ``latex``, ``keys``, ``label``…)."""
        code = self._CODES.get(role, "")
        if not self.enabled or not code or not text:
            return text
        return f"\x1b[{code}m{text}\x1b[0m"


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


#: Character ranges ``[start, end)`` of a cell to highlight (what the query matched).
Spans = tuple[tuple[int, int], ...]


def render_rows(
    rows: Sequence[Sequence[str]],
    roles: Sequence[str],
    style: Style,
    highlights: Sequence[dict[int, Spans]] = (),
) -> list[str]:
    """Lines with every column padded to its widest cell, two spaces apart.

    Widths are measured with `text_width` on the plain text, so colour codes,
    wide and combining characters do not shift the columns.

    Args:
        rows: Plain cells, one sequence per line.
        roles: The `Style` role of each column.
        style: Colour, or none.
        highlights: Per row, column index → spans of that cell to underline.

    Returns:
        One string per row, without trailing spaces.

    """
    ncols = max((len(r) for r in rows), default=0)
    widths = [0] * ncols
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], text_width(cell))
    lines = []
    for n, row in enumerate(rows):
        marks = highlights[n] if n < len(highlights) else {}
        parts = []
        for i, cell in enumerate(row):
            role = roles[i] if i < len(roles) else ""
            last = i == len(row) - 1
            gap = "" if last else " " * (widths[i] - text_width(cell) + 2)
            parts.append(_styled(cell, role, marks.get(i, ()), style) + gap)
        lines.append("".join(parts).rstrip(" "))
    return lines


def _styled(cell: str, role: str, spans: Spans, style: Style) -> str:
    """Colour *cell* for *role*, with *spans* of it underlined as well."""
    if not spans or not style.enabled:
        return style(role, cell)
    out = []
    pos = 0
    for start, end in sorted(spans):
        start, end = max(start, pos), min(end, len(cell))
        if start >= end:
            continue
        out.append(style(role, cell[pos:start]))
        out.append(style("match", cell[start:end]))
        pos = end
    out.append(style(role, cell[pos:]))
    return "".join(out)
