"""The table library: get, from_latex/from_html/from_typst, table(), spot checks."""

from __future__ import annotations

import dataclasses

import pytest
import unicodedata2

import symbols
from symbols.latex import normalize_command
from symbols.table import (
    SCOPES,
    Symbol,
    all_codepoints,
    block_of,
    load,
    make_symbol,
    parse_codepoint,
)


def chars(found: list[Symbol]) -> list[str]:
    return [s.char for s in found]


# --------------------------------------------------------------------------- get


@pytest.mark.parametrize("key", ["∀", 0x2200, "U+2200", "u+2200", "0x2200", "∀\ufe0f"])
def test_get_accepts_glyph_int_and_u_plus(key: str | int) -> None:
    sym = symbols.get(key)
    assert sym is not None
    assert sym.codepoint == 0x2200 and sym.char == "∀" and sym.name == "FOR ALL"
    assert sym.hex == "2200" and sym.label == "U+2200" and str(sym) == "∀"
    assert sym.scope == "math" and sym.category == "Sm" and sym.block == "Mathematical Operators"


def test_symbols_are_frozen_and_cached() -> None:
    sym = symbols.get("∀")
    assert sym is symbols.get(0x2200)
    with pytest.raises(dataclasses.FrozenInstanceError):
        sym.name = "x"  # type: ignore[misc, union-attr]


def test_get_off_table_character_is_built_from_unicodedata2() -> None:
    sym = symbols.get("\u0f40")  # TIBETAN LETTER KA: in no scope of the table
    assert sym is not None
    assert sym.scope == "all"
    assert sym.name == unicodedata2.name("\u0f40") == "TIBETAN LETTER KA"
    assert sym.category == "Lo" and sym.block == "Tibetan"
    assert sym.latex == () and sym.html == ()
    cjk = symbols.get("中")
    assert cjk is not None and cjk.name == "CJK UNIFIED IDEOGRAPH-4E2D" and cjk.scope == "all"


def test_off_table_characters_carry_their_aliases() -> None:
    # U+FEFF is in no stored scope; NameAliases and NamesList still name it.
    bom = symbols.get(0xFEFF)
    assert bom is not None and bom.scope == "all"
    assert bom.formal_aliases == ("BYTE ORDER MARK", "BOM", "ZWNBSP")
    assert bom.aliases == ("BOM, ZWNBSP",)
    # A correction alias only (NameAliases), and an informative one only (NamesList).
    gha = symbols.get(0x01A2)
    assert gha is not None and gha.scope == "all"
    assert gha.name == "LATIN CAPITAL LETTER OI"
    assert gha.formal_aliases == ("LATIN CAPITAL LETTER GHA",)
    ka = symbols.get("\u0f40")
    assert ka is not None and ka.aliases == ka.formal_aliases == ()


def test_unlisted_aliases_cover_only_characters_outside_the_table() -> None:
    t = load()
    assert t.unlisted_names(0x2200, "alias") == ()  # ∀'s are on its row
    forall = symbols.get(0x2200)
    assert forall is not None and forall.aliases == ("universal quantifier",)
    assert t.unlisted_names(0xFEFF, "nonexistent column") == ()


def test_get_private_use_has_a_descriptive_name() -> None:
    sym = symbols.get(0xE000)
    assert sym is not None and sym.category == "Co" and sym.name == "<private use-E000>"


@pytest.mark.parametrize(
    "key",
    [
        0x0378,
        0x10FFFF + 1,
        -1,
        0xD800,
        0xDFFF,
        0xFFFF,
        "U+0378",
        "U+110000",
        "U+ZZZZ",
        "",
        "ab",
        "xyz",
    ],
)
def test_get_returns_none_for_unassigned_invalid_and_surrogates(key: object) -> None:
    assert symbols.get(key) is None  # type: ignore[arg-type]


def test_parse_codepoint() -> None:
    assert parse_codepoint("U+1D400") == 0x1D400
    assert parse_codepoint("2200") == 0x2200
    assert parse_codepoint("U+") is None and parse_codepoint("U+1234567") is None


def test_make_symbol_and_block_of() -> None:
    assert make_symbol(0x1DB00) is not None  # Unicode 18: LEIBNIZIAN EQUALS SIGN
    assert block_of(0x1DB00) == "Miscellaneous Symbols and Arrows Extended"
    assert block_of(0x2200) == "Mathematical Operators"
    assert block_of(0x2FE0) == "No_Block"


# --------------------------------------------------------------------------- from_*


@pytest.mark.parametrize(
    ("command", "char"),
    [
        (r"\forall", "∀"),
        ("forall", "∀"),
        (r"\mathbb{R}", "ℝ"),
        (r"\mathbb R", "ℝ"),
        ("mathbb R", "ℝ"),
        (r"\mathbb{ R }", "ℝ"),
        (r"\BbbR", "ℝ"),
        (r"\mathcal{L}", "ℒ"),
        (r"\mathscr{F}", "ℱ"),
        (r"\mathfrak{g}", "𝔤"),
        (r"\mathfrak{C}", "ℭ"),
        (r"\mathbf{x}", "𝐱"),
        (r"\mathit{x}", "𝑥"),
        (r"\mathit{h}", "ℎ"),
        (r"\mathsf{A}", "𝖠"),
        (r"\mathtt{A}", "𝙰"),
        (r"\mathbfit{x}", "𝒙"),
        (r"\mathbfcal{A}", "𝓐"),
        (r"\mathbffrak{A}", "𝕬"),
        (r"\mathsfbf{A}", "𝗔"),
        (r"\mathsfit{A}", "𝘈"),
        (r"\mathsfbfit{A}", "𝘼"),
        (r"\mathbfscr{A}", "𝓐"),
        (r"\mathbf{\alpha}", "𝛂"),
        (r"\symbf{\alpha}", "𝛂"),
        (r"\mathit{\Gamma}", "𝛤"),
        (r"\mathbb{1}", "𝟙"),
        (r"\mathbf{0}", "𝟎"),
        (r"\mathbbit{D}", "ⅅ"),
        ("^2", "²"),
        ("^{2}", "²"),
        ("_1", "₁"),
        ("^n", "ⁿ"),
        ("^+", "⁺"),
        ("_-", "₋"),
        (r"\sfrac{1}{2}", "½"),
        (r"\sfrac12", "½"),
    ],
)
def test_from_latex(command: str, char: str) -> None:
    assert chars(symbols.from_latex(command))[0] == char


SHORT_FORMS = {
    r"\le": "≤",
    r"\ge": "≥",
    r"\ne": "≠",
    r"\to": "→",
    r"\gets": "←",
    r"\implies": "⟹",
    r"\iff": "⟺",
    r"\lnot": "¬",
    r"\land": "∧",
    r"\lor": "∨",
    r"\emptyset": "∅",
    r"\dots": "…",
    r"\lbrace": "{",
    r"\rbrace": "}",
    r"\neq": "≠",
    r"\leq": "≤",
    r"\infty": "∞",
    r"\in": "∈",
    r"\notin": "∉",
    r"\cdot": "⋅",
    r"\times": "×",
    r"\mapsto": "↦",
    r"\Rightarrow": "⇒",
    r"\partial": "∂",
    r"\nabla": "∇",
}


@pytest.mark.parametrize(("command", "char"), sorted(SHORT_FORMS.items()))
def test_short_forms_everyone_types(command: str, char: str) -> None:
    found = symbols.from_latex(command)
    assert found and found[0].char == char
    assert command in found[0].latex


def test_from_latex_unknown_and_blank() -> None:
    assert symbols.from_latex(r"\nosuchcommand") == []
    assert symbols.from_latex("") == []
    assert symbols.from_latex(r"\mathbb{}") == []


CONFLICTS = {
    # command: (best, other) — unicode-math's mapping first, the others kept.
    r"\setminus": ("∖", "⧵"),
    r"\perp": ("⟂", "⊥"),
    r"\epsilon": ("ϵ", "ε"),
    r"\square": ("◻", "□"),
    r"\blacksquare": ("◼", "■"),
    r"\bullet": ("•", "∙"),
    r"\imath": ("𝚤", "ı"),
    r"\eth": ("ð", "ð"),
}


@pytest.mark.parametrize(("command", "pair"), sorted(CONFLICTS.items()))
def test_conflicting_commands_keep_every_mapping_ranked(
    command: str, pair: tuple[str, str]
) -> None:
    found = symbols.from_latex(command)
    best, other = pair
    assert found[0].char == best
    assert other in chars(found)
    ranks = [next(c.rank for c in s.latex_commands if c.command == command) for s in found]
    assert ranks == sorted(ranks)


def test_var_epsilon_in_the_math_alphabets_keeps_both_namings() -> None:
    bold_symbol = symbols.get(0x1D6DC)  # MATHEMATICAL BOLD EPSILON SYMBOL (ϵ-shaped)
    assert bold_symbol is not None
    # unicode-math calls it \mbfepsilon, unimathsymbols \mathbf{\epsilon}: both kept.
    assert {r"\mbfepsilon", r"\mbfvarepsilon", r"\mathbf{\epsilon}"} <= set(bold_symbol.latex)
    assert bold_symbol.latex[0] == r"\mathbf{\epsilon}"


@pytest.mark.parametrize(
    ("entity", "char"),
    [
        ("&forall;", "∀"),
        ("forall", "∀"),
        ("&ForAll;", "∀"),
        ("&rarr;", "→"),
        ("&Rarr;", "↠"),
        ("&rArr;", "⇒"),
        ("&Ropf;", "ℝ"),
        ("&nbsp;", "\u00a0"),
        ("&nbsp", "\u00a0"),
        ("&#x2200;", "∀"),
        ("&#8704;", "∀"),
        ("&Tab;", "\t"),
        ("&NewLine;", "\n"),
    ],
)
def test_from_html(entity: str, char: str) -> None:
    assert chars(symbols.from_html(entity))[0] == char


def test_from_html_unknown() -> None:
    assert symbols.from_html("&nosuch;") == []
    assert symbols.from_html("&#xZZ;") == []
    assert symbols.from_html("&#xD800;") == []


@pytest.mark.parametrize(
    ("name", "char"),
    [
        ("sym.forall", "∀"),
        ("forall", "∀"),
        ("arrow.r.double", "⇒"),
        ("RR", "ℝ"),
        ("space.nobreak", "\u00a0"),
        ("dash.em", "—"),
        ("minus", "−"),
        ("chess.king.white", "♔"),
    ],
)
def test_from_typst(name: str, char: str) -> None:
    assert chars(symbols.from_typst(name))[0] == char


def test_typst_deprecated_names_are_left_out() -> None:
    assert symbols.from_typst("prec.curly.eq") == []
    assert chars(symbols.from_typst("prec.eq.slant")) == ["≼"]


# --------------------------------------------------------------------------- spot checks


def test_forall() -> None:
    s = symbols.get("∀")
    assert s is not None
    assert s.latex[0] == r"\forall"
    assert s.latex_commands[0].origins[0] == "unicode-math"
    assert {"forall", "ForAll"} <= set(s.html)
    assert s.typst == ("forall",)
    assert "universal quantifier" in s.aliases
    assert "FA" in s.vim and "AA" in s.asciimath


def test_double_struck_r() -> None:
    s = symbols.get("ℝ")
    assert s is not None
    assert s.latex[0] == r"\mathbb{R}"
    assert r"\BbbR" in s.latex
    assert "Ropf" in s.html and "reals" in s.html
    assert "RR" in s.typst
    assert s.group == "Letterlike & alphabets"
    assert next(c for c in s.latex_commands if c.command == r"\mathbb{R}").package == "amssymb"


def test_dashes_and_minus_cross_reference_each_other() -> None:
    minus, hyphen_minus, hyphen = (symbols.get(c) for c in "−-‐")
    assert minus is not None and hyphen_minus is not None and hyphen is not None
    assert 0x002D in minus.related
    assert {0x2010, 0x2012, 0x2013, 0x2212} <= set(hyphen_minus.related)
    assert 0x002D in hyphen.related
    assert minus.latex[0] == r"\minus" and "minus" in minus.html
    en, em = symbols.get("–"), symbols.get("—")
    assert en is not None and em is not None
    assert en.html == ("ndash",) and em.html == ("mdash",)
    assert en.typst == ("dash.en",) and em.typst == ("dash.em",)


@pytest.mark.parametrize(
    ("cp", "html_name", "typst_name"),
    [
        (0x00A0, "nbsp", "space.nobreak"),
        (0x2002, "ensp", "space.en"),
        (0x2003, "emsp", "space.quad"),
        (0x2009, "thinsp", "space.thin"),
        (0x200A, "hairsp", "space.hair"),
        (0x2007, "numsp", "space.fig"),
    ],
)
def test_spaces(cp: int, html_name: str, typst_name: str) -> None:
    s = symbols.get(cp)
    assert s is not None
    assert s.group == "Spaces" and s.category == "Zs"
    assert html_name in s.html and typst_name in s.typst


def test_vim_digraphs_of_spaces() -> None:
    # Their rows in Vim's table start with the (blank) character itself.
    for key, digraph in ((" ", "SP"), (0x2002, "1N"), (0x2009, "1T")):
        found = symbols.get(key)
        assert found is not None and found.vim == (digraph,), key


def test_nbsp_aliases() -> None:
    s = symbols.get("\u00a0")
    assert s is not None
    assert s.name == "NO-BREAK SPACE"
    assert "NBSP" in s.formal_aliases
    assert "NS" in s.vim
    assert 0x202F in s.related  # NARROW NO-BREAK SPACE


def test_controls_use_their_formal_alias() -> None:
    tab = symbols.get("\t")
    assert tab is not None and tab.name == "CHARACTER TABULATION" and tab.scope == "extended"
    assert "Tab" in tab.html
    pad = symbols.get(0x80)
    assert pad is not None and pad.name == "PADDING CHARACTER"


def test_superscripts_and_fractions() -> None:
    two = symbols.get("²")
    assert two is not None and two.latex[0] == "^2"
    assert two.latex_commands[0].origins == ("style",)
    half = symbols.get("½")
    assert half is not None and half.latex[0] == r"\sfrac{1}{2}"
    assert "frac12" in half.html


def test_compose_sequences() -> None:
    ne = symbols.get("≠")
    assert ne is not None and "= /" in ne.compose
    nbsp = symbols.get("\u00a0")
    assert nbsp is not None and "space space" in nbsp.compose


# --------------------------------------------------------------------------- table(), scopes


def test_table_scopes_nest() -> None:
    math = symbols.table()
    extended = symbols.table("extended")
    assert symbols.table("math") == math
    assert 4200 <= len(math) <= 5150
    assert {s.codepoint for s in math} < {s.codepoint for s in extended}
    assert all(s.scope == "math" for s in math)
    assert {s.scope for s in extended} == {"math", "extended"}
    assert SCOPES == ("math", "extended", "all")


def test_table_rejects_unknown_scope() -> None:
    with pytest.raises(ValueError, match="unknown scope"):
        symbols.table("everything")


def test_scope_all() -> None:
    everything = symbols.table("all")
    assert 34_500 <= len(everything) <= 35_500
    cps = [s.codepoint for s in everything]
    assert cps == sorted(set(cps))
    assert len(load()) < len(everything)


def test_all_codepoints() -> None:
    cps = all_codepoints()
    assert 34_000 <= len(cps) <= 35_500
    assert cps == sorted(set(cps))
    assert 0x2200 in cps and 0x1DB00 in cps
    # Algorithmic names are not "individually named"; they stay reachable by get().
    assert 0x4E00 not in cps and 0xAC00 not in cps
    assert symbols.get(0xAC00) is not None


def test_normalize_command_keys() -> None:
    assert normalize_command(r"\mathbb R") == [r"\mathbb{R}"]
    assert normalize_command("^{2}") == ["^2"]
    assert normalize_command("  ") == []


@pytest.mark.parametrize(
    ("typed", "char"),
    [
        (r"^\beta", "ᵝ"),
        (r"^{\beta}", "ᵝ"),
        (r"\symbfsf A", "𝗔"),
        (r"\mathbfsf{A}", "𝗔"),
        ("_ 1", "₁"),
    ],
)
def test_from_latex_more_spellings(typed: str, char: str) -> None:
    assert chars(symbols.from_latex(typed)) == [char]
