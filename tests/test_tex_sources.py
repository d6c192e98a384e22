"""Every command of the TeX sources issue 11 added resolves: MathJax's and pylatexenc's tables.

A command resolves when mathsym gives it a meaning: the character(s) it sets
(`symbols.from_latex`, or `symbols.latex.convert` for a command of several characters), or a
stated "no character" (a negative space, a style Unicode lacks: the data's ``no_text``, which
the command line says). Where a row names one character, that character is among the
answers, unless docs/latex-conflicts.md says why not (MathJax's ``\\lt`` as an angle bracket
after ``\\left``, its ``\\Coloneq`` slip). The issue's wrong first answers are checked first.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import unicodedata2

import symbols
from symbols.inputs import inputs_dict
from symbols.latex import convert, to_latex
from symbols.table import latex_width, load

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO.parent / "shared" / "data" / "sources"
needs_sources = pytest.mark.skipif(
    not (SOURCES / "mathjax-tex.tsv").is_file(), reason="../shared/data/sources is not beside"
)


def first(command: str) -> str:
    found = symbols.from_latex(command)
    return found[0].char if found else ""


def chars(command: str) -> list[str]:
    return [s.char for s in symbols.from_latex(command)]


def resolves(command: str) -> bool:
    return (
        bool(symbols.from_latex(command))
        or convert(command) != command
        or (command in load().latex_extra("no_text"))
    )


# --------------------------------------------------------------------------- issue 11's list


@pytest.mark.parametrize(
    ("command", "char"),
    [
        ("\\textquoteleft", "\u2018"),  # was “ (a fuzzy guess)
        ("\\textquoteright", "\u2019"),
        ("\\gt", ">"),  # was ⪢
        ("\\lt", "<"),
        ("\\dag", "†"),
        ("\\textbraceleft", "{"),
        ("\\doublecap", "⋒"),
        ("\\thicksim", "∼"),
        ("\\lvert", "|"),
        ("\\Vert", "‖"),
        ("\\textbardbl", "‖"),
    ],
)
def test_the_new_names_answer_first(command: str, char: str) -> None:
    assert first(command) == char
    assert symbols.search(command, 1)[0].symbol.char == char


def test_a_command_tex_defines_otherwise_is_never_first() -> None:
    # MathJax inserts U+00A0 for \space and "\ ", which in LaTeX are a plain and an
    # interword space: the no-break space is \nobreakspace (what ~ stands for).
    nbsp = symbols.get("\u00a0")
    assert nbsp is not None
    assert nbsp.latex[0] == "\\nobreakspace"
    assert set(nbsp.latex) >= {"\\space", "\\ "}
    assert inputs_dict(nbsp)["latex"] == "\\nobreakspace"


@pytest.mark.parametrize(
    ("command", "space", "width"),
    [
        ("\\,", "\u2009", "3/18 em"),  # THIN SPACE, then U+2006 SIX-PER-EM SPACE
        ("\\thinspace", "\u2009", "3/18 em"),
        ("\\:", "\u205f", "4/18 em"),  # MEDIUM MATHEMATICAL SPACE
        ("\\>", "\u205f", "4/18 em"),
        ("\\enspace", "\u2002", "0.5 em"),  # EN SPACE
        ("\\quad", "\u2003", "1 em"),  # EM SPACE, then U+2001 EM QUAD
    ],
)
def test_spacing_commands_find_the_space_of_their_width(
    command: str, space: str, width: str
) -> None:
    assert first(command) == space
    assert latex_width(command) == width
    found = symbols.search(command, 3)
    assert found[0].symbol.char == space and found[0].matched.text == command
    assert chars("\\,")[:2] == ["\u2009", "\u2006"]
    assert chars("\\quad")[:2] == ["\u2003", "\u2001"]


def test_spaces_no_character_has_say_so() -> None:
    no_text = load().latex_extra("no_text")
    for command in ("\\!", "\\negthinspace", "\\negmedspace", "\\negthickspace"):
        assert symbols.from_latex(command) == [] and "negative space" in no_text[command]
        assert latex_width(command).startswith("−")
    assert convert("\\qquad") == "\u2003\u2003" and latex_width("\\qquad") == "2 em"
    assert convert("x\\!y") == "xy"


@pytest.mark.parametrize(
    ("command", "mark", "spacing"),
    [
        ("\\'", "\u0301", "\u00b4"),
        ("\\`", "\u0300", "`"),
        ("\\^", "\u0302", "^"),
        ('\\"', "\u0308", "\u00a8"),
        ("\\~", "\u0303", "~"),
        ("\\=", "\u0304", "\u00af"),
        ("\\.", "\u0307", "\u02d9"),
        ("\\u", "\u0306", "\u02d8"),
        ("\\v", "\u030c", "\u02c7"),
    ],
)
def test_text_accents_find_the_combining_mark_then_the_spacing_one(
    command: str, mark: str, spacing: str
) -> None:
    found = chars(command)
    assert found[0] == mark and spacing in found[1:]
    top = [m.symbol.char for m in symbols.search(command, 5)]
    assert top[0] == mark and spacing in top[1:]


@pytest.mark.parametrize("command", ["\\mathrm{A}", "\\text{A}", "\\mathrm A", "\\textrm{A}"])
def test_upright_and_text_commands_give_the_plain_letter(command: str) -> None:
    assert chars(command) == ["A"]
    m = symbols.search(command, 1)[0]
    assert (m.symbol.char, m.matched.field, m.matched.text) == ("A", "latex", command)
    assert convert(command) == "A"


@pytest.mark.parametrize(
    ("text", "latex"),
    [("ŷ", "\\hat{y}"), ("é", "\\acute{e}"), ("ñ", "\\tilde{n}"), ("ǘ", "\\acute{\\ddot{u}}")],
)
def test_to_latex_writes_precomposed_letters_as_accents(text: str, latex: str) -> None:
    assert to_latex(text) == latex
    assert convert(latex) == text  # and back


# --------------------------------------------------------------------------- every row


def _rows(name: str) -> list[list[str]]:
    lines = (SOURCES / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


@needs_sources
def test_every_mathjax_command_resolves() -> None:
    sys.path.insert(0, str(REPO / "tools"))
    from sources import read_mathjax

    rows = read_mathjax(SOURCES / "mathjax-tex.tsv")
    assert len(rows) == 1034
    unresolved = [r.command for r in rows if not resolves(r.command)]
    assert unresolved == []
    # A row of one character plainly read (no other style drawn, no reading only after
    # \left, no slip): its character is among the command's answers.
    missing = []
    for r in rows:
        # Not a style MathJax draws the character in (bboldx's double-struck, old-style
        # figures): those are the styled character, or none (tools/tex.py).
        plain = not re.search(r"mathvariant=(-bboldx|double-struck|-tex-oldstyle)", r.attributes)
        if (
            len(r.codepoints) == 1
            and plain
            and r.kind not in ("negated-arrow-overlay",)
            and "another map takes precedence" not in r.note
            and "upstream slip" not in r.note
            and r.codepoints[0] not in [s.codepoint for s in symbols.from_latex(r.command)]
        ):
            missing.append((r.command, f"U+{r.codepoints[0]:04X}"))
    assert missing == []


@needs_sources
def test_every_pylatexenc_latex2text_command_resolves() -> None:
    rows = _rows("pylatexenc-latex2text.tsv")
    assert len(rows) == 868
    unresolved = []
    for command, cps, _kind, _category, effective, *_note in rows:
        if effective != "yes":
            continue  # pylatexenc itself uses an earlier definition
        text = "".join(chr(int(h, 16)) for h in cps.split())
        if command.startswith("\\"):
            ok = resolves(command)
        elif len(text) == 1:
            # TeX's input ligatures: found as the ASCII art they are.
            ok = text in [m.symbol.char for m in symbols.search(command, 5)]
        else:
            ok = command == "&"  # a column separator approximated as spaces: no text
        if not ok:
            unresolved.append(command)
    assert unresolved == []


@needs_sources
def test_every_pylatexenc_uni2latex_command_resolves() -> None:
    rows = _rows("pylatexenc-uni2latex.tsv")
    assert len(rows) == 1553
    read = 0
    wrong = []
    for hex_cp, text, *_mode in rows:
        cp = int(hex_cp, 16)
        m = re.fullmatch(r"\\ensuremath\{(.*)\}", text)
        command = m.group(1) if m else text
        # What the generator reads (tools/tex.py): a command, or one with one argument.
        if not re.match(r"^\\(?:[A-Za-z]+|[^A-Za-z\s])(?:\{\\?[A-Za-z0-9]*\}|[A-Za-z])?$", command):
            continue
        if unicodedata2.category(chr(cp)) == "Cn":
            continue  # a hole of the math alphabets (U+1D455): no character to give
        read += 1
        answers = [s.codepoint for s in symbols.from_latex(command)]
        if cp not in answers and unicodedata2.normalize("NFC", convert(command)) != chr(cp):
            wrong.append((hex_cp, command))
    assert read > 1200
    assert wrong == []
