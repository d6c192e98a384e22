"""The library's one rule for wrong types (README "The library"; symbols._arguments).

An argument of the wrong type raises TypeError naming the function and the argument;
a value of the right type raises ValueError only where documented; any other string
is an answer (an empty list or None), never an exception.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import symbols
from symbols.inputs import check_method, inputs_dict, keys_for
from symbols.query import graphemes, normalize_command, parse
from symbols.search import search_rows

# Values no public function takes, whatever it wants: None, numbers, bytes, containers,
# objects. (A str or an int where one is wanted is the other tests' business.)
NOT_STR_OR_INT = st.one_of(
    st.none(),
    st.booleans(),
    st.floats(allow_nan=True),
    st.complex_numbers(),
    st.binary(max_size=8),
    st.builds(bytearray, st.binary(max_size=8)),
    st.lists(st.text(max_size=3), max_size=3),
    st.tuples(st.text(max_size=3)),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.sets(st.integers(), max_size=2),
    st.builds(object),
    st.just(symbols),
    st.just(str),
)
NOT_STR = st.one_of(NOT_STR_OR_INT, st.integers())
NOT_INT = st.one_of(NOT_STR_OR_INT.filter(lambda v: not isinstance(v, bool)), st.booleans())

#: (function name in the message, argument, call with the wrong value, what may be wrong)
CALLS: list[tuple[str, str, Callable[[Any], object], Any]] = [
    ("symbols.search", "query", lambda v: symbols.search(v), NOT_STR),
    ("symbols.search", "limit", lambda v: symbols.search("arrow", limit=v), NOT_INT),
    ("symbols.search", "scope", lambda v: symbols.search("arrow", scope=v), NOT_STR),
    ("symbols.search.search_rows", "query", lambda v: search_rows(v), NOT_STR),
    ("symbols.get", "key", lambda v: symbols.get(v), NOT_STR_OR_INT),
    ("symbols.from_latex", "command", lambda v: symbols.from_latex(v), NOT_STR),
    ("symbols.from_html", "entity", lambda v: symbols.from_html(v), NOT_STR),
    ("symbols.from_typst", "name", lambda v: symbols.from_typst(v), NOT_STR),
    ("symbols.table", "scope", lambda v: symbols.table(v), NOT_STR),
    ("symbols.convert", "text", lambda v: symbols.convert(v), NOT_STR),
    ("symbols.to_latex", "text", lambda v: symbols.to_latex(v), NOT_STR),
    ("symbols.inputs", "char", lambda v: symbols.inputs(v), NOT_STR_OR_INT | st.integers()),
    (
        "symbols.inputs",
        "first",
        lambda v: symbols.inputs("∀", first=v),
        NOT_STR.filter(lambda v: v is not None),
    ),
    ("symbols.inputs.keys_for", "char", lambda v: keys_for(v, "latex"), NOT_STR),
    ("symbols.inputs.keys_for", "method", lambda v: keys_for("∀", v), NOT_STR),
    ("symbols.inputs.inputs_dict", "char", lambda v: inputs_dict(v), NOT_STR),
    ("symbols.inputs.check_method", "name", lambda v: check_method(v), NOT_STR),
    ("symbols.query.parse", "query", lambda v: parse(v), NOT_STR),
    ("symbols.query.graphemes", "text", lambda v: graphemes(v), NOT_STR),
    ("symbols.query.normalize_command", "text", lambda v: normalize_command(v), NOT_STR),
]


@pytest.mark.parametrize(
    ("function", "argument", "call", "values"), CALLS, ids=[f"{c[0]}-{c[1]}" for c in CALLS]
)
def test_a_wrong_type_is_a_type_error_that_says_what(
    function: str, argument: str, call: Callable[[Any], object], values: Any
) -> None:
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(value=values)
    def check(value: Any) -> None:
        with pytest.raises(TypeError) as raised:
            call(value)
        expected = (
            rf"^{re.escape(function)}\(\) argument '{argument}' must be .+, "
            rf"not {re.escape(type(value).__name__)}$"
        )
        assert re.match(expected, str(raised.value)), str(raised.value)

    check()


# What a well-typed value of the wrong kind raises, where documented (and only there).
@pytest.mark.parametrize(
    ("call", "says"),
    [
        (lambda: symbols.search("x", scope="nope"), "unknown scope"),
        (lambda: symbols.table("nope"), "unknown scope"),
        (lambda: symbols.inputs("ab"), "exactly one character"),
        (lambda: symbols.inputs("∀", first="nope"), "unknown input method"),
        (lambda: symbols.convert("{" * 101 + "}" * 101), "nest 101 levels deep"),
    ],
)
def test_value_errors_where_documented(call: Callable[[], object], says: str) -> None:
    with pytest.raises(ValueError, match=says):
        call()


ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ANY_TEXT)
def test_any_string_is_an_answer(text: str) -> None:
    # Lone surrogates, controls, unassigned code points: answers, never exceptions.
    assert isinstance(symbols.search(text), list)
    assert symbols.get(text) is None or symbols.get(text) is not None
    assert isinstance(symbols.from_latex(text), list)
    assert isinstance(symbols.from_html(text), list)
    assert isinstance(symbols.from_typst(text), list)
    assert isinstance(symbols.to_latex(text), str)
    assert "".join(graphemes(text)) == text
    parse(text)
    normalize_command(text)
    if text.count("{") <= 100:  # deeper nesting is convert's documented ValueError
        assert isinstance(symbols.convert(text), str)


@pytest.mark.parametrize(
    "call",
    [
        lambda: symbols.get(True),  # a bool is no code point, though Python counts it an int
        lambda: symbols.search("arrow", limit=True),
    ],
    ids=["get", "search-limit"],
)
def test_a_bool_is_no_int(call: Callable[[], object]) -> None:
    with pytest.raises(TypeError, match="not bool"):
        call()


def test_str_subclasses_are_strings() -> None:
    class Text(str):
        pass

    assert symbols.get(Text("∀")) == symbols.get("∀")
    assert symbols.from_latex(Text("\\le"))[0].char == "≤"
    assert symbols.convert(Text("\\alpha")) == "α"
