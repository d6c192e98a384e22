"""Invariants of data/symbols.json, checked against unicodedata2 and the loader.

Expected counts were measured on the committed table (see docs/data.md)
and are checked within about ±10 % so that a source update that silently loses
half a column fails here.
"""

from __future__ import annotations

import html.entities
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import unicodedata2
from conftest import REPO

import symbols
from symbols.groups import GROUPS, group_for
from symbols.records import Symbol
from symbols.schema import COLUMNS, FORMAT, LATEX_ORIGINS
from symbols.table import from_html, from_latex, from_typst, get, load

DATA = REPO / "data" / "symbols.json"
SOURCES = REPO.parent / "shared" / "data" / "sources"


def _sym(key: str | int) -> Symbol:
    """The symbol of *key*, which must exist."""
    found = get(key)
    assert found is not None, key
    return found


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def cols(raw: dict[str, Any]) -> dict[str, list[Any]]:
    """Every column unpacked by the loader (list-valued fields as lists)."""
    t = load()
    return {name: t.column(name) for name in raw["symbols"]}


def test_header(raw: dict[str, Any]) -> None:
    assert raw["format"] == FORMAT == 4
    assert raw["unicode"] == unicodedata2.unidata_version == "18.0.0"
    assert raw["groups"] == list(GROUPS)
    starts = [b[0] for b in raw["blocks"]]
    assert starts == sorted(starts)
    names = {b[2] for b in raw["blocks"]}
    assert "No_Block" not in names
    assert {"Mathematical Operators", "Mathematical Alphanumeric Symbols"} <= names
    # Unicode 18's new block of Leibnizian math symbols.
    assert any(b[0] == 0x1DB00 for b in raw["blocks"])


def test_columns_have_one_entry_per_row(raw: dict[str, Any], cols: dict[str, list[Any]]) -> None:
    assert sorted(raw["symbols"]) == sorted(COLUMNS)
    n = len(cols["cp"])
    assert all(len(raw["symbols"][c]) == n for c in COLUMNS)
    assert all(len(cols[c]) == n for c in COLUMNS)


def test_packed_columns_unpack_as_documented(
    raw: dict[str, Any], cols: dict[str, list[Any]]
) -> None:
    packed = raw["symbols"]
    i = cols["cp"].index(0x2200)
    assert packed["html"][i] == "forall\tForAll" and cols["html"][i] == ["forall", "ForAll"]
    assert cols["latex"][i][0] == [
        r"\forall",
        ["unicode-math", "latex", "unicode.xml", "mathjax", "pylatexenc", "julia"],
        "",
        "ord",
    ]
    j = cols["cp"].index(0x2212)
    assert packed["xref"][j] == "002D 2796" and cols["xref"][j] == [0x2D, 0x2796]
    for name in COLUMNS:
        if name not in ("cp", "name", "gc", "group", "scope"):
            assert all(isinstance(v, str) for v in packed[name]), name
            assert all(isinstance(v, list) for v in cols[name]), name


def test_code_points_sorted_and_unique(cols: dict[str, list[Any]]) -> None:
    cps = cols["cp"]
    assert cps == sorted(set(cps))


def test_names_and_categories_are_unicodedata2s(cols: dict[str, list[Any]]) -> None:
    for cp, name, gc, formal in zip(
        cols["cp"], cols["name"], cols["gc"], cols["formal"], strict=False
    ):
        ch = chr(cp)
        assert gc == unicodedata2.category(ch), hex(cp)
        expected = unicodedata2.name(ch, "")
        if expected:
            assert name == expected, hex(cp)
        else:
            # Controls have no name: the table uses their first formal alias.
            assert gc == "Cc", hex(cp)
            assert name == formal[0] or name in formal, hex(cp)


def test_every_control_character_is_in_scope_extended(cols: dict[str, list[Any]]) -> None:
    controls = [cp for cp in range(0x110000) if unicodedata2.category(chr(cp)) == "Cc"]
    rows = dict(zip(cols["cp"], cols["scope"], strict=False))
    assert all(rows.get(cp) == 1 for cp in controls)
    tab = get(9)
    assert tab is not None and tab.name == "CHARACTER TABULATION"


def test_groups_follow_the_one_rule() -> None:
    t = load()
    for sym in t.symbols("extended"):
        mclass = sym.latex_commands[0].math_class if sym.latex_commands else ""
        if not mclass:
            continue  # the generator falls back to the character's class; checked below
        assert sym.group == group_for(sym.codepoint, sym.category, sym.block, sym.name, mclass), (
            sym.label
        )
    assert _sym("∑").group == "Large operators"
    assert _sym("→").group == "Arrows"
    assert _sym("≤").group == "Relations"
    assert _sym("α").group == "Greek"


def _block_cps(raw: dict[str, Any], name: str) -> list[int]:
    for lo, hi, n in raw["blocks"]:
        if n == name:
            return list(range(lo, hi + 1))
    raise AssertionError(f"no block {name}")


MATH_BLOCKS = (
    "Greek and Coptic",
    "General Punctuation",
    "Arrows",
    "Mathematical Operators",
    "Supplemental Mathematical Operators",
    "Mathematical Alphanumeric Symbols",
    "Letterlike Symbols",
    "Miscellaneous Mathematical Symbols-B",
)
EXTENDED_BLOCKS = (
    "Dingbats",
    "Box Drawing",
    "Musical Symbols",
    "Arabic Mathematical Alphabetic Symbols",
)


def _assigned(cp: int) -> bool:
    return unicodedata2.category(chr(cp)) not in ("Cn", "Cs", "Co")


def test_scope_math_holds_the_math_blocks_and_every_sm(
    raw: dict[str, Any], cols: dict[str, list[Any]]
) -> None:
    scope = dict(zip(cols["cp"], cols["scope"], strict=False))
    for block in MATH_BLOCKS:
        for cp in _block_cps(raw, block):
            if _assigned(cp):
                assert scope.get(cp) == 0, f"{block} U+{cp:04X}"
    for cp in range(0x110000):
        if unicodedata2.category(chr(cp)) == "Sm":
            assert scope.get(cp) == 0, f"Sm U+{cp:04X}"
    for cp in range(0x100):
        if unicodedata2.category(chr(cp))[0] in "PS":
            assert scope.get(cp) == 0, f"U+{cp:04X}"
    # Unicode 18's Leibnizian symbols.
    assert scope.get(0x1DB00) == 0


def test_scope_extended_holds_its_blocks(raw: dict[str, Any], cols: dict[str, list[Any]]) -> None:
    scope = dict(zip(cols["cp"], cols["scope"], strict=False))
    for block in EXTENDED_BLOCKS:
        for cp in _block_cps(raw, block):
            if _assigned(cp):
                assert cp in scope, f"{block} U+{cp:04X}"
    # Characters of those blocks that no source names stay out of scope math…
    assert scope[0x1D100] == 1  # MUSICAL SYMBOL SINGLE BARLINE
    assert scope[0x2705] == 1  # WHITE HEAVY CHECK MARK
    # …while those a source names are pulled into math: &filig; and \\ding{33}.
    assert scope[ord("ﬁ")] == 0
    assert scope[0x2701] == 0


def test_scope_sizes(cols: dict[str, list[Any]]) -> None:
    # Measured: 4,630 math and 1,072 more in extended.
    assert 4200 <= cols["scope"].count(0) <= 5150
    assert 960 <= cols["scope"].count(1) <= 1180


def _distinct(cols: dict[str, list[Any]], column: str) -> int:
    return len({x for row in cols[column] for x in row})


@pytest.mark.parametrize(
    ("column", "low", "high"),
    [
        # measured: distinct names / values in the committed table
        ("html", 1830, 2240),  # 2,032 single-code-point HTML5 entity names
        ("typst", 1130, 1380),  # 1,253
        ("vim", 740, 900),  # 826
        ("compose", 1190, 1460),  # 1,325 sequences
        ("asciimath", 160, 200),  # 178
        ("rfc1345", 740, 910),  # 824
        ("alias", 650, 810),  # 733 informative aliases
        ("formal", 160, 200),  # 180 formal aliases
    ],
)
def test_per_source_counts(cols: dict[str, list[Any]], column: str, low: int, high: int) -> None:
    n = sum(len(row) for row in cols[column])
    assert low <= n <= high, f"{column}: {n}"


def test_latex_counts_per_origin(cols: dict[str, list[Any]]) -> None:
    origins: dict[str, int] = {}
    commands = set()
    for row in cols["latex"]:
        for cmd, orig, _pkg, _cls in row:
            commands.add(cmd)
            for o in orig:
                origins[o] = origins.get(o, 0) + 1
    # Measured: 8,915 distinct commands; per origin 2,536 unicode-math, 2,620 style,
    # 1,979 latex, 4,477 unicode.xml, 797 mathjax, 1,439 pylatexenc, 2,490 julia.
    assert 8000 <= len(commands) <= 9800
    expected = {
        "unicode-math": 2536,
        "style": 2620,
        "latex": 1979,
        "unicode.xml": 4477,
        "mathjax": 797,
        "pylatexenc": 1439,
        "julia": 2490,
    }
    assert set(origins) == set(expected)
    for origin, n in expected.items():
        assert 0.9 * n <= origins[origin] <= 1.1 * n, (origin, origins[origin])


def test_every_html5_single_code_point_entity_is_attached(cols: dict[str, list[Any]]) -> None:
    attached = {
        (name, cp) for cp, row in zip(cols["cp"], cols["html"], strict=False) for name in row
    }
    for key, value in html.entities.html5.items():
        if len(value) == 1:
            assert (key.rstrip(";"), ord(value)) in attached, key


# The primary-command rule of docs/data.md, restated from the stored fields.
# The LaTeX packages a MathJax package stands for (tools/tex.py).
MATHJAX_LATEX_PACKAGES = {
    *("amsmath", "amssymb", "textcomp", "mathtools", "physics", "braket", "upgreek"),
    *("gensymb", "bboldx", "empheq", "centernot", "extpfeil"),
}
_AMS = ("amsmath", "amssymb", "amsfonts")
_FONT_MACROS = re.compile(r"^\\(?:Elz|Elx|ElsevierGlyph|Pisymbol|ding|cyrchar)")
_KERNEL_SHORT_FORMS = {
    *(r"\le", r"\ge", r"\ne", r"\to", r"\gets", r"\lnot", r"\land", r"\lor"),
    *(r"\emptyset", r"\dots", r"\lbrace", r"\rbrace"),
}


def _everyday(cmd: str, origins: list[str], package: str, has_classic: bool) -> tuple[int, int]:
    if "style" in origins:
        return 0, 0
    if set(origins) <= {"mathjax", "pylatexenc"}:
        tier = 6  # MathJax's and pylatexenc's own vocabularies, after every LaTeX table's
    elif "latex" in origins or "unicode-math" in origins:
        if not package:
            tier = 1
        elif package in _AMS:
            tier = 2
        else:
            tier = 5 if package == "unicode-math" else 4
    elif _FONT_MACROS.match(cmd):
        tier = 7
    else:
        tier = 1 if cmd in _KERNEL_SHORT_FORMS or not has_classic else 3
    bare = re.fullmatch(r"\\(?:[A-Za-z]+|[^A-Za-z\s])", cmd)
    return tier, 2 if cmd.startswith("\\text") else 0 if bare else 1


def test_latex_entries_are_well_formed(cols: dict[str, list[Any]]) -> None:
    classes = {"", "rel", "bin", "op", "ord", "open", "close", "punct", "accent", "fence", "inner"}
    for cp, row in zip(cols["cp"], cols["latex"], strict=False):
        seen = set()
        ranks = []
        has_classic = any("latex" in origins for _c, origins, _p, _m in row)
        for cmd, origins, package, mclass in row:
            # A control space (\ ) is the one command with a space in it.
            assert cmd and cmd not in seen and (" " not in cmd or cmd == "\\ "), (hex(cp), cmd)
            seen.add(cmd)
            assert origins and all(o in LATEX_ORIGINS for o in origins), (hex(cp), cmd)
            assert origins == sorted(origins, key=LATEX_ORIGINS.index)
            assert isinstance(package, str) and mclass in classes
            # unimathsymbols' "-pkg" means "not with pkg": never stored as a requirement.
            assert not package.startswith("-"), (hex(cp), cmd, package)
            if "unicode-math" in origins and "latex" not in origins:
                assert package == "unicode-math", (hex(cp), cmd)
            if set(origins) <= {"mathjax", "pylatexenc"} and package:
                assert package in MATHJAX_LATEX_PACKAGES, (hex(cp), cmd, package)
            ranks.append(
                (*_everyday(cmd, origins, package, has_classic), LATEX_ORIGINS.index(origins[0]))
            )
        # Primary first: styled forms; what needs no package; amsmath/amssymb; a
        # unicode.xml/Julia-only command beside a classic one; other packages;
        # unicode-math names; MathJax/pylatexenc-only commands; unicode.xml's font
        # macros. Bare commands first in a tier.
        assert ranks == sorted(ranks), hex(cp)


def test_primary_command_is_the_everyday_one() -> None:
    # What a person types in plain LaTeX, not a unicode-math-only name.
    assert _sym("α").latex[0] == r"\alpha"
    assert _sym("&").latex[0] == r"\&"
    assert _sym("§").latex[0] == r"\S"
    assert _sym("ℝ").latex[0] == r"\mathbb{R}"
    assert _sym("≤").latex[0] == r"\leq"


@pytest.mark.parametrize(
    "command",
    [
        *(r"\Gamma", r"\Delta", r"\Theta", r"\Lambda", r"\Xi", r"\Pi", r"\Sigma"),
        *(r"\Upsilon", r"\Phi", r"\Psi", r"\Omega"),
    ],
)
def test_upright_greek_capitals_are_the_plain_commands(command: str) -> None:
    # unimathsymbols: "= \Delta (-slantedGreek)", i.e. \Delta is Δ unless slantedGreek.
    upright = [s for s in symbols.from_latex(command) if "CAPITAL LETTER" in s.name]
    upright = [s for s in upright if s.block == "Greek and Coptic"]
    assert len(upright) == 1
    first = upright[0].latex_commands[0]
    assert (first.command, first.package) == (command, "")


def test_italic_greek_capitals_need_no_fourier() -> None:
    # "= \mathit{\Gamma} (-fourier)": works except with fourier.
    for cp in range(0x1D6E2, 0x1D6FB):
        for c in _sym(cp).latex_commands:
            assert c.package != "-fourier" and not c.package.startswith("-"), (hex(cp), c)


@pytest.mark.parametrize(
    ("char", "primary", "alternate"),
    [
        ("^", r"\^{}", r"\sphat"),  # amsxtra
        ("~", r"\textasciitilde", r"\sptilde"),  # amsxtra
        ("¢", r"\textcent", r"\cent"),  # wasysym
        ("¥", r"\yen", r"\mathyen"),  # amsfonts before a unicode-math name
        ("µ", r"\mathrm{\mu}", r"\Micro"),  # wrisym
        ("¶", r"\P", r"\mathparagraph"),
        ("·", r"\cdot", r"\cdotp"),
        ("∅", r"\emptyset", r"\varnothing"),  # amssymb
        ("ℏ", r"\hbar", r"\hslash"),  # amssymb
        ("\u2003", r"\quad", r"\hspace{1em}"),
        ("\u2009", r"\thinspace", r"\hspace{0.167em}"),
    ],
)
def test_primary_works_without_a_package(char: str, primary: str, alternate: str) -> None:
    latex = _sym(char).latex
    assert latex[0] == primary
    assert alternate in latex[1:]


def test_ascii_operators_keep_their_unicode_math_names() -> None:
    # No classic command exists for < = + ( : their unicode-math names stay, marked as such.
    for char, name in (("<", r"\less"), ("=", r"\equal"), ("+", r"\mathplus"), ("(", r"\lparen")):
        first = _sym(char).latex_commands[0]
        assert (first.command, first.package) == (name, "unicode-math")


def test_plain_letters_have_no_roman_command() -> None:
    # "= \mathrm{x}" is the letter itself: not a LaTeX name for it, so not stored; but
    # \mathrm{x} and \text{x} set the letter x, and say so (issue 11).
    for char in "AZaxz":
        sym = _sym(char)
        assert sym.latex == () and sym.scope == "all", char
    assert [s.char for s in symbols.from_latex(r"\mathrm{x}")] == ["x"]
    assert [s.char for s in symbols.from_latex(r"\text{A}")] == ["A"]


def test_every_name_resolves_back_to_its_symbol() -> None:
    t = load()
    for sym in t.symbols("extended"):
        for cmd in sym.latex:
            assert sym in from_latex(cmd), (sym.label, cmd)
        for name in sym.html:
            assert sym in from_html(f"&{name};"), (sym.label, name)
            assert sym in from_html(name), (sym.label, name)
        for name in sym.typst:
            assert sym in from_typst(f"sym.{name}"), (sym.label, name)


def test_cross_references_point_at_assigned_characters(cols: dict[str, list[Any]]) -> None:
    for cp, refs in zip(cols["cp"], cols["xref"], strict=False):
        for r in refs:
            assert unicodedata2.category(chr(r)) != "Cn", (hex(cp), hex(r))


def test_vim_digraphs_are_two_characters(cols: dict[str, list[Any]]) -> None:
    for row in cols["vim"]:
        assert all(len(d) == 2 for d in row)


def test_compose_sequences_have_no_multi_key(cols: dict[str, list[Any]]) -> None:
    seqs = [s for row in cols["compose"] for s in row]
    assert not any("Multi_key" in s or "dead_" in s for s in seqs)
    assert all(s.split(" ") for s in seqs)


# --------------------------------------------------------------------------- regeneration


def test_generator_reproduces_the_committed_file(tmp_path: Path) -> None:
    if not (SOURCES / "SOURCES.md").is_file():
        pytest.skip(f"upstream sources not present at {SOURCES}")
    if importlib.util.find_spec("fontTools") is None:
        pytest.skip("fontTools not installed (generator-only dependency: pip install fonttools)")
    out = tmp_path / "symbols.json"
    conflicts = tmp_path / "latex-conflicts.md"
    script = str(REPO / "tools" / "build_symbols.py")
    cmd = [sys.executable, script, str(SOURCES), "-o", str(out), "--conflicts", str(conflicts)]
    subprocess.run(cmd, check=True, capture_output=True, cwd=tmp_path)
    assert out.read_bytes() == DATA.read_bytes()
    assert conflicts.read_bytes() == (REPO / "docs" / "latex-conflicts.md").read_bytes()


def test_every_alias_of_every_character_is_attached() -> None:
    # In the table or not (scope "all"): NameAliases and NamesList "=" lines, in order.
    if not (SOURCES / "SOURCES.md").is_file():
        pytest.skip(f"upstream sources not present at {SOURCES}")
    formal: dict[int, list[str]] = {}
    for e in json.loads((SOURCES / "ucd17-NameAliases.json").read_text("utf-8"))["NameAliases"]:
        formal.setdefault(int(e["codepoint"], 16), []).append(e["alias"])
    for cp, names in formal.items():
        assert list(_sym(cp).formal_aliases) == names, hex(cp)
    informative = 0
    for e in json.loads((SOURCES / "ucd17-NamesList.json").read_text("utf-8"))["NamesList"]:
        if e.get("aliases") and e.get("name") != "<reserved>":
            sym = _sym(int(e["codepoint"], 16))
            assert list(sym.aliases) == e["aliases"], e["codepoint"]
            informative += 1
    assert informative > 2400  # measured: 733 on the table's rows, 1,819 outside it


def test_every_character_a_source_names_is_in_scope_math() -> None:
    for sym in load().symbols("extended"):
        named = sym.html or sym.typst or any(c.origins != ("style",) for c in sym.latex_commands)
        if named and sym.category != "Cc":
            assert sym.scope == "math", sym.label


def test_generator_without_sources_says_so_in_one_line(tmp_path: Path) -> None:
    script = str(REPO / "tools" / "build_symbols.py")
    out = tmp_path / "never.json"
    proc = subprocess.run(
        [sys.executable, script, str(tmp_path / "missing"), "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "no upstream tables" in proc.stderr
    assert not out.exists()
