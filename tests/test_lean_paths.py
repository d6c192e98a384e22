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


# --------------------------------------------------------------------------- packed search index


def _table_without_stored_index() -> Any:
    import json

    from symbols.table import Table, _data_path

    with open(_data_path(), encoding="utf-8") as f:
        data = json.load(f)
    del data["search"]
    return Table(data)


def test_stored_math_index_is_what_the_library_computes() -> None:
    from symbols.search_index import pack_index
    from symbols.table import load

    # Packed from a table without the stored parts: the generator's own computation.
    assert load().search_parts["math"] == pack_index("math", _table_without_stored_index())


def test_a_table_without_stored_index_searches_alike() -> None:
    from symbols.search_index import SearchIndex
    from symbols.table import load

    bare = _table_without_stored_index()
    assert bare.search_parts == {}
    built = SearchIndex("math", bare)
    stored = SearchIndex("math", load())
    assert built.vocab == stored.vocab and built.latex_keys == stored.latex_keys
    assert built.doc_row == stored.doc_row
    for word in ("FOR", "ALL", "ARROW", "INTEGRAL"):
        assert built.word_docs[word] == stored.word_docs[word]
    for d in (0, 100, len(built.doc_row) - 1):
        assert built.doc_text[d] == stored.doc_text[d]
        assert built.doc_tokens[d] == stored.doc_tokens[d]


def test_postings_behave_as_a_read_only_mapping() -> None:
    from symbols.search_index import Postings

    p = Postings("a|b c|d", "1,2 3 40,5", sep="|")
    assert list(p) == ["a", "b c", "d"] and len(p) == 3
    assert p["b c"] == [3] and p.get("d") == [40, 5] and p.get("x", ()) == ()
    assert "a" in p and "x" not in p and 3 not in p
    assert dict(p.items()) == {"a": [1, 2], "b c": [3], "d": [40, 5]}
    with pytest.raises(KeyError):
        p["zz"]
    empty = Postings("", "")
    assert len(empty) == 0 and empty.get("a") is None
