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


def test_wheel_ships_the_manual_page_and_the_serve_page(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    man = next(n for n in names if n.endswith(".data/data/share/man/man1/mathsym.1"))
    assert zipfile.ZipFile(wheel).read(man) == (REPO / "man" / "mathsym.1").read_bytes()
    assert "app/web/app_index.html" in names


# --------------------------------------------------------------------------- pipx, uv tool

# pipx and uv come from PyPI, as a person gets them. PyPI is reachable where this suite
# runs (the machine and CI alike reach it): without it these tests skip and say so,
# except under CI, where a skip would hide a broken install.


def _offline(proc: subprocess.CompletedProcess[str], what: str) -> None:
    output = proc.stdout + proc.stderr
    if proc.returncode != 0 and any(m in output for m in (*_OFFLINE, "dns error", "connect")):
        if os.environ.get("CI"):
            pytest.fail(f"{what}: PyPI unreachable in CI: {output[-1500:]}")
        pytest.skip(f"{what}: PyPI is not reachable here")


@pytest.fixture(scope="module")
def tools(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A throwaway venv holding pipx and uv from PyPI; its bin folder."""
    venv = tmp_path_factory.mktemp("tools") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, env=_env())
    proc = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "pipx", "uv"],
        capture_output=True,
        text=True,
        env=_env(),
    )
    _offline(proc, "pip install pipx uv")
    assert proc.returncode == 0, proc.stderr[-2000:]
    return venv / "bin"


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean checkout: the committed tree of HEAD, nothing else (no venv, no caches)."""
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    out = tmp_path_factory.mktemp("checkout")
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "HEAD"], capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(out)], input=archive, check=True)
    return out


def _tool_env(home: Path) -> dict[str, str]:
    env = _env()
    env.update(
        PIPX_HOME=str(home / "pipx"),
        PIPX_BIN_DIR=str(home / "bin"),
        PIPX_MAN_DIR=str(home / "man"),
        UV_TOOL_DIR=str(home / "uv-tools"),
        UV_TOOL_BIN_DIR=str(home / "bin"),
        UV_CACHE_DIR=str(home / "uv-cache"),
        HOME=str(home),
        MATHSYM_STATE_DIR=str(home / "state"),
    )
    return env


def _check_installed(home: Path) -> None:
    """The installed command works from another folder, with its data, man page and completion."""
    mathsym = home / "bin" / "mathsym"
    env = _tool_env(home)
    run = subprocess.run(
        [str(mathsym), "-n1", "-f", "char", "forall"],
        capture_output=True,
        text=True,
        env=env,
        cwd=home,
        check=True,
    )
    assert run.stdout == "∀\n"
    version = subprocess.run(
        [str(mathsym), "--version"], capture_output=True, text=True, env=env, check=True
    ).stdout
    assert version.startswith("mathsym ") and "made from:" in version
    assert str(home) in version.splitlines()[1]  # the tool's own copy of the data
    man = subprocess.run(
        [str(mathsym), "--man"], capture_output=True, text=True, env=env, check=True
    ).stdout
    assert man == (REPO / "man" / "mathsym.1").read_text(encoding="utf-8")
    completion = subprocess.run(
        [str(mathsym), "completion", "bash"], capture_output=True, text=True, env=env, check=True
    ).stdout
    assert "_python_argcomplete" in completion


@pytest.mark.parametrize("source", ["checkout", "wheel"])
def test_pipx_install(
    source: str, tools: Path, checkout: Path, wheel: Path, tmp_path: Path
) -> None:
    target = checkout if source == "checkout" else wheel
    proc = subprocess.run(
        [str(tools / "pipx"), "install", str(target)],
        capture_output=True,
        text=True,
        env=_tool_env(tmp_path),
    )
    _offline(proc, "pipx install")
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    _check_installed(tmp_path)
    # pipx links the manual page where `man` finds it ($PIPX_MAN_DIR/man1).
    assert (tmp_path / "man" / "man1" / "mathsym.1").is_file()


@pytest.mark.parametrize("source", ["checkout", "wheel"])
def test_uv_tool_install(
    source: str, tools: Path, checkout: Path, wheel: Path, tmp_path: Path
) -> None:
    target = checkout if source == "checkout" else wheel
    proc = subprocess.run(
        [str(tools / "uv"), "tool", "install", "--python", sys.executable, str(target)],
        capture_output=True,
        text=True,
        env=_tool_env(tmp_path),
    )
    _offline(proc, "uv tool install")
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    _check_installed(tmp_path)
