"""The generator's readers on small hand-made inputs (they run without the upstream tables)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import REPO

sys.path.insert(0, str(REPO / "tools"))

import sources
import styles


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_typst_nesting_modules_escapes_and_deprecations(tmp_path: Path) -> None:
    text = (
        "// Arrows.\n"
        "arrow\n"
        "  .r →\n"
        "  .r.double ⇒\n"
        "  @deprecated: `arrow.r.old` is deprecated\n"
        "  .r.old ⟶\n"
        "brace\n"
        "  .l \\u{7B}\n"
        "hash #\\vs{text}\n"
        "chess {\n"
        "  king\n"
        "    .white ♔\n"
        "}\n"
        "gs ␝ // Group Separator\n"
        "pair ab\n"
    )
    names, skipped = sources.read_typst(write(tmp_path, "sym.txt", text))
    assert names == [
        (0x2192, "arrow.r"),
        (0x21D2, "arrow.r.double"),
        (0x7B, "brace.l"),
        (0x23, "hash"),
        (0x2654, "chess.king.white"),
        (0x241D, "gs"),
    ]
    assert skipped == {"deprecated": 1, "multi": 1, "variation_selector_stripped": 1}


def test_compose_keeps_multi_key_sequences_written_as_typed(tmp_path: Path) -> None:
    text = (
        '<Multi_key> <equal> <slash>\t: "≠"   U2260 # NOT EQUAL TO\n'
        '<Multi_key> <space> <space>\t: "\u00a0"   nobreakspace\n'
        '<Multi_key> <KP_Divide> <minus>\t: "÷"   division\n'
        '<dead_acute> <e>\t: "é"   eacute\n'
        '<Multi_key> <apostrophe> <J>\t: "J́"\n'
        '<Multi_key> <backslash> <quotedbl>\t: "\\""   quotedbl\n'
    )
    got = sources.read_compose(write(tmp_path, "Compose", text))
    assert got == [(0x2260, "= /"), (0xA0, "space space"), (0xF7, "KP_Divide -"), (0x22, '\\ "')]


def test_vim_rows_including_blank_characters(tmp_path: Path) -> None:
    text = (
        "char  digraph\thex\tdec\tofficial name ~\n"
        "\tSP\t0x20\t 32\tSPACE\n"
        "|\tNS\t0xa0\t160\tNO-BREAK SPACE\n"
        "\u2002\t1N\t2002\t8194\tEN SPACE\n"
        "∀\tFA\t2200\t8704\tFOR ALL\n"
        "some prose\twith\ttabs\n"
    )
    got = sources.read_vim(write(tmp_path, "digraph.txt", text))
    assert got == [(0x20, "SP"), (0xA0, "NS"), (0x2002, "1N"), (0x2200, "FA")]


def test_unimathsymbols_columns_and_comment_references(tmp_path: Path) -> None:
    text = (
        "# header\n"
        "02192^→^\\rightarrow^\\rightarrow^R^mathrel^^= \\to, = \\fun (oz), rightward arrow\n"
        "02205^∅^\\varnothing^\\varnothing^N^mathord^amssymb^circle, slash\n"
        "0002A^*^*^^N^mathord^^# \\ast, (high) ASTERISK\n"
        "02216^∖^\\smallsetminus^\\smallsetminus^B^mathbin^-txfonts amssymb^small SET MINUS\n"
    )
    entries, approx = sources.read_unimathsymbols(write(tmp_path, "u.txt", text))
    got = [(e.codepoint, e.command, e.origin, e.package, e.math_class) for e in entries]
    assert got == [
        (0x2192, "\\rightarrow", "latex", "", "rel"),
        (0x2192, "\\rightarrow", "unicode-math", "unicode-math", "rel"),
        (0x2192, "\\to", "latex", "", "rel"),
        (0x2192, "\\fun", "latex", "oz", "rel"),
        (0x2205, "\\varnothing", "latex", "amssymb", "ord"),
        (0x2205, "\\varnothing", "unicode-math", "unicode-math", "ord"),
        (0x2216, "\\smallsetminus", "latex", "amssymb", "bin"),
        (0x2216, "\\smallsetminus", "unicode-math", "unicode-math", "bin"),
    ]
    assert [(e.codepoint, e.command) for e in approx] == [(0x2A, "\\ast")]


def test_unimathsymbols_negated_packages_hbar_and_roman_letters(tmp_path: Path) -> None:
    # "-pkg" means "not with pkg" (the header's requirements field): never a requirement.
    text = (
        "00394^Δ^\\Delta^\\upDelta^A^mathalpha^-literal^= \\Delta (-slantedGreek), "
        "= \\mathrm{\\Delta}, capital delta, greek\n"
        "1D6E4^𝛤^\\Gamma^\\mitGamma^A^mathalpha^slantedGreek^= \\mathit{\\Gamma} (-fourier), "
        "= \\varGamma (amsmath fourier), MATHEMATICAL ITALIC CAPITAL GAMMA\n"
        "0210F^ℏ^\\hslash^\\hslash^N^mathalpha^amssymb fourier arevmath^=\\HBar (wrisym), "
        "#\\hbar, Planck's h over 2pi\n"
        "00078^x^x^^A^mathalpha^-literal^= \\mathrm{x}, LATIN SMALL LETTER X\n"
    )
    entries, approx = sources.read_unimathsymbols(write(tmp_path, "u.txt", text))
    got = [(e.codepoint, e.command, e.package) for e in entries if e.origin == "latex"]
    assert got == [
        (0x394, "\\Delta", ""),
        (0x394, "\\Delta", ""),
        (0x394, "\\mathrm{\\Delta}", ""),
        (0x1D6E4, "\\Gamma", "slantedGreek"),
        (0x1D6E4, "\\mathit{\\Gamma}", ""),
        (0x1D6E4, "\\varGamma", "amsmath"),
        (0x210F, "\\hslash", "amssymb"),
        (0x210F, "\\HBar", "wrisym"),
    ]
    assert [(e.codepoint, e.command) for e in approx] == [(0x210F, "\\hbar")]
    assert sources._required("-fourier -omlmathit") == ""
    assert sources._required("mathabx -txfonts") == "mathabx"


def test_julia_skips_emoji_and_sequences(tmp_path: Path) -> None:
    text = "# header\n\\le\t2264\n\\:smile:\t1F604\n\\neqsim\t2242 0338\n"
    entries, emoji, multi = sources.read_julia(write(tmp_path, "j.tsv", text))
    assert [(e.codepoint, e.command, e.origin) for e in entries] == [(0x2264, "\\le", "julia")]
    assert (emoji, multi) == (1, 1)


@pytest.mark.parametrize(
    ("char", "arg"),
    [
        ("R", "R"),
        ("7", "7"),
        ("ϵ", "\\epsilon"),
        ("ε", "\\varepsilon"),
        ("Α", "\\Alpha"),
        ("ϴ", "\\varTheta"),
    ],
)
def test_letter_argument(char: str, arg: str) -> None:
    classic = {0x03F5: "\\epsilon", 0x03B5: "\\varepsilon"}
    assert styles.letter_argument(char, classic) == arg


def test_font_base_is_one_step() -> None:
    assert styles.font_base("\U0001d6dc") == "ϵ"  # not ε, where NFKD would end
    assert styles.font_base("ℝ") == "R"
    assert styles.font_base("A") == ""


def test_every_styled_letter_command_made_is_one_the_query_reader_knows() -> None:
    # The generator makes \mathbb{R}-style keys from styles.STYLES; the query reader
    # (symbols.query.STYLE_COMMANDS) must read each of them as a styled letter.
    from symbols.query import STYLE_COMMANDS, normalize_command

    made = {command for commands in styles.STYLES.values() for command, _pkg in commands}
    assert made <= set(STYLE_COMMANDS)
    for command in made:
        assert normalize_command(f"{command} R") == [f"\\{command}{{R}}"], command
