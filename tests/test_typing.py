"""The typed API type-checks for users: mypy --strict on a script written against it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

import symbols

pytestmark = pytest.mark.slow

# What a user writes, from docs/library.md and the documented module homes.
_USER_SCRIPT = """\
from __future__ import annotations

import symbols
from symbols import (
    SCOPES,
    InputMethod,
    LatexCommand,
    Match,
    Matched,
    Symbol,
    convert,
    from_html,
    from_latex,
    from_typst,
    get,
    inputs,
    search,
    table,
    to_latex,
)
from symbols.inputs import METHODS, keys_for
from symbols.latex import normalize_command
from symbols.query import parse
from symbols.search import search as search_function
from symbols.table import LatexCommand as TableLatexCommand
from symbols.table import Symbol as TableSymbol
from symbols.table import get as table_get


def describe(s: Symbol) -> str:
    commands: tuple[LatexCommand, ...] = s.latex_commands
    return f"{s.char} {s.label} {s.name} {commands[0].command if commands else ''}"


found: Symbol | None = get("∀")
assert found is not None
hits: list[Match] = search("intergral", limit=3, scope="math")
matched: Matched = hits[0].matched
spans: tuple[tuple[int, int], ...] = matched.spans
every: list[Symbol] = table("math")
ways: list[InputMethod] = inputs("∀", first="html") + found.inputs
text: str = convert(r"\\alpha \\to \\beta") + to_latex("∀x∈ℝ")
more: list[Symbol] = from_latex(r"\\mathbb{R}") + from_html("&rarr;") + from_typst("forall")
scopes: tuple[str, ...] = SCOPES
version: str = symbols.__version__
count: int = len(symbols.table("extended")) + len(symbols.search("le", 5))
other: Symbol | None = symbols.get(0x2200)
keys: str = keys_for("∀", METHODS[0]) + normalize_command("mathbb R")[0]
words: tuple[str, ...] = parse("plus minus").words
same: list[Match] = search_function("forall")
record: TableSymbol | None = table_get("≤")
command: type[TableLatexCommand] = TableLatexCommand
print(describe(found), ways, text, more, scopes, version, count, other, keys, words, same)
print(record, command, spans, every[:1], symbols.from_latex, symbols.convert, symbols.inputs)
"""


def _mypy(script: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "user_script.py"
    path.write_text(script, encoding="utf-8")
    # Run where no project configuration applies, as in a user's own project; the
    # checkout is found as an installed package would be (py.typed).
    env = dict(os.environ, MYPYPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", path.name],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )


def test_a_user_script_passes_mypy_strict(tmp_path: Path) -> None:
    proc = _mypy(_USER_SCRIPT, tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Success: no issues found in 1 source file" in proc.stdout


@pytest.mark.parametrize(
    ("line", "error"),
    [
        # Real types, not Any: a misuse of each kind of export is caught.
        ('wrong: int = symbols.get("∀")', '"Symbol | None", variable has type "int"'),
        ("symbols.search(42)", 'incompatible type "int"; expected "str"'),
        ('symbols.table("math")[0].nonsense', '"Symbol" has no attribute "nonsense"'),
        ('symbols.nonsense("x")', 'Module has no attribute "nonsense"'),
        ('from symbols.inputs import InputMethod\nInputMethod("x")', "Missing positional"),
    ],
)
def test_mypy_sees_the_real_types(tmp_path: Path, line: str, error: str) -> None:
    proc = _mypy(f"import symbols\n{line}\n", tmp_path)
    assert proc.returncode == 1 and error in proc.stdout, proc.stdout + proc.stderr


def test_all_is_what_the_package_exports() -> None:
    # Written out for type checkers; each name resolves at run time, and the lazy map
    # holds exactly the names of __all__.
    assert sorted(symbols.__all__) == sorted({*symbols._EXPORTS, "__version__"})
    assert all(getattr(symbols, name) is not None for name in symbols.__all__)
    assert dir(symbols) == sorted(symbols.__all__)
