"""Query wording (symbols.wording): contractions, spellings, synonyms, phrases of shape."""

from __future__ import annotations

import pytest

from symbols import search
from symbols.query import concept_key, parse
from symbols.wording import (
    described_words,
    mark_readings,
    normalise_text,
    phrase_forms,
    stems,
    variants,
)


def first(query: str) -> str:
    return search(query, limit=5)[0].symbol.char


def top5(query: str) -> list[str]:
    return [m.symbol.char for m in search(query, limit=5)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("space that doesn't break", "space that does not break"),
        ("can't", "can not"),
        ("won’t join", "will not join"),
        ("newton's notation", "newton's notation"),
        ("plain words", "plain words"),
    ],
)
def test_contractions_are_spelt_out(text: str, expected: str) -> None:
    assert normalise_text(text) == expected


def test_a_negated_verb_reads_as_its_non_compound_only() -> None:
    assert parse("space that doesn't break").words == ("SPACE", "NON", "BREAKING")
    assert parse("character that does not join").words == ("CHARACTER", "NON", "JOINER")
    # Other negations are meanings of their own: "does not divide" is ∤.
    assert parse("does not divide").words == ("DOES", "NOT", "DIVIDE")


def test_british_and_american_spellings_read_alike() -> None:
    assert ("MICROMETER", 0.97) in variants("MICROMETRE")
    assert ("COLOR", 0.97) in variants("COLOUR")
    assert ("CENTRE", 0.97) in variants("CENTER")
    assert not [v for v, s in variants("FOUR") if s == 0.97]
    assert not [v for v, s in variants("OTHERWISE") if s == 0.97]


def test_shape_phrases_read_as_one_word() -> None:
    words = parse("dot on top").words
    assert phrase_forms(words) == {2: ("ABOVE", 0.9)}


@pytest.mark.parametrize(
    ("query", "char"),
    [
        ("hyphen that doesn't break", "\u2011"),
        ("space that doesn't break", "\u00a0"),
        ("large wedge", "⋀"),
        ("large vee", "⋁"),
        ("lying eight", "∞"),
        ("typing judgement", "⊢"),
    ],
)
def test_queries_worded_otherwise_find_the_symbol_first(query: str, char: str) -> None:
    assert first(query) == char


def test_a_phrase_in_the_table_still_wins_over_its_rewording() -> None:
    # "on top" also reads as ABOVE, but phrases that say "on top" still match whole.
    assert "\u0307" in top5("dot on top")
    assert first("hyphen that does not break") == "\u2011"


def test_two_words_run_together_are_read_apart_when_that_reads_better() -> None:
    assert first("tickmark") in "✓✔"
    # A word the fuzzy tier reads better stays whole ("uppercase" is no UPPER CASE).
    assert "Γ" in top5("uppercase gamma")


@pytest.mark.parametrize(
    "query", ["micrometres", "alphabet of a formal language", "dash for parenthetical remarks"]
)
def test_a_query_nothing_else_finds_gets_the_phrases_that_say_part_of_it(query: str) -> None:
    expected = {"micrometres": "µμ", "alphabet of a formal language": "Σ"}.get(query, "—")
    assert first(query) in expected


def test_a_phrase_said_only_through_synonyms_is_no_concept_hit() -> None:
    # SUBSCRIPT reads as LOWERED (a phrase of ↓), but the name said whole comes first.
    assert first("subscript n") == "ₙ"
    found = search("subscript n", limit=5)
    assert all(m.matched.kind != "concept" for m in found if m.symbol.char == "↓")


def test_the_letter_a_shape_is_described_on_must_be_said() -> None:
    # "o with a line": the slash is a line; a phrase without the o ("lines") is not it.
    assert first("o with a line") == "∅"
    # "a" before other words is the article, not a variable: "slashed e" is said whole.
    assert first("e with a slash") == "∉"
    assert first("upside down a") == "∀"


@pytest.mark.parametrize(
    ("query", "char"),
    [
        ("plus inside a circle", "⊕"),
        ("h with a line through it", "ℏ"),
        ("L with a line through it", "Ł"),
    ],
)
def test_shape_words_read_as_their_synonyms(query: str, char: str) -> None:
    assert first(query) == char


@pytest.mark.parametrize(
    "query",
    ["the symbol for therefore", "what is the symbol for therefore", "is the therefore sign"],
)
def test_a_filler_word_that_begins_a_phrase_word_does_not_take_it(query: str) -> None:
    # THE begins THEREFORE; the word "therefore", said whole, is what says the phrase
    # (before, THE took the phrase's one word and ∴ was found only as a guess at a typo).
    best = search(query, limit=5)[0]
    assert (best.symbol.char, best.matched.kind) == ("∴", "concept")


def test_a_described_mark_reads_as_its_name() -> None:
    assert mark_readings(parse("o with two dots").words) == [("O", "WITH", "DIAERESIS")]
    assert mark_readings(parse("n with a squiggle on top").words) == [("N", "WITH", "TILDE")]
    # A tail is a cedilla, an ogonek or a hook: the letter decides which name exists.
    assert ("C", "WITH", "CEDILLA") in mark_readings(parse("c with a tail under it").words)
    # Common words are marks only where their place is said; a mark needs its letter.
    assert mark_readings(parse("v shape").words) == []
    assert mark_readings(parse("umlaut").words) == []
    # On any letter, the combining mark (the table's "hat over a letter" says it too).
    assert mark_readings(parse("hat over a letter").words) == [("COMBINING", "CIRCUMFLEX")]
    assert first("hat over a letter") == "\u0302"


@pytest.mark.parametrize(
    ("query", "char"),
    [
        ("o with two dots", "ö"),
        ("Y with two dots", "Ÿ"),
        ("a with a little ring on top", "å"),
        ("c with a tail under it", "ç"),
        ("n with a squiggle on top", "ñ"),
        ("s with a little v on top", "š"),
        ("lambda with a bar", "ƛ"),
        ("slashed o", "ø"),
        ("u umlaut", "ü"),
    ],
)
def test_a_letter_with_a_described_mark_is_found(query: str, char: str) -> None:
    best = search(query, limit=5)[0]
    assert (best.symbol.char, best.matched.kind) == (char, "concept")


@pytest.mark.parametrize(
    ("query", "char"),
    [("umlaut", "\u0308"), ("equals with a dot on top", "≐"), ("o with a line", "∅")],
)
def test_a_mark_without_a_letter_stays_the_concept_table_s(query: str, char: str) -> None:
    assert first(query) == char


def test_a_description_reads_as_a_name_would_say_it() -> None:
    assert described_words(parse("dash inside a circle").words) == ("DASH", "CIRCLED")
    assert described_words(parse("a square drawn with dots").words) == ("SQUARE", "WITH", "DOTS")


@pytest.mark.parametrize(
    ("query", "char"),
    [
        ("dash inside a circle", "⊝"),  # CIRCLED DASH
        ("diamond with a dot in the middle", "⟐"),  # WHITE DIAMOND WITH CENTRED DOT
        ("square with a diagonal line", "⧄"),  # SQUARED RISING DIAGONAL SLASH
    ],
)
def test_a_shape_described_in_other_words_finds_the_name(query: str, char: str) -> None:
    assert first(query) == char


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("how do I type an upside down A", ("AN", "UPSIDE", "DOWN", "A")),
        ("I need the integral sign", ("THE", "INTEGRAL", "SIGN")),
        ("what's the symbol for pi", ("WHAT", "IS", "THE", "SYMBOL", "FOR", "PI")),
        ("upside down !", ("UPSIDE", "DOWN", "EXCLAMATION", "MARK")),
        ("circled +", ("CIRCLED", "PLUS", "SIGN")),
        # Only an opening that leaves something to look for, and only a lone symbol.
        ("how do i type", ("HOW", "DO", "I", "TYPE")),
        ("a+b", ("A", "B")),
    ],
)
def test_a_question_s_opening_and_a_lone_symbol_are_read_as_meant(
    text: str, words: tuple[str, ...]
) -> None:
    assert parse(text).words == words


@pytest.mark.parametrize(
    ("query", "char"),
    [
        ("how do I type an upside down A", "∀"),  # found nothing: I was a lone letter
        ("upside down !", "¡"),
        ("circled +", "⊕"),
        ("slashed =", "≠"),
        ("chalkboard bold H", "ℍ"),  # chalkboard is blackboard
        ("little minus sign up high", "⁻"),  # up high is raised, superscript
        ("little minus up top", "⁻"),  # found the down tack ⊤ (TOP)
        ("giant sigma", "∑"),  # giant is big: found σ
        ("curvy e set symbol", "∈"),  # curvy is curly: found nothing
        ("small 2 above", "²"),  # a small thing above is a superscript: found ℏ
        ("tiny plus above", "⁺"),  # found ⨤
        ("T rotated 180 degrees", "⊥"),  # a half turn is upside down: found °
        ("A turned by 180 deg", "∀"),
    ],
)
def test_questions_and_symbols_among_words_find_the_symbol(query: str, char: str) -> None:
    assert first(query) == char


@pytest.mark.parametrize(
    ("query", "char", "before"),
    [
        # "looks like" says how it looks, not what: "like" found ♥ (a phrase "like").
        ("x looking greek letter", "χ", "✗"),
        ("greek letter that looks like a pitchfork", "Ψ", "⋔"),
        # An article the phrase has and the query leaves out ("… looks like an x").
        ("cross that looks like x", "✗", "✝"),
        # The last resort: a phrase of filler only ("like", ♥'s) is no guess at the rest.
        ("old fashioned s that looks like f", "ſ", "♡"),
    ],
)
def test_looks_like_and_articles_are_left_out_of_what_a_description_says(
    query: str, char: str, before: str
) -> None:
    chars = [m.symbol.char for m in search(query, limit=10)]
    assert char in chars
    assert "♥" not in chars
    if before in chars:
        assert chars.index(char) < chars.index(before)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("(c)", "(c)"),  # folded, it would be the letter C
        (":=", ":="),  # folded, nothing at all
        ("<->", "<->"),
        ("|-", "|-"),
        ("(C)", "(c)"),  # case does not matter
        ("upside-down a", "UPSIDE DOWN A"),  # words fold as ever
        ("on/off", "ON OFF"),  # two letters in a row: words, not art
        ("(tm)", "TM"),
        ("x", "X"),
    ],
)
def test_plain_text_art_is_looked_up_as_typed_and_words_folded(text: str, key: str) -> None:
    assert concept_key(text) == key


@pytest.mark.parametrize(
    ("query", "char"),
    [
        ("(c)", "©"),  # found ℭ (the letter C's)
        ("(r)", "®"),
        (":=", "≔"),  # found : and = as glyphs
        ("<->", "↔"),
        ("-->", "⟶"),
        ("(+)", "⊕"),
        ("|-", "⊢"),
        ("<3", "♥"),
    ],
)
def test_plain_text_art_finds_the_symbol_before_its_characters(query: str, char: str) -> None:
    chars = [m.symbol.char for m in search(query, limit=10)]
    assert chars[0] == char
    if not any(c.isalnum() for c in query):
        # The characters typed still follow, as glyphs.
        assert all(c in chars for c in query)


@pytest.mark.parametrize(
    ("query", "char", "not_first"),
    [
        # CARE is a word of its own (CARE OF): it only begins CARET's "caret symbol".
        ("care of symbol", "℅", "^"),
        ("black letter c", "ℭ", "ℂ"),  # BLACK is no start of BLACKBOARD here
        # The last word may still be being typed: "set min" is on its way to MINUS.
        ("set min", "∖", "⚒"),
    ],
)
def test_a_word_typed_in_full_is_not_the_start_of_another(
    query: str, char: str, not_first: str
) -> None:
    assert first(query) == char != not_first


@pytest.mark.parametrize(
    ("query", "meant", "alias"),
    [
        ("rupee", "₹", "\U0001e2ff"),  # an alias of the Wancho ngun sign
        ("enter key", "⏎", "⌤"),  # an alias of U+2324
        ("maps to", "↦", "⟼"),  # an alias of U+27FC (↦ is \mapsto)
    ],
)
def test_a_phrase_typed_as_it_is_comes_before_an_informal_alias(
    query: str, meant: str, alias: str
) -> None:
    results = search(query, limit=10)
    chars = [m.symbol.char for m in results]
    assert chars[0] == meant and alias in chars[1:]
    # A name typed whole still comes first: "xor" is ⊻ XOR, then the table's ⊕.
    assert first("xor") == "⊻"


@pytest.mark.parametrize(
    ("query", "char", "before"),
    [
        # "a" before a word is the article, not a letter the phrase lacks: "curly w" is
        # said, and "w with a hat" is no better for its own "a".
        ("looks like a w", "ω", "ŵ"),
        ("looks like a p", "ρ", "℗"),
        ("like a y", "γ", "ÿ"),
        # Nor does a phrase's article count as said: "x in a circle" is no more an x.
        ("looks like a x", "×", "⊗"),
    ],
)
def test_an_article_is_no_letter_of_the_description(query: str, char: str, before: str) -> None:
    chars = [m.symbol.char for m in search(query, limit=10)]
    assert chars[0] == char
    assert before not in chars or chars.index(before) > chars.index(char)


def test_an_inflection_reads_as_its_stem() -> None:
    assert stems("ROUNDED") == ["ROUND", "ROUNDE"]
    assert stems("DOTTED")[:2] == ["DOTT", "DOT"]  # a doubled consonant undone
    assert "CURVE" in stems("CURVED")
    assert stems("CROSSED") == ["CROSS", "CROSSE"]  # SS is no doubled ending
    assert stems("RED") == [] and stems("ROUND") == []
    # ROUNDED is a phrase word itself ("rounded corners"), yet "round w" is said.
    assert first("looks like a w rounded") == "ω"
    # Only as itself: CONTAINED is not CONTAIN, the start of CONTAINS (⊇).
    assert first("is contained in or equal to") == "⊆"


@pytest.mark.parametrize(
    ("query", "chars"),
    [
        # UP of "up high" (RAISED) is no content word the phrase "raised o" lacks.
        ("o up high", "°ºᵒ"),
        ("tiny o up high", "°ºᵒ"),
        ("small 0 below the line", "₀"),  # below the line: LOWERED, a subscript
        ("little 2 above the line", "²"),
    ],
)
def test_the_words_of_a_shape_phrase_are_said_by_it(query: str, chars: str) -> None:
    assert first(query) in chars


def test_a_description_with_few_answers_is_filled_with_partial_phrases() -> None:
    # "variance" alone says 𝕍; the phrases that say part of the rest follow, so that a
    # description gets a list to choose from, not one guess.
    chars = top5("variance sigma squared")
    assert chars[0] == "𝕍" and "σ" in chars and len(chars) >= 3


def test_a_contraction_typed_without_its_apostrophe_is_spelt_out() -> None:
    assert normalise_text("doesnt divide") == "does not divide"
    assert normalise_text("isnt equal") == "is not equal"
    assert normalise_text("mount") == "mount"  # no contraction in it
    assert first("doesnt divide") == "∤"


def test_an_intensifier_before_a_comparison_reads_as_much() -> None:
    assert parse("way smaller than").words == ("MUCH", "SMALLER", "THAN")
    assert parse("a lot bigger than").words == ("MUCH", "BIGGER", "THAN")
    assert parse("far greater than").words == ("MUCH", "GREATER", "THAN")
    # Only before a comparison: "two way arrow" and "far" keep their words.
    assert parse("two way arrow").words == ("TWO", "WAY", "ARROW")
    assert parse("a lot").words == ("A", "LOT")
    # Nor before a word in -er that compares nothing: "far corner", "way under".
    assert parse("far corner").words == ("FAR", "CORNER")
    assert parse("way under").words == ("WAY", "UNDER")
    assert parse("way wider than").words == ("MUCH", "WIDER", "THAN")
    assert first("way smaller than") == "≪"
    assert first("a lot bigger than") == "≫"


@pytest.mark.parametrize(
    ("query", "char"),
    [
        # A mark described on any letter is the combining mark, to put on one.
        ("v accent over letter", "\u030c"),  # COMBINING CARON (the V is the mark's)
        ("tick over a letter", "\u0301"),  # COMBINING ACUTE ACCENT
        ("backwards tick over vowel", "\u0300"),  # COMBINING GRAVE ACCENT
        ("circle over letter", "\u030a"),  # COMBINING RING ABOVE
        ("slash through a letter", "\u0338"),  # COMBINING LONG SOLIDUS OVERLAY
        # Shape words people use for a name's: typewriter (MONOSPACE), a break (BROKEN).
        ("typewriter x", "𝚡"),
        ("vertical bar with a break", "¦"),
    ],
)
def test_marks_on_any_letter_and_more_shape_words(query: str, char: str) -> None:
    assert first(query) == char


def test_a_mark_on_any_letter_needs_the_place_said() -> None:
    # "long vowel bar" names no place: the macron of the table, not a stroke overlay.
    assert mark_readings(("LONG", "VOWEL", "BAR")) == []
    assert mark_readings(("TICK", "OVER", "A", "LETTER")) == [("COMBINING", "ACUTE")]
    # On a letter, the mark is the letter's: "e with a tick above" is é.
    assert first("e with a tick above") == "é"


@pytest.mark.parametrize(
    ("query", "char"),
    [
        # No phrase holds both X and TAIL: the last resort reads those holding one.
        ("looks like a x with a tail", "ϱ"),  # "rho with tail"
        # The letter a shape is described on is said too: ZIGZAG's phrases and Z's.
        ("looks like a zigzag z", "↯"),
    ],
)
def test_the_last_resort_reads_phrases_holding_part_of_a_description(query: str, char: str) -> None:
    assert char in top5(query)


@pytest.mark.parametrize(
    ("query", "char"),
    [
        ("typewriter font x", "𝚡"),  # FONT says nothing of the symbol
        ("zero with diagonal line", "∅"),  # a diagonal line is a slash
        ("backwards squiggle", "∽"),  # a squiggle is a TILDE: REVERSED TILDE
        # ✍'s phrase "handwriting" is said, but not the M: its synonyms (SCRIPT) are read.
        ("handwriting M", "ℳ"),
    ],
)
def test_descriptions_in_everyday_words(query: str, char: str) -> None:
    assert first(query) == char


def test_a_phrase_that_leaves_a_letter_unsaid_still_lets_synonyms_be_read() -> None:
    # The phrase said whole still counts: ✍ follows ℳ.
    assert top5("handwriting M")[:2] == ["ℳ", "✍"]
    assert first("handwriting") == "✍"


def test_a_word_typed_twice_is_said_by_the_phrase_that_repeats_it() -> None:
    # "dot dot dot" is …'s phrase; ⋅'s "dot" says only a third of what was typed.
    assert first("dot dot dot") == "…"
    assert top5("dot dot dot")[1] == "⋅"
    assert first("plus plus") == "⧺"  # DOUBLE PLUS
    # And one "dot" is no "dot dot dot".
    assert first("dot") != "…"
