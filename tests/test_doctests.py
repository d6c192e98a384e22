"""The examples in the library's docstrings hold (they had drifted once, unseen)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import symbols

MODULES = sorted(m.name for m in pkgutil.iter_modules(symbols.__path__, "symbols."))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_the_examples_are_found() -> None:
    # symbols.wording's examples, at least: a test that ran none would prove nothing.
    found = doctest.DocTestFinder().find(importlib.import_module("symbols.wording"))
    assert sum(len(t.examples) for t in found) >= 5
