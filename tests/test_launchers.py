"""docs/launchers.md's recipes, run exactly as written: rofi and dmenu on Xvfb, wofi and
fuzzel on headless sway, fzf with --filter. A person's keys go into the launcher; the symbol
must land in the document that had the focus."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, FootDocument, XTerm, clean_env

pytestmark = pytest.mark.slow

DOC = REPO / "docs" / "launchers.md"


def recipes() -> dict[str, str]:
    """The recipe blocks of docs/launchers.md by launcher (``<!-- recipe: NAME … -->``)."""
    text = DOC.read_text(encoding="utf-8")
    found = re.findall(r"<!-- recipe: (\w+)[^>]*-->\n```sh\n(.*?)\n```", text, flags=re.S)
    return dict(found)


def test_every_launcher_has_a_recipe() -> None:
    assert set(recipes()) == {"rofi", "dmenu", "wofi", "fuzzel", "fzf"}


def _with_mathsym(env: dict[str, str], tmp_path: Path) -> dict[str, str]:
    """*env* where ``mathsym`` is this checkout's (a script on PATH), with its own state."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    script = bin_dir / "mathsym"
    script.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m app "$@"\n')
    script.chmod(0o755)
    return {
        **env,
        "PATH": f"{bin_dir}:{env['PATH']}",
        "MATHSYM_STATE_DIR": str(tmp_path / "state"),
    }


class Recipe:
    """A recipe's shell line running in a session of its own."""

    def __init__(self, line: str, env: dict[str, str], launcher: str) -> None:
        self.launcher = launcher
        self.process = subprocess.Popen(
            ["sh", "-c", line],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )

    def _session_commands(self) -> list[str]:
        out = subprocess.run(
            ["ps", "-o", "args=", "-s", str(self.process.pid)], capture_output=True, text=True
        ).stdout
        return out.splitlines()

    def wait_until_listed(self, timeout: float = 60) -> None:
        """Wait until the launcher runs and ``mathsym list`` has given it every line."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            commands = self._session_commands()
            launcher_up = any(c.split()[0].endswith(self.launcher) for c in commands if c)
            listing = any("app list" in c for c in commands)
            if launcher_up and not listing:
                time.sleep(1.0)  # the launcher draws its window and takes the keyboard
                return
            time.sleep(0.1)
        raise AssertionError(f"{self.launcher} never showed the list: {self._session_commands()}")

    def finish(self) -> tuple[int, str]:
        try:
            _out, err = self.process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            _out, err = self.process.communicate()
        return self.process.returncode, err

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.communicate()


@pytest.mark.parametrize(
    ("launcher", "query", "expected"), [("rofi", "for all", "∀"), ("dmenu", "\\le", "≤")]
)
def test_x11_launcher_types_into_the_document(
    xterm: XTerm, tmp_path: Path, launcher: str, query: str, expected: str
) -> None:
    if shutil.which(launcher) is None:
        pytest.skip(f"needs {launcher} (.ci/run installs it)")
    recipe = Recipe(recipes()[launcher], _with_mathsym(xterm.env, tmp_path), launcher)
    try:
        recipe.wait_until_listed()
        xterm.xdotool("type", "--delay", "40", query)  # into the launcher: it grabs the keys
        time.sleep(0.5)
        xterm.xdotool("key", "Return")
        code, err = recipe.finish()
    finally:
        recipe.stop()
    assert code == 0, err
    assert xterm.typed(expected) == expected


@pytest.mark.parametrize(
    ("launcher", "query", "expected"), [("wofi", "for all", "∀"), ("fuzzel", "empty set", "∅")]
)
def test_wayland_launcher_types_into_the_document(
    foot: FootDocument, tmp_path: Path, launcher: str, query: str, expected: str
) -> None:
    if shutil.which(launcher) is None:
        pytest.skip(f"needs {launcher} (.ci/run installs it)")
    env = _with_mathsym(foot.session.env, tmp_path)
    recipe = Recipe(recipes()[launcher], env, launcher)
    try:
        recipe.wait_until_listed()
        foot.session.press(query)
        code, err = recipe.finish()
    finally:
        recipe.stop()
    assert code == 0, err
    assert foot.typed(expected) == expected


@pytest.mark.skipif(shutil.which("fzf") is None, reason="needs fzf (.ci/run installs it)")
@pytest.mark.parametrize(("query", "expected"), [("for all", "∀"), ("&rarr;", "→"), ("nabla", "∇")])
def test_fzf_recipe_with_filter(tmp_path: Path, query: str, expected: str) -> None:
    # The recipe as written, fzf answering for the person (--filter picks its best line).
    line = recipes()["fzf"].replace("fzf ", f"fzf --filter {shlex.quote(query)} ", 1)
    line = line.replace("| mathsym identify", "| head -1 | mathsym identify")
    done = subprocess.run(
        ["sh", "-c", line],
        env=_with_mathsym(clean_env(), tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == expected + "\n"


def test_a_cancelled_launcher_types_nothing(tmp_path: Path) -> None:
    done = subprocess.run(
        ["sh", "-c", "printf '' | mathsym type"],
        env=_with_mathsym(clean_env(), tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "nothing chosen" in done.stderr
