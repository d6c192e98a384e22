"""The all scope finds characters outside the table by their aliases, not only by name."""

from __future__ import annotations

import pytest

import symbols
from symbols.table import load


@pytest.mark.parametrize("query", ["byte order mark", "bom", "zwnbsp"])
def test_formal_aliases_of_characters_outside_the_table(query: str) -> None:
    assert 0xFEFF not in load()  # the point: U+FEFF lives only in the all scope
    top = symbols.search(query, limit=3, scope="all")[0]
    assert top.symbol.codepoint == 0xFEFF
    assert top.matched.field == "formal"


def test_informative_aliases_of_characters_outside_the_table() -> None:
    table = load()
    # Any off-table character with an informative alias found in the data itself.
    cp, alias = next(
        (cp, names[0])
        for cp in range(0x0100, 0x3000)
        if cp not in table and (names := table.unlisted_names(cp, "alias"))
    )
    found = [m.symbol.codepoint for m in symbols.search(alias, limit=10, scope="all")]
    assert cp in found
