"""The lean one-shot paths: callable submodules, and what a look-up leaves unimported."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import pytest

import symbols


@pytest.mark.parametrize(
    ("module", "call", "check"),
    [
        ("symbols.table", lambda f: f("math"), lambda r: len(r) > 4000),
        ("symbols.search", lambda f: f("forall", 3), lambda r: r[0].symbol.char == "∀"),
        ("symbols.inputs", lambda f: f("∀", "html"), lambda r: r[0].keys == "&forall;"),
    ],
)
def test_submodule_is_callable_as_its_function(
    module: str, call: Callable[[Any], Any], check: Callable[[Any], bool]
) -> None:
    mod = importlib.import_module(module)
    name = module.rsplit(".", 1)[1]
    # After the import the package attribute may be the module or the function:
    # both must answer a call alike.
    assert check(call(mod))
    assert check(call(getattr(symbols, name)))
    assert mod.__doc__ and name in mod.__doc__.lower()
