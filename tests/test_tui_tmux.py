"""End to end: the real app in a real terminal (tmux), typed into like a person would."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

REPO = Path(__file__).resolve().parent.parent


class Tmux:
    """One private tmux server (its own socket) running one command in an 80×24 pane."""

    def __init__(self, socket: Path) -> None:
        self.socket = str(socket)

    def run(self, *args: str) -> str:
        out = subprocess.run(
            ["tmux", "-S", self.socket, *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=20,
            env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
        )
        return out.stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "app")

    def wait_for(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        alive = subprocess.run(
            ["tmux", "-S", self.socket, "has-session", "-t", "app"], capture_output=True
        )
        state = "running" if alive.returncode == 0 else "gone (the tmux server exited)"
        raise AssertionError(f"{text!r} never appeared; session {state}; the pane shows:\n{screen}")


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    # The socket in the test's own directory: nothing is left behind in /tmp/tmux-UID.
    t = Tmux(tmp_path / "tmux.sock")
    yield t
    t.run("kill-server")


def _start(tmux: Tmux, tmp_path: Path, args: str, size: tuple[int, int] = (80, 24)) -> None:
    env = {
        "PYTHONPATH": str(REPO),
        "MATHSYM_STATE_DIR": str(tmp_path / "state"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
    }
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    # The shell stays after the app exits, so its last screen can still be read.
    command = f"env {exports} {shlex.quote(sys.executable)} -m app {args}; sleep 30"
    tmux.run("new-session", "-d", "-s", "app", "-x", str(size[0]), "-y", str(size[1]), command)


def _start_shell(tmux: Tmux, tmp_path: Path, command: str, size: tuple[int, int]) -> None:
    """Run a shell *command* line (the app inside it) in a pane of *size*."""
    env = {
        "PYTHONPATH": str(REPO),
        "MATHSYM_STATE_DIR": str(tmp_path / "state"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
    }
    exports = " ".join(f"export {k}={shlex.quote(v)};" for k, v in env.items())
    line = f"{exports} {command}; sleep 30"
    tmux.run("new-session", "-d", "-s", "app", "-x", str(size[0]), "-y", str(size[1]), line)


def test_typing_forall_shows_the_symbol(tmux: Tmux, tmp_path: Path) -> None:
    _start(tmux, tmp_path, "")
    tmux.wait_for("palette")  # the footer is drawn: the app is up
    tmux.run("send-keys", "-t", "app", "forall")
    for text in ("FOR ALL", "U+2200", "\\forall"):  # row and detail pane draw in turn
        screen = tmux.wait_for(text)
    assert "∀" in screen


def test_small_terminal_still_searches(tmux: Tmux, tmp_path: Path) -> None:
    _start(tmux, tmp_path, "", size=(40, 12))
    tmux.wait_for("palette")
    tmux.run("send-keys", "-t", "app", "forall")
    screen = tmux.wait_for("FOR ALL")
    assert "∀" in screen


#: How launchers and scripts capture the pick, each with where the test reads it back.
PICK_RECIPES = {
    "command substitution": 'x=$({cmd}); printf %s "$x" > {out}',
    "redirect to a file": "{cmd} > {out}",
    "pipe": "{cmd} | cat > {out}",
}


@pytest.mark.parametrize("recipe", sorted(PICK_RECIPES))
@pytest.mark.parametrize("size", [(110, 32), (40, 12), (80, 24), (200, 60)], ids=str)
def test_pick_with_stdout_captured(
    tmux: Tmux, tmp_path: Path, recipe: str, size: tuple[int, int]
) -> None:
    # stdout is a pipe or a file in every recipe; the picker must still be drawn at the
    # pane's own size and take keys (it used to spin at any size but 80x24).
    out = tmp_path / "picked.txt"
    cmd = PICK_RECIPES[recipe].format(
        cmd=f"{shlex.quote(sys.executable)} -m app --pick", out=shlex.quote(str(out))
    )
    _start_shell(tmux, tmp_path, cmd, size)
    tmux.wait_for("palette" if size[0] >= 80 else "name")  # the app is up
    tmux.run("send-keys", "-t", "app", "-l", "\\le")
    tmux.wait_for("LESS-THAN OR EQUAL TO")  # the keys got through (they never did)
    tmux.run("send-keys", "-t", "app", "Enter")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not (out.exists() and out.read_text()):
        time.sleep(0.2)
    assert out.read_text(encoding="utf-8") == "≤"


def test_pick_prints_after_the_app_exits(tmux: Tmux, tmp_path: Path) -> None:
    out = tmp_path / "picked.txt"
    _start(tmux, tmp_path, f"--pick latex forall > {shlex.quote(str(out))}", size=(100, 30))
    tmux.wait_for("FOR ALL")
    tmux.run("send-keys", "-t", "app", "Enter")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not (out.exists() and out.read_text()):
        time.sleep(0.2)
    assert out.read_text(encoding="utf-8") == "\\forall"


def test_enter_and_quit_with_a_clipboard_tool_that_hangs(tmux: Tmux, tmp_path: Path) -> None:
    # An xclip that never returns (a shell script: its sleep is what could be left
    # behind). Before: each Enter left a stuck child, and Ctrl+Q never exited.
    tools = tmp_path / "tools"
    tools.mkdir()
    marker = f"sleep 600.{os.getpid()}{time.monotonic_ns() % 100_000}"
    (tools / "xclip").write_text(f"#!/bin/sh\n{marker}\n")
    (tools / "xclip").chmod(0o755)
    command = (
        f"PATH={shlex.quote(str(tools))}:$PATH DISPLAY=:99 {shlex.quote(sys.executable)} -m app;"
        " echo APP-EXITED"
    )
    _start_shell(tmux, tmp_path, command, (120, 32))
    tmux.wait_for("palette")
    tmux.run("send-keys", "-t", "app", "forall")
    tmux.wait_for("FOR ALL")
    for _ in range(3):
        tmux.run("send-keys", "-t", "app", "Enter")
    tmux.wait_for("stopped")  # the notice: OSC 52 only, as the tool "was stopped"
    tmux.run("send-keys", "-t", "app", "C-q")
    tmux.wait_for("APP-EXITED")
    time.sleep(0.3)
    left = subprocess.run(["pgrep", "-f", marker], capture_output=True).stdout.split()
    assert left == []
