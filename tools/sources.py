"""Readers for the upstream tables in ``shared/data/sources`` (see SOURCES.md there).

Each reader turns one file into plain Python data and knows nothing about the
output format; `build_symbols` merges them. Every reader is deterministic: it
returns lists in file order so the generated JSON never depends on set or dict
iteration order.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "LatexEntry",
    "read_asciimath",
    "read_compose",
    "read_concepts",
    "read_confusables",
    "read_julia",
    "read_latex2text",
    "read_lookalike_preferences",
    "read_mathjax",
    "read_name_aliases",
    "read_names_list",
    "read_rfc1345",
    "read_typst",
    "read_uni2latex",
    "read_unicode_math",
    "read_unicode_xml",
    "read_unimathsymbols",
    "read_vim",
    "read_w3c_entities",
]

#: unicode-math / unimathsymbols TeX math categories → the short class stored in the table.
MATH_CLASSES: dict[str, str] = {
    "mathrel": "rel",
    "mathbin": "bin",
    "mathop": "op",
    "mathord": "ord",
    "mathalpha": "ord",
    "mathopen": "open",
    "mathclose": "close",
    "mathpunct": "punct",
    "mathfence": "fence",
    "mathaccent": "accent",
    "mathaccentwide": "accent",
    "mathaccentoverlay": "accent",
    "mathbotaccent": "accent",
    "mathbotaccentwide": "accent",
    "mathover": "accent",
    "mathunder": "accent",
    "mathradical": "op",
}


@dataclass(frozen=True)
class LatexEntry:
    """One (code point, command) pair as a source gives it."""

    codepoint: int
    command: str
    origin: str
    package: str = ""
    math_class: str = ""


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def read_versions(path: Path) -> dict[str, str]:
    """Read the version of each table from SOURCES.md's table (``| file | what | version |…``)."""
    versions = {}
    for line in _lines(path):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if (
            line.startswith("|")
            and len(cells) >= 3
            and cells[0] not in ("file", "")
            and not set(cells[0]) <= set("-: ")
        ):
            versions[cells[0]] = cells[2]
    return versions


def _math_class(raw: str) -> str:
    return MATH_CLASSES.get(raw.strip().lstrip("\\"), "")


# --------------------------------------------------------------------------- LaTeX


def read_unicode_math(path: Path) -> list[LatexEntry]:
    """unicode-math-table.tsv: code point, command, class, description.

    The description's ``/name`` notes are not read: they are legacy lower-cased
    names that often point at another character (``/cap`` on U+22D2).
    """
    out = []
    for line in _lines(path):
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        out.append(
            LatexEntry(
                int(cols[0], 16), cols[1], "unicode-math", "unicode-math", _math_class(cols[2])
            )
        )
    return out


# "= \le", "= \implies (amsmath)", "# \ast", "= \mathrm{\varepsilon} (omlmathrm)",
# and without the space: "#\hbar", "=\HBar (wrisym)" (210F).
_UMS_REF = re.compile(r"^([=#])\s*(\\\S+?)(?:\s+\(([^)]*)\))?$")
# A plain ASCII letter in upright roman (``= \mathrm{x}`` on U+0078): the letter
# itself, not a command anyone types for it, so it is not read as one.
_ROMAN_ASCII = re.compile(r"^\\mathrm\{[A-Za-z]\}$")


def _required(requirements: str) -> str:
    """The first package or feature a command needs, from a requirements list.

    unimathsymbols' header: "Packages/features preceded by a HYPHEN-MINUS (-) use
    the command for a different character or purpose", so ``-slantedGreek`` or
    ``-fourier`` are conflicts (not needed: the command works without them), never
    a requirement.
    """
    return next((r for r in requirements.split() if not r.startswith("-")), "")


# A usable command: \name, or \name{arg} with one simple argument.
_COMMAND = re.compile(r"^\\(?:[A-Za-z]+|[^A-Za-z\s])(?:\{\\?[A-Za-z0-9]+\})?$")


def read_unimathsymbols(path: Path) -> tuple[list[LatexEntry], list[LatexEntry]]:
    """unimathsymbols.txt: ``no.^chr^LaTeX^unicode-math^cls^category^requirements^comments``.

    Returns:
        ``(entries, approx)``: *entries* are the classic LaTeX command (origin
        ``latex``, with the first package it requires), the unicode-math name
        (origin ``unicode-math``) and the ``=`` alias commands of the comments;
        *approx* are the ``#`` references (same glyph, maybe another character),
        which the builder keeps only where no other source uses the command.
    """
    entries: list[LatexEntry] = []
    approx: list[LatexEntry] = []
    for line in _lines(path):
        if not line or line.startswith("#"):
            continue
        f = [x.strip() for x in line.split("^")]
        if len(f) < 8:
            continue
        cp = int(f[0], 16)
        mclass = _math_class(f[5])
        package = _required(f[6])
        if f[2].startswith("\\") and _COMMAND.match(f[2]):
            entries.append(LatexEntry(cp, f[2], "latex", package, mclass))
        if f[3].startswith("\\"):
            entries.append(LatexEntry(cp, f[3], "unicode-math", "unicode-math", mclass))
        for item in re.split(r",\s*", f[7]):
            m = _UMS_REF.match(item.strip())
            if not m or not _COMMAND.match(m.group(2)) or _ROMAN_ASCII.match(m.group(2)):
                continue
            entry = LatexEntry(cp, m.group(2), "latex", _required(m.group(3) or ""), mclass)
            (entries if m.group(1) == "=" else approx).append(entry)
    return entries, approx


def read_unicode_xml(path: Path) -> tuple[list[LatexEntry], list[tuple[int, str]]]:
    """w3c-unicode-xml.tsv: code point, name, entity names, LaTeX commands.

    Returns:
        ``(latex, entities)``.
    """
    latex: list[LatexEntry] = []
    entities: list[tuple[int, str]] = []
    for line in _lines(path):
        if not line or line.startswith("#"):
            continue
        cols = [*line.split("\t"), "", "", ""]
        cp = int(cols[0], 16)
        for name in cols[2].split():
            entities.append((cp, name))
        for cmd in cols[3].split():
            if cmd.startswith("\\"):
                latex.append(LatexEntry(cp, cmd, "unicode.xml"))
    return latex, entities


def read_julia(path: Path) -> tuple[list[LatexEntry], int, int]:
    """julia-latex-symbols.tsv: command, code points.

    Returns:
        ``(entries, emoji_skipped, multi_skipped)``: ``\\:emoji:`` names and
        sequences of several code points are counted, not kept.
    """
    out: list[LatexEntry] = []
    emoji = multi = 0
    for line in _lines(path):
        if not line or line.startswith("#"):
            continue
        cmd, cps = line.split("\t")
        if cmd.startswith("\\:"):
            emoji += 1
            continue
        points = cps.split()
        if len(points) != 1:
            multi += 1
            continue
        out.append(LatexEntry(int(points[0], 16), cmd, "julia"))
    return out, emoji, multi


@dataclass(frozen=True)
class MathJaxRow:
    """One row of mathjax-tex.tsv (MathJax 4.1.3's TeX input maps, see SOURCES.md)."""

    command: str
    codepoints: tuple[int, ...]
    package: str
    map: str
    kind: str
    texclass: str
    attributes: str
    width: str
    note: str


def read_mathjax(path: Path) -> list[MathJaxRow]:
    """mathjax-tex.tsv: a comment line, a header row, then one row per (command, map).

    Returns:
        The rows in file order (a command may have several: one per MathJax package or
        map, ``\\lt`` as a character and as a delimiter).
    """
    out: list[MathJaxRow] = []
    header: list[str] = []
    for line in _lines(path):
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not header:
            header = cols
            continue
        row = dict(zip(header, cols, strict=True))
        out.append(
            MathJaxRow(
                row["command"],
                tuple(int(h, 16) for h in row["codepoints"].split()),
                row["package"],
                row["map"],
                row["kind"],
                row["texclass"],
                row["attributes"],
                row["width_em"],
                row["note"],
            )
        )
    return out


def read_latex2text(path: Path) -> list[tuple[str, tuple[int, ...], str, str, str]]:
    """pylatexenc-latex2text.tsv: command, code points, kind, category, effective, note.

    Returns:
        ``(command, code points, kind, category, note)`` of the entries pylatexenc uses
        (``effective`` yes: an earlier category defining the same macro wins), in file
        order. *kind* is ``macro``, ``specials`` (``--``, ``~``: no backslash) or
        ``accent-combining`` (the combining mark added to the argument).
    """
    out = []
    for line in _lines(path):
        if not line or line.startswith("#"):
            continue
        cmd, cps, kind, category, effective, note = [*line.split("\t"), *[""] * 6][:6]
        if effective != "yes":
            continue
        out.append((cmd, tuple(int(h, 16) for h in cps.split()), kind, category, note))
    return out


def read_uni2latex(path: Path) -> list[tuple[int, str, str]]:
    """pylatexenc-uni2latex.tsv: ``(code point, LaTeX text, mode)`` in file order."""
    out = []
    for line in _lines(path):
        if not line or line.startswith("#"):
            continue
        cp, text, mode = [*line.split("\t"), "", ""][:3]
        out.append((int(cp, 16), text, mode))
    return out


# --------------------------------------------------------------------------- HTML


def read_w3c_entities(path: Path) -> list[tuple[int, str]]:
    """w3c-htmlmathml.json: entity name → character(s); single code points only."""
    data = json.loads(path.read_text(encoding="utf-8"))["characters"]
    return [(ord(v), k) for k, v in sorted(data.items()) if len(v) == 1]


# --------------------------------------------------------------------------- Typst

_TYPST_ESCAPE = re.compile(r"\\u\{([0-9A-Fa-f]+)\}")
_TYPST_VS = re.compile(r"\\vs\{[^}]*\}")
_VARIATION_SELECTORS = frozenset(range(0xFE00, 0xFE10))


def read_typst(path: Path) -> tuple[list[tuple[int, str]], dict[str, int]]:
    """typst-sym.txt: ``name char`` lines, ``.modifier char`` lines indented under them.

    ``module {`` … ``}`` blocks prefix their names (``chess.king.white``);
    ``@deprecated:`` marks the next entry, which is skipped; ``\\vs{…}``
    (a variation selector the renderer adds) and literal variation selectors are
    stripped; values of several code points are skipped.

    Returns:
        ``(names, skipped)``: ``(code point, dotted name)`` in file order and
        counts of what was left out.
    """
    out: list[tuple[int, str]] = []
    skipped = {"deprecated": 0, "multi": 0, "variation_selector_stripped": 0}
    modules: list[str] = []
    base = ""
    deprecated = False
    for raw in _lines(path):
        line = raw.split(" //", 1)[0].rstrip() if not raw.lstrip().startswith("//") else ""
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("@deprecated"):
            deprecated = True
            continue
        if stripped == "}":
            modules.pop()
            continue
        if stripped.endswith("{"):
            modules.append(stripped[:-1].strip())
            continue
        parts = stripped.split(None, 1)
        key = parts[0]
        if key.startswith("."):
            name = base + key
        else:
            base = ".".join([*modules, key])
            name = base
        if len(parts) == 1:
            deprecated = False
            continue
        value = parts[1]
        if _TYPST_VS.search(value):
            skipped["variation_selector_stripped"] += 1
            value = _TYPST_VS.sub("", value)
        value = _TYPST_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)
        chars = [c for c in value if ord(c) not in _VARIATION_SELECTORS]
        if deprecated:
            skipped["deprecated"] += 1
            deprecated = False
            continue
        if len(chars) != 1:
            skipped["multi"] += 1
            continue
        out.append((ord(chars[0]), name))
    return out, skipped


# --------------------------------------------------------------------------- input methods


def read_vim(path: Path) -> list[tuple[int, str]]:
    """vim-digraph.txt: the rows of its digraph tables (char, digraph, hex, dec, name)."""
    # The first column is the character itself: a space (EN SPACE…), or empty for SPACE.
    row = re.compile(r"^[^\t]*\t([^\t]{2})\t(?:0x)?([0-9a-fA-F]+)\t\s*(\d+)\t")
    out = []
    for line in _lines(path):
        m = row.match(line)
        if m and int(m.group(2), 16) == int(m.group(3)):
            out.append((int(m.group(3)), m.group(1)))
    return out


def read_rfc1345(path: Path) -> list[tuple[int, str]]:
    """rfc1345.txt: ``mnemonic  hex  NAME`` lines."""
    row = re.compile(r"^(\S+)\s+([0-9a-fA-F]{4})\s+\S")
    out = []
    for line in _lines(path):
        m = row.match(line)
        if m:
            out.append((int(m.group(2), 16), m.group(1)))
    return out


def read_asciimath(path: Path) -> list[tuple[int, str]]:
    """asciimath.tsv: input, code points (single code points only)."""
    out = []
    for line in _lines(path):
        if not line or line.startswith("#"):
            continue
        name, cps = line.split("\t")
        points = cps.split()
        if len(points) == 1:
            out.append((int(points[0], 16), name))
    return out


# X11 keysym names for the characters a keyboard types directly.
_KEYSYMS: dict[str, str] = {
    "space": " ", "exclam": "!", "quotedbl": '"', "numbersign": "#", "dollar": "$",
    "percent": "%", "ampersand": "&", "apostrophe": "'", "parenleft": "(",
    "parenright": ")", "asterisk": "*", "plus": "+", "comma": ",", "minus": "-",
    "period": ".", "slash": "/", "colon": ":", "semicolon": ";", "less": "<",
    "equal": "=", "greater": ">", "question": "?", "at": "@", "bracketleft": "[",
    "backslash": "\\", "bracketright": "]", "asciicircum": "^", "underscore": "_",
    "grave": "`", "braceleft": "{", "bar": "|", "braceright": "}", "asciitilde": "~",
}  # fmt: skip

_COMPOSE = re.compile(r'^<Multi_key>((?:\s*<[^>]+>)+)\s*:\s*"((?:[^"\\]|\\.)*)"')


def compose_key(keysym: str) -> str:
    """How a keysym is written in a sequence: the character typed, ``space``, or its name."""
    if keysym == "space":
        return "space"
    if len(keysym) == 1:
        return keysym
    return _KEYSYMS.get(keysym, keysym)


def read_compose(path: Path) -> list[tuple[int, str]]:
    """Compose: ``<Multi_key>`` sequences producing one character (dead-key lines are skipped)."""
    out = []
    for line in _lines(path):
        m = _COMPOSE.match(line)
        if not m:
            continue
        value = re.sub(r"\\(.)", r"\1", m.group(2))
        if len(value) != 1:
            continue
        keys = re.findall(r"<([^>]+)>", m.group(1))
        if any(k.startswith("dead_") for k in keys):
            continue
        out.append((ord(value), " ".join(compose_key(k) for k in keys)))
    return out


# --------------------------------------------------------------------------- mathsym's own tables


def read_concepts(path: Path) -> list[tuple[int, str, str]]:
    """tools/data/concepts.tsv: ``(code point, kind, phrase)`` in file order.

    The table's format is tools/data/README.md's (``codepoint kind phrase area source``,
    ``#`` comments, a header row); *kind* is ``means`` or ``looks``. File order is the
    table's ranking of the characters that share a phrase, so it is kept.

    Raises:
        ValueError: for a row that is not five fields, a code point not ``U+XXXX`` or an
            unknown kind (the table's own test says which line).
    """
    out: list[tuple[int, str, str]] = []
    header = True
    for number, line in enumerate(_lines(path), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if header:
            header = False
            continue
        if len(fields) != 5 or not re.fullmatch(r"U\+[0-9A-F]{4,6}", fields[0]):
            raise ValueError(f"{path.name}:{number}: not a concept row: {line!r}")
        if fields[1] not in ("means", "looks"):
            raise ValueError(f"{path.name}:{number}: kind {fields[1]!r} is not means or looks")
        out.append((int(fields[0][2:], 16), fields[1], fields[2]))
    return out


def read_lookalike_preferences(path: Path) -> list[tuple[int, int, str]]:
    """tools/data/lookalikes.tsv: ``(unusual, usual, advice)`` in file order.

    Raises:
        ValueError: for a row that is not four fields or a code point not ``U+XXXX``.
    """
    out: list[tuple[int, int, str]] = []
    header = True
    for number, line in enumerate(_lines(path), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        fields = line.split("\t")
        if len(fields) != 4 or not all(re.fullmatch(r"U\+[0-9A-F]{4,6}", f) for f in fields[:2]):
            raise ValueError(f"{path.name}:{number}: not a preference row: {line!r}")
        out.append((int(fields[0][2:], 16), int(fields[1][2:], 16), fields[2]))
    return out


def read_confusables(path: Path) -> list[tuple[int, int]]:
    """confusables.tsv (UTS #39): ``(source, prototype)`` of one code point each, file order.

    Sources or prototypes of several code points (``∄`` → ``∃`` + U+0338) are left out: a
    look-alike is one character.
    """
    out = []
    for line in _lines(path):
        if not line or line.startswith("#"):
            continue
        source, target = line.split("\t", 2)[:2]
        if " " not in source and " " not in target:
            out.append((int(source, 16), int(target, 16)))
    return out


# --------------------------------------------------------------------------- UCD


def read_names_list(
    path: Path,
) -> tuple[dict[int, list[str]], dict[int, list[int]], dict[int, list[int]]]:
    """ucd17-NamesList.json.

    Returns:
        ``(aliases, xrefs, reserved)``: informative ``=`` aliases, cross-referenced
        code points (``x`` lines), and for ``<reserved>`` code points the code
        points cross-referenced there (the holes of the math alphabets point
        at Letterlike Symbols this way).
    """
    data = json.loads(path.read_text(encoding="utf-8"))["NamesList"]
    aliases: dict[int, list[str]] = {}
    xrefs: dict[int, list[int]] = {}
    reserved: dict[int, list[int]] = {}
    ref = re.compile(r"([0-9A-F]{4,6})\)?$")
    for e in data:
        try:
            cp = int(e["codepoint"], 16)
        except (KeyError, ValueError):
            continue
        if e.get("aliases"):
            aliases[cp] = list(e["aliases"])
        refs = []
        for x in e.get("crossReferences", []):
            m = ref.search(x.strip())
            if m:
                refs.append(int(m.group(1), 16))
        if e.get("name") == "<reserved>":
            if refs:
                reserved[cp] = refs
            continue
        if refs:
            xrefs[cp] = refs
    return aliases, xrefs, reserved


def read_name_aliases(path: Path) -> list[tuple[int, str, str]]:
    """ucd17-NameAliases.json: ``(code point, alias, type)`` in file order."""
    data = json.loads(path.read_text(encoding="utf-8"))["NameAliases"]
    return [(int(e["codepoint"], 16), e["alias"], e["type"]) for e in data]
