"""The wheel carries the table: build it, install it in a fresh venv, import from elsewhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import REPO

pytestmark = pytest.mark.slow

# pip's messages when PyPI cannot be reached (the dependencies come from there).
_OFFLINE = (
    "NewConnectionError",
    "Temporary failure in name resolution",
    "No matching distribution",
)


def _env() -> dict[str, str]:
    # No PYTHONPATH: the installed package must be found, not the checkout.
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "VIRTUAL_ENV", "MATHSYM_DATA")
    }
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip(
        "build", reason="the 'build' package is needed to build the wheel (pip install build)"
    )
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(REPO)],
        capture_output=True,
        text=True,
        env=_env(),
    )
    if proc.returncode != 0 and any(m in proc.stdout + proc.stderr for m in _OFFLINE):
        pytest.skip("cannot fetch the build backend (hatchling) from PyPI")
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    wheels = list(out.glob("mathsym-*.whl"))
    assert len(wheels) == 1
    return wheels[0]


def test_wheel_ships_the_table_and_the_packages(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "symbols/data/symbols.json" in names
    assert {"symbols/py.typed", "app/py.typed", "symbols/table.py", "app/cli.py"} <= names
    assert not any(n.startswith(("tools/", "tests/", "data/")) for n in names)
    shipped = zipfile.ZipFile(wheel).read("symbols/data/symbols.json")
    assert shipped == (REPO / "data" / "symbols.json").read_bytes()


def test_installed_wheel_imports_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, env=_env())
    py = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    proc = subprocess.run(
        [str(py), "-m", "pip", "install", "-q", str(wheel)],
        capture_output=True,
        text=True,
        env=_env(),
    )
    if proc.returncode != 0 and any(m in proc.stdout + proc.stderr for m in _OFFLINE):
        pytest.skip("cannot fetch mathsym's dependencies from PyPI")
    assert proc.returncode == 0, proc.stderr[-2000:]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import json, symbols, symbols.table as t, symbols.datafile as d;"
        "s = symbols.get('∀');"
        "R = [x.char for x in symbols.from_latex(r'\\mathbb{R}')];"
        "print(json.dumps({'latex': s.latex[0], 'R': R,"
        " 'module': t.__file__, 'data': d.data_path(), 'n': len(symbols.table())}))"
    )
    out = subprocess.run(
        [str(py), "-c", code], capture_output=True, text=True, check=True, cwd=elsewhere, env=_env()
    ).stdout
    result = json.loads(out)
    assert result["latex"] == "\\forall"
    assert result["R"] == ["ℝ"]
    assert result["n"] > 4000
    assert Path(result["module"]).is_relative_to(venv)
    assert Path(result["data"]).is_relative_to(venv)
    assert Path(result["data"]).name == "symbols.json"
