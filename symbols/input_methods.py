"""Every way to type one character, from the few names the table gives it.

One builder per input method (macOS Unicode Hex Input, Linux Ctrl+Shift+U, Windows
Alt+X, Vim, Emacs, the Compose key, and the escapes of LaTeX, Typst, HTML, CSS, Python,
JSON and JavaScript, plus the raw UTF-8 bytes and UTF-16 units), each computed from the
code point and the fields that name it (digraphs, Compose sequences, LaTeX commands,
entity and Typst names), given as plain fields (`symbols.table.fields_of`) or a
`symbols.Symbol`. `symbols.inputs` is the public face (a character in, `InputMethod`
records out; it reads a character's names from the table). `Symbol.inputs` comes here
directly: the records sit below the table, so they may not use `symbols.inputs`.

docs/typing.md explains each method, its setup and its limits, with sources.
"""

from __future__ import annotations

import os
import sys

from symbols import datafile

# Not `from typing import …` at run time: typing is slow to import (bench/README.md).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from symbols.records import Symbol
    from symbols.results import InputMethod

#: One way to type a character as plain data: (method id, keys, note, alternatives),
#: an `InputMethod` without its label. The builders below make these; `input_methods`
#: wraps them in `InputMethod` records, while `symbols.inputs.keys_for` and
#: `symbols.inputs.inputs_dict` (the CLI) need no record at all.
Way = tuple[str, str, str, tuple[str, ...]]

__all__ = [
    "ENV_VAR",
    "LABELS",
    "METHODS",
    "Way",
    "check_method",
    "input_methods",
    "preferred_method",
    "way",
    "ways",
]

#: Every input method id, in the canonical order (after the preferred one).
METHODS: tuple[str, ...] = (
    "macos",
    "linux",
    "windows",
    "windows-numpad",
    "vim",
    "emacs",
    "compose",
    "latex",
    "typst",
    "html",
    "css",
    "python",
    "json",
    "javascript",
    "utf8",
    "utf16",
)

#: A short human label for each method id.
LABELS: dict[str, str] = {
    "macos": "macOS (Unicode Hex Input)",
    "linux": "Linux (GTK, IBus)",
    "windows": "Windows (Word, Alt+X)",
    "windows-numpad": "Windows (Alt + numpad)",
    "vim": "Vim (insert mode)",
    "emacs": "Emacs",
    "compose": "Compose key",
    "latex": "LaTeX",
    "typst": "Typst",
    "html": "HTML",
    "css": "CSS",
    "python": "Python",
    "json": "JSON",
    "javascript": "JavaScript",
    "utf8": "UTF-8 bytes",
    "utf16": "UTF-16 units",
}

#: Environment variable naming the method to list first (one of `METHODS`).
ENV_VAR = "MATHSYM_METHOD"


def check_method(name: str) -> str:
    """Return the method id for *name* (case and surrounding blanks ignored).

    Args:
        name: A method id such as ``macos`` or ``Windows-Numpad``.

    Returns:
        The canonical id from `METHODS`.

    Raises:
        TypeError: when *name* is not a str.
        ValueError: when *name* is not a method id; the message lists the choices.

    """
    if not isinstance(name, str):
        from symbols._arguments import wrong_type

        raise wrong_type("symbols.inputs.check_method", "name", name, "a str")
    key = name.strip().lower()
    if key not in LABELS:
        raise ValueError(f"unknown input method {name!r}: choose one of {', '.join(METHODS)}")
    return key


def preferred_method(platform: str | None = None) -> str:
    """Return the method to list first: `ENV_VAR` if it names one, else the OS's own.

    Args:
        platform: A ``sys.platform`` value to decide for (the running one by default).

    Returns:
        ``macos`` on macOS, ``windows`` on Windows, ``linux`` elsewhere, unless
        ``MATHSYM_METHOD`` names a valid method (an invalid value is ignored).

    """
    chosen = os.environ.get(ENV_VAR, "").strip().lower()
    if chosen in LABELS:
        return chosen
    plat = sys.platform if platform is None else platform
    if plat == "darwin":
        return "macos"
    if plat.startswith(("win", "cygwin", "msys")):
        return "windows"
    return "linux"


# --------------------------------------------------------------------------- the character


class _Char:
    """The character being described, with what the builders need computed once.

    Its names come from a `Symbol`, or from the table's plain fields
    (`symbols.table.fields_of`; None for a code point the table does not know): no
    record is built then.
    """

    __slots__ = (
        "char",
        "compose",
        "cp",
        "formal_aliases",
        "hex",
        "html",
        "latex",
        "name",
        "typst",
        "units",
        "vim",
    )

    def __init__(self, char: str, fields: dict[str, Any] | Symbol | None) -> None:
        self.char = char
        self.cp = ord(char)
        self.hex = f"{self.cp:04X}"
        if fields is None:
            fields = _NO_FIELDS
        elif not isinstance(fields, dict):
            fields = {key: getattr(fields, key) for key in _NO_FIELDS}
        self.name: str = fields["name"]
        self.vim: tuple[str, ...] = fields["vim"]
        self.compose: tuple[str, ...] = fields["compose"]
        self.typst: tuple[str, ...] = fields["typst"]
        self.html: tuple[str, ...] = fields["html"]
        self.formal_aliases: tuple[str, ...] = fields["formal_aliases"]
        # (command, package) of each LaTeX command, primary first, from `LatexEntry`
        # tuples (command, origins, package, class) or `LatexCommand` records.
        self.latex: tuple[tuple[str, str], ...] = tuple(
            (c[0], c[2]) if isinstance(c, tuple) else (c.command, c.package)
            for c in fields["latex_commands"]
        )
        if self.cp > 0xFFFF:
            v = self.cp - 0x10000
            self.units: tuple[int, ...] = (0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF))
        else:
            self.units = (self.cp,)


# The fields `_Char` reads, as they are for a code point with no symbol (unassigned).
_NO_FIELDS: dict[str, Any] = {
    "name": "",
    **dict.fromkeys(("vim", "compose", "typst", "html", "formal_aliases", "latex_commands"), ()),
}


def _is_surrogate(cp: int) -> bool:
    return 0xD800 <= cp <= 0xDFFF


def _is_noncharacter(cp: int) -> bool:
    return 0xFDD0 <= cp <= 0xFDEF or (cp & 0xFFFE) == 0xFFFE


def _unicode_name(c: _Char) -> str:
    """Return the character's own Unicode 18 name, or "" (controls, private use…)."""
    return "" if c.name.startswith("<") else c.name


# --------------------------------------------------------------------------- one builder per method
# Each returns the method for a character, or None where the method has no way at all
# (only compose: a character either has a Compose sequence or it does not).

_MACOS_SETUP = (
    "Add it in System Settings → Keyboard → Input Sources → + → Others → Unicode Hex Input "
    "and switch to it; hold ⌥ while typing the digits. It takes over ⌥-arrow word motion "
    "and the usual ⌥ characters."
)


def _method(method: str, keys: str, note: str = "", alternatives: tuple[str, ...] = ()) -> Way:
    return (method, keys, note, alternatives)


def _macos(c: _Char) -> Way:
    keys = " ".join(f"⌥{u:04X}" for u in c.units)
    note = _MACOS_SETUP
    if len(c.units) == 2:
        note = "Above U+FFFF type the UTF-16 pair, ⌥ held for all 8 digits (5 digits fail). " + note
    return _method("macos", keys, note)


def _linux(c: _Char) -> Way:
    return _method(
        "linux",
        f"Ctrl+Shift+U {c.cp:04x} Space",
        "GTK and IBus apps (Enter also ends it); Qt/KDE apps need IBus or Fcitx "
        "as the input method.",
    )


def _windows(c: _Char) -> Way:
    return _method(
        "windows",
        f"{c.hex} Alt+X",
        "In Word, WordPad, OneNote, Notepad (Windows 11) and other RichEdit boxes. "
        "If a hex digit (0-9, A-F) comes right before, select the code first.",
    )


def _windows_numpad(c: _Char) -> Way:
    if c.cp > 0xFFFF:
        return _method(
            "windows-numpad",
            "",
            "Not possible above U+FFFF: the hex numpad method types 4-digit code points "
            "only. Use Alt+X in Word, or paste the character.",
        )
    return _method(
        "windows-numpad",
        f"Alt + numpad + {c.hex}",
        "Hold Alt, press + on the numeric keypad, type the hex digits (letters on the main "
        "keys), release Alt. Needs HKCU\\Control Panel\\Input Method\\EnableHexNumpad = "
        '"1" (REG_SZ), then log off and on.',
    )


def _key_names(keys: str) -> str:
    """Spell a digraph as the keys to press, a space between each."""
    return " ".join("Space" if k == " " else k for k in keys)


def _vim(c: _Char) -> Way:
    keys = f"Ctrl-V u{c.cp:04x}" if c.cp <= 0xFFFF else f"Ctrl-V U{c.cp:08x}"
    digraphs = tuple(f"Ctrl-K {_key_names(d)}" for d in c.vim)
    note = "In insert mode; where Ctrl-V pastes (Windows), use Ctrl-Q."
    if c.cp == 0x0A:
        # Vim keeps NUL as NL in memory, so Ctrl-V u000a inserts a NUL (:help NL-used-for-Nul).
        return _method("vim", "", "Ctrl-V u000a inserts a NUL in Vim: press Enter.")
    return _method("vim", keys, note, digraphs)


def _emacs(c: _Char) -> Way:
    name = _unicode_name(c)
    alternatives = (f"C-x 8 RET {name} RET",) if name else ()
    return _method(
        "emacs",
        f"C-x 8 RET {c.hex} RET",
        "insert-char: type the hex code, or the name with Tab completion.",
        alternatives,
    )


def _compose(c: _Char) -> Way | None:
    sequences = c.compose
    if not sequences:
        return None
    typed = tuple(f"Compose {_compose_keys(s)}" for s in sorted(sequences, key=_compose_rank))
    return _method(
        "compose",
        typed[0],
        "Needs a Compose key (e.g. setxkbmap -option compose:ralt, or GNOME Settings → "
        "Keyboard → Compose Key); sequences from libX11's en_US.UTF-8 table.",
        typed[1:],
    )


def _compose_rank(sequence: str) -> int:
    # Sequences on plain keys first: "Cyrillic_pe Cyrillic_a" or "U2260 …" need another
    # layout or a key that already types a symbol. sorted() keeps the table's order otherwise.
    return sum(1 for key in sequence.split(" ") if len(key) > 1 and key != "space")


def _compose_keys(sequence: str) -> str:
    """Write a stored sequence of X keysyms (``= /``, ``space space``) as keys to press."""
    return " ".join("Space" if key == "space" else key for key in sequence.split(" "))


def _latex(c: _Char) -> Way:
    caret = f"^^^^{c.cp:04x}" if c.cp <= 0xFFFF else f"^^^^^^{c.cp:06x}"
    caret_note = f"{caret} (lowercase hex) works in XeLaTeX and LuaLaTeX only."
    if not c.latex:
        return _method("latex", caret, caret_note)
    command, package = c.latex[0]
    note = caret_note
    if package:
        note = f"{command} needs \\usepackage{{{package}}}. {caret_note}"
    others = tuple(cmd for cmd, _package in c.latex[1:])
    return _method("latex", command, note, (caret, *others))


def _typst(c: _Char) -> Way:
    escape = f'"\\u{{{c.cp:X}}}"'
    names = c.typst
    if not names:
        return _method("typst", escape, "A string escape; in markup \\u{…} works bare.")
    return _method(
        "typst",
        f"sym.{names[0]}",
        f"In markup write #sym.{names[0]}; in math mode {names[0]} alone.",
        (*(f"sym.{n}" for n in names[1:]), escape),
    )


def _stdlib_unicodedata() -> Any:
    # The stdlib database, on purpose: Python's "\N{...}" escape is resolved by the
    # running interpreter's own unicodedata, which may be older than unicodedata2's
    # Unicode 18. Imported on first use: a look-up printing a key chord never needs it.
    import unicodedata

    return unicodedata


_HTML4: frozenset[str] | None = None


def _entity_rank(name: str) -> tuple[bool, bool, int, str]:
    # HTML 4's names first (&uml; over &die;, &forall; over &ForAll;): every parser and
    # reader knows them; then lower-case and short ones (&amp; over &AMP;).
    global _HTML4
    if _HTML4 is None:
        _HTML4 = datafile.load().html4_names()
    return (name not in _HTML4, name != name.lower(), len(name), name)


# HTML reads &#x80;-&#x9F; as windows-1252 characters and &#x0; as U+FFFD (WHATWG
# "numeric character reference end state"), so these code points cannot be written.
_HTML_UNWRITABLE = frozenset([0x00, *range(0x80, 0xA0)])
# Whitespace controls are fine; every other control is a parse error (still emitted).
_HTML_OK_CONTROLS = frozenset([0x09, 0x0A, 0x0C, 0x20])


def _html(c: _Char) -> Way:
    numeric = f"&#x{c.cp:X};"
    if c.cp in _HTML_UNWRITABLE:
        return _method(
            "html",
            "",
            f"HTML reads {numeric} as "
            + ("U+FFFD" if c.cp == 0 else "a windows-1252 character (or a parse error)")
            + ": this control cannot be written in HTML.",
        )
    names = sorted(c.html, key=_entity_rank)
    note = ""
    if c.char in "&<":
        note = f"Typed as is, {c.char} starts markup: write it this way in HTML text."
    elif c.char == '"':
        note = "Needed inside a double-quoted attribute value."
    elif (c.cp < 0x20 or 0x7F <= c.cp < 0xA0) and c.cp not in _HTML_OK_CONTROLS:
        note = "A parse error in HTML (control character reference); avoid it."
    elif _is_noncharacter(c.cp):
        note = "A parse error in HTML (noncharacter reference); avoid it."
    if not names:
        return _method("html", numeric, note)
    forms = [f"&{n};" for n in names]
    return _method("html", forms[0], note, (numeric, *forms[1:]))


def _css(c: _Char) -> Way:
    if c.cp == 0:
        return _method("css", "", "CSS reads \\0 as U+FFFD: NUL cannot be written.")
    return _method(
        "css",
        f"\\{c.cp:X}",
        f"If a hex digit or a space follows, end it with a space (\\{c.cp:X} ) or use "
        f"six digits (\\{c.cp:06X}).",
        (f"\\{c.cp:06X}",),
    )


def _python_name(c: _Char) -> tuple[str, str]:
    r"""Return a name Python's "\N{…}" accepts for the character, or "" and a note."""
    candidates = [_unicode_name(c)]
    candidates.extend(c.formal_aliases)
    if c.name.startswith("<"):
        # Controls are labelled "<NULL>": Python knows such formal aliases by name.
        candidates.append(c.name.strip("<>"))
    for name in candidates:
        if not name:
            continue
        try:
            if _stdlib_unicodedata().lookup(name) == c.char:
                return name, ""
        except KeyError:
            continue
    if candidates[0]:
        return "", (
            f"\\N{{{candidates[0]}}} needs a newer Python: this one's Unicode is "
            f"{_stdlib_unicodedata().unidata_version}."
        )
    return "", ""


def _python(c: _Char) -> Way:
    keys = f'"\\u{c.cp:04x}"' if c.cp <= 0xFFFF else f'"\\U{c.cp:08x}"'
    name, note = _python_name(c)
    alternatives = (f'"\\N{{{name}}}"',) if name else ()
    return _method("python", keys, note, (*alternatives, f"chr(0x{c.cp:X})"))


# JSON's two-character escapes (RFC 8259, section 7).
_JSON_SHORT = {0x22: '\\"', 0x5C: "\\\\", 0x2F: "\\/", 0x08: "\\b", 0x0C: "\\f",
               0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"}  # fmt: skip


def _json(c: _Char) -> Way:
    keys = '"' + "".join(f"\\u{u:04x}" for u in c.units) + '"'
    short = _JSON_SHORT.get(c.cp)
    note = "JSON has no longer escape: above U+FFFF write the UTF-16 pair." if c.cp > 0xFFFF else ""
    return _method("json", keys, note, (f'"{short}"',) if short else ())


def _javascript(c: _Char) -> Way:
    braces = f'"\\u{{{c.cp:X}}}"'
    pair = '"' + "".join(f"\\u{u:04X}" for u in c.units) + '"'
    from_cp = f"String.fromCodePoint(0x{c.cp:X})"
    if c.cp > 0xFFFF:
        return _method(
            "javascript",
            braces,
            "\\u{…} needs ES2015; the UTF-16 pair works everywhere.",
            (pair, from_cp),
        )
    return _method("javascript", pair, "", (braces, from_cp))


def _utf8(c: _Char) -> Way:
    return _method("utf8", " ".join(f"{b:02X}" for b in c.char.encode()))


def _utf16(c: _Char) -> Way:
    return _method("utf16", " ".join(f"{u:04X}" for u in c.units))


_BUILDERS: dict[str, Callable[[_Char], Way | None]] = {
    "macos": _macos,
    "linux": _linux,
    "windows": _windows,
    "windows-numpad": _windows_numpad,
    "vim": _vim,
    "emacs": _emacs,
    "compose": _compose,
    "latex": _latex,
    "typst": _typst,
    "html": _html,
    "css": _css,
    "python": _python,
    "json": _json,
    "javascript": _javascript,
    "utf8": _utf8,
    "utf16": _utf16,
}


def _surrogate(c: _Char, method: str) -> Way | None:
    """Describe a surrogate code point: no method can type or encode one alone."""
    if method == "compose":
        return None
    return _method(
        method,
        "",
        f"U+{c.hex} is a surrogate code point, half of a UTF-16 pair and not a character: "
        "it cannot be typed or encoded on its own.",
    )


def _build(c: _Char, method: str) -> Way | None:
    if _is_surrogate(c.cp):
        return _surrogate(c, method)
    return _BUILDERS[method](c)


def ways(char: str, fields: dict[str, Any] | Symbol | None, first: str | None = None) -> list[Way]:
    """List every way to type *char*: *first* (or `preferred_method()`), then `METHODS` order.

    Args:
        char: One character.
        fields: Its names: `symbols.table.fields_of`'s plain fields, a `Symbol`, or None
            for a code point the table does not know.
        first: The method to list first.

    Raises:
        ValueError: for an unknown *first*.

    """
    lead = preferred_method() if first is None else check_method(first)
    c = _Char(char, fields)
    found = [_build(c, lead), *(_build(c, m) for m in METHODS if m != lead)]
    return [w for w in found if w is not None]


def way(char: str, fields: dict[str, Any] | Symbol | None, method: str) -> Way | None:
    """Return the way to type *char* with *method* (a `METHODS` id), or None (no Compose key).

    Raises:
        ValueError: for an unknown method.

    """
    return _build(_Char(char, fields), check_method(method))


def input_methods(
    char: str, fields: dict[str, Any] | Symbol | None, first: str | None = None
) -> list[InputMethod]:
    """`ways`, as fresh `InputMethod` records (what `symbols.inputs.inputs` returns)."""
    from symbols.results import InputMethod

    return [InputMethod(w[0], LABELS[w[0]], w[1], w[2], w[3]) for w in ways(char, fields, first)]
