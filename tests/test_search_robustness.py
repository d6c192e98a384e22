"""search() never raises for any str, whatever the limit and scope (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from symbols.search import MAX_LIMIT, Match, search

# Every code point hypothesis can make: lone surrogates, controls, unassigned,
# private use, combining marks.
ANY_CHAR = st.characters(codec=None, exclude_categories=())
# Pieces of the query syntax, so that half-valid queries come up often.
SYNTAX = st.sampled_from(
    [
        "\\",
        "{",
        "}",
        "\\mathbb{",
        "\\mathbb",
        "^",
        "_",
        "&",
        "&#",
        "&#x",
        ";",
        "U+",
        "u+",
        "0x",
        "\\u",
        "\\U",
        "\\x{",
        "sym.",
        ".",
        "-",
        " ",
        "*",
        "(",
        "[",
        "?",
        "+",
        "$",
        "|",
        "arrow",
        "alpha",
        "R",
        "2200",
        "face",
        "\ufe0f",
        "\u200d",
        "\u0301",
        "\U0001f1eb",
        "\r\n",
        "\x00",
        "\ud800",
        "ℝ",
        "∀",
        "\u00a0",
    ]
)
QUERY = st.one_of(
    st.text(ANY_CHAR, max_size=60), st.lists(st.one_of(SYNTAX, ANY_CHAR), max_size=12).map("".join)
)


def _check(results: list[Match], limit: int) -> None:
    assert isinstance(results, list)
    assert len(results) <= max(0, min(limit, MAX_LIMIT))
    assert all(isinstance(m, Match) for m in results)
    assert len({m.symbol.codepoint for m in results}) == len(results)
    scores = [m.score for m in results]
    assert scores == sorted(scores, reverse=True)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=QUERY, limit=st.integers(-5, 40), scope=st.sampled_from(["math", "extended", "all"]))
def test_never_raises(query: str, limit: int, scope: str) -> None:
    _check(search(query, limit, scope), limit)


@pytest.mark.parametrize(
    "query",
    [
        "\\mathbb{",
        "\\mathbb{R",
        "\\",
        "\\\\",
        "&",
        "&#",
        "&#x;",
        "&#99999999999999999999;",
        "U+",
        "U+FFFFFFFFFF",
        "0x",
        "\\U",
        "\\x{}",
        "^",
        "_{",
        "sym.",
        ".....",
        ".*",
        "(((",
        "[a-z]+",
        "\\d\\w$^",
        "\ud800",
        "\udfff\ud800",
        "a\ud800b",
        "\x00",
        "\x00\x01\x02\x1b[31m",
        "\u200d",
        "\ufe0f",
        "\u0301\u0301\u0301",
        "\U000e0001",
        "\U0010ffff",
        "\U000f0000",
        "  \t\u3000\u00a0  ",
        "\u2028\u2029",
        "a" * 100_000,
        "∀" * 100_000,
        "plus minus " * 10_000,
        "\\mathbb{" * 20_000,
        " " * 100_000 + "x",
        "".join(chr(c) for c in range(0x20, 0x7F)),
    ],
)
@pytest.mark.parametrize("scope", ["math", "all"])
def test_awkward_queries(query: str, scope: str) -> None:
    _check(search(query, 10, scope), 10)


@pytest.mark.parametrize("limit", [-(2**70), -1, 0, 1, MAX_LIMIT, MAX_LIMIT + 1, 2**70])
def test_any_limit(limit: int) -> None:
    _check(search("arrow", limit, "all"), limit)
