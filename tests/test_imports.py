"""Import hygiene: the library and the CLI never pull in the TUI or the fuzzy matcher."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import REPO

pytestmark = pytest.mark.slow


def _run(code: str) -> dict[str, bool]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, cwd=REPO
    ).stdout
    result: dict[str, bool] = json.loads(out.strip().splitlines()[-1])
    return result


_REPORT = (
    "import json, sys; print(json.dumps({m: m in sys.modules for m in ('textual', 'rapidfuzz')}))"
)


def test_import_symbols_and_get_load_neither_textual_nor_rapidfuzz() -> None:
    loaded = _run(f"import symbols; assert symbols.get('∀').latex[0] == '\\\\forall'; {_REPORT}")
    assert loaded == {"textual": False, "rapidfuzz": False}


def test_exact_lookups_stay_light() -> None:
    code = (
        "import symbols; symbols.from_latex(r'\\mathbb{R}'); symbols.from_html('&rarr;');"
        f"symbols.from_typst('forall'); symbols.table('extended'); {_REPORT}"
    )
    assert _run(code) == {"textual": False, "rapidfuzz": False}


def test_cli_module_does_not_import_textual() -> None:
    assert _run(f"import app.cli; {_REPORT}")["textual"] is False


def test_table_function_survives_the_submodule_import() -> None:
    # `symbols.get` imports symbols.table, which rebinds the package attribute
    # `table` to the module: the exported function must still be callable.
    for first in ("symbols.get('∀')", "symbols.table", "symbols.Symbol"):
        count = "print(json.dumps({'n': len(symbols.table('math'))}))"
        code = f"import symbols; {first}; import json; {count}"
        assert _run(code)["n"] > 4000
