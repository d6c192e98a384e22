"""symbols.convert takes work linear in the length of its text, and bounds nesting.

Work is counted, not timed: the lines of Python run inside symbols/ while converting
(`sys.settrace`), a count that does not depend on the machine or its load. Every
scan `convert` leaves to C (a regular expression, a `str.find`) is bounded by the
code itself (see `symbols.latex._Converter`), so lines are a fair measure of its
steps. A converter that rescans (the issue's `\\a` x 20,000: each command read on to
the next space) or converts an argument twice (nested accents: twice per level)
shows up as a count growing faster than the text; the tracer stops such a run as
soon as it exceeds the budget, so a regression fails at once instead of hanging.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import symbols
from symbols.latex import MAX_NESTING, convert

SYMBOLS_DIR = str(Path(symbols.__file__).resolve().parent)

#: Lines of symbols/ allowed per character of text: twice the most seen over the
#: strategies below (about 28, for ``\\a`` repeated), plus a fixed part.
LINES_PER_CHAR = 60
FIXED_LINES = 2_000


class TooMuchWork(Exception):
    """The conversion ran more lines than its budget."""


def work(text: str, budget: int | None = None) -> int:
    """Count the lines of symbols/ that ``convert(text)`` runs; stop past *budget* (linear)."""
    if budget is None:
        budget = LINES_PER_CHAR * len(text) + FIXED_LINES
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
            if count > budget:
                raise TooMuchWork(f"more than {budget} lines for {len(text)} characters")
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.startswith(SYMBOLS_DIR) else None

    convert("")  # the table and its LaTeX index are loaded once, not counted
    sys.settrace(calls)
    try:
        convert(text)
    finally:
        sys.settrace(None)
    return count


# Pieces of LaTeX, known and unknown, that make convert take each of its paths.
TOKENS = [
    "\\hat",
    "\\sqrt",
    "\\sqrt[3]",
    "\\sqrt[",
    "]",
    "\\mathbb",
    "\\mathbf",
    "\\sfrac",
    "\\alpha",
    "\\a",
    "\\prime",
    "\\not",
    "\\in",
    "\\'",
    "\\^",
    "\\c",
    "\\mkern1mu",
    "\\{",
    "\\}",
    "\\foo",
    "^",
    "_",
    "{",
    "}",
    " ",
    "\t",
    "x",
    "R",
    "2",
    "+",
    "e",
    "\u0302",
]
UNIT = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=8).map("".join)
# What nests: a few tokens (no braces of their own), then an opening brace.
OPEN = st.lists(st.sampled_from([t for t in TOKENS if t not in ("{", "}")]), max_size=3).map(
    lambda ts: "".join(ts) + "{"
)
CLOSE = st.lists(st.sampled_from([t for t in TOKENS if t not in ("{", "}")]), max_size=3).map(
    lambda ts: "}" + "".join(ts)
)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(unit=UNIT)
def test_work_grows_linearly_with_repetition(unit: str) -> None:
    small, big = work(unit * 10), work(unit * 80)
    # Linear work a*n + b gives big <= 8 * small; a quadratic part 64 times as much.
    assert big <= 10 * small + 50, (unit, small, big)


@SETTINGS
@given(opening=OPEN, inner=UNIT, closing=CLOSE)
def test_work_grows_linearly_with_nesting(opening: str, inner: str, closing: str) -> None:
    def nested(depth: int) -> str:
        return opening * depth + inner + closing * depth

    small, big = work(nested(10)), work(nested(80))
    assert big <= 10 * small + 50, (opening, inner, closing, small, big)


@pytest.mark.parametrize(
    "text",
    [
        # the issue's 145 bytes: more than 30 s before
        pytest.param("\\hat{" * 24 + "x" + "}" * 24, id="hat-24"),
        pytest.param("\\hat{" * MAX_NESTING + "x" + "}" * MAX_NESTING, id="hat-deepest"),
        # the issue's 22.7 s: each command read on to the next space
        pytest.param("\\a" * 20_000, id="commands-20000"),
        pytest.param("\\hat{" * 5_000, id="unclosed-5000"),  # each scanned to the end
        pytest.param("\\sqrt[" * 5_000, id="root-index-5000"),  # each "]" looked for to the end
        pytest.param("\\mathbb{" * MAX_NESTING + "R" + "}" * MAX_NESTING, id="mathbb-deepest"),
        pytest.param("\\sqrt{" * MAX_NESTING + "x+1" + "}" * MAX_NESTING, id="sqrt-deepest"),
        pytest.param("^{" * MAX_NESTING + "x" + "}" * MAX_NESTING, id="script-deepest"),
        pytest.param("^{" + "\\prime" * 5_000 + "^{x}}", id="primes-5000"),
        pytest.param("\\" + "a" * 100_000, id="long-name"),
        pytest.param("\\a" + " " * 100_000 + "x", id="long-space"),
        pytest.param("{" * 100_000, id="open-100000"),
        pytest.param("}" * 100_000, id="close-100000"),
        pytest.param(
            r"\forall x \in \mathbb{R}: x^2 \geq 0, \sqrt[3]{\hat{x}} " * 500, id="formulas-500"
        ),
    ],
)
def test_hostile_texts_take_linear_work(text: str) -> None:
    work(text)  # raises TooMuchWork past the budget


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("\\sqrt{", "}"), ("^{", "}"), ("\\hat{", "}"), ("{", "}"), ("\\sqrt{\\hat{", "}}")],
)
def test_nesting_is_bounded(opening: str, closing: str) -> None:
    levels = MAX_NESTING // opening.count("{")
    work(opening * levels + "x" + closing * levels)  # the bound itself converts, in linear work
    deeper = opening * (levels + 1) + "x" + closing * (levels + 1)
    depth = (levels + 1) * opening.count("{")
    with pytest.raises(ValueError, match=rf"nest {depth} levels deep.*at most {MAX_NESTING}$"):
        convert(deeper)


def test_the_issues_recursion_errors_are_a_clear_error() -> None:
    for text in ("\\sqrt{" * 400 + "x" + "}" * 400, "^{" * 1000 + "x" + "}" * 1000):
        with pytest.raises(ValueError, match="braces"):
            convert(text)


def test_unclosed_braces_do_not_count_as_nesting() -> None:
    # Plain characters, as before: only a matched pair is a group.
    assert convert("{" * 10_000 + "\\alpha") == "{" * 10_000 + "α"
    assert convert("\\sqrt{" * 200) == "√{" * 200


def test_the_bound_leaves_room_on_the_stack() -> None:
    # The deepest text allowed converts even when called with half the stack in use.
    text = "\\sqrt{\\hat{" * (MAX_NESTING // 2) + "x" + "}}" * (MAX_NESTING // 2)

    def deep(n: int) -> int:
        return deep(n - 1) if n else work(text)

    assert deep(sys.getrecursionlimit() // 2) > 0


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"\{x\}", "{x}"),  # escaped braces are characters, not a group
        (r"\sqrt{\{x\}}", "√({x})"),
        (r"\sqrt{\{}", "√{"),  # before: the escaped brace closed the group
        (r"x^{\}", "x^{}"),
        (r"{\mkern1mu}", "{\u200a}"),  # a group converts as its content alone
        (r"{\^e}", "{" + convert(r"\^e") + "}"),  # as outside braces (ᵉ)
    ],
)
def test_groups_read_as_tex_does(latex: str, expected: str) -> None:
    assert convert(latex) == expected
