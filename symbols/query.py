r"""What a search query is: the ways one string can name a symbol.

A single search box takes a code point (``U+2200``, ``0x2200``, ``&#8704;``…), a
pasted glyph or string of glyphs, a LaTeX command (``\forall``, ``\mathbb R``,
``^2``), an HTML entity (``&rarr;``), a Typst name (``arrow.r.double``), an
AsciiMath name (``->``) or words from a Unicode name or alias (``plus minus``).
`parse` lists every reading at once; `symbols.search` looks each one up and ranks
the hits. `normalize_command` gives the canonical table keys a typed LaTeX command
may stand for (``\mathbb R`` → ``\mathbb{R}``); `symbols.table.from_latex` uses it too.
`graphemes` splits text into user-perceived characters (the CLI's ``identify`` and the
LaTeX converter use it too).
"""

from __future__ import annotations

import bisect
import re

from symbols.schema import MAX_CODEPOINT

# unicodedata2 (1.3 ms to load) is imported where a function needs it: a query typed
# in ASCII (forall, \le) never does.

__all__ = [
    "ASCII_SPACE",
    "MAX_GLYPHS",
    "MAX_QUERY_CHARS",
    "PLAIN_COMMANDS",
    "STYLE_COMMANDS",
    "Query",
    "concept_key",
    "fold",
    "graphemes",
    "is_art",
    "is_blank",
    "normalize_command",
    "parse",
    "plain_text",
    "strip_variation_selectors",
    "tokens",
    "written_codepoint",
]

#: Longest query read as text (names, LaTeX…); longer input is cut here. Nobody
#: types a 200-character name, and it keeps a pasted novel from costing anything.
MAX_QUERY_CHARS = 200

#: Most glyphs identified from one pasted string.
MAX_GLYPHS = 200

#: The only white space a query is trimmed of, or counts as blank for: a pasted
#: no-break space or em space is something to identify, not nothing.
ASCII_SPACE = " \t\n\r\f\v"

# --------------------------------------------------------------------------- graphemes

_ZWJ = 0x200D
_CR, _LF = 0x0D, 0x0A
_VIRAMAS = frozenset({0x094D, 0x09CD, 0x0ACD, 0x0B4D, 0x0C4D, 0x0D4D})


def _is_variation_selector(cp: int) -> bool:
    return 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF or 0x180B <= cp <= 0x180D


def _is_extend(cp: int, category: str) -> bool:
    """Grapheme_Cluster_Break Extend/SpacingMark/ZWJ, close enough without the UCD file.

    Marks (Mn, Me, Mc), variation selectors, ZWNJ/ZWJ, emoji skin-tone modifiers,
    tag characters (flag subdivisions) and half-width sound marks all attach to the
    character before them.
    """
    return (
        category in ("Mn", "Me", "Mc")
        or _is_variation_selector(cp)
        or cp in (0x200C, _ZWJ, 0xFF9E, 0xFF9F)
        or 0x1F3FB <= cp <= 0x1F3FF
        or 0xE0020 <= cp <= 0xE007F
    )


def _is_control(cp: int, category: str) -> bool:
    """Grapheme_Cluster_Break Control: breaks on both sides (GB4, GB5)."""
    return category in ("Cc", "Zl", "Zp", "Cs") or (
        category == "Cf" and cp not in (0x200C, _ZWJ) and not 0xE0020 <= cp <= 0xE007F
    )


# Extended_Pictographic (emoji-data.txt), as ranges: what GB11 joins across a ZWJ.
_PICTOGRAPHIC = (
    (0x00A9, 0x00A9), (0x00AE, 0x00AE), (0x203C, 0x203C), (0x2049, 0x2049),
    (0x2122, 0x2122), (0x2139, 0x2139), (0x2194, 0x2199), (0x21A9, 0x21AA),
    (0x231A, 0x231B), (0x2328, 0x2328), (0x2388, 0x2388), (0x23CF, 0x23CF),
    (0x23E9, 0x23F3), (0x23F8, 0x23FA), (0x24C2, 0x24C2), (0x25AA, 0x25AB),
    (0x25B6, 0x25B6), (0x25C0, 0x25C0), (0x25FB, 0x25FE), (0x2600, 0x2605),
    (0x2607, 0x2612), (0x2614, 0x2685), (0x2690, 0x2705), (0x2708, 0x2712),
    (0x2714, 0x2714), (0x2716, 0x2716), (0x271D, 0x271D), (0x2721, 0x2721),
    (0x2728, 0x2728), (0x2733, 0x2734), (0x2744, 0x2744), (0x2747, 0x2747),
    (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757),
    (0x2763, 0x2767), (0x2795, 0x2797), (0x27A1, 0x27A1), (0x27B0, 0x27B0),
    (0x27BF, 0x27BF), (0x2934, 0x2935), (0x2B05, 0x2B07), (0x2B1B, 0x2B1C),
    (0x2B50, 0x2B50), (0x2B55, 0x2B55), (0x3030, 0x3030), (0x303D, 0x303D),
    (0x3297, 0x3297), (0x3299, 0x3299), (0x1F000, 0x1F0FF), (0x1F10D, 0x1F10F),
    (0x1F12F, 0x1F12F), (0x1F16C, 0x1F171), (0x1F17E, 0x1F17F), (0x1F18E, 0x1F18E),
    (0x1F191, 0x1F19A), (0x1F1AD, 0x1F1E5), (0x1F201, 0x1F20F), (0x1F21A, 0x1F21A),
    (0x1F22F, 0x1F22F), (0x1F232, 0x1F23A), (0x1F23C, 0x1F23F), (0x1F249, 0x1F3FA),
    (0x1F400, 0x1F53D), (0x1F546, 0x1F64F), (0x1F680, 0x1F6FF), (0x1F774, 0x1F77F),
    (0x1F7D5, 0x1F7FF), (0x1F80C, 0x1F80F), (0x1F848, 0x1F84F), (0x1F85A, 0x1F85F),
    (0x1F888, 0x1F88F), (0x1F8AE, 0x1F8FF), (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945),
    (0x1F947, 0x1FAFF), (0x1FC00, 0x1FFFD),
)  # fmt: skip
_PICTOGRAPHIC_STARTS = [lo for lo, _hi in _PICTOGRAPHIC]


def _is_pictographic(cp: int) -> bool:
    """Extended_Pictographic: emoji and the symbols that may become emoji."""
    if cp < 0xA9:
        return False
    i = bisect.bisect_right(_PICTOGRAPHIC_STARTS, cp) - 1
    return i >= 0 and cp <= _PICTOGRAPHIC[i][1]


def _is_regional_indicator(cp: int) -> bool:
    return 0x1F1E6 <= cp <= 0x1F1FF


def _hangul_kind(cp: int) -> str:
    """Hangul syllable type: L, V, T, LV, LVT or "" (GB6-GB8)."""
    if 0x1100 <= cp <= 0x115F or 0xA960 <= cp <= 0xA97C:
        return "L"
    if 0x1160 <= cp <= 0x11A7 or 0xD7B0 <= cp <= 0xD7C6:
        return "V"
    if 0x11A8 <= cp <= 0x11FF or 0xD7CB <= cp <= 0xD7FB:
        return "T"
    if 0xAC00 <= cp <= 0xD7A3:
        return "LV" if (cp - 0xAC00) % 28 == 0 else "LVT"
    return ""


_HANGUL_JOINS = {
    "L": ("L", "V", "LV", "LVT"),
    "LV": ("V", "T"),
    "V": ("V", "T"),
    "LVT": ("T",),
    "T": ("T",),
}


def graphemes(text: str) -> list[str]:
    """Split *text* into grapheme clusters (what a reader sees as one character).

    Follows the rules of UAX #29 that matter for symbols, without an extra
    dependency: CR LF stays together; combining marks, variation selectors, ZWNJ/ZWJ,
    emoji modifiers and tag characters join the character before them; a ZWJ joins
    the next pictograph only after a pictograph (GB11: ``👩‍💻`` is one, ``a‍b`` two,
    the joiner staying with ``a``); regional indicators pair into flags; Hangul jamo
    form syllables; a virama joins the next letter of an Indic conjunct.

    Args:
        text: Any string (lone surrogates and control characters included).

    Raises:
        TypeError: When *text* is not a str.

    Returns:
        The clusters in order; ``"".join(graphemes(t)) == t`` always holds.

    """
    if not isinstance(text, str):
        from symbols._arguments import wrong_type

        raise wrong_type("symbols.query.graphemes", "text", text, "a str")
    clusters: list[str] = []
    current: list[str] = []
    prev_cp = -1
    prev_control = True
    regional_run = 0  # regional indicators in the current cluster
    pict_tail = False  # the cluster ends in a pictograph and marks (GB11's left side)
    pict_zwj = False  # ... followed by a ZWJ: a pictograph next joins
    import unicodedata2

    category = unicodedata2.category
    for ch in text:
        cp = ord(ch)
        cat = category(ch)
        control = _is_control(cp, cat)
        join = False
        if current:
            if prev_cp == _CR and cp == _LF:
                join = True
            elif control or prev_control:
                join = False
            elif _is_extend(cp, cat):
                join = True
            elif prev_cp == _ZWJ:
                join = pict_zwj and _is_pictographic(cp)
            elif _is_regional_indicator(cp) and _is_regional_indicator(prev_cp):
                join = regional_run % 2 == 1
            elif prev_cp in _VIRAMAS and cat == "Lo":
                join = True
            else:
                prev_kind = _hangul_kind(prev_cp)
                join = bool(prev_kind) and _hangul_kind(cp) in _HANGUL_JOINS[prev_kind]
        if not join and current:
            clusters.append("".join(current))
            current = []
            regional_run = 0
        current.append(ch)
        if _is_regional_indicator(cp):
            regional_run += 1
        if cp == _ZWJ:
            pict_zwj, pict_tail = pict_tail, False
        elif _is_pictographic(cp):
            pict_tail, pict_zwj = True, False
        elif _is_extend(cp, cat):
            pict_zwj = False
        else:
            pict_tail = pict_zwj = False
        prev_cp = cp
        prev_control = control
    if current:
        clusters.append("".join(current))
    return clusters


def strip_variation_selectors(text: str) -> str:
    """*text* without variation selectors (VS1-VS256, Mongolian FVS)."""
    return "".join(ch for ch in text if not _is_variation_selector(ord(ch)))


# --------------------------------------------------------------------------- words

_NON_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Text as names are compared: upper case, every run of punctuation/space one space.

    Accents are dropped too, so ``"milreis"`` finds the alias "milréis".
    ``"plus-minus"`` and ``"Plus Minus"`` both fold to ``"PLUS MINUS"``.
    """
    if not text.isascii():
        import unicodedata2

        text = "".join(
            ch
            for ch in unicodedata2.normalize("NFKD", text)
            if not unicodedata2.category(ch).startswith("M")
        )
    return _NON_WORD.sub(" ", text.upper()).strip()


# Plain-text art for a symbol: "(c)", ":=", "<->", "-->", "+/-", "7/8" (printable ASCII, no
# space, some punctuation, no two letters in a row: "on/off" and "play/pause" are words).
_ART = re.compile(r"(?![^\n]*[A-Za-z]{2})(?=[^\n]*[^0-9A-Za-z])[!-~]{2,8}")


def concept_key(phrase: str) -> str:
    """Return how a concept phrase, or a query, is looked up among the table's phrases.

    Folded (`fold`), except plain-text art, which is kept as typed (lower case): folded,
    "(c)" would be the letter C, and ":=" nothing at all.
    """
    return phrase.strip().lower() if is_art(phrase) else fold(phrase)


def is_art(text: str) -> bool:
    """Tell whether *text* is plain-text art (see `concept_key`), not words."""
    return _ART.fullmatch(text.strip()) is not None


def tokens(text: str) -> list[str]:
    """Split *text* into words after `fold` (``"less-than or equal"`` → LESS, THAN, OR, EQUAL)."""
    folded = fold(text)
    return folded.split() if folded else []


# --------------------------------------------------------------------------- code points


def _capitals(parts: list[str]) -> frozenset[str]:
    """Return the letters a query asks for in upper case (see `Query.capitals`).

    A single letter typed in upper case ("bold R"), and a Greek letter's name written as
    TeX writes the capital ("hollow Gamma", "bold Omega"), but not as a query's first
    word, which is often capitalised as a sentence is ("Delta function" is δ).
    """
    from symbols.wording import GREEK_NAMES

    words = [w for w in parts if w]
    out = {w for w in words if len(w) == 1 and w.isupper()}
    out.update(
        w.upper()
        for w in words[1:]
        if w[0].isupper() and w[1:].islower() and w.upper() in GREEK_NAMES
    )
    return frozenset(out)


_HEX = r"[0-9A-Fa-f]"
_HEX_DIGITS = "0123456789abcdefABCDEF"
# Each spelling people paste, how to read its number, and how it must begin. The
# patterns are compiled (by `re.match`, which keeps them) only when a query begins
# that way: compiling them all costs a one-shot look-up about 0.6 ms. Bare hex is
# handled apart.
_CODEPOINT_FORMS: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    (rf"^[Uu]\+0*({_HEX}{{1,6}})$", 16, ("U+", "u+")),  # U+2200, u+2200, U+0001D400
    # U2200 (Compose files, some docs); u2200 too, when a digit shows it is no word.
    (rf"^(?:U|u(?=[A-Fa-f]*[0-9]))({_HEX}{{4,6}})$", 16, ("U", "u")),
    (rf"^0[xX]0*({_HEX}{{1,6}})$", 16, ("0x", "0X")),  # 0x2200, 0x0001D400
    (rf"^\\u({_HEX}{{4}})$", 16, ("\\u",)),  # \u2200 (Python, JSON, Java)
    (rf"^\\U({_HEX}{{8}})$", 16, ("\\U",)),  # \U0001D400 (Python)
    # \u{2200} (JS, Rust), \x{2200} (Perl)
    (rf"^\\[ux]\{{({_HEX}{{1,6}})\}}$", 16, ("\\u{", "\\x{")),
    (rf"^\\x({_HEX}{{2}})$", 16, ("\\x",)),  # \xA0
    (rf"^&#[xX]0*({_HEX}{{1,6}});?$", 16, ("&#x", "&#X")),  # &#x2200;
    (r"^&#0*([0-9]{1,7});?$", 10, ("&#",)),  # &#8704; (the only decimal form)
    # \2200 (CSS); needs a digit, not \face
    (rf"^\\({_HEX}*[0-9]{_HEX}*)$", 16, tuple("\\" + c for c in _HEX_DIGITS)),
)
_BARE_HEX = rf"^(?=.{{2}})0*{_HEX}{{1,6}}$"  # 2+ characters: "a" is a letter


_NAMED = r"^\\N\{([^{}]{1,100})\}$"  # \N{FOR ALL} (Python, Perl)


def written_codepoint(text: str) -> int | None:
    r"""Read the number an explicit code point spelling writes, even one past U+10FFFF.

    Front ends use it to say *why* a spelled code point is no character
    (``&#x110000;``, ``\u{D800}``) instead of merely finding nothing.

    Args:
        text: One query, surrounding ASCII white space allowed.

    Returns:
        The number for ``U+…``, ``0x…``, ``\u…``, ``\U…``, ``\u{…}``, ``\x{…}``,
        ``&#x…;`` and ``&#…;`` spellings, else None (bare hex is not explicit).

    """
    s = text.strip(ASCII_SPACE)
    for pattern, base, starts in _CODEPOINT_FORMS:
        m = re.match(pattern, s) if s.startswith(starts) else None
        if m:
            return int(m.group(1), base)
    return None


def is_blank(text: str) -> bool:
    """Tell whether a query is empty or ASCII white space only.

    A pasted no-break space or em space is a character to identify, so
    `str.strip`'s Unicode-wide notion of white space is not used.
    """
    return not text.strip(ASCII_SPACE)


def _explicit_codepoint(text: str) -> int | None:
    value = written_codepoint(text)
    if value is not None:
        return value if value <= MAX_CODEPOINT else None
    m = re.match(_NAMED, text) if text.startswith("\\N{") else None
    if m:
        import unicodedata2

        try:  # names, aliases and named sequences of one character
            found = unicodedata2.lookup(m.group(1).strip())
        except KeyError:
            return None
        return ord(found) if len(found) == 1 else None
    return None


# --------------------------------------------------------------------------- LaTeX commands

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
    "mathbfsf",
    "mathbfsfit",
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
    "symbfsf",
    "symbfsfit",
    "symsfit",
    "symbfcal",
    "symbfscr",
    "symbffrak",
    "symbbit",
    "symrm",
)

# \font{X}, \font X, font X, \font{ X } — one letter or digit (or a Greek command).
# These three are compiled (by `re.match`, which keeps them) only for a command that
# could match: a one-shot `mathsym \le` then compiles none (about 0.3 ms).
_STYLED = (
    r"^\\?([A-Za-z]+)\s*"
    r"(?:\{\s*(\\?[A-Za-z]+|[0-9])\s*\}|\s(\s*\\?[A-Za-z]+|\s*[0-9])|(\\[A-Za-z]+))$"
)
_SCRIPT = r"^([\^_])\s*(?:\{\s*(.+?)\s*\}|(\\[A-Za-z]+|.))$"
_SFRAC = r"^\\?sfrac\s*(?:\{\s*(\w+)\s*\}|(\w))\s*(?:\{\s*(\w+)\s*\}|(\w))$"


#: Commands that set their argument as it is, upright or as text: ``\\mathrm{A}`` and
#: ``\\text{A}`` are the plain letter A (`plain_text`).
PLAIN_COMMANDS: tuple[str, ...] = (
    "mathrm",
    "mathup",
    "symup",
    "symrm",
    "mathnormal",
    "text",
    "textrm",
    "textup",
    "textnormal",
    "mbox",
    "operatorname",
)

_PLAIN = r"^\\?([A-Za-z]+)\s*\{([^{}\\]+)\}$"


def plain_text(text: str) -> str | None:
    r"""Return the text an upright or text-mode command sets, when plain (no command in it).

    ``\mathrm{A}`` → ``A``, ``\text{if}`` → ``if``, ``\mathrm A`` → ``A``; None for
    anything else (``\mathrm{\Delta}`` is a table command, ``\mathbb{R}`` a styled one).
    """
    s = text.strip()
    if not s.startswith(("\\", *PLAIN_COMMANDS)):
        return None
    m = re.match(_PLAIN, s)
    if m is None:
        m = re.match(r"^\\?([A-Za-z]+)\s+([A-Za-z0-9])$", s)
    if m is None or m.group(1) not in PLAIN_COMMANDS:
        return None
    return m.group(2)


def normalize_command(text: str) -> list[str]:
    r"""Canonical table keys a typed LaTeX command may stand for, most likely first.

    Args:
        text: What the user typed: ``\forall``, ``forall``, ``\mathbb R``, ``^{2}``…

    Returns:
        Candidate keys, e.g. ``["\\mathbb{R}"]``; empty when *text* is blank.

    Raises:
        TypeError: When *text* is not a str.

    """
    if not isinstance(text, str):
        from symbols._arguments import wrong_type

        raise wrong_type("symbols.query.normalize_command", "text", text, "a str")
    s = text.strip()
    if not s:
        return []
    if s == "\\" and text.startswith("\\ "):
        return ["\\ "]  # a control space (MathJax: U+00A0)
    m = re.match(_SCRIPT, s) if s.startswith(("^", "_")) else None
    if m:
        arg = m.group(2) if m.group(2) is not None else m.group(3)
        return [f"{m.group(1)}{arg}"]
    m = re.match(_SFRAC, s) if s.startswith(("sfrac", "\\sfrac")) else None
    if m:
        num = m.group(1) or m.group(2)
        den = m.group(3) or m.group(4)
        return [f"\\sfrac{{{num}}}{{{den}}}"]
    # Letters alone (after a backslash or not) are a plain command, never styled.
    letters = s[1:] if s.startswith("\\") else s
    m = None if letters.isascii() and letters.isalpha() else re.match(_STYLED, s)
    if m and m.group(1) in STYLE_COMMANDS:
        arg = (m.group(2) or m.group(3) or m.group(4) or "").strip()
        return [f"\\{m.group(1)}{{{arg}}}"]
    keys = [s if s.startswith("\\") else "\\" + s]
    if not s.startswith("\\"):
        keys.append(s)
    return keys


# --------------------------------------------------------------------------- the query


class Query:
    r"""Every reading of one search string (an empty tuple means "not this kind").

    Attributes:
        text: The query with surrounding whitespace removed (cut at `MAX_QUERY_CHARS`).
        codepoint: A code point written in an explicit spelling (``U+2200``,
            ``0x2200``, ``\u2200``, ``&#8704;``…), or None.
        hex_codepoint: A bare hex number (``2200``, ``face``), or None.
        hex_is_word: True when the bare hex number is made of letters only
            (``face``, ``add``): it may as well be a word.
        glyphs: Code points of pasted characters, in order (NFC-normalized,
            variation selectors dropped); empty for plain ASCII words.
        latex: Canonical LaTeX keys to look up exactly (``\mathbb{R}``, ``\forall``).
        latex_prefix: A LaTeX key to complete (``\rightarr``), or "".
        html: HTML entity names (``rarr``; case matters).
        typst: Typst names without ``sym.`` (``arrow.r.double``).
        asciimath: The text as an AsciiMath name (``->``, ``AA``), or "".
        words: Folded words for names and aliases (``PLUS``, ``MINUS``).
        capitals: The letters typed in upper case (``bold R`` → ``R``, ``hollow Gamma`` →
            ``GAMMA``; see `_capitals`): a
            hint that the capital is meant.

    """

    # A plain class, not a dataclass: importing dataclasses would cost a one-shot
    # look-up as much as starting Python (see symbols.records).
    __slots__ = (
        "asciimath",
        "capitals",
        "codepoint",
        "glyphs",
        "hex_codepoint",
        "hex_is_word",
        "html",
        "latex",
        "latex_prefix",
        "text",
        "typst",
        "words",
    )

    def __init__(
        self,
        text: str,
        *,
        codepoint: int | None = None,
        hex_codepoint: int | None = None,
        hex_is_word: bool = False,
        glyphs: tuple[int, ...] = (),
        latex: tuple[str, ...] = (),
        latex_prefix: str = "",
        html: tuple[str, ...] = (),
        typst: tuple[str, ...] = (),
        asciimath: str = "",
        words: tuple[str, ...] = (),
        capitals: frozenset[str] = frozenset(),
    ) -> None:
        self.text = text
        self.codepoint = codepoint
        self.hex_codepoint = hex_codepoint
        self.hex_is_word = hex_is_word
        self.glyphs = glyphs
        self.latex = latex
        self.latex_prefix = latex_prefix
        self.html = html
        self.typst = typst
        self.asciimath = asciimath
        self.words = words
        self.capitals = capitals

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={getattr(self, k)!r}" for k in self.__slots__)
        return f"Query({shown})"

    @property
    def empty(self) -> bool:
        """True when nothing is left to look up (blank input)."""
        return not self.text

    def with_words(self, words: tuple[str, ...]) -> Query:
        """Return the same readings with other name words (``tickmark`` read as two)."""
        other = Query(self.text)
        for k in self.__slots__:
            setattr(other, k, getattr(self, k))
        other.words = words
        return other


def _glyph_codepoints(text: str) -> tuple[int, ...]:
    """Code points a pasted string stands for, in order, without repeats.

    Each grapheme cluster is read as typed and, when NFC changes it, as NFC too:
    a decomposed ``A`` + ring gives ``Å`` (NFC) first, while a pasted OHM SIGN
    stays itself before its NFC twin, the Greek capital omega.
    """
    import unicodedata2

    out: list[int] = []
    seen: set[int] = set()
    clusters = graphemes(text)[:MAX_GLYPHS]
    for cluster in clusters:
        if len(clusters) > 1 and cluster in ASCII_SPACE:
            continue  # the spaces of a pasted formula ("∀x ∈ ℝ") are not looked for
        raw = strip_variation_selectors(cluster) or cluster
        nfc = unicodedata2.normalize("NFC", raw)
        order = (nfc, raw) if len(raw) > 1 else (raw, nfc)
        for form in order:
            for ch in form:
                cp = ord(ch)
                # A joiner inside an emoji sequence is glue, not something looked for.
                if cp not in seen and not (cp == _ZWJ and len(form) > 1):
                    seen.add(cp)
                    out.append(cp)
    return tuple(out)


_LATIN_RUN = re.compile(r"[A-Za-z]{2}")


def _accented_words(text: str) -> bool:
    """Tell whether non-ASCII *text* is typed words with accents rather than symbols."""
    import unicodedata2

    return bool(_LATIN_RUN.search(text)) and all(
        ch.isascii() or unicodedata2.category(ch)[0] in "LM" for ch in text
    )


def _is_symbolic_ascii(text: str) -> bool:
    """Tell whether *text* is ASCII punctuation like ``<=`` or ``+-`` (read as glyphs, too)."""
    return text.isascii() and not any(ch.isalnum() or ch.isspace() for ch in text)


def parse(query: str) -> Query:
    r"""Read a query every way it can be meant.

    Args:
        query: What the user typed; any string at all.

    Returns:
        The `Query`; ``Query("")`` (`Query.empty`) for blank input (empty or
        ASCII white space only; a pasted no-break space is a glyph to identify).

    Raises:
        TypeError: When *query* is not a str.

    Examples:
        >>> parse("U+2200").codepoint == 0x2200
        True
        >>> parse("face").hex_codepoint == 0xFACE, parse("face").words
        (True, ('FACE',))
        >>> parse(r"\mathbb R").latex
        ('\\mathbb{R}',)

    """
    if not isinstance(query, str):
        from symbols._arguments import wrong_type

        raise wrong_type("symbols.query.parse", "query", query, "a str")
    glyph_source = query.strip(ASCII_SPACE)
    if not glyph_source:
        return Query("")
    text = glyph_source[:MAX_QUERY_CHARS]

    codepoint = _explicit_codepoint(text)
    hex_codepoint = None
    hex_is_word = False
    # Only hex digits (and a final newline, which "$" allows) can match.
    maybe_hex = not text.rstrip("\n").strip(_HEX_DIGITS)
    if codepoint is None and maybe_hex and re.match(_BARE_HEX, text):
        hex_codepoint = int(text, 16)
        hex_is_word = not any(ch.isdigit() for ch in text)

    # Anything outside ASCII, a single character, or ASCII punctuation is (also) glyphs,
    # unless it reads as typed words with an accent or two ("milréis").
    pasted = not text.isascii() and not _accented_words(text)
    glyphs: tuple[int, ...] = ()
    if pasted or len(text) == 1 or _is_symbolic_ascii(text):
        glyphs = _glyph_codepoints(glyph_source)
    if pasted:
        # Pasted symbols are identified, not spelled: no names, LaTeX or entities.
        return Query(text, codepoint=codepoint, glyphs=glyphs)

    latex: tuple[str, ...] = ()
    latex_prefix = ""
    if codepoint is None or text.startswith("\\"):
        # "\u{A}" is both a code point and LaTeX's breve accent: keep both readings.
        latex = tuple(dict.fromkeys(normalize_command(text)))
    if codepoint is None:
        if text.startswith("\\"):
            latex_prefix = text
        elif text.isidentifier() or text[:1] in "^_":
            latex_prefix = "\\" + text if text.isidentifier() else text

    html: tuple[str, ...] = ()
    entity = text[1:] if text.startswith("&") else text
    entity = entity[:-1] if entity.endswith(";") else entity
    if entity.isalnum():
        html = (entity,)

    typst: tuple[str, ...] = ()
    name = text[4:] if text.startswith("sym.") else text
    # A trailing dot ("arrow.r.") asks for the variants: kept for the prefix look-up.
    if name.rstrip(".") and all(part.isalnum() for part in name.rstrip(".").split(".")):
        typst = (name,)

    words: tuple[str, ...] = ()
    capitals: frozenset[str] = frozenset()
    if codepoint is None and not text.startswith(("\\", "&")):
        from symbols.wording import normalise_text, normalise_words

        words = tuple(normalise_words(tokens(normalise_text(text))))
        capitals = _capitals(_NON_WORD.split(text))

    return Query(
        text,
        codepoint=codepoint,
        hex_codepoint=hex_codepoint,
        hex_is_word=hex_is_word,
        glyphs=glyphs,
        latex=latex,
        latex_prefix=latex_prefix,
        html=html,
        typst=typst,
        asciimath=text,
        words=words,
        capitals=capitals,
    )
