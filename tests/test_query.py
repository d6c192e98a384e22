"""Reading a query: graphemes, code point spellings, LaTeX/HTML/Typst/word readings."""

from __future__ import annotations

import pytest

from symbols.query import Query, fold, graphemes, parse, strip_variation_selectors, tokens


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("∀x∈ℝ", ["∀", "x", "∈", "ℝ"]),
        ("e\u0301x", ["e\u0301", "x"]),  # combining acute stays on its base
        ("x\u0302\u0303", ["x\u0302\u0303"]),  # several marks
        ("\u2764\ufe0f!", ["\u2764\ufe0f", "!"]),  # variation selector
        ("\U0001f469\u200d\U0001f4bb", ["\U0001f469\u200d\U0001f4bb"]),  # ZWJ sequence
        ("\U0001f44d\U0001f3fd", ["\U0001f44d\U0001f3fd"]),  # skin-tone modifier
        (
            "\U0001f1eb\U0001f1f7\U0001f1e9\U0001f1ea",
            ["\U0001f1eb\U0001f1f7", "\U0001f1e9\U0001f1ea"],
        ),
        ("\U0001f1eb\U0001f1f7\U0001f1e9", ["\U0001f1eb\U0001f1f7", "\U0001f1e9"]),  # odd flag out
        ("a\r\nb", ["a", "\r\n", "b"]),
        ("\n\u0301", ["\n", "\u0301"]),  # a mark does not attach to a control
        ("\u1100\u1161\u11a8", ["\u1100\u1161\u11a8"]),  # Hangul jamo L V T
        ("क्षि", ["क्षि"]),  # Devanagari conjunct with vowel sign
        ("", []),
        ("\ud800a", ["\ud800", "a"]),  # lone surrogate is its own cluster
        # GB11: a ZWJ joins two pictographs only; elsewhere it stays on what precedes it.
        ("a\u200db", ["a\u200d", "b"]),
        (" \u200dx", [" \u200d", "x"]),
        ("a\u200d\U0001f600", ["a\u200d", "\U0001f600"]),
        ("\U0001f600\u200db", ["\U0001f600\u200d", "b"]),
        (
            "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466x",
            ["\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466", "x"],
        ),  # family
        ("\U0001f469\U0001f3fd\u200d\U0001f4bb", ["\U0001f469\U0001f3fd\u200d\U0001f4bb"]),
        ("\u2764\ufe0f\u200d\U0001f525", ["\u2764\ufe0f\u200d\U0001f525"]),  # selector first
        ("\U0001f3f3\ufe0f\u200d\U0001f308", ["\U0001f3f3\ufe0f\u200d\U0001f308"]),  # flag
    ],
)
def test_graphemes(text: str, expected: list[str]) -> None:
    assert graphemes(text) == expected
    assert "".join(graphemes(text)) == text


def test_strip_variation_selectors() -> None:
    assert strip_variation_selectors("\u2264\ufe00x\U000e0100") == "\u2264x"


def test_fold_and_tokens() -> None:
    assert fold("plus-minus  Sign") == "PLUS MINUS SIGN"
    assert tokens("less-than or_equal.to") == ["LESS", "THAN", "OR", "EQUAL", "TO"]
    assert tokens("  ") == []


@pytest.mark.parametrize(
    "text",
    [
        "U+2200",
        "u+2200",
        "U2200",
        "0x2200",
        "0X2200",
        "\\u2200",
        "\\x{2200}",
        "\\u{2200}",
        "&#x2200;",
        "&#X2200",
        "&#8704;",
        "\\2200",
        " U+2200 ",
    ],
)
def test_explicit_codepoint_spellings(text: str) -> None:
    q = parse(text)
    assert q.codepoint == 0x2200
    assert q.words == ()  # a code point spelling is not a name


def test_lowercase_u_and_named_escapes() -> None:
    assert parse("u2200").codepoint == 0x2200
    assert parse("u1d400").codepoint == 0x1D400
    # Letters only after a lower-case u may be a word: not read as a code point.
    assert parse("uface").codepoint is None and parse("uface").words == ("UFACE",)
    assert parse("\\N{FOR ALL}").codepoint == 0x2200
    assert parse("\\N{for all}").codepoint == 0x2200  # names ignore case
    assert parse("\\N{BEL}").codepoint == 0x07  # aliases too
    assert parse("\\N{NO SUCH NAME}").codepoint is None
    assert parse("\\N{}").codepoint is None


def test_long_codepoint_forms() -> None:
    assert parse("\\U0001D400").codepoint == 0x1D400
    assert parse("U+1D400").codepoint == 0x1D400
    assert parse("U+0001D400").codepoint == 0x1D400  # leading zeros, 8 digits
    assert parse("0x0001d400").codepoint == 0x1D400
    assert parse("0001D400").hex_codepoint == 0x1D400
    assert parse("U+110000").codepoint is None  # beyond Unicode
    assert parse("&#1114112;").codepoint is None


def test_bare_hex_is_hex_never_decimal() -> None:
    q = parse("2200")
    assert q.hex_codepoint == 0x2200 and not q.hex_is_word
    assert parse("100").hex_codepoint == 0x100  # not U+0064
    q = parse("face")
    assert q.hex_codepoint == 0xFACE and q.hex_is_word
    assert q.words == ("FACE",)  # and still a word
    assert parse("bead").hex_codepoint == 0xBEAD
    assert parse("beads").hex_codepoint is None
    assert parse("0x2g").codepoint is None


def test_glyphs() -> None:
    assert parse("∀x∈ℝ").glyphs == (0x2200, ord("x"), 0x2208, 0x211D)
    assert parse("∀").words == ()  # pasted glyphs are identified, not spelled
    assert parse("\u2264\ufe00").glyphs == (0x2264,)  # variation selector ignored
    # Decomposed Å: the NFC character first, then what was pasted.
    assert parse("A\u030a").glyphs[0] == 0x00C5
    # OHM SIGN stays itself first; its NFC twin (capital omega) follows.
    assert parse("\u2126").glyphs == (0x2126, 0x03A9)
    assert parse("<=").glyphs == (ord("<"), ord("="))
    assert parse("+").glyphs == (ord("+"),)
    assert parse("\ufe0f").glyphs == (0xFE0F,)  # a lone selector is still something
    assert parse("forall").glyphs == ()
    assert parse("∀x ∈ ℝ").glyphs == (0x2200, ord("x"), 0x2208, 0x211D)


def test_latex_readings() -> None:
    assert parse("\\mathbb{R}").latex == ("\\mathbb{R}",)
    assert parse("\\mathbb R").latex == ("\\mathbb{R}",)
    assert parse("mathbb R").latex == ("\\mathbb{R}",)
    assert parse("forall").latex[0] == "\\forall"
    assert parse("^2").latex == ("^2",)
    assert parse("\\rightarr").latex_prefix == "\\rightarr"
    assert parse("rightarr").latex_prefix == "\\rightarr"
    assert parse("plus minus").latex_prefix == ""


def test_html_typst_words() -> None:
    assert parse("&rarr;").html == ("rarr",)
    assert parse("&rarr;").words == ()
    assert parse("rArr").html == ("rArr",)
    assert parse("sym.arrow.r").typst == ("arrow.r",)
    assert parse("arrow.r.double").typst == ("arrow.r.double",)
    assert parse("double-struck  R").words == ("DOUBLE", "STRUCK", "R")
    assert parse("double-struck  R").capitals == {"R"}
    assert parse("bold r").capitals == frozenset()


@pytest.mark.parametrize("text", ["", "   ", "\t\n", " \r\n\f\v "])
def test_blank(text: str) -> None:
    assert parse(text).empty


def test_unicode_space_is_a_glyph_not_blank() -> None:
    assert parse("\u00a0").glyphs == (0x00A0,)
    assert parse(" \u2003 ").glyphs == (0x2003,)


def test_huge_input_is_cut() -> None:
    q = parse("a" * 100_000)
    assert len(q.text) <= 200
    q = parse("∀" * 100_000)
    assert len(q.glyphs) == 1


def test_with_words_keeps_every_other_reading() -> None:
    q = parse("&#x2200; tickmark")
    other = q.with_words(("TICK", "MARK"))
    assert other.words == ("TICK", "MARK")
    assert q.words != other.words  # the query read first is left as it was
    for k in Query.__slots__:
        if k != "words":
            assert getattr(other, k) == getattr(q, k), k
