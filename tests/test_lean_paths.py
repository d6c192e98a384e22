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

    from symbols.datafile import Data, data_path
    from symbols.table import Table

    with open(data_path(), encoding="utf-8") as f:
        data = json.load(f)
    del data["search"]
    return Table(Data.of(data))


def test_stored_math_index_is_what_the_library_computes() -> None:
    from symbols.search_index import pack_index
    from symbols.table import load

    # Packed from a table without the stored parts: the generator's own computation.
    assert load().data.search.whole()["math"] == pack_index("math", _table_without_stored_index())


def test_a_table_without_stored_index_searches_alike() -> None:
    from symbols.search_index import SearchIndex
    from symbols.table import load

    bare = _table_without_stored_index()
    assert bare.data.search.whole() == {} and bare.packed_search("math") is None
    built = SearchIndex("math", bare)
    stored = SearchIndex("math", load())
    assert built.vocab == stored.vocab and built.latex_keys == stored.latex_keys
    assert list(built.doc_row) == list(stored.doc_row)
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


# --------------------------------------------------------------------------- records and rows


def test_records_are_frozen_dataclasses_for_library_users() -> None:
    import dataclasses

    from symbols.inputs import InputMethod, inputs
    from symbols.search import Match, Matched
    from symbols.table import LatexCommand, Symbol

    for cls in (Symbol, LatexCommand, Match, Matched, InputMethod):
        assert dataclasses.is_dataclass(cls), cls
    sym = symbols.get("∀")
    assert sym is not None and isinstance(sym, Symbol)
    names = [f.name for f in dataclasses.fields(sym)]
    assert names[:3] == ["char", "codepoint", "name"] and "latex_commands" in names
    with pytest.raises(dataclasses.FrozenInstanceError):
        sym.name = "x"  # type: ignore[misc]
    renamed = dataclasses.replace(sym, name="ALL")
    assert renamed.name == "ALL" and renamed.codepoint == 0x2200 and renamed != sym
    copy = dataclasses.replace(sym)
    assert copy == sym and hash(copy) == hash(sym) and copy is not sym
    as_dict = dataclasses.asdict(sym)
    assert as_dict["latex_commands"][0]["command"] == "\\forall"
    assert repr(sym).startswith("Symbol(char='∀', codepoint=8704, name='FOR ALL'")
    assert isinstance(sym.latex_commands[0], LatexCommand) and sym.latex[0] == "\\forall"
    match = symbols.search("forall")[0]
    assert isinstance(match, Match) and isinstance(match.matched, Matched)
    assert isinstance(inputs("∀")[0], InputMethod)
    assert symbols.Symbol is Symbol and symbols.Match is Match


@pytest.mark.parametrize(
    ("cp", "name", "category", "block"),
    [
        (0x2200, "FOR ALL", "Sm", "Mathematical Operators"),
        (0x211D, "DOUBLE-STRUCK CAPITAL R", "Lu", "Letterlike Symbols"),
        (0x00A0, "NO-BREAK SPACE", "Zs", "Latin-1 Supplement"),
        (0x0009, "CHARACTER TABULATION", "Cc", "Basic Latin"),  # no name: its formal alias
        (0x0F40, "TIBETAN LETTER KA", "Lo", "Tibetan"),  # not in the table: unicodedata2
        (0x4E2D, "CJK UNIFIED IDEOGRAPH-4E2D", "Lo", "CJK Unified Ideographs"),
        (0xE000, "<private use-E000>", "Co", "Private Use Area"),
        (0x1D400, "MATHEMATICAL BOLD CAPITAL A", "Lu", "Mathematical Alphanumeric Symbols"),
    ],
)
def test_plain_fields_are_the_symbol(cp: int, name: str, category: str, block: str) -> None:
    # The lean path (plain fields, no dataclasses: the one-shot CLI) and the Symbol
    # hold the same facts, and the facts are Unicode's, whichever path built them.
    import dataclasses

    from symbols.table import fields_of, make_symbol

    sym = make_symbol(cp)
    fields = fields_of(cp)
    assert sym is not None and fields is not None
    assert (fields["char"], fields["codepoint"]) == (chr(cp), cp)
    assert (fields["name"], fields["category"], fields["block"]) == (name, category, block)
    as_fields = {f.name: getattr(sym, f.name) for f in dataclasses.fields(sym)}
    commands = tuple(dataclasses.astuple(c) for c in sym.latex_commands)
    assert fields == {**as_fields, "latex_commands": commands}


def test_plain_fields_carry_the_names_of_a_symbol() -> None:
    from symbols.table import fields_of

    forall, reals = fields_of(0x2200), fields_of(0x211D)
    assert forall is not None and reals is not None
    assert forall["latex_commands"][0][0] == "\\forall" and forall["html"] == ("forall", "ForAll")
    assert (
        reals["latex_commands"][0][0] == "\\mathbb{R}"
        and reals["latex_commands"][0][2] == "amssymb"
    )
    tab = fields_of(0x0009)
    assert tab is not None and tab["formal_aliases"] == (
        "CHARACTER TABULATION", "HORIZONTAL TABULATION", "HT", "TAB"
    )  # fmt: skip


@pytest.mark.parametrize("cp", [0x110000, -1, 0xD800, 0x0378])
def test_plain_fields_refuse_what_make_symbol_refuses(cp: int) -> None:
    from symbols.table import fields_of, make_symbol

    assert fields_of(cp) is None and make_symbol(cp) is None


@pytest.mark.parametrize(
    ("query", "scope"),
    [("forall", "math"), ("\\le", "math"), ("arrow", "extended"), ("2200", "all"), ("∀x", "math")],
)
def test_search_is_search_rows_wrapped(query: str, scope: str) -> None:
    from symbols.search import search, search_rows

    rows = search_rows(query, 10, scope)
    matches = search(query, 10, scope)
    assert rows and len(rows) == len(matches)
    for (cp, score, field, text, spans, kind), m in zip(rows, matches, strict=True):
        assert (cp, score) == (m.symbol.codepoint, m.score)
        assert (field, text, spans, kind) == (
            m.matched.field,
            m.matched.text,
            m.matched.spans,
            m.matched.kind,
        )


@pytest.mark.parametrize("char", ["∀", "\u0f40", "\ud800", "\u0378", "\x00", "😀"])
def test_inputs_alike_from_a_string_and_from_a_symbol(char: str) -> None:
    from symbols.inputs import inputs, inputs_dict, keys_for

    sym = symbols.get(char)
    if sym is None:
        # Surrogates and unassigned code points: described from the code point alone.
        assert [m.keys for m in inputs(char, "html")][:1] in (["&#xD800;"], ["&#x378;"], [""])
        return
    assert inputs(char, "latex") == inputs(sym, "latex")
    assert inputs_dict(char) == inputs_dict(sym)
    assert keys_for(char, "html") == keys_for(sym, "html")


_LOOKUPS = [
    ["forall"],
    ["--json", "\\le"],
    ["-n1", "-f", "char", "forall"],
    ["-n3", "-f", "codepoint", "arrow"],
    ["identify", "∀x∈ℝ"],
    ["identify", "--json", "∀"],
]


@pytest.mark.parametrize("argv", _LOOKUPS)
def test_one_shot_lookups_never_import_dataclasses(argv: list[str]) -> None:
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parent.parent
    code = (
        "import contextlib, io, json, sys\n"
        "from app.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    status = main({argv!r})\n"
        "heavy = ('dataclasses', 'inspect', 'symbols.records', 'symbols.results')\n"
        "print(json.dumps([status, bool(out.getvalue()),"
        " sorted(m for m in heavy if m in sys.modules)]))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(repo))
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    status, printed, loaded = json.loads(run.stdout.strip().splitlines()[-1])
    assert status == 0 and printed
    assert loaded == []


@pytest.mark.parametrize("argv", [["forall"], ["--json", "\\le"], ["-n3", "arrow"]])
def test_plain_lookups_import_little(argv: list[str]) -> None:
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parent.parent
    heavy = (
        *("argparse", "typing", "shutil", "unicodedata2", "contextlib", "app.tui.formats"),
        # Shell completion, the manual page and the web server: never for a look-up.
        *("argcomplete", "app.completion", "app.manpage", "app.serve", "textual_serve"),
    )
    code = (
        "import contextlib, io, json, sys\n"
        "before = set(sys.modules)\n"  # what the interpreter and this script import
        "from app.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    status = main({argv!r})\n"
        "new = set(sys.modules) - before\n"
        f"print(json.dumps([status, sorted(m for m in {heavy!r} if m in new)]))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(repo))
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    status, loaded = json.loads(run.stdout.strip().splitlines()[-1])
    assert status == 0
    assert loaded == []


def test_tsv_breakers_known_by_code_point() -> None:
    import unicodedata2

    from app.display import _BREAKS_TSV, _breaks_tsv

    for cp in range(0x110000):
        assert _breaks_tsv(cp) == (unicodedata2.category(chr(cp)) in _BREAKS_TSV), hex(cp)


@pytest.mark.parametrize("columns", [50, 120])
def test_help_is_as_wide_as_columns_says(
    columns: int, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.cli import main

    monkeypatch.setenv("COLUMNS", str(columns))
    assert main(["--help"]) == 0
    text = capsys.readouterr().out
    # The usage, description and examples are kept as written; options are wrapped.
    options = text.split("options:")[1].split("examples:")[0].splitlines()
    assert max(len(line) for line in options) <= columns - 2
    assert any(len(line) > 46 for line in options)  # wrapped to the width, not narrower


# ------------------------------------------------------------------- the quick argument reader

_USUAL = [
    ["forall"],
    ["double", "struck", "R"],
    ["--json", "\\le"],
    ["\\le", "--json"],
    ["-1", "integral"],
    ["--first", "integral"],
    ["-n", "3", "arrow"],
    ["arrow", "-n3"],
    ["--limit=2", "arrow", "--limit", "4"],
    ["--scope", "extended", "star"],
    ["--scope=all", "U+2200"],
    ["--method", "MacOS", "forall"],
    ["--method=html", "-n1", "forall"],
    ["-f", "char", "-n1", "forall"],
    ["-fLaTeX", "forall"],
    ["--format=codepoint", "forall"],
    ["-f", "block", "forall"],
    ["forall", "--", "-n", "--json"],
    ["-", "minus"],
    [],
]

_UNUSUAL = [
    ["--help"],
    ["-h"],
    ["--version"],
    ["-c", "forall"],
    ["-c", "latex", "forall"],
    ["--copy=latex", "forall"],
    ["--pick", "forall"],
    ["-x", "forall"],
    ["--js", "forall"],
    ["-n"],
    ["-n", "0", "forall"],
    ["-n", "x", "forall"],
    ["-n", "-3", "forall"],
    ["--limit", "--json", "forall"],
    ["--scope", "nope", "forall"],
    ["--method", "nope", "forall"],
    ["-f", "nope", "forall"],
    ["--json", "-f", "char", "forall"],
    ["-1n3", "forall"],
    ["-5"],
    ["--json=yes", "forall"],
]


@pytest.mark.parametrize("argv", _USUAL, ids=" ".join)
def test_quick_reader_gives_argparse_namespace(argv: list[str]) -> None:
    from app.arguments import _argparse_lookup, _quick_lookup

    quick = _quick_lookup(argv)
    assert quick is not None
    assert vars(quick) == vars(_argparse_lookup(argv))


@pytest.mark.parametrize("argv", _UNUSUAL, ids=" ".join)
def test_quick_reader_leaves_the_rest_to_argparse(argv: list[str]) -> None:
    from app.arguments import _quick_lookup

    assert _quick_lookup(argv) is None


_READER_SAMPLES = [
    *["U", "u", "0", "\\", "&", "^", "_", "a", "f"],
    "U+2200", "u+2200", "U2200", "u2200", "uface", "0x2200", "0X1D400", "\\u2200",
    "\\U0001D400", "\\u{2200}", "\\x{2200}", "\\xA0", "&#x2200;", "&#X2200", "&#8704;",
    "\\2200", "\\face", "\\N{FOR ALL}", "\\N{for all}", "2200", "face", "00a0", "a",
    "forall", "\\le", "le", "\\mathbb{R}", "mathbb R", "\\mathbb R", "\\mathbf\\alpha",
    "^2", "_{12}", "^{\\prime}", "\\sfrac12", "sfrac{1}{2}", "\\sfrac{a}b", "mathbb",
    "\\", "\\\\le", "2200\n", "U+2200\n", "\\mathbb\u2003R", "\\mathbb{\u00e9}",
]  # fmt: skip


def test_guarded_regex_readers_agree_with_every_pattern_tried() -> None:
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    import symbols.query as query

    def every_form(s: str) -> int | None:
        for pattern, base, _starts in query._CODEPOINT_FORMS:
            m = re.match(pattern, s.strip(query.ASCII_SPACE))
            if m:
                return int(m.group(1), base)
        return None

    def check(s: str) -> None:
        assert query.written_codepoint(s) == every_form(s)
        assert bool(re.match(query._BARE_HEX, s)) <= (
            not s.rstrip("\n").strip("0123456789abcdefABCDEF")
        )
        assert bool(re.match(query._NAMED, s)) <= s.startswith("\\N{")
        t = s.strip()
        assert bool(re.match(query._SCRIPT, t)) <= t.startswith(("^", "_"))
        assert bool(re.match(query._SFRAC, t)) <= t.startswith(("sfrac", "\\sfrac"))
        letters = t[1:] if t.startswith("\\") else t
        assert not (re.match(query._STYLED, t) and letters.isascii() and letters.isalpha())

    for sample in _READER_SAMPLES:
        check(sample)
    alphabet = st.sampled_from(list("Uux0Xa9fF\\&#+;{}^_ Nsfrac\n\u2003Rbm"))
    settings(max_examples=300, deadline=None)(given(st.text(alphabet, max_size=12))(check))()


def test_smallest_is_heapq_nsmallest_on_both_sides_of_the_threshold() -> None:
    import heapq
    import random

    from symbols.search import _FEW, _smallest

    rng = random.Random(5)
    for size in (0, 1, 9, 10, 11, _FEW, _FEW + 1, 3 * _FEW):
        items = [(rng.randrange(50), i) for i in range(size)]
        for n in (1, 10, size):
            key = (lambda t: t[0]) if n % 2 else (lambda t: (-t[0], t[1]))
            assert _smallest(n, items, key=key) == heapq.nsmallest(n, items, key=key)
