"""symbols.search: the API contract, each kind of query, and the ranking rules."""

from __future__ import annotations

import dataclasses
import itertools
import subprocess
import sys

import pytest
import unicodedata2
from conftest import REPO

import symbols
from symbols.search import MAX_LIMIT, Match, Matched, search

TIERS = ["codepoint", "glyph", "exact", "concept", "prefix", "word-prefix", "substring", "fuzzy"]


def chars(query: str, limit: int = 10, scope: str = "math") -> list[str]:
    return [m.symbol.char for m in search(query, limit, scope)]


def top(query: str, scope: str = "math") -> Match:
    results = search(query, 10, scope)
    assert results, f"nothing found for {query!r}"
    return results[0]


# --------------------------------------------------------------------------- contract


def test_exported_from_package() -> None:
    # symbols.search is the function or, once the module was imported, the callable
    # module: either way it searches.
    assert [m.symbol.char for m in symbols.search("\\forall")] == ["∀"]
    assert symbols.Match is Match


def test_match_records_are_frozen_and_slotted() -> None:
    m = top("\\forall")
    assert isinstance(m.matched, Matched)
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.score = 0.0  # type: ignore[misc]
    assert not hasattr(m, "__dict__") and not hasattr(m.matched, "__dict__")


def test_unknown_scope_is_the_one_error() -> None:
    with pytest.raises(ValueError, match="scope"):
        search("forall", scope="everything")
    with pytest.raises(ValueError, match="scope"):
        search("", scope="")  # checked even for a blank query


@pytest.mark.parametrize("query", ["", " ", "\t\n  ", "\r\n"])
def test_blank_query_gives_nothing(query: str) -> None:
    assert search(query) == []


@pytest.mark.parametrize("limit", [0, -1, -(10**9)])
def test_limit_zero_or_less_gives_nothing(limit: int) -> None:
    assert search("arrow", limit) == []


def test_limit_is_honoured_and_huge_limit_capped() -> None:
    assert len(search("arrow", 3)) == 3
    many = search("arrow", 10**12, scope="all")
    assert MAX_LIMIT // 2 < len(many) <= MAX_LIMIT
    assert len({m.symbol.codepoint for m in many}) == len(many)  # each symbol once


def test_scores_descend_and_ties_break_by_code_point() -> None:
    for query in ["arrow", "integral", "less", "a", "double struck", "rigth arrow"]:
        results = search(query, 50)
        for a, b in itertools.pairwise(results):
            assert a.score >= b.score
            if a.score == b.score and a.matched.kind == b.matched.kind != "codepoint":
                assert a.symbol.codepoint < b.symbol.codepoint
        assert search(query, 50) == results  # deterministic


def test_spans_lie_inside_the_matched_text() -> None:
    for query in ["plus minus", "\\rightarr", "&rarr;", "arrow.r", "U+2200", "∀", "intergral"]:
        for m in search(query, 20):
            for start, end in m.matched.spans:
                assert 0 <= start < end <= len(m.matched.text)
            assert m.matched.kind in TIERS


# --------------------------------------------------------------------------- code points


@pytest.mark.parametrize(
    "query",
    ["2200", "U+2200", "u+2200", "U2200", "0x2200", "\\u2200", "\\x{2200}", "&#x2200;", "&#8704;"],
)
def test_code_point_spellings(query: str) -> None:
    m = top(query)
    assert m.symbol.char == "∀"
    assert m.matched == Matched("codepoint", "U+2200", ((0, 6),), "codepoint")


def test_code_point_beyond_the_bmp_and_outside_the_scope() -> None:
    assert top("\\U0001D400").symbol.char == "𝐀"
    assert top("U+3042").symbol.name == "HIRAGANA LETTER A"  # not a math symbol, still found
    assert search("U+0378") == []  # unassigned
    assert search("U+110000") == [] or top("U+110000").matched.kind != "codepoint"


def test_bare_digits_are_hex_not_decimal() -> None:
    assert top("100").symbol.codepoint == 0x100


def test_hex_word_gives_names_and_the_code_point() -> None:
    results = search("face", 10)
    assert results[0].matched.kind != "codepoint"
    assert "FACE" in results[0].matched.text.upper()
    assert results[1].symbol.codepoint == 0xFACE
    assert results[1].matched.kind == "codepoint"


# --------------------------------------------------------------------------- glyphs


def test_pasted_glyph() -> None:
    m = top("≤")
    assert m.symbol.codepoint == 0x2264
    assert m.matched.kind == "glyph" and m.matched.field == "glyph"


def test_string_of_glyphs_in_order() -> None:
    results = search("∀x∈ℝ")
    assert [m.symbol.char for m in results[:4]] == ["∀", "x", "∈", "ℝ"]
    assert all(m.matched.kind == "glyph" for m in results[:4])


def test_variation_selector_ignored_and_nfc() -> None:
    assert top("≤\ufe00").symbol.codepoint == 0x2264
    assert top("A\u030a").symbol.codepoint == 0x00C5  # decomposed Å
    assert top("\u2126").symbol.codepoint == 0x2126  # OHM SIGN stays itself


def test_ascii_punctuation_is_a_name_first_then_glyphs() -> None:
    results = search("<=")
    assert results[0].symbol.char == "≤" and results[0].matched.field == "asciimath"
    # Vim's digraph <= (⇐) is a name too; the characters typed come after every name.
    kinds = [m.matched.kind for m in results]
    assert [m.symbol.char for m in results if m.matched.kind == "glyph"] == ["<", "="]
    assert kinds.index("glyph") == kinds.count("exact")


@pytest.mark.parametrize(
    ("query", "char", "field"),
    [
        ("<-", "←", "vim"),  # a Vim digraph
        ("..", "…", "compose"),  # Compose ". ." typed without its space
        ("---", "—", "compose"),
        ("...", "…", "glyph"),  # compatibility decomposition: … is "..." in NFKC
        ("::=", "⩴", "glyph"),
    ],
)
def test_ascii_art_the_sources_spell(query: str, char: str, field: str) -> None:
    m = top(query)
    assert (m.symbol.char, m.matched.field, m.matched.kind) == (char, field, "exact")


@pytest.mark.parametrize("query", ["arrow.l.r", "in.not", "\\le", "\\subset", "&rarr;", "&le;"])
def test_a_query_written_in_a_notation_gets_no_meanings_of_its_words(query: str) -> None:
    # "in.not" is Typst's ∉; its words IN and NOT found ¬, ♪ and ∼ through concept phrases.
    results = search(query, limit=10)
    assert results[0].matched.kind == "exact"
    assert not [m for m in results if m.matched.field in ("concept", "shape")]


def test_pasted_unicode_space_is_identified() -> None:
    assert top("\u00a0").symbol.name == "NO-BREAK SPACE"


# --------------------------------------------------------------------------- LaTeX


@pytest.mark.parametrize(
    ("query", "char"),
    [
        ("\\forall", "∀"),
        ("forall", "∀"),
        ("\\mathbb{R}", "ℝ"),
        ("\\mathbb R", "ℝ"),
        ("mathbb R", "ℝ"),
        ("\\bbR", "ℝ"),
        ("\\hat", "\u0302"),
        ("^2", "²"),
        ("_1", "₁"),
        ("\\alpha", "α"),
    ],
)
def test_latex_exact(query: str, char: str) -> None:
    m = top(query)
    assert m.symbol.char == char and m.matched.kind == "exact"
    if query.startswith("\\"):
        assert m.matched.field == "latex"


@pytest.mark.parametrize(
    ("query", "char"),
    [
        ("epsilon", "ε"),
        ("\\epsilon", "ϵ"),
        ("phi", "φ"),
        ("\\phi", "ϕ"),
        ("not", "¬"),
        ("varepsilon", "ε"),  # no Unicode name has the word: LaTeX's (&varepsilon; is ϵ)
        ("varphi", "φ"),
    ],
)
def test_bare_word_is_a_name_before_a_command(query: str, char: str) -> None:
    # Without a backslash the word is as much a Unicode name or entity as LaTeX's:
    # the plain letter first; with it, LaTeX's (and unicode-math's) glyph.
    assert top(query).symbol.char == char


def test_bare_word_completed_as_a_command_is_no_prefix_hit() -> None:
    # "quarter" completing \quarternote is weaker than a name holding the word.
    m = top("quarter")
    assert m.matched.field != "latex"
    assert top("\\quartern").matched.kind == "prefix"


def test_latex_exact_wins_over_case_folded() -> None:
    assert top("\\Leftarrow").symbol.char == "⇐"
    assert top("\\leftarrow").symbol.char == "←"
    assert top("\\LEFTARROW").symbol.char in "←⇐"  # a second chance without case


def test_latex_prefix_lists_completions_shortest_first() -> None:
    results = search("\\rightarr", 8)
    assert results[0].symbol.char == "→"
    assert all(m.matched.text.startswith("\\rightarr") for m in results)
    assert results[0].matched.spans == ((0, len("\\rightarr")),)
    assert len(results[0].matched.text) == min(len(m.matched.text) for m in results)


def test_half_written_latex() -> None:
    assert set(chars("\\mathbb{", 40)) >= {"ℝ", "ℕ", "ℤ"}


# --------------------------------------------------------------------------- HTML, Typst


def test_html_entities() -> None:
    assert top("&rarr;").symbol.char == "→"
    assert top("rarr").symbol.char == "→"
    assert top("&rArr;").symbol.char == "⇒"  # entity names keep their case
    assert top("&rarr;").matched == Matched("html", "&rarr;", ((0, 6),), "exact")


def test_typst_names() -> None:
    assert top("arrow.r.double").symbol.char == "⇒"
    m = top("arrow.double.r")  # Typst modifiers come in any order
    assert m.symbol.char == "⇒" and m.matched.text == "arrow.r.double"
    m = top("sym.arrow.r")
    assert m.symbol.char == "→" and m.matched.field == "typst" and m.matched.text == "arrow.r"
    # Some modifiers left out: the variant with the fewest others, as Typst resolves it.
    m = top("dots.c")
    assert m.symbol.char == "⋯" and m.matched.text == "dots.h.c"
    assert top("arrow.double").symbol.char == "⇒"


# --------------------------------------------------------------------------- words


@pytest.mark.parametrize(
    ("query", "char"),
    [
        ("plus minus", "±"),
        ("PLUS-MINUS", "±"),
        ("plusminus", "±"),
        ("double struck R", "ℝ"),
        ("greek small alpha", "α"),
        ("arrow right double", "⇒"),
        ("less than or equal", "≤"),
        ("empty set", "∅"),
    ],
)
def test_words_any_order_and_case(query: str, char: str) -> None:
    assert top(query).symbol.char == char


def test_name_spans_highlight_the_words() -> None:
    m = top("plus minus")
    assert m.matched.text == "PLUS-MINUS SIGN"
    assert [m.matched.text[a:b] for a, b in m.matched.spans] == ["PLUS", "MINUS"]
    m = top("arrow right double")
    picked = {m.matched.text[a:b] for a, b in m.matched.spans}
    assert picked == {"ARROW", "RIGHT", "DOUBLE"}


@pytest.mark.parametrize(
    ("query", "char", "field"),
    [
        ("universal quantifier", "∀", "alias"),
        ("nbsp", "\u00a0", None),
        ("NBSP", "\u00a0", None),
        ("qed", "∎", None),
    ],
)
def test_informal_names(query: str, char: str, field: str | None) -> None:
    m = top(query)
    assert m.symbol.char == char
    if field:
        assert m.matched.field == field


@pytest.mark.parametrize(
    ("query", "char"),
    [("intergral", "∫"), ("rigth arrow", "→"), ("lamda", "λ"), ("therfore", "∴")],
)
def test_typos(query: str, char: str) -> None:
    assert top(query).symbol.char == char


@pytest.mark.parametrize(
    ("slip", "meant"),
    [
        ("aproximately equal", "approximately equal"),  # ≈, not the name ≅ guessed at
        ("squre root", "square root"),
        ("sumation", "summation"),
        ("tomstone", "tombstone"),
        ("pluss minus", "plus minus"),
        ("implys arrow", "implies arrow"),
        # The word as typed is not the folded one: an accent, an underscore.
        ("sumatión", "summation"),
        ("aproximately_equal", "approximately equal"),
    ],
)
def test_a_slip_of_one_letter_lists_what_the_word_spelt_right_does(slip: str, meant: str) -> None:
    slipped = [m.symbol.char for m in search(slip, limit=5)]
    right = [m.symbol.char for m in search(meant, limit=5)]
    assert slipped[:3] == right[:3]
    assert {m.matched.kind for m in search(slip, limit=5)} == {"fuzzy"}


def test_only_a_word_nothing_knows_and_one_slip_away_is_corrected() -> None:
    # "propositional" is two letters from PROPORTIONAL (∝) and a word of its own.
    assert top("the and operator in propositional logic").symbol.char == "∧"


def test_typo_tier_is_fuzzy() -> None:
    assert top("intergral").matched.kind == "fuzzy"


def test_word_ended_differently() -> None:
    # LAPLACIAN is no word of any name, but "Laplace operator" is an alias of ∆.
    assert top("laplacian").symbol.char == "∆"


def test_words_no_name_holds_together() -> None:
    # No name holds LOGICAL and NOT: the names holding one of them come instead.
    assert top("logical not").symbol.char == "¬"
    assert top("there em dash", "extended").symbol.name in ("EM DASH", "THREE-EM DASH")


def test_unknown_command_read_as_a_name() -> None:
    assert top("\\infinity").symbol.char == "∞"
    assert top("\\texteuro").symbol.char == "€"


# --------------------------------------------------------------------------- ranking


def _tier_order(results: list[Match]) -> list[int]:
    return [TIERS.index(m.matched.kind) for m in results]


@pytest.mark.parametrize("query", ["integral", "arrow", "less than", "empty", "sum", "tack"])
def test_tiers_never_mix(query: str) -> None:
    order = _tier_order(search(query, 60))
    assert order == sorted(order)


def test_exact_before_prefix_before_words() -> None:
    results = search("integral", 30)
    assert results[0].symbol.char == "∫" and results[0].matched.kind == "exact"
    kinds = [m.matched.kind for m in results]
    assert "prefix" in kinds and "word-prefix" in kinds


def test_capital_letter_typed_means_the_capital() -> None:
    assert top("bold R").symbol.name == "MATHEMATICAL BOLD CAPITAL R"
    assert top("bold r").symbol.name == "MATHEMATICAL BOLD SMALL R"
    assert top("fraktur A").symbol.name == "MATHEMATICAL FRAKTUR CAPITAL A"


@pytest.mark.parametrize(
    ("query", "char"),
    [
        # The concept table describes the small letter; the capital typed asks for its pair.
        ("O with a stroke", "Ø"),
        ("o with a stroke", "ø"),
        # A Greek letter's name as TeX writes the capital, past the query's first word.
        ("hollow Gamma", "ℾ"),
        ("hollow gamma", "ℽ"),
        ("bold Omega", "𝛀"),
        # A query's first word is often capitalised as a sentence is.
        ("Delta function", "δ"),
    ],
)
def test_a_capital_typed_in_a_description_means_the_capital(query: str, char: str) -> None:
    assert top(query).symbol.char == char


def test_digits_find_spelt_out_names() -> None:
    assert top("subscript 0").symbol.char == "₀"
    assert top("superscript 3").symbol.char == "³"


def test_plain_letter_before_styled_variant() -> None:
    got = chars("alpha", 10)
    assert got.index("α") < got.index("𝛼")
    got = chars("double struck R", 10)
    assert got[0] == "ℝ"


def test_everyday_symbol_first_among_equals() -> None:
    # "left" completes many LaTeX names; the arrow everyone types comes before moons.
    got = chars("\\left", 5)
    assert got[0] == "←"


@pytest.mark.parametrize(
    ("query", "best", "after"),
    [
        ("arrow", "→←", "↑"),
        ("arow", "→←", "↑"),
        ("double arrow", "⇒⇔", "⇑"),
        ("ellipsis", "…", "⋮"),
        ("multiplication", "×", "✕"),
    ],
)
def test_symbol_more_sources_name_first(query: str, best: str, after: str) -> None:
    # Names equally good: the one LaTeX, HTML, Typst, Vim, Compose… all name comes first.
    got = chars(query, 10)
    assert got[0] in best and after in got[1:]


def test_single_letter_is_a_whole_word() -> None:
    assert top("subscript n").symbol.char == "ₙ"  # not SUBSCRIPT NINE
    assert "₉" not in chars("subscript n", 10)


def test_word_order_counts_when_names_tie() -> None:
    assert top("plus or minus").symbol.char == "±"  # OR left out, order kept
    assert top("minus or plus").symbol.char == "∓"
    assert top("lft arrow").symbol.char == "←"  # a three-letter slip


def test_codepoint_forms_search() -> None:
    assert top("u2200").symbol.char == "∀"
    assert top("u1d400").symbol.char == "𝐀"
    m = top("\\N{FOR ALL}")
    assert m.symbol.char == "∀" and m.matched.kind == "codepoint"


# --------------------------------------------------------------------------- scopes


def test_scopes_nest() -> None:
    assert "あ" not in chars("hiragana letter a", 10, "math")
    assert chars("hiragana letter a", 10, "all")[0] == "あ"
    math = {m.symbol.codepoint for m in search("arrow", MAX_LIMIT, "math")}
    ext = {m.symbol.codepoint for m in search("arrow", MAX_LIMIT, "extended")}
    assert math < ext


def test_word_results_stay_in_their_scope() -> None:
    for m in search("arrow", 200, "math"):
        assert m.symbol.scope == "math"


def test_exact_query_does_not_load_rapidfuzz_or_the_all_scope() -> None:
    code = (
        "import sys, symbols\n"
        "symbols.search('forall'); symbols.search('plus minus'); symbols.search('U+2200')\n"
        "from symbols.search_index import INDEXES\n"
        "print('rapidfuzz' in sys.modules, sorted(INDEXES), 'textual' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env={"PYTHONPATH": str(REPO), "PATH": ""},
    ).stdout.split("\n")[0]
    assert out == "False ['math'] False"


def test_every_result_is_an_assigned_character() -> None:
    for query in ["arrow", "U+0378", "0378", "\u0378", "face", "bead"]:
        for m in search(query, 100, "all"):
            assert unicodedata2.category(m.symbol.char) != "Cn"
            assert m.symbol.name


@pytest.mark.parametrize("scope", ["math", "extended", "all"])
def test_one_key_typed_needs_no_table_of_typed_keys(scope: str) -> None:
    # The TUI's first key ("c"): only a TeX ligature ("~") is one key long, so the
    # table of every digraph and Compose sequence is built for longer ASCII art only.
    from symbols.search import _TYPED, _ligature_keys, _typed_keys
    from symbols.search_index import index

    idx = index(scope)
    saved = _TYPED.pop(scope, None)
    try:
        assert search("c", 5, scope) and scope not in _TYPED
        found = {m.symbol.codepoint: m.matched for m in search("~", 5, scope)}
        assert found[0x00A0].field == "latex" and found[0x00A0].text == "~"  # TeX's ~
        assert scope not in _TYPED
        one_key = {k: v for k, v in _typed_keys(idx).items() if len(k) == 1}
        assert one_key == {k: v for k, v in _ligature_keys(idx).items() if len(k) == 1}
        assert "~" in one_key
    finally:
        if saved is not None:
            _TYPED[scope] = saved
