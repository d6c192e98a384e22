"""End to end: the real app in a real terminal (tmux), typed into like a person would."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import Tmux

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def test_typing_forall_shows_the_symbol(tmux: Tmux, tmp_path: Path) -> None:
    tmux.start_app("")
    tmux.wait_for("palette")  # the footer is drawn: the app is up
    tmux.keys("forall")
    for text in ("FOR ALL", "U+2200", "\\forall"):  # row and detail pane draw in turn
        screen = tmux.wait_for(text)
    assert "∀" in screen


def test_small_terminal_still_searches(tmux: Tmux, tmp_path: Path) -> None:
    tmux.start_app("", (40, 12))
    tmux.wait_for("palette")
    tmux.keys("forall")
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
    tmux.start(cmd, size)
    tmux.wait_for("palette" if size[0] >= 80 else "name")  # the app is up
    tmux.keys("-l", "\\le")
    tmux.wait_for("LESS-THAN OR EQUAL TO")  # the keys got through (they never did)
    tmux.keys("Enter")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not (out.exists() and out.read_text()):
        time.sleep(0.2)
    assert out.read_text(encoding="utf-8") == "≤"


def test_pick_prints_after_the_app_exits(tmux: Tmux, tmp_path: Path) -> None:
    out = tmp_path / "picked.txt"
    tmux.start_app(f"--pick latex forall > {shlex.quote(str(out))}", (100, 30))
    tmux.wait_for("FOR ALL")
    tmux.keys("Enter")
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
    tmux.start(command, (120, 32))
    tmux.wait_for("palette")
    tmux.keys("forall")
    tmux.wait_for("FOR ALL")
    for _ in range(3):
        tmux.keys("Enter")
    tmux.wait_for("stopped")  # the notice: OSC 52 only, as the tool "was stopped"
    tmux.keys("C-q")
    tmux.wait_for("APP-EXITED")
    time.sleep(0.3)
    left = subprocess.run(["pgrep", "-f", marker], capture_output=True).stdout.split()
    assert left == []
